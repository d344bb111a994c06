"""The heap reachable from the user's frames at one event, as trace v1 deltas: what is new, changed, gone and freed."""
from builtins import Exception, any, id, int, len, set, type

from .cycles import CycleFinder
from .encode import Encoder
from .freed import FREED, MAYBE_FREED, fate_of, freed_with_their_holders, note_references
from .kinds import SCALAR_TYPES, is_immortal
from .pinned import gc, time
from .reprs import REPR_LIMIT, short_repr

OBJECT_LIMIT = 2000  # objects described in full at one step; the rest get a placeholder


class Snapshot(Encoder, CycleFinder):
    """The heap reachable from the user's frames at one event, as trace v1 deltas."""

    def __init__(self, recorder, frames):
        self.recorder = recorder
        self.frames = frames
        self.frame_ids = {}
        self.objects = {}      # id(obj) -> (obj, Identity), held only while this event is recorded
        self.pending = []
        self.changed = {}
        self.gone = None
        self.freed = None
        self.alive_elsewhere = set()  # id(obj) of objects found alive but held by something not shown

    def ref(self, obj):
        key = id(obj)
        seen = self.objects.get(key)
        if seen is not None:
            return {"ref": seen[1].oid}
        kind = type(obj)
        scalar_key = None
        if kind in SCALAR_TYPES:
            known = self.recorder.identities.get(key)
            if known is not None and known.kind is kind and known.encoding is not None and is_immortal(obj):
                self.objects[key] = (obj, known)
                if known.encoding.get("unreachable"):
                    self.pending.append((obj, known))
                return {"ref": known.oid}
            scalar_key = short_repr(obj)
        identity, is_new = self.recorder.identify(obj, scalar_key)
        self.objects[key] = (obj, identity)
        # An immutable scalar already shown cannot have changed: no need to encode it again.
        if is_new or scalar_key is None or identity.encoding is None or identity.encoding.get("unreachable"):
            self.pending.append((obj, identity))
        return {"ref": identity.oid}

    def drain(self, unreachable=False):
        pending = self.pending
        while pending:
            obj, identity = pending.pop()
            if len(self.objects) > OBJECT_LIMIT or (len(self.objects) & 255 == 0 and time.monotonic() > self.recorder.deadline):
                # A huge web of objects (all of gc.get_objects(), say): show the rest without contents
                # rather than spend the whole time limit on one step.
                encoding = {"type": type(obj).__name__, "repr": f"<{type(obj).__name__}: not shown, too many objects>"[:REPR_LIMIT]}
                identity.edges = ()
            else:
                try:
                    encoding = self.encode(obj, identity)
                except Exception as error:
                    # Odd objects (a hostile __getattribute__, say) must not break the snippet's run.
                    encoding = {"type": type(obj).__name__,
                                "repr": f"<{type(obj).__name__} object: not shown ({type(error).__name__})>"[:REPR_LIMIT]}
                    identity.edges = ()
            # Only containers the cyclic collector tracks are kept alive by a cycle; what they hold
            # that it does not track (interned strings, small ints) lives on by other means.
            if unreachable and gc.is_tracked(obj):
                encoding["unreachable"] = True
            if encoding != identity.encoding:
                identity.encoding = encoding
                self.changed[identity.oid] = encoding

    def finish(self, stack, return_ref):
        recorder = self.recorder
        self.drain()
        vanished = [key for key in recorder.shown if key not in self.objects]
        was_unreachable = set(recorder.unreachable)
        kept = set()
        if vanished and (recorder.unreachable or any(
                recorder.identities[key].tracked for key in vanished if key in recorder.identities)):
            kept = self.keep_cycles(vanished)
        note_references(self.objects, stack, return_ref)
        gone = recorder.replaced
        freed = set(gone)  # a new object took the address: the old one was deallocated
        recorder.replaced = []
        maybe_freed = {}
        for key in vanished:
            if key in self.objects or key in kept:
                continue
            identity = recorder.identities.pop(key, None)
            recorder.unreachable.pop(key, None)
            if identity is not None:
                recorder.keys_by_oid.pop(identity.oid, None)
                gone.append(identity.oid)
                fate = fate_of(identity, key in was_unreachable, key in self.alive_elsewhere)
                if fate is FREED:
                    freed.add(identity.oid)
                elif fate is MAYBE_FREED:
                    maybe_freed[identity.oid] = identity
        if gone:
            freed |= freed_with_their_holders(maybe_freed, set(gone), freed, recorder.left_by_exception)
            gone.sort(key=lambda oid: int(oid[1:]))
            self.gone = gone
            self.freed = [oid for oid in gone if oid in freed] or None
        recorder.shown = set(self.objects) | kept
        self.objects = {}
