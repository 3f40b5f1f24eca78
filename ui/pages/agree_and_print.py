"""Agree and print: the whole plan to read through together, the downloads, and a clean finish."""

from __future__ import annotations

import datetime

import streamlit as st

from goal_library.models import Library
from planner.document import Section, plan_sections
from planner.html_copy import render_html
from planner.pdf import render_pdf
from ui.plan_state import current_plan
from ui.text import escape_markdown

TITLE = "Agree and print"
LARGE_PRINT = "print_large"


def render(library: Library) -> None:
    plan = current_plan()
    if plan is None:
        st.warning("There is no plan yet. Go back to build one.", icon=":material/info:")
        return
    st.markdown("Read the plan through together. Change anything with **Back**.")
    with st.container(border=True, key="plan_preview"):
        for section in plan_sections(plan, library, datetime.date.today(), with_reasons=True):
            _show(section)
    large_print = st.checkbox("Large print (18 point text)", key=LARGE_PRINT)
    today = datetime.date.today()
    st.download_button(
        "Download plan (PDF)",
        data=render_pdf(plan, library, today, large_print=large_print),
        file_name=f"right-steps-plan-{today.isoformat()}.pdf",
        mime="application/pdf",
        key="download_plan",
        type="primary",
        on_click="ignore",
    )
    st.download_button(
        "Download an accessible copy (web page)",
        data=render_html(plan, library, today, large_print=large_print).encode("utf-8"),
        file_name=f"right-steps-plan-{today.isoformat()}.html",
        mime="text/html",
        key="download_plan_html",
        on_click="ignore",
        help="A simple web page of the same plan, for screen readers and for changing text size.",
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
