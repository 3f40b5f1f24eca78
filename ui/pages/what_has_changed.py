"""At a review: what has changed about the person since last time (aims, work, strengths,
services, what makes things harder), and whether a very hard time is still recent."""

from __future__ import annotations

import datetime

import streamlit as st

from goal_library.models import Library
from ui.components.answer_lists import (
    aims_choice,
    barrier_checklist,
    renew_crisis,
    strength_checklist,
    work_situation_question,
)
from ui.components.drawn_when_open import drawn_when_open
from ui.components.notice import notice
from ui.components.word_prompts import word_prompt_panel
from ui.session import appointment

TITLE = "What has changed"


def render(library: Library) -> None:
    st.markdown(
        "Has anything changed since last time? Open a part to change it. "
        "If nothing has changed, just continue."
    )
    _very_hard_time(library)
    box = drawn_when_open("What you want to work towards, and work", "changed_aims")
    if box is not None:
        with box:
            aims_choice(library)
            work_situation_question()
    box = drawn_when_open("Your strengths, and the people and services around you", "changed_help")
    if box is not None:
        with box:
            strength_checklist(library)
    box = drawn_when_open("What makes things harder", "changed_harder")
    if box is not None:
        with box:
            barrier_checklist(library)
    word_prompt_panel(("barriers", "strengths", "check", "work_situation", "language"), library)


def _very_hard_time(library: Library) -> None:
    """A very hard time counts as recent for a set time after it was noted: say when that
    ends, and let the person say it still is."""
    current = appointment()
    rules = library.rules
    if rules.crisis.barrier not in current.answers.barriers:
        return
    plan = current.review.plan if current.review is not None else None
    noted = current.answers.crisis_noted_on or (
        (plan.reviewed_on or plan.created_on) if plan is not None else None
    )
    weeks = rules.crisis_lapses_after_days // 7
    label = library.barrier(rules.crisis.barrier).label
    today = datetime.date.today()
    if noted is not None and (today - noted).days >= rules.crisis_lapses_after_days:
        notice(
            f"“{label}” was noted on {_day(noted)}, more than {weeks} weeks ago. "
            "The new plan will not treat it as recent any more, unless it still is.",
            "info",
        )
    else:
        since = f" on {_day(noted)}" if noted is not None else ""
        notice(
            f"“{label}” was noted{since}. The plan treats it as recent for {weeks} weeks.",
            "info",
        )
    st.button(
        f"It is still a very hard time: count {weeks} weeks from today",
        key="renew_crisis",
        on_click=renew_crisis,
    )


def _day(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"
