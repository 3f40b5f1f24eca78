"""The appointment as one page at a time, with a progress line and Back / Continue."""

from __future__ import annotations

from types import ModuleType

import streamlit as st

from goal_library.models import Library
from ui.components.draft_keeper import DRAFT_NOTE, restore_draft, save_draft
from ui.pages import (
    about_you,
    agree_and_print,
    how_did_it_go,
    make_it_yours,
    progress,
    start,
    strengths,
    suggested_steps,
    what_makes_things_harder,
    where_you_are_now,
)
from ui.review_state import plan_under_review

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
REVIEW_PAGES: tuple[ModuleType, ...] = (
    start,
    how_did_it_go,
    where_you_are_now,
    progress,
    suggested_steps,
    make_it_yours,
    agree_and_print,
)


def active_pages() -> tuple[ModuleType, ...]:
    """The pages of this appointment: a new plan, or a review of a saved one."""
    return REVIEW_PAGES if plan_under_review() is not None else PAGES


_PAGE = "page_index"
_NAV_PROBLEM = "nav_problem"


def current_page_index() -> int:
    return st.session_state.setdefault(_PAGE, 0)


def go_to(index: int) -> None:
    st.session_state[_PAGE] = max(0, min(index, len(active_pages()) - 1))


def run(library: Library) -> None:
    restore_draft(library)
    pages = active_pages()
    index = min(current_page_index(), len(pages) - 1)
    page = pages[index]
    if index > 0:
        st.caption(f"Step {index} of {len(pages) - 1}")
        st.progress(index / (len(pages) - 1))
    st.title(page.TITLE)
    note = st.session_state.pop(DRAFT_NOTE, None)
    if note:
        st.info(note, icon=":material/history:")
    page.render(library)
    _navigation(index, pages, library)
    save_draft()


def _navigation(index: int, pages: tuple[ModuleType, ...], library: Library) -> None:
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
    if index < len(pages) - 1:
        forward.button(
            "Continue",
            key="nav_continue",
            type="primary",
            on_click=_continue,
            args=(index, pages[index], library),
            width="stretch",
        )


def _continue(index: int, page: ModuleType, library: Library) -> None:
    ready = getattr(page, "ready", None)
    problem = ready(library) if ready else None
    if problem:
        st.session_state[_NAV_PROBLEM] = problem
        return
    go_to(index + 1)
