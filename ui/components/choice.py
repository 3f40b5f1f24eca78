"""Single choices (radio or dropdown) whose answers survive page changes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from ui.components.persist import bind, keep


def radio_choice(
    key: str,
    label: str,
    options: Mapping[Any, str],
    *,
    default: Any = None,
    horizontal: bool = False,
) -> Any:
    """One of `options` (value -> words shown), or None until the person picks one."""
    private = bind(key, default)
    values = list(options)
    st.radio(
        label,
        values,
        key=private,
        index=None,  # the kept value, set through session state, decides the choice
        format_func=lambda value: options[value],
        on_change=keep,
        args=(key,),
        horizontal=horizontal,
    )
    return st.session_state[key]


def dropdown_choice(key: str, label: str, options: Mapping[Any, str], *, default: Any) -> Any:
    private = bind(key, default)
    values = list(options)
    st.selectbox(
        label,
        values,
        key=private,
        format_func=lambda value: options[value],
        on_change=keep,
        args=(key,),
    )
    return st.session_state[key]
