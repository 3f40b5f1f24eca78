"""Invariants of the draft plan over many random valid profiles, on the real library."""

from __future__ import annotations

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from goal_library.loader import default_library
from goal_library.models import AREA_IDS, NATION_IDS
from planner.editing import OVER_CAP_NOTE
from planner.inputs import plan_from_data
from planner.models import Profile
from planner.policy import Scope, decide, may_offer
from planner.review import review_plan
from planner.rules import (
    about,
    aims_of,
    effective_stage,
    open_areas,
    ruling_barriers,
    step_cap,
)
from planner.suggest import build_plan, serves_a_purpose, slot_filter, slot_open

_LIBRARY = default_library()
_stages = st.integers(min_value=1, max_value=5)


@st.composite
def profiles(draw: st.DrawFn) -> Profile:
    return Profile(
        preferred_name=draw(st.text(max_size=20)),
        stage=draw(_stages),
        area_stages=draw(st.dictionaries(st.sampled_from(AREA_IDS), _stages, max_size=3)),
        aims=draw(st.lists(st.sampled_from(sorted(_LIBRARY.aim_ids)), unique=True, max_size=3)),
        strengths=draw(st.lists(st.sampled_from(sorted(_LIBRARY.strength_ids)), unique=True)),
        barriers=draw(st.lists(st.sampled_from(sorted(_LIBRARY.barrier_ids)), unique=True)),
        hopes=draw(st.text(max_size=50)),
        nation=draw(st.sampled_from(NATION_IDS)),
        work_situation=draw(
            st.sampled_from(
                [None, "not_working", "wants_work_now", "in_work", "starting_a_job", "studying"]
            )
        ),
    )


def _offered(plan):
    return [*plan.steps, *(s for steps in plan.alternatives.values() for s in steps)]


@settings(max_examples=300, deadline=None)
@given(profiles())
def test_no_step_is_more_than_one_grade_above_the_stage_in_its_area(person):
    for step in _offered(build_plan(person, _LIBRARY)):
        assert step.grade <= effective_stage(person, step.area) + 1


@settings(max_examples=300, deadline=None)
@given(profiles())
def test_the_plan_has_a_step_and_is_never_over_the_cap(person):
    """A draft may be shorter than the cap (no filler), never longer, never empty."""
    plan = build_plan(person, _LIBRARY)
    assert plan.max_steps == step_cap(person, _LIBRARY.rules)
    assert 1 <= len(plan.steps) <= plan.max_steps
    assert len({s.id for s in plan.steps}) == len(plan.steps)


@settings(max_examples=300, deadline=None)
@given(profiles())
def test_steps_come_only_from_open_areas(person):
    areas = set(open_areas(person, _LIBRARY))
    plan = build_plan(person, _LIBRARY)
    assert {s.area for s in _offered(plan)} <= areas
    assert set(plan.alternatives) <= areas


@settings(max_examples=300, deadline=None)
@given(profiles())
def test_no_offered_step_is_ruled_out_by_a_stated_barrier(person):
    for step in _offered(build_plan(person, _LIBRARY)):
        assert ruling_barriers(_LIBRARY.step(step.id), person, _LIBRARY) == ()
        assert may_offer(_LIBRARY.step(step.id), person, _LIBRARY)


@settings(max_examples=300, deadline=None)
@given(profiles())
def test_every_step_has_reasons_and_uses_only_the_persons_strengths(person):
    for step in _offered(build_plan(person, _LIBRARY)):
        assert step.reasons and all(r.endswith(".") for r in step.reasons)
        assert set(step.strengths_used) <= set(person.strengths)
        assert set(step.barriers_eased) <= set(person.barriers)
        if step.strengths_used:
            assert any(r.startswith("We picked this because") for r in step.reasons)


@settings(max_examples=200, deadline=None)
@given(profiles())
def test_same_answers_same_suggestions_and_the_plan_reads_back(person):
    plan = build_plan(person, _LIBRARY)
    again = build_plan(Profile.model_validate(person.model_dump()), _LIBRARY)
    assert plan == again
    assert plan_from_data(plan.model_dump(mode="json"), _LIBRARY) == plan


@settings(max_examples=200, deadline=None)
@given(profiles())
def test_help_now_contacts_always_include_the_nation_and_samaritans(person):
    plan = build_plan(person, _LIBRARY)
    ids = {s.id for s in plan.signposts}
    assert "samaritans" in ids
    nation_ids = {s.id for s in getattr(_LIBRARY.signposts, person.nation)}
    assert nation_ids <= ids


@settings(max_examples=300, deadline=None)
@given(profiles())
def test_every_draft_step_serves_its_slot_and_a_purpose(person):
    """A draft step was taken by an open slot that it serves; it serves one of the person's
    aims or something they raised, unless they have chosen no aim (or it keeps them safe)."""
    plan = build_plan(person, _LIBRARY)
    rules = _LIBRARY.rules
    ranked: dict[str, list] = {}
    for step in plan.steps:
        assert step.trace is not None
        slot = rules.slot(step.trace.slot)
        assert slot is not None, step.trace.slot
        assert slot_open(slot.when, person, plan.max_steps, _LIBRARY)
        library_step = _LIBRARY.step(step.id)
        found = slot_filter(slot, person, _LIBRARY, ranked, [])
        if not slot.takes.most_urgent and not slot.takes.raised:
            assert found is not None and found[0](library_step), (step.id, slot.id)
        if slot.id not in ("safety", "help_close", "lead_area", "spread"):
            assert serves_a_purpose(library_step, person, _LIBRARY) or slot.takes.kinds, step.id


@settings(max_examples=200, deadline=None)
@given(profiles())
def test_the_trace_is_the_decision(person):
    """What the trace says admitted a step is what the policy evaluated for it."""
    plan = build_plan(person, _LIBRARY)
    for step in [*plan.steps, *(s for steps in plan.alternatives.values() for s in steps)]:
        decision = decide(_LIBRARY.step(step.id), person, _LIBRARY)
        assert decision.admitted
        assert step.trace is not None and step.trace.admitted_by == list(decision.passed)


@settings(max_examples=300, deadline=None)
@given(profiles())
def test_v2_invariants_hold_for_every_draft(person):
    rules = _LIBRARY.rules
    plan = build_plan(person, _LIBRARY)
    library_steps = [_LIBRARY.step(s.id) for s in plan.steps]
    families = [s.family_id for s in library_steps]
    assert len(families) == len(set(families)), "one step per family"
    for area_steps in plan.alternatives.values():
        alt_families = [_LIBRARY.step(s.id).family_id for s in area_steps]
        assert len(alt_families) == len(set(alt_families))
        assert not set(alt_families) & set(families)
    if rules.crisis.barrier in person.barriers:
        assert len(plan.steps) <= rules.crisis.max_steps
        assert rules.crisis.first_kind in library_steps[0].kinds
        aims = aims_of(person, rules)
        let_in = {k for k, aim in rules.crisis.unless_aimed.items() if aim in aims}
        for step in _offered(plan):
            library_step = _LIBRARY.step(step.id)
            assert library_step.grade <= rules.crisis.max_grade
            assert not set(library_step.kinds) & (set(rules.crisis.left_out_kinds) - let_in)
    elif any(b in person.barriers for b in rules.basic_needs.barriers) and any(
        rules.basic_needs.kind in s.kinds
        and s.grade <= 3
        and set(about(s, person)) & set(rules.basic_needs.barriers)
        for s in _offered_library_steps(plan)
    ):
        # The most urgent needs (a safe home, a phone, food and heat, benefits) always get a
        # step; bills, debt and a general money worry may wait behind being safe at home,
        # keeping a job and the first aim when the draft is full.
        # A need a step of another kind covers (money until the first wage, for someone
        # starting a job) is served by that step.
        covered = {
            topic
            for topic, kinds in rules.covered_by_kinds.items()
            if any(set(kinds) & set(s.kinds) for s in library_steps)
        }
        urgent_slot = rules.slot("basic_need")
        # Urgent: a need of the basic-need slot that a step offered to this person serves.
        needs_now = (
            set(urgent_slot.when.barriers) & set(person.barriers) - covered
            if urgent_slot is not None
            else set()
        )
        urgent = any(
            rules.basic_needs.kind in s.kinds and set(about(s, person)) & needs_now
            for s in _offered_library_steps(plan)
        )
        full = len(plan.steps) == plan.max_steps
        assert any(rules.basic_needs.kind in s.kinds for s in library_steps) or (
            not urgent and full
        )
    if rules.work_support.aim in aims_of(person, rules) and person.work_situation not in (
        "in_work",
        "starting_a_job",
    ):
        offered = [_LIBRARY.step(s.id) for s in _offered(plan)]
        assert any(rules.work_support.kind in s.kinds for s in offered)
    for step in plan.steps:
        assert step.trace is not None and step.trace.slot != "alternative"


_outcomes = st.sampled_from(["done", "partly", "not_yet", "not_for_me"])


@settings(max_examples=150, deadline=None)
@given(profiles(), st.data())
def test_reviewed_plans_keep_the_invariants(person, data):
    plan = build_plan(person, _LIBRARY)
    outcomes = {s.id: data.draw(_outcomes) for s in plan.steps}
    new_stage = data.draw(_stages)
    reviewed = review_plan(plan, outcomes, _LIBRARY, datetime.date(2026, 12, 7), stage=new_stage)
    new_person = reviewed.profile
    assert new_person.stage == new_stage
    assert reviewed.max_steps == step_cap(new_person, _LIBRARY.rules)
    # Nothing is cut: more than the cap only when the last plan's steps carried on.
    assert len(reviewed.steps) <= max(reviewed.max_steps, len(plan.steps))
    assert (OVER_CAP_NOTE in reviewed.notes) == (len(reviewed.steps) > reviewed.max_steps)
    done = {s.id for s in plan.steps if outcomes[s.id] == "done"}
    assert not done & {s.id for s in reviewed.steps}, "a step done is never offered again"
    assert len({s.id for s in reviewed.steps}) == len(reviewed.steps)
    families = [_LIBRARY.step(s.id).family_id for s in reviewed.steps]
    assert len(families) == len(set(families)), "one step per family, at a review too"
    ids = {s.id for s in reviewed.steps}
    for step in reviewed.steps:
        rungs = {step.smaller, step.next} - {None}
        assert not rungs & ids, "never a step beside its own smaller or bigger version"
    for step in reviewed.steps:
        library_step = _LIBRARY.step(step.id)
        assert step.grade <= effective_stage(new_person, step.area) + 1
        assert ruling_barriers(library_step, new_person, _LIBRARY) == ()
        # A step that builds on one just done may follow it at a review.
        assert may_offer(library_step, new_person, _LIBRARY, Scope.NEXT_STEP)
        assert step.reasons
    assert len(reviewed.steps_taken) == list(outcomes.values()).count("done")
    assert review_plan(plan, outcomes, _LIBRARY, datetime.date(2026, 12, 7), stage=new_stage) == (
        reviewed
    )


def _offered_library_steps(plan):
    return [_LIBRARY.step(s.id) for s in _offered(plan)]
