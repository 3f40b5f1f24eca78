"""Start: what the plan is, that the steps are voluntary, and where the person lives."""

from __future__ import annotations

import streamlit as st

from goal_library.models import Library
from ui.components.choice import radio_choice
from ui.components.open_plan import open_plan_panel
from ui.labels import NATION_LABELS
from ui.session import appointment, update_answers

TITLE = "Right Steps"
CONTINUE = "Start now"


def render(library: Library) -> None:
    st.markdown(
        "Together we will make a short plan of small steps that feel right for you now.\n\n"
        "You choose the steps. They are not conditions, and nothing happens if a step "
        "does not work out. We will look at the plan again next time and change it if needed."
    )
    st.markdown(
        "A first plan usually takes 20 to 30 minutes. Press **Start now** to begin a new plan."
    )
    # Asked in the open, not tucked in a settings box: the help contacts on the plan depend on it.
    radio_choice(
        "nation",
        "Where do you live?",
        NATION_LABELS,
        value=appointment().answers.nation,
        save=lambda nation: update_answers(nation=nation),
        horizontal=True,
    )
    st.caption("This sets the help contacts and services on the plan.")
    open_plan_panel(library)
