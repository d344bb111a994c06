"""Turns trace events of the snippet's code into trace v1 steps, and gives shown objects ids that last."""
from builtins import Exception, frozenset, id, len, set, sum, type

from .frames import FrameBook
from .identity import Identity, weak_reference_to
from .kinds import CO_GENERATOR_LIKE, is_class_body, is_user_code
from .limits import StepLimitError, TimeLimitError
from .pinned import encode_json, gc, time
from .reprs import exception_message
from .snapshot import Snapshot


class Recorder(FrameBook):
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
