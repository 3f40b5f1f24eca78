"""What makes things harder: the barriers, plus the person's own words."""

from __future__ import annotations

import streamlit as st

from goal_library.models import Library
from planner.models import OWN_WORDS_MAX_CHARS
from ui.components.answer_lists import barrier_checklist
from ui.components.text_answer import text_answer
from ui.components.word_prompts import word_prompt_panel
from ui.session import appointment, update_answers

TITLE = "What makes things harder"


def render(library: Library) -> None:
    answers = appointment().answers
    st.markdown(
        "Tick anything that makes things harder at the moment. "
        "This helps us leave out steps that would not work for you right now."
    )
    barrier_checklist(library)
    text_answer(
        "barriers_words",
        "Anything else that makes things harder? Use your own words.",
        value=answers.barriers_own_words,
        save=lambda text: update_answers(barriers_own_words=text),
        max_chars=OWN_WORDS_MAX_CHARS,
    )
    word_prompt_panel(("barriers", "strengths", "check", "work_situation", "language"), library)
