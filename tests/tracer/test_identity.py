"""Identity: an object keeps its trace id while it lives, without the tracer keeping it alive; a new object at its
address gets a new id."""
import gc
import unittest

from memlane_tracer.identity import OID, WEAK, identify, weak_reference_to
from memlane_tracer.limits import new_output
from memlane_tracer.recorder import new_recorder
from tracer_helpers import DEFAULT_OPTIONS, local, trace


class Sample:
    pass


def recorder():
    return new_recorder(DEFAULT_OPTIONS, new_output(100))


class WeakReferences(unittest.TestCase):
    def test_asked_of_the_type_first(self):
        self.assertIsNone(weak_reference_to([1]))
        self.assertIsNone(weak_reference_to(7))
        sample = Sample()
        self.assertIs(weak_reference_to(sample)(), sample)


class Identify(unittest.TestCase):
    def test_the_same_object_keeps_its_id(self):
        state = recorder()
        sample = Sample()
        first, is_new = identify(state, sample, None)
        again, is_new_again = identify(state, sample, None)
        self.assertEqual((first[OID], is_new, is_new_again), ("o1", True, False))
        self.assertIs(again, first)

    def test_the_tracer_does_not_keep_an_object_alive(self):
        state = recorder()
        sample = Sample()
        identity, _ = identify(state, sample, None)
        del sample
        gc.collect()
        self.assertIsNone(identity[WEAK]())

    def test_a_new_object_at_a_dead_ones_address_is_new(self):
        state = recorder()
        old = Sample()
        first, _ = identify(state, old, None)
        address = id(old)
        del old
        newcomers = [Sample() for _ in range(1000)]
        reused = next((each for each in newcomers if id(each) == address), None)
        self.assertIsNotNone(reused, "CPython's allocator gives a freed object's memory to a new one")
        second, is_new = identify(state, reused, None)
        self.assertTrue(is_new)
        self.assertNotEqual(second[OID], first[OID])
        self.assertEqual(state.replaced, [first[OID]])

    def test_scalars_are_told_apart_by_their_repr(self):
        state = recorder()
        values = [10 ** 30]
        first, _ = identify(state, values[0], ("1" + "0" * 30, None))
        same, is_new = identify(state, values[0], ("1" + "0" * 30, None))
        self.assertEqual((same[OID], is_new), (first[OID], False))


class InTrace(unittest.TestCase):
    def test_two_names_for_one_list_share_one_ref(self):
        document = trace("a = [1]\nb = a\nc = [1]\n")
        last = len(document["steps"]) - 1
        self.assertEqual(local(document, last, "a")[0], local(document, last, "b")[0])
        self.assertNotEqual(local(document, last, "a")[0], local(document, last, "c")[0])

    def test_ids_start_again_for_every_snippet(self):
        first = trace("x = [1]\n")
        second = trace("y = [2]\n")
        self.assertEqual(first["steps"][-1]["stack"][0]["locals"][0][1], {"ref": "o1"})
        self.assertEqual(second["steps"][-1]["stack"][0]["locals"][0][1], {"ref": "o1"})


if __name__ == "__main__":
    unittest.main()
