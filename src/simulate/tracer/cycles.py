"""Objects kept alive only by a reference cycle: found after they lose their last name, shown flagged until the
collector frees them.

Each function takes the step's snapshot (snapshot.py); it uses its recorder, objects, pending and alive_elsewhere.
"""
from builtins import all, bool, dict, list, map, set, tuple, type

from .identity import EDGES, KIND, OID, TRACKED, WEAK
from .encode import drain
from .kinds import FRAME_TYPE
from .pinned import address, gc


def keep_cycles(snapshot, vanished):
    """Objects that lost their last name but live on in a reference cycle stay, flagged.

    Returns the ids of objects kept without being visited again at this step.
    """
    recorder = snapshot.recorder
    identities = recorder.identities
    for key in list(recorder.unreachable):
        if key in snapshot.objects:  # reachable again (through a weakref, say)
            del recorder.unreachable[key]
    new = {}
    for key in vanished:
        identity = identities.get(key)
        if identity is None or not identity[TRACKED] or key in recorder.unreachable:
            continue
        if on_cycle(recorder, identity):
            new[key] = identity
    known = dict(recorder.unreachable)
    if not new and not known:
        return set()
    collections = gc_collections()
    if collections == recorder.collections:
        # Only the cyclic collector frees a cycle: none ran, so the known ones still live.
        trusted, check = known, new
    else:
        recorder.collections = collections
        trusted, check = {}, {**known, **new}
    found = find_alive(recorder, check) if check else {}
    alive = only_held_by_each_other(snapshot, found, set(trusted)) if found else {}
    snapshot.alive_elsewhere = {key for key in found if key not in alive}
    found = None
    recorder.unreachable = dict(trusted)
    for key, (obj, identity) in alive.items():
        recorder.unreachable[key] = identity
        snapshot.objects[key] = (obj, identity)
        snapshot.pending.append((obj, identity))
    drain(snapshot, unreachable=True)
    return keep_with_contents(snapshot, trusted) if trusted else set()


def gc_collections():
    """How many collections the cyclic collector has run, over all its generations."""
    total = 0
    for generation in gc.get_stats():
        total += generation["collections"]
    return total


def keep_with_contents(snapshot, candidates):
    identities = snapshot.recorder.identities
    key_of = snapshot.recorder.keys_by_oid
    kept = set()
    todo = [identity[OID] for identity in candidates.values()]
    while todo:
        oid = todo.pop()
        key = key_of.get(oid)
        if key is None or key in kept or key in snapshot.objects:
            continue
        kept.add(key)
        todo.extend(identities[key][EDGES])
    return kept


def on_cycle(recorder, start):
    """Whether the last shown edges lead from this object back to itself."""
    identities = recorder.identities
    key_of = recorder.keys_by_oid
    seen = set()
    todo = list(start[EDGES])
    while todo:
        oid = todo.pop()
        if oid == start[OID]:
            return True
        if oid in seen:
            continue
        seen.add(oid)
        key = key_of.get(oid)
        if key is not None:
            todo.extend(identities[key][EDGES])
    return False


def find_alive(recorder, candidates):
    """The candidates that still exist, found through their weakref or one scan of the heap.

    An object found by address alone must still refer to something it referred to at the last step: the
    address of a freed container is soon taken by a new one (the tracer's own, as often as not)."""
    found = {}
    unresolved = {}
    for key, identity in candidates.items():
        if identity[WEAK] is not None:
            obj = identity[WEAK]()
            if obj is not None and type(obj) is identity[KIND]:
                found[key] = (obj, identity)
        else:
            unresolved[key] = identity
    # Objects orphaned just now are usually young: look there first, then in the whole heap.
    for generation in (0, None):
        if not unresolved:
            break
        objects = gc.get_objects(generation)
        # Search the ids in C (map, set, list.index), not object by object in Python.
        addresses = list(map(address, objects))
        for key in set(addresses).intersection(unresolved):
            obj = objects[addresses.index(key)]
            identity = unresolved.pop(key)
            if type(obj) is identity[KIND] and still_refers(recorder, obj, identity):
                found[key] = (obj, identity)
        obj = objects = addresses = None
    return found


def still_refers(recorder, obj, identity):
    """Whether obj refers to one of the objects its identity referred to when last shown."""
    wanted = set()
    for oid in identity[EDGES]:
        key = recorder.keys_by_oid.get(oid)
        if key is not None:
            wanted.add(key)
    if not wanted:
        return True
    for target in gc.get_referents(obj):
        if address(target) in wanted:
            return True
    return False


def only_held_by_each_other(snapshot, found, group):
    """Drop the candidates that something outside the group holds, directly or through the group.

    `group` holds the ids of objects already known to be unreachable: references from them count
    as references from inside.
    """
    if not found:
        return found
    objects = tuple(pair[0] for pair in found.values())
    # Called with *objects, get_referrers receives this very tuple as its arguments.
    referrers = gc.get_referrers(*objects)
    ours = {address(found), address(snapshot.objects), address(objects), address(referrers)}
    pairs = {address(pair) for pair in found.values()}
    held = set()
    for referrer in referrers:
        key = address(referrer)
        if key in found or key in group or key in ours or key in pairs or type(referrer) is FRAME_TYPE:
            continue
        if type(referrer) is dict and owned_by(referrer, found, ours | group, pairs):
            continue  # the __dict__ of an instance in the group
        for target in gc.get_referents(referrer):
            if address(target) in found:
                held.add(address(target))
    del referrers
    todo = list(held)
    while todo:
        for target in gc.get_referents(found[todo.pop()][0]):
            key = address(target)
            if key in found and key not in held:
                held.add(key)
                todo.append(key)
    return {key: pair for key, pair in found.items() if key not in held}


def owned_by(namespace, found, ours, pairs):
    arguments = (namespace,)
    owners = gc.get_referrers(*arguments)
    try:
        return bool(owners) and all(address(owner) in found or address(owner) in ours or address(owner) in pairs
                                    or type(owner) is FRAME_TYPE or owner is arguments for owner in owners)
    finally:
        del owners, arguments
