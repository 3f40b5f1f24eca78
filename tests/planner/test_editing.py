"""Changes to a draft plan: swap, smaller, next, remove, add, and making a step concrete."""

from __future__ import annotations

import pytest

from planner.editing import (
    OVER_CAP_NOTE,
    OWN_STEP_REASON,
    PlanEditError,
    add_library_step,
    add_own_step,
    can_make_smaller,
    can_take_next,
    library_options,
    make_smaller,
    remove_step,
    replace_step,
    smaller_offer,
    swap_options,
    take_next_step,
    update_details,
)
from planner.suggest import build_plan
from tests.conftest import make_step, profile


@pytest.fixture
def ladder_library(build_library):
    steps = [
        make_step("door_step", grade=1, next="walk_road"),
        make_step("walk_road", grade=2, smaller="door_step", next="bus_trip"),
        make_step("bus_trip", grade=3, smaller="walk_road", next="day_trip", needs=("money",)),
        make_step("day_trip", grade=4, smaller="bus_trip"),
        make_step("garden_sit", grade=2),
        make_step("gp_call", area="health_and_support", grade=2),
        make_step("cmht_call", area="health_and_support", grade=2),
    ]
    return build_library(steps)


@pytest.fixture
def plan(ladder_library):
    return build_plan(profile(stage=2), ladder_library)


def test_remove_takes_the_step_out(plan):
    first = plan.steps[0].id
    assert [s.id for s in remove_step(plan, first).steps] == [s.id for s in plan.steps[1:]]


def test_swap_keeps_the_place_and_what_was_agreed(plan, ladder_library):
    detailed = update_details(
        plan, "walk_road", when="Every day at 2pm", if_then="If it rains, then I"
    )
    index = [s.id for s in detailed.steps].index("walk_road")
    swapped = replace_step(detailed, "walk_road", "garden_sit", ladder_library)
    assert swapped.steps[index].id == "garden_sit"
    assert swapped.steps[index].when == "Every day at 2pm"
    assert swapped.steps[index].if_then == "If it rains, then I"


def test_make_smaller_and_take_the_next_step(plan, ladder_library):
    smaller = make_smaller(plan, "walk_road", ladder_library)
    assert "door_step" in [s.id for s in smaller.steps]
    bigger = take_next_step(plan, "walk_road", ladder_library)
    assert "bus_trip" in [s.id for s in bigger.steps]


def test_the_next_step_is_not_offered_when_a_barrier_rules_it_out(ladder_library):
    poor = build_plan(profile(stage=2, barriers=["no_money_for_travel"]), ladder_library)
    walk = next(s for s in poor.steps if s.id == "walk_road")
    assert can_take_next(poor, walk, ladder_library) is False
    with pytest.raises(PlanEditError, match="no money for bus or train fares"):
        take_next_step(poor, "walk_road", ladder_library)


def test_a_bigger_step_chosen_by_hand_says_so(ladder_library):
    plan = build_plan(profile(stage=2), ladder_library)
    with_day_trip = add_library_step(plan, "day_trip", ladder_library)
    added = with_day_trip.steps[-1]
    assert added.id == "day_trip"
    assert added.reasons[0].startswith("This is a bigger step than where you are now")


def test_adding_past_the_cap_gives_a_gentle_note_not_a_block(plan, ladder_library):
    assert len(plan.steps) == plan.max_steps
    fuller = add_library_step(plan, "garden_sit", ladder_library)
    assert len(fuller.steps) == plan.max_steps + 1
    assert OVER_CAP_NOTE in fuller.notes
    assert OVER_CAP_NOTE not in remove_step(fuller, "garden_sit").notes


def test_an_own_step_is_kept_exactly_as_typed(plan):
    words = "  Ring Mam & ask about <Sul> 🌼 "
    with_own = add_own_step(plan, "people_and_connection", words)
    own = with_own.steps[-1]
    assert own.title == words
    assert own.own_words is True
    assert own.reasons == [OWN_STEP_REASON]
    again = add_own_step(with_own, "getting_out", "Walk to the shop")
    assert again.steps[-1].id != own.id


def test_an_empty_own_step_is_refused(plan):
    with pytest.raises(PlanEditError, match="write the step"):
        add_own_step(plan, "getting_out", "   ")


def test_a_step_cannot_be_added_twice(plan, ladder_library):
    with pytest.raises(PlanEditError, match="already in the plan"):
        add_library_step(plan, plan.steps[0].id, ladder_library)


def test_swap_and_add_options_leave_out_steps_already_in_the_plan(plan, ladder_library):
    in_plan = {s.id for s in plan.steps}
    for step in plan.steps:
        assert not in_plan & {o.id for o in swap_options(plan, step.id, ladder_library)}
    options = library_options(plan, "getting_out", ladder_library)
    assert all(o.grade <= 3 for o in options)


def test_confidence_below_seven_offers_the_smaller_version(plan, ladder_library):
    unsure = update_details(plan, "walk_road", confidence=4)
    step = next(s for s in unsure.steps if s.id == "walk_road")
    offer = smaller_offer(unsure, step, ladder_library)
    assert offer is not None and offer.id == "door_step"
    sure = next(
        s for s in update_details(plan, "walk_road", confidence=8).steps if s.id == "walk_road"
    )
    assert smaller_offer(plan, sure, ladder_library) is None


def test_confidence_out_of_range_is_refused(plan):
    with pytest.raises(ValueError):
        update_details(plan, "walk_road", confidence=11)


def test_make_smaller_is_not_offered_when_the_smaller_step_is_already_in_the_plan(ladder_library):
    plan = build_plan(profile(stage=2), ladder_library)
    plan = add_library_step(plan, "door_step", ladder_library)
    walk = next(s for s in plan.steps if s.id == "walk_road")
    assert can_make_smaller(plan, walk, ladder_library) is False


def test_editing_a_step_that_is_gone_gives_a_plain_message(plan):
    with pytest.raises(PlanEditError, match="not in the plan any more"):
        remove_step(plan, "never_there")


def test_a_ladder_step_for_people_with_a_pet_is_not_offered_to_others(build_library):
    library = build_library(
        [
            make_step("walk_road", grade=2, next="walk_your_dog"),
            make_step("walk_your_dog", grade=3, needs=("pet",)),
            make_step("gp_call", area="health_and_support", grade=2),
        ]
    )
    plan = build_plan(profile(stage=2), library)
    walk = next(s for s in plan.steps if s.id == "walk_road")
    assert can_take_next(plan, walk, library) is False
    with_pet = build_plan(profile(stage=2, strengths=["pet"]), library)
    walk = next(s for s in with_pet.steps if s.id == "walk_road")
    assert can_take_next(with_pet, walk, library) is True


def test_a_redraft_keeps_removals_additions_and_what_was_agreed(build_library):
    from planner.editing import redraft
    from tests.conftest import full_grid

    steps = [
        *full_grid(),
        make_step("walk_road", grade=2),
        make_step("garden_sit", grade=2),
        make_step("cafe_visit", grade=3, needs=("money",)),
        make_step("park_bench", grade=2, family="sit_outside"),
        make_step("porch_sit", grade=2, family="sit_outside"),
    ]
    library = build_library(steps)
    person = profile(stage=2, aims=["get_out_more"], strengths=["organised"])
    first = build_plan(person, library)
    drafted = [s.id for s in first.steps]
    removed = first.steps[0].id
    edited = remove_step(first, removed)
    edited = add_library_step(edited, "porch_sit", library)
    edited = add_own_step(edited, "getting_out", "Feed the ducks")
    kept = edited.steps[0].id
    edited = update_details(edited, kept, when="Tuesday", confidence=7)

    fresh = build_plan(person.model_copy(update={"strengths": ["organised", "kind"]}), library)
    result = redraft(edited, drafted, fresh, library)
    ids = [s.id for s in result.plan.steps]
    assert removed not in ids
    assert "porch_sit" in ids and "park_bench" not in ids, "their choice wins over its family"
    assert ids[-1].startswith("own_")
    carried = next(s for s in result.plan.steps if s.id == kept)
    assert (carried.when, carried.confidence) == ("Tuesday", 7)
    assert result.kept_changes and "changes you made" in result.message()

    # A step added by hand that no longer fits the new answers goes, and is named.
    added_cafe = add_library_step(edited, "cafe_visit", library)
    poorer = person.model_copy(update={"barriers": ["money_worries"]})
    result = redraft(added_cafe, drafted, build_plan(poorer, library), library)
    assert "cafe_visit" not in [s.id for s in result.plan.steps]
    assert "Try cafe_visit" in result.no_longer_suggested
    assert "Try cafe_visit" in result.message()


def test_a_redraft_without_the_last_draft_known_keeps_only_own_steps(build_library):
    from planner.editing import redraft
    from tests.conftest import full_grid

    library = build_library([*full_grid(), make_step("walk_road", grade=2)])
    person = profile(stage=2)
    plan = add_own_step(build_plan(person, library), "getting_out", "Feed the ducks")
    fresh = build_plan(person.model_copy(update={"stage": 3}), library)
    result = redraft(plan, None, fresh, library)
    assert [s.id for s in result.plan.steps] == [*(s.id for s in fresh.steps), "own_1"]


def test_a_redraft_of_a_review_keeps_the_persons_own_steps_once(build_library):
    from planner.editing import redraft
    from tests.conftest import full_grid

    library = build_library([*full_grid(), make_step("walk_road", grade=2)])
    person = profile(stage=2)
    plan = add_own_step(build_plan(person, library), "getting_out", "Feed the ducks")
    # The next plan from a review carries the own step itself.
    fresh = add_own_step(
        build_plan(person.model_copy(update={"stage": 3}), library), "getting_out", "Feed the ducks"
    )
    for drafted in (None, [s.id for s in fresh.steps]):
        ids = [s.id for s in redraft(plan, drafted, fresh, library).plan.steps]
        assert ids.count("own_1") == 1
