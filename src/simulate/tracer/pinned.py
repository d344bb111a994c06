"""The stdlib functions the tracer calls, taken as they were at load and all written in C: a snippet that
replaces or patches them (a module's function, a stdlib class's method) cannot change what the tracer does."""
import gc as _gc_module
import sys
import time as _time_module
import weakref as _weakref_module
from _json import encode_basestring as _encode_string, make_encoder as _make_encoder
from json import loads as json_loads  # used only before a snippet runs
from re import compile as compile_pattern
from types import ModuleType, SimpleNamespace

from builtins import TypeError, getattr, object, type


def namespace(name, **fields):
    """A record of the tracer's whose fields read as fast as a module's globals: a module object (its type is
    C and immutable, so a snippet cannot patch how its fields are read), kept out of sys.modules."""
    record = ModuleType("_memlane_tracer." + name)
    record.__dict__.update(fields)
    return record


def snapshot_of(module, *names):
    """The module's functions as they are now: a snippet that replaces them cannot break the tracer."""
    return namespace(module.__name__, **{name: getattr(module, name) for name in names})


gc = snapshot_of(_gc_module, "get_objects", "get_referrers", "get_referents", "is_tracked", "is_finalized",
                 "get_stats", "isenabled", "enable", "disable", "collect")
time = snapshot_of(_time_module, "monotonic")
weakref = snapshot_of(_weakref_module, "ref")
monitoring = snapshot_of(sys.monitoring, "get_tool", "use_tool_id", "register_callback", "set_events",
                         "restart_events", "DISABLE")
MONITORING_LINE = sys.monitoring.events.LINE
# A number unique to each live object, as id() is, without the audit event id() raises: the tracer asks it
# hundreds of thousands of times in a long run, and each event would call the audit hook.
address = object.__hash__
remove_addresses = compile_pattern(r" at 0x[0-9a-fA-F]+").sub
install_trace = sys.settrace
get_reference_count = sys.getrefcount
get_frame = sys._getframe
join_text = "".join


def _not_json(value):
    raise TypeError(f"the tracer cannot encode a {type(value).__name__} as JSON")


# The C encoder json.JSONEncoder builds, without JSONEncoder's Python methods (a snippet can patch those).
_encode = _make_encoder(None, _not_json, _encode_string, None, ": ", ", ", False, False, True)


def encode_json(value):
    """`value` (the tracer's own dicts, lists, strs and numbers) as JSON text, as json.dumps would write it."""
    return join_text(_encode(value, 0))
