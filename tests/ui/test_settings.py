"""The app's own settings: nothing raw on screen, no usage statistics, and the upload limit
matching the largest saved file the planner opens."""

from __future__ import annotations

import tomllib

from planner.inputs import MAX_SAVED_FILE_BYTES
from tests.conftest import ROOT


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
