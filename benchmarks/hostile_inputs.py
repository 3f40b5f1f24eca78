"""Time and peak memory for every case of the hostile-input corpus.

Run `python -m benchmarks.hostile_inputs`.

The corpus is tests/hostile; each file case runs through `python -m planner review` and each
command case as it is written, every one a process of its own under the 1.5 GB limit. Prints
one line per case and a summary: how many were tried, how many ended cleanly (exit 2 with one
plain line, or exit 0 for the valid ones), and the slowest and largest.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from tests.hostile.corpus import command_cases, file_cases, prepare_scratch, review_file
from tests.hostile.limits import MEMORY_LIMIT_BYTES, Outcome

TIME_BOUND_SECONDS = 5.0


def _clean(outcome: Outcome, expect_ok: bool) -> bool:
    if outcome.hung or outcome.peak_bytes >= MEMORY_LIMIT_BYTES:
        return False
    return outcome.returncode == 0 if expect_ok else outcome.is_plain_refusal()


def report() -> list[str]:
    rows: list[tuple[str, Outcome, bool]] = []
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        outcomes = base / "outcomes.json"
        outcomes.write_text('{"outcomes": {}}')
        for number, case in enumerate(file_cases()):
            path = base / f"case-{number:02d}"
            path.write_bytes(case.content)
            outcome = review_file(path, outcomes)
            rows.append((f"file: {case.name}", outcome, _clean(outcome, case.expect_ok)))
        scratch = base / "scratch"
        scratch.mkdir()
        prepare_scratch(scratch)
        for case in command_cases():
            outcome = case.run(scratch)
            rows.append((f"command: {case.name}", outcome, _clean(outcome, case.expect_ok)))
    lines = [
        f"{'clean' if clean else 'NOT CLEAN'}  {o.seconds:6.2f} s  {o.peak_bytes / 2**20:7.0f} MB"
        f"  exit {o.returncode}  {name}"
        for name, o, clean in rows
    ]
    slowest = max(rows, key=lambda row: row[1].seconds)
    largest = max(rows, key=lambda row: row[1].peak_bytes)
    within = sum(1 for _, o, _ in rows if o.seconds <= TIME_BOUND_SECONDS)
    lines += [
        f"tried {len(rows)}, clean {sum(1 for *_, clean in rows if clean)}, "
        f"within {TIME_BOUND_SECONDS:.0f} s {within}",
        f"slowest {slowest[1].seconds:.2f} s ({slowest[0]}); "
        f"largest {largest[1].peak_bytes / 2**20:.0f} MB ({largest[0]})",
    ]
    return lines


if __name__ == "__main__":
    for line in report():
        print(line, flush=True)
