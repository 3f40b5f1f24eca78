"""About you: the name the person likes to be called, and what matters to them."""

from __future__ import annotations

from goal_library.models import Library
from planner.models import NAME_MAX_CHARS, OWN_WORDS_MAX_CHARS
from ui.answers import AIMS, HOPES, NAME
from ui.components.ordered_choice import ordered_choice
from ui.components.text_answer import text_answer

TITLE = "About you"


def render(library: Library) -> None:
    text_answer(
        NAME,
        "What would you like us to call you? (You can leave this blank.)",
        max_chars=NAME_MAX_CHARS,
        multiline=False,
    )
    text_answer(
        HOPES,
        "What matters to you right now? Use your own words.",
        max_chars=OWN_WORDS_MAX_CHARS,
        placeholder="For example: feeling less alone, sleeping better, getting out more",
    )
    ordered_choice(
        AIMS,
        "What would you like to work towards? Choose as many as you like, the most important "
        "first. Your first choice leads your plan.",
        [(aim.id, aim.label) for aim in library.aims],
    )
