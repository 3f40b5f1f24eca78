"""The goal library, loaded once per server: the same for everyone, with no personal data."""

from __future__ import annotations

import streamlit as st

from goal_library.loader import load_library
from goal_library.models import Library


@st.cache_resource(show_spinner=False)
def cached_library() -> Library:
    return load_library()
