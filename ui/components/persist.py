"""Keep a widget's value across pages.

Streamlit forgets a widget's state when its page is not shown, so each value lives under its
own key and the widget under a private key derived from it, restored whenever it is shown again.
"""

from __future__ import annotations

from typing import Any

import streamlit as st


def widget_key(key: str) -> str:
    return f"_{key}_widget"


def bind(key: str, default: Any) -> str:
    """Make sure `key` holds a value and the widget starts from it; returns the widget's key."""
    if key not in st.session_state:
        st.session_state[key] = default
    private = widget_key(key)
    if private not in st.session_state:
        st.session_state[private] = st.session_state[key]
    return private


def keep(key: str) -> None:
    """on_change callback: copy the widget's new value into the kept value."""
    st.session_state[key] = st.session_state[widget_key(key)]


def kept(key: str, default: Any = None) -> Any:
    return st.session_state.get(key, default)
