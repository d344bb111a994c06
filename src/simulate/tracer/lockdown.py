"""Once per interpreter, before any snippet: take away what leads to JavaScript, put the stubs in place and arm the
audit hook.

After lock_down() the interpreter is what every run starts from (the host restores its memory after each run):
Pyodide's Python modules are emptied and gone, their import finders removed, the stubs of stubs.py stand where
snippets would reach the host, the trace hooks and the collector's object lists answer to the tracer alone.
"""
import _imp
import _signal
import builtins
import gc as gc_module
import os
import posix
import signal
import sys
import time
import types

from builtins import (ValueError, classmethod, issubclass, dict, frozenset, getattr, list, map, object, set,
                      staticmethod, type, vars, zip)

IMMUTABLE_TYPE_FLAG = 1 << 8

from .event_loop import install_event_loop
from .guard import BLOCKED_MODULE_ROOTS, audit, is_blocked_module, state
from .kinds import HEAP_TYPE_FLAG, MODULE_TYPE, type_flags, type_module
from .pinned import gc
from .limits import new_output, register_enforcement
from .owned import check_generation, registry, visible
from .pinned import SimpleNamespace, address, namespace
from .stubs import make_runner, make_stubs

# The finders snippets import with: CPython's own. Pyodide's (which find `js` and friends) are removed.
_KEPT_FINDERS = (_imp.__spec__.loader, sys.modules["_frozen_importlib"].FrozenImporter,
                 sys.modules["_frozen_importlib_external"].PathFinder)
_MONITORING_CONSTANTS = ("events", "DEBUGGER_ID", "COVERAGE_ID", "PROFILER_ID", "OPTIMIZER_ID", "MISSING", "DISABLE")


def unwrap_pyodide_patches():
    """Pyodide wraps some stdlib functions (time.sleep, asyncio.run) to reach JavaScript: the originals go back."""
    for name, module in list(sys.modules.items()):
        if is_blocked_module(name) or type(module) is not MODULE_TYPE:
            continue
        for key, value in list(module.__dict__.items()):
            # The module a function was written in is its globals': functools.wraps copies __module__.
            if type(value) is types.FunctionType and is_blocked_module(value.__globals__.get("__name__")):
                original = getattr(value, "__wrapped__", None)
                if original is not None:
                    module.__dict__[key] = original


def scrub_pyodide():
    """Empties and removes every module that leads to JavaScript: their functions' globals go with them, so a
    function found through object.__subclasses__() leads nowhere. Returns the emptied modules."""
    unwrap_pyodide_patches()
    emptied = []
    for name in [name for name in sys.modules if is_blocked_module(name)]:
        module = sys.modules.pop(name)
        if type(module) is MODULE_TYPE:
            module.__dict__.clear()
            emptied.append(module)
    sys.meta_path[:] = [finder for finder in sys.meta_path if any_is(finder, _KEPT_FINDERS)]
    sys.path_importer_cache.clear()
    return emptied


def any_is(value, choices):
    for choice in choices:
        if value is choice:
            return True
    return False


def monitoring_stub(refused):
    """sys.monitoring as snippets see it: the constants, and functions that refuse."""
    names = {name: getattr(sys.monitoring, name) for name in _MONITORING_CONSTANTS}
    for name in ("get_tool", "use_tool_id", "clear_tool_id", "free_tool_id", "register_callback", "get_events",
                 "set_events", "get_local_events", "set_local_events", "restart_events"):
        names[name] = refused
    return SimpleNamespace(**names)


def install_stubs(stubs):
    builtins.input = stubs.input
    os.system = posix.system = stubs.system
    sys.settrace = stubs.settrace
    sys.setprofile = stubs.setprofile
    sys.gettrace = stubs.gettrace
    sys.getprofile = stubs.getprofile
    sys.monitoring = monitoring_stub(stubs.monitoring)
    time.sleep = stubs.sleep
    loaded = {name: sys.modules[name] for name in sys.builtin_module_names
              if name in sys.modules and not is_blocked_module(name)}
    stubs.create_builtin.__kwdefaults__ = {"original": _imp.create_builtin, "loaded": loaded,
                                           "blocked": BLOCKED_MODULE_ROOTS}
    _imp.create_builtin = stubs.create_builtin
    _imp.create_dynamic = stubs.create_dynamic
    # The time limit's interrupt is the tracer's; snippets may neither replace its handler nor read it.
    _signal.signal(_signal.SIGINT, stubs.on_interrupt)
    for module in (signal, _signal):
        module.signal = stubs.signal
        module.getsignal = stubs.getsignal
    finder = SimpleNamespace(find_spec=stubs.find_spec, invalidate_caches=stubs.invalidate_caches)
    stubs.find_spec.__kwdefaults__ = {"blocked": BLOCKED_MODULE_ROOTS}
    sys.meta_path.insert(0, finder)
    stubs.get_objects.__kwdefaults__ = {"real": gc_module.get_objects, "visible": visible, "check": check_generation}
    stubs.get_referrers.__kwdefaults__ = {"real": gc_module.get_referrers, "visible": visible}
    stubs.get_referents.__kwdefaults__ = {"real": gc_module.get_referents, "visible": visible}
    gc_module.get_objects, gc_module.get_referrers, gc_module.get_referents = (
        stubs.get_objects, stubs.get_referrers, stubs.get_referents)


def disarm_foreign_types(classes, refusal):
    """Pyodide's classes stay (object.__subclasses__() lists them) but make nothing: JsException("TypeError", "x"),
    say, would make a JavaScript error object, and from it reach JavaScript's functions. Their constructors and
    their class-level functions refuse; static types that cannot be changed cannot be called either."""
    for cls in classes:
        if not type_flags(cls) & IMMUTABLE_TYPE_FLAG:
            for name, value in list(vars(cls).items()):
                if type(value) in (staticmethod, classmethod):
                    type.__setattr__(cls, name, staticmethod(refusal))
            names = ("__new__", "__init__", "__init_subclass__", "__class_getitem__")
            for name in (*names, "__call__") if issubclass(cls, type) else names:
                type.__setattr__(cls, name, staticmethod(refusal) if name == "__new__" else refusal)


def sweep_foreign_instances(foreign_type_ids):
    """Takes every instance of Pyodide's classes (JsProxy: a JavaScript value) out of the dicts, lists and cells
    that hold it: the import hook's table of JavaScript modules, loaders, json's null marker. Pyodide's C code
    may still hold them; nothing a snippet can walk to does."""
    def foreign(value):
        return address(type(value)) in foreign_type_ids

    def any_foreign(values):
        # In C: most of the ~20,000 containers hold nothing foreign and are passed over at once.
        return not foreign_type_ids.isdisjoint(map(address, map(type, values)))

    holders = gc.get_objects()
    # Instances keep their attributes inline (3.13+) until their __dict__ is asked for: asked for where one is foreign.
    holders.extend(vars(each) for each in list(holders)
                   if type_flags(type(each)) & HEAP_TYPE_FLAG and any_foreign(gc.get_referents(each))
                   and type(getattr(each, "__dict__", None)) is dict)
    for holder in holders:
        kind = type(holder)
        if kind is dict:
            if any_foreign(holder.values()) or any_foreign(holder):
                for key, value in list(holder.items()):
                    if foreign(key):
                        del holder[key]
                    elif foreign(value):
                        holder[key] = None  # json's null marker is None outside Pyodide, as here
        elif kind is list:
            if any_foreign(holder):
                holder[:] = [value for value in holder if not foreign(value)]
        elif kind is types.CellType:
            try:
                if foreign(holder.cell_contents):
                    holder.cell_contents = None
            except ValueError:
                pass


def replace_everywhere(replacements):
    """Every dict that holds an original (interpreter state keeps a copy of sys's own dict, say) holds its
    replacement instead, so the original is nowhere a snippet can find it."""
    for original, replacement in replacements:
        for holder in gc.get_referrers(original):
            if type(holder) is dict:
                for key, value in list(holder.items()):
                    if value is original:
                        holder[key] = replacement


def foreign_types():
    """Every class Pyodide defined (JsProxy and its kin): their instances are left out of gc's answers."""
    found = []
    seen = set()
    todo = [object]
    while todo:
        cls = todo.pop()
        if address(cls) in seen:
            continue
        seen.add(address(cls))
        module = type_module(cls)
        if module is not None and is_blocked_module(module):
            found.append(cls)
        todo.extend(type.__subclasses__(cls))
    return found


def lock_down(roots, shared):
    """Applies the lockdown; returns what each run needs of it: the stubs' shared output slot and the runner.

    roots: the tracer's module objects; shared(): what the tracer holds that is the snippet's own (its namespace).
    """
    foreign = foreign_types()
    emptied = scrub_pyodide()
    sweep_foreign_instances(frozenset(map(address, foreign)))
    install_event_loop()  # Pyodide's WebLoop runs on JavaScript: asyncio gets a loop that does not
    monitoring = sys.monitoring
    stubs, stub_globals = make_stubs(new_output(0))
    disarm_foreign_types(foreign, stubs.refuse_javascript)
    originals = (sys.settrace, sys.setprofile, sys.gettrace, sys.getprofile)
    install_stubs(stubs)
    replace_everywhere(((monitoring, sys.monitoring),
                        *zip(originals, (stubs.settrace, stubs.setprofile, stubs.gettrace, stubs.getprofile))))
    register_enforcement()
    runner_code, runner_globals = make_runner()
    session = namespace("session", stubs=stubs, stub_globals=stub_globals, runner_code=runner_code,
                              runner_globals=runner_globals, output_type=stubs.CapturedOutput)
    registry.roots = (*roots, session)
    registry.held = (monitoring, *emptied)
    registry.shared = shared
    registry.foreign_type_ids = frozenset(map(address, foreign))
    sys.addaudithook(audit)
    state.active = True
    return session
