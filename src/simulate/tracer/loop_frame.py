"""The asyncio event loop as a frame of the stack: between the call of asyncio.run and the coroutine it resumed,
holding every task it runs, each running, ready or waiting (and where it waits), read without running snippet code.

The functions take the run's recorder (recorder.py), whose fields task_order and source_lines are this module's, or
the step's snapshot (snapshot.py).
"""
import _asyncio
import asyncio.base_events
import asyncio.events
import types

from builtins import Exception, float, len, range, sorted, str, type

from .encode import reference_to
from .event_loop import installed
from .frames import generator_frame_id
from .kinds import FRAME_TYPE, GETSET_DESCRIPTOR_TYPE, MEMBER_DESCRIPTOR_TYPE, is_user_code, type_namespace
from .pinned import address, gc, weakref

RUN_ONCE_CODE = asyncio.base_events.BaseEventLoop._run_once.__code__
TASK_TYPE = _asyncio.Task
COROUTINE_TYPE = types.CoroutineType
_future_state = _asyncio.Future.__dict__["_state"].__get__
_future_loop = _asyncio.Future.__dict__["_loop"].__get__
_current_task = _asyncio.current_task
_task_name = TASK_TYPE.get_name
_task_coro = TASK_TYPE.get_coro
_handle_callback = asyncio.events.Handle._callback.__get__
_coroutine_frame = COROUTINE_TYPE.cr_frame.__get__
_frame_back = FRAME_TYPE.f_back.__get__
_instance_dict = asyncio.events.AbstractEventLoop.__dict__["__dict__"].__get__  # C: no snippet code runs
_deque = asyncio.base_events.collections.deque
_deque_iter = _deque.__iter__


def loops_beneath(frames):
    """{index in frames: loop} for each user frame that an event loop of the sandbox's own class resumed (a task's
    coroutine, a callback): the loop's _run_once frame lies between it and the user frame below it."""
    loop_class = installed.get("loop_class")
    found = {}
    for index in range(1, len(frames)):
        below = frames[index - 1][0]
        frame = _frame_back(frames[index][0])
        while frame is not None and frame is not below:
            if frame.f_code is RUN_ONCE_CODE:
                loop = frame.f_locals.get("self")
                if loop_class is not None and type(loop) is loop_class:
                    found[index] = loop
                break
            frame = _frame_back(frame)
    return found


def loop_frame_entry(snapshot, loop, line):
    """The loop's frame: its tasks as locals (by task name, in the order first seen), and in `tasks` each one's
    state: running (its coroutine is on the stack), ready (its next step is queued) or waiting (and the line it
    waits at); `clock` is the loop's virtual time."""
    recorder = snapshot.recorder
    tasks = ordered_tasks(recorder, loop)
    running = _current_task(loop)
    ready = ready_tasks(loop)
    locals_ = []
    states = []
    for task in tasks:
        name = str(_task_name(task))
        locals_.append([name, reference_to(snapshot, task)])
        described = {"name": name}
        if task is running:
            described["state"] = "running"
        elif address(task) in ready:
            described["state"] = "ready"
        else:
            described["state"] = "waiting"
            where = waiting_line(recorder, _task_coro(task))
            if where is not None:
                described["line"], described["waitsAt"] = where
        states.append(described)
    clock = _instance_dict(loop).get("_virtual_time")
    return {"id": generator_frame_id(recorder, loop), "name": "event loop", "line": line, "locals": locals_,
            "loop": True, "clock": clock if type(clock) is float else 0.0, "tasks": states}


def ordered_tasks(recorder, loop):
    """The loop's unfinished tasks (asyncio's C Task only), in the order the run first saw them; tasks first seen
    together are ordered by name, numbers compared as numbers (Task-2 before Task-10). Found as the collector's
    referrers of the loop, not by asyncio.all_tasks, which asks a task registered by the snippet for its loop
    (the snippet's code, which the tracer never runs)."""
    tasks = [each for each in gc.get_referrers(loop) if type(each) is TASK_TYPE
             and _future_loop(each) is loop and _future_state(each) == "PENDING"]
    order = recorder.task_order
    new = [task for task in tasks if not known_task(order, task)]
    for task in sorted(new, key=lambda task: natural_key(str(_task_name(task)))):
        order[address(task)] = (weakref.ref(task), len(order))
    return sorted(tasks, key=lambda task: order[address(task)][1])


def known_task(order, task):
    known = order.get(address(task))
    return known is not None and known[0]() is task


def natural_key(name):
    digits = ""
    while name and "0" <= name[-1] <= "9":
        digits = name[-1] + digits
        name = name[:-1]
    return (name, len(digits), digits)


def ready_tasks(loop):
    """Addresses of the tasks whose next step waits in the loop's ready queue (a Handle whose callback is bound
    to the task: its step or its wakeup)."""
    ready = {}
    queue = _instance_dict(loop).get("_ready")
    if type(queue) is not _deque:  # the snippet may have replaced it: then no task reads as ready
        return ready
    for handle in _deque_iter(queue):
        try:
            callback = _handle_callback(handle)
        except Exception:
            continue
        getter = type_namespace(type(callback)).get("__self__")
        if type(getter) is GETSET_DESCRIPTOR_TYPE or type(getter) is MEMBER_DESCRIPTOR_TYPE:
            owner = getter.__get__(callback)
            if type(owner) is TASK_TYPE:
                ready[address(owner)] = True
    return ready


def waiting_line(recorder, coroutine):
    """(line, its text) where a task's coroutine is suspended, when that coroutine is the snippet's."""
    if type(coroutine) is not COROUTINE_TYPE:
        return None
    frame = _coroutine_frame(coroutine)
    if frame is None or not is_user_code(frame.f_code):
        return None
    line = frame.f_lineno
    lines = recorder.source_lines
    text = lines[line - 1].strip() if line is not None and 0 < line <= len(lines) else ""
    return line, text
