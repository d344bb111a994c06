"""Frames of the snippet's calls: stable frame ids (a generator keeps one), the names each frame shows and the cells
it shares.

Each function takes the run's recorder (recorder.py), whose fields next_frame, frame_ids, generator_frames,
local_order, shown_names, functions_made, running_function and show_modules are this module's.
"""
from opcode import opmap as opcode_map

from builtins import ValueError, all, dict, frozenset, len, map, range, str, tuple, type, zip

from .identity import call_weakref, dead_reference, weak_reference_to
from .kinds import (CO_GENERATOR_LIKE, FRAME_LOCALS_TYPE, FUNCTION_TYPE, MODULE_TYPE, dict_items, is_dunder,
                    is_user_code, plain_name, str_is_identifier)
from .pinned import address, gc, weakref

RESUME_OPCODE = opcode_map["RESUME"]
_FRAME_LOCALS_ITEMS = FRAME_LOCALS_TYPE.items


def frame_id(recorder, frame, code, event):
    key = address(frame)
    if code.co_flags & CO_GENERATOR_LIKE:
        generator = frame.f_generator
        fid = generator_frame_id(recorder, generator, frame, code)
        recorder.frame_ids[key] = fid
        return fid
    if event == "call" or key not in recorder.frame_ids:
        recorder.next_frame += 1
        fid = f"f{recorder.next_frame}"
        recorder.frame_ids[key] = fid
        return fid
    return recorder.frame_ids[key]


def generator_frame_id(recorder, generator, resumed_frame=None, resumed_code=None):
    key = address(generator)
    known = recorder.generator_frames.get(key)
    if known is not None:
        alive = known[0]()
        if alive is generator:
            return known[1]
        if alive is None and resumed_frame is not None and not at_start(resumed_frame, resumed_code):
            # A generator closed as it is freed: CPython cleared its weakrefs before resuming it
            # a last time, and would not clear one made now (it would crash the interpreter later).
            return known[1]
    recorder.next_frame += 1
    fid = f"f{recorder.next_frame}"
    recorder.generator_frames[key] = (weak_reference_to(generator) or dead_reference, fid)
    return fid


def user_frames(recorder, frame, code):
    """(frame, code) of the snippet's frames from the outermost to `frame` (whose code is `code`). Reading f_code
    raises an audit event, so the code of a running call is taken from recorder.code_by_frame where it is known."""
    known = recorder.code_by_frame
    frames = [(frame, code)]
    frame = frame.f_back
    while frame is not None:
        code = known.get(address(frame))
        if code is None:
            code = frame.f_code
            if frame.f_back is None:
                # The bottom frame (the runner's) lies beneath every event of this run: read its code once.
                known[address(frame)] = code
        if is_user_code(code):
            frames.append((frame, code))
        frame = frame.f_back
    frames.reverse()
    return frames


def namespace_items(namespace):
    """(name, value) pairs of a frame's names with plain str names; a mapping that is neither a dict nor a
    frame's locals (a class body's __prepare__ may return any mapping) shows nothing."""
    kind = type(namespace)
    if kind is dict:
        pairs = dict_items(namespace)
    elif kind is FRAME_LOCALS_TYPE:
        pairs = _FRAME_LOCALS_ITEMS(namespace)
    else:
        return []
    items = []
    for key, value in pairs:
        name = key if type(key) is str else plain_name(key)
        if name is not None:
            items.append((name, value))
    return items


def frame_locals(recorder, frame, code, fid):
    if code.co_name == "<module>":
        namespace = frame.f_globals
        names = []
        bound = {}
        for name, value in namespace_items(namespace):
            bound[name] = True
            if is_dunder(name):
                continue
            if not recorder.show_modules and type(value) is MODULE_TYPE:
                continue
            names.append((name, value))
        hidden = frame.f_locals
        if hidden is not namespace:
            # Inside a comprehension inlined into module code (PEP 709): its variables are
            # fast locals of the module's frame, beside the module's names, not instead of them.
            names.extend((name, value) for name, value in namespace_items(hidden)
                         if name not in bound and str_is_identifier(name))
        return names
    cached = recorder.shown_names.get(address(code))
    if cached is not None and cached[0]() is code:
        shown = cached[1]
    else:
        shown = frozenset(name for name in code.co_varnames + code.co_cellvars + code.co_freevars
                          if str_is_identifier(name) and not is_dunder(name))
        recorder.shown_names[address(code)] = (weakref.ref(code), shown)
    current = {name: value for name, value in namespace_items(frame.f_locals) if name in shown}
    if code.co_cellvars or code.co_freevars:
        show_cells(recorder, frame, code, fid, current)
    bound = tuple(current)
    known = recorder.local_order.get(fid)
    if known is not None and known[0] == bound:
        order = known[1]
    else:
        # Names keep the order in which they were first bound; a deleted name leaves it.
        order = [name for name in known[1] if name in current] if known is not None else []
        order.extend(name for name in bound if name not in order)
        recorder.local_order[fid] = (bound, order)
    if recorder.show_modules:
        return [(name, current[name]) for name in order]
    return [(name, current[name]) for name in order if type(current[name]) is not MODULE_TYPE]


def show_cells(recorder, frame, code, fid, current):
    """Cell and free variables are shown as the cell they live in, shared with the closures.

    CPython does not expose a running frame's cells, so they are found in the closures: a cell
    variable's in a function this frame made, a free variable's in the function this frame
    runs. A cell variable no closure holds yet shows its value; a free variable whose closure
    cannot be told apart from another of the same code is left out at this step.
    """
    cells = {}
    if code.co_cellvars:
        made = [value for value in current.values() if type(value) is FUNCTION_TYPE]
        made.extend(function for function in map(call_weakref, recorder.functions_made.get(fid, ()))
                    if function is not None)
        for function in made:
            if function.__closure__ and function.__code__ in code.co_consts:
                for name, cell in zip(function.__code__.co_freevars, function.__closure__):
                    if name in code.co_cellvars and name not in cells and holds(cell, current, name):
                        cells[name] = cell
    if code.co_freevars:
        running = find_running_function(recorder, code, fid, current)
        if running is not None:
            cells.update(zip(code.co_freevars, running.__closure__))
        for name in code.co_freevars:
            if name not in cells:
                current.pop(name, None)
    for name, cell in cells.items():
        if name in current:
            current[name] = cell


def find_running_function(recorder, code, fid, current):
    known = recorder.running_function.get(fid)
    function = known() if known is not None else None
    if function is not None:
        return function
    # The functions of this code whose cells hold exactly the frame's values (one scan a call).
    candidates = [each for each in gc.get_referrers(code)
                  if type(each) is FUNCTION_TYPE and each.__code__ is code and each.__closure__ is not None
                  and all(holds(cell, current, name) for name, cell in zip(code.co_freevars, each.__closure__))]
    if len(candidates) != 1:
        return None
    recorder.running_function[fid] = weakref.ref(candidates[0])
    return candidates[0]


def at_start(frame, code):
    """Whether a generator's frame is about to run its first instruction (it was never resumed)."""
    code = code.co_code
    for offset in range(0, len(code), 2):
        if code[offset] == RESUME_OPCODE:
            return frame.f_lasti <= offset
    return True


def holds(cell, values, name):
    """Whether the cell holds the frame's value of the name (or both are unbound)."""
    try:
        contents = cell.cell_contents
    except ValueError:
        return name not in values
    return name in values and values[name] is contents
