"""Random sequences of edits keep the plan valid after every one (a stateful hypothesis test).

An edit that cannot be made (a 51st step, a detail that is too long) is a PlanEditError with
a plain reason and leaves the plan as it was.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from goal_library.loader import default_library
from goal_library.models import AREA_IDS
from planner.editing import (
    OVER_CAP_NOTE,
    PlanEditError,
    add_library_step,
    add_own_step,
    can_make_smaller,
    can_take_next,
    library_options,
    make_smaller,
    remove_step,
    replace_step,
    swap_options,
    take_next_step,
    update_details,
)
from planner.inputs import plan_from_data
from planner.models import MAX_STEPS, SHORT_TEXT_MAX_CHARS
from planner.policy import Scope, may_offer
from planner.suggest import build_plan
from tests.planner.test_properties import profiles

_LIBRARY = default_library()


class PlanEditing(RuleBasedStateMachine):
    @initialize(person=profiles())
    def start(self, person):
        self.plan = build_plan(person, _LIBRARY)

    @rule(data=st.data(), area=st.sampled_from(AREA_IDS))
    def add_from_the_library(self, data, area):
        options = library_options(self.plan, area, _LIBRARY)
        if not options:
            return
        chosen = data.draw(st.sampled_from(options))
        if len(self.plan.steps) >= MAX_STEPS:
            try:
                add_library_step(self.plan, chosen.id, _LIBRARY)
            except PlanEditError as error:
                assert "as many as a plan can hold" in str(error)
                return
            raise AssertionError("a 51st step was added")
        self.plan = add_library_step(self.plan, chosen.id, _LIBRARY)

    @precondition(lambda self: self.plan.steps)
    @rule(data=st.data())
    def swap(self, data):
        step = data.draw(st.sampled_from(self.plan.steps))
        options = [] if step.own_words else swap_options(self.plan, step.id, _LIBRARY)
        if options:
            other = data.draw(st.sampled_from(options))
            self.plan = replace_step(self.plan, step.id, other.id, _LIBRARY)

    @precondition(lambda self: self.plan.steps)
    @rule(data=st.data())
    def smaller(self, data):
        step = data.draw(st.sampled_from(self.plan.steps))
        if can_make_smaller(self.plan, step, _LIBRARY):
            self.plan = make_smaller(self.plan, step.id, _LIBRARY)

    @precondition(lambda self: self.plan.steps)
    @rule(data=st.data())
    def bigger(self, data):
        step = data.draw(st.sampled_from(self.plan.steps))
        if can_take_next(self.plan, step, _LIBRARY):
            self.plan = take_next_step(self.plan, step.id, _LIBRARY)

    @precondition(lambda self: self.plan.steps)
    @rule(data=st.data())
    def remove(self, data):
        step = data.draw(st.sampled_from(self.plan.steps))
        self.plan = remove_step(self.plan, step.id)

    @rule(area=st.sampled_from(AREA_IDS), words=st.text(min_size=1, max_size=60))
    def own_words(self, area, words):
        if not words.strip():
            return
        if len(self.plan.steps) >= MAX_STEPS:
            before = self.plan
            try:
                add_own_step(self.plan, area, words)
            except PlanEditError as error:
                assert "as many as a plan can hold" in str(error)
            else:
                raise AssertionError("a 51st step was added")
            assert self.plan == before
            return
        self.plan = add_own_step(self.plan, area, words)

    @rule(area=st.sampled_from(AREA_IDS), count=st.integers(min_value=1, max_value=30))
    def many_own_words(self, area, count):
        for number in range(count):
            if len(self.plan.steps) >= MAX_STEPS:
                return
            self.plan = add_own_step(self.plan, area, f"My step {number}")

    @precondition(lambda self: self.plan.steps)
    @rule(
        data=st.data(),
        field=st.sampled_from(["when", "who_can_help", "if_then"]),
        words=st.text(max_size=SHORT_TEXT_MAX_CHARS + 20),
    )
    def details(self, data, field, words):
        step = data.draw(st.sampled_from(self.plan.steps))
        if len(words) > SHORT_TEXT_MAX_CHARS:
            try:
                update_details(self.plan, step.id, **{field: words})
            except PlanEditError:
                return
            raise AssertionError("an over-long detail was kept")
        self.plan = update_details(self.plan, step.id, **{field: words})

    @precondition(lambda self: self.plan.steps)
    @rule(data=st.data(), confidence=st.integers(min_value=0, max_value=10))
    def confidence(self, data, confidence):
        step = data.draw(st.sampled_from(self.plan.steps))
        self.plan = update_details(self.plan, step.id, confidence=confidence)

    @invariant()
    def the_plan_is_still_a_valid_plan(self):
        assert plan_from_data(self.plan.model_dump(mode="json"), _LIBRARY) == self.plan

    @invariant()
    def ids_are_unique_and_one_step_per_family(self):
        ids = [s.id for s in self.plan.steps]
        assert len(ids) == len(set(ids))
        families = [_LIBRARY.step(s.id).family_id for s in self.plan.steps if not s.own_words]
        assert len(families) == len(set(families))

    @invariant()
    def every_library_step_suits_the_person(self):
        for step in self.plan.steps:
            if not step.own_words:
                assert may_offer(_LIBRARY.step(step.id), self.plan.profile, _LIBRARY, Scope.BY_HAND)

    @invariant()
    def the_gentle_note_shows_exactly_when_over_the_cap(self):
        over = len(self.plan.steps) > self.plan.max_steps
        assert (OVER_CAP_NOTE in self.plan.notes) is over


PlanEditing.TestCase.settings = settings(
    max_examples=60,
    stateful_step_count=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_plan_editing_sequences = PlanEditing.TestCase
