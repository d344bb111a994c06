"""Isolation between snippets: builtins, sys.modules, module namespaces and sys settings put back after each one."""
import builtins as _builtins_module
import sys

from builtins import all, dict, getattr, len, list, type

from .guard import BlockedModuleFinder, input_is_unavailable, is_blocked_module, settrace_is_taken
from .pinned import gc, install_trace, sys_functions


class Isolation:
    """Restores builtins, sys.modules, module namespaces and sys settings after each snippet."""

    def __init__(self):
        self.module_table = sys.modules  # the real one, even if a snippet rebinds sys.modules
        self.modules = {name: module for name, module in sys.modules.items() if not is_blocked_module(name)}
        self.namespaces = {}
        for name, module in self.modules.items():
            namespace = getattr(module, "__dict__", None)
            if type(namespace) is dict:
                self.namespaces[name] = dict(namespace)
        self.path = list(sys.path)
        self.meta_path = [finder for finder in sys.meta_path if "pyodide" not in type(finder).__module__]
        self.path_hooks = list(sys.path_hooks)
        self.recursion_limit = sys.getrecursionlimit()
        self.gc_enabled = gc.isenabled()
        self.gc_threshold = gc.get_threshold()

    def enter(self):
        sys.meta_path[:] = [BlockedModuleFinder] + self.meta_path
        for name in list(sys.modules):
            if is_blocked_module(name):
                del sys.modules[name]
        _builtins_module.input = input_is_unavailable
        sys.settrace = settrace_is_taken

    def restore(self):
        modules = self.module_table
        for name in list(modules):
            if name not in self.modules:
                del modules[name]
        for name, module in self.modules.items():
            if modules.get(name) is not module:
                modules[name] = module
        for name, saved in self.namespaces.items():
            namespace = self.modules[name].__dict__
            if len(namespace) == len(saved) and all(namespace.get(key, namespace) is value
                                                    for key, value in saved.items()):
                continue
            # Put back only what changed: the namespace is never empty, even for a moment.
            for key in [key for key in namespace if key not in saved]:
                del namespace[key]
            for key, value in saved.items():
                if namespace.get(key, namespace) is not value:
                    namespace[key] = value
        sys.path[:] = self.path
        sys.meta_path[:] = [BlockedModuleFinder] + self.meta_path
        sys.path_hooks[:] = self.path_hooks
        sys_functions.setrecursionlimit(self.recursion_limit)
        gc.set_threshold(*self.gc_threshold)
        if self.gc_enabled:
            gc.enable()
        install_trace(None)
        sys_functions.setprofile(None)
