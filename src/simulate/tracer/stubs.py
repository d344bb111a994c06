"""What a snippet sees in place of what it may not use: each stub is compiled apart, with globals that hold
nothing of the tracer's, and keeps what it needs in keyword defaults, which the audit hook will not let a snippet
read."""
import signal as _signal_module
import time as _time_module
import types

from builtins import (BaseException, ImportError, __build_class__, KeyboardInterrupt, ModuleNotFoundError,
                      PermissionError, RuntimeError, TypeError, ValueError, compile, dict, exec, float, int, isinstance,
                      issubclass, min, str, type)

from .guard import STUB_FILENAME, state
from .kinds import RUNNER_FILENAME, exact_text

STUB_SOURCE = '''
def input(prompt=""):
    raise RuntimeError(
        "input() is not available in memlane snippets: there is no keyboard at build time; "
        "assign the value instead, e.g. name = 'Ada'")


def system(*args, **kwargs):
    raise PermissionError("memlane snippets cannot run host commands")


def settrace(function):
    raise RuntimeError("sys.settrace is not available in memlane snippets: memlane traces them itself")


def setprofile(function):
    raise RuntimeError("sys.setprofile is not available in memlane snippets: memlane traces them itself")


def gettrace():
    return None


def getprofile():
    return None


def signal(signalnum, handler):
    raise PermissionError("memlane snippets cannot set signal handlers")


def getsignal(signalnum):
    return SIG_DFL


def monitoring(*args, **kwargs):
    raise RuntimeError("sys.monitoring is not available in memlane snippets: memlane traces them itself")


def sleep(seconds, *, clock=None, pause=None):
    """time.sleep in short slices, so the time limit's interrupt can end a long one."""
    if not isinstance(seconds, (int, float)):
        raise TypeError(f"'{type(seconds).__name__}' object cannot be interpreted as an integer or float")
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    end = clock() + seconds
    while True:
        now = clock()
        if now >= end:
            return None
        pause(min(0.05, end - now))


def create_builtin(spec, *, original=None, loaded=None, blocked=None):
    name = spec.name
    if type(name) is not str:
        raise TypeError("spec.name must be a str")
    if name.partition(".")[0] in blocked:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    module = loaded.get(name)
    if module is None:
        module = original(Spec(name=name))
        loaded[name] = module
    return module


def find_spec(name, path=None, target=None, *, blocked=None):
    """The first finder on sys.meta_path: modules that reach JavaScript do not exist for snippets."""
    if type(name) is str and name.partition(".")[0] in blocked:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    return None


def invalidate_caches():
    pass


def get_objects(generation=None, *, real=None, visible=None, check=None):
    check(generation)
    return visible(real, (generation,))


def get_referrers(*objs, real=None, visible=None):
    return visible(real, objs)


def get_referents(*objs, real=None, visible=None):
    return visible(real, objs)


def refuse_javascript(*args, **kwargs):
    raise PermissionError("memlane snippets cannot reach JavaScript")


def create_dynamic(spec, file=None):
    raise ImportError("memlane snippets cannot load extension modules")


def on_interrupt(signum, frame, *, state=None):
    """The time limit's interrupt (SIGINT): while the tracer runs it waits until the tracer returns, so it
    lands in the snippet's code, never half-way through the tracer's bookkeeping."""
    if state.trusted:
        state.interrupt_pending = True
        return
    raise KeyboardInterrupt


class CapturedOutput:
    """sys.stdout and sys.stderr of a snippet: what it prints, kept up to the output limit."""

    encoding = "utf-8"
    errors = "strict"

    def write(self, text):
        if not issubclass(type(text), str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        text = exact_text(text)
        room = output["limit"] - output["length"]
        if len(text) > room:
            if room > 0:
                output["chunks"].append(text[:room])
                output["length"] += room
            output["exceeded"] = True
            raise with_traceback(output["error"], None)
        output["chunks"].append(text)
        output["length"] += len(text)
        return len(text)

    def flush(self):
        pass

    def isatty(self):
        return False

    def writable(self):
        return True
'''

RUNNER_SOURCE = '''
try:
    exec(code, namespace)
except BaseException as error:
    outcome.append(error)
'''

_SAFE_BUILTINS = {name: value for name, value in (
    ("BaseException", BaseException), ("ImportError", ImportError), ("KeyboardInterrupt", KeyboardInterrupt),
    ("ModuleNotFoundError", ModuleNotFoundError), ("PermissionError", PermissionError), ("RuntimeError", RuntimeError),
    ("TypeError", TypeError), ("ValueError", ValueError), ("float", float), ("int", int), ("isinstance", isinstance),
    ("issubclass", issubclass), ("len", str.__len__), ("min", min), ("str", str), ("type", type),
    ("__build_class__", __build_class__),
)}


def make_stubs(output):
    """The stubs, each a function (or class) whose globals are a small dict of harmless names, and that dict;
    its `output` is what the snippet's CapturedOutput writes to (its text and counts are the snippet's own)."""
    namespace = {
        "__builtins__": dict(_SAFE_BUILTINS), "__name__": "memlane", "SIG_DFL": _signal_module.SIG_DFL,
        "Spec": types.SimpleNamespace, "exact_text": exact_text, "output": output,
        "with_traceback": BaseException.with_traceback,
    }
    exec(compile(STUB_SOURCE, STUB_FILENAME, "exec", dont_inherit=True), namespace)
    namespace["sleep"].__kwdefaults__ = {"clock": _time_module.monotonic, "pause": _time_module.sleep}
    namespace["on_interrupt"].__kwdefaults__ = {"state": state}
    stubs = types.SimpleNamespace(**{name: value for name, value in namespace.items()
                                     if type(value) is types.FunctionType or type(value) is type})
    return stubs, namespace


def make_runner():
    """The code that runs a snippet and the globals it runs in: the snippet's code, its namespace and a list
    for the exception that ended it. Run from the host with no Python frame beneath it, so the snippet's
    frames rest on this one frame alone."""
    code = compile(RUNNER_SOURCE, RUNNER_FILENAME, "exec", dont_inherit=True)
    runner_globals = {"__builtins__": {"exec": exec, "BaseException": BaseException},
                      "code": None, "namespace": None, "outcome": []}
    return code, runner_globals
