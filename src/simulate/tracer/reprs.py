"""Values in words, without running a snippet's code: reprs of scalars and of C types that hold no snippet
objects, cut to length and without addresses; everything else named by its type; signatures and messages."""
import _thread
import datetime
import decimal
import functools
import re
import types
import weakref as _weakref_module

from builtins import (BaseException, OSError, SyntaxError, ValueError, all, bytearray, bytes, dict, enumerate, filter,
                      int, frozenset, id, issubclass, iter, len, list, map, memoryview, next, object, property, range,
                      repr, reversed, set, str, tuple, type, zip)

from .kinds import (FUNCTION_TYPE, HEAP_TYPE_FLAG, MODULE_TYPE, class_name, class_qualname, dict_items, is_scalar_type,
                    own_attribute, plain_name, tuple_items, type_flags, type_module, type_mro)
from .pinned import address, remove_addresses

REPR_LIMIT = 120
ITEM_LIMIT = 40
ITEMS_KEPT_AT_EACH_END = 20
IMMUTABLE_TYPE_FLAG = 1 << 8

# C types whose repr reads only their own C fields (names, numbers, strings they own): calling it runs no
# snippet code. Static types, or heap types marked immutable (checked at load: a snippet cannot patch them).
_SAFE_REPR_TYPES = [
    bytearray, memoryview, types.CodeType, types.FrameType, types.BuiltinFunctionType, types.MethodWrapperType,
    types.WrapperDescriptorType, types.MethodDescriptorType, types.ClassMethodDescriptorType,
    types.GetSetDescriptorType, types.MemberDescriptorType, object, property, map, filter, zip, enumerate,
    reversed, types.CoroutineType, types.AsyncGeneratorType, type(iter([])), type(iter(())), type(iter(range(0))),
    type(iter("")), type(iter(set())), type(iter({})), type(iter({}.values())), type(iter({}.items())),
    _thread.LockType, _thread.RLock, re.Pattern, re.Match, decimal.Decimal, functools._lru_cache_wrapper,
    datetime.date, datetime.timedelta,
]
SAFE_REPR_TYPE_IDS = frozenset(address(kind) for kind in _SAFE_REPR_TYPES
                               if not type_flags(kind) & HEAP_TYPE_FLAG or type_flags(kind) & IMMUTABLE_TYPE_FLAG)
# Their repr shows a tzinfo's repr: safe only without one, or with a timezone (a C type).
_ZONED_TYPE_IDS = frozenset((address(datetime.datetime), address(datetime.time)))
_TZINFO = {address(datetime.datetime): datetime.datetime.tzinfo.__get__,
           address(datetime.time): datetime.time.tzinfo.__get__}
_REFERENT = _weakref_module.ref.__call__
_WEAKREF_NAMED_TYPES = frozenset(map(address, (FUNCTION_TYPE, type, types.BuiltinFunctionType, types.MethodType)))
_FUNCTION_NAME = FUNCTION_TYPE.__dict__["__name__"].__get__
_BUILTIN_NAME = types.BuiltinFunctionType.__dict__["__name__"].__get__
_FINALIZE_REGISTRY = _weakref_module.finalize._registry
_FINALIZE_INFO_REFERENCE = own_attribute(_weakref_module.finalize._Info, "weakref").__get__
_MODULE_NAMESPACE = MODULE_TYPE.__dict__["__dict__"].__get__
_BUILTIN_MODULES = frozenset(__import__("sys").builtin_module_names)
_EXCEPTION_ARGS = BaseException.args.__get__
_EXCEPTION_REPR = BaseException.__repr__
_EXCEPTION_TEXT = BaseException.__str__
_OS_ERROR_FIELDS = (OSError.errno.__get__, OSError.strerror.__get__, OSError.filename.__get__,
                    OSError.filename2.__get__)
_SYNTAX_ERROR_FIELDS = (SyntaxError.msg.__get__, SyntaxError.filename.__get__, SyntaxError.lineno.__get__)


def short_repr(obj):
    """repr(obj) cut to REPR_LIMIT characters, and the full length when it was cut; for scalars and bytearray."""
    kind = type(obj)
    if kind is str or kind is bytes or kind is bytearray:
        # Slice before repr: a huge string must not be copied whole on every step.
        head = repr(obj[: REPR_LIMIT + 8])
        if len(obj) <= REPR_LIMIT + 8:
            full = head if kind is not bytearray else repr(obj)
            return cut(full)
        total = len(repr(obj)) if len(obj) <= 100_000 else len(obj) + 3
        return head[:REPR_LIMIT], total
    if kind is int and obj.bit_length() > 14_000:
        try:
            return cut(repr(obj))
        except ValueError:  # more digits than sys.get_int_max_str_digits() allows
            return f"<int of {obj.bit_length()} bits>", None
    return cut(without_addresses(repr(obj)))


def safe_repr(obj):
    """The repr of any object whose repr cannot run a snippet's code; otherwise its type in words."""
    kind = type(obj)
    key = address(kind)
    if is_scalar_type(kind) or kind is bytearray:
        return short_repr(obj)
    if key in SAFE_REPR_TYPE_IDS:
        return cut(without_addresses(repr(obj)))
    if key in _ZONED_TYPE_IDS:
        zone = _TZINFO[key](obj)
        if zone is None or type(zone) is datetime.timezone:
            return cut(without_addresses(repr(obj)))
    elif kind is _weakref_module.ref or kind is _weakref_module.WeakMethod:
        return cut(weakref_text(obj))
    elif kind is _weakref_module.finalize:
        return cut(finalize_text(obj))
    elif kind is MODULE_TYPE:
        return cut(module_text(obj))
    elif issubclass(kind, type):
        return cut(class_text(obj))
    elif _is_exception_type(kind):
        args = _EXCEPTION_ARGS(obj)
        if all(is_scalar_type(type(arg)) for arg in tuple_items(args)):
            return cut(_EXCEPTION_REPR(obj))
    return cut(described(kind))


def described(kind):
    """'<module.Qualname object>': what object.__repr__ says, without the address."""
    module = type_module(kind)
    qualname = class_qualname(kind)
    return f"<{qualname} object>" if module is None or module == "builtins" else f"<{module}.{qualname} object>"


def class_text(cls):
    """What type.__repr__ says, with the module read from the class's namespace by walking it."""
    module = type_module(cls)
    qualname = class_qualname(cls)
    return f"<class {qualname!r}>" if module is None or module == "builtins" else f"<class '{module}.{qualname}'>"


def weakref_text(reference):
    """What a weakref's repr says, without addresses; the name of what it refers to only where it is C data."""
    referent = _REFERENT(reference)
    if referent is None:
        return "<weakref; dead>"
    kind = type(referent)
    text = f"<weakref; to {class_name(kind)!r}"
    if address(kind) in _WEAKREF_NAMED_TYPES:
        name = callable_name(referent)
        if name is not None:
            text += f" ({name})"
    return text + ">"


def callable_name(obj):
    kind = type(obj)
    if kind is FUNCTION_TYPE:
        return plain_name(_FUNCTION_NAME(obj))
    if kind is types.BuiltinFunctionType:
        return plain_name(_BUILTIN_NAME(obj))
    if kind is type:
        return class_name(obj)
    return None


def finalize_text(finalizer):
    """What weakref.finalize's repr says, without addresses, read from its registry rather than its methods."""
    for key, info in dict.items(_FINALIZE_REGISTRY):
        if key is finalizer:
            referent = _REFERENT(_FINALIZE_INFO_REFERENCE(info))
            if referent is not None:
                return f"<finalize object; for {class_name(type(referent))!r}>"
            break
    return "<finalize object; dead>"


def module_text(module):
    """What a module's repr says: its name and where it came from, read from its namespace."""
    name = path = None
    for key, value in dict_items(_MODULE_NAMESPACE(module)):
        if type(key) is str and type(value) is str:
            if key == "__name__":
                name = value
            elif key == "__file__":
                path = value
    if name is None:
        return "<module>"
    if name in _BUILTIN_MODULES:
        return f"<module {name!r} (built-in)>"
    return f"<module {name!r} from {path!r}>" if path is not None else f"<module {name!r}>"


def _is_exception_type(kind):
    return issubclass(kind, BaseException)


def without_addresses(text):
    """'<weakref at 0x11; to 'A' at 0x22>' -> '<weakref; to 'A'>': addresses differ from run to run."""
    if " at 0x" not in text:
        return text
    return remove_addresses("", text)


def cut(text):
    if len(text) <= REPR_LIMIT:
        return text, None
    return text[:REPR_LIMIT], len(text)


def value_text(obj):
    """A short text for a value in a signature: a scalar's repr, a small container of scalars', else its type."""
    kind = type(obj)
    if (kind is list or kind is tuple or kind is set or kind is frozenset) and len(obj) <= ITEM_LIMIT:
        if all(is_scalar_type(type(item)) for item in obj):
            return cut(repr(obj))[0]
    elif kind is dict and len(obj) <= ITEM_LIMIT:
        if all(is_scalar_type(type(key)) and is_scalar_type(type(value)) for key, value in dict.items(obj)):
            return cut(repr(obj))[0]
    return safe_repr(obj)[0]


def exception_message(value):
    """str(value) where the message is made in C from plain values: the exception's arguments (and an OSError's
    or a SyntaxError's fields). An exception class's own __str__ is not called: the message comes from its arguments."""
    args = _EXCEPTION_ARGS(value)
    if not all(is_scalar_type(type(arg)) for arg in tuple_items(args)):
        return "<message not shown: it holds objects>"
    kind = type(value)
    if issubclass(kind, OSError):
        if all(is_scalar_type(type(get(value))) for get in _OS_ERROR_FIELDS):
            return without_addresses(OSError.__str__(value))
    elif issubclass(kind, SyntaxError):
        if all(is_scalar_type(type(get(value))) for get in _SYNTAX_ERROR_FIELDS):
            return without_addresses(SyntaxError.__str__(value))
    elif not _has_own_str(type_mro(kind)):
        return without_addresses(type_str(kind)(value))
    return without_addresses(_EXCEPTION_TEXT(value))


def _has_own_str(mro):
    """Whether a class along the MRO, before the builtin ones, defines __str__ itself."""
    for cls in mro:
        if not type_flags(cls) & HEAP_TYPE_FLAG:
            return False
        if own_attribute(cls, "__str__") is not None:
            return True
    return False


def type_str(kind):
    """The C __str__ of the first builtin class along the MRO (KeyError's quotes its key, say)."""
    for cls in type_mro(kind):
        if not type_flags(cls) & HEAP_TYPE_FLAG:
            return own_attribute(cls, "__str__", None) or _EXCEPTION_TEXT
    return _EXCEPTION_TEXT


def function_signature(code, defaults, kwdefaults):
    """'(a, b=[], *args, c, **kw)' from a function's code, with the defaults' current values in short.
    defaults, kwdefaults: function_defaults(function) and function_kwdefaults(function)."""
    names = code.co_varnames
    positional = code.co_argcount
    keyword_only = code.co_kwonlyargcount
    parts = []
    first_default = positional - len(defaults)
    for index in range(positional):
        text = names[index]
        if index >= first_default:
            text += "=" + value_text(defaults[index - first_default])
        parts.append(text)
        if index + 1 == code.co_posonlyargcount:
            parts.append("/")
    cursor = positional
    if code.co_flags & 0x04:
        parts.append("*" + names[positional + keyword_only])
    elif keyword_only:
        parts.append("*")
    for index in range(cursor, cursor + keyword_only):
        text = names[index]
        if text in kwdefaults:
            text += "=" + value_text(kwdefaults[text])
        parts.append(text)
    if code.co_flags & 0x08:
        parts.append("**" + names[positional + keyword_only + (1 if code.co_flags & 0x04 else 0)])
    return "(" + ", ".join(parts) + ")"


def function_parameters(code, defaults, kwdefaults):
    """The parameters in order, each with its name, kind and whether it has a default: what the
    signature says, as data, so no later stage reads the signature's text."""
    names = code.co_varnames
    positional = code.co_argcount
    keyword_only = code.co_kwonlyargcount
    first_default = positional - len(defaults)
    parameters = []
    for index in range(positional):
        kind = "positional-only" if index < code.co_posonlyargcount else "positional-or-keyword"
        parameters.append(parameter(names[index], kind, index >= first_default))
    if code.co_flags & 0x04:
        parameters.append(parameter(names[positional + keyword_only], "var-positional", False))
    for index in range(positional, positional + keyword_only):
        parameters.append(parameter(names[index], "keyword-only", names[index] in kwdefaults))
    if code.co_flags & 0x08:
        parameters.append(parameter(names[positional + keyword_only + (1 if code.co_flags & 0x04 else 0)],
                                    "var-keyword", False))
    return parameters


def parameter(name, kind, has_default):
    described = {"name": name, "kind": kind}
    if has_default:
        described["default"] = True
    return described


def generator_state(generator):
    if generator.gi_running:
        return "running"
    if generator.gi_frame is None:
        return "finished"
    if generator.gi_suspended:
        return "suspended"
    return "created"


def elide_fields(length):
    """The fields that say how much of a container of this length is left out."""
    return {"length": length, "elided": {"at": ITEMS_KEPT_AT_EACH_END, "count": length - ITEM_LIMIT}}


def first_and_last(iterator, length):
    """The items an elided container shows, from a C iterator over it, without copying a huge container whole."""
    if length <= ITEM_LIMIT:
        return list(iterator)
    head = []
    for _ in range(ITEMS_KEPT_AT_EACH_END):
        head.append(next(iterator))
    tail = []
    skip = length - ITEM_LIMIT
    for index, item in enumerate(iterator):
        if index >= skip:
            tail.append(item)
    return head + tail
