"""Where you are now: the overall stage in plain words, and stages for single life areas."""

from __future__ import annotations

import streamlit as st

from goal_library.models import AREA_IDS, Library
from ui.answers import SAME_AS_OVERALL, STAGE, area_stage_key
from ui.components.choice import dropdown_choice, radio_choice
from ui.labels import AREA_LABELS

TITLE = "Where you are now"


def render(library: Library) -> None:
    radio_choice(
        STAGE,
        "Which of these feels most like you at the moment?",
        {stage.stage: stage.description for stage in library.stages},
    )
    st.caption("Recovery is not a straight line. It is fine to move back a step, too.")
    with st.expander("Adjust for a life area (optional)"):
        st.markdown("Some parts of life can feel harder or easier than others.")
        choices = {SAME_AS_OVERALL: "Same as above"} | {
            stage.stage: f"{stage.stage}. {stage.title}" for stage in library.stages
        }
        for area in AREA_IDS:
            dropdown_choice(
                area_stage_key(area), AREA_LABELS[area], choices, default=SAME_AS_OVERALL
            )


def ready(library: Library) -> str | None:
    if st.session_state.get(STAGE) is None:
        return "Please choose the sentence that fits best, then press Continue."
    return None
