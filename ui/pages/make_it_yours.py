"""Make it yours: when, who can help, an if-then plan and how sure the person feels."""

from __future__ import annotations

import datetime

import streamlit as st

from goal_library.models import Library
from planner.editing import PlanEditError, make_smaller, smaller_offer, update_details
from planner.models import SHORT_TEXT_MAX_CHARS, Plan, PlanStep
from ui.components.choice import radio_choice
from ui.components.text_answer import text_answer
from ui.plan_state import current_plan, flash, save_plan, take_flash
from ui.text import escape_markdown

TITLE = "Make it yours"
REVIEW_DATE = "answer_review_date"
REVIEW_AFTER_DAYS = 14
_CONFIDENCE = {n: str(n) for n in range(11)}


def render(library: Library) -> None:
    plan = current_plan()
    if plan is None or not plan.steps:
        st.warning("There are no steps yet. Go back to add one.", icon=":material/info:")
        return
    message = take_flash()
    if message:
        st.info(message, icon=":material/info:")
    st.markdown("For each step, decide together how it will work for you.")
    for step in plan.steps:
        plan = _step_details(plan, step, library)
    save_plan(plan)
    _review_date(plan)


def _step_details(plan: Plan, step: PlanStep, library: Library) -> Plan:
    with st.container(border=True, key=f"details_{step.id}"):
        st.markdown(f"## {escape_markdown(step.title)}")
        answers = {}
        for field, label, placeholder in (
            ("when", "When, and how often?", "For example: Every morning after breakfast"),
            ("who_can_help", "Who can help?", "For example: My sister, my support worker"),
            (
                "if_then",
                "If something gets in the way, then what will you do?",
                "If I feel too anxious on the day, then I will ...",
            ),
        ):
            key = f"step_{step.id}_{field}"
            st.session_state.setdefault(key, getattr(step, field))
            answers[field] = text_answer(
                key, label, max_chars=SHORT_TEXT_MAX_CHARS, multiline=False, placeholder=placeholder
            )
        confidence_key = f"step_{step.id}_confidence"
        st.session_state.setdefault(confidence_key, step.confidence)
        confidence = radio_choice(
            confidence_key,
            "How sure do you feel you can do this, 0 to 10?",
            _CONFIDENCE,
            horizontal=True,
        )
        plan = update_details(plan, step.id, confidence=confidence, **answers)
        updated = next(s for s in plan.steps if s.id == step.id)
        offer = smaller_offer(plan, updated, library)
        if offer is not None:
            st.info(
                "That's OK. A smaller step can feel better. "
                f"The smaller version is: {escape_markdown(offer.title)}",
                icon=":material/info:",
            )
            st.button(
                "Use the smaller step",
                key=f"use_smaller_{step.id}",
                on_click=_use_smaller,
                args=(step.id, library),
            )
    return plan


def _use_smaller(step_id: str, library: Library) -> None:
    plan = current_plan()
    if plan is None:
        return
    try:
        save_plan(make_smaller(plan, step_id, library))
    except PlanEditError as error:
        flash(str(error))


def _review_date(plan: Plan) -> None:
    st.header("When shall we look at this again?")
    today = datetime.date.today()
    if REVIEW_DATE not in st.session_state:
        st.session_state[REVIEW_DATE] = plan.review_on or today + datetime.timedelta(
            days=REVIEW_AFTER_DAYS
        )
    st.date_input("Review date", key=REVIEW_DATE, min_value=today, format="DD/MM/YYYY")
    save_plan(plan.model_copy(update={"review_on": st.session_state[REVIEW_DATE]}))
