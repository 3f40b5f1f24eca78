"""The SQLite database and its folder are private to the user who runs Right Steps."""

from __future__ import annotations

import stat

from goal_library.loader import default_library
from store.plans import PlanStore
from tests.store.conftest import make_plan


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_and_its_new_folder_are_private(tmp_path, monkeypatch, library):
    folder = tmp_path / "made" / "here"
    monkeypatch.setenv("RIGHT_STEPS_DATA_DIR", str(folder))
    with PlanStore(library=default_library()) as store:
        store.save(make_plan(library))
        store.save_draft("an-appointment-id", {"page": 1})
    database = folder / "right-steps.sqlite3"
    assert _mode(database) == 0o600
    for companion in folder.glob("right-steps.sqlite3-*"):
        assert _mode(companion) == 0o600
    assert _mode(folder) == 0o700
    assert _mode(folder.parent) == 0o700


def test_an_old_database_made_readable_is_made_private_again(tmp_path, library):
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    url = f"sqlite:///{folder / 'right-steps.sqlite3'}"
    with PlanStore(url, library=library) as store:
        saved = store.save(make_plan(library))
    (folder / "right-steps.sqlite3").chmod(0o644)
    with PlanStore(url, library=library) as store:
        assert store.latest(saved.reference).version == 1
    assert _mode(folder / "right-steps.sqlite3") == 0o600
    assert _mode(folder) == 0o700


def test_a_shared_folder_keeps_its_own_permissions(tmp_path, library):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    (shared / "someone-elses-file.txt").write_text("not ours")
    with PlanStore(f"sqlite:///{shared / 'plans.sqlite3'}", library=library) as store:
        store.save(make_plan(library))
    assert _mode(shared / "plans.sqlite3") == 0o600
    assert _mode(shared) == 0o755


def test_a_uri_filename_names_its_own_file_not_a_folder_called_file(tmp_path):
    from sqlalchemy.engine import make_url

    from store.db import sqlite_file

    path = tmp_path / "read-only.sqlite3"
    url = make_url(f"sqlite:///file:{path}?mode=ro&uri=true")
    assert sqlite_file(url) == path
