"""The plan being built, kept in the session as the pydantic plan model."""

from __future__ import annotations

from collections.abc import Callable, Hashable

import streamlit as st

from planner.editing import with_note
from planner.models import Plan

_PLAN = "plan"
_BUILT_FROM = "plan_built_from"
_MESSAGE = "plan_message"
_SAVED = "plan_saved"
# Marks a plan brought back from a draft: it stands for the answers it was restored with.
RESTORED = "restored"


def current_plan() -> Plan | None:
    return st.session_state.get(_PLAN)


def save_plan(plan: Plan) -> None:
    st.session_state[_PLAN] = plan


def ensure_plan(answers: Hashable, build: Callable[[], Plan]) -> Plan:
    """The draft for these answers; rebuilt (keeping own-words steps) when the answers change."""
    plan = current_plan()
    if plan is not None and st.session_state.get(_BUILT_FROM) in (answers, RESTORED):
        st.session_state[_BUILT_FROM] = answers
        return plan
    fresh = build()
    if plan is not None:
        own_steps = [
            s for s in plan.steps if s.own_words and s.id not in {f.id for f in fresh.steps}
        ]
        fresh = with_note(
            fresh.model_copy(
                update={
                    "steps": [*fresh.steps, *own_steps],
                    "review_on": plan.review_on,
                    "reference": plan.reference or fresh.reference,
                }
            )
        )
        flash("Your answers changed, so the suggested steps have been updated.")
    st.session_state[_BUILT_FROM] = answers
    save_plan(fresh)
    return fresh


def mark_saved(plan: Plan) -> None:
    st.session_state[_SAVED] = plan


def is_saved(plan: Plan) -> bool:
    """True when this exact plan has been saved (a change since makes it unsaved)."""
    return st.session_state.get(_SAVED) == plan


def flash(message: str) -> None:
    """A message to show once, on the next run of the page."""
    st.session_state[_MESSAGE] = message


def take_flash() -> str | None:
    return st.session_state.pop(_MESSAGE, None)
