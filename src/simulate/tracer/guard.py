"""The trust boundary: what a snippet may not reach (JavaScript, host commands, input, the trace hook)."""
from builtins import ModuleNotFoundError, PermissionError, RuntimeError, hasattr

# Names of modules that lead to JavaScript and the host: a snippet sees them as absent.
# ctypes is among them: it can call Emscripten's C library, which can run JavaScript.
BLOCKED_MODULE_PREFIXES = ("js", "pyodide", "pyodide_js", "_pyodide", "_pyodide_core", "micropip", "pyodide_http",
                           "ctypes", "_ctypes")


def is_blocked_module(name):
    root = name.split(".", 1)[0]
    return root in BLOCKED_MODULE_PREFIXES


class BlockedModuleFinder:
    """First entry of sys.meta_path: modules that reach JavaScript do not exist for snippets."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if is_blocked_module(name):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

    @staticmethod
    def invalidate_caches():
        pass


def input_is_unavailable(prompt=""):
    raise RuntimeError(
        "input() is not available in memlane snippets: there is no keyboard at build time; "
        "assign the value instead, e.g. name = 'Ada'"
    )


def host_commands_are_unavailable(*args, **kwargs):
    raise PermissionError("memlane snippets cannot run host commands")


def remove_host_commands():
    """Emscripten's system() runs a real command on the host under Node: take it away for good."""
    import os
    import posix
    for module in (os, posix):
        if hasattr(module, "system"):
            module.system = host_commands_are_unavailable


remove_host_commands()


def settrace_is_taken(function):
    raise RuntimeError("sys.settrace is not available in memlane snippets: memlane traces them itself")
