"""Your progress: the steps taken, each life area then and now, and a chart of every area."""

from __future__ import annotations

import contextlib
import datetime

import pandas as pd
import streamlit as st

from goal_library.models import Library
from planner.errors import InputError
from planner.models import Plan, TakenStep
from planner.progress import (
    StagePoint,
    stage_history,
    steps_taken,
    then_and_now,
    version_label,
)
from store.errors import StoreError
from ui.components.notice import notice
from ui.components.stage_charts import stage_charts
from ui.labels import AREA_LABELS
from ui.session import appointment
from ui.sign_in import current_coach
from ui.store_cache import plan_store
from ui.text import escape_markdown

TITLE = "Your progress"
NOW = "Now"


def render(library: Library) -> None:
    current = appointment()
    review = current.review
    if review is None:
        notice("There is no earlier plan to compare with.", "warning")
        return
    history = _history(review.plan)
    points = [(version_label(plan, saved_on), plan.profile) for plan, saved_on in history]
    axis_labels = [version_label(plan, saved_on, with_year=False) for plan, saved_on in history]
    with contextlib.suppress(InputError):
        points.append((NOW, current.answers.profile(library)))
        axis_labels.append(NOW)
    outcomes, _, _ = review.answered()
    today = datetime.date.today()
    just_done = [
        TakenStep(title=s.title, area=s.area, done_on=today)
        for s in review.plan.steps
        if outcomes.get(s.id) == "done"
    ]
    _steps_taken([plan for plan, _ in history], just_done, today)
    stages = stage_history(points)
    _then_and_now(stages)
    _over_time(stages, axis_labels)


def _history(reviewed: Plan) -> list[tuple[Plan, datetime.date | None]]:
    """Every saved version with the day it was saved, or just the plan being reviewed."""
    if reviewed.reference:
        try:
            return [
                (saved.plan, saved.saved_at.date())
                for saved in plan_store().versions(reviewed.reference, who=current_coach())
                if saved.plan is not None
            ]
        except (StoreError, InputError):
            pass
    return [(reviewed, None)]


def _steps_taken(history: list[Plan], just_done: list[TakenStep], today: datetime.date) -> None:
    st.header("Steps you've taken", anchor=False)
    taken = steps_taken(history, just_done)
    if not taken:
        st.markdown("Your first steps will show here. Every step counts, however small.")
        return
    count = "1 step" if len(taken) == 1 else f"{len(taken)} steps"
    st.markdown(f"You have done {count}. Every step counts.")
    st.markdown(
        "\n".join(f"- {escape_markdown(t.title)} ({_day(t.done_on, today)})" for t in taken)
    )


def _day(day: datetime.date, today: datetime.date) -> str:
    return "today" if day == today else f"{day.day} {day:%B %Y}"


def _then_and_now(stages: list[StagePoint]) -> None:
    st.header("Then and now", anchor=False)
    first, last = stages[0].label, stages[-1].label
    if len(stages) == 1:
        st.markdown(f"There is only one plan so far ({first}), so then and now are the same.")
    else:
        now = "today" if last == NOW else last
        st.markdown(f"**Then** is {first}. **Now** is {now}.")
    st.caption("Stage 1 is when things feel very hard. Stage 5 is moving forward.")
    areas = then_and_now(stages)
    table = pd.DataFrame(
        [
            {
                "Part of life": AREA_LABELS[area.area],
                "Then": area.then,
                "Now": area.now,
                "Since then": area.word,
            }
            for area in areas
        ]
    )
    # As a plain column, each area's name is as dark as the rest; Streamlit greys an index.
    st.table(table, hide_index=True)
    st.markdown(
        "Things go up and down. If something is harder just now, the plan can change to fit."
    )


def _over_time(stages: list[StagePoint], axis_labels: list[str]) -> None:
    st.header("Each part of life over time", anchor=False)
    stage_charts(stages, axis_labels)
    with st.expander("See every plan as a table"):
        st.table(
            pd.DataFrame(
                [{AREA_LABELS[a]: stage for a, stage in point.stages.items()} for point in stages],
                index=[point.label for point in stages],
            ).T
        )
