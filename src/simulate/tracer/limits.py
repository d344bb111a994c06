"""The limits on a snippet (steps, time, output): their errors, and the enforcement that keeps raising them."""
from builtins import BaseException, int, list, str, type

from .kinds import SNIPPET_FILENAME
from .pinned import MONITORING_LINE, join_text, monitoring, namespace


class StepLimitError(BaseException):
    """The snippet ran more steps than allowed."""


class TimeLimitError(BaseException):
    """The snippet ran longer than the wall-clock limit."""


class OutputLimitError(BaseException):
    """The snippet printed more than the output cap."""


class TraceSizeError(BaseException):
    """The trace grew larger than a host accepts."""


LIMIT_ERRORS = (StepLimitError, TimeLimitError, OutputLimitError, TraceSizeError)
# Characters of JSON the recorded steps may take: below what every host accepts (MAX_TRACE_CHARS in
# reply-to-trace.ts), so that a trace the tracer made is never refused for its size.
MAX_STEP_CHARS = 32 * 2 ** 20
MONITORING_TOOL = 4  # sys.monitoring tool id used only to enforce a limit after it was reached
without_traceback = BaseException.with_traceback

# The run's limit errors, made before the snippet starts (making one later would call its class, which a
# snippet can reach and patch), and the one that was hit, raised again at every later line.
limits = namespace("limits", error=None, steps=None, time=None, output=None, size=None)


def start_limits(options):
    limits.error = None
    limits.steps = StepLimitError(f"the snippet ran more than {options['maxSteps']} steps (the step limit, "
                                  f"--max-steps / max-steps=N)")
    limits.time = TimeLimitError(f"the snippet ran longer than {options['timeoutMs']} ms (the time limit, --timeout)")
    limits.output = OutputLimitError(f"the snippet printed more than {options['maxOutput']} characters "
                                     f"(the output limit, --max-output / maxOutput)")
    limits.size = TraceSizeError(f"the trace grew past {MAX_STEP_CHARS // 2 ** 20} MiB; trace fewer steps "
                                 f"(the step limit, --max-steps / max-steps=N) or smaller data")
    monitoring.set_events(MONITORING_TOOL, 0)
    monitoring.restart_events()


def enforce(error):
    """Raises the limit error now and, through a sys.monitoring LINE callback, at every later line of the
    snippet: a trace function that raises is switched off by CPython, and a bare `except:` could swallow it."""
    if limits.error is None:
        limits.error = error
        monitoring.set_events(MONITORING_TOOL, MONITORING_LINE)
    raise without_traceback(limits.error, None)


def on_line(code, line):
    if code.co_filename != SNIPPET_FILENAME:
        return monitoring.DISABLE
    raise without_traceback(limits.error, None)


def register_enforcement():
    """Once, at lockdown: the LINE callback that raises a limit again. Its events stay off until a limit is hit."""
    if monitoring.get_tool(MONITORING_TOOL) is None:
        monitoring.use_tool_id(MONITORING_TOOL, "memlane-limits")
    monitoring.register_callback(MONITORING_TOOL, MONITORING_LINE, on_line)


def new_output(limit):
    """What the snippet's CapturedOutput writes to. The snippet can reach it (it is its own output): the tracer
    keeps its own reference to the list of chunks and reads the counts with their types checked."""
    return {"chunks": [], "length": 0, "limit": limit, "exceeded": False, "error": limits.output}


def printed_length(output, at_least):
    """Characters printed so far, never fewer than the last step said."""
    length = output.get("length")
    if type(length) is not int or length < at_least:
        return at_least
    return length


def printed_text(chunks, limit):
    """What the snippet printed, cut at the output limit; chunks that are not text are left out."""
    text = join_text([chunk for chunk in list.__iter__(chunks) if type(chunk) is str])
    return text[:limit]
