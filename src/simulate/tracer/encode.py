"""Encoding one heap object as trace v1: containers, functions, cells, generators, classes, instances and the
references each holds, read through C-level getters so that no snippet code (a __len__, a __getattribute__, a
metaclass property) runs while the tracer looks.

Each function takes the step's snapshot (snapshot.py), whose fields recorder, frames, frame_ids, objects,
pending and changed are used here.
"""
import _asyncio
import collections
import types

from builtins import (AttributeError, Exception, ValueError, dict, frozenset, int, issubclass, iter, len, list,
                      reversed, set, slice, str, tuple, type, zip)

from .frames import generator_frame_id, namespace_items
from .identity import EDGES, ENCODING, KIND, MADE_IN, OID, SCALAR_KEY, WEAK, identify
from .kinds import (SCALAR_TYPE_IDS, CELL_TYPE, FUNCTION_TYPE, GENERATOR_TYPE, GETSET_DESCRIPTOR_TYPE,
                    MEMBER_DESCRIPTOR_TYPE, METHOD_TYPE, USER_MODULE, class_name, class_qualname, dict_items,
                    function_defaults, function_kwdefaults, is_immortal, is_user_code, mapping_items, own_attribute,
                    plain_name, shows_class_attribute, str_is_identifier, type_bases, type_module, type_mro,
                    type_namespace)
from .pinned import address, gc, time, weakref
from .reprs import (ITEM_LIMIT, ITEMS_KEPT_AT_EACH_END, REPR_LIMIT, elide_fields, first_and_last, function_parameters,
                    function_signature, generator_state, safe_repr, short_repr)

OBJECT_LIMIT = 2000  # objects described in full at one step; the rest get a placeholder

_list_iter = list.__iter__
_tuple_iter = tuple.__iter__
_set_iter = set.__iter__
_frozenset_iter = frozenset.__iter__
_list_len = list.__len__
_list_item = list.__getitem__
_tuple_item = tuple.__getitem__
_tuple_len = tuple.__len__
_dict_len = dict.__len__
_set_len = set.__len__
_frozenset_len = frozenset.__len__
_deque = collections.deque
_deque_iter = _deque.__iter__
_deque_len = _deque.__len__
_namespace_type = types.SimpleNamespace
_namespace_dict = own_attribute(types.SimpleNamespace, "__dict__").__get__
_member_get = MEMBER_DESCRIPTOR_TYPE.__get__
_getset_get = GETSET_DESCRIPTOR_TYPE.__get__
_method_self = METHOD_TYPE.__self__.__get__
_method_function = METHOD_TYPE.__func__.__get__
_generator_name = GENERATOR_TYPE.__dict__["__name__"].__get__
COROUTINE_TYPE = types.CoroutineType
ASYNC_GENERATOR_TYPE = types.AsyncGeneratorType
FUTURE_TYPE = _asyncio.Future
TASK_TYPE = _asyncio.Task
# Keyed by whether the object is a coroutine (else an async generator); C getters, so no snippet code runs.
_COROUTINE_GETTERS = {
    True: {"name": COROUTINE_TYPE.__dict__["__name__"].__get__, "frame": COROUTINE_TYPE.cr_frame.__get__,
           "running": COROUTINE_TYPE.cr_running.__get__, "suspended": COROUTINE_TYPE.cr_suspended.__get__},
    False: {"name": ASYNC_GENERATOR_TYPE.__dict__["__name__"].__get__, "frame": ASYNC_GENERATOR_TYPE.ag_frame.__get__,
            "running": ASYNC_GENERATOR_TYPE.ag_running.__get__,
            "suspended": ASYNC_GENERATOR_TYPE.ag_suspended.__get__},
}
_future_state = FUTURE_TYPE.__dict__["_state"].__get__
_future_result = FUTURE_TYPE.__dict__["_result"].__get__
_future_exception = FUTURE_TYPE.__dict__["_exception"].__get__
_task_coro = TASK_TYPE.__dict__["_coro"].__get__
_task_waiter = TASK_TYPE.__dict__["_fut_waiter"].__get__
_int_repr = int.__repr__
_int_bits = int.bit_length
SHORT_INT_BITS = 390  # at most 118 digits and a sign: within REPR_LIMIT


def reference_to(snapshot, obj):
    """{"ref": oid} for obj, queuing it to be encoded when it is new or may have changed."""
    key = address(obj)
    seen = snapshot.objects.get(key)
    if seen is not None:
        return {"ref": seen[1][OID]}
    kind = type(obj)
    scalar_key = None
    if address(kind) in SCALAR_TYPE_IDS:
        known = snapshot.recorder.identities.get(key)
        if known is not None and known[KIND] is kind and known[ENCODING] is not None and is_immortal(obj):
            snapshot.objects[key] = (obj, known)
            if known[ENCODING].get("unreachable"):
                snapshot.pending.append((obj, known))
            return {"ref": known[OID]}
        # An int of a few hundred bits is its repr, never cut: no call to short_repr (hot in long loops).
        scalar_key = (_int_repr(obj), None) if kind is int and _int_bits(obj) <= SHORT_INT_BITS else short_repr(obj)
        if known is not None and known[KIND] is kind and known[WEAK] is None and known[SCALAR_KEY] == scalar_key:
            # The same scalar at the same address, as identify() would find it.
            snapshot.objects[key] = (obj, known)
            if known[ENCODING] is None or known[ENCODING].get("unreachable"):
                snapshot.pending.append((obj, known))
            return {"ref": known[OID]}
    identity, is_new = identify(snapshot.recorder, obj, scalar_key)
    snapshot.objects[key] = (obj, identity)
    # An immutable scalar already shown cannot have changed: no need to encode it again.
    if is_new or scalar_key is None or identity[ENCODING] is None or identity[ENCODING].get("unreachable"):
        snapshot.pending.append((obj, identity))
    return {"ref": identity[OID]}


def references_to(snapshot, items):
    """[reference_to(snapshot, item) for item in items], with the two common cases inline: an object already
    seen at this step, and a known scalar that cannot have changed (an immortal one, or a short int)."""
    objects = snapshot.objects
    identities = snapshot.recorder.identities
    pending = snapshot.pending
    refs = []
    for obj in items:
        key = address(obj)
        seen = objects.get(key)
        if seen is not None:
            refs.append({"ref": seen[1][OID]})
            continue
        kind = type(obj)
        known = identities.get(key)
        if known is not None and known[KIND] is kind and known[ENCODING] is not None and (
                kind is int and _int_bits(obj) <= SHORT_INT_BITS and known[SCALAR_KEY][0] == _int_repr(obj)
                and known[WEAK] is None or address(kind) in SCALAR_TYPE_IDS and is_immortal(obj)):
            objects[key] = (obj, known)
            if known[ENCODING].get("unreachable"):
                pending.append((obj, known))
            refs.append({"ref": known[OID]})
            continue
        refs.append(reference_to(snapshot, obj))
    return refs


def drain(snapshot, unreachable=False):
    """Encodes every queued object (and what they refer to), noting those whose encoding changed."""
    pending = snapshot.pending
    while pending:
        obj, identity = pending.pop()
        if len(snapshot.objects) > OBJECT_LIMIT or (len(snapshot.objects) & 255 == 0
                                                    and time.monotonic() > snapshot.recorder.deadline):
            # A huge web of objects (all of gc.get_objects(), say): show the rest without contents
            # rather than spend the whole time limit on one step.
            name = class_facts(snapshot, type(obj))[0]
            encoding = {"type": name, "repr": f"<{name}: not shown, too many objects>"[:REPR_LIMIT]}
            identity[EDGES] = ()
        else:
            try:
                encoding = encode(snapshot, obj, identity)
            except Exception as error:
                # Odd objects must not break the snippet's run.
                name = class_facts(snapshot, type(obj))[0]
                encoding = {"type": name,
                            "repr": f"<{name} object: not shown ({class_name(type(error))})>"[:REPR_LIMIT]}
                identity[EDGES] = ()
        # Only containers the cyclic collector tracks are kept alive by a cycle; what they hold
        # that it does not track (interned strings, small ints) lives on by other means.
        if unreachable and gc.is_tracked(obj):
            encoding["unreachable"] = True
        if encoding != identity[ENCODING]:
            identity[ENCODING] = encoding
            snapshot.changed[identity[OID]] = encoding


def class_facts(snapshot, kind):
    """What encoding needs of a class, read once per class and step (nothing changes while a step is recorded):
    its name, module, the C getter of its instances' __dict__ and the member descriptors of its slots."""
    key = address(kind)
    facts = snapshot.classes.get(key)
    if facts is None:
        facts = (class_name(kind), type_module(kind), dict_getter(kind), slot_descriptors(kind))
        snapshot.classes[key] = facts
    return facts


def encode(snapshot, obj, identity):
    kind = type(obj)
    name, module, _, _ = class_facts(snapshot, kind)
    encoding = {"type": name}
    if identity[SCALAR_KEY] is not None:
        text, full = identity[SCALAR_KEY]
        encoding["repr"] = text
        if full is not None:
            encoding["reprLength"] = full
        # Immortal (None, True, small ints, interned strings): CPython never frees it.
        if is_immortal(obj):
            encoding["immortal"] = True
        identity[EDGES] = ()
        return encoding
    if kind is list or kind is tuple:
        # Its only references are its items: listed here, without collect_refs' walk over every field.
        if kind is list:
            encode_indexed(snapshot, obj, _list_len(obj), _list_item, encoding)
        else:
            encode_indexed(snapshot, obj, _tuple_len(obj), _tuple_item, encoding)
        identity[EDGES] = tuple([item["ref"] for item in encoding["items"]])
        return encoding
    elif kind is dict:
        encode_entries(snapshot, obj, encoding)
    elif kind is set:
        encode_items(snapshot, _set_iter(obj), _set_len(obj), encoding)
    elif kind is frozenset:
        encode_items(snapshot, _frozenset_iter(obj), _frozenset_len(obj), encoding)
    elif kind is FUNCTION_TYPE:
        encode_function(snapshot, obj, identity, encoding)
    elif kind is CELL_TYPE:
        encoding["kind"] = "cell"
        try:
            contents = obj.cell_contents
        except ValueError:
            encoding["empty"] = True
            encoding["attrs"] = []
        else:
            encoding["attrs"] = [["cell_contents", reference_to(snapshot, contents)]]
    elif kind is GENERATOR_TYPE:
        encode_generator(snapshot, obj, encoding)
    elif kind is COROUTINE_TYPE or kind is ASYNC_GENERATOR_TYPE:
        encode_coroutine(snapshot, obj, kind, encoding)
    elif issubclass(kind, FUTURE_TYPE):
        encode_future(snapshot, obj, kind, encoding)
    elif kind is METHOD_TYPE:
        encoding["kind"] = "method"
        encoding["attrs"] = [["__self__", reference_to(snapshot, _method_self(obj))],
                             ["__func__", reference_to(snapshot, _method_function(obj))]]
    elif issubclass(kind, type) and type_module(obj) == USER_MODULE:
        encode_class(snapshot, obj, encoding)
    elif module == USER_MODULE:
        encode_instance(snapshot, obj, kind, encoding)
    elif not encode_library_container(snapshot, obj, kind, encoding):
        text, full = safe_repr(obj)
        encoding["repr"] = text
        if full is not None:
            encoding["reprLength"] = full
    identity[EDGES] = tuple(collect_refs(encoding))
    return encoding


def encode_sequence(snapshot, iterator, length, encoding):
    encoding["items"] = references_to(snapshot, first_and_last(iterator, length))
    if length > ITEM_LIMIT:
        encoding.update(elide_fields(length))


def encode_indexed(snapshot, items, length, get_item, encoding):
    """A list's or tuple's items (a subclass's too, read from the sequence itself): a long one is sliced at both
    ends in C rather than walked whole."""
    if length <= ITEM_LIMIT:
        kept = get_item(items, slice(0, length))
    else:
        kept = (get_item(items, slice(0, ITEMS_KEPT_AT_EACH_END))
                + get_item(items, slice(length - ITEMS_KEPT_AT_EACH_END, length)))
    encoding["items"] = references_to(snapshot, kept)
    if length > ITEM_LIMIT:
        encoding.update(elide_fields(length))


def encode_items(snapshot, iterator, length, encoding):
    encode_sequence(snapshot, iterator, length, encoding)


def encode_entries(snapshot, mapping, encoding):
    """A dict's entries (a subclass's too), read from the dict itself, not through its methods."""
    length = _dict_len(mapping)
    pairs = first_and_last(iter_items(mapping), length)
    encoding["entries"] = [[reference_to(snapshot, key), reference_to(snapshot, value)] for key, value in pairs]
    if length > ITEM_LIMIT:
        encoding.update(elide_fields(length))


def iter_items(mapping):
    return iter(dict_items(mapping))


def encode_library_container(snapshot, obj, kind, encoding):
    """Containers of the standard library drawn as what they hold (a defaultdict as a dict, a deque as a
    list, a SimpleNamespace as attributes) rather than as a repr. Returns whether it encoded one."""
    if issubclass(kind, dict):
        encode_entries(snapshot, obj, encoding)
    elif issubclass(kind, list):
        encode_indexed(snapshot, obj, _list_len(obj), _list_item, encoding)
    elif issubclass(kind, tuple):
        encode_indexed(snapshot, obj, _tuple_len(obj), _tuple_item, encoding)
    elif issubclass(kind, set):
        encode_items(snapshot, _set_iter(obj), _set_len(obj), encoding)
    elif issubclass(kind, frozenset):
        encode_items(snapshot, _frozenset_iter(obj), _frozenset_len(obj), encoding)
    elif kind is _deque:
        encode_sequence(snapshot, _deque_iter(obj), _deque_len(obj), encoding)
    elif kind is _namespace_type:
        encoding["attrs"] = attribute_pairs(snapshot, _namespace_dict(obj))
    else:
        return False
    return True


def attribute_pairs(snapshot, namespace):
    """[[name, ref], ...] for an attribute dict, keys that are not text left out."""
    pairs = []
    if type(namespace) is not dict:
        return pairs
    for key, value in dict_items(namespace):
        name = key if type(key) is str else plain_name(key)
        if name is not None:
            pairs.append([name, reference_to(snapshot, value)])
    return pairs


def encode_function(snapshot, function, identity, encoding):
    encoding["kind"] = "function"
    encoding["name"] = plain_name(function.__name__) or "?"
    encoding["qualname"] = plain_name(function.__qualname__) or "?"
    code = function.__code__
    defaults = function_defaults(function)
    kwdefaults = function_kwdefaults(function)
    try:
        encoding["signature"] = function_signature(code, defaults, kwdefaults)
        encoding["parameters"] = function_parameters(code, defaults, kwdefaults)
    except Exception:
        encoding["signature"] = "(...)"
    if defaults:
        encoding["defaults"] = [reference_to(snapshot, value) for value in defaults]
    if kwdefaults:
        encoding.setdefault("defaults", []).extend(reference_to(snapshot, value) for value in kwdefaults.values())
    closure = function.__closure__
    if closure:
        encoding["closure"] = [[name, reference_to(snapshot, cell)] for name, cell in zip(code.co_freevars, closure)]
    if identity[MADE_IN] is None:
        identity[MADE_IN] = defining_frame(snapshot, code) or ""
        if identity[MADE_IN] and closure:
            snapshot.recorder.functions_made.setdefault(identity[MADE_IN], []).append(weakref.ref(function))
    if identity[MADE_IN]:
        encoding["madeIn"] = identity[MADE_IN]
    encoding["attrs"] = []


def defining_frame(snapshot, code):
    for frame, frame_code in reversed(snapshot.frames):
        if code in frame_code.co_consts:
            return snapshot.frame_ids.get(address(frame))
    return None


def encode_generator(snapshot, generator, encoding):
    encoding["kind"] = "generator"
    encoding["name"] = plain_name(_generator_name(generator)) or "?"
    encoding["state"] = generator_state(generator)
    encoding["frame"] = generator_frame_id(snapshot.recorder, generator)
    frame = generator.gi_frame
    if frame is not None:
        encoding["line"] = frame.f_lineno or 0
        code = frame.f_code
        values = []
        for name, value in namespace_items(frame.f_locals):
            if name in code.co_freevars or not str_is_identifier(name):
                continue
            values.append([name, reference_to(snapshot, value)])
        encoding["locals"] = values
    else:
        encoding["locals"] = []


def encode_coroutine(snapshot, coroutine, kind, encoding):
    """A coroutine or async generator, drawn as generators are: its state, the line it is suspended at and, when
    its code is the snippet's, its locals (a library's coroutine, asyncio.sleep's say, shows no insides)."""
    getters = _COROUTINE_GETTERS[kind is COROUTINE_TYPE]
    encoding["kind"] = "generator"
    encoding["name"] = plain_name(getters["name"](coroutine)) or "?"
    frame = getters["frame"](coroutine)
    if getters["running"](coroutine):
        encoding["state"] = "running"
    elif frame is None:
        encoding["state"] = "finished"
    else:
        encoding["state"] = "suspended" if getters["suspended"](coroutine) else "created"
    encoding["frame"] = generator_frame_id(snapshot.recorder, coroutine)
    encoding["locals"] = []
    if frame is None:
        return
    encoding["line"] = frame.f_lineno or 0
    code = frame.f_code
    if not is_user_code(code):
        return
    for name, value in namespace_items(frame.f_locals):
        if name not in code.co_freevars and str_is_identifier(name):
            encoding["locals"].append([name, reference_to(snapshot, value)])


def encode_future(snapshot, future, kind, encoding):
    """An asyncio Future or Task, read through the C getters of asyncio's Future (a subclass's properties are
    not asked): its state, a task's coroutine and what it waits on, and once finished its result or exception."""
    encoding["kind"] = "instance"
    state = _future_state(future)
    attrs = [["_state", reference_to(snapshot, state)]]
    if issubclass(kind, TASK_TYPE):
        attrs.append(["_coro", reference_to(snapshot, _task_coro(future))])
        waiter = _task_waiter(future)
        if waiter is not None:
            attrs.append(["_fut_waiter", reference_to(snapshot, waiter)])
    if state == "FINISHED":
        exception = _future_exception(future)
        if exception is not None:
            attrs.append(["_exception", reference_to(snapshot, exception)])
        else:
            attrs.append(["_result", reference_to(snapshot, _future_result(future))])
    encoding["attrs"] = attrs


def encode_class(snapshot, cls, encoding):
    encoding["kind"] = "class"
    encoding["name"] = class_name(cls)
    encoding["bases"] = [class_name(base) for base in _tuple_iter(type_bases(cls))]
    body_names = snapshot.recorder.class_bodies.get(class_qualname(cls))
    attrs = []
    for key, value in mapping_items(type_namespace(cls)):
        name = plain_name(key)
        if name is not None and shows_class_attribute(name, value, body_names):
            attrs.append([name, reference_to(snapshot, value)])
    encoding["attrs"] = attrs


def dict_getter(kind):
    """The C getter CPython made for the class's instances' __dict__, or None (a class may have replaced
    __dict__ with a property of its own: then its instances show none)."""
    for cls in type_mro(kind):
        descriptor = own_attribute(cls, "__dict__")
        if descriptor is not None:
            return descriptor if type(descriptor) is GETSET_DESCRIPTOR_TYPE else None
    return None


def slot_descriptors(kind):
    """(name, member descriptor) of every slot along the MRO, base classes first."""
    found = []
    for cls in reversed(type_mro(kind)):
        slots = own_attribute(cls, "__slots__")
        if slots is None:
            continue
        for slot in slot_names(slots):
            name = plain_name(slot)
            if name is None or name == "__dict__" or name == "__weakref__":
                continue
            descriptor = own_attribute(cls, name)
            if type(descriptor) is MEMBER_DESCRIPTOR_TYPE:
                found.append((name, descriptor))
    return found


def instance_dict(obj, kind, getter):
    if getter is None:
        return None
    try:
        namespace = _getset_get(getter, obj, kind)
    except Exception:
        return None
    return namespace if type(namespace) is dict else None


def encode_instance(snapshot, obj, kind, encoding):
    encoding["kind"] = "instance"
    _, _, getter, slots = class_facts(snapshot, kind)
    attrs = attribute_pairs(snapshot, instance_dict(obj, kind, getter))
    for name, descriptor in slots:
        try:
            value = _member_get(descriptor, obj, kind)
        except AttributeError:
            continue
        attrs.append([name, reference_to(snapshot, value)])
    encoding["attrs"] = attrs
    # Type checks, not isinstance: isinstance may ask the object's own __class__.
    if issubclass(kind, list):
        items = {}
        encode_indexed(snapshot, obj, _list_len(obj), _list_item, items)
        encoding["items"] = items["items"]
    elif issubclass(kind, tuple):
        items = {}
        encode_indexed(snapshot, obj, _tuple_len(obj), _tuple_item, items)
        encoding["items"] = items["items"]
    elif issubclass(kind, dict):
        encoding["entries"] = [[reference_to(snapshot, key), reference_to(snapshot, value)]
                               for key, value in first_and_last(iter_items(obj), _dict_len(obj))]


def slot_names(slots):
    """The names a class's __slots__ lists, read without iterating a snippet's object."""
    kind = type(slots)
    if issubclass(kind, str):
        return [slots]
    if kind is tuple:
        return list(_tuple_iter(slots))
    if kind is list:
        return list(_list_iter(slots))
    if kind is dict:
        return [key for key, _ in dict_items(slots)]
    return []


def collect_refs(encoding, skip_locals=False):
    for key, value in encoding.items():
        if key in ("items", "defaults"):
            for item in value:
                yield item["ref"]
        elif key in ("entries", "attrs", "closure") or (key == "locals" and not skip_locals):
            for pair in value:
                if type(pair[0]) is dict:
                    yield pair[0]["ref"]
                yield pair[1]["ref"]
