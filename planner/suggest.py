"""Build a draft plan from a profile: the suggestion rules put together."""

from __future__ import annotations

from goal_library.models import Library, LibraryStep
from planner.models import Plan, PlanStep, Profile
from planner.reasons import step_reasons
from planner.rules import (
    barriers_eased,
    effective_stage,
    grade_window,
    has_what_it_needs,
    lead_area,
    open_areas,
    personal_score,
    ruling_barriers,
    step_cap,
    strengths_used,
)


def build_plan(profile: Profile, library: Library) -> Plan:
    """The draft plan: a few graded, explained steps, alternatives, and where to get help now."""
    areas = open_areas(profile, library.rules)
    ranked = {area: ranked_candidates(area, profile, library) for area in areas}
    cap = step_cap(profile, library.rules)
    chosen = _choose(ranked, areas, cap, profile, lead_area(profile, library.rules))
    chosen_ids = {step.id for step in chosen}
    per_area = library.rules.alternatives_per_area
    alternatives = {
        area: [suggested_step(s, profile, library) for s in steps if s.id not in chosen_ids][
            :per_area
        ]
        for area, steps in ranked.items()
    }
    return Plan(
        profile=profile,
        max_steps=cap,
        steps=[suggested_step(step, profile, library) for step in chosen],
        alternatives=alternatives,
        signposts=list(library.signposts.for_nation(profile.nation)),
    )


def ranked_candidates(area: str, profile: Profile, library: Library) -> list[LibraryStep]:
    """Steps in an area the person could take now, best first.

    Grade fit comes first (the stage's own grade leads), then the personal score, then the
    library's own order, so the same answers always give the same list.
    """
    window = grade_window(effective_stage(profile, area))
    eligible = [
        (index, step)
        for index, step in enumerate(library.steps)
        if step.area == area
        and step.grade in window
        and has_what_it_needs(step, profile)
        and not ruling_barriers(step, profile, library)
    ]
    eligible.sort(
        key=lambda pair: (window.index(pair[1].grade), -personal_score(pair[1], profile), pair[0])
    )
    return [step for _, step in eligible]


def suggested_step(step: LibraryStep, profile: Profile, library: Library) -> PlanStep:
    """A library step as it appears in this person's plan, with its reasons."""
    used = strengths_used(step, profile)
    eased = barriers_eased(step, profile)
    return PlanStep(
        id=step.id,
        area=step.area,
        grade=step.grade,
        title=step.title,
        detail=step.detail,
        why=step.why,
        reasons=step_reasons(step, effective_stage(profile, step.area), used, eased, library),
        strengths_used=list(used),
        barriers_eased=list(eased),
        smaller=step.smaller,
        next=step.next,
    )


def _choose(
    ranked: dict[str, list[LibraryStep]],
    areas: tuple[str, ...],
    cap: int,
    profile: Profile,
    lead: str | None,
) -> list[LibraryStep]:
    """Spread the plan across areas: each area's best first, then each area's second, and so on.

    The lead area's best step, if there is a lead area, goes first. Within a round, better grade
    fit and a higher personal score win; the focus order breaks ties.
    """
    chosen: list[LibraryStep] = []
    if lead is not None and ranked.get(lead):
        chosen.append(ranked[lead][0])
    depth = 0
    while len(chosen) < cap and any(len(steps) > depth for steps in ranked.values()):
        round_steps = [
            (areas.index(area), steps[depth])
            for area, steps in ranked.items()
            if len(steps) > depth and steps[depth] not in chosen
        ]
        round_steps.sort(key=lambda pair: (_round_key(pair[1], profile), pair[0]))
        chosen.extend(step for _, step in round_steps[: cap - len(chosen)])
        depth += 1
    return chosen


def _round_key(step: LibraryStep, profile: Profile) -> tuple[int, int]:
    window = grade_window(effective_stage(profile, step.area))
    return (window.index(step.grade), -personal_score(step, profile))
