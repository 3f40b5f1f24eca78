"""Print Right Steps' speed figures: `python -m benchmarks.run`.

Figures, not pass/fail: timed assertions do not belong in the test suite.
"""

from __future__ import annotations

import platform

from benchmarks import app_speed, command_speed, pdf_speed, planner_speed


def main() -> None:
    print(f"Python {platform.python_version()} on {platform.machine()}")
    for module in (planner_speed, command_speed, pdf_speed, app_speed):
        for line in module.report():
            print(line, flush=True)


if __name__ == "__main__":
    main()
