"""Open a saved plan by its reference, or by uploading its PDF or JSON file."""

from __future__ import annotations

import streamlit as st

from goal_library.models import Library
from planner.inputs import InputError
from planner.models import Plan
from planner.pdf import plan_from_saved_file
from store.reference import normalise_reference
from ui.components.text_answer import text_answer
from ui.store_cache import plan_store

_REFERENCE = "open_reference"
_UPLOAD = "open_upload"
_PROBLEM = "open_problem"


def open_plan_panel(library: Library) -> Plan | None:
    """A plan the coach opened on this run, or None. Problems are shown in plain words."""
    opened: Plan | None = None
    st.header("Look at a plan again")
    st.markdown("Use the plan reference printed on the plan, or the saved plan file.")
    text_answer(
        _REFERENCE,
        "Plan reference",
        max_chars=20,
        multiline=False,
        placeholder="For example: K7TM-9QXA",
    )
    if st.button("Open plan", key="open_by_reference"):
        opened = _by_reference(st.session_state.get(_REFERENCE, ""), library)
    upload = st.file_uploader(
        "Or upload the plan (PDF or JSON file)", type=["pdf", "json"], key=_UPLOAD
    )
    if upload is not None and st.button("Open this file", key="open_by_upload"):
        opened = _by_upload(upload.getvalue(), library)
    problem = st.session_state.pop(_PROBLEM, None)
    if problem:
        st.error(problem, icon=":material/info:")
    return opened


def _by_reference(text: str, library: Library) -> Plan | None:
    try:
        return plan_store().latest(normalise_reference(text))
    except InputError as error:
        st.session_state[_PROBLEM] = _sentence(str(error))
        st.rerun()
    return None


def _by_upload(raw: bytes, library: Library) -> Plan | None:
    try:
        return plan_from_saved_file(raw, library)
    except InputError as error:
        st.session_state[_PROBLEM] = (
            f"That file could not be opened: {error}. Please use a plan saved from Right Steps."
        )
        st.rerun()
    return None


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")
