"""Your progress: the stage in each life area across versions, and the steps taken."""

from __future__ import annotations

import contextlib
import datetime

import altair as alt
import pandas as pd
import streamlit as st

from goal_library.models import Library
from planner.errors import InputError
from planner.models import Plan, TakenStep
from planner.progress import stage_history, steps_taken, version_label
from store.errors import StoreError
from ui.components.notice import notice
from ui.labels import AREA_LABELS
from ui.session import appointment
from ui.sign_in import current_coach
from ui.store_cache import plan_store
from ui.text import escape_markdown

TITLE = "Your progress"


def render(library: Library) -> None:
    current = appointment()
    review = current.review
    if review is None:
        notice("There is no earlier plan to compare with.", "warning")
        return
    history = _history(review.plan)
    points = [(version_label(plan, saved_on), plan.profile) for plan, saved_on in history]
    with contextlib.suppress(InputError):
        points.append(("Now", current.answers.profile(library)))
    _stage_chart(points)
    outcomes, _, _ = review.answered()
    today = datetime.date.today()
    just_done = [
        TakenStep(title=s.title, area=s.area, done_on=today)
        for s in review.plan.steps
        if outcomes.get(s.id) == "done"
    ]
    _steps_taken([plan for plan, _ in history], just_done)


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


def _stage_chart(points: list) -> None:
    st.header("Where you are in each part of life", anchor=False)
    st.caption("Stage 1 is when things feel very hard. Stage 5 is moving forward.")
    rows = stage_history(points)
    table = pd.DataFrame(
        [{AREA_LABELS[a]: stage for a, stage in row.stages.items()} for row in rows],
        index=[row.label for row in rows],
    )
    long_form = table.reset_index(names="plan").melt(
        id_vars="plan", var_name="life area", value_name="stage"
    )
    chart = (
        alt.Chart(long_form)
        .mark_line(point=alt.OverlayMarkDef(size=80), strokeWidth=3)
        .encode(
            x=alt.X("plan:N", sort=list(table.index), title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y(
                "stage:Q",
                scale=alt.Scale(domain=[1, 5]),
                axis=alt.Axis(values=[1, 2, 3, 4, 5], format="d"),
                title="Stage (1 to 5)",
            ),
            color=alt.Color("life area:N", title="Life area"),
            tooltip=["plan", "life area", "stage"],
        )
    )
    st.altair_chart(
        chart,
        width="stretch",
        alt="A line chart of the stage in each life area at each plan. "
        "The same numbers are in the table below it.",
    )
    with st.expander("See the stages as a table"):
        st.table(table.T)


def _steps_taken(history: list[Plan], just_done: list[TakenStep]) -> None:
    st.header("Steps you've taken", anchor=False)
    taken = steps_taken(history, just_done)
    if not taken:
        st.markdown("Your first steps will show here. Every step counts, however small.")
        return
    st.markdown("\n".join(f"- {escape_markdown(t.title)} ({t.done_on:%d %B %Y})" for t in taken))
