"""Print Right Steps' speed figures: `python -m benchmarks.run`.

Figures, not pass/fail: timed assertions do not belong in the test suite.
"""

from __future__ import annotations

import platform

from benchmarks import planner_speed


def main() -> None:
    print(f"Python {platform.python_version()} on {platform.machine()}")
    for line in planner_speed.report():
        print(line)


if __name__ == "__main__":
    main()
