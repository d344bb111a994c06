"""The trust boundary: modules that lead to JavaScript are absent, input and host commands refuse, the trace hook is taken."""
import os
import unittest

from memlane_tracer.guard import BlockedModuleFinder, is_blocked_module
from tracer_helpers import trace


class Guard(unittest.TestCase):
    def test_modules_that_reach_javascript_are_blocked_with_their_submodules(self):
        for name in ("js", "pyodide", "pyodide.ffi", "_pyodide_core", "ctypes", "ctypes.util", "micropip"):
            self.assertTrue(is_blocked_module(name), name)
        for name in ("json", "jsonschema", "collections", "pyodide_extra_but_not_root"):
            self.assertFalse(is_blocked_module(name), name)

    def test_the_finder_says_a_blocked_module_does_not_exist(self):
        with self.assertRaises(ModuleNotFoundError) as raised:
            BlockedModuleFinder.find_spec("js.globalThis")
        self.assertEqual(raised.exception.name, "js.globalThis")
        self.assertIsNone(BlockedModuleFinder.find_spec("json"))

    def test_a_snippet_cannot_import_javascript(self):
        document = trace("import js\n")
        self.assertEqual(document["error"]["type"], "ModuleNotFoundError")

    def test_input_explains_why_it_is_unavailable(self):
        document = trace("name = input('Name? ')\n")
        self.assertEqual(document["error"]["type"], "RuntimeError")
        self.assertIn("assign the value instead", document["error"]["message"])

    def test_host_commands_are_gone(self):
        with self.assertRaises(PermissionError):
            os.system("true")
        self.assertEqual(trace("import os\nos.system('ls')\n")["error"]["type"], "PermissionError")

    def test_a_snippet_cannot_take_the_trace_hook(self):
        document = trace("import sys\nsys.settrace(None)\nx = 1\n")
        self.assertEqual(document["error"]["type"], "RuntimeError")
        self.assertIn("memlane traces them itself", document["error"]["message"])


if __name__ == "__main__":
    unittest.main()
