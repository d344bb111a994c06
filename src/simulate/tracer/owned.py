"""What the tracer owns in the interpreter (its modules, its state, the originals it pinned), found from its
roots, and the gc functions snippets call, which leave it out: a snippet may walk the heap with gc as in any
CPython, but what it finds there never leads to the recorder or to what the lockdown took away."""
import types

from builtins import TypeError, frozenset, int, list, map, set, str, tuple, type

from .guard import is_protected_file, state
from .kinds import MODULE_TYPE, str_starts
from .pinned import SimpleNamespace, address, gc, namespace

# Containers the tracer keeps its state in: their contents are the tracer's too.
_CONTAINER_TYPE_IDS = frozenset(map(address, (dict, list, tuple, set, frozenset, SimpleNamespace, types.CellType)))
# Objects the tracer holds that lead nowhere by themselves but must not be handed out (pinned originals).
_HELD_TYPE_IDS = frozenset(map(address, (types.BuiltinFunctionType, types.MethodType, types.MethodWrapperType)))
_FUNCTION_CODE = types.FunctionType.__dict__["__code__"].__get__
_MODULE_NAME = MODULE_TYPE.__dict__["__dict__"].__get__

# Filled once by lockdown.py: where the tracer's state starts, what it holds apart from its modules (the
# stubs, the originals of sys.monitoring), what it shares with the snippet (never hidden), and Pyodide's types.
registry = namespace("registry", roots=(), held=(), shared=lambda: (), foreign_type_ids=frozenset())


def _is_tracer_module(module):
    name = _MODULE_NAME(module).get("__name__")
    return type(name) is str and str_starts(name, "_memlane_tracer")


def owned_ids():
    """The ids of every object the tracer owns now. Walks from its roots through its containers, its own
    functions and modules; stops at what it shares with the snippet (the snippet's namespace, say)."""
    stop = set(map(address, registry.shared()))
    held = set(map(address, registry.held))
    owned = set()
    todo = [*registry.roots, *registry.held]
    while todo:
        obj = todo.pop()
        key = address(obj)
        if key in owned or key in stop:
            continue
        kind = type(obj)
        if kind is types.FunctionType:
            if not is_protected_file(_FUNCTION_CODE(obj).co_filename):
                continue
        elif kind is MODULE_TYPE:
            if not (key in held or _is_tracer_module(obj)):
                continue
        elif address(kind) not in _CONTAINER_TYPE_IDS:
            if address(kind) in _HELD_TYPE_IDS or key in held:
                owned.add(key)
            continue
        owned.add(key)
        todo.extend(gc.get_referents(obj))
    return owned


def visible(function, arguments):
    """function(*arguments), one of the collector's object lists, without what the tracer owns or Pyodide made."""
    try:
        state.trusted = True
        found = function(*arguments)
        hidden = owned_ids()
        hidden.add(address(arguments))  # the tuple of the stub's own *objs
        foreign = registry.foreign_type_ids
        return [each for each in found if address(each) not in hidden and address(type(each)) not in foreign]
    finally:
        state.trusted = False


def check_generation(generation):
    if generation is not None and type(generation) is not int:
        raise TypeError(f"generation must be an int or None, not {type(generation).__name__}")
