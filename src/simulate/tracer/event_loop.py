"""asyncio for snippets without JavaScript: an event loop on one thread whose clock jumps to the next timer.

Pyodide's own loop (WebLoop) runs on JavaScript, which snippets cannot reach. This loop is asyncio's own
BaseEventLoop with a selector that never waits: when no callback is ready, the clock moves to the earliest
timer, so `await asyncio.sleep(1)` takes no real time while every program keeps CPython's order and output.
Snippets reach the loop (asyncio.get_running_loop()), so its code is compiled apart, like the stubs, with
globals that hold asyncio's modules and nothing of the tracer's.
"""
import asyncio
import asyncio.events as asyncio_events
import asyncio.unix_events as asyncio_unix_events

from builtins import compile, dict, exec

# What install_event_loop() made: loop_class, the class the recorder draws as a frame.
installed = {}

EVENT_LOOP_FILENAME = "<memlane-event-loop>"

EVENT_LOOP_SOURCE = '''
class VirtualClockSelector:
    """What BaseEventLoop._run_once asks for I/O: there is none, so a wait moves the loop's clock instead."""

    def __init__(self, loop):
        self._loop = loop

    def select(self, timeout=None):
        loop = self._loop
        if timeout is None:
            # Nothing is ready and no timer is set: every task waits for something no one will do.
            raise RuntimeError(
                "the event loop has nothing left to run: every task awaits something that nothing will "
                "finish (a Future never given a result, an Event never set, a Queue never filled); "
                "CPython would wait forever here")
        if timeout > 0 and loop._scheduled:
            loop._virtual_time = max(loop._virtual_time, loop._scheduled[0]._when)
        return []

    def close(self):
        pass


class VirtualClockEventLoop(base_events.BaseEventLoop):
    """asyncio's loop with no I/O and a virtual clock: time() starts at 0 and jumps to each timer due."""

    def __init__(self):
        super().__init__()
        self._virtual_time = 0.0
        self._selector = VirtualClockSelector(self)

    def time(self):
        return self._virtual_time

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        pass

    def close(self):
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if not self.is_closed():
            super().close()
            self._selector.close()


class VirtualClockEventLoopPolicy(events._BaseDefaultEventLoopPolicy):
    _loop_factory = VirtualClockEventLoop
'''


def make_event_loop_classes():
    """The loop, its selector and its policy, compiled apart with asyncio's modules as their only globals."""
    namespace = {"__name__": "asyncio.memlane", "base_events": asyncio.base_events, "events": asyncio_events}
    exec(compile(EVENT_LOOP_SOURCE, EVENT_LOOP_FILENAME, "exec", dont_inherit=True), namespace)
    return namespace


def install_event_loop():
    """Pre: Pyodide's modules are scrubbed (its WebLoop policy is gone). Post: asyncio.run, new_event_loop and
    asyncio.EventLoop make a virtual-clock loop, and no loop is running (Pyodide leaves its WebLoop marked as
    running, which would make asyncio.run refuse to start and hand snippets a loop built on JavaScript)."""
    classes = make_event_loop_classes()
    asyncio_events._set_running_loop(None)
    asyncio_events._set_event_loop_policy(classes["VirtualClockEventLoopPolicy"]())
    loop_class = classes["VirtualClockEventLoop"]
    installed["loop_class"] = loop_class
    asyncio.EventLoop = asyncio_unix_events.EventLoop = loop_class
    return dict(classes)
