"""Random sequences of edits keep the plan valid after every one (a stateful hypothesis test)."""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from goal_library.loader import default_library
from goal_library.models import AREA_IDS
from planner.editing import (
    OVER_CAP_NOTE,
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
        if options:
            chosen = data.draw(st.sampled_from(options))
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

    @precondition(lambda self: len(self.plan.steps) < 40)
    @rule(area=st.sampled_from(AREA_IDS), words=st.text(min_size=1, max_size=60))
    def own_words(self, area, words):
        if words.strip():
            self.plan = add_own_step(self.plan, area, words)

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
