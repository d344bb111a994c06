"""Running one snippet from start to end: compile, trace under the limits, undo its changes, encode the trace."""
import builtins as _builtins_module
import sys

from builtins import BaseException, KeyboardInterrupt, SyntaxError, SystemExit, ValueError, compile, exec, getattr, isinstance, len, str, type

from .isolation import Isolation
from .kinds import SNIPPET_FILENAME, USER_MODULE
from .limits import CapturedOutput, Enforcer, TimeLimitError, bounded_sleep
from .pinned import encode_json, install_trace, json, time, time_module
from .recorder import Recorder
from .reprs import exception_message

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
    time_module.sleep = bounded_sleep(recorder)
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
