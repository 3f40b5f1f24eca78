"""The draft plan as a whole, on small hand-made libraries so each rule shows clearly."""

from __future__ import annotations

from planner.policy import candidates as ranked_candidates
from planner.suggest import build_plan
from tests.conftest import full_grid, make_step, profile


def test_steps_at_the_persons_stage_come_first(build_library):
    library = build_library(
        [
            make_step("below_step", grade=1),
            make_step("above_step", grade=3),
            make_step("level_step", grade=2),
        ]
    )
    ranked = ranked_candidates("getting_out", profile(stage=2), library)
    assert [s.id for s in ranked] == ["level_step", "below_step", "above_step"]


def test_never_suggests_a_step_two_grades_above_the_stage(build_library):
    library = build_library([make_step("far_step", grade=4), make_step("near_step", grade=3)])
    ranked = ranked_candidates("getting_out", profile(stage=2), library)
    assert [s.id for s in ranked] == ["near_step"]


def test_the_area_stage_sets_the_window_for_that_area(build_library):
    library = build_library([make_step("big_walk", grade=4), make_step("tiny_walk", grade=1)])
    person = profile(stage=4, area_stages={"getting_out": 1})
    assert [s.id for s in ranked_candidates("getting_out", person, library)] == ["tiny_walk"]


def test_strengths_lead_within_a_grade(build_library):
    library = build_library(
        [make_step("plain_walk", grade=2), make_step("dog_walk", grade=2, strengths=("animals",))]
    )
    ranked = ranked_candidates("getting_out", profile(strengths=["animals"]), library)
    assert [s.id for s in ranked] == ["dog_walk", "plain_walk"]


def test_eased_barriers_rank_higher_within_a_grade(build_library):
    library = build_library(
        [make_step("plain_walk", grade=2), make_step("calm_walk", eases=("poor_sleep",), grade=2)]
    )
    ranked = ranked_candidates("getting_out", profile(barriers=["poor_sleep"]), library)
    assert [s.id for s in ranked] == ["calm_walk", "plain_walk"]


def test_ruled_out_steps_are_never_suggested_or_offered(build_library):
    library = build_library(
        [
            make_step("bus_trip", grade=2, needs=("money",)),
            make_step("web_class", grade=2, needs=("internet",)),
            make_step("market_day", grade=2, crowded=True),
            make_step("door_step", grade=2),
        ]
    )
    person = profile(barriers=["no_money_for_travel", "no_internet", "anxious_in_crowds"])
    plan = build_plan(person, library)
    offered = {s.id for s in plan.steps} | {
        s.id for steps in plan.alternatives.values() for s in steps
    }
    assert offered == {"door_step"}


def test_the_plan_holds_no_more_than_the_cap(build_library):
    library = build_library(full_grid())
    for stage, cap in ((1, 2), (2, 2), (3, 3), (4, 4), (5, 5)):
        plan = build_plan(profile(stage=stage), library)
        assert plan.max_steps == cap
        assert len(plan.steps) == cap


def test_after_a_recent_crisis_the_plan_holds_two_steps(build_library):
    plan = build_plan(profile(stage=5, barriers=["recent_crisis"]), build_library(full_grid()))
    assert plan.max_steps == 2
    assert len(plan.steps) == 2


def test_the_plan_spreads_across_areas_before_doubling_up(build_library):
    plan = build_plan(profile(stage=4), build_library(full_grid()))
    assert len({s.area for s in plan.steps}) == 4


def test_at_stage_two_with_nothing_personal_the_plan_starts_with_health_then_getting_out(
    build_library,
):
    plan = build_plan(profile(stage=2), build_library(full_grid()))
    assert [s.area for s in plan.steps] == ["health_and_support", "getting_out"]


def test_from_stage_three_a_strong_personal_match_can_lead_the_plan(build_library):
    steps = [
        *full_grid(),
        make_step("pet_cuddle", area="looking_after_myself", grade=3, strengths=("pet",)),
    ]
    plan = build_plan(profile(stage=3, strengths=["pet"]), build_library(steps))
    assert plan.steps[0].id == "pet_cuddle"
    assert plan.steps[0].strengths_used == ["pet"]


def test_at_stages_one_and_two_health_and_support_leads_then_the_best_match(build_library):
    steps = [
        *full_grid(),
        make_step("pet_cuddle", area="looking_after_myself", grade=2, strengths=("pet",)),
    ]
    plan = build_plan(profile(stage=2, strengths=["pet"]), build_library(steps))
    assert [s.id for s in plan.steps] == ["health_and_support_g2_0", "pet_cuddle"]


def test_a_step_that_needs_a_pet_is_only_for_people_with_one(build_library):
    steps = [
        make_step("walk_your_dog", grade=2, needs=("pet",)),
        make_step("walk_road", grade=2),
    ]
    library = build_library(steps)
    without = ranked_candidates("getting_out", profile(strengths=["animals"]), library)
    assert [s.id for s in without] == ["walk_road"]
    with_pet = ranked_candidates("getting_out", profile(strengths=["pet"]), library)
    assert {s.id for s in with_pet} == {"walk_your_dog", "walk_road"}


def test_when_barriers_empty_an_area_the_plan_fills_from_the_others(build_library):
    steps = [
        make_step("health_bus", area="health_and_support", grade=2, needs=("money",)),
        make_step("out_one", area="getting_out", grade=2),
        make_step("out_two", area="getting_out", grade=2),
    ]
    plan = build_plan(profile(barriers=["no_money_for_travel"]), build_library(steps))
    assert [s.id for s in plan.steps] == ["out_one", "out_two"]


def test_strengths_in_a_closed_area_do_not_pull_the_plan_there(build_library):
    steps = [
        *full_grid(),
        make_step("rescue_centre", area="volunteering_and_work", grade=2, strengths=("animals",)),
    ]
    plan = build_plan(profile(stage=2, strengths=["animals"]), build_library(steps))
    assert all(s.area != "volunteering_and_work" for s in plan.steps)
    assert "volunteering_and_work" not in plan.alternatives


def test_lower_grades_fill_in_when_everything_near_the_stage_is_ruled_out(build_library):
    steps = [
        make_step("easy_home", grade=1),
        make_step("level_bus", grade=4, needs=("money",)),
        make_step("stretch_bus", grade=5, needs=("money",)),
    ]
    plan = build_plan(profile(stage=4, barriers=["no_money_for_travel"]), build_library(steps))
    assert [s.id for s in plan.steps] == ["easy_home"]
    assert plan.steps[0].reasons[0] == "This is an easy step to build on."


def test_alternatives_are_the_next_best_steps_not_already_chosen(build_library):
    plan = build_plan(profile(stage=3), build_library(full_grid()))
    chosen = {s.id for s in plan.steps}
    for area, steps in plan.alternatives.items():
        assert steps, area
        assert not chosen & {s.id for s in steps}
        assert all(s.area == area for s in steps)
        assert len(steps) <= 5


def test_every_step_says_why_and_names_strengths_and_barriers(build_library, library):
    library_ = build_library(
        [make_step("dog_walk", grade=2, strengths=("animals", "kind"), eases=("poor_sleep",))]
    )
    person = profile(strengths=["kind", "animals"], barriers=["poor_sleep"])
    (step,) = build_plan(person, library_).steps
    assert step.reasons == [
        f"This fits where you are now: {library.stage(2).fit}.",
        "We picked this because you are kind and you love animals.",
        "It may help with sleeping badly.",
    ]
    assert step.strengths_used == ["kind", "animals"]
    assert step.barriers_eased == ["poor_sleep"]


def test_a_step_about_a_need_is_not_said_to_build_a_routine(build_library):
    library_ = build_library(
        [make_step("ring_about_the_bill", grade=2, kinds=("basic_needs",), area="money_and_home")]
    )
    person = profile(barriers=["money_worries"])
    (step,) = build_plan(person, library_).steps
    assert step.reasons[0] == "This is a step you can take where you are now."


def test_help_now_contacts_default_to_england_and_follow_the_nation(library):
    plan = build_plan(profile(), library)
    names = [s.name for s in plan.signposts]
    assert "NHS 111" in names and "Samaritans" in names
    wales = build_plan(profile(nation="wales"), library)
    welsh = {s.id: s for s in wales.signposts}
    assert welsh["call_helpline"].contact == "Call 0800 132 737"
    assert "81066" in welsh["call_helpline"].how
    assert welsh["samaritans_welsh"].contact == "Call 0808 164 0123"
    scotland = {s.id: s for s in build_plan(profile(nation="scotland"), library).signposts}
    assert "6pm to 2am" in (scotland["breathing_space"].hours or "")
    assert scotland["breathing_space"].at_other_times == "nhs_24"
    assert "day or night" in scotland["nhs_24"].how
    assert "NHS 111" not in [s.name for s in wales.signposts]


def test_same_answers_give_the_same_plan(library):
    person = profile(stage=3, strengths=["animals", "cooking"], barriers=["poor_sleep"])
    assert build_plan(person, library) == build_plan(person.model_copy(), library)


def test_starting_a_job_in_northern_ireland_gets_its_own_help_until_the_first_pay(library):
    """The Flexible Support Fund is for Great Britain; Northern Ireland has the Adviser
    Discretion Fund at the Jobs and Benefits office."""
    for nation, expected in (
        ("northern_ireland", "ask_about_the_adviser_discretion_fund_ni"),
        ("scotland", "ask_coach_about_help_until_your_first_pay"),
    ):
        person = profile(
            stage=4,
            nation=nation,
            work_situation="starting_a_job",
            aims=["paid_work"],
            barriers=["no_money_for_travel", "runs_out_before_payday"],
        )
        plan = build_plan(person, library)
        assert (expected, "until_first_pay") in [(s.id, s.trace.slot) for s in plan.steps]


def test_a_person_reads_the_words_written_for_their_nation(build_library):
    step = make_step(
        "ring_an_adviser",
        title="Ring a free adviser about the bailiffs",
        detail="Ring a free adviser and tell them about the bailiffs.",
        words_in={
            "scotland": {
                "title": "Ring a free adviser about sheriff officers",
                "detail": "Ring a free adviser and tell them about the sheriff officers.",
            }
        },
    )
    library = build_library([*full_grid(), step])

    def read(nation):
        plan = build_plan(profile(stage=1, nation=nation), library)
        offered = [a for options in plan.alternatives.values() for a in options]
        shown = [*plan.steps, *offered]
        return next(s for s in shown if s.id == "ring_an_adviser")

    scotland, england = read("scotland"), read("england")
    assert "sheriff officers" in scotland.title and "sheriff officers" in scotland.detail
    assert scotland.why == step.why
    assert "bailiffs" in england.title and "bailiffs" in england.detail
