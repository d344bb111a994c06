"""The trust boundary while a snippet runs: an audit hook that refuses what would reach the tracer, JavaScript or the
host.

Python has no private objects, so the boundary is drawn in three ways (lockdown.py applies them once):
- nothing a snippet can reach by attributes, closures or subclasses leads to the tracer's code or data (the tracer
  keeps its state in builtin containers and defines no class with methods; what snippets see is in stubs.py);
- the hook below refuses the introspection that could cross anyway: frames below the snippet's own, the
  collector's object lists, trace hooks, new code objects, and the host's commands, sockets and native code;
- the tracer never calls a snippet's code, so no snippet code runs with the tracer's frames beneath it.
"""
import types

from builtins import ModuleNotFoundError, PermissionError, frozenset, str, type

from .kinds import FRAME_TYPE, GENERATOR_TYPE, str_starts
from .pinned import namespace

TRACER_PREFIX = "_memlane_tracer/"
STUB_FILENAME = "<memlane-guard>"

# active: the lockdown is done (from then on every snippet runs under the hook);
# trusted: the tracer itself is running (its trace function, or the host's calls), so no snippet code is;
# checking: the hook is reading an attribute that raises its own audit event;
# interrupt_pending: the time limit's interrupt arrived while the tracer ran and waits for it to return.
state = namespace("guard", active=False, trusted=False, checking=False, interrupt_pending=False)

# Roots of module names that lead to JavaScript, native code or the interpreter's insides: absent for snippets.
BLOCKED_MODULE_ROOTS = frozenset((
    "js", "pyodide", "pyodide_js", "_pyodide", "_pyodide_core", "micropip", "pyodide_http",
    "ctypes", "_ctypes", "_testcapi", "_testinternalcapi", "_testlimitedcapi", "_testbuffer",
    "_testclinic", "_testclinic_limited", "_xxtestfuzz", "_remote_debugging", "_posixsubprocess",
))


def is_blocked_module(name):
    if type(name) is not str:
        return False
    return name.partition(".")[0] in BLOCKED_MODULE_ROOTS


def is_protected_file(filename):
    """Frames of these files must never be reachable from a snippet: the tracer's and Pyodide's."""
    return (str_starts(filename, TRACER_PREFIX) or filename == STUB_FILENAME
            or "/_pyodide/" in filename or "/pyodide/" in filename)


def frames_are_clean(frame, depth=-1):
    """Whether the frame and every frame beneath it (the first `depth` of them, when depth >= 0) are the
    snippet's, the stdlib's or the runner's."""
    while frame is not None and depth != 0:
        if is_protected_file(frame.f_code.co_filename):
            return False
        frame = frame.f_back
        depth -= 1
    return True


def _reachable_depth():
    """How far below a frame a check looks. While the tracer runs, the frames it asks for are the snippet's and
    its own lie above them: a frame that is the tracer's, or rests on it, can only be asked for by snippet code
    the tracer was made to call, and two frames tell that. Otherwise, the whole chain."""
    return 2 if state.trusted else -1


def refuse(what):
    raise PermissionError(f"memlane snippets cannot {what}")


_TRACEBACK_FRAME = types.TracebackType.tb_frame.__get__
_GENERATOR_FRAME = GENERATOR_TYPE.gi_frame.__get__
_COROUTINE_FRAME = types.CoroutineType.cr_frame.__get__
_ASYNC_GENERATOR_FRAME = types.AsyncGeneratorType.ag_frame.__get__
_FRAME_GETTERS = {
    "tb_frame": (types.TracebackType, _TRACEBACK_FRAME),
    "gi_frame": (GENERATOR_TYPE, _GENERATOR_FRAME),
    "cr_frame": (types.CoroutineType, _COROUTINE_FRAME),
    "ag_frame": (types.AsyncGeneratorType, _ASYNC_GENERATOR_FRAME),
}
_FUNCTION_CODE = types.FunctionType.__code__.__get__
_SECRET_ATTRIBUTES = frozenset(("__defaults__", "__kwdefaults__", "__code__"))


def _frame_behind(owner, name):
    """The frame an audited attribute read returns, read here with the hook's own events ignored."""
    getter = _FRAME_GETTERS.get(name)
    if getter is None or type(owner) is not getter[0]:
        return None
    try:
        state.checking = True
        return getter[1](owner)
    finally:
        state.checking = False


def _is_stub(function):
    if type(function) is not types.FunctionType:
        return False
    try:
        state.checking = True
        return _FUNCTION_CODE(function).co_filename == STUB_FILENAME
    finally:
        state.checking = False


def _attribute_read(args):
    owner, name = args[0], args[1]
    if type(name) is not str:
        return
    if name in _FRAME_GETTERS:
        frame = _frame_behind(owner, name)
        if frame is not None and type(frame) is FRAME_TYPE and not frames_are_clean(frame, _reachable_depth()):
            refuse("reach the frames that run them")
    elif (name == "__defaults__" or name == "__kwdefaults__") and _is_stub(owner):
        refuse("read what memlane's replacements keep")


def _attribute_write(args):
    if type(args[1]) is str and args[1] in _SECRET_ATTRIBUTES and _is_stub(args[0]):
        refuse("change memlane's replacements")


def _frame_request(args):
    frame = args[0] if args else None
    if type(frame) is FRAME_TYPE and not frames_are_clean(frame, _reachable_depth()):
        refuse("reach the frames that run them (sys._getframe)")


def _only_the_tracer(what):
    def check(args):
        if not state.trusted:
            refuse(what)
    return check


def _never(what):
    def check(args):
        refuse(what)
    return check


def _import(args):
    name = args[0] if args else None
    if is_blocked_module(name):
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)


_CHECKS = {
    "object.__getattr__": _attribute_read,
    "object.__setattr__": _attribute_write,
    "sys._getframe": _frame_request,
    "import": _import,
    "gc.get_objects": _only_the_tracer("list the interpreter's objects (gc.get_objects)"),
    "gc.get_referrers": _only_the_tracer("ask the collector for referrers (gc.get_referrers)"),
    "gc.get_referents": _only_the_tracer("ask the collector for referents (gc.get_referents)"),
    "sys.settrace": _only_the_tracer("set a trace function: memlane traces them itself"),
    "sys.setprofile": _only_the_tracer("set a profile function: memlane traces them itself"),
    "sys.monitoring.register_callback": _only_the_tracer("register monitoring callbacks: memlane traces them itself"),
    "sys._current_frames": _never("list the interpreter's frames (sys._current_frames)"),
    "sys._current_exceptions": _never("list the interpreter's exceptions (sys._current_exceptions)"),
    "sys.addaudithook": _never("add audit hooks"),
    "sys.remote_exec": _never("run code in other processes"),
    "code.__new__": _never("make code objects from bytecode (compile the source instead)"),
    "marshal.loads": _never("load marshalled code"),
    "marshal.load": _never("load marshalled code"),
    "builtins.breakpoint": _never("start a debugger: there is no terminal at build time"),
    "pdb.Pdb": _never("start a debugger: there is no terminal at build time"),
    "os.system": _never("run host commands"),
    "os.exec": _never("run host commands"),
    "os.posix_spawn": _never("run host commands"),
    "os.spawn": _never("run host commands"),
    "os.fork": _never("start processes"),
    "os.forkpty": _never("start processes"),
    "os.kill": _never("signal processes"),
    "os.killpg": _never("signal processes"),
    "subprocess.Popen": _never("run host commands"),
    "socket.__new__": _never("open sockets: snippets have no network"),
    "socket.connect": _never("open sockets: snippets have no network"),
    "socket.bind": _never("open sockets: snippets have no network"),
    "socket.sendto": _never("open sockets: snippets have no network"),
    "socket.sendmsg": _never("open sockets: snippets have no network"),
    "socket.getaddrinfo": _never("look up hosts: snippets have no network"),
    "socket.gethostbyname": _never("look up hosts: snippets have no network"),
    "urllib.Request": _never("open URLs: snippets have no network"),
    "webbrowser.open": _never("open a browser"),
    "ctypes.dlopen": _never("load native libraries"),
    "ctypes.dlsym": _never("load native libraries"),
    "ctypes.cdata": _never("read native memory"),
    "ctypes.call_function": _never("call native functions"),
}


def audit(event, args):
    """The audit hook (sys.addaudithook), active once the lockdown is done. Reads only the tracer's state and
    the event's arguments through C-level getters, so no snippet code runs inside it."""
    if not state.active or state.checking:
        return
    check = _CHECKS.get(event)
    if check is not None:
        check(args)
