"""How did it go: for each step of the last plan, how it went, in the person's words too."""

from __future__ import annotations

import streamlit as st

from goal_library.models import Library
from planner.models import OWN_WORDS_MAX_CHARS, SHORT_TEXT_MAX_CHARS
from planner.review import OUTCOME_LABELS
from ui.components.choice import radio_choice
from ui.components.notice import notice
from ui.components.problems import Problem, question_box
from ui.components.text_answer import text_answer
from ui.session import appointment, update_review
from ui.text import escape_markdown

TITLE = "How did it go?"


def render(library: Library) -> None:
    review = appointment().review
    if review is None:
        notice("There is no plan to look at. Go back to open one.", "warning")
        return
    st.markdown(
        "Let's look at each step together. There are no wrong answers: "
        "every step teaches us something about what helps."
    )
    for number, step in enumerate(review.plan.steps, start=1):
        with st.container(border=True, key=f"review_{step.id}"):
            st.header(escape_markdown(step.title), anchor=False)
            with question_box(f"outcome_{number}"):
                radio_choice(
                    f"review_outcome_{step.id}",
                    "How did it go?",
                    OUTCOME_LABELS,
                    value=review.outcomes.get(step.id),
                    save=lambda outcome, step_id=step.id: _set_outcome(step_id, outcome),
                    horizontal=True,
                )
            text_answer(
                f"review_words_{step.id}",
                "Anything you want to say about it? (optional)",
                value=review.words.get(step.id, ""),
                save=lambda text, step_id=step.id: _set_words(step_id, text),
                max_chars=SHORT_TEXT_MAX_CHARS,
                multiline=False,
            )
    text_answer(
        "review_went_well",
        "What went well since last time?",
        value=review.went_well,
        save=lambda text: update_review(went_well=text),
        max_chars=OWN_WORDS_MAX_CHARS,
    )


def _set_outcome(step_id: str, outcome: str | None) -> None:
    review = appointment().review
    if review is None:
        return
    outcomes = dict(review.outcomes)
    if outcome is None:
        outcomes.pop(step_id, None)
    else:
        outcomes[step_id] = outcome
    update_review(outcomes=outcomes)


def _set_words(step_id: str, text: str) -> None:
    review = appointment().review
    if review is not None:
        update_review(words={**review.words, step_id: text})


def ready(library: Library) -> list[Problem]:
    review = appointment().review
    if review is None:
        return []
    return [
        Problem(f"outcome_{number}", f"Choose how “{_short(step.title)}” went")
        for number, step in enumerate(review.plan.steps, start=1)
        if step.id not in review.outcomes
    ]


def _short(title: str) -> str:
    """A step's title as a message names it: whole, unless it is very long."""
    return title if len(title) <= 60 else title[:57].rstrip() + "…"
