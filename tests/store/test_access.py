"""Offices, the access log and the look-up limit, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime

import pytest
from sqlalchemy import insert

from planner.reference import ALPHABET
from store import db
from store.access import LOOKUPS_PER_MINUTE, OPERATOR, Coach, TooManyLookups
from store.errors import UnknownReference
from tests.conftest import run_module
from tests.store.conftest import make_plan

LEEDS = Coach(subject="sub-leeds-1", office="leeds", address="10.0.0.1")
LEEDS_TOO = Coach(subject="sub-leeds-2", office="leeds", address="10.0.0.2")
BRADFORD = Coach(subject="sub-bradford-1", office="bradford", address="10.0.0.3")
UNKNOWN = "ZZZZ-ZZZZ"


def _message(action) -> str:
    with pytest.raises(UnknownReference) as refused:
        action()
    return str(refused.value).replace(UNKNOWN, "REF")


def test_a_plan_belongs_to_the_office_that_first_saved_it(store, library):
    saved = store.save(make_plan(library), who=LEEDS)
    reference = saved.reference
    assert store.latest(reference, who=LEEDS_TOO).reference == reference  # same office
    assert store.latest(reference, who=OPERATOR).reference == reference  # the operator: all
    assert store.holds(saved.plan, who=LEEDS_TOO)


def test_another_office_gets_exactly_the_answer_an_unknown_reference_gets(store, library):
    saved = store.save(make_plan(library), who=LEEDS)
    reference = saved.reference
    unknown = _message(lambda: store.latest(UNKNOWN, who=BRADFORD))

    def same(action) -> str:
        return _message(action).replace(reference, "REF")

    assert same(lambda: store.latest(reference, who=BRADFORD)) == unknown
    assert same(lambda: store.versions(reference, who=BRADFORD)) == unknown
    assert same(lambda: store.export(reference, who=BRADFORD)) == unknown
    assert same(lambda: store.save(make_plan(library), reference, who=BRADFORD)) == unknown
    assert not store.delete(reference, who=BRADFORD)
    assert not store.holds(saved.plan, who=BRADFORD)  # its file opens only as a new plan
    assert len(store.versions(reference, who=LEEDS)) == 1  # and nothing was changed


def test_the_access_log_says_who_did_what_and_when_and_holds_no_plan_text(store, library):
    plan = make_plan(library, name="Siân", note="walk to the allotment")
    saved = store.save(plan, who=LEEDS)
    reference = saved.reference
    store.latest(reference, who=LEEDS_TOO)
    with pytest.raises(UnknownReference):
        store.latest(reference, who=BRADFORD)
    assert not store.holds(saved.plan, who=BRADFORD)
    store.export(reference, who=OPERATOR)
    store.save(saved.plan, reference, who=LEEDS)
    rows = store.access_log(reference)
    assert [(row["action"], row["subject"], row["office"]) for row in rows] == [
        ("save", "sub-leeds-1", "leeds"),
        ("open", "sub-leeds-2", "leeds"),
        ("failed look-up", "sub-bradford-1", "bradford"),
        ("failed look-up", "sub-bradford-1", "bradford"),
        ("export", "command line", None),
        ("save", "sub-leeds-1", "leeds"),
    ]
    assert rows[2]["address"] == "10.0.0.3"
    assert all(isinstance(row["at"], datetime.datetime) for row in rows)
    logged = " ".join(str(value) for row in rows for value in row.values())
    assert "Siân" not in logged and "allotment" not in logged


def test_the_eleventh_wrong_reference_in_a_minute_is_refused(store, library):
    reference = store.save(make_plan(library), who=LEEDS).reference
    for number in range(LOOKUPS_PER_MINUTE):
        with pytest.raises(UnknownReference):
            store.latest(f"ZZZZ-ZZZ{ALPHABET[number]}", who=BRADFORD)
    with pytest.raises(TooManyLookups) as refused:
        store.latest(UNKNOWN, who=BRADFORD)
    assert "try again in a minute" in str(refused.value)
    # The same address under another name is limited too; another coach elsewhere is not.
    other_name = Coach(subject="sub-other", office="bradford", address=BRADFORD.address)
    with pytest.raises(TooManyLookups):
        store.latest(reference, who=other_name)
    assert store.latest(reference, who=LEEDS).reference == reference
    actions = [row["action"] for row in store.access_log(reference)]
    assert actions == ["save", "open"]


def test_misses_older_than_a_minute_no_longer_count(store, library):
    store.save(make_plan(library), who=LEEDS)  # the tables are made by the first save
    old = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=2)
    with store._engine.begin() as connection:
        for _ in range(LOOKUPS_PER_MINUTE):
            connection.execute(
                insert(db.access_log).values(
                    at=old, subject=BRADFORD.subject, office="bradford", action="failed look-up"
                )
            )
    with pytest.raises(UnknownReference):  # not TooManyLookups
        store.latest(UNKNOWN, who=BRADFORD)


def test_purge_and_delete_are_logged_under_the_plan(store, library):
    first = store.save(make_plan(library), who=LEEDS).reference
    second = store.save(make_plan(library), who=LEEDS).reference
    assert store.delete(first, who=LEEDS)
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=400)
    assert store.purge(365, now=later, who=OPERATOR) == 1
    assert [r["action"] for r in store.access_log(first)] == ["save", "delete"]
    assert [r["action"] for r in store.access_log(second)] == ["save", "purge"]


def test_the_access_log_command(tmp_path, monkeypatch, library):
    from store.plans import PlanStore

    url = f"sqlite:///{tmp_path / 'log.sqlite3'}"
    monkeypatch.setenv("RIGHT_STEPS_DATABASE_URL", url)
    with PlanStore(url, library=library) as store:
        reference = store.save(make_plan(library), who=LEEDS).reference
    exported = run_module("planner", "data", "export", reference)
    assert exported.returncode == 0
    shown = run_module("planner", "data", "access-log", reference)
    assert shown.returncode == 0
    lines = shown.stdout.decode().splitlines()
    assert len(lines) == 2
    assert "save" in lines[0] and "sub-leeds-1 at leeds from 10.0.0.1" in lines[0]
    assert "export" in lines[1] and "command line" in lines[1]
    nothing = run_module("planner", "data", "access-log", "ABCD-EFGH")
    assert nothing.returncode == 0 and "Nothing is logged" in nothing.stdout.decode()


def test_misses_count_even_before_anything_was_saved(tmp_path, library):
    from store.plans import PlanStore

    store = PlanStore(f"sqlite:///{tmp_path / 'new.sqlite3'}", library=library)
    for letter in ALPHABET[:LOOKUPS_PER_MINUTE]:
        with pytest.raises(UnknownReference):
            store.latest(f"ZZZZ-ZZZ{letter}", who=BRADFORD)
    with pytest.raises(TooManyLookups):
        store.latest(UNKNOWN, who=BRADFORD)
    store.close()
