"""The store checks a plan before it keeps it, and a file's reference only counts when the
store holds that very version."""

from __future__ import annotations

import pytest

from planner.models import PlanStep
from store.errors import PlanNotSaved, UnknownReference
from tests.store.conftest import make_plan


def test_a_plan_that_could_not_be_opened_again_is_not_saved(store, library):
    plan = make_plan(library)
    step = plan.steps[0]
    broken = plan.model_copy(update={"steps": [step, step]})  # model_copy checks nothing
    with pytest.raises(PlanNotSaved, match="not valid") as caught:
        store.save(broken)
    assert step.title not in str(caught.value)


def test_a_plan_too_long_to_open_again_is_not_saved(store, library):
    plan = make_plan(library)
    huge = [
        PlanStep(
            id=f"own_{n}",
            area="getting_out",
            title="x" * 500,
            detail="y" * 500,
            reasons=["z" * 500] * 10,
            outcome_words="w" * 10_000,
        )
        for n in range(50)
    ]
    alternatives = {area: huge[:20] for area in plan.alternatives}
    too_long = plan.model_copy(update={"steps": huge, "reviewed_steps": huge})
    too_long = too_long.model_copy(update={"alternatives": alternatives})
    with pytest.raises(PlanNotSaved, match="too long"):
        store.save(too_long.model_copy(update={"notes": ["z" * 500] * 10}))


def test_the_store_holds_exactly_the_versions_it_saved(store, library):
    saved = store.save(make_plan(library, note="first"))
    assert store.holds(saved.plan)
    changed = saved.plan.model_copy(update={"notes": ["changed in a file"]})
    assert not store.holds(changed)
    assert not store.holds(saved.plan.model_copy(update={"version": 2}))
    assert not store.holds(saved.plan.model_copy(update={"reference": "K7TM-9QXA"}))
    assert not store.holds(make_plan(library))


def test_saving_to_a_reference_that_was_never_saved_is_refused(store, library):
    with pytest.raises(UnknownReference):
        store.save(make_plan(library), reference="K7TM-9QXA")
