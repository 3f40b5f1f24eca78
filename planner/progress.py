"""Progress across saved versions: the stage in each life area, and the steps taken."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from goal_library.models import AREA_IDS
from planner.models import Plan, Profile, TakenStep
from planner.rules import effective_stage

# Kind, plain words a nine-year-old can read: a stage going down is a hard time, not a failure.
MOVED_ON = "moved on"
THE_SAME = "the same"
HARDER_JUST_NOW = "harder just now"


@dataclass(frozen=True)
class StagePoint:
    label: str
    stages: dict[str, int]


@dataclass(frozen=True)
class AreaThenAndNow:
    area: str
    then: int
    now: int
    word: str


def stage_history(points: list[tuple[str, Profile]]) -> list[StagePoint]:
    """The stage in every life area at each labelled point, oldest first."""
    return [
        StagePoint(label, {area: effective_stage(profile, area) for area in AREA_IDS})
        for label, profile in points
    ]


def change_word(then: int, now: int) -> str:
    """How a life area has gone from `then` to `now`, in words the person reads."""
    if now > then:
        return MOVED_ON
    if now < then:
        return HARDER_JUST_NOW
    return THE_SAME


def then_and_now(history: list[StagePoint]) -> list[AreaThenAndNow]:
    """Each life area at the first point and the last, with the word for the change.

    Only the two ends count: an area that dipped and came back is the same as it was. With one
    point there is nothing to compare, so every area is the same.
    """
    if not history:
        return []
    first, last = history[0], history[-1]
    return [
        AreaThenAndNow(
            area,
            first.stages[area],
            last.stages[area],
            change_word(first.stages[area], last.stages[area]),
        )
        for area in first.stages
    ]


def stage_path(history: list[StagePoint], area: str) -> str:
    """The stage in one area at every point, in words: what a chart of it shows."""
    return " ".join(f"{point.label}: stage {point.stages[area]}." for point in history)


def version_label(plan: Plan, saved_on: datetime.date | None, *, with_year: bool = True) -> str:
    """A version's name and day, as "Plan 2, 26 Jan 2026"; the year is left off under a small
    chart, where space is short."""
    day = saved_on or plan.reviewed_on or plan.created_on
    version = f"Plan {plan.version}" if plan.version else "Last plan"
    if not day:
        return version
    return f"{version}, {day:%d %b %Y}" if with_year else f"{version}, {day:%d %b}"


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
