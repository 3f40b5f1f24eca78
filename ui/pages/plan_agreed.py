"""Plan agreed (GOV.UK's confirmation pattern): the reference large and whole, what happens
next, who can see the plan, how long it is kept and how to have it deleted, the downloads, and a
clean finish that asks before anything unsaved is lost."""

from __future__ import annotations

import datetime

import streamlit as st

from goal_library.models import Library
from planner.document import format_date
from planner.html_copy import render_html
from planner.models import Plan
from planner.pdf import render_pdf
from store.settings import retention_days
from ui.appointment import fingerprint
from ui.components.draft_keeper import finish, saving_available
from ui.components.notice import notice
from ui.pages.check_your_plan import save_plan_now
from ui.plan_state import current_plan
from ui.session import appointment, take_notices, update, widget_key
from ui.sign_in import current_coach
from ui.text import escape_markdown

TITLE = "Plan agreed"
CONTINUE = None  # the last page: it ends with Finish and clear
_SAVE_PLACE = "save_on_confirmation"
_CONFIRM_FINISH = "confirm_finish"


def render(library: Library) -> None:
    plan = current_plan()
    if plan is None:
        notice("There is no plan yet. Go back to build one.", "warning")
        _finish_panel()
        return
    saved = appointment().plan_is_saved()
    if saved:
        _reference_panel(plan)
    else:
        _not_saved(plan)
    st.header("What happens next", anchor=False)
    if plan.review_on:
        st.markdown(
            f"We will look at the plan together on {format_date(plan.review_on)}. "
            "Bring your copy if you can. We will change any step that is not working."
        )
    else:
        st.markdown(
            "We will look at the plan together next time, and change any step that is not working."
        )
    if saved:
        _who_and_how_long()
    _downloads(plan, library)
    _finish_panel()


def _reference_panel(plan: Plan) -> None:
    with st.container(key="confirmation_panel"):
        st.markdown("Your plan is saved")
        st.markdown("Your reference is")
        # One unbroken piece (it is letters, digits and one hyphen), large, to copy or write down.
        st.markdown(f"**{escape_markdown(plan.reference or '')}**")
    st.markdown("The reference is printed on the plan. Quote it to see or change the plan later.")


def _not_saved(plan: Plan) -> None:
    notice(
        "This plan is not saved. You can still download or print it. "
        "Without saving, it cannot be opened again next time.",
        "info",
    )
    problems = take_notices(_SAVE_PLACE)
    if saving_available():
        st.button("Save the plan", key="save_plan_late", type="primary", on_click=_save)
    for kind, message in problems:
        notice(message, kind)


def _save() -> None:
    save_plan_now(_SAVE_PLACE)


def _who_and_how_long() -> None:
    coach = current_coach()
    st.header("Who can see your plan", anchor=False)
    if coach is not None:
        st.markdown(
            escape_markdown(
                f"Work coaches in the {coach.office} office can open it, using the reference. "
                "Nobody else can."
            )
        )
    else:
        st.markdown(
            "Work coaches who use this copy of Right Steps can open it, using the reference. "
            "It is not sent anywhere else."
        )
    days = retention_days()
    st.header("How long it is kept", anchor=False)
    st.markdown(
        f"It is kept for {days:,} days after it was last saved, and then deleted. "
        "Each time we look at it again and save it, that time starts again."
    )
    st.header("Having it deleted", anchor=False)
    st.markdown(
        "You can ask for your plan to be deleted at any time. Tell your work coach and give "
        "the reference. Every copy saved in Right Steps is deleted, and this cannot be undone. "
        "A copy you downloaded or printed is yours to keep."
    )


def _downloads(plan: Plan, library: Library) -> None:
    st.header("Your copy", anchor=False)
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
        st.markdown("A copy made now says it is not saved and has no reference.")
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
