"""The person's answers as kept in the session, and the profile they make.

Pages show the components that own these keys; this module only reads them.
"""

from __future__ import annotations

import streamlit as st

from goal_library.models import AREA_IDS, Library
from planner.inputs import InputError, profile_from_data
from planner.models import Profile

NATION = "answer_nation"
NAME = "answer_name"
HOPES = "answer_hopes"
AIMS = "answer_aims"
STAGE = "answer_stage"
STRENGTHS = "answer_strengths"
STRENGTHS_WORDS = "answer_strengths_words"
BARRIERS = "answer_barriers"
BARRIERS_WORDS = "answer_barriers_words"
SAME_AS_OVERALL = 0


def area_stage_key(area: str) -> str:
    return f"answer_area_stage_{area}"


def current_profile(library: Library) -> Profile:
    """The profile from the answers so far. Raises InputError with a plain message if unusable."""
    state = st.session_state
    area_stages = {
        area: state[area_stage_key(area)]
        for area in AREA_IDS
        if state.get(area_stage_key(area), SAME_AS_OVERALL) != SAME_AS_OVERALL
    }
    if state.get(STAGE) is None:
        raise InputError("Please choose where you are now first.")
    return profile_from_data(
        {
            "preferred_name": state.get(NAME, ""),
            "stage": state[STAGE],
            "area_stages": area_stages,
            "aims": state.get(AIMS, []),
            "strengths": state.get(STRENGTHS, []),
            "barriers": state.get(BARRIERS, []),
            "strengths_own_words": state.get(STRENGTHS_WORDS, ""),
            "barriers_own_words": state.get(BARRIERS_WORDS, ""),
            "hopes": state.get(HOPES, ""),
            "nation": state.get(NATION, "england"),
        },
        library,
    )
