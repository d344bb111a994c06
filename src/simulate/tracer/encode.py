"""Encoding one heap object as trace v1: containers, functions, cells, generators, classes, instances and the references each holds."""
from builtins import (BaseException, AttributeError, ValueError, dict, frozenset, id, isinstance, issubclass, len, list, object, reversed,
                      set, str, tuple, type, zip)

from .kinds import CELL_TYPE, FUNCTION_TYPE, GENERATOR_TYPE, METHOD_TYPE, USER_MODULE, is_immortal, shows_class_attribute
from .limits import LIMIT_ERRORS
from .pinned import weakref
from .reprs import (ITEM_LIMIT, elide, elide_fields, first_and_last, function_parameters, function_signature, generator_state,
                    short_repr)


class Encoder:
    """The encoding half of a Snapshot: it keeps recorder, frames and frame_ids, and gives ref()."""

    def encode(self, obj, identity):
        kind = type(obj)
        name = kind.__name__
        if identity.scalar_key is not None:
            text, full = identity.scalar_key
            encoding = {"type": name, "repr": text}
            if full is not None:
                encoding["reprLength"] = full
            # Immortal (None, True, small ints, interned strings): CPython never frees it.
            if is_immortal(obj):
                encoding["immortal"] = True
            identity.edges = ()
            return encoding
        ref = self.ref
        encoding = {"type": name}
        if kind is list or kind is tuple:
            items, extra = elide(obj) if len(obj) > ITEM_LIMIT else (obj, None)
            encoding["items"] = [ref(item) for item in items]
            if extra:
                encoding.update(extra)
        elif kind is dict:
            pairs = first_and_last(dict.items(obj), len(obj))
            encoding["entries"] = [[ref(key), ref(value)] for key, value in pairs]
            if len(obj) > ITEM_LIMIT:
                encoding.update(elide_fields(len(obj)))
        elif kind is set or kind is frozenset:
            encoding["items"] = [ref(item) for item in first_and_last(obj, len(obj))]
            if len(obj) > ITEM_LIMIT:
                encoding.update(elide_fields(len(obj)))
        elif kind is FUNCTION_TYPE:
            self.encode_function(obj, identity, encoding)
        elif kind is CELL_TYPE:
            encoding["kind"] = "cell"
            try:
                contents = obj.cell_contents
            except ValueError:
                encoding["empty"] = True
                encoding["attrs"] = []
            else:
                encoding["attrs"] = [["cell_contents", ref(contents)]]
        elif kind is GENERATOR_TYPE:
            self.encode_generator(obj, encoding)
        elif kind is METHOD_TYPE:
            encoding["kind"] = "method"
            encoding["attrs"] = [["__self__", ref(obj.__self__)], ["__func__", ref(obj.__func__)]]
        elif issubclass(kind, type) and type.__dict__["__module__"].__get__(obj) == USER_MODULE:
            encoding["kind"] = "class"
            encoding["name"] = obj.__name__
            encoding["bases"] = [base.__name__ for base in obj.__bases__]
            body_names = self.recorder.class_bodies.get(type.__dict__["__qualname__"].__get__(obj))
            encoding["attrs"] = [[key, ref(value)] for key, value in type.__dict__["__dict__"].__get__(obj).items()
                                 if shows_class_attribute(key, value, body_names)]
        elif type.__dict__["__module__"].__get__(kind) == USER_MODULE:
            self.encode_instance(obj, kind, encoding)
        else:
            text, full = short_repr(obj)
            encoding["repr"] = text
            if full is not None:
                encoding["reprLength"] = full
        identity.edges = tuple(collect_refs(encoding))
        return encoding

    def encode_function(self, function, identity, encoding):
        ref = self.ref
        encoding["kind"] = "function"
        encoding["name"] = function.__name__
        encoding["qualname"] = function.__qualname__
        try:
            encoding["signature"] = function_signature(function)
            encoding["parameters"] = function_parameters(function)
        except BaseException as error:
            if isinstance(error, LIMIT_ERRORS):
                raise
            encoding["signature"] = "(...)"
        if function.__defaults__:
            encoding["defaults"] = [ref(value) for value in function.__defaults__]
        if function.__kwdefaults__:
            encoding.setdefault("defaults", []).extend(ref(value) for value in function.__kwdefaults__.values())
        if function.__closure__:
            encoding["closure"] = [[name, ref(cell)] for name, cell in
                                   zip(function.__code__.co_freevars, function.__closure__)]
        if identity.made_in is None:
            identity.made_in = self.defining_frame(function) or ""
            if identity.made_in and function.__closure__:
                self.recorder.functions_made.setdefault(identity.made_in, []).append(weakref.ref(function))
        if identity.made_in:
            encoding["madeIn"] = identity.made_in
        encoding["attrs"] = []

    def defining_frame(self, function):
        code = function.__code__
        for frame in reversed(self.frames):
            if code in frame.f_code.co_consts:
                return self.frame_ids.get(id(frame))
        return None

    def encode_generator(self, generator, encoding):
        encoding["kind"] = "generator"
        encoding["name"] = generator.__name__
        encoding["state"] = generator_state(generator)
        encoding["frame"] = self.recorder.generator_frame_id(generator)
        frame = generator.gi_frame
        if frame is not None:
            encoding["line"] = frame.f_lineno or 0
            code = frame.f_code
            values = []
            for name, value in frame.f_locals.items():
                if name in code.co_freevars or not name.isidentifier():
                    continue
                values.append([name, self.ref(value)])
            encoding["locals"] = values
        else:
            encoding["locals"] = []

    def encode_instance(self, obj, kind, encoding):
        ref = self.ref
        encoding["kind"] = "instance"
        attrs = []
        try:
            namespace = object.__getattribute__(obj, "__dict__")
        except AttributeError:
            namespace = None
        if type(namespace) is dict:
            attrs.extend([name, ref(value)] for name, value in namespace.items())
        for klass in reversed(kind.__mro__):
            slots = klass.__dict__.get("__slots__")
            if slots is None:
                continue
            for name in [slots] if isinstance(slots, str) else slots:
                if name in ("__dict__", "__weakref__"):
                    continue
                descriptor = klass.__dict__.get(name)
                try:
                    value = descriptor.__get__(obj, kind)
                except AttributeError:
                    continue
                attrs.append([name, ref(value)])
        encoding["attrs"] = attrs
        # Type checks, not isinstance: isinstance may ask the object's own __getattribute__.
        if issubclass(kind, (list, tuple)):
            encoding["items"] = [ref(item) for item in first_and_last(obj, len(obj))]
        elif issubclass(kind, dict):
            encoding["entries"] = [[ref(key), ref(value)] for key, value in first_and_last(dict.items(obj), len(obj))]


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
