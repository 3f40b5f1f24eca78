"""An unusable database is named, with its fix, as a StoreError: never a driver's raw error."""

from __future__ import annotations

import sqlite3

import pytest

from store.errors import StoreError, StoreUnavailable
from store.plans import PlanStore
from tests.store.conftest import make_plan


def _refusal(url: str, library, action=lambda store, plan: store.save(plan)) -> str:
    with pytest.raises(StoreUnavailable) as caught, PlanStore(url, library=library) as store:
        action(store, make_plan(library))
    return str(caught.value)


def test_a_damaged_sqlite_file_says_move_it_aside(tmp_path, library):
    damaged = tmp_path / "plans.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x13" * 5000)
    message = _refusal(f"sqlite:///{damaged}", library)
    assert "damaged or is not a Right Steps database" in message and "move it aside" in message
    assert damaged.read_bytes().startswith(b"SQLite format 3")


def test_a_file_that_is_not_a_database_says_so(tmp_path, library):
    other = tmp_path / "notes.sqlite3"
    other.write_text("my shopping list\n" * 200)
    assert "not a Right Steps database" in _refusal(f"sqlite:///{other}", library)
    assert other.read_text().startswith("my shopping list")


def test_a_read_only_database_says_who_must_be_able_to_write(tmp_path, library):
    path = tmp_path / "read-only.sqlite3"
    sqlite3.connect(path).close()
    message = _refusal(f"sqlite:///file:{path}?mode=ro&uri=true", library)
    assert "cannot be written" in message and "RIGHT_STEPS_DATA_DIR" in message


def test_a_data_folder_that_is_a_file_says_so(tmp_path, monkeypatch, library):
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("x")
    monkeypatch.setenv("RIGHT_STEPS_DATA_DIR", str(not_a_folder))
    assert "is a file, not a folder" in _refusal("", library)


def test_a_database_that_lost_its_tables_mid_way_is_a_store_error(tmp_path, library):
    url = f"sqlite:///{tmp_path / 'plans.sqlite3'}"
    with PlanStore(url, library=library) as store:
        saved = store.save(make_plan(library))
        with sqlite3.connect(tmp_path / "plans.sqlite3") as connection:
            connection.execute("DROP TABLE plan_versions")
        with pytest.raises(StoreError):
            store.latest(saved.reference)


def test_a_postgresql_database_that_does_not_exist_says_create_it(postgres_server, library):
    url = postgres_server.url.set(database="right_steps_no_such_database")
    message = _refusal(url.render_as_string(hide_password=False), library)
    assert "does not exist on the server" in message


def test_a_postgresql_server_that_is_not_there_names_the_setting_not_the_address(library):
    message = _refusal("postgresql+psycopg://someone:secret@127.0.0.1:9/db", library)
    assert "cannot reach the database server named in RIGHT_STEPS_DATABASE_URL" in message
    assert "secret" not in message and "127.0.0.1" not in message


@pytest.mark.parametrize("url", ["not a url", "nosuchdb://host/db", "sqlite+nodriver:///x"])
def test_an_address_that_is_not_one_names_the_setting(url, library):
    assert "RIGHT_STEPS_DATABASE_URL is not a database address" in _refusal(url, library)
