"""Single choices (radio or dropdown) shown from the appointment and kept in it on change."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st

from ui.guard import guarded
from ui.session import widget_key


def radio_choice(
    name: str,
    label: str,
    options: Mapping[Any, str],
    *,
    value: Any,
    save: Callable[[Any], object],
    horizontal: bool = False,
) -> Any:
    """One of `options` (value -> words shown), or None until the person picks one."""
    key = _bound(name, value, options)
    st.radio(
        label,
        list(options),
        key=key,
        index=None,  # the kept value, set through session state, decides the choice
        format_func=lambda option: options[option],
        on_change=_keep,
        args=(key, save),
        horizontal=horizontal,
    )
    return st.session_state[key]


def dropdown_choice(
    name: str,
    label: str,
    options: Mapping[Any, str],
    *,
    value: Any,
    save: Callable[[Any], object] | None,
) -> Any:
    """One of `options`; `save` keeps the choice (None: the widget keeps it)."""
    key = _bound(name, value if value in options else next(iter(options)), options)
    st.selectbox(
        label,
        list(options),
        key=key,
        format_func=lambda option: options[option],
        on_change=_keep if save is not None else None,
        args=(key, save) if save is not None else None,
    )
    return st.session_state[key]


def _bound(name: str, value: Any, options: Mapping[Any, str]) -> str:
    key = widget_key(name)
    if key not in st.session_state or st.session_state[key] not in (*options, None):
        st.session_state[key] = value if value in options else None
    return key


def _keep(key: str, save: Callable[[Any], object]) -> None:
    with guarded("keeping your answer"):
        save(st.session_state[key])
