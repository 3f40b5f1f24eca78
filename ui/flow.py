"""The appointment as one page at a time, with a progress line and Back / Continue.

Each run: bring back the draft (first run only), show any notices, draw the page inside a
guard (a failure on a page is a plain message, and Back and Continue still work), then keep
the draft.
"""

from __future__ import annotations

from types import ModuleType

import streamlit as st

from goal_library.models import Library
from planner.editing import PlanEditError
from planner.errors import InputError
from ui.components.draft_keeper import keep_draft, restore_or_start
from ui.components.notice import notice
from ui.components.page_change import QUESTION_LINK, page_shown
from ui.components.statement_link import reading_statement, show_statement, statement_button
from ui.guard import plain_message
from ui.pages import (
    about_you,
    agree_and_print,
    how_did_it_go,
    make_it_yours,
    progress,
    start,
    strengths,
    suggested_steps,
    what_has_changed,
    what_makes_things_harder,
    where_you_are_now,
)
from ui.session import appointment, go_to_page, notify, take_notices
from ui.sign_in import current_coach, sign_out_button
from ui.text import escape_markdown

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
    what_has_changed,
    progress,
    suggested_steps,
    make_it_yours,
    agree_and_print,
)
_NAV_PROBLEM = "nav_problem"


def active_pages() -> tuple[ModuleType, ...]:
    """The pages of this appointment: a new plan, or a review of a saved one."""
    return REVIEW_PAGES if appointment().review is not None else PAGES


def current_page_index() -> int:
    return min(appointment().page, len(active_pages()) - 1)


def go_to(index: int) -> None:
    go_to_page(index, len(active_pages()))


def run(library: Library) -> None:
    restore_or_start(library)
    if reading_statement():
        show_statement("Back to the appointment")
        return
    pages = active_pages()
    index = current_page_index()
    page = pages[index]
    if index > 0:
        st.caption(f"Step {index} of {len(pages) - 1}")
        st.progress(index / (len(pages) - 1))
    st.title(page.TITLE, anchor=False)
    problem = st.session_state.pop(_NAV_PROBLEM, None)
    if problem:
        # At the top, where focus goes, with a link to the question (as GOV.UK does).
        with st.container(key="problem_summary"):
            notice(problem, "warning")
            st.markdown(f"[Go to the question]({QUESTION_LINK})")
    # Messages go just under the title, whether they came from the last click, from drawing
    # this page or from keeping the draft at the end.
    messages = st.container()
    try:
        page.render(library)
    except Exception as error:  # a page that fails still lets the person go on
        guidance = isinstance(error, InputError | PlanEditError)
        notify(plain_message(error, "showing this page"), "warning" if guidance else "error")
    try:
        _navigation(index, pages, library)
        _footer()
        place = (appointment().id, appointment().review is not None, index)
        page_shown(page.TITLE, place, problem=bool(problem))
    finally:
        # Last, once the whole page is on its way to the browser, which draws it while the
        # draft is written; what keeping it had to say still goes under the title.
        keep_draft()
    with messages:
        for kind, message in take_notices():
            notice(message, kind)


def _footer() -> None:
    coach = current_coach()
    if coach is not None:
        st.caption(escape_markdown(f"Signed in, {coach.office} office."))
        sign_out_button()
    statement_button()


# Wide enough to hit easily (WCAG 2.2 target size), and the same for both.
_NAV_BUTTON_WIDTH = 160


def _navigation(index: int, pages: tuple[ModuleType, ...], library: Library) -> None:
    st.divider()
    # Back at the left and Continue at the right, in one block (columns drew four).
    row = st.container(horizontal=True, horizontal_alignment="distribute", key="navigation")
    row.button(
        "Back",
        key="nav_back",
        on_click=go_to,
        args=(index - 1,),
        disabled=index == 0,
        width=_NAV_BUTTON_WIDTH,
    )
    if index < len(pages) - 1:
        row.button(
            "Continue",
            key="nav_continue",
            type="primary",
            on_click=_continue,
            args=(index, pages[index], library),
            width=_NAV_BUTTON_WIDTH,
        )


def _continue(index: int, page: ModuleType, library: Library) -> None:
    ready = getattr(page, "ready", None)
    problem = ready(library) if ready else None
    if problem:
        st.session_state[_NAV_PROBLEM] = problem
        return
    go_to(index + 1)
