"""The appointment as one page at a time, with a progress line and Back / Continue."""

from __future__ import annotations

from types import ModuleType

import streamlit as st

from goal_library.models import Library
from ui.pages import (
    about_you,
    agree_and_print,
    make_it_yours,
    start,
    strengths,
    suggested_steps,
    what_makes_things_harder,
    where_you_are_now,
)

PAGES: tuple[ModuleType, ...] = (
    start,
    about_you,
    where_you_are_now,
    strengths,
    what_makes_things_harder,
    suggested_steps,
    make_it_yours,
    agree_and_print,
)
_PAGE = "page_index"
_NAV_PROBLEM = "nav_problem"


def current_page_index() -> int:
    return st.session_state.setdefault(_PAGE, 0)


def go_to(index: int) -> None:
    st.session_state[_PAGE] = max(0, min(index, len(PAGES) - 1))


def run(library: Library) -> None:
    index = current_page_index()
    page = PAGES[index]
    if index > 0:
        st.caption(f"Step {index} of {len(PAGES) - 1}")
        st.progress(index / (len(PAGES) - 1))
    st.title(page.TITLE)
    page.render(library)
    _navigation(index, page, library)


def _navigation(index: int, page: ModuleType, library: Library) -> None:
    problem = st.session_state.pop(_NAV_PROBLEM, None)
    if problem:
        st.warning(problem, icon=":material/info:")
    st.divider()
    back, _, forward = st.columns([1, 2, 1])
    back.button(
        "Back",
        key="nav_back",
        on_click=go_to,
        args=(index - 1,),
        disabled=index == 0,
        width="stretch",
    )
    if index < len(PAGES) - 1:
        forward.button(
            "Continue",
            key="nav_continue",
            type="primary",
            on_click=_continue,
            args=(index, page, library),
            width="stretch",
        )


def _continue(index: int, page: ModuleType, library: Library) -> None:
    ready = getattr(page, "ready", None)
    problem = ready(library) if ready else None
    if problem:
        st.session_state[_NAV_PROBLEM] = problem
        return
    go_to(index + 1)
