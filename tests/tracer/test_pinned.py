"""Pinned names: every builtin a tracer function reads is a global of its own module, so a snippet that rebinds
builtins cannot change the trace."""
import builtins
import dis
import types
import unittest

import memlane_tracer


def function_codes(code):
    """The code of every function defined in `code` (class bodies and the module body run only at load)."""
    for constant in code.co_consts:
        if type(constant) is types.CodeType:
            if constant.co_flags & 0x3:
                yield constant
            yield from function_codes(constant)


def module_codes(module):
    for value in vars(module).values():
        if type(value) is types.FunctionType and value.__module__ == module.__name__:
            yield value.__code__
            yield from function_codes(value.__code__)
        elif type(value) is type and value.__module__ == module.__name__:
            for member in vars(value).values():
                function = getattr(member, "__func__", member)
                if type(function) is types.FunctionType:
                    yield function.__code__
                    yield from function_codes(function.__code__)


def submodules(package):
    return {name: value for name, value in vars(package).items()
            if type(value) is types.ModuleType and value.__name__ == f"{package.__name__}.{name}"}


class Pinned(unittest.TestCase):
    def test_the_package_has_its_modules(self):
        self.assertGreaterEqual(set(submodules(memlane_tracer)),
                                {"pinned", "guard", "limits", "reprs", "recorder", "run"})

    def test_builtins_read_by_the_tracer_are_bound_in_its_modules(self):
        unbound = []
        for name, module in sorted(submodules(memlane_tracer).items()):
            for code in module_codes(module):
                for instruction in dis.get_instructions(code):
                    if instruction.opname != "LOAD_GLOBAL":
                        continue
                    loaded = instruction.argval
                    if loaded not in vars(module) and hasattr(builtins, loaded):
                        unbound.append(f"{name}.{code.co_qualname}: {loaded}")
        self.assertEqual(unbound, [])

    def test_the_tracer_defines_no_class_with_methods(self):
        # A snippet finds every class through object.__subclasses__() and can patch it: the tracer's state
        # lives in builtin containers, and its only classes are the limit errors, with nothing to patch.
        with_methods = []
        for name, module in sorted(submodules(memlane_tracer).items()):
            for value in vars(module).values():
                if type(value) is type and value.__module__ == module.__name__:
                    if any(type(member) in (types.FunctionType, classmethod, staticmethod, property)
                           for member in vars(value).values()):
                        with_methods.append(f"{name}.{value.__qualname__}")
        self.assertEqual(with_methods, [])

    def test_the_checker_sees_an_unbound_builtin(self):
        probe = types.ModuleType("probe")
        exec("def uses():\n    return len([])\n", probe.__dict__)
        loads = [i.argval for code in module_codes(probe) for i in dis.get_instructions(code)
                 if i.opname == "LOAD_GLOBAL"]
        self.assertEqual(loads, ["len"])
        self.assertNotIn("len", vars(probe))


if __name__ == "__main__":
    unittest.main()
