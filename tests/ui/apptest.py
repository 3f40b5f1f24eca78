"""Helpers for driving the app with Streamlit's AppTest."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from planner.models import Plan
from ui.appointment import Answers, Appointment, Review

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def app_on_page(
    index: int, *, plan: Plan | None = None, review: Plan | None = None, **answers: Any
) -> AppTest:
    """The app opened on page `index`, its appointment holding these answers (Answers fields),
    a plan, or a plan under review."""
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["appointment"] = Appointment.new(
        page=index,
        answers=Answers(**answers),
        plan=plan,
        review=None if review is None else Review(plan=review),
    )
    return at.run()


def appointment(at: AppTest) -> Appointment:
    return at.session_state["appointment"]


def answers(at: AppTest) -> Answers:
    return appointment(at).answers


def the_plan(at: AppTest) -> Plan:
    plan = appointment(at).plan
    assert plan is not None
    return plan


def key(at: AppTest, name: str) -> str:
    """The key of a widget showing part of the appointment (see ui.session.widget_key)."""
    try:
        generation = at.session_state["appointment_generation"]
    except KeyError:
        generation = 0
    return f"{name}~{generation}"


def title(at: AppTest) -> str:
    return at.title[0].value


def press_continue(at: AppTest) -> AppTest:
    return at.button(key="nav_continue").click().run()


def press_back(at: AppTest) -> AppTest:
    return at.button(key="nav_back").click().run()


def no_errors(at: AppTest) -> bool:
    return len(at.exception) == 0 and not [e for e in at.error if "went wrong" in e.value]


def messages(elements: Any) -> list[str]:
    """The text of shown messages (st.info, st.error, ...) as a person reads it, unescaped."""
    return [re.sub(r"\\(.)", r"\1", element.value) for element in elements]


def open_expander(at: AppTest, name: str) -> AppTest:
    """Open the expander `name` (see ui.components.drawn_when_open), as a click on it does."""
    at.session_state[key(at, f"open_{name}")] = True
    return at.run()
