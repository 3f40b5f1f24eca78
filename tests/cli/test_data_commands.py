"""`python -m store data ...`, run as a person would, against a SQLite file."""

from __future__ import annotations

import datetime
import json
import re

import pytest

from goal_library.loader import default_library
from store.plans import PlanStore
from tests.conftest import run_module
from tests.store.conftest import make_plan

SAVED = re.compile(r"Saved plan ([A-Z0-9]{4}-[A-Z0-9]{4}), version (\d+)\.")


@pytest.fixture
def database(tmp_path, monkeypatch):
    path = tmp_path / "plans.sqlite3"
    monkeypatch.setenv("RIGHT_STEPS_DATABASE_URL", f"sqlite:///{path}")
    return path


@pytest.fixture
def plan_file(tmp_path, library):
    path = tmp_path / "plan.json"
    path.write_text(make_plan(library, name="Gwenllïan", note="one").model_dump_json())
    return path


def data(*args: str, stdin: bytes = b""):
    return run_module("store", "data", *args, stdin=stdin)


def saved(result) -> tuple[str, int]:
    assert result.returncode == 0, result.stderr.decode()
    match = SAVED.fullmatch(result.stdout.decode().strip())
    assert match, result.stdout
    return match[1], int(match[2])


def test_save_export_and_delete(database, plan_file, library):
    reference, version = saved(data("save", str(plan_file)))
    assert version == 1
    again = make_plan(library, note="two").model_dump_json().encode()
    assert saved(data("save", "-", "--ref", reference.lower().replace("-", " "), stdin=again)) == (
        reference,
        2,
    )

    exported = data("export", reference)
    assert exported.returncode == 0, exported.stderr.decode()
    document = json.loads(exported.stdout)
    assert document["reference"] == reference
    assert [v["version"] for v in document["versions"]] == [1, 2]
    assert [v["plan"]["notes"] for v in document["versions"]] == [["one"], ["two"]]
    assert document["versions"][0]["plan"]["profile"]["preferred_name"] == "Gwenllïan"

    deleted = data("delete", reference)
    assert deleted.returncode == 0
    assert deleted.stdout.decode() == f"Deleted plan {reference} and all its versions.\n"
    gone = data("export", reference)
    assert gone.returncode == 2


def test_purge_deletes_old_plans_and_expired_drafts(database, library):
    long_ago = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=40)
    with PlanStore(library=default_library()) as store:
        old = store.save(make_plan(library), now=long_ago)
        kept = store.save(make_plan(library))
        store.save_draft("expired", {"n": 1}, now=long_ago)
        store.save_draft("current", {"n": 2})
    result = data("purge", "--older-than", "30")
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode() == (
        "Deleted 1 plan last saved more than 30 days ago, and 1 expired draft.\n"
    )
    with PlanStore(library=default_library()) as store:
        assert store.latest(kept.reference).version == 1
        assert store.load_draft("current") == {"n": 2}
    assert data("export", old.reference).returncode == 2


def test_purge_uses_the_retention_setting_by_default(database, library, monkeypatch):
    with PlanStore(library=default_library()) as store:
        store.save(make_plan(library), now=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    monkeypatch.setenv("RIGHT_STEPS_RETENTION_DAYS", "365")
    result = data("purge")
    assert result.stdout.decode().startswith("Deleted 1 plan last saved more than 365 days ago")


def test_reading_commands_do_not_make_a_database(database):
    assert data("export", "K7TM-9QXA").returncode == 2
    assert data("delete", "K7TM-9QXA").returncode == 2
    assert data("purge", "--older-than", "30").returncode == 0
    assert not database.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["save", "missing.json"], "the plan file 'missing.json' does not exist"),
        (["save", "-"], "the plan file is empty"),
        (["save", "NOT_JSON"], "the plan file is not valid JSON"),
        (["save", "BAD_PLAN"], "the plan is not valid: max_steps"),
        (["save", "PLAN", "--ref", "K7TM-9QXA"], "There is no saved plan with the reference"),
        (["save", "PLAN", "--ref", "QQ 12 34 56 C"], "looks like a National Insurance number"),
        (["export", "AB123456"], "looks like a National Insurance number"),
        (["export", "hello"], "That is not a plan reference"),
        (["export", "K7TM-9QXA"], "There is no saved plan with the reference K7TM-9QXA"),
        (["delete", "K7TM-9QXA"], "There is no saved plan with the reference K7TM-9QXA"),
        (["purge", "--older-than", "soon"], "--older-than needs a whole number of days"),
        (["purge", "--older-than", "0"], "--older-than needs a whole number of days"),
    ],
)
def test_bad_input_exits_2_with_one_plain_line(database, plan_file, tmp_path, args, message):
    (tmp_path / "bad.json").write_text("{not json")
    plan = json.loads(plan_file.read_text())
    plan["max_steps"] = 0
    (tmp_path / "bad_plan.json").write_text(json.dumps(plan))
    files = {
        "PLAN": str(plan_file),
        "NOT_JSON": str(tmp_path / "bad.json"),
        "BAD_PLAN": str(tmp_path / "bad_plan.json"),
    }
    result = data(*[files.get(arg, arg) for arg in args])
    assert result.returncode == 2
    error = result.stderr.decode()
    assert error.startswith("right-steps: ")
    assert message in error
    assert error.count("\n") == 1
    assert "Traceback" not in error
    assert result.stdout == b""


def test_an_unreachable_database_names_the_setting_not_the_address(monkeypatch):
    monkeypatch.setenv(
        "RIGHT_STEPS_DATABASE_URL", "postgresql+psycopg://someone:secret@127.0.0.1:9/none"
    )
    result = data("export", "K7TM-9QXA")
    assert result.returncode == 2
    error = result.stderr.decode()
    assert error.count("\n") == 1
    assert "cannot reach the database server named in RIGHT_STEPS_DATABASE_URL" in error
    assert "secret" not in error and "127.0.0.1" not in error
    assert "Traceback" not in error


def test_a_file_never_chooses_the_plan_it_joins(database, plan_file, library, tmp_path):
    first, _ = saved(data("save", str(plan_file)))
    other, _ = saved(data("save", str(plan_file)))
    claiming = tmp_path / "claiming.json"
    claiming.write_text(
        make_plan(library, note="mine").model_copy(update={"reference": first}).model_dump_json()
    )
    refused = data("save", str(claiming), "--ref", other)
    assert refused.returncode == 2
    assert f"the plan file is for plan {first}, not {other}" in refused.stderr.decode()

    kept_apart = data("save", str(claiming))
    new_reference, version = saved(kept_apart)
    assert new_reference not in (first, other) and version == 1
    assert f"use --ref {first}" in kept_apart.stderr.decode()
    history = json.loads(data("export", first).stdout)
    assert [v["version"] for v in history["versions"]] == [1]


def test_a_usage_mistake_is_one_line():
    result = data("purge", "--no-such-option")
    assert result.returncode == 2
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("right-steps: ")
    assert "--help" in lines[0]
