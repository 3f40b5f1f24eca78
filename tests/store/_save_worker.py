"""Run by the concurrency tests as a process of its own: save a plan many times.

    python -m tests.store._save_worker URL PLAN_FILE LABEL COUNT BARRIER_DIR PARTIES REF|new OPEN

Each save's plan carries the note "LABEL n", so every saved document can be traced back. All
the workers start saving together: each waits until PARTIES workers have checked in under
BARRIER_DIR. OPEN is "before" (the store is opened first, so the saves start at once) or
"after" (opened after the barrier, so workers on a new database race to make its tables); REF
"new" saves new plans. Prints one JSON line: the versions saved, and when saving started and ended.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from goal_library.loader import default_library
from planner.inputs import plan_from_bytes
from store.plans import PlanStore


def main(argv: list[str]) -> int:
    url, plan_file, label, count, barrier, parties, reference, open_when = argv
    plan = plan_from_bytes(Path(plan_file).read_bytes(), default_library())
    store = PlanStore(url, library=default_library()) if open_when == "before" else None
    _wait_for_everyone(Path(barrier), label, int(parties))
    store = store or PlanStore(url, library=default_library())
    started = time.time()
    saved = []
    for n in range(1, int(count) + 1):
        noted = plan.model_copy(update={"notes": [f"{label} {n}"]})
        version = store.save(noted, None if reference == "new" else reference)
        saved.append([version.reference, version.version])
    ended = time.time()
    store.close()
    print(json.dumps({"label": label, "saved": saved, "started": started, "ended": ended}))
    return 0


def _wait_for_everyone(barrier: Path, label: str, parties: int) -> None:
    (barrier / f"{label}.ready").touch()
    deadline = time.monotonic() + 60
    while len(list(barrier.glob("*.ready"))) < parties:
        if time.monotonic() > deadline:
            raise SystemExit("the other workers never started")
        time.sleep(0.002)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
