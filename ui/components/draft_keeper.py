"""Keep the appointment in progress as a short-lived draft, so a lost page loses nothing.

The draft is keyed by a random id in the page address (?draft=...). It is restored after a
reload, a dropped connection or a browser restart within its lifetime, and deleted by
"Finish and clear". Only the answers and the plan are kept: never anything else.
"""

from __future__ import annotations

import datetime
import re
import secrets
from typing import Any

import streamlit as st

from goal_library.models import Library
from planner.inputs import InputError, plan_from_data
from planner.models import Plan
from ui.plan_state import RESTORED
from ui.store_cache import plan_store

_PARAM = "draft"
DRAFT_NOTE = "draft_note"
_DRAFT_ID = "draft_id"
_CHECKED = "draft_checked"
_LAST_SAVED = "draft_last_saved"
_ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
# Session keys that make up an appointment; widget keys are rebuilt from these.
_KEPT_PREFIXES = ("answer_", "step_", "review_", "page_index", "print_large", "plan")
_SKIPPED = frozenset({"plan_built_from", "plan_message"})


def restore_draft(library: Library) -> None:
    """On the first run of a session: bring back the draft named in the address, if any."""
    state = st.session_state
    if state.get(_CHECKED):
        return
    state[_CHECKED] = True
    plan_store().purge_drafts()  # drafts past their lifetime go, whoever they belonged to
    draft_id = st.query_params.get(_PARAM, "")
    if _ID_PATTERN.match(draft_id):
        payload = plan_store().load_draft(draft_id)
        if payload:
            _restore(payload, library)
            state[DRAFT_NOTE] = "Welcome back. Your answers are still here."
        else:
            state[DRAFT_NOTE] = (
                "That appointment has finished or timed out, so a new one has started."
            )
            draft_id = ""
    state[_DRAFT_ID] = draft_id or secrets.token_urlsafe(24)
    st.query_params[_PARAM] = state[_DRAFT_ID]


def save_draft() -> None:
    """Keep the answers so far, when there are any and they changed since the last save."""
    state = st.session_state
    payload = {k: _encode(v) for k, v in state.items() if _kept(str(k))}
    if not payload or payload == state.get(_LAST_SAVED) or _DRAFT_ID not in state:
        return
    plan_store().save_draft(state[_DRAFT_ID], payload)
    state[_LAST_SAVED] = payload


def forget_draft() -> None:
    """Delete the draft and take its id out of the address."""
    draft_id = st.session_state.get(_DRAFT_ID)
    if draft_id:
        plan_store().delete_draft(draft_id)
    st.query_params.pop(_PARAM, None)


def _kept(key: str) -> bool:
    return key.startswith(_KEPT_PREFIXES) and key not in _SKIPPED


def _encode(value: Any) -> Any:
    if isinstance(value, Plan):
        return {"$plan": value.model_dump(mode="json")}
    if isinstance(value, datetime.date):
        return {"$date": value.isoformat()}
    if isinstance(value, list | tuple):
        return [_encode(item) for item in value]
    return value


def _decode(value: Any, library: Library) -> Any:
    if isinstance(value, dict) and "$plan" in value:
        return plan_from_data(value["$plan"], library)
    if isinstance(value, dict) and "$date" in value:
        return datetime.date.fromisoformat(value["$date"])
    if isinstance(value, list):
        return [_decode(item, library) for item in value]
    return value


def _restore(payload: dict[str, Any], library: Library) -> None:
    state = st.session_state
    for key, value in payload.items():
        if not _kept(key):
            continue
        try:
            state[key] = _decode(value, library)
        except (InputError, ValueError):
            continue  # a part that no longer reads is dropped; the rest comes back
    if "plan" in state:
        state["plan_built_from"] = RESTORED
    state[_LAST_SAVED] = payload
