"""Frames: stable ids per call, names in binding order, generators keeping one frame, cells shared with closures."""
import unittest

from tracer_helpers import heap_at, local, trace


def frame_ids(document):
    return [[frame["id"] for frame in step["stack"]] for step in document["steps"]]


class Frames(unittest.TestCase):
    def test_each_call_gets_a_frame_of_its_own(self):
        document = trace("def f(n):\n    return n\n\nf(1)\nf(2)\n")
        stacks = {tuple(ids) for ids in frame_ids(document)}
        self.assertEqual(stacks, {("f1",), ("f1", "f2"), ("f1", "f3")})
        self.assertEqual(document["steps"][0]["stack"][0]["name"], "<module>")

    def test_recursive_calls_are_distinct_frames(self):
        document = trace("def down(n):\n    if n:\n        down(n - 1)\n\ndown(2)\n")
        self.assertEqual(max(len(ids) for ids in frame_ids(document)), 4)
        self.assertEqual(frame_ids(document)[-1], ["f1"])

    def test_names_keep_the_order_they_were_bound_in(self):
        document = trace("b = 1\na = 2\nb = 3\ndel b\nb = 4\n")
        self.assertEqual([name for name, _ in document["steps"][-1]["stack"][0]["locals"]], ["a", "b"])

    def test_modules_are_hidden_unless_asked_for(self):
        source = "import math\nx = 1\n"
        self.assertEqual([n for n, _ in trace(source)["steps"][-1]["stack"][0]["locals"]], ["x"])
        shown = trace(source, showModules=True)["steps"][-1]["stack"][0]["locals"]
        self.assertEqual([n for n, _ in shown], ["math", "x"])

    def test_a_generator_keeps_its_frame_id_across_resumes(self):
        source = "def gen():\n    yield 1\n    yield 2\n\ng = gen()\nnext(g)\nnext(g)\n"
        document = trace(source)
        generator_frames = {frame["id"] for step in document["steps"] for frame in step["stack"]
                            if frame.get("generator")}
        self.assertEqual(len(generator_frames), 1)
        _, generator = local(document, len(document["steps"]) - 1, "g")
        self.assertEqual((generator["kind"], generator["state"]), ("generator", "suspended"))
        self.assertIn(generator["frame"], generator_frames)

    def test_a_closure_and_its_maker_share_one_cell(self):
        source = "def make(step):\n    def add(x):\n        return x + step\n    return add\n\nadd = make(2)\nadd(1)\n"
        document = trace(source)
        last = len(document["steps"]) - 1
        _, function = local(document, last, "add")
        (name, cell_ref), = function["closure"]
        heap = heap_at(document, last)
        self.assertEqual(name, "step")
        self.assertEqual(heap[cell_ref["ref"]]["kind"], "cell")
        maker_step = next(i for i, step in enumerate(document["steps"])
                          if step["event"] == "return" and step["stack"][-1]["name"] == "make")
        self.assertEqual(local(document, maker_step, "step")[0], cell_ref["ref"])

    def test_an_exception_step_names_the_error(self):
        document = trace("def f():\n    raise ValueError('bad')\n\nf()\n")
        raised = [step for step in document["steps"] if step["event"] == "exception"]
        self.assertEqual(raised[0]["exception"], {"type": "ValueError", "message": "bad"})
        self.assertEqual(document["error"],
                         {"type": "ValueError", "message": "bad", "line": 2, "column": 5, "endColumn": 28})


if __name__ == "__main__":
    unittest.main()
