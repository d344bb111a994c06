"""The sandbox's asyncio loop (event_loop.py): CPython's order on a clock that jumps, and the loop's frame
(loop_frame.py)."""
import unittest

from tracer_helpers import line_step, trace

TIMERS = """import asyncio

async def at(delay, label, log):
    await asyncio.sleep(delay)
    log.append((label, asyncio.get_running_loop().time()))

async def main():
    log = []
    await asyncio.gather(at(2.5, "late", log), at(0.5, "early", log), at(0, "now", log))
    return log

log = asyncio.run(main())
print(log)
"""


class EventLoop(unittest.TestCase):
    def test_timers_fire_in_order_at_their_virtual_time(self):
        document = trace(TIMERS, maxSteps=5000)
        self.assertIsNone(document["error"])
        self.assertEqual(document["stdout"], "[('now', 0.0), ('early', 0.5), ('late', 2.5)]\n")

    def test_a_new_event_loop_is_the_virtual_one_and_starts_at_zero(self):
        source = ("import asyncio\nloop = asyncio.new_event_loop()\n"
                  "print(type(loop).__name__, loop.time())\nloop.close()\n")
        document = trace(source)
        self.assertIsNone(document["error"])
        self.assertEqual(document["stdout"], "VirtualClockEventLoop 0.0\n")

    def test_a_loop_with_nothing_to_run_says_so(self):
        source = "import asyncio\n\nasync def main():\n    await asyncio.Event().wait()\n\nasyncio.run(main())\n"
        document = trace(source)
        self.assertEqual(document["error"]["type"], "RuntimeError")
        self.assertIn("CPython would wait forever", document["error"]["message"])

    def test_the_loop_frame_lies_between_the_caller_and_the_coroutine(self):
        document = trace(TIMERS, maxSteps=5000)
        step = document["steps"][line_step(document, 5)]
        self.assertEqual([frame["name"] for frame in step["stack"]], ["<module>", "event loop", "at"])
        loop = step["stack"][1]
        self.assertEqual(loop["line"], 12)
        self.assertEqual([task["state"] for task in loop["tasks"]], ["waiting", "waiting", "waiting", "running"])
        self.assertNotIn("loop", step["stack"][0])


if __name__ == "__main__":
    unittest.main()
