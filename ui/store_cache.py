"""The plan store, opened once per server: it holds a database connection pool, not answers."""

from __future__ import annotations

import os

import streamlit as st

from store.plans import PlanStore
from store.sealing import KEYS_SETTING, TEAM_MODE_SETTING, checked_settings
from store.settings import SettingsError
from ui.library_cache import cached_library


def plan_store() -> PlanStore:
    """The store for the database the settings name now (tests point it elsewhere).

    Raises StoreUnavailable when the settings or the database cannot be used; nothing is cached
    then, so the next call tries again.
    """
    return _store_for(
        os.environ.get("RIGHT_STEPS_DATABASE_URL"),
        os.environ.get("RIGHT_STEPS_DATA_DIR"),
        os.environ.get(KEYS_SETTING),
        os.environ.get(TEAM_MODE_SETTING),
    )


def setup_problem() -> str | None:
    """Why Right Steps must not start as it is set up (team mode without keys, a bad key or
    setting), or None. The reason names settings, never their values."""
    try:
        checked_settings()
    except SettingsError as error:
        return str(error)
    return None


@st.cache_resource(show_spinner=False)
def _store_for(
    url: str | None, data_dir: str | None, keys: str | None, team_mode: str | None
) -> PlanStore:
    # Only the cache key: PlanStore reads the data folder, the keys and the mode itself.
    return PlanStore(url, library=cached_library())
