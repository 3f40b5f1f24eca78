"""The appointment as one page at a time, with a Back link, a progress line and Continue.

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
from ui.components.page_change import page_shown
from ui.components.problems import Problem, error_summary, problems_on, start_checking
from ui.components.statement_link import reading_statement, show_statement, statement_button
from ui.guard import plain_message
from ui.pages import (
    about_you,
    check_your_plan,
    how_did_it_go,
    make_it_yours,
    plan_agreed,
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
    check_your_plan,
    plan_agreed,
)
REVIEW_PAGES: tuple[ModuleType, ...] = (
    start,
    how_did_it_go,
    where_you_are_now,
    what_has_changed,
    progress,
    suggested_steps,
    make_it_yours,
    check_your_plan,
    plan_agreed,
)
# Set when Continue has just found a problem, so focus goes to the summary once.
_JUST_STOPPED = "continue_stopped"
# The page a Change link came from (GOV.UK's check-answers pattern returns there on Continue).
_COME_BACK_TO = "come_back_to"


def active_pages() -> tuple[ModuleType, ...]:
    """The pages of this appointment: a new plan, or a review of a saved one."""
    return REVIEW_PAGES if appointment().review is not None else PAGES


def current_page_index() -> int:
    return min(appointment().page, len(active_pages()) - 1)


def go_to(index: int) -> None:
    go_to_page(index, len(active_pages()))


def go_to_page_named(name: str) -> None:
    """Go to the page whose module is `name` (agreeing the plan)."""
    names = [page.__name__.rsplit(".", 1)[-1] for page in active_pages()]
    if name in names:
        go_to(names.index(name))


def change_answer(name: str) -> None:
    """A Change link: go to the page that asks it; its Continue comes straight back."""
    st.session_state[_COME_BACK_TO] = current_page_index()
    go_to_page_named(name)


def run(library: Library) -> None:
    restore_or_start(library)
    if reading_statement():
        show_statement("Back to the appointment")
        return
    pages = active_pages()
    index = current_page_index()
    page = pages[index]
    if index > 0:
        _back_link(index)
    # The confirmation is not a step of its own: it says the plan is agreed.
    steps = len(pages) - 2
    if 0 < index <= steps:
        st.caption(f"Step {index} of {steps}")
        st.progress(index / steps)
    place = _place(index)
    problems = problems_on(place, _problems(page, library))
    just_stopped = bool(st.session_state.pop(_JUST_STOPPED, None)) and bool(problems)
    if problems:
        error_summary(problems)  # above the title, as GOV.UK places it
    st.title(page.TITLE, anchor=False)
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
        page_shown(page.TITLE, place, problem=just_stopped)
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


# Wide enough to hit easily (WCAG 2.2 target size).
_NAV_BUTTON_WIDTH = 160


def _back_link(index: int) -> None:
    # GOV.UK puts Back as a link above everything else on the page.
    st.button(
        "Back",
        key="nav_back",
        type="tertiary",
        icon=":material/chevron_left:",
        on_click=_back,
        args=(index,),
    )


def _back(index: int) -> None:
    st.session_state.pop(_COME_BACK_TO, None)  # going back is walking the pages again
    go_to(index - 1)


def _navigation(index: int, pages: tuple[ModuleType, ...], library: Library) -> None:
    label = getattr(pages[index], "CONTINUE", "Continue")
    if label is None or index >= len(pages) - 1:
        return  # the page has buttons of its own
    st.divider()
    st.button(
        label,
        key="nav_continue",
        type="primary",
        on_click=_continue,
        args=(index, pages[index], library),
        width=_NAV_BUTTON_WIDTH,
    )


def _place(index: int) -> tuple[object, ...]:
    """Which page of which appointment this is."""
    return (appointment().id, appointment().review is not None, index)


def _problems(page: ModuleType, library: Library) -> list[Problem]:
    ready = getattr(page, "ready", None)
    return ready(library) if ready else []


def _continue(index: int, page: ModuleType, library: Library) -> None:
    if _problems(page, library):
        start_checking(_place(index))
        st.session_state[_JUST_STOPPED] = True
        return
    come_back_to = st.session_state.pop(_COME_BACK_TO, None)
    go_to(come_back_to if isinstance(come_back_to, int) and come_back_to > index else index + 1)
