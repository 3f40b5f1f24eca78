"""One test (or one table row) for each suggestion rule in the brief, on the tests' own tables."""

from __future__ import annotations

import pytest

from goal_library.models import Aim, Barrier
from planner.rules import (
    above_crisis_grade,
    aims_served,
    asked_for,
    barriers_eased,
    crisis_kinds,
    effective_stage,
    for_their_nation,
    grade_window,
    has_basic_needs,
    is_about_them,
    kinds_not_raised,
    open_areas,
    ruling_barriers,
    serves_aim,
    should_offer_smaller,
    skills_talked_down,
    step_cap,
    strengths_used,
    unmet_needs,
)
from tests.conftest import library_with_steps, make_step, profile, rules_table

RULES = rules_table()


class TestEffectiveStage:
    def test_uses_the_overall_stage_when_the_area_has_none(self):
        assert effective_stage(profile(stage=3), "getting_out") == 3

    def test_uses_the_area_stage_when_the_coach_set_one(self):
        person = profile(stage=3, area_stages={"getting_out": 1})
        assert effective_stage(person, "getting_out") == 1
        assert effective_stage(person, "health_and_support") == 3


@pytest.mark.parametrize(
    ("stage", "window"),
    [
        (1, (1, 2)),
        (2, (2, 1, 3)),
        (3, (3, 2, 4, 1)),
        (4, (4, 3, 5, 2, 1)),
        (5, (5, 4, 3, 2, 1)),
    ],
)
def test_grade_window_puts_the_stage_first_and_never_reaches_two_above(stage, window):
    assert grade_window(stage) == window
    assert max(grade_window(stage)) <= stage + 1


@pytest.fixture
def small(library):
    return library_with_steps(library, [])


def test_focus_areas_follow_the_table(small):
    for stage in range(1, 6):
        assert open_areas(profile(stage=stage), small)[: len(RULES.focus_areas[stage])] == tuple(
            RULES.focus_areas[stage]
        )


def test_money_or_housing_worries_open_money_and_home_at_any_stage(small):
    for barrier in ("money_worries", "housing_problems"):
        person = profile(stage=1, barriers=[barrier])
        assert has_basic_needs(person, RULES)
        assert "money_and_home" in open_areas(person, small)
    assert "money_and_home" not in open_areas(profile(stage=1), small)


def test_each_aim_opens_its_areas(small):
    person = profile(stage=1, aims=["volunteer", "learn_something"])
    areas = open_areas(person, small)
    assert "volunteering_and_work" in areas and "learning_and_skills" in areas


def test_setting_an_area_stage_opens_that_area(library):
    person = profile(stage=1, area_stages={"volunteering_and_work": 2})
    areas = open_areas(person, library_with_steps(library, []))
    assert "volunteering_and_work" in areas
    assert areas[-1] == "volunteering_and_work"


@pytest.mark.parametrize("stage", [1, 2, 3, 4, 5])
def test_step_cap_follows_the_table_and_shrinks_after_a_crisis(stage):
    rules = rules_table(max_steps={1: 1, 2: 2, 3: 3, 4: 4, 5: 6})
    assert step_cap(profile(stage=stage), rules) == rules.max_steps[stage]
    crisis = profile(stage=stage, barriers=["recent_crisis", "poor_sleep"])
    assert step_cap(crisis, rules) == min(rules.max_steps[stage], rules.crisis.max_steps)


def test_a_crowded_setting_is_ruled_out_by_anxiety_in_crowds(library):
    step = make_step("some_step", crowded=True)
    assert ruling_barriers(step, profile(barriers=["anxious_in_crowds"]), library) == (
        "anxious_in_crowds",
    )
    assert ruling_barriers(step, profile(barriers=[]), library) == ()


def test_a_step_can_name_the_barriers_that_rule_it_out(library):
    step = make_step("long_walk", ruled_out_by=("physical_health",))
    assert ruling_barriers(step, profile(barriers=["physical_health"]), library) == (
        "physical_health",
    )
    assert ruling_barriers(step, profile(barriers=["poor_sleep"]), library) == ()


def test_an_unrelated_barrier_rules_nothing_out(library):
    step = make_step("busy_market", crowded=True)
    assert ruling_barriers(step, profile(barriers=["no_internet", "poor_sleep"]), library) == ()


def test_strengths_used_are_only_the_persons_own():
    step = make_step("dog_walk", strengths=("animals", "kind", "pet"))
    assert strengths_used(step, profile(strengths=["pet", "music"])) == ("pet",)


def test_barriers_eased_are_only_the_persons_own():
    step = make_step("doorstep", eases=("anxious_leaving_home", "poor_sleep"))
    assert barriers_eased(step, profile(barriers=["poor_sleep"])) == ("poor_sleep",)


@pytest.mark.parametrize(
    ("confidence", "offer"), [(None, False), (0, True), (6, True), (7, False), (10, False)]
)
def test_confidence_below_the_threshold_offers_the_smaller_version(confidence, offer):
    assert should_offer_smaller(confidence, rules_table(confidence_threshold=7)) is offer


def test_a_step_about_something_is_only_for_people_who_raised_it():
    step = make_step("debt_advice", only_for=("money_worries",))
    assert is_about_them(step, profile(barriers=["money_worries"])) is True
    assert is_about_them(step, profile(barriers=["poor_sleep"])) is False
    assert is_about_them(make_step("walk_out"), profile()) is True


@pytest.mark.parametrize(
    ("need", "strengths", "barriers", "met"),
    [
        ("friend_or_family", [], [], False),
        ("friend_or_family", ["supportive_friend"], [], True),
        ("friend_or_family", ["supportive_family"], ["no_support_network"], True),
        ("someone_you_trust", [], [], True),
        ("someone_you_trust", [], ["no_support_network"], False),
        ("someone_you_trust", ["support_worker"], ["no_support_network"], True),
        ("internet", [], [], True),
        ("internet", [], ["no_internet"], False),
        ("phone_with_credit", [], ["no_phone_or_credit"], False),
        ("money", [], ["money_worries"], False),
        ("money", [], ["no_money_for_travel"], False),
        ("money", [], ["poor_sleep"], True),
        ("dog", ["pet"], [], False),
        ("dog", ["dog"], [], True),
        ("pet", ["dog"], [], True),
        ("pet", ["pet"], [], True),
        ("own_group", [], [], False),
        ("own_group", ["faith_community"], [], True),
        ("car", ["driving"], [], False),
        ("car", ["own_car"], [], True),
        ("mental_health_team", ["gp"], [], False),
        ("mental_health_team", ["cmht"], [], True),
    ],
)
def test_a_step_is_offered_only_when_its_needs_are_met(need, strengths, barriers, met):
    step = make_step("needs_something", needs=(need,))
    person = profile(strengths=strengths, barriers=barriers)
    assert (unmet_needs(step, person, RULES) == ()) is met


def test_the_needs_table_is_read_not_hard_coded():
    rules = rules_table(
        needs={**RULES.model_dump()["needs"], "car": {"label": "a car", "met_by": ("organised",)}}
    )
    step = make_step("drive", needs=("car",))
    assert unmet_needs(step, profile(strengths=["organised"]), rules) == ()
    assert unmet_needs(step, profile(strengths=["driving"]), rules) == ("car",)


@pytest.mark.parametrize(
    ("kind", "barrier"),
    [("personal_care", "self_care_hard"), ("english_class", "english_second_language")],
)
def test_personal_care_and_english_classes_only_when_the_person_raised_them(kind, barrier):
    step = make_step("a_step", kinds=(kind,))
    assert kinds_not_raised(step, profile(), RULES) == (kind,)
    assert kinds_not_raised(step, profile(barriers=[barrier]), RULES) == ()


def test_a_beginner_step_is_never_offered_for_a_skill_the_person_has():
    step = make_step("cook_toast", beginner_in=("cooking",))
    assert skills_talked_down(step, profile(strengths=["cooking"])) == ("cooking",)
    assert skills_talked_down(step, profile(strengths=["kind"])) == ()


def test_a_step_written_for_some_nations_is_only_for_them():
    step = make_step("breathing_space_debt", nations=("england", "wales"))
    assert for_their_nation(step, profile(nation="wales"))
    assert not for_their_nation(step, profile(nation="scotland"))
    assert for_their_nation(make_step("anywhere"), profile(nation="scotland"))


def test_after_a_crisis_no_step_above_the_crisis_grade_and_no_left_out_kinds():
    crisis = profile(stage=5, barriers=["recent_crisis"])
    course = make_step("a_course", grade=2, kinds=("course",))
    big = make_step("big_step", grade=3)
    assert crisis_kinds(course, crisis, RULES) == ("course",)
    assert above_crisis_grade(big, crisis, RULES)
    assert not above_crisis_grade(make_step("small", grade=2), crisis, RULES)
    calm = profile(stage=5)
    assert crisis_kinds(course, calm, RULES) == () and not above_crisis_grade(big, calm, RULES)


def test_work_support_after_a_crisis_only_when_the_person_wants_paid_work():
    talk = make_step("talk_about_work", kinds=("work_support",))
    assert crisis_kinds(talk, profile(barriers=["recent_crisis"]), RULES) == ("work_support",)
    wants_work = profile(barriers=["recent_crisis"], aims=["paid_work"])
    assert crisis_kinds(talk, wants_work, RULES) == ()


def test_a_step_serves_an_aim_in_its_areas_and_of_its_kinds(library):
    volunteer = library.aim("volunteer")
    role = make_step("a_role", area="volunteering_and_work", kinds=("volunteering",))
    job = make_step("a_job", area="volunteering_and_work", kinds=("work",))
    person = profile(stage=3, aims=["paid_work", "volunteer"])
    assert serves_aim(role, volunteer, person) and not serves_aim(job, volunteer, person)
    assert aims_served(job, person, library) == ("paid_work",)


def test_early_and_later_kinds_of_an_aim_follow_the_stage_in_the_steps_area():
    learn = Aim(
        id="learn_something",
        label="Learn something",
        because="learning something",
        areas=("learning_and_skills",),
        later_kinds=("course",),
        later_from_stage=4,
    )
    course = make_step("a_course", area="learning_and_skills", grade=2, kinds=("course",))
    first_try = make_step("read_a_page", area="learning_and_skills", grade=1)
    ready = profile(stage=4)
    assert serves_aim(course, learn, ready) and not serves_aim(first_try, learn, ready)
    # The coach set learning at stage 1: a first try serves the aim, as a course cannot yet.
    early_in_learning = profile(stage=4, area_stages={"learning_and_skills": 1})
    assert serves_aim(first_try, learn, early_in_learning)


def test_a_barrier_rules_out_the_kinds_of_step_its_entry_names(library):
    rituals = Barrier(id="ocd", label="Rituals", because="rituals", rules_out_kinds=("cleaning",))
    small = library_with_steps(library, []).model_copy(update={"barriers": (rituals,)})
    tidy = make_step("tidy_a_shelf", area="money_and_home", kinds=("cleaning",))
    walk = make_step("walk_to_the_shop")
    assert ruling_barriers(tidy, profile(barriers=["ocd"]), small) == ("ocd",)
    assert ruling_barriers(walk, profile(barriers=["ocd"]), small) == ()
    assert ruling_barriers(tidy, profile(barriers=[]), small) == ()


def test_a_step_hoped_for_one_day_is_not_asked_for_now():
    rules = rules_table(not_now=("one day",))
    step = make_step("training_at_work", said_as=("supervisor",))
    later = profile(hopes="Keep my job. Maybe one day supervisor.")
    now = profile(hopes="Keep my job, and train to be a supervisor.")
    review = profile(review_words="I asked about the supervisor course.")
    assert not asked_for(step, later, rules)
    assert asked_for(step, now, rules)
    assert asked_for(step, review, rules)
