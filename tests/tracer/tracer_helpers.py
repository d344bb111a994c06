"""Shared by the tracer's unit tests: run a snippet through the real tracer as the host does (prepare, run the
runner's code, finish) and read its trace."""
import json

from memlane_tracer import finish_run, prepare_run, start_session

DEFAULT_OPTIONS = {"maxSteps": 1000, "timeoutMs": 10_000, "maxOutput": 100_000, "showModules": False}
_execute, _runner_code, _runner_globals = start_session()


def trace(source, **options):
    """The trace v1 document of one snippet, as Python data."""
    document = prepare_run(source, json.dumps({**DEFAULT_OPTIONS, **options}))
    if document is None:
        _execute(_runner_code, _runner_globals)
        document = finish_run()
    return json.loads(document)


def heap_at(document, index):
    """The heap at step `index` (0-based): the fold of `heap` and `gone` over the steps up to it."""
    heap = {}
    for step in document["steps"][: index + 1]:
        heap.update(step["heap"])
        for oid in step.get("gone", ()):
            heap.pop(oid, None)
    return heap


def local(document, index, name, frame=-1):
    """The object a name of a frame refers to at step `index`, from the folded heap."""
    heap = heap_at(document, index)
    for bound, ref in document["steps"][index]["stack"][frame]["locals"]:
        if bound == name:
            return ref["ref"], heap[ref["ref"]]
    raise KeyError(name)


def line_step(document, line):
    """The index of the first `line` step at that line (before it runs)."""
    return next(index for index, step in enumerate(document["steps"])
                if step["event"] == "line" and step["line"] == line)
