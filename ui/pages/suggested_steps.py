"""Suggested steps: the draft plan as cards, and ways to add steps by hand."""

from __future__ import annotations

import datetime

import streamlit as st

from goal_library.models import AREA_IDS, Library
from planner.editing import PlanEditError, add_library_step, add_own_step, library_options
from planner.inputs import InputError
from planner.models import SHORT_TEXT_MAX_CHARS, Plan
from planner.review import review_plan
from planner.suggest import build_plan
from ui.answers import current_profile
from ui.components.choice import dropdown_choice
from ui.components.step_card import step_card
from ui.components.text_answer import clear_text_answer, text_answer
from ui.labels import AREA_LABELS
from ui.plan_state import current_plan, ensure_plan, flash, save_plan, take_flash
from ui.review_state import plan_under_review, review_answers

TITLE = "Suggested steps"
_ADD_AREA = "add_library_area"
_ADD_STEP = "add_library_step"
_OWN_AREA = "add_own_area"
_OWN_TEXT = "add_own_text"


def render(library: Library) -> None:
    try:
        plan = draft_for_answers(library)
    except InputError as error:
        st.warning(str(error), icon=":material/info:")
        return
    message = take_flash()
    if message:
        st.info(message, icon=":material/info:")
    st.markdown(
        "Here are a few small steps that could suit you now. Change anything that does not "
        "feel right. It is your plan."
    )
    for note in plan.notes:
        st.info(note, icon=":material/favorite:")
    if not plan.steps:
        st.markdown("There are no steps in the plan yet. You can add one below.")
    for step in plan.steps:
        step_card(step, plan, library)

    st.header("Add a step")
    _add_from_library(library)
    _add_own_step()


def draft_for_answers(library: Library) -> Plan:
    """A fresh draft for a new plan, or the next plan from a review, for the answers so far."""
    profile = current_profile(library)
    reviewed = plan_under_review()
    if reviewed is None:
        return ensure_plan(profile, lambda: build_plan(profile, library))
    outcomes, words, went_well = review_answers(reviewed)
    answers = (profile, tuple(sorted(outcomes.items())), tuple(sorted(words.items())), went_well)
    return ensure_plan(
        answers,
        lambda: review_plan(
            reviewed.model_copy(update={"profile": profile}),
            outcomes,  # type: ignore[arg-type]
            library,
            datetime.date.today(),
            what_went_well=went_well,
            outcome_words=words,
        ),
    )


def _add_from_library(library: Library) -> None:
    with st.expander("Add a step from the list"):
        area = dropdown_choice(_ADD_AREA, "Life area", AREA_LABELS, default=AREA_IDS[0])
        plan = current_plan()
        options = library_options(plan, area, library) if plan else []
        if not options:
            st.markdown("There are no more steps in this area that fit right now.")
            return
        titles = {option.id: option.title for option in options}
        if st.session_state.get(_ADD_STEP) not in titles:
            st.session_state.pop(_ADD_STEP, None)
        st.selectbox("Step", list(titles), format_func=lambda i: titles[i], key=_ADD_STEP)
        st.button("Add this step", key="add_library_button", on_click=_add_library, args=(library,))


def _add_own_step() -> None:
    with st.expander("Add a step in your own words"):
        dropdown_choice(_OWN_AREA, "Life area", AREA_LABELS, default=AREA_IDS[0])
        text_answer(
            _OWN_TEXT,
            "Your step",
            max_chars=SHORT_TEXT_MAX_CHARS,
            multiline=False,
            placeholder="For example: Ring my sister on Sunday",
        )
        st.button("Add my step", key="add_own_button", on_click=_add_own)


def _add_library(library: Library) -> None:
    plan, step_id = current_plan(), st.session_state.get(_ADD_STEP)
    if plan is None or not step_id:
        return
    try:
        save_plan(add_library_step(plan, step_id, library))
    except PlanEditError as error:
        flash(str(error))


def _add_own() -> None:
    plan = current_plan()
    if plan is None:
        return
    try:
        save_plan(
            add_own_step(plan, st.session_state[_OWN_AREA], st.session_state.get(_OWN_TEXT, ""))
        )
    except PlanEditError as error:
        flash(str(error))
        return
    clear_text_answer(_OWN_TEXT)
