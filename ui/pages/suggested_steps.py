"""Suggested steps: the draft plan as cards, and ways to add steps by hand."""

from __future__ import annotations

import datetime

import streamlit as st

from goal_library.models import AREA_IDS, Library
from planner.add_back import left_out_of_next_plan
from planner.editing import add_library_step, add_own_step, library_options
from planner.models import SHORT_TEXT_MAX_CHARS, Plan, PlanStep
from planner.review import review_plan
from planner.suggest import build_plan
from ui.appointment import fingerprint
from ui.components.choice import dropdown_choice, radio_choice
from ui.components.drawn_when_open import drawn_when_open
from ui.components.notice import notice
from ui.components.step_card import edit_plan, step_card
from ui.components.text_answer import clear_text_answer, text_answer
from ui.components.word_prompts import words_read_notice
from ui.labels import AREA_LABELS
from ui.plan_state import current_plan, ensure_plan
from ui.session import appointment, widget_key
from ui.text import escape_markdown

TITLE = "Suggested steps"
_ADD_AREA = "add_library_area"
_ADD_STEP = "add_library_step"
_OWN_AREA = "add_own_area"
_OWN_TEXT = "add_own_text"
_OWN_KEPT = "add_own_kept"
_LIST_KEPT = "add_library_kept"
OWN_AREA_MISSING = "Choose which part of life your step is about."


def render(library: Library) -> None:
    plan = draft_for_answers(library)
    st.markdown(
        "Here are a few small steps that could suit you now. Change anything that does not "
        "feel right. It is your plan."
    )
    for note in plan.notes:
        notice(note, "info", icon=":material/favorite:")
    words_read_notice(plan)
    if not plan.steps:
        st.markdown("There are no steps in the plan yet. You can add one below.")
    for step in plan.steps:
        step_card(step, plan, library)
    _left_out(plan, library)

    st.header("Add a step", anchor=False)
    _add_from_library(library)
    _add_own_step()


def draft_for_answers(library: Library) -> Plan:
    """A fresh draft for a new plan, or the next plan from a review, for the answers so far.

    Raises InputError (a plain message) while the answers are not ready for a plan.
    """
    current = appointment()
    profile = current.answers.profile(library)
    review = current.review
    if review is None:
        built_from = fingerprint({"profile": profile.model_dump(mode="json")})
        return ensure_plan(built_from, lambda: build_plan(profile, library), library)
    outcomes, words, went_well = review.answered()
    built_from = fingerprint(
        {
            "profile": profile.model_dump(mode="json"),
            "outcomes": outcomes,
            "words": words,
            "went_well": went_well,
        }
    )
    return ensure_plan(
        built_from,
        lambda: review_plan(
            review.plan.model_copy(update={"profile": profile}),
            outcomes,  # type: ignore[arg-type]
            library,
            datetime.date.today(),
            what_went_well=went_well,
            outcome_words=words,
        ),
        library,
    )


def _left_out(plan: Plan, library: Library) -> None:
    """At a review: steps of the last plan, not done and still wanted, that the new plan left
    out, each with a button to add it back (only those the rules would offer now)."""
    review = appointment().review
    if review is None:
        return
    outcomes, _, _ = review.answered()
    left_out = left_out_of_next_plan(review.plan, outcomes, plan, library)
    # What the rules would offer now, asked once for each area a left-out step is in.
    offered = {
        area: {option.id for option in library_options(plan, area, library)}
        for area in {step.area for step in left_out if not step.own_words}
    }
    missed = [step for step in left_out if step.own_words or step.id in offered[step.area]]
    if not missed:
        return
    st.header("Not in the new plan", anchor=False)
    st.markdown("These steps from your last plan are not in this one. You can add them back.")
    for step in missed:
        with st.container(key=f"left_out_{step.id}", border=True):
            st.markdown(f"**{escape_markdown(step.title)}**")
            st.button(
                "Add it back",
                key=f"add_back_{step.id}",
                icon=":material/add:",
                help="Add this step to the new plan",
                on_click=_add_back,
                args=(step, library),
            )


def _add_back(step: PlanStep, library: Library) -> None:
    if step.own_words:
        edit_plan(lambda plan: add_own_step(plan, step.area, step.title), "adding the step back")
    else:
        edit_plan(lambda plan: add_library_step(plan, step.id, library), "adding the step back")


def _add_from_library(library: Library) -> None:
    box = drawn_when_open("Add a step from the list", "add_library")
    if box is None:
        return
    # The area and step picked are kept outside the controls, which go while it is closed.
    kept = _kept(_LIST_KEPT)
    with box:
        area = dropdown_choice(
            _ADD_AREA,
            "Life area",
            AREA_LABELS,
            value=kept.get("area", AREA_IDS[0]),
            save=lambda picked: kept.update(area=picked),
        )
        plan = current_plan()
        options = library_options(plan, area, library) if plan else []
        if not options:
            st.markdown("There are no more steps in this area that fit right now.")
            return
        titles = {option.id: option.title for option in options}
        key = widget_key(_ADD_STEP)
        if st.session_state.get(key) not in titles:
            st.session_state.pop(key, None)
            if kept.get("step") in titles:
                st.session_state[key] = kept["step"]
        st.selectbox(
            "Step",
            list(titles),
            format_func=lambda i: titles[i],
            key=key,
            on_change=lambda: kept.update(step=st.session_state[key]),
        )
        st.button("Add this step", key="add_library_button", on_click=_add_library, args=(library,))


def _add_own_step() -> None:
    box = drawn_when_open("Add a step in your own words", "add_own")
    if box is None:
        return
    # The words and area are kept outside the controls, which go while the expander is
    # closed: words typed and not yet added are still there when it opens again.
    kept = _kept(_OWN_KEPT)
    with box:
        text_answer(
            _OWN_TEXT,
            "Your step",
            value=kept.get("title", ""),
            save=lambda title: kept.update(title=title),
            max_chars=SHORT_TEXT_MAX_CHARS,
            multiline=False,
            placeholder="For example: Ring my sister on Sunday",
        )
        # Asked, not assumed: a step filed under the wrong part of life is read in the wrong
        # place on the printed plan.
        if kept.get("problem"):
            notice(kept["problem"], "error")
        radio_choice(
            _OWN_AREA,
            "Which part of life is it about?",
            AREA_LABELS,
            value=kept.get("area"),
            save=lambda area: kept.update(area=area, problem=""),
        )
        st.button("Add my step", key="add_own_button", on_click=_add_own)


def _add_library(library: Library) -> None:
    step_id = st.session_state.get(widget_key(_ADD_STEP))
    if step_id:
        edit_plan(lambda plan: add_library_step(plan, step_id, library), "adding the step")


def _add_own() -> None:
    kept = _kept(_OWN_KEPT)
    area = st.session_state.get(widget_key(_OWN_AREA))
    title = st.session_state.get(widget_key(_OWN_TEXT), "")
    if area is None:
        kept["problem"] = OWN_AREA_MISSING
        return
    if edit_plan(lambda plan: add_own_step(plan, area, title), "adding your step"):
        clear_text_answer(_OWN_TEXT)
        kept.pop("title", None)
        kept["problem"] = ""


def _kept(name: str) -> dict:
    """What a closed expander's form had typed or picked, kept for this appointment."""
    return st.session_state.setdefault(widget_key(name), {})
