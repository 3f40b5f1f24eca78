"""Saves racing each other lose nothing: processes and threads saving to one plan at once."""

from __future__ import annotations

import itertools
import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from goal_library.loader import default_library
from store.plans import PlanStore
from tests.conftest import run_module
from tests.store.conftest import make_plan

SAVES_EACH = 20


def _run_workers(url, plan_file, barrier, labels, reference="new", open_when="before"):
    """Run one save worker process per label, all at once; their JSON reports."""
    barrier.mkdir()

    def worker(label):
        args = [url, str(plan_file), label, str(SAVES_EACH), str(barrier), str(len(labels))]
        return run_module("tests.store._save_worker", *args, reference, open_when)

    with ThreadPoolExecutor(len(labels)) as pool:
        results = list(pool.map(worker, labels))
    for result in results:
        assert result.returncode == 0, result.stderr.decode()[-2000:]
    return [json.loads(result.stdout) for result in results]


def test_two_processes_saving_to_one_plan_lose_nothing(database_url, library, tmp_path):
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(make_plan(library).model_dump_json(), encoding="utf-8")
    with PlanStore(database_url, library=default_library()) as store:
        first = store.save(make_plan(library, note="first"))

    started = time.perf_counter()
    reports = _run_workers(
        database_url, plan_file, tmp_path / "barrier", ["A", "B"], first.reference
    )
    elapsed = time.perf_counter() - started

    with PlanStore(database_url, library=default_library()) as store:
        versions = store.versions(first.reference)
    numbers = [v.version for v in versions]
    assert numbers == list(range(1, 2 * SAVES_EACH + 2))
    # Every save is there, each in its own version, with its own document.
    notes = [v.plan.notes[0] for v in versions]
    expected = ["first"] + [f"{label} {n}" for label in "AB" for n in range(1, SAVES_EACH + 1)]
    assert sorted(notes) == sorted(expected)
    assert all(v.plan.version == v.version for v in versions)
    # What each worker was told matches what was kept.
    told = {tuple(pair) for report in reports for pair in report["saved"]}
    kept = {(v.reference, v.version) for v in versions[1:]}
    assert told == kept
    a, b = reports
    assert a["started"] < b["ended"] and b["started"] < a["ended"], "the saves never overlapped"
    interleaved = [v.plan.notes[0][0] for v in versions[1:]]
    switches = sum(1 for x, y in itertools.pairwise(interleaved) if x != y)
    print(
        f"\n{store.backend}: 2 processes x {SAVES_EACH} saves -> {len(numbers)} versions, "
        f"{switches} switches between the processes, {elapsed:.2f}s"
    )


def test_processes_opening_a_new_database_together_all_save(database_url, library, tmp_path):
    # Nothing made yet: the workers race to make the tables, then each saves new plans.
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(make_plan(library).model_dump_json(), encoding="utf-8")
    reports = _run_workers(
        database_url, plan_file, tmp_path / "barrier", ["A", "B", "C"], "new", "after"
    )
    references = {pair[0] for report in reports for pair in report["saved"]}
    assert len(references) == 3 * SAVES_EACH
    with PlanStore(database_url, library=default_library()) as store:
        assert all(store.latest(reference).version == 1 for reference in references)


def test_threads_sharing_one_store_lose_nothing(store, library):
    first = store.save(make_plan(library, note="first"))
    threads, each = 4, 10
    gate = threading.Barrier(threads)

    def saver(label):
        gate.wait()
        return [
            store.save(make_plan(library, note=f"{label} {n}"), first.reference).version
            for n in range(1, each + 1)
        ]

    with ThreadPoolExecutor(threads) as pool:
        told = [n for numbers in pool.map(saver, "ABCD") for n in numbers]
    versions = store.versions(first.reference)
    assert [v.version for v in versions] == list(range(1, threads * each + 2))
    assert sorted(told) == list(range(2, threads * each + 2))
    assert len({v.plan.notes[0] for v in versions}) == threads * each + 1


def test_a_save_that_loses_the_race_for_its_number_tries_again(store, library, monkeypatch):
    first = store.save(make_plan(library, note="first"))
    real = PlanStore._next_version
    calls = []

    def stale_then_real(self, connection, plan_id):
        calls.append(plan_id)
        # The first time, answer as if another save had not yet committed version 2.
        return 1 if len(calls) == 1 else real(self, connection, plan_id)

    monkeypatch.setattr(PlanStore, "_next_version", stale_then_real)
    second = store.save(make_plan(library, note="second"), first.reference)
    assert len(calls) == 2
    assert second.version == 2
    assert [v.plan.notes for v in store.versions(first.reference)] == [["first"], ["second"]]
