"""Runs one Python snippet under sys.settrace and records a memlane trace (format v1).

Loaded once into Pyodide by sandbox-host.mjs; `run_snippet` is called for every snippet.
The tracer never keeps a strong reference to a user object between two events: identities
are remembered by id() plus a weakref (where the type allows it) or the type and repr.
"""
import builtins as _builtins_module
import gc as _gc_module
import json as _json_module
import sys
import time as _time_module
import weakref as _weakref_module
from re import compile as compile_pattern
from opcode import opmap as opcode_map
from json.encoder import JSONEncoder
from sys import settrace as install_trace
from types import SimpleNamespace


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

# Bind the builtins the tracer uses as module globals, so a snippet that rebinds
# builtins.len or builtins.repr cannot change how its own trace is recorded.
from builtins import (
    BaseException, Exception, KeyError, ValueError, AttributeError, TypeError, RecursionError,
    SyntaxError, SystemExit, KeyboardInterrupt, StopIteration, RuntimeError, ModuleNotFoundError,
    bool, bytes, bytearray, complex, dict, float, frozenset, int, list, object, range, set, str,
    tuple, type, enumerate, getattr, hasattr, id, isinstance, issubclass, iter, len, next, repr,
    reversed, sorted, zip, compile, exec, max, min,
)

SNIPPET_FILENAME = "<memlane-snippet>"
USER_MODULE = "__main__"
REPR_LIMIT = 120
ITEM_LIMIT = 40
ITEMS_KEPT_AT_EACH_END = 20
OBJECT_LIMIT = 2000  # objects described in full at one step; the rest get a placeholder

CO_GENERATOR_LIKE = 0x20 | 0x80 | 0x200  # generator, coroutine, async generator
FUNCTION_TYPE = type(lambda: None)
CELL_TYPE = type((lambda x: lambda: x)(0).__closure__[0])
GENERATOR_TYPE = type((lambda: (yield))())


class _MethodProbe:
    def method(self):
        pass


METHOD_TYPE = type(_MethodProbe().method)
MODULE_TYPE = type(sys)
FRAME_TYPE = type(sys._getframe())
SCALAR_TYPES = frozenset({int, float, complex, bool, type(None), range, type(Ellipsis), type(NotImplemented), str, bytes})
# Immortal objects (small ints, None, interned strings...) never die, so their ids are never reused.
is_immortal = getattr(sys, "_is_immortal", lambda obj: False)

# Names of modules that lead to JavaScript and the host: a snippet sees them as absent.
# ctypes is among them: it can call Emscripten's C library, which can run JavaScript.
BLOCKED_MODULE_PREFIXES = ("js", "pyodide", "pyodide_js", "_pyodide", "_pyodide_core", "micropip", "pyodide_http",
                           "ctypes", "_ctypes")


def is_blocked_module(name):
    root = name.split(".", 1)[0]
    return root in BLOCKED_MODULE_PREFIXES


class StepLimitError(BaseException):
    """The snippet ran more steps than allowed."""


class TimeLimitError(BaseException):
    """The snippet ran longer than the wall-clock limit."""


class OutputLimitError(BaseException):
    """The snippet printed more than the output cap."""


LIMIT_ERRORS = (StepLimitError, TimeLimitError, OutputLimitError)


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


def bounded_sleep(recorder):
    """time.sleep for a snippet: sleeps in short slices so the time limit can end it."""

    def sleep(seconds):
        if not isinstance(seconds, (int, float)):
            raise TypeError(f"'{type(seconds).__name__}' object cannot be interpreted as an integer or float")
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        end = time.monotonic() + seconds
        while True:
            now = time.monotonic()
            if now > recorder.deadline:
                recorder.time_is_up()
            if now >= end:
                return None
            time.sleep(min(0.05, end - now, max(recorder.deadline - now, 0) + 0.001))

    return sleep


def settrace_is_taken(function):
    raise RuntimeError("sys.settrace is not available in memlane snippets: memlane traces them itself")


class CapturedOutput:
    """sys.stdout for a snippet: keeps what is printed, up to the output cap."""

    def __init__(self, limit, enforce):
        self._chunks = []
        self._length = 0
        self._limit = limit
        self._enforce = enforce
        self.encoding = "utf-8"
        self.errors = "strict"

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        room = self._limit - self._length
        if len(text) > room:
            if room > 0:
                self._chunks.append(text[:room])
                self._length += room
            self._enforce(OutputLimitError(
                f"the snippet printed more than {self._limit} characters (the output limit, "
                f"--max-output / maxOutput)"))
        self._chunks.append(text)
        self._length += len(text)
        return len(text)

    def flush(self):
        pass

    def isatty(self):
        return False

    def writable(self):
        return True

    def text(self):
        return "".join(self._chunks)

    def __len__(self):
        return self._length


def short_repr(obj):
    """repr(obj) cut to REPR_LIMIT characters, and the full length when it was cut."""
    kind = type(obj)
    try:
        if kind is str or kind is bytes or kind is bytearray:
            # Slice before repr: a huge string must not be copied whole on every step.
            head = repr(obj[: REPR_LIMIT + 8])
            if len(obj) <= REPR_LIMIT + 8:
                full = head if kind is not bytearray else repr(obj)
                return cut(full)
            total = len(repr(obj)) if len(obj) <= 100_000 else len(obj) + 3
            return head[:REPR_LIMIT], total
        if kind is int and obj.bit_length() > 14_000:
            try:
                return cut(repr(obj))
            except ValueError:  # more digits than sys.get_int_max_str_digits() allows
                return f"<int of {obj.bit_length()} bits>", None
        return cut(without_addresses(repr(obj)))
    except BaseException as error:  # a user __repr__ may fail; the trace must not
        if isinstance(error, LIMIT_ERRORS):
            raise
        return f"<{kind.__name__} object (repr failed: {type(error).__name__})>", None


def without_addresses(text):
    """'<weakref at 0x11; to 'A' at 0x22>' -> '<weakref; to 'A'>': addresses differ from run to run."""
    if " at 0x" not in text:
        return text
    return remove_addresses("", text)


def cut(text):
    if len(text) <= REPR_LIMIT:
        return text, None
    return text[:REPR_LIMIT], len(text)


def function_signature(function):
    """'(a, b=[], *args, c, **kw)' from the code object, with the defaults' current reprs."""
    code = function.__code__
    names = code.co_varnames
    positional = code.co_argcount
    keyword_only = code.co_kwonlyargcount
    defaults = function.__defaults__ or ()
    kwdefaults = function.__kwdefaults__ or {}
    parts = []
    first_default = positional - len(defaults)
    for index in range(positional):
        text = names[index]
        if index >= first_default:
            text += "=" + short_repr(defaults[index - first_default])[0]
        parts.append(text)
        if index + 1 == code.co_posonlyargcount:
            parts.append("/")
    cursor = positional
    if code.co_flags & 0x04:
        parts.append("*" + names[positional + keyword_only])
    elif keyword_only:
        parts.append("*")
    for index in range(cursor, cursor + keyword_only):
        text = names[index]
        if text in kwdefaults:
            text += "=" + short_repr(kwdefaults[text])[0]
        parts.append(text)
    if code.co_flags & 0x08:
        parts.append("**" + names[positional + keyword_only + (1 if code.co_flags & 0x04 else 0)])
    return "(" + ", ".join(parts) + ")"


def generator_state(generator):
    if generator.gi_running:
        return "running"
    if generator.gi_frame is None:
        return "finished"
    if generator.gi_suspended:
        return "suspended"
    return "created"


def is_user_code(code):
    # __annotate__ is compiled from annotations (PEP 649) and called by libraries, not by the reader.
    return code.co_filename == SNIPPET_FILENAME and code.co_name != "__annotate__"


def is_sunder(name):
    # _member_map_ and friends: machinery of enum classes, not what the reader wrote.
    return len(name) > 2 and name[0] == "_" and name[-1] == "_" and name[1] != "_" and name[-2] != "_"


def is_dunder(name):
    return len(name) > 4 and name.startswith("__") and name.endswith("__")


# What CPython puts in every class namespace by itself, whatever the class body says.
AUTOMATIC_CLASS_ATTRIBUTES = frozenset((
    "__module__", "__qualname__", "__dict__", "__weakref__", "__firstlineno__", "__static_attributes__",
    "__classcell__", "__classdictcell__", "__annotate__", "__annotate_func__", "__annotations_cache__",
    "__conditional_annotations__", "__orig_bases__", "__type_params__", "__parameters__",
))


def is_class_body(code):
    # A class body runs in a namespace dict (no fast locals) and is not the module's code.
    return not code.co_flags & 0x3 and code.co_name != "<module>"


def shows_class_attribute(name, value, body_names):
    """Whether a class's diagram lists this entry of its namespace: what its body defined.

    body_names: the names the class body bound (None when the body was not traced); dunders that
    a decorator added (a dataclass's __init__, say) are not the reader's and stay hidden.
    """
    if name in AUTOMATIC_CLASS_ATTRIBUTES or is_sunder(name):
        return False
    if name == "__doc__" and value is None:
        return False
    if not is_dunder(name):
        return True
    if body_names is not None:
        return name in body_names
    return type(value) is FUNCTION_TYPE and value.__code__.co_filename == SNIPPET_FILENAME


def elide(values):
    """Keep the first and last 20 of a long container; return (kept, extra fields)."""
    length = len(values)
    if length <= ITEM_LIMIT:
        return values, None
    kept = values[:ITEMS_KEPT_AT_EACH_END] + values[length - ITEMS_KEPT_AT_EACH_END:]
    return kept, {"length": length, "elided": {"at": ITEMS_KEPT_AT_EACH_END, "count": length - ITEM_LIMIT}}


def first_and_last(iterable, length):
    """The items an elided container shows, without copying a huge container whole."""
    if length <= ITEM_LIMIT:
        return list(iterable)
    head = []
    iterator = iter(iterable)
    for _ in range(ITEMS_KEPT_AT_EACH_END):
        head.append(next(iterator))
    tail = []
    skip = length - ITEM_LIMIT
    for index, item in enumerate(iterator):
        if index >= skip:
            tail.append(item)
    return head + tail


class Identity:
    """What the tracer remembers about one shown object, without keeping it alive."""

    __slots__ = ("oid", "kind", "weak", "scalar_key", "tracked", "encoding", "made_in", "edges", "unseen", "holders")

    def __init__(self, oid, kind, weak, scalar_key, tracked):
        self.oid = oid
        self.kind = kind
        self.weak = weak
        self.scalar_key = scalar_key
        self.tracked = tracked
        self.encoding = None
        self.made_in = None
        self.edges = ()
        self.unseen = 1       # references the trace did not show, at the last step it was shown
        self.holders = ()     # ids of the frames and objects that showed a reference to it then


class Recorder:
    """Turns trace events of the snippet's code into trace v1 steps."""

    def __init__(self, options, output, enforce):
        self.max_steps = options["maxSteps"]
        self.deadline = time.monotonic() + options["timeoutMs"] / 1000
        self.timeout_ms = options["timeoutMs"]
        self.show_modules = options["showModules"]
        self.output = output
        self.enforce = enforce
        self.steps = []               # each step already encoded as JSON
        self.last_line = None
        self.identities = {}          # id(obj) -> Identity, for objects shown at the last step
        self.keys_by_oid = {}         # object id in the trace -> id(obj)
        self.replaced = []            # trace ids whose address a new object took at this step
        self.next_object = 0
        self.next_frame = 0
        self.frame_ids = {}           # id(frame) -> frame id, for frames of running calls
        self.generator_frames = {}    # id(generator) -> (weakref, frame id)
        self.local_order = {}         # frame id -> (names bound at the last step, names in binding order)
        self.shown_names = {}         # id(code) -> (weakref to the code, the local names its frames show)
        self.unwinding = set()        # frame ids an exception is passing through
        self.left_by_exception = set()  # frame ids of calls an exception ended (a traceback keeps them)
        self.shown = set()            # ids of objects shown at the last step
        self.unreachable = {}         # id(obj) -> Identity kept alive only by a cycle
        self.class_bodies = {}        # class qualname -> names its body bound, from the body's last run
        self.functions_made = {}      # frame id -> weakrefs to the functions its `def`s made
        self.running_function = {}    # frame id -> weakref to the closure that frame runs
        self.collections = self.gc_collections()
        self.stopped = False
        self.faults = []

    # -- events ---------------------------------------------------------------------------

    def trace(self, frame, event, arg):
        if not is_user_code(frame.f_code):
            return None
        if self.stopped or self.enforce.error is not None:
            return None
        if event in ("call", "line", "return", "exception"):
            if len(self.steps) >= self.max_steps:
                self.stop(StepLimitError(
                    f"the snippet ran more than {self.max_steps} steps (the step limit, "
                    f"--max-steps / max-steps=N)"))
            if time.monotonic() > self.deadline:
                self.time_is_up()
            try:
                self.record(frame, event, arg)
            except Exception as error:
                # A fault of the tracer must never become the snippet's exception.
                self.faults.append(f"{event} at line {frame.f_lineno}: {type(error).__name__}: {error}")
        return self.trace

    def time_is_up(self):
        self.stop(TimeLimitError(f"the snippet ran longer than {self.timeout_ms} ms (the time limit, --timeout)"))

    def stop(self, error):
        self.stopped = True
        self.enforce(error)

    # -- frames ---------------------------------------------------------------------------

    def frame_id(self, frame, event):
        key = id(frame)
        code = frame.f_code
        if code.co_flags & CO_GENERATOR_LIKE:
            generator = frame.f_generator
            fid = self.generator_frame_id(generator, frame)
            self.frame_ids[key] = fid
            return fid
        if event == "call" or key not in self.frame_ids:
            self.next_frame += 1
            fid = f"f{self.next_frame}"
            self.frame_ids[key] = fid
            return fid
        return self.frame_ids[key]

    def generator_frame_id(self, generator, resumed_frame=None):
        key = id(generator)
        known = self.generator_frames.get(key)
        if known is not None:
            alive = known[0]()
            if alive is generator:
                return known[1]
            if alive is None and resumed_frame is not None and not at_start(resumed_frame):
                # A generator closed as it is freed: CPython cleared its weakrefs before resuming it
                # a last time, and would not clear one made now (it would crash the interpreter later).
                return known[1]
        self.next_frame += 1
        fid = f"f{self.next_frame}"
        self.generator_frames[key] = (weak_reference_to(generator) or dead_reference, fid)
        return fid

    def user_frames(self, frame):
        frames = []
        while frame is not None:
            if is_user_code(frame.f_code):
                frames.append(frame)
            frame = frame.f_back
        frames.reverse()
        return frames

    def frame_locals(self, frame, fid):
        code = frame.f_code
        if code.co_name == "<module>":
            namespace = frame.f_globals
            names = []
            for name, value in namespace.items():
                if is_dunder(name):
                    continue
                if not self.show_modules and type(value) is MODULE_TYPE:
                    continue
                names.append((name, value))
            hidden = frame.f_locals
            if hidden is not namespace:
                # Inside a comprehension inlined into module code (PEP 709): its variables are
                # fast locals of the module's frame, beside the module's names, not instead of them.
                names.extend((name, value) for name, value in hidden.items()
                             if name not in namespace and name.isidentifier())
            return names
        cached = self.shown_names.get(id(code))
        if cached is not None and cached[0]() is code:
            shown = cached[1]
        else:
            shown = frozenset(name for name in code.co_varnames + code.co_cellvars + code.co_freevars
                              if name.isidentifier() and not is_dunder(name))
            self.shown_names[id(code)] = (weakref.ref(code), shown)
        current = {name: value for name, value in frame.f_locals.items() if name in shown}
        if code.co_cellvars or code.co_freevars:
            self.show_cells(frame, fid, current)
        bound = tuple(current)
        known = self.local_order.get(fid)
        if known is not None and known[0] == bound:
            order = known[1]
        else:
            # Names keep the order in which they were first bound; a deleted name leaves it.
            order = [name for name in known[1] if name in current] if known is not None else []
            order.extend(name for name in bound if name not in order)
            self.local_order[fid] = (bound, order)
        if self.show_modules:
            return [(name, current[name]) for name in order]
        return [(name, current[name]) for name in order if type(current[name]) is not MODULE_TYPE]

    def show_cells(self, frame, fid, current):
        """Cell and free variables are shown as the cell they live in, shared with the closures.

        CPython does not expose a running frame's cells, so they are found in the closures: a cell
        variable's in a function this frame made, a free variable's in the function this frame
        runs. A cell variable no closure holds yet shows its value; a free variable whose closure
        cannot be told apart from another of the same code is left out at this step.
        """
        code = frame.f_code
        cells = {}
        if code.co_cellvars:
            made = [value for value in current.values() if type(value) is FUNCTION_TYPE]
            made.extend(function for function in map(call_weakref, self.functions_made.get(fid, ())) if function is not None)
            for function in made:
                if function.__closure__ and function.__code__ in code.co_consts:
                    for name, cell in zip(function.__code__.co_freevars, function.__closure__):
                        if name in code.co_cellvars and name not in cells and holds(cell, current, name):
                            cells[name] = cell
        if code.co_freevars:
            running = self.find_running_function(frame, fid, current)
            if running is not None:
                cells.update(zip(code.co_freevars, running.__closure__))
            for name in code.co_freevars:
                if name not in cells:
                    current.pop(name, None)
        for name, cell in cells.items():
            if name in current:
                current[name] = cell

    def find_running_function(self, frame, fid, current):
        known = self.running_function.get(fid)
        function = known() if known is not None else None
        if function is not None:
            return function
        code = frame.f_code
        # The functions of this code whose cells hold exactly the frame's values (one scan a call).
        candidates = [each for each in gc.get_referrers(code)
                      if type(each) is FUNCTION_TYPE and each.__code__ is code and each.__closure__ is not None
                      and all(holds(cell, current, name) for name, cell in zip(code.co_freevars, each.__closure__))]
        if len(candidates) != 1:
            return None
        self.running_function[fid] = weakref.ref(candidates[0])
        return candidates[0]

    # -- one step -------------------------------------------------------------------------

    def record(self, frame, event, arg):
        frames = self.user_frames(frame)
        snapshot = Snapshot(self, frames)
        stack = []
        current_fid = None
        for each in frames:
            fid = self.frame_id(each, event) if each is frame else self.frame_ids.get(id(each))
            if fid is None:
                fid = self.frame_id(each, "call")
            if each is frame:
                current_fid = fid
            snapshot.frame_ids[id(each)] = fid
        for each in frames:
            fid = snapshot.frame_ids[id(each)]
            entry = {"id": fid, "name": each.f_code.co_name, "line": each.f_lineno or each.f_code.co_firstlineno}
            entry["locals"] = [[name, snapshot.ref(value)] for name, value in self.frame_locals(each, fid)]
            if each.f_code.co_flags & CO_GENERATOR_LIKE:
                entry["generator"] = True
            stack.append(entry)
        step = {"event": event, "line": frame.f_lineno or frame.f_code.co_firstlineno, "stdout": len(self.output), "stack": stack}
        if event == "return":
            if current_fid not in self.unwinding and frame.f_code.co_name != "<module>":
                step["returnValue"] = snapshot.ref(arg)
        elif event == "exception":
            self.unwinding.add(current_fid)
            kind, value = arg[0], arg[1]
            step["exception"] = {"type": kind.__name__, "message": exception_message(value)}
        elif event == "line":
            self.unwinding.discard(current_fid)
        snapshot.finish(stack, step.get("returnValue"))
        step["heap"] = snapshot.changed
        if snapshot.gone:
            step["gone"] = snapshot.gone
            if snapshot.freed:
                step["freed"] = snapshot.freed
        # Kept as JSON text: strings are invisible to the cyclic collector, so a long trace
        # neither slows the snippet's collections down nor changes when they happen.
        self.steps.append(encode_json(step))
        self.last_line = step["line"]
        if event == "return" and is_class_body(frame.f_code):
            self.class_bodies[frame.f_code.co_qualname] = frozenset(frame.f_locals)
        if event == "return" and not frame.f_code.co_flags & CO_GENERATOR_LIKE:
            if current_fid in self.unwinding:
                self.left_by_exception.add(current_fid)
            self.frame_ids.pop(id(frame), None)
            self.local_order.pop(current_fid, None)
            self.functions_made.pop(current_fid, None)
            self.running_function.pop(current_fid, None)
            self.unwinding.discard(current_fid)

    # -- identity -------------------------------------------------------------------------

    def identify(self, obj, scalar_key):
        """The stable object id for obj: the same object keeps its id from step to step."""
        key = id(obj)
        known = self.identities.get(key)
        if known is not None and known.kind is type(obj):
            if known.weak is not None:
                alive = known.weak()
                if alive is obj:
                    return known, False
                # The collector clears the weakrefs of a whole unreachable cycle before it runs the
                # first __del__: while the cycle is being finalized its objects are the same ones.
                if alive is None and (key in self.unreachable or gc.is_finalized(obj)):
                    known.weak = None  # from now on known by address and type, as lists are
                    return known, False
            elif known.scalar_key == scalar_key:
                return known, False
        if known is not None:
            # A new object at the address of one shown before: that one is dead, say so.
            self.replaced.append(known.oid)
            self.keys_by_oid.pop(known.oid, None)
            self.unreachable.pop(key, None)
        self.next_object += 1
        weak = weak_reference_to(obj)
        identity = Identity(f"o{self.next_object}", type(obj), weak, scalar_key, gc.is_tracked(obj))
        self.identities[key] = identity
        self.keys_by_oid[identity.oid] = key
        return identity, True

    def gc_collections(self):
        return sum(generation["collections"] for generation in gc.get_stats())


RESUME_OPCODE = opcode_map["RESUME"]


def at_start(frame):
    """Whether a generator's frame is about to run its first instruction (it was never resumed)."""
    code = frame.f_code.co_code
    for offset in range(0, len(code), 2):
        if code[offset] == RESUME_OPCODE:
            return frame.f_lasti <= offset
    return True


def is_being_finalized(obj):
    return gc.is_tracked(obj) and gc.is_finalized(obj)


def dead_reference():
    return None


def weak_reference_to(obj):
    """A weakref to obj, or None for types without them. Asked of the type first: a failed attempt
    would leave a traceback holding this frame, and with it the object, a moment too long.

    None too for an object whose finalizer runs (a generator closed as it is freed): CPython cleared
    its weakrefs before calling the finalizer and would not clear one made now, which would then
    point at freed memory and crash the interpreter when called.
    """
    if not type.__dict__["__weakrefoffset__"].__get__(type(obj)) or is_being_finalized(obj):
        return None
    try:
        return weakref.ref(obj)
    except TypeError:
        return None


def call_weakref(reference):
    return reference()


def holds(cell, values, name):
    """Whether the cell holds the frame's value of the name (or both are unbound)."""
    try:
        contents = cell.cell_contents
    except ValueError:
        return name not in values
    return name in values and values[name] is contents


def exception_message(value):
    try:
        return without_addresses(str(value))
    except BaseException as error:
        if isinstance(error, LIMIT_ERRORS):
            raise
        return f"<message unavailable: {type(error).__name__}>"


class Snapshot:
    """The heap reachable from the user's frames at one event, as trace v1 deltas."""

    def __init__(self, recorder, frames):
        self.recorder = recorder
        self.frames = frames
        self.frame_ids = {}
        self.objects = {}      # id(obj) -> (obj, Identity), held only while this event is recorded
        self.pending = []
        self.changed = {}
        self.gone = None
        self.freed = None
        self.alive_elsewhere = set()  # id(obj) of objects found alive but held by something not shown

    def ref(self, obj):
        key = id(obj)
        seen = self.objects.get(key)
        if seen is not None:
            return {"ref": seen[1].oid}
        kind = type(obj)
        scalar_key = None
        if kind in SCALAR_TYPES:
            known = self.recorder.identities.get(key)
            if known is not None and known.kind is kind and known.encoding is not None and is_immortal(obj):
                self.objects[key] = (obj, known)
                if known.encoding.get("unreachable"):
                    self.pending.append((obj, known))
                return {"ref": known.oid}
            scalar_key = short_repr(obj)
        identity, is_new = self.recorder.identify(obj, scalar_key)
        self.objects[key] = (obj, identity)
        # An immutable scalar already shown cannot have changed: no need to encode it again.
        if is_new or scalar_key is None or identity.encoding is None or identity.encoding.get("unreachable"):
            self.pending.append((obj, identity))
        return {"ref": identity.oid}

    def drain(self, unreachable=False):
        pending = self.pending
        while pending:
            obj, identity = pending.pop()
            if len(self.objects) > OBJECT_LIMIT or (len(self.objects) & 255 == 0 and time.monotonic() > self.recorder.deadline):
                # A huge web of objects (all of gc.get_objects(), say): show the rest without contents
                # rather than spend the whole time limit on one step.
                encoding = {"type": type(obj).__name__, "repr": f"<{type(obj).__name__}: not shown, too many objects>"[:REPR_LIMIT]}
                identity.edges = ()
            else:
                try:
                    encoding = self.encode(obj, identity)
                except Exception as error:
                    # Odd objects (a hostile __getattribute__, say) must not break the snippet's run.
                    encoding = {"type": type(obj).__name__,
                                "repr": f"<{type(obj).__name__} object: not shown ({type(error).__name__})>"[:REPR_LIMIT]}
                    identity.edges = ()
            # Only containers the cyclic collector tracks are kept alive by a cycle; what they hold
            # that it does not track (interned strings, small ints) lives on by other means.
            if unreachable and gc.is_tracked(obj):
                encoding["unreachable"] = True
            if encoding != identity.encoding:
                identity.encoding = encoding
                self.changed[identity.oid] = encoding

    def finish(self, stack, return_ref):
        recorder = self.recorder
        self.drain()
        vanished = [key for key in recorder.shown if key not in self.objects]
        was_unreachable = set(recorder.unreachable)
        kept = set()
        if vanished and (recorder.unreachable or any(
                recorder.identities[key].tracked for key in vanished if key in recorder.identities)):
            kept = self.keep_cycles(vanished)
        note_references(self.objects, stack, return_ref)
        gone = recorder.replaced
        freed = set(gone)  # a new object took the address: the old one was deallocated
        recorder.replaced = []
        maybe_freed = {}
        for key in vanished:
            if key in self.objects or key in kept:
                continue
            identity = recorder.identities.pop(key, None)
            recorder.unreachable.pop(key, None)
            if identity is not None:
                recorder.keys_by_oid.pop(identity.oid, None)
                gone.append(identity.oid)
                fate = fate_of(identity, key in was_unreachable, key in self.alive_elsewhere)
                if fate is FREED:
                    freed.add(identity.oid)
                elif fate is MAYBE_FREED:
                    maybe_freed[identity.oid] = identity
        if gone:
            freed |= freed_with_their_holders(maybe_freed, set(gone), freed, recorder.left_by_exception)
            gone.sort(key=lambda oid: int(oid[1:]))
            self.gone = gone
            self.freed = [oid for oid in gone if oid in freed] or None
        recorder.shown = set(self.objects) | kept
        self.objects = {}

    def keep_cycles(self, vanished):
        """Objects that lost their last name but live on in a reference cycle stay, flagged.

        Returns the ids of objects kept without being visited again at this step.
        """
        recorder = self.recorder
        identities = recorder.identities
        for key in list(recorder.unreachable):
            if key in self.objects:  # reachable again (through a weakref, say)
                del recorder.unreachable[key]
        new = {}
        for key in vanished:
            identity = identities.get(key)
            if identity is None or not identity.tracked or key in recorder.unreachable:
                continue
            if self.on_cycle(identity):
                new[key] = identity
        known = dict(recorder.unreachable)
        if not new and not known:
            return set()
        collections = recorder.gc_collections()
        if collections == recorder.collections:
            # Only the cyclic collector frees a cycle: none ran, so the known ones still live.
            trusted, check = known, new
        else:
            recorder.collections = collections
            trusted, check = {}, {**known, **new}
        found = self.find_alive(check) if check else {}
        alive = self.only_held_by_each_other(found, set(trusted)) if found else {}
        self.alive_elsewhere = {key for key in found if key not in alive}
        found = None
        recorder.unreachable = dict(trusted)
        for key, (obj, identity) in alive.items():
            recorder.unreachable[key] = identity
            self.objects[key] = (obj, identity)
            self.pending.append((obj, identity))
        self.drain(unreachable=True)
        return self.keep_with_contents(trusted) if trusted else set()

    def keep_with_contents(self, candidates):
        identities = self.recorder.identities
        key_of = self.recorder.keys_by_oid
        kept = set()
        todo = [identity.oid for identity in candidates.values()]
        while todo:
            oid = todo.pop()
            key = key_of.get(oid)
            if key is None or key in kept or key in self.objects:
                continue
            kept.add(key)
            todo.extend(identities[key].edges)
        return kept

    def on_cycle(self, start):
        """Whether the last shown edges lead from this object back to itself."""
        identities = self.recorder.identities
        key_of = self.recorder.keys_by_oid
        seen = set()
        todo = list(start.edges)
        while todo:
            oid = todo.pop()
            if oid == start.oid:
                return True
            if oid in seen:
                continue
            seen.add(oid)
            key = key_of.get(oid)
            if key is not None:
                todo.extend(identities[key].edges)
        return False

    def find_alive(self, candidates):
        """The candidates that still exist, found through their weakref or one scan of the heap."""
        found = {}
        unresolved = {}
        for key, identity in candidates.items():
            if identity.weak is not None:
                obj = identity.weak()
                if obj is not None and type(obj) is identity.kind:
                    found[key] = (obj, identity)
            else:
                unresolved[key] = identity
        # Objects orphaned just now are usually young: look there first, then in the whole heap.
        for generation in (0, None):
            if not unresolved:
                break
            objects = gc.get_objects(generation)
            # Search the ids in C (map, set, list.index), not object by object in Python.
            addresses = list(map(id, objects))
            for key in set(addresses).intersection(unresolved):
                obj = objects[addresses.index(key)]
                identity = unresolved.pop(key)
                if type(obj) is identity.kind:
                    found[key] = (obj, identity)
            obj = objects = addresses = None
        return found

    def only_held_by_each_other(self, found, group):
        """Drop the candidates that something outside the group holds, directly or through the group.

        `group` holds the ids of objects already known to be unreachable: references from them count
        as references from inside.
        """
        if not found:
            return found
        objects = tuple(pair[0] for pair in found.values())
        # Called with *objects, get_referrers receives this very tuple as its arguments.
        referrers = gc.get_referrers(*objects)
        ours = {id(found), id(self.objects), id(objects), id(referrers)}
        pairs = {id(pair) for pair in found.values()}
        held = set()
        for referrer in referrers:
            key = id(referrer)
            if key in found or key in group or key in ours or key in pairs or type(referrer) is FRAME_TYPE:
                continue
            if type(referrer) is dict and self.owned_by(referrer, found, ours | group, pairs):
                continue  # the __dict__ of an instance in the group
            for target in gc.get_referents(referrer):
                if id(target) in found:
                    held.add(id(target))
        del referrers
        todo = list(held)
        while todo:
            for target in gc.get_referents(found[todo.pop()][0]):
                key = id(target)
                if key in found and key not in held:
                    held.add(key)
                    todo.append(key)
        return {key: pair for key, pair in found.items() if key not in held}

    @staticmethod
    def owned_by(namespace, found, ours, pairs):
        arguments = (namespace,)
        owners = gc.get_referrers(*arguments)
        try:
            return bool(owners) and all(id(owner) in found or id(owner) in ours or id(owner) in pairs
                                        or type(owner) is FRAME_TYPE or owner is arguments for owner in owners)
        finally:
            del owners, arguments

    # -- encodings ------------------------------------------------------------------------

    def encode(self, obj, identity):
        kind = type(obj)
        name = kind.__name__
        if identity.scalar_key is not None:
            text, full = identity.scalar_key
            encoding = {"type": name, "repr": text}
            if full is not None:
                encoding["reprLength"] = full
            # Immortal (None, True, small ints, interned strings): CPython never frees it.
            if is_immortal(obj):
                encoding["immortal"] = True
            identity.edges = ()
            return encoding
        ref = self.ref
        encoding = {"type": name}
        if kind is list or kind is tuple:
            items, extra = elide(obj) if len(obj) > ITEM_LIMIT else (obj, None)
            encoding["items"] = [ref(item) for item in items]
            if extra:
                encoding.update(extra)
        elif kind is dict:
            pairs = first_and_last(dict.items(obj), len(obj))
            encoding["entries"] = [[ref(key), ref(value)] for key, value in pairs]
            if len(obj) > ITEM_LIMIT:
                encoding.update(elide_fields(len(obj)))
        elif kind is set or kind is frozenset:
            encoding["items"] = [ref(item) for item in first_and_last(obj, len(obj))]
            if len(obj) > ITEM_LIMIT:
                encoding.update(elide_fields(len(obj)))
        elif kind is FUNCTION_TYPE:
            self.encode_function(obj, identity, encoding)
        elif kind is CELL_TYPE:
            encoding["kind"] = "cell"
            try:
                contents = obj.cell_contents
            except ValueError:
                encoding["empty"] = True
                encoding["attrs"] = []
            else:
                encoding["attrs"] = [["cell_contents", ref(contents)]]
        elif kind is GENERATOR_TYPE:
            self.encode_generator(obj, encoding)
        elif kind is METHOD_TYPE:
            encoding["kind"] = "method"
            encoding["attrs"] = [["__self__", ref(obj.__self__)], ["__func__", ref(obj.__func__)]]
        elif issubclass(kind, type) and type.__dict__["__module__"].__get__(obj) == USER_MODULE:
            encoding["kind"] = "class"
            encoding["name"] = obj.__name__
            encoding["bases"] = [base.__name__ for base in obj.__bases__]
            body_names = self.recorder.class_bodies.get(type.__dict__["__qualname__"].__get__(obj))
            encoding["attrs"] = [[key, ref(value)] for key, value in type.__dict__["__dict__"].__get__(obj).items()
                                 if shows_class_attribute(key, value, body_names)]
        elif type.__dict__["__module__"].__get__(kind) == USER_MODULE:
            self.encode_instance(obj, kind, encoding)
        else:
            text, full = short_repr(obj)
            encoding["repr"] = text
            if full is not None:
                encoding["reprLength"] = full
        identity.edges = tuple(collect_refs(encoding))
        return encoding

    def encode_function(self, function, identity, encoding):
        ref = self.ref
        encoding["kind"] = "function"
        encoding["name"] = function.__name__
        encoding["qualname"] = function.__qualname__
        try:
            encoding["signature"] = function_signature(function)
        except BaseException as error:
            if isinstance(error, LIMIT_ERRORS):
                raise
            encoding["signature"] = "(...)"
        if function.__defaults__:
            encoding["defaults"] = [ref(value) for value in function.__defaults__]
        if function.__kwdefaults__:
            encoding.setdefault("defaults", []).extend(ref(value) for value in function.__kwdefaults__.values())
        if function.__closure__:
            encoding["closure"] = [[name, ref(cell)] for name, cell in
                                   zip(function.__code__.co_freevars, function.__closure__)]
        if identity.made_in is None:
            identity.made_in = self.defining_frame(function) or ""
            if identity.made_in and function.__closure__:
                self.recorder.functions_made.setdefault(identity.made_in, []).append(weakref.ref(function))
        if identity.made_in:
            encoding["madeIn"] = identity.made_in
        encoding["attrs"] = []

    def defining_frame(self, function):
        code = function.__code__
        for frame in reversed(self.frames):
            if code in frame.f_code.co_consts:
                return self.frame_ids.get(id(frame))
        return None

    def encode_generator(self, generator, encoding):
        encoding["kind"] = "generator"
        encoding["name"] = generator.__name__
        encoding["state"] = generator_state(generator)
        encoding["frame"] = self.recorder.generator_frame_id(generator)
        frame = generator.gi_frame
        if frame is not None:
            encoding["line"] = frame.f_lineno or 0
            code = frame.f_code
            values = []
            for name, value in frame.f_locals.items():
                if name in code.co_freevars or not name.isidentifier():
                    continue
                values.append([name, self.ref(value)])
            encoding["locals"] = values
        else:
            encoding["locals"] = []

    def encode_instance(self, obj, kind, encoding):
        ref = self.ref
        encoding["kind"] = "instance"
        attrs = []
        try:
            namespace = object.__getattribute__(obj, "__dict__")
        except AttributeError:
            namespace = None
        if type(namespace) is dict:
            attrs.extend([name, ref(value)] for name, value in namespace.items())
        for klass in reversed(kind.__mro__):
            slots = klass.__dict__.get("__slots__")
            if slots is None:
                continue
            for name in [slots] if isinstance(slots, str) else slots:
                if name in ("__dict__", "__weakref__"):
                    continue
                descriptor = klass.__dict__.get(name)
                try:
                    value = descriptor.__get__(obj, kind)
                except AttributeError:
                    continue
                attrs.append([name, ref(value)])
        encoding["attrs"] = attrs
        # Type checks, not isinstance: isinstance may ask the object's own __getattribute__.
        if issubclass(kind, (list, tuple)):
            encoding["items"] = [ref(item) for item in first_and_last(obj, len(obj))]
        elif issubclass(kind, dict):
            encoding["entries"] = [[ref(key), ref(value)] for key, value in first_and_last(dict.items(obj), len(obj))]


# -- freed or kept: what CPython deallocated among the objects that left the diagram -----------

FREED, KEPT, MAYBE_FREED = "freed", "kept", "maybe freed"
# At a return event the returned object is also held by the `arg` parameter of two tracer frames.
RETURN_VALUE_HOLDERS_IN_TRACER = 2
get_reference_count = sys.getrefcount


def raw_reference_counts(objects):
    return {key: get_reference_count(pair[0]) for key, pair in objects.items()}


def counting_overhead():
    """What raw_reference_counts adds to a count by itself: its own temporaries, measured once."""
    probe = object()
    counts = raw_reference_counts({0: (probe, None)})
    return counts[0] - 1  # the name `probe` here is the one real reference


COUNTING_OVERHEAD = counting_overhead()


def note_references(objects, stack, return_ref):
    """For each shown object: how many references the trace does not show, and who shows one.

    objects: {id(obj): (obj, Identity)} of the objects shown at this step; stack: the step's frames.
    A count of zero means that every reference CPython counts is drawn, so the object dies when
    those go. Immortal objects (None, True, small ints, some strings) never die.
    """
    seen = {}
    holders = {}

    def show(oid, holder):
        seen[oid] = seen.get(oid, 0) + 1
        holders.setdefault(oid, []).append(holder)

    running = set()
    for entry in stack:
        running.add(entry["id"])
        for pair in entry["locals"]:
            show(pair[1]["ref"], entry["id"])
    if return_ref is not None:
        show(return_ref["ref"], stack[-1]["id"])
    for pair in objects.values():  # not `for obj, identity`: the loop name would hold the last object
        identity = pair[1]
        encoding = identity.encoding
        if encoding is None:
            continue
        # A running generator's locals are its frame's, already counted with the stack.
        skip_locals = encoding.get("kind") == "generator" and encoding.get("frame") in running
        for oid in collect_refs(encoding, skip_locals):
            show(oid, identity.oid)
    counts = raw_reference_counts(objects)
    return_oid = return_ref["ref"] if return_ref is not None else None
    for key, (obj, identity) in objects.items():
        oid = identity.oid
        if is_immortal(obj):
            identity.unseen = 1
        else:
            unseen = counts[key] - COUNTING_OVERHEAD - seen.get(oid, 0)
            if oid == return_oid:
                unseen -= RETURN_VALUE_HOLDERS_IN_TRACER
            identity.unseen = unseen
        identity.holders = tuple(holders.get(oid, ()))


def fate_of(identity, was_unreachable, alive_elsewhere):
    """Whether an object that left the diagram at this step was deallocated, as far as it alone tells."""
    if was_unreachable and not alive_elsewhere:
        return FREED  # the collector freed its cycle: the tracer looked for it and it is not there
    if identity.weak is not None:
        return FREED if identity.weak() is None else KEPT
    if alive_elsewhere or identity.unseen > 0:
        return KEPT
    return MAYBE_FREED


def freed_with_their_holders(candidates, gone, freed, left_by_exception):
    """The candidates whose every shown reference went away: from a frame that returned normally,
    an object freed at this step or one still shown (that no longer refers to it).

    A holder that left the diagram but lives on keeps the candidate alive too. Candidates holding
    each other are decided together (the largest set that is consistent).
    """
    result = dict(candidates)
    changed = True
    while changed:
        changed = False
        for oid, identity in list(result.items()):
            for holder in identity.holders:
                kept_by_frame = holder[0] == "f" and holder in left_by_exception
                kept_by_object = holder in gone and holder not in freed and holder not in result
                if kept_by_frame or kept_by_object:
                    del result[oid]
                    changed = True
                    break
    return set(result)


def elide_fields(length):
    return {"length": length, "elided": {"at": ITEMS_KEPT_AT_EACH_END, "count": length - ITEM_LIMIT}}


def collect_refs(encoding, skip_locals=False):
    for key, value in encoding.items():
        if key in ("items", "defaults"):
            for item in value:
                yield item["ref"]
        elif key in ("entries", "attrs", "closure") or (key == "locals" and not skip_locals):
            for pair in value:
                if type(pair[0]) is dict:
                    yield pair[0]["ref"]
                yield pair[1]["ref"]


# -- isolation: what one snippet changes, the next does not see -------------------------------

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


# -- running one snippet ----------------------------------------------------------------------

MONITORING_TOOL = 4  # sys.monitoring tool id used only to enforce a limit after it was reached


class Enforcer:
    """Raises a limit error now and at every later line of the snippet.

    A trace function that raises is switched off by CPython, and a bare `except:` could swallow
    the error; a sys.monitoring LINE callback re-raises it until the snippet ends.
    """

    def __init__(self):
        self.error = None
        if monitoring.get_tool(MONITORING_TOOL) is None:
            monitoring.use_tool_id(MONITORING_TOOL, "memlane-limits")
        monitoring.register_callback(MONITORING_TOOL, MONITORING_LINE, self.on_line)

    def __call__(self, error):
        if self.error is None:
            self.error = error
            monitoring.set_events(MONITORING_TOOL, MONITORING_LINE)
        raise type(self.error)(*self.error.args)

    def on_line(self, code, line):
        if code.co_filename != SNIPPET_FILENAME:
            return monitoring.DISABLE
        raise type(self.error)(*self.error.args)

    def reset(self):
        self.error = None
        monitoring.set_events(MONITORING_TOOL, 0)
        monitoring.restart_events()


def error_line(error):
    line = None
    traceback = error.__traceback__
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename == SNIPPET_FILENAME:
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return line


_isolation = None


def run_snippet(source, options_json):
    """Trace one snippet; returns the trace v1 document as a JSON string."""
    global _isolation
    options = json.loads(options_json)
    if _isolation is None:
        _isolation = Isolation()
    trace = {
        "format": "memlane-trace", "version": 1,
        "python": sys.version.split()[0],
        "source": source, "stdout": "", "error": None, "steps": [],
    }
    try:
        code = compile(source, SNIPPET_FILENAME, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as error:
        line = getattr(error, "lineno", None)
        message = getattr(error, "msg", None) or str(error)
        trace["error"] = {"type": type(error).__name__, "message": message, "line": line}
        return encode_json(trace)

    enforcer = Enforcer()
    output = CapturedOutput(options["maxOutput"], enforcer)
    recorder = Recorder(options, output, enforcer)
    namespace = {"__name__": USER_MODULE, "__builtins__": _builtins_module, "__doc__": None}
    saved_stdout, saved_stderr = sys.stdout, sys.stderr
    error = None
    _isolation.enter()
    _time_module.sleep = bounded_sleep(recorder)
    try:
        sys.stdout = output
        sys.stderr = output
        install_trace(recorder.trace)
        try:
            exec(code, namespace)
        finally:
            install_trace(None)
    except SystemExit as exit_request:
        if exit_request.code not in (None, 0):
            error = exit_request
    except BaseException as raised:
        error = raised
    finally:
        uninterrupted(lambda: end_run(enforcer, saved_stdout, saved_stderr))
    # Free the snippet's objects now rather than when some later snippet triggers the collector.
    uninterrupted(namespace.clear)
    return uninterrupted(lambda: finish_trace(trace, options, recorder, enforcer, output, error))


def uninterrupted(action):
    """Runs bookkeeping to its end even if the host's time-limit interrupt lands inside it."""
    while True:
        try:
            return action()
        except KeyboardInterrupt:
            continue


def end_run(enforcer, saved_stdout, saved_stderr):
    install_trace(None)
    enforcer.reset()
    sys.stdout, sys.stderr = saved_stdout, saved_stderr
    _isolation.restore()


def finish_trace(trace, options, recorder, enforcer, output, error):
    timed_out = isinstance(enforcer.error, TimeLimitError) or (
        isinstance(error, KeyboardInterrupt) and time.monotonic() >= recorder.deadline)
    if timed_out:
        message = str(enforcer.error) if enforcer.error is not None else (
            f"the snippet ran longer than {options['timeoutMs']} ms (the time limit, --timeout)")
        line = error_line(error) if error is not None else None
        if line is None:
            line = recorder.last_line
        trace["error"] = {"type": "TimeLimitError", "message": message, "line": line}
    elif error is not None:
        if enforcer.error is not None:
            error_type, message = type(enforcer.error).__name__, str(enforcer.error)
        else:
            error_type, message = type(error).__name__, exception_message(error)
        line = error_line(error)
        if line is None:
            line = recorder.last_line
        trace["error"] = {"type": error_type, "message": message, "line": line}
    trace["stdout"] = output.text()
    if recorder.faults:
        trace["tracerFaults"] = recorder.faults[:10]
    del trace["steps"]
    trace["steps"] = []  # last, so the encoded steps can be spliced in at the end
    document = encode_json(trace)
    return document[: -len('"steps": []}')] + '"steps": [' + ", ".join(recorder.steps) + "]}"

