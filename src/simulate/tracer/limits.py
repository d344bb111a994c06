"""The limits on a snippet (steps, time, output): their errors, the captured stdout and the enforcer that keeps raising them."""
from builtins import BaseException, TypeError, ValueError, float, int, isinstance, len, max, min, str, type

from .kinds import SNIPPET_FILENAME
from .pinned import MONITORING_LINE, monitoring, time


class StepLimitError(BaseException):
    """The snippet ran more steps than allowed."""


class TimeLimitError(BaseException):
    """The snippet ran longer than the wall-clock limit."""


class OutputLimitError(BaseException):
    """The snippet printed more than the output cap."""


LIMIT_ERRORS = (StepLimitError, TimeLimitError, OutputLimitError)


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
