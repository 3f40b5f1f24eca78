"""About you: the name the person likes to be called, and what matters to them."""

from __future__ import annotations

import streamlit as st

from goal_library.models import Library
from planner.models import NAME_MAX_CHARS, OWN_WORDS_MAX_CHARS
from ui.components.choice import radio_choice
from ui.components.ordered_choice import ordered_choice
from ui.components.text_answer import text_answer
from ui.components.word_prompts import WORK_SITUATION_KEY
from ui.guard import guarded
from ui.labels import WORK_SITUATION_LABELS
from ui.session import appointment, update_answers, widget_key

TITLE = "About you"


def render(library: Library) -> None:
    answers = appointment().answers
    text_answer(
        "name",
        "What would you like us to call you? (You can leave this blank.)",
        value=answers.preferred_name,
        save=lambda text: update_answers(preferred_name=text),
        max_chars=NAME_MAX_CHARS,
        multiline=False,
    )
    text_answer(
        "hopes",
        "What matters to you right now? Use your own words.",
        value=answers.hopes,
        save=lambda text: update_answers(hopes=text),
        max_chars=OWN_WORDS_MAX_CHARS,
        placeholder="For example: feeling less alone, sleeping better, getting out more",
    )
    ordered_choice(
        "aims",
        "What would you like to work towards? Choose as many as you like, the most important "
        "first. Your first choice leads your plan.",
        [(aim.id, aim.label) for aim in library.aims],
        chosen=answers.aims,
        save=lambda aims: update_answers(aims=aims),
    )
    radio_choice(
        WORK_SITUATION_KEY,
        "What about work right now? (You can leave this blank.)",
        WORK_SITUATION_LABELS,
        value=answers.work_situation,
        save=lambda situation: update_answers(
            work_situation=situation,
            work_hours=answers.work_hours if situation == "in_work" else None,
        ),
    )
    if appointment().answers.work_situation == "in_work":
        _work_hours(appointment().answers.work_hours)


def _work_hours(hours: int | None) -> None:
    key = widget_key("work_hours")
    if key not in st.session_state:
        st.session_state[key] = hours

    def keep() -> None:
        with guarded("keeping your answer"):
            update_answers(work_hours=st.session_state[key])

    st.number_input(
        "About how many hours a week? (You can leave this blank.)",
        min_value=1,
        max_value=80,
        step=1,
        key=key,
        on_change=keep,
    )
