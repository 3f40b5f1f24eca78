"""The plan being built, kept in the session as the pydantic plan model."""

from __future__ import annotations

import streamlit as st

from goal_library.models import Library
from planner.editing import with_note
from planner.models import Plan, Profile
from planner.suggest import build_plan

_PLAN = "plan"
_BUILT_FROM = "plan_built_from"
_MESSAGE = "plan_message"


def current_plan() -> Plan | None:
    return st.session_state.get(_PLAN)


def save_plan(plan: Plan) -> None:
    st.session_state[_PLAN] = plan


def ensure_draft(profile: Profile, library: Library) -> Plan:
    """The draft for these answers; rebuilt (keeping own-words steps) if the answers changed."""
    plan = current_plan()
    if plan is not None and st.session_state.get(_BUILT_FROM) == profile:
        return plan
    fresh = build_plan(profile, library)
    if plan is not None:
        own_steps = [s for s in plan.steps if s.own_words]
        fresh = with_note(
            fresh.model_copy(
                update={"steps": [*fresh.steps, *own_steps], "review_on": plan.review_on}
            )
        )
        flash("Your answers changed, so the suggested steps have been updated.")
    st.session_state[_BUILT_FROM] = profile
    save_plan(fresh)
    return fresh


def flash(message: str) -> None:
    """A message to show once, on the next run of the page."""
    st.session_state[_MESSAGE] = message


def take_flash() -> str | None:
    return st.session_state.pop(_MESSAGE, None)
