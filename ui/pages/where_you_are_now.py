"""Where you are now: the overall stage in plain words, and stages for single life areas."""

from __future__ import annotations

import streamlit as st

from goal_library.models import AREA_IDS, Library
from ui.components.choice import dropdown_choice, radio_choice
from ui.components.drawn_when_open import drawn_when_open
from ui.components.problems import Problem, question_box
from ui.labels import AREA_LABELS
from ui.session import appointment, update_answers

TITLE = "Where you are now"
SAME_AS_OVERALL = 0


def render(library: Library) -> None:
    answers = appointment().answers
    with question_box("stage"):
        radio_choice(
            "stage",
            "Which of these feels most like you at the moment?",
            {stage.stage: stage.description for stage in library.stages},
            value=answers.stage,
            save=lambda stage: update_answers(stage=stage),
        )
    st.caption("Recovery is not a straight line. It is fine to move back a step, too.")
    box = drawn_when_open("Adjust for a life area (optional)", "area_stages")
    if box is None:
        # Closed, the choices are not drawn: name the areas with a stage of their own, so
        # none is a surprise later.
        if answers.area_stages:
            titles = {stage.stage: stage.title for stage in library.stages}
            st.markdown("You chose a separate stage for:")
            st.markdown(
                "\n".join(
                    f"- {AREA_LABELS[area]}: {titles[answers.area_stages[area]]}"
                    for area in AREA_IDS
                    if area in answers.area_stages
                )
            )
        return
    with box:
        st.markdown("Some parts of life can feel harder or easier than others.")
        choices = {SAME_AS_OVERALL: "Same as above"} | {
            stage.stage: f"{stage.stage}. {stage.title}" for stage in library.stages
        }
        for area in AREA_IDS:
            dropdown_choice(
                f"area_stage_{area}",
                AREA_LABELS[area],
                choices,
                value=answers.area_stages.get(area, SAME_AS_OVERALL),
                save=lambda stage, area=area: _set_area_stage(area, stage),
            )


def _set_area_stage(area: str, stage: int) -> None:
    stages = dict(appointment().answers.area_stages)
    if stage == SAME_AS_OVERALL:
        stages.pop(area, None)
    else:
        stages[area] = stage
    update_answers(area_stages=stages)


def ready(library: Library) -> list[Problem]:
    if appointment().answers.stage is None:
        return [Problem("stage", "Choose the sentence that feels most like you at the moment")]
    return []
