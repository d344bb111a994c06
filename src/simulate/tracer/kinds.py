"""The types and names the tracer tells apart: the snippet's own code, functions, cells, generators, class machinery."""
import sys

from builtins import bool, bytes, complex, float, frozenset, getattr, int, len, range, str, type

SNIPPET_FILENAME = "<memlane-snippet>"
USER_MODULE = "__main__"

CO_GENERATOR_LIKE = 0x20 | 0x80 | 0x200  # generator, coroutine, async generator
FUNCTION_TYPE = type(lambda: None)
CELL_TYPE = type((lambda x: lambda: x)(0).__closure__[0])
GENERATOR_TYPE = type((lambda: (yield))())


class _MethodProbe:
    def method(self):
        pass


METHOD_TYPE = type(_MethodProbe().method)
MODULE_TYPE = type(sys)
FRAME_TYPE = type(sys._getframe())
SCALAR_TYPES = frozenset({int, float, complex, bool, type(None), range, type(Ellipsis), type(NotImplemented), str, bytes})
# Immortal objects (small ints, None, interned strings...) never die, so their ids are never reused.
is_immortal = getattr(sys, "_is_immortal", lambda obj: False)


def is_user_code(code):
    # __annotate__ is compiled from annotations (PEP 649) and called by libraries, not by the reader.
    return code.co_filename == SNIPPET_FILENAME and code.co_name != "__annotate__"


def is_sunder(name):
    # _member_map_ and friends: machinery of enum classes, not what the reader wrote.
    return len(name) > 2 and name[0] == "_" and name[-1] == "_" and name[1] != "_" and name[-2] != "_"


def is_dunder(name):
    return len(name) > 4 and name.startswith("__") and name.endswith("__")


# What CPython puts in every class namespace by itself, whatever the class body says.
AUTOMATIC_CLASS_ATTRIBUTES = frozenset((
    "__module__", "__qualname__", "__dict__", "__weakref__", "__firstlineno__", "__static_attributes__",
    "__classcell__", "__classdictcell__", "__annotate__", "__annotate_func__", "__annotations_cache__",
    "__conditional_annotations__", "__orig_bases__", "__type_params__", "__parameters__",
))


def is_class_body(code):
    # A class body runs in a namespace dict (no fast locals) and is not the module's code.
    return not code.co_flags & 0x3 and code.co_name != "<module>"


def shows_class_attribute(name, value, body_names):
    """Whether a class's diagram lists this entry of its namespace: what its body defined.

    body_names: the names the class body bound (None when the body was not traced); dunders that
    a decorator added (a dataclass's __init__, say) are not the reader's and stay hidden.
    """
    if name in AUTOMATIC_CLASS_ATTRIBUTES or is_sunder(name):
        return False
    if name == "__doc__" and value is None:
        return False
    if not is_dunder(name):
        return True
    if body_names is not None:
        return name in body_names
    return type(value) is FUNCTION_TYPE and value.__code__.co_filename == SNIPPET_FILENAME
