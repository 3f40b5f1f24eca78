"""The plan being reviewed, when an appointment is a review rather than a new plan."""

from __future__ import annotations

import streamlit as st

from goal_library.models import AREA_IDS
from planner.models import Plan
from ui import answers

_REVIEWING = "review_of"
OUTCOME_PREFIX = "review_outcome_"
WORDS_PREFIX = "review_words_"
WENT_WELL = "review_went_well"


def plan_under_review() -> Plan | None:
    return st.session_state.get(_REVIEWING)


def start_review(plan: Plan) -> None:
    """Begin reviewing a saved plan: its answers become the starting answers."""
    profile = plan.profile
    state = st.session_state
    state[_REVIEWING] = plan
    state[answers.NAME] = profile.preferred_name
    state[answers.HOPES] = profile.hopes
    state[answers.AIMS] = list(profile.aims)
    state[answers.STAGE] = profile.stage
    state[answers.STRENGTHS] = list(profile.strengths)
    state[answers.STRENGTHS_WORDS] = profile.strengths_own_words
    state[answers.BARRIERS] = list(profile.barriers)
    state[answers.BARRIERS_WORDS] = profile.barriers_own_words
    state[answers.NATION] = profile.nation
    for area in AREA_IDS:
        state[answers.area_stage_key(area)] = profile.area_stages.get(area, answers.SAME_AS_OVERALL)
    for key in [k for k in state if str(k).startswith(("plan", "_"))]:
        del state[key]


def outcome_key(step_id: str) -> str:
    return f"{OUTCOME_PREFIX}{step_id}"


def words_key(step_id: str) -> str:
    return f"{WORDS_PREFIX}{step_id}"


def review_answers(plan: Plan) -> tuple[dict[str, str], dict[str, str], str]:
    """(outcomes, the person's words per step, what went well) as answered so far."""
    state = st.session_state
    outcomes = {s.id: state[outcome_key(s.id)] for s in plan.steps if state.get(outcome_key(s.id))}
    words = {s.id: state.get(words_key(s.id), "") for s in plan.steps}
    return outcomes, {k: v for k, v in words.items() if v}, state.get(WENT_WELL, "")
