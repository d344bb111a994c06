"""Values in words: reprs cut to length and without addresses, function signatures, exception messages, long containers elided."""
from builtins import BaseException, ValueError, bytearray, bytes, enumerate, int, isinstance, iter, len, list, next, range, repr, str, type

from .limits import LIMIT_ERRORS
from .pinned import remove_addresses

REPR_LIMIT = 120
ITEM_LIMIT = 40
ITEMS_KEPT_AT_EACH_END = 20


def short_repr(obj):
    """repr(obj) cut to REPR_LIMIT characters, and the full length when it was cut."""
    kind = type(obj)
    try:
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
    except BaseException as error:  # a user __repr__ may fail; the trace must not
        if isinstance(error, LIMIT_ERRORS):
            raise
        return f"<{kind.__name__} object (repr failed: {type(error).__name__})>", None


def without_addresses(text):
    """'<weakref at 0x11; to 'A' at 0x22>' -> '<weakref; to 'A'>': addresses differ from run to run."""
    if " at 0x" not in text:
        return text
    return remove_addresses("", text)


def cut(text):
    if len(text) <= REPR_LIMIT:
        return text, None
    return text[:REPR_LIMIT], len(text)


def function_signature(function):
    """'(a, b=[], *args, c, **kw)' from the code object, with the defaults' current reprs."""
    code = function.__code__
    names = code.co_varnames
    positional = code.co_argcount
    keyword_only = code.co_kwonlyargcount
    defaults = function.__defaults__ or ()
    kwdefaults = function.__kwdefaults__ or {}
    parts = []
    first_default = positional - len(defaults)
    for index in range(positional):
        text = names[index]
        if index >= first_default:
            text += "=" + short_repr(defaults[index - first_default])[0]
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
            text += "=" + short_repr(kwdefaults[text])[0]
        parts.append(text)
    if code.co_flags & 0x08:
        parts.append("**" + names[positional + keyword_only + (1 if code.co_flags & 0x04 else 0)])
    return "(" + ", ".join(parts) + ")"


def function_parameters(function):
    """The parameters in order, each with its name, kind and whether it has a default: what the
    signature says, as data, so no later stage reads the signature's text."""
    code = function.__code__
    names = code.co_varnames
    positional = code.co_argcount
    keyword_only = code.co_kwonlyargcount
    first_default = positional - len(function.__defaults__ or ())
    kwdefaults = function.__kwdefaults__ or {}
    parameters = []
    for index in range(positional):
        kind = "positional-only" if index < code.co_posonlyargcount else "positional-or-keyword"
        parameters.append(parameter(names[index], kind, index >= first_default))
    if code.co_flags & 0x04:
        parameters.append(parameter(names[positional + keyword_only], "var-positional", False))
    for index in range(positional, positional + keyword_only):
        parameters.append(parameter(names[index], "keyword-only", names[index] in kwdefaults))
    if code.co_flags & 0x08:
        parameters.append(parameter(names[positional + keyword_only + (1 if code.co_flags & 0x04 else 0)], "var-keyword", False))
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


def exception_message(value):
    try:
        return without_addresses(str(value))
    except BaseException as error:
        if isinstance(error, LIMIT_ERRORS):
            raise
        return f"<message unavailable: {type(error).__name__}>"


def elide(values):
    """Keep the first and last 20 of a long container; return (kept, extra fields)."""
    length = len(values)
    if length <= ITEM_LIMIT:
        return values, None
    kept = values[:ITEMS_KEPT_AT_EACH_END] + values[length - ITEMS_KEPT_AT_EACH_END:]
    return kept, elide_fields(length)


def elide_fields(length):
    """The fields that say how much of a container of this length is left out."""
    return {"length": length, "elided": {"at": ITEMS_KEPT_AT_EACH_END, "count": length - ITEM_LIMIT}}


def first_and_last(iterable, length):
    """The items an elided container shows, without copying a huge container whole."""
    if length <= ITEM_LIMIT:
        return list(iterable)
    head = []
    iterator = iter(iterable)
    for _ in range(ITEMS_KEPT_AT_EACH_END):
        head.append(next(iterator))
    tail = []
    skip = length - ITEM_LIMIT
    for index, item in enumerate(iterator):
        if index >= skip:
            tail.append(item)
    return head + tail
