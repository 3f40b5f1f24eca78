"""A free-text answer with a visible count; an over-long paste is refused, not cut."""

from __future__ import annotations

import streamlit as st

from ui.components.persist import bind, widget_key


def text_answer(
    key: str,
    label: str,
    *,
    max_chars: int,
    multiline: bool = True,
    help_text: str | None = None,
    placeholder: str | None = None,
) -> str:
    """The person's words, exactly as typed, kept across pages."""
    private = bind(key, "")
    error_key = f"_{key}_too_long"

    def check_length() -> None:
        new_text = st.session_state[private]
        if len(new_text) > max_chars:
            st.session_state[private] = st.session_state[key]
            st.session_state[error_key] = (
                f"That was too long: {len(new_text):,} characters. You can use up to "
                f"{max_chars:,}. Your earlier words are still here."
            )
        else:
            st.session_state[key] = new_text
            st.session_state.pop(error_key, None)

    widget = st.text_area if multiline else st.text_input
    widget(
        label,
        key=private,
        on_change=check_length,
        help=help_text,
        placeholder=placeholder,
    )
    if error_key in st.session_state:
        st.error(st.session_state[error_key], icon=":material/info:")
    st.caption(f"{len(st.session_state[key]):,} of {max_chars:,} characters")
    return st.session_state[key]


def clear_text_answer(key: str) -> None:
    st.session_state[key] = ""
    st.session_state[widget_key(key)] = ""
