"""Helpers for driving the app with Streamlit's AppTest."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def app_on_page(index: int, **state: Any) -> AppTest:
    """The app opened on page `index` with the given session state already set."""
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["page_index"] = index
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def title(at: AppTest) -> str:
    return at.title[0].value


def press_continue(at: AppTest) -> AppTest:
    return at.button(key="nav_continue").click().run()


def press_back(at: AppTest) -> AppTest:
    return at.button(key="nav_back").click().run()


def no_errors(at: AppTest) -> bool:
    return len(at.exception) == 0
