"""A free-text answer with a count near the limit; an over-long paste is refused, not cut."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ui.guard import guarded
from ui.session import widget_key

# The share of the limit from which the count of characters is shown.
COUNT_SHOWN_FROM = 0.75


def text_answer(
    name: str,
    label: str,
    *,
    value: str,
    save: Callable[[str], object] | None,
    max_chars: int,
    multiline: bool = True,
    help_text: str | None = None,
    placeholder: str | None = None,
) -> str:
    """The person's words, exactly as typed. `save` keeps them (None: the widget keeps them)."""
    key = widget_key(name)
    too_long = widget_key(f"{name}_too_long")
    if key not in st.session_state:
        st.session_state[key] = value

    def check_length() -> None:
        new_text = st.session_state[key]
        if len(new_text) > max_chars:
            st.session_state[key] = value
            st.session_state[too_long] = (
                f"That was too long: {len(new_text):,} characters. You can use up to "
                f"{max_chars:,}. Your earlier words are still here."
            )
            return
        st.session_state.pop(too_long, None)
        if save is not None:
            with guarded("keeping your words"):
                save(new_text)

    widget = st.text_area if multiline else st.text_input
    widget(label, key=key, on_change=check_length, help=help_text, placeholder=placeholder)
    if too_long in st.session_state:
        st.error(st.session_state[too_long], icon=":material/info:")
    shown = st.session_state[key]
    # A count only near the limit: an empty box says nothing (as GOV.UK's character count).
    if len(shown) >= max_chars * COUNT_SHOWN_FROM:
        st.caption(f"{len(shown):,} of {max_chars:,} characters")
    return shown


def clear_text_answer(name: str) -> None:
    st.session_state[widget_key(name)] = ""
