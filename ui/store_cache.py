"""The plan store, opened once per server: it holds a database connection pool, not answers."""

from __future__ import annotations

import os

import streamlit as st

from store.plans import PlanStore
from ui.library_cache import cached_library


def plan_store() -> PlanStore:
    """The store for the database the settings name now (tests point it elsewhere).

    Raises StoreUnavailable when the settings or the database cannot be used; nothing is cached
    then, so the next call tries again.
    """
    return _store_for(
        os.environ.get("RIGHT_STEPS_DATABASE_URL"), os.environ.get("RIGHT_STEPS_DATA_DIR")
    )


@st.cache_resource(show_spinner=False)
def _store_for(url: str | None, data_dir: str | None) -> PlanStore:
    # data_dir is only part of the cache key: PlanStore reads it from the settings itself.
    return PlanStore(url, library=cached_library())
