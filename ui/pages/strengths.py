"""Your strengths: the catalogue, grouped and quick to tick, plus the person's own words."""

from __future__ import annotations

import streamlit as st

from goal_library.models import Library
from planner.models import OWN_WORDS_MAX_CHARS
from ui.components.answer_lists import strength_checklist
from ui.components.text_answer import text_answer
from ui.components.word_prompts import word_prompt_panel
from ui.session import appointment, update_answers

TITLE = "Your strengths"


def render(library: Library) -> None:
    answers = appointment().answers
    st.markdown("Tick anything that sounds like you, or that helps you. Tick as many as you like.")
    strength_checklist(library)
    text_answer(
        "strengths_words",
        "Anything else you are good at, enjoy, or that helps you? Use your own words.",
        value=answers.strengths_own_words,
        save=lambda text: update_answers(strengths_own_words=text),
        max_chars=OWN_WORDS_MAX_CHARS,
    )
    word_prompt_panel(("strengths", "check"), library)
