"""At a review: the steps of the last plan the person still wants that the next plan left out.

The next plan is built by the review rules (`planner.review`), which may leave out a step that
was not yet done to make room, or after a very hard time. The person can add such a step back
by hand; whether it may be offered is still decided by the one policy (`planner.editing`).
"""

from __future__ import annotations

from collections.abc import Mapping

from goal_library.models import Library
from planner.models import Plan, PlanStep
from planner.rules import is_like_one_of

# Outcomes that end a step: it is not missed when the next plan leaves it out.
_ENDED = frozenset({"done", "not_for_me"})


def left_out_of_next_plan(
    previous: Plan, outcomes: Mapping[str, str], next_plan: Plan, library: Library
) -> list[PlanStep]:
    """Steps of `previous` not ended at the review that `next_plan` holds in no size: not
    itself, not a rung of its ladder, not one of its family."""
    in_next = {step.id for step in next_plan.steps}
    own_titles = {step.title for step in next_plan.steps if step.own_words}
    nation = next_plan.profile.nation
    missed = []
    for step in previous.steps:
        if outcomes.get(step.id) in _ENDED or step.id in in_next:
            continue
        if step.own_words:
            if step.title in own_titles:
                continue
        # Made smaller or bigger, or swapped for a near-twin, it is still in the plan.
        elif not library.has_step(step.id) or is_like_one_of(
            library.step(step.id), in_next, library, nation
        ):
            continue
        missed.append(step)
    return missed
