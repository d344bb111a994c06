"""Identity without ownership: what the tracer remembers of a shown object, and weakrefs taken only where they are
safe."""
from builtins import TypeError, range, type

from .pinned import address, gc, weakref

_WEAKREF_OFFSET = type.__dict__["__weakrefoffset__"].__get__


# The fields of an identity, a list: a class of the tracer's would be found through object.__subclasses__()
# and could be patched by a snippet; a list is also the fastest record CPython reads and writes.
OID, KIND, WEAK, SCALAR_KEY, TRACKED, ENCODING, MADE_IN, EDGES, UNSEEN, HOLDERS = range(10)


def new_identity(oid, kind, weak, scalar_key, tracked):
    """What the tracer remembers about one shown object, without keeping it alive: its trace id, type,
    weakref (or None), scalar key ((repr, full length) of a scalar), whether the collector tracks it, its
    last encoding, the frame that made it (functions), the oids it referred to, the references the trace did
    not show at the last step it was shown (unseen) and the ids of the frames and objects that showed one."""
    return [oid, kind, weak, scalar_key, tracked, None, None, (), 1, ()]


def is_being_finalized(obj):
    return gc.is_tracked(obj) and gc.is_finalized(obj)


def dead_reference():
    return None


def weak_reference_to(obj):
    """A weakref to obj, or None for types without them. Asked of the type first: a failed attempt
    would leave a traceback holding this frame, and with it the object, a moment too long.

    None too for an object whose finalizer runs (a generator closed as it is freed): CPython cleared
    its weakrefs before calling the finalizer and would not clear one made now, which would then
    point at freed memory and crash the interpreter when called.
    """
    if not _WEAKREF_OFFSET(type(obj)) or is_being_finalized(obj):
        return None
    try:
        return weakref.ref(obj)
    except TypeError:
        return None


def call_weakref(reference):
    return reference()


def identify(recorder, obj, scalar_key):
    """The stable identity of obj, and whether it is new: the same object keeps its id from step to step.

    Uses the recorder's identities, keys_by_oid, replaced, unreachable and next_object.
    """
    key = address(obj)
    known = recorder.identities.get(key)
    if known is not None and known[KIND] is type(obj):
        if known[WEAK] is not None:
            alive = known[WEAK]()
            if alive is obj:
                return known, False
            # The collector clears the weakrefs of a whole unreachable cycle before it runs the
            # first __del__: while the cycle is being finalized its objects are the same ones.
            if alive is None and (key in recorder.unreachable or gc.is_finalized(obj)):
                known[WEAK] = None  # from now on known by address and type, as lists are
                return known, False
        elif known[SCALAR_KEY] == scalar_key:
            return known, False
    if known is not None:
        # A new object at the address of one shown before: that one is dead, say so.
        recorder.replaced.append(known[OID])
        recorder.keys_by_oid.pop(known[OID], None)
        recorder.unreachable.pop(key, None)
    recorder.next_object += 1
    weak = weak_reference_to(obj)
    identity = new_identity(f"o{recorder.next_object}", type(obj), weak, scalar_key, gc.is_tracked(obj))
    recorder.identities[key] = identity
    recorder.keys_by_oid[identity[OID]] = key
    return identity, True
