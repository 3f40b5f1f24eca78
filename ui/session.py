"""The appointment in the session, and the keys of the widgets that show it.

Every widget that shows part of the appointment has a key made for this appointment only
(`widget_key`): a new appointment gets new keys, so a value the browser still holds from the
last person's screen can never be written into the next person's answers.
"""

from __future__ import annotations

import streamlit as st

from planner.models import Plan, revised
from ui.appointment import Answers, Appointment, Review, fingerprint

_APPOINTMENT = "appointment"
_GENERATION = "appointment_generation"
# Messages waiting to be shown at the top of the next run of the page (never in the draft).
NOTICES = "notices"


def appointment() -> Appointment:
    current = st.session_state.get(_APPOINTMENT)
    if not isinstance(current, Appointment):
        current = Appointment.new()
        st.session_state[_APPOINTMENT] = current
    return current


def has_appointment() -> bool:
    return isinstance(st.session_state.get(_APPOINTMENT), Appointment)


def replace_appointment(new: Appointment) -> None:
    """Make `new` the appointment, and forget every widget of the one before."""
    generation = st.session_state.get(_GENERATION, 0)
    suffix = f"~{generation}"
    for key in [k for k in st.session_state if str(k).endswith(suffix)]:
        del st.session_state[key]
    st.session_state[_GENERATION] = generation + 1
    st.session_state[_APPOINTMENT] = new


def widget_key(name: str) -> str:
    """The key of a widget that shows part of this appointment."""
    return f"{name}~{st.session_state.get(_GENERATION, 0)}"


def update(**changes: object) -> Appointment:
    """Change the appointment; the new one is validated as a whole."""
    new = revised(appointment(), None, **changes)
    st.session_state[_APPOINTMENT] = new
    return new


def update_answers(**changes: object) -> Answers:
    answers = revised(appointment().answers, None, **changes)
    update(answers=answers)
    return answers


def set_plan(plan: Plan | None) -> None:
    update(plan=plan)


def update_review(**changes: object) -> Review:
    current = appointment().review
    if current is None:
        raise ValueError("there is no review in this appointment")
    review = revised(current, None, **changes)
    update(review=review)
    return review


def mark_plan_saved(plan: Plan) -> None:
    update(plan=plan, saved_as=fingerprint(plan))


def go_to_page(index: int, page_count: int) -> None:
    update(page=max(0, min(index, page_count - 1)))


PAGE_TOP = "page"


def notify(message: str, kind: str = "error", place: str = PAGE_TOP) -> None:
    """Queue a plain message (shown escaped, never as markup) for the next time `place` is drawn:
    the top of the page, or the part of it the person was using."""
    st.session_state.setdefault(NOTICES, []).append((place, kind, message))


def take_notices(place: str = PAGE_TOP) -> list[tuple[str, str]]:
    """The (kind, message) pairs waiting for `place`, taken so each shows once."""
    waiting = st.session_state.get(NOTICES, [])
    st.session_state[NOTICES] = [n for n in waiting if n[0] != place]
    return [(kind, message) for where, kind, message in waiting if where == place]
