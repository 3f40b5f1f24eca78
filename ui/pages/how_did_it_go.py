"""How did it go: for each step of the last plan, how it went, in the person's words too."""

from __future__ import annotations

import streamlit as st

from goal_library.models import Library
from planner.models import OWN_WORDS_MAX_CHARS, SHORT_TEXT_MAX_CHARS
from planner.review import OUTCOME_LABELS
from ui.components.choice import radio_choice
from ui.components.text_answer import text_answer
from ui.review_state import WENT_WELL, outcome_key, plan_under_review, words_key
from ui.text import escape_markdown

TITLE = "How did it go?"


def render(library: Library) -> None:
    plan = plan_under_review()
    if plan is None:
        st.warning("There is no plan to look at. Go back to open one.", icon=":material/info:")
        return
    st.markdown(
        "Let's look at each step together. There are no wrong answers: "
        "every step teaches us something about what helps."
    )
    for step in plan.steps:
        with st.container(border=True, key=f"review_{step.id}"):
            st.markdown(f"## {escape_markdown(step.title)}")
            radio_choice(outcome_key(step.id), "How did it go?", OUTCOME_LABELS, horizontal=True)
            text_answer(
                words_key(step.id),
                "Anything you want to say about it? (optional)",
                max_chars=SHORT_TEXT_MAX_CHARS,
                multiline=False,
            )
    text_answer(WENT_WELL, "What went well since last time?", max_chars=OWN_WORDS_MAX_CHARS)


def ready(library: Library) -> str | None:
    plan = plan_under_review()
    if plan is not None and any(not st.session_state.get(outcome_key(s.id)) for s in plan.steps):
        return "Please choose how each step went. 'Not yet' is fine."
    return None
