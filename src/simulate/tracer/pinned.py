"""The stdlib functions the tracer calls, taken as they were at load: a snippet that replaces them cannot break the tracer."""
import gc as _gc_module
import json as _json_module
import sys
import time as _time_module
import weakref as _weakref_module
from json.encoder import JSONEncoder
from re import compile as compile_pattern
from types import SimpleNamespace

from builtins import getattr


def snapshot_of(module, *names):
    """The module's functions as they are now: a snippet that replaces them cannot break the tracer."""
    return SimpleNamespace(**{name: getattr(module, name) for name in names})


gc = snapshot_of(_gc_module, "get_objects", "get_referrers", "get_referents", "is_tracked", "is_finalized",
                 "get_stats", "isenabled", "get_threshold", "set_threshold", "enable")
time = snapshot_of(_time_module, "monotonic", "sleep")
weakref = snapshot_of(_weakref_module, "ref")
json = snapshot_of(_json_module, "dumps", "loads")
monitoring = snapshot_of(sys.monitoring, "get_tool", "use_tool_id", "register_callback", "set_events",
                         "restart_events", "DISABLE")
MONITORING_LINE = sys.monitoring.events.LINE
remove_addresses = compile_pattern(r" at 0x[0-9a-fA-F]+").sub
encode_json = JSONEncoder(ensure_ascii=False).encode
sys_functions = snapshot_of(sys, "setrecursionlimit", "setprofile")
install_trace = sys.settrace
get_reference_count = sys.getrefcount
# The module itself, whose `sleep` a run replaces by a bounded one for the snippet.
time_module = _time_module
