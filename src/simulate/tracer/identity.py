"""Identity without ownership: what the tracer remembers of a shown object, and weakrefs taken only where they are safe."""
from builtins import TypeError, type

from .pinned import gc, weakref


class Identity:
    """What the tracer remembers about one shown object, without keeping it alive."""

    __slots__ = ("oid", "kind", "weak", "scalar_key", "tracked", "encoding", "made_in", "edges", "unseen", "holders")

    def __init__(self, oid, kind, weak, scalar_key, tracked):
        self.oid = oid
        self.kind = kind
        self.weak = weak
        self.scalar_key = scalar_key
        self.tracked = tracked
        self.encoding = None
        self.made_in = None
        self.edges = ()
        self.unseen = 1       # references the trace did not show, at the last step it was shown
        self.holders = ()     # ids of the frames and objects that showed a reference to it then


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
    if not type.__dict__["__weakrefoffset__"].__get__(type(obj)) or is_being_finalized(obj):
        return None
    try:
        return weakref.ref(obj)
    except TypeError:
        return None


def call_weakref(reference):
    return reference()
