"""Suggestions from the person's own words, each with buttons: nothing is added by itself.

Until the coach and the person answer a prompt, the suggested steps read the words as said;
"Not right" sets the prompt aside, and the steps stop reading it.
"""

from __future__ import annotations

from collections.abc import Collection

import streamlit as st

from goal_library.models import Library
from planner.models import Plan
from planner.prompts import Prompt, profile_prompts
from ui.components.checklist import tick, untick
from ui.components.notice import notice
from ui.guard import guarded
from ui.session import appointment, update_answers, widget_key
from ui.text import escape_markdown

# The About you control that shows the work situation (its key is this appointment's).
WORK_SITUATION_KEY = "work_situation"


def prompts_from_words(library: Library) -> list[Prompt]:
    return profile_prompts(appointment().answers, library)


def word_prompt_panel(fields: Collection[str], library: Library) -> None:
    """The prompts for `fields` ("barriers", "strengths", "work_situation", "check"), if any."""
    prompts = [p for p in prompts_from_words(library) if p.field in fields]
    if not prompts:
        return
    with st.container(border=True, key="word_prompts"):
        st.header("From what you wrote", anchor=False)
        st.caption(
            "Only if it is right for you. Nothing is added unless you choose it. Until you "
            "choose, the suggested steps take what you wrote into account."
        )
        for prompt in prompts:
            st.markdown(escape_markdown(prompt.message))
            add, aside = st.columns(2)
            if prompt.field == "check":
                add.button(
                    "Yes, still right",
                    key=widget_key(f"prompt_keep_{prompt.value}"),
                    on_click=_set_aside,
                    args=(prompt,),
                )
                aside.button(
                    "Untick it",
                    key=widget_key(f"prompt_untick_{prompt.value}"),
                    on_click=_untick,
                    args=(prompt,),
                )
                continue
            add.button(
                "Add it",
                key=widget_key(f"prompt_{prompt.field}_{prompt.value}"),
                on_click=_accept,
                args=(prompt,),
            )
            aside.button(
                "Not right",
                key=widget_key(f"prompt_aside_{prompt.field}_{prompt.value}"),
                on_click=_set_aside,
                args=(prompt,),
                help=f"Leave out “{prompt.label}”: the suggested steps will not take it in.",
            )


def words_read_notice(plan: Plan) -> None:
    """On the plan's page: what the draft took from the person's words, to check."""
    if not plan.read_from_words:
        return
    topics = list(dict.fromkeys(read.topic for read in plan.read_from_words))
    notice(
        "These steps take in what you wrote about "
        + _join(topics)
        + ". If any of that is not right, go back and say so under “From what you wrote”.",
        "info",
        icon=":material/edit_note:",
    )


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def _set_aside(prompt: Prompt) -> None:
    answers = appointment().answers
    with guarded("keeping your answer"):
        update_answers(words_set_aside=[*answers.words_set_aside, prompt.key])


def _untick(prompt: Prompt) -> None:
    answers = appointment().answers
    with guarded("keeping your answer"):
        if prompt.value in answers.barriers:
            update_answers(barriers=[b for b in answers.barriers if b != prompt.value])
            untick("barriers", prompt.value)
        else:
            update_answers(strengths=[s for s in answers.strengths if s != prompt.value])
            untick("strengths", prompt.value)


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
