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
