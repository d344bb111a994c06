"""One run of a snippet, in the three calls the host makes: prepare_run, then the runner's code (with no Python
frame beneath it, so the snippet's frames rest on the runner's alone), then finish_run for the trace."""
import builtins as _builtins_module
import sys

from builtins import (BaseException, KeyboardInterrupt, SyntaxError, SystemExit, ValueError, bool, compile, int,
                      issubclass, len, list, type)

from . import (cycles, encode, frames, freed, guard, identity, kinds, limits, lockdown, owned, pinned, positions,
               recorder, reprs, snapshot, stubs)
from .guard import state
from .kinds import MODULE_TYPE, SNIPPET_FILENAME, USER_MODULE, class_name
from .limits import TimeLimitError, limits, new_output, printed_text, start_limits
from .lockdown import lock_down
from .pinned import encode_json, gc, json_loads, namespace, time
from .recorder import new_recorder, start_recording, stop_recording
from .positions import instruction_span, span_columns, syntax_columns
from .reprs import exception_message

PYTHON_VERSION = sys.version.split()[0]
_traceback_of = BaseException.__traceback__.__get__
_exit_code = SystemExit.code.__get__
_syntax_line = SyntaxError.lineno.__get__
_syntax_message = SyntaxError.msg.__get__

# The lockdown's results (lock_down() runs once), the run under way, and what finished runs left: nothing of
# a run is freed before the host restores the interpreter's memory, so no snippet finalizer runs in the tracer.
_session = None
_current = None
_finished = []


# Every module of the tracer, the package itself too (the host holds it): the roots of what the tracer owns.
_MODULES = (cycles, encode, frames, freed, guard, identity, kinds, limits, lockdown, owned, pinned, positions, recorder,
            reprs, snapshot, stubs, sys.modules[__name__], sys.modules[__package__])


def shared_with_snippet():
    """What the tracer holds that belongs to the snippet: each run's namespace and the runner's outcome list."""
    runs = [run for run in _finished if type(run) is MODULE_TYPE]
    if _current is not None:
        runs.append(_current)
    found = []
    for run in runs:
        found.append(run.namespace)
        found.append(run.outcome)
    return found


def start_session():
    """Locks the interpreter down (once) and returns (exec, runner code, runner globals) for the host."""
    global _session
    if _session is None:
        _session = lock_down(_MODULES, shared_with_snippet)
    return _builtins_module.exec, _session.runner_code, _session.runner_globals


def forget_runs():
    """Lets go of what finished runs left (the host's warm-up run), before the host takes the baseline."""
    global _current
    _current = None
    del _finished[:]
    runner = _session.runner_globals
    runner["code"] = runner["namespace"] = None
    runner["outcome"] = []
    _session.stub_globals["output"] = new_output(0)
    gc.collect()


def new_document(source):
    return {"format": "memlane-trace", "version": 1, "python": PYTHON_VERSION,
            "source": source, "stdout": "", "error": None, "steps": []}


def prepare_run(source, options_json):
    """Sets up one run. Returns the finished trace (JSON) when the snippet cannot start (a syntax error), else
    None: the host then runs the runner's code and asks finish_run() for the trace."""
    global _current
    try:
        state.trusted = True
        options = json_loads(options_json)
        document = new_document(source)
        try:
            code = compile(source, SNIPPET_FILENAME, "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as error:
            syntax = issubclass(type(error), SyntaxError)
            line = _syntax_line(error) if syntax else None
            message = (_syntax_message(error) if syntax else None) or exception_message(error)
            document["error"] = {"type": class_name(type(error)), "message": message, "line": line}
            if syntax and line is not None:
                document["error"].update(syntax_columns(error))
            _finished.append(error)
            return encode_json(document)
        start_limits(options)
        output = new_output(options["maxOutput"])
        _session.stub_globals["output"] = output
        recorder = new_recorder(options, output)
        recorder.source_lines = source.splitlines()
        snippet_globals = {"__name__": USER_MODULE, "__builtins__": _builtins_module, "__doc__": None}
        outcome = []
        runner = _session.runner_globals
        runner["code"], runner["namespace"], runner["outcome"] = code, snippet_globals, outcome
        _current = namespace("run", document=document, options=options, recorder=recorder, chunks=output["chunks"],
                                   outcome=outcome, namespace=snippet_globals)
        printed = _session.output_type()
        sys.stdout = printed
        sys.stderr = printed
        _current.callbacks = start_recording(recorder)
        return None
    finally:
        state.trusted = False


def finish_run():
    """The trace of the run prepare_run set up, as JSON."""
    try:
        state.trusted = True
        stop_recording()
        current = _current
        _finished.append(current)
        error = ending_exception(current.outcome)
        if error is not None:
            _finished.append(error)
        return finish_document(current, error)
    finally:
        state.trusted = False


def ending_exception(outcome):
    """The exception the snippet ended with, or None. The runner's list is within the snippet's reach: only an
    exception instance in its first place counts."""
    if type(outcome) is not list or not list.__len__(outcome):
        return None
    first = outcome[0]
    if not issubclass(type(first), BaseException):
        return None
    if issubclass(type(first), SystemExit):
        code = _exit_code(first)
        if code is None or (type(code) is int or type(code) is bool) and not code:
            return None
    return first


def error_place(error):
    """(line, instruction span) of the snippet's code that the error last passed through, or (None, None). Its
    traceback may pass through the tracer (a limit is raised from there): read with the hook's checks paused, as
    only C getters run here."""
    line = span = None
    last = None
    traceback = _traceback_of(error)
    try:
        state.checking = True
        while traceback is not None:
            if traceback.tb_frame.f_code.co_filename == SNIPPET_FILENAME:
                last = traceback
            traceback = traceback.tb_next
        if last is not None:
            line = last.tb_lineno
            span = instruction_span(last.tb_frame.f_code, last.tb_lasti)
    finally:
        state.checking = False
    return line, span


def finish_document(current, error):
    document, options, recorder = current.document, current.options, current.recorder
    timed_out = issubclass(type(limits.error), TimeLimitError) or (
        error is not None and issubclass(type(error), KeyboardInterrupt) and time.monotonic() >= recorder.deadline)
    if timed_out:
        line = error_place(error)[0] if error is not None else None
        if line is None:
            line = recorder.last_line
        document["error"] = {"type": "TimeLimitError", "message": exception_message(limits.time), "line": line}
    elif error is not None:
        reported = limits.error if limits.error is not None else error
        line, span = error_place(error)
        if line is None:
            line = recorder.last_line
        document["error"] = {"type": class_name(type(reported)), "message": exception_message(reported), "line": line}
        if limits.error is None:  # a limit stops a whole line, not a part of it
            document["error"].update(span_columns(document["source"], line, span))
    document["stdout"] = printed_text(current.chunks, options["maxOutput"])
    if recorder.faults:
        document["tracerFaults"] = recorder.faults[:10]
    del document["steps"]
    document["steps"] = []  # last, so the encoded steps can be spliced in at the end
    text = encode_json(document)
    return text[: -len('"steps": []}')] + '"steps": [' + ", ".join(recorder.steps) + "]}"
