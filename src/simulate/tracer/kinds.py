"""The types and names the tracer tells apart, read without running a snippet's code: its own code, functions, cells,
classes."""
import sys
import types

from builtins import bool, bytes, complex, dict, frozenset, float, int, issubclass, map, range, str, tuple, type

from .pinned import address

SNIPPET_FILENAME = "<memlane-snippet>"
# The one frame below a snippet's module frame: it runs the snippet and holds only its code and namespace.
RUNNER_FILENAME = "<memlane-run>"
USER_MODULE = "__main__"

CO_GENERATOR_LIKE = 0x20 | 0x80 | 0x200  # generator, coroutine, async generator
CO_COROUTINE_LIKE = 0x80 | 0x100 | 0x200  # coroutine, iterable coroutine (types.coroutine), async generator
FUNCTION_TYPE = types.FunctionType
CELL_TYPE = types.CellType
GENERATOR_TYPE = types.GeneratorType
METHOD_TYPE = types.MethodType
MODULE_TYPE = types.ModuleType
FRAME_TYPE = types.FrameType
MEMBER_DESCRIPTOR_TYPE = types.MemberDescriptorType
GETSET_DESCRIPTOR_TYPE = types.GetSetDescriptorType
FRAME_LOCALS_TYPE = type((lambda: sys._getframe().f_locals)())
SCALAR_TYPES = (int, float, complex, bool, type(None), range, type(Ellipsis), type(NotImplemented), str, bytes)
# Asked by identity: `kind in SCALAR_TYPES` would hash the class, and a metaclass may define __hash__.
SCALAR_TYPE_IDS = frozenset(map(address, SCALAR_TYPES))
HEAP_TYPE_FLAG = 1 << 9
# Immortal objects (small ints, None, interned strings...) never die, so their ids are never reused.
is_immortal = sys._is_immortal

# Class attributes read through type's own descriptors: `cls.__name__` would ask the metaclass first.
type_name = type.__dict__["__name__"].__get__
type_qualname = type.__dict__["__qualname__"].__get__
type_mro = type.__dict__["__mro__"].__get__
type_bases = type.__dict__["__bases__"].__get__
type_namespace = type.__dict__["__dict__"].__get__
type_flags = type.__dict__["__flags__"].__get__
static_type_module = type.__dict__["__module__"].__get__
exact_text = str.__str__  # the text of a str subclass as a plain str, without calling its methods
str_length = str.__len__
str_starts = str.startswith
str_ends = str.endswith
str_is_identifier = str.isidentifier
mapping_items = types.MappingProxyType.items


def is_scalar_type(kind):
    return address(kind) in SCALAR_TYPE_IDS


def plain_name(name):
    """A namespace key as a plain str, or None when it is not text: a snippet may put anything in a namespace."""
    kind = type(name)
    if kind is str:
        return name
    if issubclass(kind, str):
        return exact_text(name)
    return None


def own_attribute(cls, name, missing=None):
    """The value `name` has in the class's own namespace, found by walking it: a lookup could compare a
    str-subclass key with ==, which runs the snippet's code."""
    for key, value in mapping_items(type_namespace(cls)):
        if type(key) is str and key == name:
            return value
    return missing


def type_module(cls):
    """The module name a class says it comes from, or None."""
    if type_flags(cls) & HEAP_TYPE_FLAG:
        module = own_attribute(cls, "__module__")
    else:
        module = static_type_module(cls)
    return module if type(module) is str else None


def mro_attribute(cls, name, missing=None):
    """The first value of `name` along the class's MRO, each namespace walked as in own_attribute."""
    for each in type_mro(cls):
        value = own_attribute(each, name, missing)
        if value is not missing:
            return value
    return missing


def class_name(cls):
    """A class's __name__ as plain text (it may have been set to a str subclass)."""
    return plain_name(type_name(cls)) or "?"


def class_qualname(cls):
    return plain_name(type_qualname(cls)) or "?"


_FUNCTION_DEFAULTS = FUNCTION_TYPE.__defaults__.__get__
_FUNCTION_KWDEFAULTS = FUNCTION_TYPE.__kwdefaults__.__get__
tuple_items = tuple.__iter__
dict_items = dict.items


def function_defaults(function):
    """A function's positional defaults as a plain tuple (a snippet may set a tuple subclass)."""
    defaults = _FUNCTION_DEFAULTS(function)
    return () if defaults is None else tuple(tuple_items(defaults))


def function_kwdefaults(function):
    """A function's keyword-only defaults as a plain dict with plain str keys."""
    defaults = _FUNCTION_KWDEFAULTS(function)
    if defaults is None:
        return {}
    plain = {}
    for key, value in dict_items(defaults):
        name = plain_name(key)
        if name is not None:
            plain[name] = value
    return plain


def is_user_code(code):
    # __annotate__ is compiled from annotations (PEP 649) and called by libraries, not by the reader.
    return code.co_filename == SNIPPET_FILENAME and code.co_name != "__annotate__"


def is_sunder(name):
    """Whether a plain str name is _like_this_: machinery of enum classes, not what the reader wrote."""
    return str_length(name) > 2 and name[0] == "_" and name[-1] == "_" and name[1] != "_" and name[-2] != "_"


def is_dunder(name):
    """Whether a plain str name is __like_this__."""
    return str_length(name) > 4 and str_starts(name, "__") and str_ends(name, "__")


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

    name: a plain str. body_names: the names the class body bound (None when the body was not traced);
    dunders that a decorator added (a dataclass's __init__, say) are not the reader's and stay hidden.
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
