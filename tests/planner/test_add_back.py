"""The steps a review's next plan left out that the person still wants."""

import datetime

from goal_library.loader import default_library
from planner.add_back import left_out_of_next_plan
from planner.editing import add_own_step
from planner.models import Profile
from planner.review import review_plan
from planner.rules import is_like_one_of
from planner.suggest import build_plan

REVIEWED_ON = datetime.date(2026, 12, 7)


def _plan_and_next(outcome: str):
    library = default_library()
    plan = build_plan(Profile(stage=4, aims=["paid_work", "meet_people"]), library)
    plan = add_own_step(plan, "people_and_connection", "Ring my sister")
    outcomes = {step.id: outcome for step in plan.steps}
    harder = plan.model_copy(update={"profile": plan.profile.model_copy(update={"stage": 1})})
    return library, plan, outcomes, review_plan(harder, outcomes, library, REVIEWED_ON)


def test_steps_not_yet_done_and_left_out_are_named_and_nothing_in_the_next_plan_is():
    library, plan, outcomes, next_plan = _plan_and_next("not_yet")
    missed = left_out_of_next_plan(plan, outcomes, next_plan, library)
    in_next = {step.id for step in next_plan.steps}
    assert missed, "a harder time left steps out"
    assert all(step.id not in in_next for step in missed)
    nation = next_plan.profile.nation
    assert not any(is_like_one_of(library.step(s.id), in_next, library, nation) for s in missed)


def test_a_step_ended_at_the_review_is_never_missed():
    for outcome in ("done", "not_for_me"):
        library, plan, outcomes, next_plan = _plan_and_next(outcome)
        assert left_out_of_next_plan(plan, outcomes, next_plan, library) == []


def test_an_own_step_is_missed_only_when_the_next_plan_does_not_hold_its_words():
    library, plan, outcomes, next_plan = _plan_and_next("not_yet")
    own = next(step for step in plan.steps if step.own_words)
    kept = left_out_of_next_plan(plan, outcomes, next_plan, library)
    assert own.id not in [step.id for step in kept], "carried forward, so not missed"
    without = next_plan.model_copy(
        update={"steps": [s for s in next_plan.steps if not s.own_words]}
    )
    assert own.id in [s.id for s in left_out_of_next_plan(plan, outcomes, without, library)]


def test_a_step_made_smaller_at_the_review_is_not_missed():
    library, plan, outcomes, next_plan = _plan_and_next("not_yet")
    step = next(s for s in plan.steps if s.smaller and not s.own_words)
    smaller = library.step(step.smaller)
    with_smaller = next_plan.model_copy(
        update={"steps": [*next_plan.steps, step.model_copy(update={"id": smaller.id})]}
    )
    missed = left_out_of_next_plan(plan, outcomes, with_smaller, library)
    assert step.id not in [s.id for s in missed]
