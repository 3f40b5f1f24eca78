"""Make it yours: when, who can help, an if-then plan and how sure the person feels."""

from __future__ import annotations

import datetime

import streamlit as st

from goal_library.models import Library
from planner.dates import default_review_date, is_weekday
from planner.editing import make_smaller, revised_plan, smaller_offer, update_details
from planner.models import LATEST_DATE, SHORT_TEXT_MAX_CHARS, PlanStep
from ui.components.choice import radio_choice
from ui.components.notice import notice
from ui.components.step_card import edit_plan
from ui.components.text_answer import text_answer
from ui.guard import guarded
from ui.plan_state import current_plan
from ui.session import notify, set_plan, take_notices, widget_key
from ui.text import escape_markdown

TITLE = "Make it yours"
REVIEW_AFTER_DAYS = 14
# A review is weeks away, not years: the date box offers the next year.
LATEST_REVIEW_DAYS = 366
PAST_REVIEW_DATE = "The review date has passed. Please choose a new date."
WEEKEND_REVIEW_DATE = "That day is a {day}. Please choose a weekday, when the Jobcentre is open."
_REVIEW_DATE = "review_date"
_CONFIDENCE = {n: str(n) for n in range(11)}
OPTIONAL_DETAILS = "Who can help, and what if something gets in the way (you can leave these)"
_DETAILS = (
    ("when", "When, and how often?", "For example: Every morning after breakfast"),
    ("who_can_help", "Who can help?", "For example: My sister, my support worker"),
    (
        "if_then",
        "If something gets in the way, then what will you do?",
        "If I feel too anxious on the day, then I will ...",
    ),
)


def render(library: Library) -> None:
    plan = current_plan()
    if plan is None or not plan.steps:
        notice("There are no steps yet. Go back to add one.", "warning")
        return
    st.markdown("For each step, decide together how it will work for you.")
    for step in plan.steps:
        _step_details(step, library)
    _review_date()


def _step_details(step: PlanStep, library: Library) -> None:
    with st.container(border=True, key=f"details_{step.id}"):
        st.header(escape_markdown(step.title), anchor=False)
        when, *optional = _DETAILS
        _detail(step, *when)
        # The rest is optional, folded unless something is written there already.
        filled = any(getattr(step, field) for field, _, _ in optional)
        with st.expander(OPTIONAL_DETAILS, expanded=filled):
            for detail in optional:
                _detail(step, *detail)
        radio_choice(
            f"step_{step.id}_confidence",
            "How sure do you feel you can do this, 0 to 10?",
            _CONFIDENCE,
            value=step.confidence,
            save=lambda number: _set_detail(step.id, confidence=number),
            horizontal=True,
        )
        plan = current_plan()
        updated = next((s for s in plan.steps if s.id == step.id), None) if plan else None
        offer = smaller_offer(plan, updated, library) if plan and updated else None
        if offer is not None:
            st.info(
                "That's OK. A smaller step can feel better. "
                f"The smaller version is: {escape_markdown(offer.title)}",
                icon=":material/info:",
            )
            st.button(
                "Use the smaller step",
                key=f"use_smaller_{step.id}",
                on_click=edit_plan,
                args=(lambda p: make_smaller(p, step.id, library), "making the step smaller"),
            )


def _detail(step: PlanStep, field: str, label: str, placeholder: str) -> None:
    text_answer(
        f"step_{step.id}_{field}",
        label,
        value=getattr(step, field),
        save=lambda text: _set_detail(step.id, **{field: text}),
        max_chars=SHORT_TEXT_MAX_CHARS,
        multiline=False,
        placeholder=placeholder,
    )


def _set_detail(step_id: str, **changes: object) -> None:
    plan = current_plan()
    if plan is not None:
        set_plan(update_details(plan, step_id, **changes))  # type: ignore[arg-type]


def _review_date() -> None:
    st.header("When shall we look at this again?", anchor=False)
    plan = current_plan()
    if plan is None:
        return
    today = datetime.date.today()
    chosen = plan.review_on
    if chosen is None:
        chosen = default_review_date(today, REVIEW_AFTER_DAYS)
        with guarded("setting the review date"):
            set_plan(revised_plan(plan, review_on=chosen))
    latest = min(today + datetime.timedelta(days=LATEST_REVIEW_DAYS), LATEST_DATE)
    # A date kept from an earlier day may have passed: show it as it is, and ask for a new one,
    # rather than refuse to draw the page.
    if chosen < today:
        notice(PAST_REVIEW_DATE, "warning")
    key = widget_key("review_date")
    if key not in st.session_state:
        st.session_state[key] = chosen
    st.date_input(
        "Review date",
        key=key,
        min_value=min(today, chosen),
        max_value=max(latest, chosen),
        format="DD/MM/YYYY",
        on_change=_keep_review_date,
        args=(key,),
    )
    for kind, message in take_notices(_REVIEW_DATE):
        notice(message, kind)


def _keep_review_date(key: str) -> None:
    plan = current_plan()
    day = st.session_state.get(key)
    if plan is None or not isinstance(day, datetime.date):
        return
    if not is_weekday(day):
        # Put back the date kept, and say why, beside the question.
        if plan.review_on is not None:
            st.session_state[key] = plan.review_on
        notify(WEEKEND_REVIEW_DATE.format(day=day.strftime("%A")), "error", _REVIEW_DATE)
        return
    with guarded("setting the review date"):
        set_plan(revised_plan(plan, review_on=day))
