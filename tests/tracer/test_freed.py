"""Freed or kept: the fate of objects that leave the diagram, from weakrefs, unseen references and their holders."""
import unittest

from memlane_tracer.freed import FREED, KEPT, MAYBE_FREED, fate_of, freed_with_their_holders
from memlane_tracer.identity import HOLDERS, UNSEEN, new_identity
from tracer_helpers import line_step, local, trace


def identity(oid, weak=None, unseen=0, holders=()):
    made = new_identity(oid, list, weak, None, True)
    made[UNSEEN] = unseen
    made[HOLDERS] = holders
    return made


class Fate(unittest.TestCase):
    def test_a_dead_weakref_means_freed_a_live_one_kept(self):
        self.assertEqual(fate_of(identity("o1", weak=lambda: None), False, False), FREED)
        self.assertEqual(fate_of(identity("o1", weak=lambda: object), False, False), KEPT)

    def test_unseen_references_keep_an_object(self):
        self.assertEqual(fate_of(identity("o1", unseen=1), False, False), KEPT)
        self.assertEqual(fate_of(identity("o1", unseen=0), False, False), MAYBE_FREED)

    def test_a_cycle_the_collector_freed(self):
        self.assertEqual(fate_of(identity("o1", weak=lambda: object), True, False), FREED)
        self.assertEqual(fate_of(identity("o1"), True, True), KEPT)

    def test_holders_decide_together(self):
        # o2 is held only by frame f2, which returned normally; o3 by o4, which lives on unseen.
        candidates = {"o2": identity("o2", holders=("f2",)), "o3": identity("o3", holders=("o4",))}
        freed = freed_with_their_holders(candidates, gone={"o2", "o3", "o4"}, freed=set(), left_by_exception=set())
        self.assertEqual(freed, {"o2"})

    def test_a_frame_an_exception_left_keeps_what_it_held(self):
        candidates = {"o2": identity("o2", holders=("f2",))}
        self.assertEqual(freed_with_their_holders(candidates, {"o2"}, set(), {"f2"}), set())


class InTrace(unittest.TestCase):
    def test_a_list_that_loses_its_last_name_is_freed(self):
        document = trace("a = [1]\na = None\n")
        oid = local(document, line_step(document, 2), "a")[0]
        last = document["steps"][-1]
        self.assertIn(oid, last["gone"])
        self.assertIn(oid, last["freed"])

    def test_a_small_int_that_loses_its_name_is_not_freed(self):
        document = trace("a = 5\na = None\n")
        oid = local(document, line_step(document, 2), "a")[0]
        last = document["steps"][-1]
        self.assertIn(oid, last["gone"])
        self.assertNotIn(oid, last.get("freed", []))

    def test_a_freed_cycle_is_not_confused_with_a_new_container_at_its_address(self):
        source = ("import gc\nfirst = {}\nsecond = {'other': first}\nfirst['other'] = second\n"
                  "del first, second\ncount = gc.collect()\n")
        document = trace(source)
        last = document["steps"][-1]
        unreachable = [oid for oid, obj in last["heap"].items() if obj.get("unreachable")]
        self.assertEqual(unreachable, [])
        self.assertEqual(len(last["freed"]), 2)


if __name__ == "__main__":
    unittest.main()
