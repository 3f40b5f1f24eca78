"""Suggestions from the person's own words, each with a button: nothing is added by itself."""

from __future__ import annotations

from collections.abc import Collection

import streamlit as st

from goal_library.models import Library
from planner.prompts import Prompt, word_prompts
from ui.components.checklist import tick
from ui.guard import guarded
from ui.session import appointment, update_answers, widget_key
from ui.text import escape_markdown

# The About you control that shows the work situation (its key is this appointment's).
WORK_SITUATION_KEY = "work_situation"


def prompts_from_words(library: Library) -> list[Prompt]:
    answers = appointment().answers
    return word_prompts(
        (answers.hopes, answers.strengths_own_words, answers.barriers_own_words),
        strengths=answers.strengths,
        barriers=answers.barriers,
        work_situation=answers.work_situation,
        language=answers.language,
        library=library,
    )


def word_prompt_panel(fields: Collection[str], library: Library) -> None:
    """The prompts for `fields` ("barriers", "strengths", "work_situation", "check"), if any."""
    prompts = [p for p in prompts_from_words(library) if p.field in fields]
    if not prompts:
        return
    with st.container(border=True, key="word_prompts"):
        st.subheader("From what you wrote", anchor=False)
        st.caption("Only if it is right for you. Nothing is added unless you choose it.")
        for prompt in prompts:
            st.markdown(escape_markdown(prompt.message))
            if prompt.field == "check":
                continue
            st.button(
                f"Add “{prompt.label}”",
                key=widget_key(f"prompt_{prompt.field}_{prompt.value}"),
                on_click=_accept,
                args=(prompt,),
            )


def _accept(prompt: Prompt) -> None:
    answers = appointment().answers
    with guarded("keeping your answer"):
        if prompt.field == "barriers":
            update_answers(barriers=[*answers.barriers, prompt.value])
            tick("barriers", prompt.value)
        elif prompt.field == "strengths":
            update_answers(strengths=[*answers.strengths, prompt.value])
            tick("strengths", prompt.value)
        elif prompt.field == "work_situation":
            update_answers(work_situation=prompt.value)
            st.session_state[widget_key(WORK_SITUATION_KEY)] = prompt.value
        elif prompt.field == "language":
            update_answers(language=prompt.value)
