"""The app's own settings: nothing raw on screen, no usage statistics, and the upload limit
matching the largest saved file the planner opens."""

from __future__ import annotations

import tomllib

from planner.inputs import MAX_SAVED_FILE_BYTES
from tests.conftest import ROOT
from tests.ui.apptest import messages


def _config() -> dict:
    return tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())


def test_error_details_never_reach_the_screen():
    assert _config()["client"]["showErrorDetails"] == "none"


def test_the_upload_limit_is_the_saved_file_limit():
    assert _config()["server"]["maxUploadSize"] * 1024 * 1024 == MAX_SAVED_FILE_BYTES


def test_no_usage_statistics_and_only_this_machine_listens():
    config = _config()
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["address"] == "localhost"


def test_the_server_does_not_watch_its_own_files():
    assert _config()["server"]["fileWatcherType"] == "none"


def test_what_is_loaded_once_is_frozen_out_of_the_collector_once():
    import subprocess
    import sys

    probe = (
        "import gc\n"
        "from ui.warm_process import freeze_what_is_loaded\n"
        "freeze_what_is_loaded(); first = gc.get_freeze_count()\n"
        "[object() for _ in range(10)]\n"
        "freeze_what_is_loaded()\n"
        "print(first > 1000, gc.get_freeze_count() == first)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, check=True
    )
    assert result.stdout.decode().split() == ["True", "True"]


def test_team_mode_without_a_key_does_not_open_and_says_why(monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("RIGHT_STEPS_TEAM_MODE", "on")
    monkeypatch.delenv("RIGHT_STEPS_ENCRYPTION_KEYS", raising=False)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    assert [t.value for t in at.title] == ["Right Steps cannot start"]
    (shown,) = at.error
    assert "RIGHT\\_STEPS\\_ENCRYPTION\\_KEYS is not set" in shown.value
    assert not at.button  # no page, no Continue: nothing can be typed in


def test_team_mode_needs_its_sign_in_set_up(monkeypatch):
    from streamlit.testing.v1 import AppTest

    from store.sealing import new_key

    monkeypatch.setenv("RIGHT_STEPS_TEAM_MODE", "on")
    monkeypatch.setenv("RIGHT_STEPS_ENCRYPTION_KEYS", new_key())
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.secrets["auth"] = {"client_id": "right-steps"}
    at.run()
    assert at.title[0].value == "Right Steps cannot start"
    (shown,) = messages(at.error)
    assert "lacks redirect_uri, cookie_secret, client_secret, server_metadata_url" in shown


def test_with_a_key_and_sign_in_set_up_team_mode_asks_the_coach_to_sign_in(monkeypatch):
    from streamlit.testing.v1 import AppTest

    from store.sealing import new_key

    monkeypatch.setenv("RIGHT_STEPS_TEAM_MODE", "on")
    monkeypatch.setenv("RIGHT_STEPS_ENCRYPTION_KEYS", new_key())
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.secrets["auth"] = {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "a-long-random-secret",
        "client_id": "right-steps",
        "client_secret": "a-secret",
        "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
    }
    at.run()
    assert at.title[0].value == "Sign in to Right Steps"
    # No page of the appointment and no Continue: only signing in, and the statement.
    assert [b.label for b in at.button] == ["Sign in", "Accessibility statement"]
    assert not at.exception

    at.button(key="statement_open").click().run()
    assert at.title[0].value == "Accessibility statement"
    at.button(key="statement_back").click().run()
    assert at.title[0].value == "Sign in to Right Steps"
    assert not at.exception


def test_a_local_library_with_a_mistake_does_not_open_and_names_it(monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest

    (tmp_path / "steps").mkdir()
    (tmp_path / "steps" / "gardening.yaml").write_text("steps: []\n", encoding="utf-8")
    monkeypatch.setenv("RIGHT_STEPS_LOCAL_LIBRARY", str(tmp_path))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    assert [t.value for t in at.title] == ["Right Steps cannot start"]
    (shown,) = at.error
    assert "gardening\\.yaml\\: not a life area id" in shown.value
    assert not at.button
