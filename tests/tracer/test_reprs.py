"""Values in words: cut reprs, addresses removed, signatures, exception messages, elided containers."""
import unittest

from memlane_tracer.kinds import function_defaults, function_kwdefaults
from memlane_tracer.reprs import (
    ITEM_LIMIT, REPR_LIMIT, exception_message, first_and_last, function_parameters, function_signature, generator_state,
    safe_repr, short_repr, without_addresses,
)
from tracer_helpers import local, trace


def signature(function):
    return function_signature(function.__code__, function_defaults(function), function_kwdefaults(function))


def parameters(function):
    return function_parameters(function.__code__, function_defaults(function), function_kwdefaults(function))


class ShortRepr(unittest.TestCase):
    def test_short_values_are_whole(self):
        self.assertEqual(short_repr(42), ("42", None))
        self.assertEqual(short_repr("hi"), ("'hi'", None))

    def test_long_strings_are_cut_and_give_their_full_length(self):
        text, full = short_repr("x" * 500)
        self.assertEqual(text, "'" + "x" * (REPR_LIMIT - 1))
        self.assertEqual(full, 502)

    def test_huge_strings_are_not_copied_to_measure_them(self):
        text, full = short_repr("y" * 200_000)
        self.assertEqual(len(text), REPR_LIMIT)
        self.assertEqual(full, 200_003)

    def test_bytearrays_keep_their_type_name(self):
        self.assertEqual(short_repr(bytearray(b"ab")), ("bytearray(b'ab')", None))

    def test_an_int_too_long_to_print_is_described_by_its_bits(self):
        text, full = short_repr(10 ** 5000)
        self.assertEqual((text, full), ("<int of 16610 bits>", None))

    def test_addresses_are_removed(self):
        self.assertEqual(without_addresses("<weakref at 0x11ab; to 'A' at 0x22>"), "<weakref; to 'A'>")
        self.assertEqual(safe_repr(object()), ("<object object>", None))


class SafeRepr(unittest.TestCase):
    def test_a_snippets_repr_is_never_called(self):
        called = []

        class Loud:
            def __repr__(self):
                called.append(True)
                return "loud"

        text, _ = safe_repr(Loud())
        self.assertEqual((text, called),
                         (f"<{__name__}.SafeRepr.test_a_snippets_repr_is_never_called.<locals>.Loud object>", []))

    def test_c_types_that_hold_no_snippet_object_keep_their_repr(self):
        import decimal
        import re
        self.assertEqual(safe_repr(decimal.Decimal("1.5"))[0], "Decimal('1.5')")
        self.assertEqual(safe_repr(re.compile("a+"))[0], "re.compile('a+')")
        self.assertEqual(safe_repr(len)[0], "<built-in function len>")

    def test_an_exception_with_plain_arguments_keeps_its_repr(self):
        self.assertEqual(safe_repr(ValueError("x"))[0], "ValueError('x')")
        self.assertEqual(safe_repr(ValueError(object()))[0], "<ValueError object>")

    def test_weakrefs_and_modules_are_described_from_their_c_data(self):
        import gc
        import weakref

        class Target:
            pass

        target = Target()
        self.assertEqual(safe_repr(weakref.ref(target))[0], "<weakref; to 'Target'>")
        self.assertEqual(safe_repr(weakref.ref(len))[0], "<weakref; to 'builtin_function_or_method' (len)>")
        self.assertEqual(safe_repr(gc)[0], "<module 'gc' (built-in)>")


class Signatures(unittest.TestCase):
    def test_every_kind_of_parameter(self):
        def f(a, b=[], /, c=1, *args, d, e="x", **kw):
            pass

        self.assertEqual(signature(f), "(a, b=[], /, c=1, *args, d, e='x', **kw)")

    def test_a_bare_star_before_keyword_only_parameters(self):
        def g(x, *, y=None):
            pass

        self.assertEqual(signature(g), "(x, *, y=None)")

    def test_defaults_show_their_current_value(self):
        def h(seen=[]):
            pass

        h.__defaults__[0].append(3)
        self.assertEqual(signature(h), "(seen=[3])")


class Parameters(unittest.TestCase):
    def test_every_kind_in_order_with_its_default(self):
        def f(a, b=[], /, c=1, *args, d, e="x", **kw):
            pass

        self.assertEqual(parameters(f), [
            {"name": "a", "kind": "positional-only"},
            {"name": "b", "kind": "positional-only", "default": True},
            {"name": "c", "kind": "positional-or-keyword", "default": True},
            {"name": "args", "kind": "var-positional"},
            {"name": "d", "kind": "keyword-only"},
            {"name": "e", "kind": "keyword-only", "default": True},
            {"name": "kw", "kind": "var-keyword"},
        ])

    def test_a_default_whose_repr_has_commas_is_still_one_parameter(self):
        def join(words, sep=", ", *, end=")"):
            pass

        self.assertEqual([(p["name"], "default" in p) for p in parameters(join)],
                         [("words", False), ("sep", True), ("end", True)])

    def test_no_parameters(self):
        self.assertEqual(parameters(lambda: None), [])

    def test_in_the_trace_beside_the_signature(self):
        document = trace("def greet(name, greeting='hi'):\n    pass\n")
        _, function = local(document, len(document["steps"]) - 1, "greet")
        self.assertEqual(function["signature"], "(name, greeting='hi')")
        self.assertEqual(function["parameters"], [
            {"name": "name", "kind": "positional-or-keyword"},
            {"name": "greeting", "kind": "positional-or-keyword", "default": True},
        ])


class Messages(unittest.TestCase):
    def test_a_message_without_addresses(self):
        self.assertEqual(exception_message(KeyError("k")), "'k'")

    def test_an_exception_classs_own_str_is_not_called(self):
        class Odd(Exception):
            def __str__(self):
                raise RuntimeError

        self.assertEqual(exception_message(Odd("from the arguments")), "from the arguments")

    def test_the_builtin_str_of_the_nearest_builtin_class(self):
        class Missing(KeyError):
            pass

        self.assertEqual(exception_message(Missing("k")), "'k'")
        self.assertEqual(exception_message(OSError(2, "No such file", "x")), "[Errno 2] No such file: 'x'")

    def test_arguments_that_are_objects_are_not_turned_into_text(self):
        self.assertEqual(exception_message(ValueError(object())), "<message not shown: it holds objects>")


class Elision(unittest.TestCase):
    def test_short_containers_are_kept_whole(self):
        values = list(range(ITEM_LIMIT))
        self.assertEqual(first_and_last(iter(values), len(values)), values)

    def test_long_containers_keep_twenty_at_each_end(self):
        values = list(range(100))
        self.assertEqual(first_and_last(iter(values), 100), list(range(20)) + list(range(80, 100)))


class GeneratorStates(unittest.TestCase):
    def test_created_suspended_finished(self):
        def count():
            yield 1

        generator = count()
        self.assertEqual(generator_state(generator), "created")
        next(generator)
        self.assertEqual(generator_state(generator), "suspended")
        for _ in generator:
            pass
        self.assertEqual(generator_state(generator), "finished")


if __name__ == "__main__":
    unittest.main()
