"""The accessibility statement: open from the foot of every page, the sign-in page too, with a
way back to where the person was."""

from __future__ import annotations

import streamlit as st

from ui.components.page_change import page_shown
from ui.pages import accessibility

_READING = "reading_statement"


def reading_statement() -> bool:
    return bool(st.session_state.get(_READING))


def show_statement(back_label: str) -> None:
    st.title(accessibility.TITLE, anchor=False)
    accessibility.render()
    st.divider()
    st.button(back_label, key="statement_back", on_click=_read_statement, args=(False,))
    page_shown(accessibility.TITLE, ("statement",), problem=False)


def statement_button() -> None:
    st.button(
        "Accessibility statement",
        key="statement_open",
        type="tertiary",
        on_click=_read_statement,
        args=(True,),
    )


def _read_statement(reading: bool) -> None:
    st.session_state[_READING] = reading
