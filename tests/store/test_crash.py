"""A save killed half-way (after its INSERT, before its COMMIT) leaves the last good version."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from goal_library.loader import default_library
from store.plans import PlanStore
from tests.conftest import ROOT
from tests.store.conftest import make_plan, same_plan_apart_from_saving


def _start_paused_save(url, plan_file, reference):
    """`python -m store data save` that stops for a minute just before it commits."""
    environment = dict(
        os.environ, RIGHT_STEPS_DATABASE_URL=url, RIGHT_STEPS_TEST_PAUSE_BEFORE_COMMIT="60"
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "store", "data", "save", str(plan_file), "--ref", reference],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    line = process.stderr.readline()  # blocks until the hook says it is holding the save open
    assert b"test pause before commit" in line, line + process.stderr.read()
    return process


def test_a_save_killed_before_it_commits_leaves_the_last_good_version(
    database_url, library, tmp_path
):
    originals = [make_plan(library, note=f"good {n}") for n in (1, 2)]
    with PlanStore(database_url, library=default_library()) as store:
        first = store.save(originals[0])
        store.save(originals[1], first.reference)
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(make_plan(library, note="never committed").model_dump_json())

    started = time.perf_counter()
    process = _start_paused_save(database_url, plan_file, first.reference)
    try:
        # While it holds its transaction open, others still read the last good version.
        with PlanStore(database_url, library=default_library()) as store:
            assert store.latest(first.reference).notes == ["good 2"]
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    elapsed = time.perf_counter() - started

    with PlanStore(database_url, library=default_library()) as store:
        versions = store.versions(first.reference)
        assert [v.version for v in versions] == [1, 2]
        for saved, original in zip(versions, originals, strict=True):
            assert same_plan_apart_from_saving(saved.plan, original)
        # The next save works, and takes the number the killed one never committed.
        after = store.save(make_plan(library, note="after"), first.reference)
        assert after.version == 3
        assert [v.plan.notes for v in store.versions(first.reference)] == [
            ["good 1"],
            ["good 2"],
            ["after"],
        ]
    print(f"\n{store.backend}: killed mid-save after {elapsed:.2f}s; versions kept 1, 2; next 3")


def test_without_the_pause_the_same_command_commits(database_url, library, tmp_path):
    # The hook is the only difference: unset, the same save goes through.
    with PlanStore(database_url, library=default_library()) as store:
        first = store.save(make_plan(library))
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(make_plan(library, note="committed").model_dump_json())
    environment = dict(os.environ, RIGHT_STEPS_DATABASE_URL=database_url)
    result = subprocess.run(
        [sys.executable, "-m", "store", "data", "save", str(plan_file), "--ref", first.reference],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert b"test pause" not in result.stderr
    with PlanStore(database_url, library=default_library()) as store:
        assert store.latest(first.reference).notes == ["committed"]
