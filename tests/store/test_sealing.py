"""Plans and drafts encrypted at rest, with keys that can be rotated, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, select

from store import db
from store.errors import StoreError
from store.plans import PlanStore
from store.sealing import KEYS_SETTING, TEAM_MODE_SETTING, SealedWithOtherKey, new_key
from store.settings import SettingsError
from tests.conftest import run_module
from tests.store.conftest import make_plan

WORDS = "Siân wants to walk to the allotment with her sister"
DRAFT_WORDS = "a draft about the allotment gate"


def _raw_rows(url: str) -> list[str]:
    engine = create_engine(db.database_url(url))
    with engine.connect() as connection:
        rows = [row[0] for row in connection.execute(select(db.plan_versions.c.document))]
        rows += [row[0] for row in connection.execute(select(db.drafts.c.payload))]
    engine.dispose()
    return rows


def _open(database_url, library, monkeypatch, keys: str | None) -> PlanStore:
    if keys is None:
        monkeypatch.delenv(KEYS_SETTING, raising=False)
    else:
        monkeypatch.setenv(KEYS_SETTING, keys)
    return PlanStore(database_url, library=library)


def test_the_database_holds_no_readable_plan_text(database_url, library, monkeypatch):
    store = _open(database_url, library, monkeypatch, new_key())
    saved = store.save(make_plan(library, name="Siân", note=WORDS))
    store.save_draft("a" * 32, {"answers": {"hopes": DRAFT_WORDS}})
    rows = _raw_rows(database_url)
    assert rows and all(row.startswith("sealed:v1:") for row in rows)
    for secret in (WORDS, "allotment", "Siân", "Si\\u00e2n", saved.reference):
        assert not any(secret in row for row in rows), secret
    assert WORDS in store.latest(saved.reference).notes
    assert store.load_draft("a" * 32) == {"answers": {"hopes": DRAFT_WORDS}}
    store.close()


def test_a_new_key_goes_first_the_old_still_reads_and_re_encrypt_retires_it(
    database_url, library, monkeypatch
):
    old, new = new_key(), new_key()
    store = _open(database_url, library, monkeypatch, old)
    reference = store.save(make_plan(library, note=WORDS)).reference
    store.save_draft("b" * 32, {"answers": {"hopes": DRAFT_WORDS}})
    store.close()

    store = _open(database_url, library, monkeypatch, f"{new},{old}")
    assert WORDS in store.latest(reference).notes  # sealed with the old key: still read
    assert store.re_encrypt() == 2
    store.close()

    store = _open(database_url, library, monkeypatch, new)  # the old key is gone
    assert WORDS in store.latest(reference).notes
    assert store.load_draft("b" * 32) == {"answers": {"hopes": DRAFT_WORDS}}
    store.close()

    store = _open(database_url, library, monkeypatch, old)
    with pytest.raises(SealedWithOtherKey) as refused:
        store.latest(reference)
    assert KEYS_SETTING in str(refused.value) and old not in str(refused.value)
    store.close()


def test_plans_kept_before_keys_were_set_are_read_and_then_sealed(
    database_url, library, monkeypatch
):
    store = _open(database_url, library, monkeypatch, None)
    reference = store.save(make_plan(library, note=WORDS)).reference
    assert any(WORDS in row for row in _raw_rows(database_url))
    store.close()
    store = _open(database_url, library, monkeypatch, new_key())
    assert WORDS in store.latest(reference).notes
    assert store.re_encrypt() == 1
    assert not any(WORDS in row for row in _raw_rows(database_url))
    assert WORDS in store.latest(reference).notes
    store.close()


def test_a_changed_row_is_refused_not_read(tmp_path, library, monkeypatch):
    url = f"sqlite:///{tmp_path / 'sealed.sqlite3'}"
    store = _open(url, library, monkeypatch, new_key())
    reference = store.save(make_plan(library, note=WORDS)).reference
    engine = create_engine(url)
    with engine.begin() as connection:
        document = connection.scalar(select(db.plan_versions.c.document))
        changed = document[:-5] + ("A" if document[-5] != "A" else "B") + document[-4:]
        connection.execute(db.plan_versions.update().values(document=changed))
    engine.dispose()
    with pytest.raises(StoreError, match=KEYS_SETTING):
        store.latest(reference)
    store.close()


def test_sealed_plans_without_the_setting_say_which_setting_is_missing(
    tmp_path, library, monkeypatch
):
    url = f"sqlite:///{tmp_path / 'sealed.sqlite3'}"
    store = _open(url, library, monkeypatch, new_key())
    reference = store.save(make_plan(library)).reference
    store.close()
    store = _open(url, library, monkeypatch, None)
    with pytest.raises(SealedWithOtherKey, match=f"{KEYS_SETTING} is not set"):
        store.latest(reference)
    store.close()


def test_team_mode_refuses_to_open_without_a_key(tmp_path, library, monkeypatch):
    monkeypatch.setenv(TEAM_MODE_SETTING, "on")
    with pytest.raises(SettingsError, match="team mode keeps plans encrypted"):
        PlanStore(f"sqlite:///{tmp_path / 'team.sqlite3'}", library=library)
    monkeypatch.setenv(KEYS_SETTING, "not-a-key")
    with pytest.raises(SettingsError, match="key 1 in RIGHT_STEPS_ENCRYPTION_KEYS"):
        PlanStore(f"sqlite:///{tmp_path / 'team.sqlite3'}", library=library)


def test_the_key_commands(tmp_path, monkeypatch):
    monkeypatch.setenv("RIGHT_STEPS_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    made = run_module("planner", "data", "new-key")
    assert made.returncode == 0
    key = made.stdout.decode().strip()
    monkeypatch.setenv(TEAM_MODE_SETTING, "on")
    refused = run_module("planner", "data", "check-settings")
    assert refused.returncode == 2 and len(refused.stderr.decode().strip().splitlines()) == 1
    assert "RIGHT_STEPS_ENCRYPTION_KEYS is not set" in refused.stderr.decode()
    monkeypatch.setenv(KEYS_SETTING, key)
    fine = run_module("planner", "data", "check-settings")
    assert fine.returncode == 0 and "encrypted at rest" in fine.stdout.decode()
    done = run_module("planner", "data", "re-encrypt")
    assert done.returncode == 0 and "Sealed 0 rows" in done.stdout.decode()
