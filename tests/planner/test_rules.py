"""One test (or one table row) for each suggestion rule in the brief."""

from __future__ import annotations

import pytest

from planner.rules import (
    barriers_eased,
    effective_stage,
    grade_window,
    has_what_it_needs,
    lead_area,
    open_areas,
    personal_score,
    ruling_barriers,
    should_offer_smaller,
    step_cap,
    strengths_used,
)
from tests.conftest import make_step, profile


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


@pytest.mark.parametrize(
    ("stage", "expected"),
    [
        (1, {"health_and_support", "getting_out", "looking_after_myself", "people_and_connection"}),
        (2, {"health_and_support", "getting_out", "looking_after_myself", "people_and_connection"}),
        (
            3,
            {
                "health_and_support",
                "getting_out",
                "looking_after_myself",
                "people_and_connection",
                "learning_and_skills",
                "money_and_home",
            },
        ),
        (4, None),
        (5, None),
    ],
)
def test_focus_areas_follow_the_stage(library, stage, expected):
    areas = set(open_areas(profile(stage=stage), library.rules))
    if expected is None:  # every area is open from stage 4
        assert "volunteering_and_work" in areas
        assert len(areas) == 7
    else:
        assert areas == expected


def test_stage_one_and_two_plans_start_with_health_and_support(library):
    for stage in (1, 2):
        assert open_areas(profile(stage=stage), library.rules)[0] == "health_and_support"


def test_setting_an_area_stage_opens_that_area(library):
    person = profile(stage=1, area_stages={"volunteering_and_work": 2})
    areas = open_areas(person, library.rules)
    assert "volunteering_and_work" in areas
    assert areas[-1] == "volunteering_and_work"


@pytest.mark.parametrize(
    ("stage", "barriers", "cap"),
    [
        (1, [], 2),
        (2, [], 2),
        (3, [], 3),
        (4, [], 4),
        (5, [], 4),
        (1, ["recent_crisis"], 2),
        (3, ["recent_crisis"], 2),
        (5, ["recent_crisis", "poor_sleep"], 2),
    ],
)
def test_step_cap_by_stage_and_after_a_crisis(library, stage, barriers, cap):
    assert step_cap(profile(stage=stage, barriers=barriers), library.rules) == cap


@pytest.mark.parametrize(
    ("setting", "barrier"),
    [
        ("paid_travel", "no_money_for_travel"),
        ("online_only", "no_internet"),
        ("crowded", "anxious_in_crowds"),
    ],
)
def test_barriers_rule_out_the_settings_they_make_unrealistic(library, setting, barrier):
    step = make_step("some_step", **{setting: True})
    assert ruling_barriers(step, profile(barriers=[barrier]), library) == (barrier,)
    assert ruling_barriers(step, profile(barriers=[]), library) == ()


def test_a_step_can_name_the_barriers_that_rule_it_out(library):
    step = make_step("long_walk", ruled_out_by=("physical_health",))
    assert ruling_barriers(step, profile(barriers=["physical_health"]), library) == (
        "physical_health",
    )
    assert ruling_barriers(step, profile(barriers=["poor_sleep"]), library) == ()


def test_an_unrelated_barrier_rules_nothing_out(library):
    step = make_step("bus_trip", paid_travel=True)
    assert ruling_barriers(step, profile(barriers=["no_internet", "poor_sleep"]), library) == ()


def test_strengths_used_are_only_the_persons_own():
    step = make_step("dog_walk", strengths=("animals", "kind", "pet"))
    assert strengths_used(step, profile(strengths=["pet", "music"])) == ("pet",)


def test_barriers_eased_are_only_the_persons_own():
    step = make_step("doorstep", eases=("anxious_leaving_home", "poor_sleep"))
    assert barriers_eased(step, profile(barriers=["poor_sleep"])) == ("poor_sleep",)


def test_strengths_weigh_more_than_an_eased_barrier():
    person = profile(strengths=["animals"], barriers=["poor_sleep"])
    uses_strength = make_step("uses_animals", strengths=("animals",))
    eases_barrier = make_step("eases_sleep", eases=("poor_sleep",))
    plain = make_step("plain_step")
    assert personal_score(uses_strength, person) > personal_score(eases_barrier, person)
    assert personal_score(eases_barrier, person) > personal_score(plain, person)


@pytest.mark.parametrize(
    ("confidence", "offer"), [(None, False), (0, True), (6, True), (7, False), (10, False)]
)
def test_confidence_below_seven_offers_the_smaller_version(library, confidence, offer):
    assert should_offer_smaller(confidence, library.rules) is offer


@pytest.mark.parametrize(
    ("stage", "barriers", "lead"),
    [
        (1, [], "health_and_support"),
        (2, [], "health_and_support"),
        (3, [], None),
        (4, [], None),
        (5, [], None),
        (5, ["recent_crisis"], "health_and_support"),
    ],
)
def test_lead_area_by_stage_and_after_a_crisis(library, stage, barriers, lead):
    assert lead_area(profile(stage=stage, barriers=barriers), library.rules) == lead


def test_a_step_that_needs_something_is_only_for_people_who_have_it():
    step = make_step("drive_out", only_for=("driving",))
    assert has_what_it_needs(step, profile(strengths=["driving"])) is True
    assert has_what_it_needs(step, profile(strengths=["kind"])) is False
    assert has_what_it_needs(make_step("walk_out"), profile()) is True
