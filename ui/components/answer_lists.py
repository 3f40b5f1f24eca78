"""The answers a person may change at any appointment: aims, work, strengths and barriers.

The pages that first ask them and the review page that asks what has changed draw them the
same way, from here.
"""

from __future__ import annotations

import datetime

import streamlit as st

from goal_library.models import Library
from ui.components.checklist import checklist
from ui.components.choice import radio_choice
from ui.components.ordered_choice import ordered_choice
from ui.components.word_prompts import WORK_SITUATION_KEY
from ui.guard import guarded
from ui.labels import STRENGTH_GROUP_LABELS, WORK_SITUATION_LABELS
from ui.session import appointment, update_answers, widget_key


def aims_choice(library: Library) -> None:
    ordered_choice(
        "aims",
        "What would you like to work towards? Choose as many as you like, the most important "
        "first. Your first choice leads your plan.",
        [(aim.id, aim.label) for aim in library.aims],
        chosen=appointment().answers.aims,
        save=lambda aims: update_answers(aims=aims),
    )


def work_situation_question() -> None:
    answers = appointment().answers
    radio_choice(
        WORK_SITUATION_KEY,
        "What about work right now? (You can leave this blank.)",
        WORK_SITUATION_LABELS,
        value=answers.work_situation,
        save=lambda situation: update_answers(
            work_situation=situation,
            work_hours=appointment().answers.work_hours if situation == "in_work" else None,
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


def strength_checklist(library: Library) -> None:
    groups = [
        (label, [(s.id, s.label) for s in library.strengths if s.group == group])
        for group, label in STRENGTH_GROUP_LABELS.items()
    ]
    checklist(
        "strengths",
        groups,
        ticked=appointment().answers.strengths,
        save=lambda ids: update_answers(strengths=ids),
    )


def barrier_checklist(library: Library) -> None:
    checklist(
        "barriers",
        [(None, [(b.id, b.label) for b in library.barriers])],
        ticked=appointment().answers.barriers,
        save=lambda ids: save_barriers(ids, library),
    )


def save_barriers(ids: list[str], library: Library) -> None:
    """Keep the ticks; a very hard time ticked now is dated today, so that it lapses at a
    review eight weeks on unless it is renewed."""
    answers = appointment().answers
    crisis = library.rules.crisis.barrier
    noted = answers.crisis_noted_on
    if crisis in ids and crisis not in answers.barriers:
        noted = datetime.date.today()
    elif crisis not in ids:
        noted = None
    update_answers(barriers=ids, crisis_noted_on=noted)


def renew_crisis() -> None:
    with guarded("keeping your answer"):
        update_answers(crisis_noted_on=datetime.date.today())
