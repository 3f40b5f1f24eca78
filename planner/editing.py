"""Changes a coach and a claimant make to a draft plan. Each returns a new, validated plan.

Adding past the cap is allowed: the plan carries a gentle note instead of a block. Every change
is checked as a whole plan (`planner.models.revised`), so an edit can never make a plan that
could not be saved and opened again; a change that would is a PlanEditError with a plain reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import ValidationError

from goal_library.models import Library
from planner.inputs import plain_errors
from planner.models import MAX_STEPS, Plan, PlanStep, agreed_for, revised
from planner.policy import Scope, candidates, first_refusal_message, may_offer, refusals
from planner.prompts import as_read
from planner.rules import effective_stage, is_like_one_of, should_offer_smaller
from planner.suggest import suggested_step

OVER_CAP_NOTE = (
    "This plan has more steps than most. That is OK: take them at your own pace, and it is "
    "fine to leave some for later."
)
OWN_STEP_REASON = "You chose this step in your own words."
FULL_PLAN_MESSAGE = (
    f"This plan already has {MAX_STEPS} steps, which is as many as a plan can hold. "
    "Remove a step to add another."
)
_OWN_ID_PREFIX = "own_"


class PlanEditError(ValueError):
    """A change that cannot be made, with a plain reason."""


def revised_plan(plan: Plan, library: Library | None = None, **changes: object) -> Plan:
    """The plan with `changes`, checked as a whole plan; PlanEditError if it is not valid."""
    try:
        return revised(plan, library, **changes)
    except ValidationError as error:
        raise PlanEditError(
            "That change cannot be made: " + "; ".join(plain_errors(error)[:3])
        ) from None


def with_note(plan: Plan, library: Library | None = None, **changes: object) -> Plan:
    """The plan with `changes`, checked once as a whole, and the over-cap note present exactly
    when it has more steps than its cap."""
    merged = {**dict(plan), **changes}
    notes = [note for note in merged["notes"] if note != OVER_CAP_NOTE]
    if len(merged["steps"]) > merged["max_steps"]:
        notes.append(OVER_CAP_NOTE)
    return revised_plan(plan, library, **{**changes, "notes": notes})


def remove_step(plan: Plan, step_id: str) -> Plan:
    _index_of(plan, step_id)
    steps = [s for s in plan.steps if s.id != step_id]
    return with_note(plan, steps=steps)


def add_library_step(plan: Plan, step_id: str, library: Library) -> Plan:
    """Add a step from the library by hand (at the end of the plan)."""
    _check_room(plan)
    new_step = _library_step_for(plan, step_id, library)
    return with_note(plan, library, steps=[*plan.steps, new_step])


def add_own_step(plan: Plan, area: str, title: str) -> Plan:
    """Add a step in the person's own words, kept exactly as typed."""
    if not title.strip():
        raise PlanEditError("Please write the step first.")
    _check_room(plan)
    taken = {s.id for s in plan.steps}
    number = 1
    while f"{_OWN_ID_PREFIX}{number}" in taken:
        number += 1
    try:
        own = PlanStep(
            id=f"{_OWN_ID_PREFIX}{number}",
            area=area,  # type: ignore[arg-type]
            title=title,
            reasons=[OWN_STEP_REASON],
            own_words=True,
        )
    except ValidationError as error:
        raise PlanEditError(
            "That step cannot be added: " + "; ".join(plain_errors(error)[:3])
        ) from None
    return with_note(plan, steps=[*plan.steps, own])


def replace_step(plan: Plan, step_id: str, new_step_id: str, library: Library) -> Plan:
    """Swap a step for another library step in the same place, keeping what was agreed for it."""
    index = _index_of(plan, step_id)
    old = plan.steps[index]
    new_step = _library_step_for(plan, new_step_id, library, replacing=step_id)
    new_step = new_step.model_copy(
        update={"when": old.when, "who_can_help": old.who_can_help, "if_then": old.if_then}
    )
    steps = [*plan.steps[:index], new_step, *plan.steps[index + 1 :]]
    return with_note(plan, library, steps=steps)


def make_smaller(plan: Plan, step_id: str, library: Library) -> Plan:
    step = plan.steps[_index_of(plan, step_id)]
    if step.smaller is None:
        raise PlanEditError("This step has no smaller version.")
    return replace_step(plan, step_id, step.smaller, library)


def take_next_step(plan: Plan, step_id: str, library: Library) -> Plan:
    step = plan.steps[_index_of(plan, step_id)]
    if step.next is None:
        raise PlanEditError("This step has no next step up yet.")
    return replace_step(plan, step_id, step.next, library)


def update_details(
    plan: Plan,
    step_id: str,
    *,
    when: str | None = None,
    who_can_help: str | None = None,
    if_then: str | None = None,
    confidence: int | str | None = "unchanged",
) -> Plan:
    """Make a step concrete: when, who can help, the if-then plan and the confidence number."""
    index = _index_of(plan, step_id)
    changes: dict[str, object] = {
        name: value
        for name, value in (("when", when), ("who_can_help", who_can_help), ("if_then", if_then))
        if value is not None
    }
    if confidence != "unchanged":
        changes["confidence"] = confidence
    step = plan.steps[index].model_copy(update=changes)
    steps = [*plan.steps[:index], step, *plan.steps[index + 1 :]]
    return revised_plan(plan, steps=steps)


def swap_options(plan: Plan, step_id: str, library: Library) -> list[PlanStep]:
    """Other steps in the same area the person could take now, best first."""
    step = plan.steps[_index_of(plan, step_id)]
    return library_options(plan, step.area, library, replacing=step_id)


def library_options(
    plan: Plan, area: str, library: Library, replacing: str | None = None
) -> list[PlanStep]:
    """Steps in an area that fit the person now, best first: none already in the plan, and
    none from the family of a step in the plan (other than the one being swapped)."""
    families = _families_in(plan, library, leaving_out=replacing)
    done = _done_in(plan)
    person = as_read(plan.profile, library)
    return [
        suggested_step(s, person, library, done=done)
        for s in candidates(area, person, library, done)
        if s.family_id not in families and not any(p.id == s.id for p in plan.steps)
    ]


def smaller_offer(plan: Plan, step: PlanStep, library: Library) -> PlanStep | None:
    """The smaller version to offer when confidence is below the threshold, if there is one."""
    if not should_offer_smaller(step.confidence, library.rules):
        return None
    if not can_make_smaller(plan, step, library):
        return None
    person = as_read(plan.profile, library)
    return suggested_step(library.step(step.smaller), person, library, done=_done_in(plan))  # type: ignore[arg-type]


def can_take_next(plan: Plan, step: PlanStep, library: Library) -> bool:
    """True when the step has a next step up that suits the person and is not in the plan."""
    return _can_move_to(step.next, step.id, plan, library)


def can_make_smaller(plan: Plan, step: PlanStep, library: Library) -> bool:
    """True when the step has a smaller version that suits the person and is not in the plan."""
    return _can_move_to(step.smaller, step.id, plan, library)


def _can_move_to(step_id: str | None, replacing: str, plan: Plan, library: Library) -> bool:
    """The same checks `replace_step` makes, asked before a button is shown."""
    if step_id is None or not library.has_step(step_id):
        return False
    if any(s.id == step_id for s in plan.steps):
        return False
    target = library.step(step_id)
    if target.family_id in _families_in(plan, library, leaving_out=replacing):
        return False
    person = as_read(plan.profile, library)
    return may_offer(target, person, library, Scope.BY_HAND, _done_in(plan))


def _library_step_for(
    plan: Plan, step_id: str, library: Library, replacing: str | None = None
) -> PlanStep:
    if not library.has_step(step_id):
        raise PlanEditError(f"There is no step called '{step_id}' in the library.")
    if any(s.id == step_id and s.id != replacing for s in plan.steps):
        raise PlanEditError("That step is already in the plan.")
    step = library.step(step_id)
    person = as_read(plan.profile, library)
    refused = refusals(step, person, library, Scope.BY_HAND, _done_in(plan))
    if refused:
        raise PlanEditError(first_refusal_message(refused[0], person, library))
    if step.family_id in _families_in(plan, library, leaving_out=replacing):
        raise PlanEditError("A step very like that one is already in the plan.")
    suggested = suggested_step(step, person, library, scope=Scope.BY_HAND, done=_done_in(plan))
    stage = effective_stage(person, step.area)
    if step.grade > stage + 1:
        bigger = "This is a bigger step than where you are now. Take it at your own pace."
        suggested = suggested.model_copy(update={"reasons": [bigger, *suggested.reasons[1:]]})
    return suggested


def _done_in(plan: Plan) -> frozenset[str]:
    """Library steps done already in this plan: never offered again."""
    return frozenset(t.id for t in plan.steps_taken if t.id)


def _families_in(plan: Plan, library: Library, leaving_out: str | None = None) -> set[str]:
    """The families of the plan's library steps (own-words steps have none)."""
    return {
        library.step(s.id).family_id
        for s in plan.steps
        if s.id != leaving_out and library.has_step(s.id)
    }


def _check_room(plan: Plan) -> None:
    if len(plan.steps) >= MAX_STEPS:
        raise PlanEditError(FULL_PLAN_MESSAGE)


def _index_of(plan: Plan, step_id: str) -> int:
    for index, step in enumerate(plan.steps):
        if step.id == step_id:
            return index
    raise PlanEditError("That step is not in the plan any more.")


@dataclass(frozen=True)
class Redraft:
    """A new draft for changed answers, with the person's own changes to the last one kept,
    and what changed in plain words."""

    plan: Plan
    added: tuple[str, ...] = ()
    no_longer_suggested: tuple[str, ...] = ()
    kept_changes: bool = False

    def message(self) -> str:
        parts = ["Your answers changed, so the suggested steps have been updated."]
        if self.added:
            parts.append("New: " + "; ".join(f"“{t}”" for t in self.added) + ".")
        if self.no_longer_suggested:
            gone = "; ".join(f"“{t}”" for t in self.no_longer_suggested)
            parts.append(f"No longer suggested, as it does not fit the new answers: {gone}.")
        if self.kept_changes:
            parts.append("The changes you made to the steps are kept.")
        return " ".join(parts)


def redraft(
    previous: Plan, drafted: Sequence[str] | None, fresh: Plan, library: Library
) -> Redraft:
    """The fresh draft, keeping what the person did to the last one.

    `drafted` is what the last draft suggested before any change (None when not known: then
    only steps in their own words are carried over). A suggested step they removed stays out;
    a step they added, swapped in or wrote stays while it still fits (checked as an addition by
    hand) and wins over a fresh step of its family; what they agreed for a step (when, who can
    help, the if-then plan, how sure they feel) stays with it.
    """
    suggested_before = (
        {s.id for s in previous.steps if not s.own_words} if drafted is None else set(drafted)
    )
    removed = suggested_before - {s.id for s in previous.steps}
    agreed = {s.id: agreed_for(s) for s in previous.steps}
    person = as_read(fresh.profile, library)
    done = _done_in(previous)

    kept_by_hand: list[PlanStep] = []
    dropped: list[str] = []
    for step in previous.steps:
        if step.id in suggested_before:
            continue
        if step.own_words:
            kept_by_hand.append(step)
        elif library.has_step(step.id) and may_offer(
            library.step(step.id), person, library, Scope.BY_HAND, done
        ):
            again = suggested_step(
                library.step(step.id), person, library, scope=Scope.BY_HAND, done=done
            )
            kept_by_hand.append(revised(again, **agreed[step.id]))
        else:
            dropped.append(step.title)
    hand_ids = {s.id for s in kept_by_hand}

    steps: list[PlanStep] = []
    for step in fresh.steps:
        if step.id in removed or step.id in hand_ids:
            continue
        # A fresh draft from a review carries the person's own steps too: they have no family.
        if library.has_step(step.id) and is_like_one_of(
            library.step(step.id), hand_ids, library, person.nation
        ):
            continue
        steps.append(revised(step, **agreed.get(step.id, {})))
    room = MAX_STEPS - len(kept_by_hand)
    steps = [*steps[: max(room, 0)], *kept_by_hand][:MAX_STEPS]

    before = {s.id for s in previous.steps}
    after = {s.id for s in steps}
    plan = with_note(
        fresh,
        library,
        steps=steps,
        review_on=previous.review_on,
        reference=previous.reference or fresh.reference,
    )
    return Redraft(
        plan=plan,
        added=tuple(s.title for s in steps if s.id not in before),
        no_longer_suggested=(
            *(s.title for s in previous.steps if s.id in suggested_before and s.id not in after),
            *dropped,
        ),
        kept_changes=bool(removed or kept_by_hand or any(any(a.values()) for a in agreed.values())),
    )
