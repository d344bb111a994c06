"""The trust boundary seen from a snippet: modules that reach JavaScript are absent, the host's commands, the trace
hooks and the stubs' secrets refuse, and nothing a snippet finds leads to the tracer."""
import unittest

from memlane_tracer.guard import is_blocked_module
from tracer_helpers import trace


def run(source):
    document = trace(source, maxSteps=100_000)
    return document["stdout"], document["error"]


class Blocked(unittest.TestCase):
    def test_modules_that_reach_javascript_or_native_code_are_blocked_with_their_submodules(self):
        for name in ("js", "pyodide", "pyodide.ffi", "_pyodide_core", "ctypes", "ctypes.util", "micropip",
                     "_testinternalcapi", "_posixsubprocess"):
            self.assertTrue(is_blocked_module(name), name)
        for name in ("json", "jsonschema", "collections", "pyodide_extra_but_not_root", 7):
            self.assertFalse(is_blocked_module(name), name)

    def test_a_snippet_cannot_import_them_even_without_the_finder(self):
        source = ("import sys, importlib\nsys.meta_path.clear()\nfor name in ['js', 'ctypes', '_pyodide_core']:\n"
                  "    try:\n        importlib.import_module(name)\n        print(name, 'imported')\n"
                  "    except ImportError as error:\n        print(name, type(error).__name__)\n")
        stdout, error = run(source)
        self.assertIsNone(error)
        self.assertEqual(stdout.split(), ["js", "ModuleNotFoundError", "ctypes", "ModuleNotFoundError",
                                          "_pyodide_core", "ModuleNotFoundError"])

    def test_builtin_modules_are_made_once(self):
        stdout, error = run("import gc, _imp, importlib.machinery\n"
                            "spec = importlib.machinery.ModuleSpec('gc', None)\n"
                            "print(_imp.create_builtin(spec) is gc)\n")
        self.assertEqual((stdout, error), ("True\n", None))


class Stubs(unittest.TestCase):
    def test_input_explains_why_it_is_unavailable(self):
        _, error = run("name = input('Name? ')\n")
        self.assertEqual(error["type"], "RuntimeError")
        self.assertIn("assign the value instead", error["message"])

    def test_host_commands_are_gone(self):
        _, error = run("import os\nos.system('ls')\n")
        self.assertEqual((error["type"], error["message"]),
                         ("PermissionError", "memlane snippets cannot run host commands"))

    def test_a_snippet_cannot_take_or_see_the_trace_hooks(self):
        _, error = run("import sys\nsys.settrace(None)\n")
        self.assertIn("memlane traces them itself", error["message"])
        stdout, error = run("import sys\nframe = sys._getframe()\n"
                            "print(sys.gettrace(), sys.getprofile(), frame.f_trace)\n")
        self.assertEqual((stdout, error), ("None None None\n", None))
        _, error = run("import sys\nsys.monitoring.register_callback(3, 1, None)\n")
        self.assertIn("sys.monitoring is not available", error["message"])

    def test_what_a_stub_keeps_cannot_be_read(self):
        _, error = run("import _imp\n_imp.create_builtin.__kwdefaults__\n")
        self.assertEqual(error["type"], "PermissionError")
        _, error = run("import time\ndef steal(seconds, *, clock, pause):\n    return clock\n"
                       "time.sleep.__code__ = steal.__code__\n")
        self.assertEqual(error["type"], "PermissionError")


class Frames(unittest.TestCase):
    def test_below_the_snippet_is_the_runner_and_its_harmless_globals(self):
        # (In the sandbox nothing is below the runner: the host calls it with no Python frame beneath.)
        source = ("import sys\nbelow = sys._getframe().f_back\n"
                  "print(below.f_code.co_filename, sorted(below.f_globals), sorted(below.f_globals['__builtins__']))\n")
        stdout, error = run(source)
        self.assertIsNone(error)
        self.assertEqual(stdout,
                         "<memlane-run> ['__builtins__', 'code', 'namespace', 'outcome'] ['BaseException', 'exec']\n")

    def test_a_limit_errors_traceback_does_not_lead_into_the_tracer(self):
        source = ("caught = None\ntry:\n    while True:\n        pass\n"
                  "except BaseException as error:\n    caught = error\n"
                  "tb = caught.__traceback__\nwhile tb.tb_next:\n    tb = tb.tb_next\n")
        document = trace(source, maxSteps=20)
        self.assertEqual(document["error"]["type"], "StepLimitError")
        frames = trace("import sys\ntry:\n    import js\nexcept ImportError as error:\n    tb = error.__traceback__\n"
                       "    while tb.tb_next:\n        tb = tb.tb_next\n    tb.tb_frame\n")
        self.assertEqual(frames["error"]["type"], "PermissionError")


class Collector(unittest.TestCase):
    def test_gc_finds_the_snippets_objects(self):
        stdout, error = run("import gc\nclass Job: pass\nfinished = []\njob = Job()\nfinished.append(job)\n"
                            "print(sorted(type(each).__name__ for each in gc.get_referrers(job)))\n")
        self.assertEqual((stdout, error), ("['dict', 'list']\n", None))

    def test_gc_finds_nothing_of_the_tracer_or_of_pyodide(self):
        # The walk is compiled under another file name, so it runs untraced and in time.
        walk = ("import gc, types\nfound = []\nfor each in gc.get_objects():\n"
                "    kind = type(each)\n    if kind is types.ModuleType and not hasattr(each, '__name__'):\n"
                "        found.append('emptied module')\n"
                "    elif kind is types.ModuleType and each.__name__.startswith(('_memlane', 'pyodide', '_pyodide')):\n"
                "        found.append(each.__name__)\n"
                "    elif kind is types.FunctionType and each.__code__.co_filename.startswith('_memlane'):\n"
                "        found.append(each.__qualname__)\n"
                "    elif type(kind).__name__ == '_JsProxyMetaClass':\n        found.append('JsProxy')\n")
        source = f"scope = {{}}\nexec(compile({walk!r}, 'walk', 'exec'), scope)\nprint(scope['found'])\n"
        stdout, error = run(source)
        self.assertEqual((stdout, error), ("[]\n", None))


if __name__ == "__main__":
    unittest.main()
