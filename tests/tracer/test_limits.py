"""The limits: step, time and output limits that stop a snippet even when it catches them."""
import unittest

from tracer_helpers import trace


class Limits(unittest.TestCase):
    def test_the_step_limit_names_its_option_and_the_line(self):
        document = trace("while True:\n    x = 1\n", maxSteps=5)
        self.assertEqual(len(document["steps"]), 5)
        self.assertEqual(document["error"]["type"], "StepLimitError")
        self.assertIn("--max-steps / max-steps=N", document["error"]["message"])
        self.assertIn(document["error"]["line"], (1, 2))

    def test_a_caught_limit_is_raised_again(self):
        source = "for i in range(100):\n    try:\n        x = i\n    except BaseException:\n        pass\n"
        document = trace(source, maxSteps=10)
        self.assertEqual(document["error"]["type"], "StepLimitError")

    def test_the_output_limit_keeps_what_fits(self):
        document = trace("print('x' * 50)\n", maxOutput=10)
        self.assertEqual(document["error"]["type"], "OutputLimitError")
        self.assertEqual(document["stdout"], "x" * 10)

    def test_a_caught_output_limit_is_raised_again(self):
        source = "for i in range(50):\n    try:\n        print('x' * 20)\n    except BaseException:\n        pass\n"
        document = trace(source, maxOutput=30, maxSteps=10_000)
        self.assertEqual(document["error"]["type"], "OutputLimitError")
        self.assertEqual(document["stdout"], "x" * 20 + "\n" + "x" * 9)

    def test_printing_what_is_not_text_is_refused(self):
        document = trace("import sys\nsys.stdout.write(3)\n")
        self.assertEqual(document["error"]["type"], "TypeError")
        self.assertIn("must be str, not int", document["error"]["message"])

    def test_the_time_limit(self):
        document = trace("import time\nwhile True:\n    time.sleep(0.01)\n", timeoutMs=300, maxSteps=1_000_000)
        self.assertEqual(document["error"]["type"], "TimeLimitError")
        self.assertIn("300 ms", document["error"]["message"])

    def test_a_run_within_its_limits_has_no_error(self):
        document = trace("x = [1, 2]\nprint(len(x))\n")
        self.assertIsNone(document["error"])
        self.assertEqual(document["stdout"], "2\n")


if __name__ == "__main__":
    unittest.main()
