"""Your strengths: the catalogue, grouped and quick to tick, plus the person's own words."""

from __future__ import annotations

import streamlit as st

from goal_library.models import Library
from planner.models import OWN_WORDS_MAX_CHARS
from ui.answers import STRENGTHS, STRENGTHS_WORDS
from ui.components.checklist import checklist
from ui.components.text_answer import text_answer
from ui.labels import STRENGTH_GROUP_LABELS

TITLE = "Your strengths"


def render(library: Library) -> None:
    st.markdown("Tick anything that sounds like you, or that helps you. Tick as many as you like.")
    groups = [
        (
            label,
            [(s.id, s.label) for s in library.strengths if s.group == group],
        )
        for group, label in STRENGTH_GROUP_LABELS.items()
    ]
    checklist(STRENGTHS, groups)
    text_answer(
        STRENGTHS_WORDS,
        "Anything else you are good at, enjoy, or that helps you? Use your own words.",
        max_chars=OWN_WORDS_MAX_CHARS,
    )
