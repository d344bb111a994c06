"""Turns events of the snippet's code into trace v1 steps, through sys.monitoring (PEP 669).

The events are those sys.settrace would give ("call", "line", "return", "exception", mapped from PEP 669 as
CPython's own legacy tracing maps them), but no trace function is left on a frame's f_trace, where a snippet
could pick it up: the callbacks are registered with sys.monitoring, which snippets see only as a stub.
"""
import sys

from builtins import BaseException, Exception, StopIteration, enumerate, frozenset, len, range, set, type

from .cycles import gc_collections
from .encode import reference_to
from .frames import frame_id, frame_locals, namespace_items, user_frames
from .guard import state
from .kinds import CO_COROUTINE_LIKE, CO_GENERATOR_LIKE, class_name, is_class_body, is_user_code
from .loop_frame import loop_frame_entry, loops_beneath
from .limits import MAX_STEP_CHARS, enforce, limits, printed_length
from .pinned import address, encode_json, gc, get_frame, monitoring, namespace, time
from .reprs import exception_message
from .snapshot import finish_snapshot, new_snapshot

TRACE_TOOL = 3  # sys.monitoring tool id of the recorder (4 enforces the limits)
EVENTS = sys.monitoring.events
TRACE_EVENTS = (EVENTS.PY_START | EVENTS.PY_RESUME | EVENTS.PY_THROW | EVENTS.PY_RETURN | EVENTS.PY_YIELD
                | EVENTS.PY_UNWIND | EVENTS.RAISE | EVENTS.STOP_ITERATION | EVENTS.LINE | EVENTS.JUMP)
_exception_traceback = BaseException.__traceback__.__get__


def new_recorder(options, output):
    """The state of one run's recording; output is the dict the snippet's CapturedOutput writes to."""
    return namespace(
        "recorder",
        max_steps=options["maxSteps"],
        deadline=time.monotonic() + options["timeoutMs"] / 1000,
        show_modules=options["showModules"],
        output=output,
        printed=0,                 # characters printed at the last step
        step_chars=0,              # characters of JSON the recorded steps take
        steps=[],                  # each step already encoded as JSON
        last_line=None,
        identities={},             # address(obj) -> identity, for objects shown at the last step
        keys_by_oid={},            # object id in the trace -> address(obj)
        replaced=[],               # trace ids whose address a new object took at this step
        next_object=0,
        next_frame=0,
        frame_ids={},              # address(frame) -> frame id, for frames of running calls
        code_by_frame={},          # address(frame) -> its code, for frames of running calls that are no generator's
        generator_frames={},       # address(generator) -> (weakref, frame id)
        local_order={},            # frame id -> (names bound at the last step, names in binding order)
        shown_names={},            # address(code) -> (weakref to the code, the local names its frames show)
        unwinding=set(),           # frame ids an exception is passing through
        left_by_exception=set(),   # frame ids of calls an exception ended (a traceback keeps them)
        shown=set(),               # ids of objects shown at the last step
        unreachable={},            # address(obj) -> identity kept alive only by a cycle
        class_bodies={},           # class qualname -> names its body bound, from the body's last run
        functions_made={},         # frame id -> weakrefs to the functions its `def`s made
        running_function={},       # frame id -> weakref to the closure that frame runs
        line_of_offset={},         # address(code) -> (code, {instruction offset: line}) for backward jumps
        task_order={},             # address(task) -> (weakref, order of first sight), for the loop's frame
        source_lines=[],           # the snippet's lines, for the line each task waits at
        collections=gc_collections(),
        stopped=False,
        faults=[],
    )


def start_recording(recorder):
    """Registers this run's callbacks and turns the events on (from the host, before the snippet starts).
    Returns the callbacks (sys.monitoring keeps them where no snippet can look; the tracer keeps them too)."""
    DISABLE = monitoring.DISABLE

    def on_start(code, offset):
        if not is_user_code(code):
            return DISABLE
        event(recorder, code, "call", None)

    def on_throw(code, offset, exception):
        if is_user_code(code):
            event(recorder, code, "call", None)

    def on_return(code, offset, value):
        if not is_user_code(code):
            return DISABLE
        event(recorder, code, "return", value)

    def on_unwind(code, offset, exception):
        if is_user_code(code):
            event(recorder, code, "return", None)

    def on_raise(code, offset, exception):
        # In a coroutine, a StopIteration raised in C is an awaited future handing its result back (see below).
        if is_user_code(code) and not (code.co_flags & CO_COROUTINE_LIKE and type(exception) is StopIteration):
            event(recorder, code, "exception", (type(exception), exception, _exception_traceback(exception)))

    def on_stop_iteration(code, offset, value):
        # In a coroutine, StopIteration is how an awaited object hands its result back: no exception of the
        # reader's (PEP 479 makes a raised one a RuntimeError), so it is no step.
        if is_user_code(code) and not code.co_flags & CO_COROUTINE_LIKE:
            event(recorder, code, "exception", (type(value), value, _exception_traceback(value)))

    def on_line(code, line):
        if not is_user_code(code):
            return DISABLE
        event(recorder, code, "line", None)

    def on_jump(code, source, destination):
        # sys.settrace reports a backward jump within one line as that line again (a loop on one line).
        if destination > source or not is_user_code(code):
            return DISABLE
        lines = lines_of(recorder, code)
        if lines.get(source) != lines.get(destination):
            return DISABLE
        event(recorder, code, "line", None)

    if monitoring.get_tool(TRACE_TOOL) is None:
        monitoring.use_tool_id(TRACE_TOOL, "memlane-trace")
    callbacks = ((EVENTS.PY_START, on_start), (EVENTS.PY_RESUME, on_start), (EVENTS.PY_THROW, on_throw),
                 (EVENTS.PY_RETURN, on_return), (EVENTS.PY_YIELD, on_return), (EVENTS.PY_UNWIND, on_unwind),
                 (EVENTS.RAISE, on_raise), (EVENTS.STOP_ITERATION, on_stop_iteration), (EVENTS.LINE, on_line),
                 (EVENTS.JUMP, on_jump))
    for kind, callback in callbacks:
        monitoring.register_callback(TRACE_TOOL, kind, callback)
    monitoring.set_events(TRACE_TOOL, TRACE_EVENTS)
    monitoring.restart_events()
    return callbacks


def stop_recording():
    monitoring.set_events(TRACE_TOOL, 0)


def lines_of(recorder, code):
    """{instruction offset: line} for a code object, computed once per code."""
    known = recorder.line_of_offset.get(address(code))
    if known is not None and known[0] is code:
        return known[1]
    lines = {}
    for start, end, line in code.co_lines():
        for offset in range(start, end, 2):
            lines[offset] = line
    recorder.line_of_offset[address(code)] = (code, lines)
    return lines


def event(recorder, code, kind, arg):
    """One event of the snippet's code (the frame two below this one, beneath the callback): checks the limits,
    then records a step. Runs trusted, with the cyclic collector paused, so no finalizer of the snippet's runs
    inside the tracer; the time limit's interrupt waits."""
    if recorder.stopped or limits.error is not None:
        return
    collecting = False
    try:
        # Trusted before the frame is asked for: the audit hook then checks two frames, not the whole stack.
        state.trusted = True
        frame = get_frame(2)
        collecting = gc.isenabled()
        gc.disable()
        if recorder.output.get("exceeded") is True:
            stop(recorder, limits.output)
        if len(recorder.steps) >= recorder.max_steps:
            stop(recorder, limits.steps)
        if recorder.step_chars > MAX_STEP_CHARS:
            stop(recorder, limits.size)
        if time.monotonic() > recorder.deadline:
            stop(recorder, limits.time)
        try:
            record(recorder, frame, code, kind, arg)
        except Exception as error:
            # A fault of the tracer must never become the snippet's exception.
            recorder.faults.append(f"{kind} at line {frame.f_lineno}: {class_name(type(error))}: {error}")
        # A frame's address is only its own while its call runs: forgotten at its return, whatever happened above.
        if kind == "return":
            recorder.code_by_frame.pop(address(frame), None)
        elif kind == "call" and not code.co_flags & CO_GENERATOR_LIKE:
            recorder.code_by_frame[address(frame)] = code
    finally:
        if collecting:
            gc.enable()
        state.trusted = False
        if state.interrupt_pending:
            state.interrupt_pending = False
            if not recorder.stopped:
                stop(recorder, limits.time)


def stop(recorder, error):
    recorder.stopped = True
    enforce(error)


def record(recorder, frame, code, event, arg):
    frames = user_frames(recorder, frame, code)
    snapshot = new_snapshot(recorder, frames)
    stack = []
    current_fid = None
    for each, each_code in frames:
        fid = frame_id(recorder, each, each_code, event) if each is frame else recorder.frame_ids.get(address(each))
        if fid is None:
            fid = frame_id(recorder, each, each_code, "call")
        if each is frame:
            current_fid = fid
        snapshot.frame_ids[address(each)] = fid
    loops = loops_beneath(frames) if len(frames) > 1 else {}
    for index, (each, each_code) in enumerate(frames):
        if index in loops:
            stack.append(loop_frame_entry(snapshot, loops[index], stack[-1]["line"]))
        fid = snapshot.frame_ids[address(each)]
        entry = {"id": fid, "name": each_code.co_name, "line": each.f_lineno or each_code.co_firstlineno}
        entry["locals"] = [[name, reference_to(snapshot, value)]
                           for name, value in frame_locals(recorder, each, each_code, fid)]
        if each_code.co_flags & CO_GENERATOR_LIKE:
            entry["generator"] = True
        stack.append(entry)
    recorder.printed = printed_length(recorder.output, recorder.printed)
    step = {"event": event, "line": frame.f_lineno or code.co_firstlineno, "stdout": recorder.printed, "stack": stack}
    if event == "return":
        if current_fid not in recorder.unwinding and code.co_name != "<module>":
            step["returnValue"] = reference_to(snapshot, arg)
    elif event == "exception":
        recorder.unwinding.add(current_fid)
        kind, value = arg[0], arg[1]
        step["exception"] = {"type": class_name(kind), "message": exception_message(value)}
    elif event == "line":
        recorder.unwinding.discard(current_fid)
    finish_snapshot(snapshot, stack, step.get("returnValue"))
    step["heap"] = snapshot.changed
    if snapshot.gone:
        step["gone"] = snapshot.gone
        if snapshot.freed:
            step["freed"] = snapshot.freed
    # Kept as JSON text: strings are invisible to the cyclic collector, so a long trace
    # neither slows the snippet's collections down nor changes when they happen.
    encoded = encode_json(step)
    recorder.steps.append(encoded)
    recorder.step_chars += len(encoded)
    recorder.last_line = step["line"]
    if event == "return" and is_class_body(code):
        recorder.class_bodies[code.co_qualname] = frozenset(name for name, _ in namespace_items(frame.f_locals))
    if event == "return" and not code.co_flags & CO_GENERATOR_LIKE:
        if current_fid in recorder.unwinding:
            recorder.left_by_exception.add(current_fid)
        recorder.frame_ids.pop(address(frame), None)
        recorder.local_order.pop(current_fid, None)
        recorder.functions_made.pop(current_fid, None)
        recorder.running_function.pop(current_fid, None)
        recorder.unwinding.discard(current_fid)
