"""The review rule: from how each step went to the next draft plan, without blame.

done -> the next step up; partly -> keep it, or the smaller version if confidence was low;
not yet -> the smaller version; not right for me -> another step in the same area at the same
grade. The new plan respects the cap and the grade window from the (possibly new) stages.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from goal_library.models import Library, LibraryStep
from planner.editing import with_note
from planner.models import Outcome, Plan, PlanStep, Profile, TakenStep
from planner.policy import Scope, candidates, may_offer
from planner.rules import should_offer_smaller, step_cap
from planner.suggest import build_plan, suggested_step

OUTCOME_REASONS: dict[str, str] = {
    "done": "You did this. Here is the next step.",
    "done_again": "You did a step like this. Here is another one to build on it.",
    "partly": "You made a start. Keep going with this step.",
    "partly_smaller": "You made a start. Here is a smaller version to build on.",
    "not_yet": "This was hard to fit in. Here is a smaller step to try.",
    "not_yet_keep": "This was hard to fit in. It is fine to try it again.",
    "not_for_me": "That step was not right for you. Here is a different one to try.",
    "kept": "We kept this step from your last plan.",
}
OUTCOME_LABELS: dict[str, str] = {
    "done": "Done",
    "partly": "Partly",
    "not_yet": "Not yet",
    "not_for_me": "Not right for me",
}


def review_plan(
    plan: Plan,
    outcomes: Mapping[str, Outcome],
    library: Library,
    reviewed_on: datetime.date,
    *,
    stage: int | None = None,
    area_stages: Mapping[str, int] | None = None,
    what_went_well: str = "",
    outcome_words: Mapping[str, str] | None = None,
) -> Plan:
    """The next draft plan after a review."""
    profile = _updated_profile(plan.profile, stage, area_stages)
    words = outcome_words or {}
    chosen: list[PlanStep] = []
    for step in plan.steps:
        outcome = outcomes.get(step.id)
        follow_on = _follow_on(step, outcome, profile, library, taken=chosen + plan.steps)
        if follow_on is not None:
            chosen.append(follow_on)
    cap = step_cap(profile, library.rules)
    draft = build_plan(profile, library)
    chosen = _fill_to_cap(chosen[:cap], cap, draft, library)
    reviewed_steps = [
        step.model_copy(
            update={"outcome": outcomes.get(step.id), "outcome_words": words.get(step.id, "")}
        )
        for step in plan.steps
    ]
    return with_note(
        draft,
        library,
        steps=chosen,
        reference=plan.reference,
        reviewed_on=reviewed_on,
        what_went_well=what_went_well,
        steps_taken=[*plan.steps_taken, *_newly_taken(reviewed_steps, reviewed_on)],
        reviewed_steps=reviewed_steps,
        alternatives=_alternatives(draft, chosen),
    )


def _follow_on(
    step: PlanStep,
    outcome: Outcome | None,
    profile: Profile,
    library: Library,
    taken: list[PlanStep],
) -> PlanStep | None:
    """The step that follows this one in the next plan, or None when it simply ends."""
    if step.own_words:
        return _own_words_follow_on(step, outcome)
    if not library.has_step(step.id):
        return None
    current = library.step(step.id)
    taken_ids = {s.id for s in taken} - {step.id}
    if outcome == "done":
        bigger = _usable(current.next, profile, library, taken_ids, Scope.NEXT_STEP)
        if bigger is not None:
            return _with_reason(bigger, profile, library, OUTCOME_REASONS["done"])
        same_level = _another_in_area(current, profile, library, taken_ids, grade=None)
        reason = OUTCOME_REASONS["done_again"]
        return _with_reason(same_level, profile, library, reason) if same_level else None
    if outcome == "not_for_me":
        other = _another_in_area(current, profile, library, taken_ids, grade=current.grade)
        other = other or _another_in_area(current, profile, library, taken_ids, grade=None)
        return (
            _with_reason(other, profile, library, OUTCOME_REASONS["not_for_me"]) if other else None
        )
    wants_smaller = outcome == "not_yet" or (
        outcome == "partly" and should_offer_smaller(step.confidence, library.rules)
    )
    if wants_smaller or not _fits_now(current, profile, library):
        smaller = _usable(current.smaller, profile, library, taken_ids)
        if smaller is not None:
            key = "not_yet" if outcome == "not_yet" else "partly_smaller"
            return _with_reason(smaller, profile, library, OUTCOME_REASONS[key])
        if not _fits_now(current, profile, library):
            return None
    key = {"partly": "partly", "not_yet": "not_yet_keep"}.get(outcome or "", "kept")
    kept = _with_reason(current, profile, library, OUTCOME_REASONS[key])
    return kept.model_copy(
        update={
            "when": step.when,
            "who_can_help": step.who_can_help,
            "if_then": step.if_then,
            "confidence": step.confidence,
        }
    )


def _own_words_follow_on(step: PlanStep, outcome: Outcome | None) -> PlanStep | None:
    if outcome in ("done", "not_for_me"):
        return None
    key = {"partly": "partly", "not_yet": "not_yet_keep"}.get(outcome or "", "kept")
    return step.model_copy(update={"reasons": [OUTCOME_REASONS[key]], "outcome": None})


def _usable(
    step_id: str | None,
    profile: Profile,
    library: Library,
    taken_ids: set[str],
    scope: Scope = Scope.SUGGESTED,
) -> LibraryStep | None:
    if step_id is None or step_id in taken_ids or not library.has_step(step_id):
        return None
    candidate = library.step(step_id)
    return candidate if may_offer(candidate, profile, library, scope) else None


def _fits_now(step: LibraryStep, profile: Profile, library: Library) -> bool:
    """The policy would offer it to the person as they are now, as a step they are on."""
    return may_offer(step, profile, library, Scope.NEXT_STEP)


def _another_in_area(
    current: LibraryStep,
    profile: Profile,
    library: Library,
    taken_ids: set[str],
    grade: int | None,
) -> LibraryStep | None:
    taken_families = {library.step(i).family_id for i in taken_ids if library.has_step(i)}
    for candidate in candidates(current.area, profile, library):
        if candidate.id == current.id or candidate.id in taken_ids:
            continue
        if candidate.family_id in taken_families | {current.family_id}:
            continue
        if grade is None or candidate.grade == grade:
            return candidate
    return None


def _with_reason(step: LibraryStep, profile: Profile, library: Library, reason: str) -> PlanStep:
    suggested = suggested_step(step, profile, library)
    return suggested.model_copy(update={"reasons": [reason, *suggested.reasons]})


def _fill_to_cap(chosen: list[PlanStep], cap: int, draft: Plan, library: Library) -> list[PlanStep]:
    """Room left under the cap is offered from a fresh draft, so the plan still has a next step;
    never a second step of a family already in the plan."""
    if len(chosen) >= cap:
        return chosen
    families = {library.step(s.id).family_id for s in chosen if library.has_step(s.id)}
    extra = []
    for step in draft.steps:
        family = library.step(step.id).family_id
        if step.id in {s.id for s in chosen} or family in families:
            continue
        families.add(family)
        extra.append(step)
    return [*chosen, *extra[: cap - len(chosen)]]


def _alternatives(draft: Plan, chosen: list[PlanStep]) -> dict[str, list[PlanStep]]:
    chosen_ids = {s.id for s in chosen}
    return {
        area: [s for s in steps if s.id not in chosen_ids]
        for area, steps in draft.alternatives.items()
    }


def _newly_taken(steps: list[PlanStep], on: datetime.date) -> list[TakenStep]:
    return [TakenStep(title=s.title, area=s.area, done_on=on) for s in steps if s.outcome == "done"]


def _updated_profile(
    profile: Profile, stage: int | None, area_stages: Mapping[str, int] | None
) -> Profile:
    changes: dict[str, object] = {}
    if stage is not None:
        changes["stage"] = stage
    if area_stages is not None:
        changes["area_stages"] = dict(area_stages)
    return Profile.model_validate({**profile.model_dump(), **changes})
