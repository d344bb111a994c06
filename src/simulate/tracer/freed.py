"""Freed or kept: which of the objects that left the diagram CPython deallocated, told from reference counts and
weakrefs."""
from builtins import dict, list, object, set, tuple

from .identity import EDGES, ENCODING, HOLDERS, OID, UNSEEN, WEAK
from .encode import collect_refs
from .kinds import is_immortal
from .pinned import address, get_reference_count

FREED, KEPT, MAYBE_FREED = "freed", "kept", "maybe freed"
# At a return event the returned object is also held by a parameter of three tracer frames: the
# sys.monitoring callback's, event()'s and record()'s.
RETURN_VALUE_HOLDERS_IN_TRACER = 3


def raw_reference_counts(objects):
    return {key: get_reference_count(pair[0]) for key, pair in objects.items()}


def counting_overhead():
    """What raw_reference_counts adds to a count by itself: its own temporaries, measured once."""
    probe = object()
    counts = raw_reference_counts({0: (probe, None)})
    return counts[0] - 1  # the name `probe` here is the one real reference


COUNTING_OVERHEAD = counting_overhead()


def note_references(objects, stack, return_ref):
    """For each shown object: how many references the trace does not show, and who shows one.

    objects: {address(obj): (obj, Identity)} of the objects shown at this step; stack: the step's frames.
    A count of zero means that every reference CPython counts is drawn, so the object dies when
    those go. Immortal objects (None, True, small ints, some strings) never die.
    """
    # Each reference the trace shows, as (the object's oid, who shows it): counted and grouped below.
    shown = []
    running = set()
    for entry in stack:
        fid = entry["id"]
        running.add(fid)
        shown.extend([(pair[1]["ref"], fid) for pair in entry["locals"]])
    if return_ref is not None:
        shown.append((return_ref["ref"], stack[-1]["id"]))
    for pair in objects.values():  # not `for obj, identity`: the loop name would hold the last object
        identity = pair[1]
        encoding = identity[ENCODING]
        if encoding is None:
            continue
        holder = identity[OID]
        # A running generator's locals are its frame's, already counted with the stack. Otherwise the
        # encoding's references are its EDGES, listed when it was encoded (the same walk, done once).
        if encoding.get("kind") == "generator" and encoding.get("frame") in running:
            shown.extend([(oid, holder) for oid in collect_refs(encoding, True)])
        else:
            shown.extend([(oid, holder) for oid in identity[EDGES]])
    seen = {}
    holders = {}
    for oid, holder in shown:
        known = holders.get(oid)
        if known is None:
            holders[oid] = [holder]
            seen[oid] = 1
        else:
            known.append(holder)
            seen[oid] += 1
    counts = raw_reference_counts(objects)
    return_oid = return_ref["ref"] if return_ref is not None else None
    for key, (obj, identity) in objects.items():
        oid = identity[OID]
        if is_immortal(obj):
            identity[UNSEEN] = 1
        else:
            unseen = counts[key] - COUNTING_OVERHEAD - seen.get(oid, 0)
            if oid == return_oid:
                unseen -= RETURN_VALUE_HOLDERS_IN_TRACER
            identity[UNSEEN] = unseen
        identity[HOLDERS] = tuple(holders.get(oid, ()))


def fate_of(identity, was_unreachable, alive_elsewhere):
    """Whether an object that left the diagram at this step was deallocated, as far as it alone tells."""
    if was_unreachable and not alive_elsewhere:
        return FREED  # the collector freed its cycle: the tracer looked for it and it is not there
    if identity[WEAK] is not None:
        return FREED if identity[WEAK]() is None else KEPT
    if alive_elsewhere or identity[UNSEEN] > 0:
        return KEPT
    return MAYBE_FREED


def freed_with_their_holders(candidates, gone, freed, left_by_exception):
    """The candidates whose every shown reference went away: from a frame that returned normally,
    an object freed at this step or one still shown (that no longer refers to it).

    A holder that left the diagram but lives on keeps the candidate alive too. Candidates holding
    each other are decided together (the largest set that is consistent).
    """
    result = dict(candidates)
    changed = True
    while changed:
        changed = False
        for oid, identity in list(result.items()):
            for holder in identity[HOLDERS]:
                kept_by_frame = holder[0] == "f" and holder in left_by_exception
                kept_by_object = holder in gone and holder not in freed and holder not in result
                if kept_by_frame or kept_by_object:
                    del result[oid]
                    changed = True
                    break
    return set(result)
