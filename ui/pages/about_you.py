"""About you: the name the person likes to be called, what matters to them, and work."""

from __future__ import annotations

from goal_library.models import Library
from planner.models import NAME_MAX_CHARS, OWN_WORDS_MAX_CHARS
from ui.components.answer_lists import aims_choice, work_situation_question
from ui.components.text_answer import text_answer
from ui.session import appointment, update_answers

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
    aims_choice(library)
    work_situation_question()
