"""Open a saved plan by its reference, or by uploading its PDF or JSON file, to review it.

An uploaded file is evidence, not authority: it is read within limits and checked like typed
input, and the plan reference inside it only counts when the store holds that very version.
Otherwise the plan is opened without its reference, so saving it makes a new plan: a file
never chooses whose history it joins.
"""

from __future__ import annotations

import streamlit as st

from goal_library.models import Library
from planner.editing import revised_plan
from planner.errors import InputError
from planner.models import Plan
from planner.reference import normalise_reference
from planner.saved_files import plan_from_saved_file
from store.errors import StoreError
from ui.appointment import Answers, Appointment, Review
from ui.components.draft_keeper import begin
from ui.components.notice import notice
from ui.components.text_answer import text_answer
from ui.guard import guarded
from ui.session import notify, take_notices, widget_key
from ui.sign_in import current_coach
from ui.store_cache import plan_store

FOREIGN_REFERENCE = (
    "This file's plan reference does not match a plan saved here, so the plan is opened as a "
    "new plan. Saving it will give it a new reference."
)
UNCHECKED_REFERENCE = (
    "Saving is not working at the moment, so the plan reference in this file cannot be "
    "checked. The plan is opened as a new plan."
)
FIRST_PAGE_OF_A_REVIEW = 1
_PANEL = "open_plan"


def open_plan_panel(library: Library) -> None:
    """The panel; a plan opened here starts a review appointment at once."""
    st.header("Look at a plan again", anchor=False)
    st.markdown("Use the plan reference printed on the plan, or the saved plan file.")
    reference = text_answer(
        "open_reference",
        "Plan reference",
        value="",
        save=None,
        max_chars=20,
        multiline=False,
        placeholder="For example: K7TM-9QXA",
    )
    opened: Plan | None = None
    pressed = st.button("Open plan", key="open_by_reference")
    if pressed:
        with guarded("opening the plan", _PANEL):
            opened = plan_store().latest(normalise_reference(reference), who=current_coach())
    upload = st.file_uploader(
        "Or upload the plan (PDF or JSON file)",
        type=["pdf", "json"],
        key=widget_key("open_upload"),
    )
    if upload is not None and st.button("Open this file", key="open_by_upload"):
        pressed = True
        with guarded("opening the file", _PANEL):
            opened = _from_file(upload.getvalue(), library)
    if opened is not None:
        start_review(opened)
    if pressed:
        st.rerun()  # to the review, or to this page with the reason under the buttons
    for kind, message in take_notices(_PANEL):
        notice(message, kind)


def start_review(plan: Plan) -> None:
    """A new appointment that looks again at `plan`, starting from its answers."""
    begin(
        Appointment.new(
            answers=Answers.from_profile(plan.profile),
            review=Review(plan=plan),
            page=FIRST_PAGE_OF_A_REVIEW,
        )
    )


def _from_file(raw: bytes, library: Library) -> Plan:
    try:
        plan = plan_from_saved_file(raw, library)
    except InputError as error:  # a plain reason, which may quote the file: shown escaped
        raise InputError(
            f"That file could not be opened: {error}. Please use a plan saved from Right Steps."
        ) from None
    if plan.reference is None:
        return plan
    try:
        genuine = plan_store().holds(plan, who=current_coach())
        doubt = FOREIGN_REFERENCE
    except StoreError:
        genuine, doubt = False, UNCHECKED_REFERENCE
    if not genuine:
        notify(doubt, "info")
        plan = revised_plan(plan, library, reference=None, version=None)
    return plan
