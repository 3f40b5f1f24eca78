"""Keep the appointment in progress as a short-lived draft, so a lost page loses nothing.

The draft is the appointment's JSON, kept under the appointment's random id, which is also in
the page address (?draft=...). The address only finds a draft: it never names whose answers a
new one holds, since every new appointment draws a fresh id. Finishing closes the id in the
store, so neither another tab nor the old address can bring the answers back.

If the store cannot be used, the appointment goes on in this session alone and says so once.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st
from pydantic import ValidationError

from goal_library.models import Library
from planner.models import revised
from store.errors import DraftClosed, StoreError, StoreUnavailable
from store.plans import PlanStore
from ui.appointment import DRAFT_ID_PATTERN, Answers, Appointment, fingerprint
from ui.guard import plain_message
from ui.session import appointment, has_appointment, notify, replace_appointment
from ui.store_cache import plan_store

_PARAM = "draft"
_CHECKED = "draft_checked"
_LAST_KEPT = "draft_last_kept"
_PAUSED_UNTIL = "draft_paused_until"
# After the store fails, wait this long before trying again, so a broken database never slows
# every click of the appointment.
_RETRY_AFTER_SECONDS = 30
_ID = re.compile(DRAFT_ID_PATTERN)

WELCOME_BACK = "Welcome back. Your answers are still here."
FINISHED_OR_TIMED_OUT = "That appointment has finished or timed out, so a new one has started."
FINISHED_ELSEWHERE = (
    "This appointment was finished in another window, so its answers have been cleared. "
    "A new appointment has started."
)
NOT_CLEARED = (
    "The answers are cleared from this screen. The copy kept in case the page was lost could "
    "not be deleted just now, because saving is not working; it is deleted on its own within "
    "12 hours."
)
PARTLY_BACK = "Welcome back. Your answers are still here, but the plan needs to be made again."


def restore_or_start(library: Library) -> None:
    """On the first run of a session: bring back the draft named in the address, if any."""
    state = st.session_state
    if state.get(_CHECKED):
        _show_address()
        return
    state[_CHECKED] = True
    if has_appointment():  # set up before the first run (tests), or kept by Streamlit
        _show_address()
        return
    draft_id = str(st.query_params.get(_PARAM, ""))
    restored = _restored(draft_id, library) if _ID.match(draft_id) else None
    replace_appointment(restored or Appointment.new())
    if restored is not None:
        state[_LAST_KEPT] = fingerprint(restored.draft())
    elif draft_id:
        notify(FINISHED_OR_TIMED_OUT, "info")
    _try_store(lambda store: store.purge_drafts())  # old drafts go, whoever they belonged to
    _show_address()


def keep_draft() -> None:
    """Keep the appointment when it changed since it was last kept (and holds anything)."""
    current = appointment()
    payload = current.draft()
    kept = fingerprint(payload)
    if st.session_state.get(_LAST_KEPT) == kept:
        _check_still_open(current)
        return
    if current == Appointment(id=current.id):
        return  # nothing answered yet: nothing to keep
    try:
        if _paused():
            return
        plan_store().save_draft(current.id, payload)
    except DraftClosed:
        _finished_elsewhere()
        return
    except StoreError as error:
        _pause(error)
        return
    st.session_state[_LAST_KEPT] = kept


def saving_available() -> bool:
    """False while the store has just failed (it is tried again after a short pause)."""
    return not _paused()


def begin(new: Appointment) -> None:
    """Start a new appointment in this session (a new plan or a review); the old draft closes."""
    _close_kept_draft()
    replace_appointment(new)
    st.session_state.pop(_LAST_KEPT, None)
    _show_address()


def finish() -> None:
    """Wipe every answer, and close the draft, so the next person starts clean."""
    if not _close_kept_draft():
        notify(NOT_CLEARED, "warning")
    replace_appointment(Appointment.new())
    st.session_state.pop(_LAST_KEPT, None)
    _show_address()


def _close_kept_draft() -> bool:
    """Close this appointment's draft, if one was ever kept; False if it could not be closed.

    A draft never kept has no row, and no other tab can share its id: an address only brings
    back a draft that exists.
    """
    if _LAST_KEPT not in st.session_state:
        return True
    old = appointment().id
    return _try_store(lambda store: store.close_draft(old)).ok


def _restored(draft_id: str, library: Library) -> Appointment | None:
    payload = _try_store(lambda store: store.load_draft(draft_id)).value
    if not isinstance(payload, dict):
        return None
    try:
        restored = Appointment.from_draft(payload, library)
    except ValidationError:
        restored = _answers_only(payload, library)
        if restored is None:
            return None
        notify(PARTLY_BACK, "info")
    else:
        notify(WELCOME_BACK, "info")
    if restored.id != draft_id:
        return revised(restored, library, id=draft_id)
    return restored


def _answers_only(payload: dict, library: Library) -> Appointment | None:
    """A draft whose plan no longer reads (the library changed): keep the answers."""
    try:
        answers = Answers.model_validate(payload.get("answers", {}), context={"library": library})
    except ValidationError:
        return None
    # Back to the page that makes the plan again at most (the review, too, is gone).
    page = payload.get("page", 0)
    return Appointment.new(answers=answers, page=min(page if isinstance(page, int) else 0, 5))


def _check_still_open(current: Appointment) -> None:
    if _paused() or current == Appointment(id=current.id):
        return
    closed = _try_store(lambda store: store.draft_is_closed(current.id), quiet=True)
    if closed.value is True:
        _finished_elsewhere()


def _finished_elsewhere() -> None:
    replace_appointment(Appointment.new())
    st.session_state.pop(_LAST_KEPT, None)
    notify(FINISHED_ELSEWHERE, "info")
    _show_address()
    st.rerun()


def _try_store(action: Callable[[PlanStore], object], *, quiet: bool = False) -> Done:
    """Run `action(store)`; on a store failure, pause drafts and say so once."""
    if _paused():
        return Done(False)
    try:
        return Done(True, action(plan_store()))
    except StoreError as error:
        if not quiet:
            _pause(error)
        return Done(False)


@dataclass(frozen=True)
class Done:
    """Whether a store action ran, and what it gave back."""

    ok: bool
    value: object = None


def _pause(error: StoreError) -> None:
    first_time = _PAUSED_UNTIL not in st.session_state
    st.session_state[_PAUSED_UNTIL] = time.monotonic() + _RETRY_AFTER_SECONDS
    if first_time:
        message = plain_message(error, "keeping your answers")
        if isinstance(error, StoreUnavailable):
            message = StoreUnavailable.coach_message
        notify(message, "warning")


def _paused() -> bool:
    until = st.session_state.get(_PAUSED_UNTIL)
    return until is not None and time.monotonic() < until


def _show_address() -> None:
    current = appointment().id
    if st.query_params.get(_PARAM) != current:
        st.query_params[_PARAM] = current
