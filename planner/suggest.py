"""Build a draft plan from a profile: the suggestion rules put together.

The draft is filled in order of what matters most, while the cap allows: after a crisis a
safety step first; basic needs (money, housing); a talk about work support for a person who
wants paid work; the person's first aim; a step about a barrier they raised (alcohol, caring);
the stage's lead area;
at the forward stage a volunteering or work step; then the best steps spread across the open
areas. One step per family. Which steps may be offered, and how they rank, is `planner.policy`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from goal_library.models import Library, LibraryStep
from planner.models import Plan, PlanStep, Profile, StepTrace, TraceSlot
from planner.policy import admitted_by, candidates, rank_key, score
from planner.reasons import step_reasons
from planner.rules import (
    aims_served,
    effective_stage,
    has_basic_needs,
    in_crisis,
    lead_area,
    open_areas,
    raised_topics,
    serves_aim,
    step_cap,
)

_BEAT_SHOWN = 5


@dataclass(frozen=True)
class Pick:
    """A step the draft took, the rule that took it, and the candidates it beat."""

    step: LibraryStep
    slot: TraceSlot
    beat: tuple[str, ...]


def build_plan(profile: Profile, library: Library) -> Plan:
    """The draft plan: a few graded, explained steps, alternatives, and where to get help now."""
    areas = open_areas(profile, library)
    ranked = {area: candidates(area, profile, library) for area in areas}
    cap = step_cap(profile, library.rules)
    picks = choose(ranked, areas, cap, profile, library)
    return Plan(
        profile=profile,
        max_steps=cap,
        steps=[suggested_step(p.step, profile, library, p.slot, p.beat) for p in picks],
        alternatives=alternatives(ranked, [p.step for p in picks], profile, library),
        signposts=list(library.signposts.for_nation(profile.nation)),
    )


def choose(
    ranked: dict[str, list[LibraryStep]],
    areas: tuple[str, ...],
    cap: int,
    profile: Profile,
    library: Library,
) -> list[Pick]:
    """The draft's steps, most important first, never more than the cap, one per family."""
    rules = library.rules
    picks: list[Pick] = []

    def taken_families() -> set[str]:
        return {p.step.family_id for p in picks}

    def take(
        slot: TraceSlot, wanted: Callable[[LibraryStep], bool], *, score_first: bool = False
    ) -> None:
        if len(picks) >= cap:
            return
        pool = [
            step
            for area in areas
            for step in ranked[area]
            if wanted(step) and step.family_id not in taken_families()
        ]
        if not pool:
            return

        def key(step: LibraryStep) -> tuple[tuple[int, int], int]:
            value, fit = _round_key(step, profile, library)
            points = score(step, profile, library).points
            return ((-points, fit) if score_first else (value, fit), areas.index(step.area))

        pool.sort(key=key)
        picks.append(Pick(pool[0], slot, _ids(pool[1:])))

    def already(wanted: Callable[[LibraryStep], bool]) -> bool:
        return any(wanted(p.step) for p in picks)

    if in_crisis(profile, rules):
        crisis = rules.crisis
        take(
            "safety_first",
            lambda s: crisis.first_kind in s.kinds and s.area == crisis.first_area,
        )
    if has_basic_needs(profile, rules):
        basic = rules.basic_needs
        take(
            "basic_needs",
            lambda s: basic.kind in s.kinds and s.area == basic.area and s.grade <= basic.max_grade,
        )
    support = rules.work_support

    def work_support_talk() -> None:
        # The person who raised paid work is best served by the right person to talk to (an
        # IPS specialist with a mental health team), whatever its grade: score before grade.
        if support.aim in profile.aims and not already(lambda s: support.kind in s.kinds):
            take(
                "work_support",
                lambda s: support.kind in s.kinds and s.grade <= support.max_grade,
                score_first=True,
            )

    if profile.aims and profile.aims[0] == support.aim:
        work_support_talk()
    if profile.aims:
        first_aim = library.aim(profile.aims[0])
        if not already(lambda s: serves_aim(s, first_aim)):
            take("first_aim", lambda s: serves_aim(s, first_aim))
    work_support_talk()
    # The first raised barrier, in the table's order, that no step is about yet.
    unserved = [
        b
        for b in rules.raised_slot_barriers
        if b in profile.barriers and not already(lambda s, b=b: b in raised_topics(s, profile))
    ]
    if unserved:
        take("raised_topic", lambda s: unserved[0] in raised_topics(s, profile))
    lead = lead_area(profile, rules)
    if lead is not None and not already(lambda s: s.area == lead):
        take("lead_area", lambda s: s.area == lead)
    forward = rules.forward
    if profile.stage == forward.stage and not already(
        lambda s: bool(set(s.kinds) & set(forward.kinds))
    ):
        take("forward", lambda s: bool(set(s.kinds) & set(forward.kinds)))
    unasked = {kind for kind, aim in rules.spread_only_with_aim.items() if aim not in profile.aims}
    spread_ranked = {
        area: [s for s in steps if not set(s.kinds) & unasked] for area, steps in ranked.items()
    }
    _spread(picks, spread_ranked, areas, cap, profile, library)
    return picks


def _spread(
    picks: list[Pick],
    ranked: dict[str, list[LibraryStep]],
    areas: tuple[str, ...],
    cap: int,
    profile: Profile,
    library: Library,
) -> None:
    """Fill the rest across areas: an area with fewer steps in the plan goes first, then the
    better grade fit and score, then the area's place in the focus order."""
    while len(picks) < cap:
        families = {p.step.family_id for p in picks}
        per_area = Counter(p.step.area for p in picks)
        offers = []
        for area in areas:
            best = next((s for s in ranked[area] if s.family_id not in families), None)
            if best is not None:
                offers.append(
                    (per_area[area], _round_key(best, profile, library), areas.index(area), best)
                )
        if not offers:
            return
        # Areas with fewer steps first; among them, steps towards one of the person's aims.
        offers.sort(
            key=lambda offer: (offer[0], not aims_served(offer[3], profile, library), *offer[1:3])
        )
        picks.append(Pick(offers[0][3], "spread", _ids(o[3] for o in offers[1:])))


def alternatives(
    ranked: dict[str, list[LibraryStep]],
    chosen: list[LibraryStep],
    profile: Profile,
    library: Library,
) -> dict[str, list[PlanStep]]:
    """Other steps to offer in each open area: one per family, none like a step in the draft.

    Someone who wants paid work is always offered a talk about work support: if the draft has
    none, the best one leads its area's alternatives.
    """
    rules = library.rules
    per_area = rules.alternatives_per_area
    result: dict[str, list[PlanStep]] = {}
    pinned = _work_support_to_pin(ranked, chosen, profile, library)
    for area, steps in ranked.items():
        families = {s.family_id for s in chosen}
        offered: list[LibraryStep] = []
        ordered = [*([pinned] if pinned is not None and pinned.area == area else []), *steps]
        for step in ordered:
            if step.family_id in families:
                continue
            families.add(step.family_id)
            offered.append(step)
            if len(offered) == per_area:
                break
        result[area] = [suggested_step(s, profile, library, "alternative") for s in offered]
    return result


def _work_support_to_pin(
    ranked: dict[str, list[LibraryStep]],
    chosen: list[LibraryStep],
    profile: Profile,
    library: Library,
) -> LibraryStep | None:
    support = library.rules.work_support
    if support.aim not in profile.aims:
        return None
    if any(support.kind in s.kinds for s in chosen):
        return None
    options = [s for steps in ranked.values() for s in steps if support.kind in s.kinds]
    return options[0] if options else None


def suggested_step(
    step: LibraryStep,
    profile: Profile,
    library: Library,
    slot: TraceSlot = "alternative",
    beat: Iterable[str] = (),
) -> PlanStep:
    """A library step as it appears in this person's plan, with its reasons and its trace."""
    parts = score(step, profile, library)
    return PlanStep(
        id=step.id,
        area=step.area,
        grade=step.grade,
        title=step.title,
        detail=step.detail,
        why=step.why,
        reasons=step_reasons(step, effective_stage(profile, step.area), parts, slot, library),
        strengths_used=list(parts.strengths),
        barriers_eased=list(parts.eased),
        smaller=step.smaller,
        next=step.next,
        trace=StepTrace(
            slot=slot,
            admitted_by=admitted_by(step, profile, library),
            score=parts.as_dict(),
            beat=list(beat)[:_BEAT_SHOWN],
        ),
    )


def _round_key(step: LibraryStep, profile: Profile, library: Library) -> tuple[int, int]:
    value, fit, _ = rank_key(step, profile, library)
    return (value, fit)


def _ids(steps: Iterable[LibraryStep]) -> tuple[str, ...]:
    return tuple(s.id for s in steps)[:_BEAT_SHOWN]
