"""How long `python -m planner suggest` takes, against starting Python with pydantic and PyYAML.

Each command runs as a whole process, the pair taking turns so both see the same machine, and
the figures are medians with the ratio to the floor measured in the same run.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROFILE = {"stage": 2, "strengths": ["kind", "animals"], "barriers": ["poor_sleep"]}


def _seconds(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def report(repeats: int = 15) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        profile = Path(folder) / "profile.json"
        profile.write_text(json.dumps(PROFILE))
        commands = {
            "python -m planner suggest": [sys.executable, "-m", "planner", "suggest", str(profile)],
            "import pydantic, yaml (floor)": [sys.executable, "-c", "import pydantic, yaml"],
            "python -c pass": [sys.executable, "-c", "pass"],
        }
        for command in commands.values():
            _seconds(command)  # warm the file cache
        samples: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(repeats):
            for name, command in commands.items():
                samples[name].append(_seconds(command))
    medians = {name: statistics.median(times) for name, times in samples.items()}
    floor = medians["import pydantic, yaml (floor)"]
    return [
        f"command, {name}: median {medians[name] * 1000:.0f} ms "
        f"(min {min(samples[name]) * 1000:.0f}, max {max(samples[name]) * 1000:.0f}), "
        f"{medians[name] / floor:.2f}x the floor"
        for name in commands
    ]


if __name__ == "__main__":
    for line in report():
        print(line)
