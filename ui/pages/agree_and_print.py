"""Agree and print: the whole plan to read through together, the downloads, and a clean finish."""

from __future__ import annotations

import datetime

import streamlit as st

from goal_library.models import Library
from planner.document import Section, plan_sections
from planner.html_copy import render_html
from planner.models import Plan
from planner.pdf import render_pdf
from store.errors import StoreUnavailable
from ui.appointment import fingerprint
from ui.components.draft_keeper import finish, saving_available
from ui.components.notice import notice
from ui.guard import guarded
from ui.plan_state import current_plan
from ui.session import appointment, mark_plan_saved, take_notices, update, widget_key
from ui.sign_in import current_coach
from ui.store_cache import plan_store
from ui.text import escape_markdown

TITLE = "Agree and print"
_SAVE_PANEL = "save_plan"
_CONFIRM_FINISH = "confirm_finish"


def render(library: Library) -> None:
    plan = current_plan()
    if plan is None:
        notice("There is no plan yet. Go back to build one.", "warning")
        _finish_panel()
        return
    st.markdown("Read the plan through together. Change anything with **Back**.")
    with st.container(border=True, key="plan_preview"):
        for section in plan_sections(plan, library, datetime.date.today(), with_reasons=True):
            _show(section)
    _save_panel(plan)
    plan = current_plan() or plan
    large_key = widget_key("large_print")
    if large_key not in st.session_state:
        st.session_state[large_key] = appointment().large_print
    large_print = st.checkbox(
        "Large print (18 point text)",
        key=large_key,
        on_change=lambda: update(large_print=bool(st.session_state[large_key])),
    )
    today = datetime.date.today()
    if not plan.reference:
        st.markdown(
            "This plan is not saved yet, so a copy made now says it has no reference. "
            "Save it first to have the reference printed on it."
        )
    st.download_button(
        "Download plan (PDF)",
        # Made when the button is pressed, not on every rerun of this page.
        data=lambda: render_pdf(plan, library, today, large_print=large_print),
        file_name=f"right-steps-plan-{today.isoformat()}.pdf",
        mime="application/pdf",
        key="download_plan",
        type="primary",
        on_click=_mark_downloaded,
    )
    st.download_button(
        "Download an accessible copy (web page)",
        data=lambda: render_html(plan, library, today, large_print=large_print).encode("utf-8"),
        file_name=f"right-steps-plan-{today.isoformat()}.html",
        mime="text/html",
        key="download_plan_html",
        on_click=_mark_downloaded,
        help="A simple web page of the same plan, for screen readers and for changing text size.",
    )
    _finish_panel()


def _mark_downloaded() -> None:
    plan = current_plan()
    if plan is not None:
        update(downloaded_as=fingerprint(plan))


def _finish_panel() -> None:
    st.divider()
    st.markdown("When you have your copy, finish to clear everything from this screen.")
    if not st.session_state.get(_CONFIRM_FINISH):
        st.button("Finish and clear", key="finish_and_clear", on_click=_finish_or_ask)
        return
    # Asked in place, where the button was: what would be lost, then the safe choice first.
    with st.container(border=True, key="confirm_finish"):
        st.subheader("Clear everything?", anchor=False)
        for sentence in appointment().would_lose():
            st.markdown(sentence)
        st.markdown("Once it is cleared, it cannot be got back.")
        row = st.container(horizontal=True, key="confirm_finish_buttons")
        row.button("Keep the plan", key="finish_cancel", type="primary", on_click=_keep)
        row.button("Clear everything", key="finish_confirm", on_click=_finish_now)


def _finish_or_ask() -> None:
    if appointment().would_lose():
        st.session_state[_CONFIRM_FINISH] = True
    else:
        finish()


def _keep() -> None:
    st.session_state.pop(_CONFIRM_FINISH, None)


def _finish_now() -> None:
    st.session_state.pop(_CONFIRM_FINISH, None)
    finish()


def _show(section: Section) -> None:
    if section.heading:
        st.header(escape_markdown(section.heading), anchor=False)
    for paragraph in section.paragraphs:
        st.markdown(escape_markdown(paragraph))
    if section.bullets:
        st.markdown("\n".join(f"- {escape_markdown(item)}" for item in section.bullets))
    if section.numbered:
        st.markdown(
            "\n".join(
                f"{number}. {escape_markdown(item)}"
                for number, item in enumerate(section.numbered, start=1)
            )
        )
    for step in section.steps:
        st.markdown(f"**{escape_markdown(step.title)}**")
        st.markdown(
            "\n".join(
                f"- {escape_markdown(label)}: {escape_markdown(text)}"
                for label, text in step.details
            )
        )
    for paragraph in section.after:
        st.markdown(escape_markdown(paragraph))


def _save_panel(plan: Plan) -> None:
    """Save the agreed plan as a new version, so it can be opened again at the next appointment."""
    st.header("Keep this plan for next time", anchor=False)
    if appointment().plan_is_saved():
        notice(
            f"Saved. The plan reference is {plan.reference}. It is printed on the plan.",
            "success",
        )
        return
    st.markdown(
        "Saving keeps this plan so we can look at it together next time. "
        "You can ask for it to be deleted at any time."
    )
    problems = take_notices(_SAVE_PANEL)
    if not saving_available() and not problems:
        notice(StoreUnavailable.coach_message, "warning")
    label = "Save changes as a new version" if plan.reference else "Save plan"
    if st.button(label, key="save_plan", type="primary"):
        with guarded("saving the plan", _SAVE_PANEL):
            saved = plan_store().save(plan, reference=plan.reference, who=current_coach())
            mark_plan_saved(saved.plan or plan)
        st.rerun()
    for kind, message in problems:
        notice(message, kind)
