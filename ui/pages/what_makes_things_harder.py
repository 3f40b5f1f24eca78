"""What makes things harder: the barriers, plus the person's own words."""

from __future__ import annotations

import streamlit as st

from goal_library.models import Library
from planner.models import OWN_WORDS_MAX_CHARS
from ui.answers import BARRIERS, BARRIERS_WORDS
from ui.components.checklist import checklist
from ui.components.text_answer import text_answer

TITLE = "What makes things harder"


def render(library: Library) -> None:
    st.markdown(
        "Tick anything that makes things harder at the moment. "
        "This helps us leave out steps that would not work for you right now."
    )
    checklist(BARRIERS, [(None, [(b.id, b.label) for b in library.barriers])])
    text_answer(
        BARRIERS_WORDS,
        "Anything else that makes things harder? Use your own words.",
        max_chars=OWN_WORDS_MAX_CHARS,
    )
