"""Progress across saved versions: the stage in each life area, and the steps taken."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from goal_library.models import AREA_IDS
from planner.models import Plan, Profile, TakenStep
from planner.rules import effective_stage


@dataclass(frozen=True)
class StagePoint:
    label: str
    stages: dict[str, int]


def stage_history(points: list[tuple[str, Profile]]) -> list[StagePoint]:
    """The stage in every life area at each labelled point, oldest first."""
    return [
        StagePoint(label, {area: effective_stage(profile, area) for area in AREA_IDS})
        for label, profile in points
    ]


def version_label(plan: Plan, saved_on: datetime.date | None) -> str:
    day = saved_on or plan.reviewed_on or plan.created_on
    version = f"Plan {plan.version}" if plan.version else "Last plan"
    return f"{version}, {day:%d %b %Y}" if day else version


def steps_taken(history: list[Plan], just_done: list[TakenStep] | None = None) -> list[TakenStep]:
    """Every step marked done, oldest first, without repeats across versions."""
    seen: set[tuple[str, datetime.date]] = set()
    taken: list[TakenStep] = []
    for step_list in [*(plan.steps_taken for plan in history), just_done or []]:
        for step in step_list:
            key = (step.title, step.done_on)
            if key not in seen:
                seen.add(key)
                taken.append(step)
    return sorted(taken, key=lambda step: step.done_on)
