"""The heap reachable from the user's frames at one event, as trace v1 deltas: what is new, changed, gone and freed."""
from builtins import any, int, set

from .identity import OID, TRACKED
from .cycles import keep_cycles
from .encode import drain
from .freed import FREED, MAYBE_FREED, fate_of, freed_with_their_holders, note_references
from .pinned import address, namespace


def new_snapshot(recorder, frames):
    """One event's view of the heap.

    objects: address(obj) -> (obj, identity), held only while this event is recorded; pending: objects still to
    encode; changed: the encodings new at this step; alive_elsewhere: ids of objects found alive but held by
    something not shown; classes: what encode.py read of each class at this step.
    """
    return namespace("snapshot", recorder=recorder, frames=frames, frame_ids={}, objects={}, pending=[], changed={},
                           gone=None, freed=None, alive_elsewhere=set(), classes={})


def finish_snapshot(snapshot, stack, return_ref):
    recorder = snapshot.recorder
    drain(snapshot)
    vanished = [key for key in recorder.shown if key not in snapshot.objects]
    was_unreachable = set(recorder.unreachable)
    kept = set()
    if vanished and (recorder.unreachable or any(
            recorder.identities[key][TRACKED] for key in vanished if key in recorder.identities)):
        kept = keep_cycles(snapshot, vanished)
    note_references(snapshot.objects, stack, return_ref)
    gone = recorder.replaced
    freed = set(gone)  # a new object took the address: the old one was deallocated
    recorder.replaced = []
    maybe_freed = {}
    for key in vanished:
        if key in snapshot.objects or key in kept:
            continue
        identity = recorder.identities.pop(key, None)
        recorder.unreachable.pop(key, None)
        if identity is not None:
            recorder.keys_by_oid.pop(identity[OID], None)
            gone.append(identity[OID])
            fate = fate_of(identity, key in was_unreachable, key in snapshot.alive_elsewhere)
            if fate is FREED:
                freed.add(identity[OID])
            elif fate is MAYBE_FREED:
                maybe_freed[identity[OID]] = identity
    if gone:
        freed |= freed_with_their_holders(maybe_freed, set(gone), freed, recorder.left_by_exception)
        gone.sort(key=oid_number)
        snapshot.gone = gone
        snapshot.freed = [oid for oid in gone if oid in freed] or None
    recorder.shown = set(snapshot.objects) | kept
    snapshot.objects = {}


def oid_number(oid):
    return int(oid[1:])
