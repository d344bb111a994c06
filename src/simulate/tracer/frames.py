"""Frames of the snippet's calls: stable frame ids (a generator keeps one), the names each frame shows and the cells it shares."""
from opcode import opmap as opcode_map

from builtins import ValueError, all, frozenset, id, len, map, range, tuple, type, zip

from .identity import call_weakref, dead_reference, weak_reference_to
from .kinds import CO_GENERATOR_LIKE, FUNCTION_TYPE, MODULE_TYPE, is_dunder, is_user_code
from .pinned import gc, weakref

RESUME_OPCODE = opcode_map["RESUME"]


class FrameBook:
    """The frame half of the Recorder: it keeps next_frame, frame_ids, generator_frames,
    local_order, shown_names, functions_made, running_function and show_modules."""

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


def at_start(frame):
    """Whether a generator's frame is about to run its first instruction (it was never resumed)."""
    code = frame.f_code.co_code
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
