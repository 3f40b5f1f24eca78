"""The suggestion rules, each a small pure function of the profile and the library's tables."""

from __future__ import annotations

from goal_library.models import AREA_IDS, Library, LibraryStep, PlanningRules
from planner.models import Profile

# Points a step earns for each of the person's strengths it draws on, and each barrier it eases.
# Strengths lead, so they count for more.
_STRENGTH_POINTS = 2
_EASED_BARRIER_POINTS = 1


def effective_stage(profile: Profile, area: str) -> int:
    """The area's own stage if the coach set one, else the overall stage."""
    return profile.area_stages.get(area, profile.stage)  # type: ignore[call-overload]


def grade_window(stage: int) -> tuple[int, ...]:
    """Grades a step may have, best first: the stage itself, one below, one above, then lower.

    Never more than one above the stage. Grades further below are kept last, so an area is
    never left empty when barriers rule out the closer steps.
    """
    below = tuple(range(stage - 1, 0, -1))
    above = (stage + 1,) if stage < 5 else ()
    return (stage, *below[:1], *above, *below[1:])


def open_areas(profile: Profile, rules: PlanningRules) -> tuple[str, ...]:
    """Life areas the plan looks at: the stage's focus areas, then any the coach opened."""
    focus = rules.focus_areas[profile.stage]
    opened = tuple(a for a in AREA_IDS if a in profile.area_stages and a not in focus)
    return (*focus, *opened)


def step_cap(profile: Profile, rules: PlanningRules) -> int:
    """How many steps the draft plan holds: fewer at early stages and after a crisis."""
    cap = rules.max_steps[profile.stage]
    if rules.crisis_barrier in profile.barriers:
        cap = min(cap, rules.max_steps_after_crisis)
    return cap


def ruling_barriers(step: LibraryStep, profile: Profile, library: Library) -> tuple[str, ...]:
    """The person's barriers that make this step unrealistic for now (empty if none)."""
    return tuple(
        barrier_id
        for barrier_id in profile.barriers
        if barrier_id in step.ruled_out_by
        or step.settings & set(library.barrier(barrier_id).rules_out)
    )


def has_what_it_needs(step: LibraryStep, profile: Profile) -> bool:
    """A step about a pet, a car or debts is only for a person who said they have one."""
    return not step.only_for or any(
        i in profile.strengths or i in profile.barriers for i in step.only_for
    )


def lead_area(profile: Profile, rules: PlanningRules) -> str | None:
    """The life area the draft plan starts with, if the stage (or a recent crisis) names one."""
    if rules.crisis_barrier in profile.barriers:
        return rules.lead_area_after_crisis
    return rules.lead_area[profile.stage]


def strengths_used(step: LibraryStep, profile: Profile) -> tuple[str, ...]:
    """The person's own strengths this step draws on, in the person's order."""
    return tuple(s for s in profile.strengths if s in step.strengths)


def barriers_eased(step: LibraryStep, profile: Profile) -> tuple[str, ...]:
    """The person's barriers this step may help with, in the person's order."""
    return tuple(b for b in profile.barriers if b in step.eases)


def personal_score(step: LibraryStep, profile: Profile) -> int:
    """Higher for steps that draw on the person's strengths and ease their barriers."""
    return _STRENGTH_POINTS * len(strengths_used(step, profile)) + _EASED_BARRIER_POINTS * len(
        barriers_eased(step, profile)
    )


def fits_window(step: LibraryStep, profile: Profile) -> bool:
    return step.grade in grade_window(effective_stage(profile, step.area))


def should_offer_smaller(confidence: int | None, rules: PlanningRules) -> bool:
    """Below the confidence threshold, the smaller version is offered."""
    return confidence is not None and confidence < rules.confidence_threshold
