"""One small chart per life area: an area's line can never hide behind another's."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from planner.progress import StagePoint, stage_path
from ui.labels import AREA_LABELS

# The theme's primary colour: 8.5:1 on white, so the line and its points are easy to see.
LINE_COLOUR = "#1d4f91"
CHARTS_PER_ROW = 2
PLOT_HEIGHT = 140


def stage_charts(history: list[StagePoint], axis_labels: list[str]) -> None:
    """A chart of the stage at each point for every life area, two to a row on a wide screen.

    `axis_labels` name the points briefly under each chart, in the order of `history`.
    """
    if not history:
        return
    areas = list(history[0].stages)
    # A row of columns for each pair keeps the reading order when a narrow screen stacks them.
    for first in range(0, len(areas), CHARTS_PER_ROW):
        row = st.columns(CHARTS_PER_ROW)
        for column, area in zip(row, areas[first : first + CHARTS_PER_ROW], strict=False):
            with column:
                st.altair_chart(
                    area_chart(history, axis_labels, area),
                    width="stretch",
                    alt=f"{AREA_LABELS[area]}. {stage_path(history, area)}",
                )


def area_chart(history: list[StagePoint], axis_labels: list[str], area: str) -> alt.Chart:
    frame = pd.DataFrame(
        {
            "when": axis_labels,
            "plan": [point.label for point in history],
            "stage": [point.stages[area] for point in history],
        }
    )
    return (
        alt.Chart(frame, title=alt.TitleParams(AREA_LABELS[area], anchor="start"))
        .mark_line(
            color=LINE_COLOUR,
            strokeWidth=3,
            point=alt.OverlayMarkDef(size=90, filled=True, color=LINE_COLOUR),
        )
        .encode(
            x=alt.X(
                "when:N",
                sort=axis_labels,
                title=None,
                axis=alt.Axis(
                    labelAngle=0,
                    # "Plan 2, 26 Jan" on two short lines; labels that would still touch on a
                    # narrow screen are left out (every value is in the tables and the alt text).
                    labelExpr="split(datum.label, ', ')",
                    labelOverlap="greedy",
                    labelSeparation=6,
                ),
            ),
            y=alt.Y(
                "stage:Q",
                scale=alt.Scale(domain=[1, 5]),
                axis=alt.Axis(values=[1, 2, 3, 4, 5], format="d"),
                title="Stage",
            ),
            tooltip=[alt.Tooltip("plan:N", title="When"), alt.Tooltip("stage:Q", title="Stage")],
        )
        # Streamlit's default fits the title and labels into the height too, which leaves the
        # plot itself a sliver: only the width is fitted to the column here.
        .properties(
            height=PLOT_HEIGHT, autosize=alt.AutoSizeParams(type="fit-x", contains="padding")
        )
    )
