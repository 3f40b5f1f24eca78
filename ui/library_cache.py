"""The goal library, loaded once per server: the same for everyone, with no personal data."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from goal_library.loader import LibraryError, library_with_local, local_library_dir
from goal_library.models import Library


def cached_library() -> Library:
    """The national library with the team's local library (RIGHT_STEPS_LOCAL_LIBRARY) merged
    over it."""
    return _library_for(local_library_dir())


@st.cache_resource(show_spinner=False)
def _library_for(local_dir: Path | None) -> Library:
    return library_with_local(local_dir)


def library_problem() -> str | None:
    """Why the library cannot be loaded (a team's local folder with a mistake, say), in one
    line, or None when it loads."""
    try:
        cached_library()
    except LibraryError as error:
        more = len(error.problems) - 1
        extra = f" (and {more} more; `python -m goal_library check` lists them all)" if more else ""
        return f"the goal library has a problem: {error.problems[0]}{extra}"
    return None
