"""Saving plans: every save a new version, nothing overwritten, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime
import json
import logging

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import event as sqlalchemy_event
from sqlalchemy import insert, text
from sqlalchemy.exc import IntegrityError

from goal_library.loader import default_library
from planner.reference import BadReference
from store import db, settings
from store.errors import UnknownReference, UnreadablePlan
from store.plans import PlanStore
from tests.conftest import run_module
from tests.store.conftest import make_plan, same_plan_apart_from_saving

UTC = datetime.UTC


def _count(store: PlanStore, table: str) -> int:
    store._prepare()  # a new SQLite file only gets its tables on the first write
    with store._engine.connect() as connection:
        return connection.scalar(text(f"SELECT count(*) FROM {table}"))


def test_every_save_is_a_new_version_and_nothing_is_overwritten(store, library):
    originals = [make_plan(library, note=f"version {n}") for n in (1, 2, 3)]
    first = store.save(originals[0])
    assert first.version == 1
    again = [store.save(plan, first.reference) for plan in originals[1:]]
    assert [saved.version for saved in again] == [2, 3]
    assert {saved.reference for saved in again} == {first.reference}

    versions = store.versions(first.reference)
    assert [v.version for v in versions] == [1, 2, 3]
    for saved, original in zip(versions, originals, strict=True):
        assert saved.reference == first.reference
        assert saved.plan.reference == first.reference
        assert saved.plan.version == saved.version
        assert same_plan_apart_from_saving(saved.plan, original)
        assert saved.saved_at.tzinfo is not None
    assert versions[0].saved_at <= versions[1].saved_at <= versions[2].saved_at
    assert store.latest(first.reference).notes == ["version 3"]
    assert _count(store, "plan_versions") == 3


def test_the_stored_document_is_the_plan_json_with_its_reference_and_version(store, library):
    plan = make_plan(library, name="Gwenllïan O'Brien & <Sons> 🌱")
    saved = store.save(plan)
    with store._engine.connect() as connection:
        document = connection.scalar(text("SELECT document FROM plan_versions"))
    stored = json.loads(document)
    assert stored["reference"] == saved.reference
    assert stored["version"] == 1
    assert stored["profile"]["preferred_name"] == "Gwenllïan O'Brien & <Sons> 🌱"
    assert stored == plan.model_copy(
        update={
            "reference": saved.reference,
            "version": 1,
            "created_on": saved.saved_at.date(),
        }
    ).model_dump(mode="json")
    assert saved.plan.model_dump(mode="json") == stored


def test_a_new_plan_gets_its_own_reference(store, library):
    one = store.save(make_plan(library))
    two = store.save(make_plan(library))
    assert one.reference != two.reference
    assert one.version == two.version == 1
    assert [v.version for v in store.versions(two.reference)] == [1]


def test_a_reference_is_found_however_it_is_typed(store, library):
    saved = store.save(make_plan(library))
    typed = saved.reference.lower().replace("-", " ")
    assert store.save(make_plan(library), typed).version == 2
    assert store.latest(typed).version == 2


def test_export_holds_every_version_as_saved(store, library):
    first = store.save(make_plan(library, note="one"))
    store.save(make_plan(library, note="two"), first.reference)
    exported = store.export(first.reference)
    assert exported["reference"] == first.reference
    assert [v["version"] for v in exported["versions"]] == [1, 2]
    assert [v["plan"]["notes"] for v in exported["versions"]] == [["one"], ["two"]]
    assert all(v["plan"]["reference"] == first.reference for v in exported["versions"])
    saved_at = [datetime.datetime.fromisoformat(v["saved_at"]) for v in exported["versions"]]
    assert all(moment.utcoffset() == datetime.timedelta(0) for moment in saved_at)
    json.dumps(exported)  # plain JSON all the way down


def test_delete_removes_the_plan_and_all_its_versions_and_nothing_else(store, library):
    doomed = store.save(make_plan(library))
    store.save(make_plan(library), doomed.reference)
    kept = store.save(make_plan(library))
    assert store.delete(doomed.reference) is True
    with pytest.raises(UnknownReference):
        store.versions(doomed.reference)
    # The versions went with the plan (ON DELETE CASCADE, with SQLite's foreign keys on).
    assert _count(store, "plan_versions") == 1
    assert _count(store, "plans") == 1
    assert [v.version for v in store.versions(kept.reference)] == [1]
    assert store.delete(doomed.reference) is False


@pytest.mark.parametrize("action", ["save", "versions", "latest", "export"])
def test_an_unknown_reference_gives_one_plain_line_and_saves_nothing(store, library, action):
    store.save(make_plan(library))
    call = {
        "save": lambda: store.save(make_plan(library), "k7tm 9qxa"),
        "versions": lambda: store.versions("K7TM-9QXA"),
        "latest": lambda: store.latest("K7TM-9QXA"),
        "export": lambda: store.export("K7TM-9QXA"),
    }[action]
    with pytest.raises(UnknownReference) as caught:
        call()
    assert str(caught.value) == (
        "There is no saved plan with the reference K7TM-9QXA. "
        "Please check the reference printed on the plan."
    )
    assert _count(store, "plans") == 1
    assert _count(store, "plan_versions") == 1


def test_a_national_insurance_number_is_never_used_as_a_reference(store, library):
    with pytest.raises(BadReference, match="National Insurance"):
        store.save(make_plan(library), "QQ 12 34 56 C")
    with pytest.raises(BadReference, match="National Insurance"):
        store.export("QQ123456C")
    assert _count(store, "plans") == 0


def test_a_saved_version_that_no_longer_fits_is_reported_without_its_contents(store, library):
    saved = store.save(make_plan(library, name="Priyanka"))
    with store._engine.begin() as connection:
        document = json.loads(connection.scalar(text("SELECT document FROM plan_versions")))
        document["profile"]["stage"] = 9
        document["profile"]["preferred_name"] = "Priyanka" * 20
        connection.execute(
            text("UPDATE plan_versions SET document = :document"),
            {"document": json.dumps(document)},
        )
    with pytest.raises(UnreadablePlan) as caught:
        store.versions(saved.reference)
    message = str(caught.value)
    assert "version 1" in message
    assert saved.reference in message
    assert "profile.stage" in message
    assert "Priyanka" not in message
    assert caught.value.__cause__ is None
    assert store.export(saved.reference)["versions"][0]["plan"]["profile"]["stage"] == 9


def test_nothing_from_a_plan_reaches_the_logs(store, library, caplog):
    caplog.set_level(logging.DEBUG)
    # Even when an application turns all of SQLAlchemy's logging up.
    caplog.set_level(logging.DEBUG, logger="sqlalchemy")
    saved = store.save(make_plan(library, name="Zebedee Quinlan", note="private note"))
    store.save(make_plan(library, name="Zebedee Quinlan"), saved.reference)
    store.versions(saved.reference)
    store.export(saved.reference)
    store.save_draft("draft-1", {"preferred_name": "Zebedee Quinlan"})
    store.load_draft("draft-1")
    with pytest.raises(UnknownReference):
        store.save(make_plan(library, name="Zebedee Quinlan"), "K7TM-9QXA")
    assert caplog.records  # alembic's and the pool's, at least
    assert "Zebedee" not in caplog.text
    assert "private note" not in caplog.text


def test_a_database_error_does_not_show_the_values_it_was_sent(store, library):
    saved = store.save(make_plan(library, name="Zebedee Quinlan"))
    with pytest.raises(IntegrityError) as caught, store._engine.begin() as connection:
        connection.execute(
            insert(db.plan_versions).values(
                plan_id=1, version=1, saved_at=saved.saved_at, document='{"name": "Zebedee"}'
            )
        )
    assert "Zebedee" not in str(caught.value)


def test_opening_a_store_again_keeps_what_is_there(database_url, library):
    with PlanStore(database_url, library=default_library()) as store:
        saved = store.save(make_plan(library))
    with PlanStore(database_url, library=default_library()) as store:
        assert [v.version for v in store.versions(saved.reference)] == [1]


def test_the_migrated_tables_match_the_model_and_are_at_head(store):
    store._prepare()
    with store._engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert context.get_current_revision() == "0003"
        differences = compare_metadata(context, db.metadata)
    assert differences == []


def test_sqlite_is_opened_with_a_wal_foreign_keys_and_a_busy_timeout(tmp_path):
    store = PlanStore(f"sqlite:///{tmp_path / 'plans.sqlite3'}", library=default_library())
    with store, store._engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5_000


def test_the_default_database_is_made_in_the_data_folder_on_the_first_save(
    tmp_path, monkeypatch, library
):
    folder = tmp_path / "kept" / "here"
    monkeypatch.setenv("RIGHT_STEPS_DATA_DIR", str(folder))
    assert settings.database_url() == f"sqlite:///{folder / 'right-steps.sqlite3'}"
    with PlanStore(library=default_library()) as store:
        assert store.backend == "sqlite"
        with pytest.raises(UnknownReference):
            store.export("K7TM-9QXA")
        assert store.delete("K7TM-9QXA") is False
        assert store.purge(1) == 0
        assert store.load_draft("d") is None
        assert store.purge_drafts() == 0
        assert not folder.exists(), "reading must not make the database"
        saved = store.save(make_plan(library))
    assert (folder / "right-steps.sqlite3").is_file()
    with PlanStore(library=default_library()) as store:
        assert store.latest(saved.reference).version == 1


def test_the_default_data_folder_is_data_in_the_project(monkeypatch):
    assert settings.data_dir() == settings.PROJECT_DIR / "data"
    monkeypatch.setenv("RIGHT_STEPS_DATABASE_URL", "postgresql://someone@db.example/plans")
    assert settings.database_url() == "postgresql://someone@db.example/plans"
    assert db.database_url(settings.database_url()).drivername == "postgresql+psycopg"


def test_retention_and_draft_lifetime_settings(monkeypatch):
    assert settings.retention_days() == 365
    assert settings.draft_lifetime() == datetime.timedelta(hours=12)
    monkeypatch.setenv("RIGHT_STEPS_RETENTION_DAYS", "30")
    monkeypatch.setenv("RIGHT_STEPS_DRAFT_HOURS", "2")
    assert settings.retention_days() == 30
    assert settings.draft_lifetime() == datetime.timedelta(hours=2)
    for bad in ("0", "-3", "ten", "1.5", "²"):
        monkeypatch.setenv("RIGHT_STEPS_RETENTION_DAYS", bad)
        with pytest.raises(settings.SettingsError, match="RIGHT_STEPS_RETENTION_DAYS"):
            settings.retention_days()


def test_importing_the_store_and_its_command_line_makes_nothing(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("RIGHT_STEPS_DATA_DIR", str(folder))
    result = run_module("store", "data", "--help")
    assert result.returncode == 0, result.stderr.decode()
    assert not folder.exists()


def test_a_saved_plan_reaches_the_disk_before_saving_returns_and_a_draft_need_not(
    tmp_path, library
):
    store = PlanStore(f"sqlite:///{tmp_path / 'durable.sqlite3'}", library=library)
    store.save(make_plan(library))  # set the tables up first
    levels: list[str] = []

    def record(connection, cursor, statement, parameters, context, executemany):
        if statement.startswith("PRAGMA synchronous"):
            levels.append(statement.rsplit(" ", 1)[-1])

    sqlalchemy_event.listen(store._engine, "before_cursor_execute", record)
    store.save(make_plan(library))
    assert levels == ["FULL"]
    store.save_draft("d" * 32, {"answers": {}})
    assert levels == ["FULL", "NORMAL"]
    store.close_draft("d" * 32)
    assert levels[-1] == "FULL"  # a closed draft must stay closed
    store.close()
