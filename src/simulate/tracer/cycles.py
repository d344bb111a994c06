"""Objects kept alive only by a reference cycle: found after they lose their last name, shown flagged until the collector frees them."""
from builtins import all, bool, dict, id, list, map, set, tuple, type

from .kinds import FRAME_TYPE
from .pinned import gc


class CycleFinder:
    """The cycle half of a Snapshot: it keeps recorder, objects, pending and alive_elsewhere, and gives drain()."""

    def keep_cycles(self, vanished):
        """Objects that lost their last name but live on in a reference cycle stay, flagged.

        Returns the ids of objects kept without being visited again at this step.
        """
        recorder = self.recorder
        identities = recorder.identities
        for key in list(recorder.unreachable):
            if key in self.objects:  # reachable again (through a weakref, say)
                del recorder.unreachable[key]
        new = {}
        for key in vanished:
            identity = identities.get(key)
            if identity is None or not identity.tracked or key in recorder.unreachable:
                continue
            if self.on_cycle(identity):
                new[key] = identity
        known = dict(recorder.unreachable)
        if not new and not known:
            return set()
        collections = recorder.gc_collections()
        if collections == recorder.collections:
            # Only the cyclic collector frees a cycle: none ran, so the known ones still live.
            trusted, check = known, new
        else:
            recorder.collections = collections
            trusted, check = {}, {**known, **new}
        found = self.find_alive(check) if check else {}
        alive = self.only_held_by_each_other(found, set(trusted)) if found else {}
        self.alive_elsewhere = {key for key in found if key not in alive}
        found = None
        recorder.unreachable = dict(trusted)
        for key, (obj, identity) in alive.items():
            recorder.unreachable[key] = identity
            self.objects[key] = (obj, identity)
            self.pending.append((obj, identity))
        self.drain(unreachable=True)
        return self.keep_with_contents(trusted) if trusted else set()

    def keep_with_contents(self, candidates):
        identities = self.recorder.identities
        key_of = self.recorder.keys_by_oid
        kept = set()
        todo = [identity.oid for identity in candidates.values()]
        while todo:
            oid = todo.pop()
            key = key_of.get(oid)
            if key is None or key in kept or key in self.objects:
                continue
            kept.add(key)
            todo.extend(identities[key].edges)
        return kept

    def on_cycle(self, start):
        """Whether the last shown edges lead from this object back to itself."""
        identities = self.recorder.identities
        key_of = self.recorder.keys_by_oid
        seen = set()
        todo = list(start.edges)
        while todo:
            oid = todo.pop()
            if oid == start.oid:
                return True
            if oid in seen:
                continue
            seen.add(oid)
            key = key_of.get(oid)
            if key is not None:
                todo.extend(identities[key].edges)
        return False

    def find_alive(self, candidates):
        """The candidates that still exist, found through their weakref or one scan of the heap."""
        found = {}
        unresolved = {}
        for key, identity in candidates.items():
            if identity.weak is not None:
                obj = identity.weak()
                if obj is not None and type(obj) is identity.kind:
                    found[key] = (obj, identity)
            else:
                unresolved[key] = identity
        # Objects orphaned just now are usually young: look there first, then in the whole heap.
        for generation in (0, None):
            if not unresolved:
                break
            objects = gc.get_objects(generation)
            # Search the ids in C (map, set, list.index), not object by object in Python.
            addresses = list(map(id, objects))
            for key in set(addresses).intersection(unresolved):
                obj = objects[addresses.index(key)]
                identity = unresolved.pop(key)
                if type(obj) is identity.kind:
                    found[key] = (obj, identity)
            obj = objects = addresses = None
        return found

    def only_held_by_each_other(self, found, group):
        """Drop the candidates that something outside the group holds, directly or through the group.

        `group` holds the ids of objects already known to be unreachable: references from them count
        as references from inside.
        """
        if not found:
            return found
        objects = tuple(pair[0] for pair in found.values())
        # Called with *objects, get_referrers receives this very tuple as its arguments.
        referrers = gc.get_referrers(*objects)
        ours = {id(found), id(self.objects), id(objects), id(referrers)}
        pairs = {id(pair) for pair in found.values()}
        held = set()
        for referrer in referrers:
            key = id(referrer)
            if key in found or key in group or key in ours or key in pairs or type(referrer) is FRAME_TYPE:
                continue
            if type(referrer) is dict and self.owned_by(referrer, found, ours | group, pairs):
                continue  # the __dict__ of an instance in the group
            for target in gc.get_referents(referrer):
                if id(target) in found:
                    held.add(id(target))
        del referrers
        todo = list(held)
        while todo:
            for target in gc.get_referents(found[todo.pop()][0]):
                key = id(target)
                if key in found and key not in held:
                    held.add(key)
                    todo.append(key)
        return {key: pair for key, pair in found.items() if key not in held}

    @staticmethod
    def owned_by(namespace, found, ours, pairs):
        arguments = (namespace,)
        owners = gc.get_referrers(*arguments)
        try:
            return bool(owners) and all(id(owner) in found or id(owner) in ours or id(owner) in pairs
                                        or type(owner) is FRAME_TYPE or owner is arguments for owner in owners)
        finally:
            del owners, arguments
