"""Values in words: cut reprs, addresses removed, signatures, exception messages, elided containers."""
import unittest

from memlane_tracer.limits import StepLimitError
from tracer_helpers import local, trace
from memlane_tracer.reprs import (
    ITEM_LIMIT, REPR_LIMIT, elide, exception_message, first_and_last, function_parameters, function_signature, generator_state,
    short_repr, without_addresses,
)


class ShortRepr(unittest.TestCase):
    def test_short_values_are_whole(self):
        self.assertEqual(short_repr(42), ("42", None))
        self.assertEqual(short_repr("hi"), ("'hi'", None))
        self.assertEqual(short_repr([1, 2]), ("[1, 2]", None))

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

    def test_a_failing_repr_does_not_fail_the_trace(self):
        class Broken:
            def __repr__(self):
                raise ValueError("no")

        self.assertEqual(short_repr(Broken()), ("<Broken object (repr failed: ValueError)>", None))

    def test_a_limit_raised_inside_repr_still_stops_the_snippet(self):
        class Stopped:
            def __repr__(self):
                raise StepLimitError("limit")

        with self.assertRaises(StepLimitError):
            short_repr(Stopped())

    def test_addresses_are_removed(self):
        self.assertEqual(without_addresses("<weakref at 0x11ab; to 'A' at 0x22>"), "<weakref; to 'A'>")
        text, _ = short_repr(object())
        self.assertEqual(text, "<object object>")


class Signatures(unittest.TestCase):
    def test_every_kind_of_parameter(self):
        def f(a, b=[], /, c=1, *args, d, e="x", **kw):
            pass

        self.assertEqual(function_signature(f), "(a, b=[], /, c=1, *args, d, e='x', **kw)")

    def test_a_bare_star_before_keyword_only_parameters(self):
        def g(x, *, y=None):
            pass

        self.assertEqual(function_signature(g), "(x, *, y=None)")

    def test_defaults_show_their_current_value(self):
        def h(seen=[]):
            pass

        h.__defaults__[0].append(3)
        self.assertEqual(function_signature(h), "(seen=[3])")


class Parameters(unittest.TestCase):
    def test_every_kind_in_order_with_its_default(self):
        def f(a, b=[], /, c=1, *args, d, e="x", **kw):
            pass

        self.assertEqual(function_parameters(f), [
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

        self.assertEqual([(p["name"], "default" in p) for p in function_parameters(join)],
                         [("words", False), ("sep", True), ("end", True)])

    def test_no_parameters(self):
        self.assertEqual(function_parameters(lambda: None), [])

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

    def test_a_failing_str_gives_a_placeholder(self):
        class Odd(Exception):
            def __str__(self):
                raise RuntimeError

        self.assertEqual(exception_message(Odd()), "<message unavailable: RuntimeError>")


class Elision(unittest.TestCase):
    def test_short_containers_are_kept_whole(self):
        values = list(range(ITEM_LIMIT))
        self.assertEqual(elide(values), (values, None))
        self.assertEqual(first_and_last(iter(values), len(values)), values)

    def test_long_containers_keep_twenty_at_each_end(self):
        values = list(range(100))
        kept, extra = elide(values)
        self.assertEqual(kept, list(range(20)) + list(range(80, 100)))
        self.assertEqual(extra, {"length": 100, "elided": {"at": 20, "count": 60}})
        self.assertEqual(first_and_last(iter(values), 100), kept)


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
