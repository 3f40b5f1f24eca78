"""Start: what the plan is, that the steps are voluntary, and the nation setting."""

from __future__ import annotations

import streamlit as st

from goal_library.models import Library
from ui.components.choice import dropdown_choice
from ui.components.drawn_when_open import drawn_when_open
from ui.components.open_plan import open_plan_panel
from ui.labels import NATION_LABELS
from ui.session import appointment, update_answers

TITLE = "Right Steps"


def render(library: Library) -> None:
    st.markdown(
        "Together we will make a short plan of small steps that feel right for you now.\n\n"
        "You choose the steps. They are not conditions, and nothing happens if a step "
        "does not work out. We will look at the plan again next time and change it if needed."
    )
    st.markdown("It takes about ten minutes. Press **Continue** to start a new plan.")
    box = drawn_when_open("Settings", "settings")
    if box is not None:
        with box:
            dropdown_choice(
                "nation",
                "Where do you live? This sets the help contacts on the plan.",
                NATION_LABELS,
                value=appointment().answers.nation,
                save=lambda nation: update_answers(nation=nation),
            )
    open_plan_panel(library)
