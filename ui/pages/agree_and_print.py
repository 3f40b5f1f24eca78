"""Agree and print: the whole plan to read through together, the downloads, and a clean finish."""

from __future__ import annotations

import datetime
import json

import streamlit as st

from goal_library.models import Library
from planner.document import Section, plan_sections
from ui.plan_state import current_plan
from ui.text import escape_markdown

TITLE = "Agree and print"


def render(library: Library) -> None:
    plan = current_plan()
    if plan is None:
        st.warning("There is no plan yet. Go back to build one.", icon=":material/info:")
        return
    st.markdown("Read the plan through together. Change anything with **Back**.")
    with st.container(border=True, key="plan_preview"):
        for section in plan_sections(plan, library, datetime.date.today()):
            _show(section)
    st.download_button(
        "Download plan (PDF)",
        data=json.dumps(plan.model_dump(mode="json"), ensure_ascii=False, indent=2).encode(),
        file_name="right-steps-plan.json",
        mime="application/json",
        key="download_plan",
        type="primary",
        on_click="ignore",
    )
    st.divider()
    st.markdown("When you have your copy, finish to clear everything from this screen.")
    st.button("Finish and clear", key="finish_and_clear", on_click=finish_and_clear)


def _show(section: Section) -> None:
    if section.heading:
        st.subheader(escape_markdown(section.heading))
    for paragraph in section.paragraphs:
        st.markdown(escape_markdown(paragraph))
    if section.bullets:
        st.markdown("\n".join(f"- {escape_markdown(item)}" for item in section.bullets))
    for step in section.steps:
        st.markdown(f"**{escape_markdown(step.title)}**")
        st.markdown(
            "\n".join(
                f"- {escape_markdown(label)}: {escape_markdown(text)}"
                for label, text in step.details
            )
        )
    for paragraph in section.after:
        st.markdown(escape_markdown(paragraph))


def finish_and_clear() -> None:
    """Wipe every answer so the next person starts clean."""
    for key in list(st.session_state.keys()):
        del st.session_state[key]
