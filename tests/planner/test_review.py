"""The review rule, one outcome at a time, on a small hand-made ladder."""

from __future__ import annotations

import datetime

import pytest

from planner.document import plan_sections
from planner.editing import (
    add_library_step,
    add_own_step,
    remove_step,
    replace_step,
    update_details,
)
from planner.models import ReviewChanges
from planner.review import like_what_was_acted_on, review_plan
from planner.suggest import build_plan
from tests.conftest import TEST_REVIEW_MOVES, full_grid, make_step, profile, rules_table

TODAY = datetime.date(2026, 12, 7)


@pytest.fixture
def ladder(build_library):
    steps = [
        *full_grid(),
        make_step("door_step", grade=1, next="walk_road"),
        make_step("walk_road", grade=2, smaller="door_step", next="park_walk"),
        make_step("park_walk", grade=3, smaller="walk_road", next="bus_trip"),
        make_step("bus_trip", grade=4, smaller="park_walk", needs=("money",)),
        make_step("garden_sit", grade=2),
    ]
    return build_library(steps)


def _plan_with(ladder, step_id, stage=2, **fields):
    plan = build_plan(profile(stage=stage, **fields), ladder)
    return replace_step(plan, plan.steps[0].id, step_id, ladder)


def _words(library, outcome, move):
    return next(m.words for m in library.rules.review_moves[outcome] if m.move == move)


def _ids(plan):
    return [s.id for s in plan.steps]


def test_done_offers_the_next_step_up(ladder):
    plan = _plan_with(ladder, "walk_road", stage=3)
    reviewed = review_plan(plan, {"walk_road": "done"}, ladder, TODAY)
    assert "park_walk" in _ids(reviewed)
    step = next(s for s in reviewed.steps if s.id == "park_walk")
    assert step.reasons[0] == _words(ladder, "done", "next")
    assert [t.title for t in reviewed.steps_taken] == ["Try walk_road"]
    assert reviewed.steps_taken[0].done_on == TODAY


def test_done_never_jumps_past_the_grade_window(ladder):
    plan = _plan_with(ladder, "walk_road", stage=1)
    reviewed = review_plan(plan, {"walk_road": "done"}, ladder, TODAY)
    assert all(s.grade <= 2 for s in reviewed.steps)
    assert "park_walk" not in _ids(reviewed)


def test_done_respects_barriers_on_the_next_step(ladder):
    plan = _plan_with(ladder, "park_walk", stage=4, barriers=["no_money_for_travel"])
    reviewed = review_plan(plan, {"park_walk": "done"}, ladder, TODAY)
    assert "bus_trip" not in _ids(reviewed)
    assert "park_walk" not in _ids(reviewed)


def test_partly_keeps_the_step_and_what_was_agreed(ladder):
    plan = _plan_with(ladder, "walk_road")
    plan = update_details(plan, "walk_road", when="Mondays", confidence=8)
    reviewed = review_plan(plan, {"walk_road": "partly"}, ladder, TODAY)
    kept = next(s for s in reviewed.steps if s.id == "walk_road")
    assert kept.when == "Mondays"
    assert kept.reasons[0] == _words(ladder, "partly", "same")


def test_partly_with_low_confidence_offers_the_smaller_version(ladder):
    plan = update_details(_plan_with(ladder, "walk_road"), "walk_road", confidence=4)
    reviewed = review_plan(plan, {"walk_road": "partly"}, ladder, TODAY)
    assert "door_step" in _ids(reviewed) and "walk_road" not in _ids(reviewed)
    step = next(s for s in reviewed.steps if s.id == "door_step")
    assert step.reasons[0] == _words(ladder, "partly", "smaller")


def test_not_yet_offers_the_smaller_version(ladder):
    reviewed = review_plan(_plan_with(ladder, "walk_road"), {"walk_road": "not_yet"}, ladder, TODAY)
    assert "door_step" in _ids(reviewed)
    step = next(s for s in reviewed.steps if s.id == "door_step")
    assert step.reasons[0] == _words(ladder, "not_yet", "smaller")
    assert not reviewed.steps_taken


def test_not_right_for_me_offers_another_step_in_the_area_at_the_same_grade(ladder):
    reviewed = review_plan(
        _plan_with(ladder, "walk_road"), {"walk_road": "not_for_me"}, ladder, TODAY
    )
    assert "walk_road" not in _ids(reviewed)
    replacement = reviewed.steps[0]
    assert replacement.area == "getting_out" and replacement.grade == 2
    assert replacement.reasons[0] == _words(ladder, "not_for_me", "another_same_grade")


def test_not_for_me_is_remembered_at_every_later_review(ladder):
    plan = _plan_with(ladder, "garden_sit", stage=2)
    first = review_plan(plan, {"garden_sit": "not_for_me"}, ladder, TODAY)
    assert first.not_for_me == ["garden_sit"]
    # The next plan, reviewed again with no word about anything: the step stays away.
    second = review_plan(first, {s.id: "partly" for s in first.steps}, ladder, TODAY)
    offered = set(_ids(second)) | {s.id for a in second.alternatives.values() for s in a}
    assert "garden_sit" not in offered
    assert second.not_for_me == ["garden_sit"]


def test_a_lower_stage_makes_a_kept_step_smaller(ladder):
    plan = _plan_with(ladder, "park_walk", stage=3)
    reviewed = review_plan(plan, {"park_walk": "partly"}, ladder, TODAY, stage=1)
    assert all(s.grade <= 2 for s in reviewed.steps)
    assert reviewed.max_steps == 2


def test_the_new_cap_is_respected_and_the_plan_is_filled(ladder):
    plan = build_plan(profile(stage=4), ladder)
    reviewed = review_plan(plan, {}, ladder, TODAY, stage=2)
    assert len(reviewed.steps) == 2
    done_all = review_plan(
        build_plan(profile(stage=2), ladder),
        {s.id: "done" for s in build_plan(profile(stage=2), ladder).steps},
        ladder,
        TODAY,
    )
    assert len(done_all.steps) == done_all.max_steps


def test_own_words_steps_end_when_done_and_stay_otherwise(ladder):
    plan = add_own_step(build_plan(profile(stage=2), ladder), "people_and_connection", "Ring Nan")
    done = review_plan(plan, {"own_1": "done"}, ladder, TODAY, stage=3)
    assert "own_1" not in _ids(done)
    assert [t.title for t in done.steps_taken] == ["Ring Nan"]
    kept = review_plan(plan, {"own_1": "not_yet"}, ladder, TODAY, stage=3)
    assert "own_1" in _ids(kept)


def test_the_review_keeps_the_reference_and_the_outcomes(ladder):
    plan = _plan_with(ladder, "walk_road").model_copy(update={"reference": "K7TM-9QXA"})
    reviewed = review_plan(
        plan,
        {"walk_road": "done"},
        ladder,
        TODAY,
        what_went_well="I went out 4 times & felt <proud>",
        outcome_words={"walk_road": "Easier than I thought"},
    )
    assert reviewed.reference == "K7TM-9QXA"
    assert reviewed.reviewed_on == TODAY
    old = next(s for s in reviewed.reviewed_steps if s.id == "walk_road")
    assert (old.outcome, old.outcome_words) == ("done", "Easier than I thought")
    sections = {s.heading: s for s in plan_sections(reviewed, ladder, TODAY)}
    went_well = sections["What went well"]
    assert went_well.paragraphs == ("I went out 4 times & felt <proud>",)
    assert went_well.bullets == ("You did this: Try walk_road",)
    assert "Plan reference: K7TM-9QXA" in sections[next(iter(sections))].paragraphs


def _crisis_plan(ladder, noted):
    safety = profile(stage=2, barriers=["recent_crisis"], crisis_noted_on=noted)
    return build_plan(safety, ladder)


@pytest.mark.parametrize(
    ("noted_days_ago", "crisis", "still_in_crisis", "noted_note"),
    [
        (20, None, True, False),
        (56, None, False, True),
        (56, "renew", True, False),
        (5, "clear", False, False),
    ],
)
def test_a_very_hard_time_lapses_after_eight_weeks_unless_renewed(
    ladder, noted_days_ago, crisis, still_in_crisis, noted_note
):
    from planner.models import ReviewChanges

    plan = _crisis_plan(ladder, TODAY - datetime.timedelta(days=noted_days_ago))
    changes = ReviewChanges(crisis=crisis) if crisis else None
    reviewed = review_plan(plan, {}, ladder, TODAY, changes=changes)
    assert ("recent_crisis" in reviewed.profile.barriers) is still_in_crisis
    assert any("8 weeks" in note for note in reviewed.notes) is noted_note
    if crisis == "renew":
        assert reviewed.profile.crisis_noted_on == TODAY


def test_a_review_can_change_the_person(ladder):
    from planner.models import ReviewChanges

    plan = build_plan(profile(stage=3), ladder)
    changes = ReviewChanges(aims=["paid_work"], work_situation="in_work", work_hours=16)
    reviewed = review_plan(plan, {}, ladder, TODAY, changes=changes)
    assert reviewed.profile.aims == ["paid_work"]
    assert reviewed.profile.work_situation == "in_work" and reviewed.profile.work_hours == 16


def test_a_step_done_is_never_offered_again_in_the_plan(ladder):
    plan = _plan_with(ladder, "walk_road", stage=3)
    first = review_plan(plan, {"walk_road": "done"}, ladder, TODAY)
    assert first.steps_taken[-1].id == "walk_road"
    everything = {s.id for s in first.steps} | {
        s.id for steps in first.alternatives.values() for s in steps
    }
    assert "walk_road" not in everything
    second = review_plan(first, {s.id: "not_for_me" for s in first.steps}, ladder, TODAY)
    assert "walk_road" not in {s.id for s in second.steps}


def test_not_yet_falls_back_to_a_smaller_step_that_follows_on(build_library):
    steps = [
        *full_grid(),
        make_step("make_a_list", grade=2, next="go_to_group"),
        make_step("go_to_group", grade=3, smaller="make_a_list", next="share_at_group"),
        make_step("share_at_group", grade=3, smaller="go_to_group", follows_on=True),
    ]
    library = build_library(steps)
    plan = _plan_with(library, "share_at_group", stage=3)
    reviewed = review_plan(plan, {"share_at_group": "not_yet"}, library, TODAY)
    smaller = next(s for s in reviewed.steps if s.id == "go_to_group")
    assert smaller.reasons[0] == _words(library, "not_yet", "smaller")


def test_a_carried_own_step_is_never_cut_by_a_lower_cap(ladder):
    plan = build_plan(profile(stage=4), ladder)
    plan = add_own_step(plan, "getting_out", "Phone Nan on Sundays")
    reviewed = review_plan(plan, {}, ladder, TODAY, stage=1)
    assert "Phone Nan on Sundays" in {s.title for s in reviewed.steps}


def test_a_crisis_at_review_makes_the_next_plan_small_and_safe(build_library):
    from planner.models import ReviewChanges

    steps = [
        *full_grid(),
        make_step("keep_numbers", area="health_and_support", grade=1, kinds=("safety",)),
        make_step("ask_atw", area="volunteering_and_work", grade=2, kinds=("in_work",)),
    ]
    library = build_library(steps)
    plan = build_plan(profile(stage=3), library)
    plan = add_own_step(plan, "getting_out", "Walk the dog with Mam")
    reviewed = review_plan(plan, {}, library, TODAY, changes=ReviewChanges(crisis="renew"))
    assert "recent_crisis" in reviewed.profile.barriers, "renewing adds the flag"
    assert reviewed.steps[0].id == "keep_numbers"
    assert "Walk the dog with Mam" in {s.title for s in reviewed.steps}
    assert len(reviewed.steps) <= reviewed.max_steps
    assert any(note.startswith("We left out") for note in reviewed.notes), "none cut silently"


def test_smaller_rungs_of_a_done_step_are_not_offered_again(ladder):
    plan = _plan_with(ladder, "park_walk", stage=3)
    reviewed = review_plan(plan, {"park_walk": "done"}, ladder, TODAY)
    offered = {s.id for s in reviewed.steps} | {
        s.id for steps in reviewed.alternatives.values() for s in steps
    }
    assert not offered & {"park_walk", "walk_road", "door_step"}


def test_done_leads_to_the_next_step_written_for_their_nation(build_library):
    steps = [
        *full_grid(),
        make_step("tell_gp_caring", area="looking_after_myself", grade=2, next="assessment_e"),
        make_step(
            "assessment_e",
            area="looking_after_myself",
            grade=3,
            family="carers_assessment",
            nations=("england",),
            smaller="tell_gp_caring",
        ),
        make_step(
            "support_plan_s",
            area="looking_after_myself",
            grade=3,
            family="carers_assessment",
            nations=("scotland",),
            smaller="tell_gp_caring",
        ),
    ]
    library = build_library(steps)
    plan = _plan_with(library, "tell_gp_caring", stage=3, nation="scotland")
    reviewed = review_plan(plan, {"tell_gp_caring": "done"}, library, TODAY)
    moved = next(s for s in reviewed.steps if s.id == "support_plan_s")
    assert moved.reasons[0] == _words(library, "done", "next")


def test_a_basic_need_raised_at_review_leads_the_next_plan(build_library):
    from planner.models import ReviewChanges
    from tests.conftest import rules_table

    steps = [
        *full_grid(),
        make_step(
            "ring_housing",
            area="money_and_home",
            grade=1,
            kinds=("basic_needs",),
            only_for=("no_safe_place_to_live",),
        ),
    ]
    library = build_library(steps, rules_table(urgent_slots=("basic_need",)))
    plan = build_plan(profile(stage=2), library)
    plan = add_own_step(plan, "getting_out", "Walk with Mam")
    changes = ReviewChanges(barriers=["no_safe_place_to_live"])
    reviewed = review_plan(plan, {}, library, TODAY, changes=changes)
    assert reviewed.steps[0].id == "ring_housing"
    assert "Walk with Mam" in {s.title for s in reviewed.steps}
    assert any("make room" in note for note in reviewed.notes)


def test_the_next_step_for_a_need_the_words_raised_keeps_its_place(build_library):
    from goal_library.models import WordPrompt
    from tests.conftest import rules_table

    housing = {"area": "money_and_home", "kinds": ("basic_needs",)}
    steps = [
        *full_grid(),
        make_step(
            "ring_council",
            grade=1,
            only_for=("no_safe_place_to_live",),
            next="note_calls",
            **housing,
        ),
        make_step(
            "note_calls", grade=2, only_for=("no_safe_place_to_live",), follows_on=True, **housing
        ),
        make_step("tell_coach_housing", grade=1, only_for=("housing_problems",), **housing),
        make_step("keep_going", grade=2),
    ]
    rules = rules_table(
        urgent_slots=("basic_need",),
        covered_by_topics={"housing_problems": ("no_safe_place_to_live",)},
    )
    words = (
        WordPrompt(
            phrases=("sleep in my car",), topic="where you stay", add="no_safe_place_to_live"
        ),
    )
    library = build_library(steps, rules).model_copy(update={"prompts": words})
    person = profile(
        stage=2, barriers=["housing_problems"], barriers_own_words="I sleep in my car."
    )
    plan = build_plan(person, library)
    assert plan.steps[0].id == "ring_council"
    plan = replace_step(plan, plan.steps[1].id, "keep_going", library)
    reviewed = review_plan(plan, {"ring_council": "done", "keep_going": "partly"}, library, TODAY)
    assert _ids(reviewed) == ["note_calls", "keep_going"], "no smaller housing step pushed in"
    assert reviewed.notes == []


def test_a_step_made_smaller_does_not_come_back_beside_its_smaller_one(ladder):
    plan = update_details(_plan_with(ladder, "walk_road"), "walk_road", confidence=3)
    reviewed = review_plan(plan, {"walk_road": "partly"}, ladder, TODAY)
    ids = [s.id for s in reviewed.steps]
    assert "door_step" in ids and "walk_road" not in ids


def test_an_own_step_that_was_not_right_is_left_out_with_a_word(ladder):
    plan = add_own_step(build_plan(profile(stage=2), ladder), "getting_out", "Run a marathon")
    reviewed = review_plan(plan, {"own_1": "not_for_me"}, ladder, TODAY)
    assert "Run a marathon" not in {s.title for s in reviewed.steps}
    assert any("Run a marathon" in note and "not right for you" in note for note in reviewed.notes)


def test_after_a_step_is_done_no_smaller_step_for_the_same_need_comes_back(build_library):
    housing = {"area": "money_and_home", "kinds": ("basic_needs",)}
    steps = [
        *(s for s in full_grid() if s.area != "money_and_home"),
        make_step("ring_council", grade=2, only_for=("housing_problems",), **housing),
        make_step("tell_coach_housing", grade=1, only_for=("housing_problems",), **housing),
        make_step("note_bill_day", grade=1, only_for=("money_worries",), **housing),
    ]
    library = build_library(steps)
    plan = _plan_with(
        library, "ring_council", stage=2, barriers=["housing_problems", "money_worries"]
    )
    before = {s.id for a in plan.alternatives.values() for s in a}
    assert {"tell_coach_housing", "note_bill_day"} <= before
    reviewed = review_plan(plan, {"ring_council": "done"}, library, TODAY)
    offered = set(_ids(reviewed)) | {s.id for a in reviewed.alternatives.values() for s in a}
    assert "tell_coach_housing" not in offered
    assert "note_bill_day" in offered, "a smaller step for another need is still offered"


def test_a_second_not_for_me_on_the_same_topic_moves_to_another_purpose(build_library):
    sleep = {"area": "looking_after_myself", "grade": 2, "eases": ("poor_sleep",)}
    steps = [
        *(s for s in full_grid() if s.area != "looking_after_myself"),
        make_step("bedtime_routine", **sleep),
        make_step("no_caffeine_late", **sleep),
        make_step("sleep_diary", **sleep),
        make_step("warm_bath", **sleep),
        make_step("cook_a_meal", area="looking_after_myself", grade=2),
    ]
    library = build_library(steps)
    plan = _plan_with(library, "bedtime_routine", stage=2, barriers=["poor_sleep"])
    first = review_plan(plan, {"bedtime_routine": "not_for_me"}, library, TODAY)
    swapped = next(s for s in first.steps if s.area == "looking_after_myself")
    assert swapped.id in {"no_caffeine_late", "sleep_diary", "warm_bath"}, "first time: the same"
    second = review_plan(first, {swapped.id: "not_for_me"}, library, TODAY)
    words = _words(library, "not_for_me", "another_same_grade")
    (follow_on,) = [s for s in second.steps if s.reasons and s.reasons[0] == words]
    assert follow_on.id == "cook_a_meal", "second time on the topic: another purpose"


def test_a_need_acted_on_at_this_review_does_not_push_out_a_step_kept_going(build_library):
    from tests.conftest import rules_table

    money = {"area": "money_and_home", "kinds": ("basic_needs",)}
    steps = [
        *(s for s in full_grid() if s.area != "money_and_home"),
        make_step(
            "extra_credit", grade=1, only_for=("money_worries",), next="priority_list", **money
        ),
        make_step("priority_list", grade=2, follows_on=True, **money),
        make_step("fuel_voucher", grade=2, only_for=("money_worries",), **money),
        make_step("mens_shed", area="people_and_connection", grade=2),
    ]
    library = build_library(steps, rules_table(urgent_slots=("basic_need",)))
    plan = _plan_with(library, "extra_credit", stage=2, barriers=["money_worries"])
    plan = replace_step(plan, plan.steps[1].id, "mens_shed", library)
    reviewed = review_plan(plan, {"extra_credit": "done", "mens_shed": "partly"}, library, TODAY)
    assert _ids(reviewed) == ["priority_list", "mens_shed"]
    assert reviewed.notes == []


def test_a_need_they_said_no_to_at_this_review_is_not_pushed_back_in(build_library):
    from planner.models import revised
    from tests.conftest import rules_table

    money = {"area": "money_and_home", "kinds": ("basic_needs",)}
    steps = [
        *(s for s in full_grid() if s.area != "money_and_home"),
        make_step("first_money_step", grade=2, only_for=("money_worries",), **money),
        make_step("rent_advice", grade=2, only_for=("money_worries",), **money),
        make_step("rent_small", grade=1, only_for=("money_worries",), **money),
        make_step("tidy_a_shelf", area="money_and_home", grade=2),
        make_step("gamblers_group", area="health_and_support", grade=2),
    ]
    library = build_library(steps, rules_table(urgent_slots=("basic_need",)))
    plan = _plan_with(library, "rent_advice", stage=2, barriers=["money_worries"])
    plan = replace_step(plan, plan.steps[1].id, "gamblers_group", library)
    # They turned down a money step at an earlier review, and now turn this one down too.
    plan = revised(plan, not_for_me=["first_money_step"])
    reviewed = review_plan(
        plan, {"rent_advice": "not_for_me", "gamblers_group": "partly"}, library, TODAY
    )
    assert "gamblers_group" in _ids(reviewed), "the step they keep going is not cut"
    assert "rent_small" not in _ids(reviewed)


def test_a_near_twin_of_a_step_done_is_treated_as_done(build_library):
    from planner.review import _with_smaller_rungs

    health = {"area": "health_and_support", "grade": 2, "family": "tell_about_drink"}
    library = build_library(
        [
            *full_grid(),
            make_step("tell_the_team_about_drink", **health),
            make_step("tell_the_gp_about_drink", **health),
        ]
    )
    done = _with_smaller_rungs({"tell_the_team_about_drink"}, library, "england")
    assert "tell_the_gp_about_drink" in done
    assert "health_and_support_g2_0" not in done


def test_someone_in_work_is_not_swapped_onto_a_job_search(build_library):
    from tests.conftest import rules_table

    work = {"area": "volunteering_and_work", "grade": 2}
    steps = [
        *(s for s in full_grid() if s.area != "volunteering_and_work"),
        make_step("fit_note", kinds=("in_work",), **work),
        make_step("job_search", kinds=("work",), **work),
        make_step("wellness_plan", kinds=("in_work",), **work),
    ]
    rules = rules_table(work_situation_not_in_draft={"in_work": ("work",)})
    library = build_library(steps, rules)
    plan = _plan_with(library, "fit_note", stage=2, work_situation="in_work")
    reviewed = review_plan(plan, {"fit_note": "not_for_me"}, library, TODAY)
    assert "job_search" not in _ids(reviewed)


def test_not_for_me_looks_a_grade_wider_for_the_same_purpose_first(build_library):
    health = {"area": "health_and_support", "only_for": ("gambling",)}
    steps = [
        *(s for s in full_grid() if s.area != "health_and_support"),
        make_step("block_on_card", grade=1, **health),
        make_step("gambling_helpline", grade=2, **health),
        make_step("tell_someone_how_you_feel", area="health_and_support", grade=1),
    ]
    rules = _rules_with_raised(("gambling",))
    library = build_library(steps, rules)
    plan = _plan_with(library, "block_on_card", stage=1, barriers=["gambling"])
    plan = replace_step(plan, plan.steps[1].id, "getting_out_g1_0", library)
    reviewed = review_plan(plan, {"block_on_card": "not_for_me"}, library, TODAY)
    not_for_me_words = {m.words for m in library.rules.review_moves["not_for_me"]}
    (follow_on,) = [s for s in reviewed.steps if s.reasons[0] in not_for_me_words]
    assert follow_on.id == "gambling_helpline"


def _rules_with_raised(raised):
    from tests.conftest import rules_table

    return rules_table(raised=raised)


def test_a_ladder_follows_the_rung_written_for_the_persons_nation(build_library):
    health = {"area": "health_and_support"}
    library = build_library(
        [
            *full_grid(),
            make_step(
                "tell_gp_you_served",
                grade=1,
                next="england_veterans_service",
                next_in={"wales": "wales_veterans_service"},
                **health,
            ),
            make_step("england_veterans_service", grade=2, nations=("england",), **health),
            make_step("wales_veterans_service", grade=2, nations=("wales",), **health),
        ]
    )
    step = library.step("tell_gp_you_served")
    assert step.next_for("wales") == "wales_veterans_service"
    assert step.next_for("england") == "england_veterans_service"
    for nation, expected in (
        ("wales", "wales_veterans_service"),
        ("england", "england_veterans_service"),
    ):
        plan = build_plan(profile(stage=1, nation=nation), library)
        plan = add_library_step(plan, "tell_gp_you_served", library)
        (added,) = [s for s in plan.steps if s.id == "tell_gp_you_served"]
        assert added.next == expected
        reviewed = review_plan(plan, {"tell_gp_you_served": "done"}, library, TODAY)
        assert expected in [s.id for s in reviewed.steps]


def _said_moves_library(build_library):
    from tests.conftest import TEST_REVIEW_MOVES, rules_table

    said_first = (
        {"move": "help_with_cost", "when_said": ("cost", "afford"), "words": "Money. Ask."},
        {"move": "another_same_grade", "when_said": ("said no",), "words": "Closed. Another."},
    )
    moves = {
        **TEST_REVIEW_MOVES,
        "not_yet": (*said_first, *TEST_REVIEW_MOVES["not_yet"]),
    }
    work = {
        "area": "volunteering_and_work",
        "strengths": ("trade_or_licence",),
        "only_for": ("trade_or_licence",),
    }
    steps = [
        *full_grid(),
        make_step("look_at_jobs", grade=2, **work),
        make_step(
            "renew_card",
            grade=3,
            family="card",
            coach_can_fund=True,
            smaller="look_at_jobs",
            **work,
        ),
        make_step(
            "ask_coach_about_card_costs",
            grade=3,
            family="card",
            kinds=("work_support",),
            smaller="look_at_jobs",
            **work,
        ),
        make_step("ring_an_agency", grade=3, **work),
    ]
    return build_library(steps, rules_table(review_moves=moves))


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("I couldn't afford the course.", "ask_coach_about_card_costs"),
        ("The college said no, it is full.", "ring_an_agency"),
        ("I did not get round to it.", "look_at_jobs"),
        ("", "look_at_jobs"),
    ],
)
def test_what_was_said_about_a_step_chooses_the_move(build_library, said, expected):
    library = _said_moves_library(build_library)
    person = profile(stage=3, nation="england", strengths=["trade_or_licence"], aims=["paid_work"])
    plan = build_plan(person, library)
    twin = next((s.id for s in plan.steps if library.step(s.id).family_id == "card"), None)
    if twin is None:
        plan = add_library_step(plan, "renew_card", library)
    elif twin != "renew_card":
        plan = replace_step(plan, twin, "renew_card", library)
    reviewed = review_plan(
        plan, {"renew_card": "not_yet"}, library, TODAY, outcome_words={"renew_card": said}
    )
    assert expected in [s.id for s in reviewed.steps]


def test_clearing_a_very_hard_time_read_only_from_the_words_stops_reading_it(build_library):
    from goal_library.models import WordPrompt
    from tests.conftest import safety_step

    words = (WordPrompt(phrases=("overdose",), topic="a very hard time", add="recent_crisis"),)
    library = build_library([*full_grid(), safety_step()]).model_copy(update={"prompts": words})
    person = profile(stage=3, barriers_own_words="I took an overdose.")
    plan = build_plan(person, library).model_copy(update={"created_on": TODAY})
    assert plan.steps[0].id == "keep_numbers", "read as a very hard time"
    cleared = review_plan(plan, {}, library, TODAY, changes=ReviewChanges(crisis="clear"))
    assert "barriers:recent_crisis" in cleared.profile.words_set_aside
    assert cleared.max_steps > 2
    later = review_plan(plan, {}, library, TODAY + datetime.timedelta(weeks=9))
    assert "barriers:recent_crisis" in later.profile.words_set_aside
    assert any("weeks" in note for note in later.notes)


def test_a_review_never_puts_a_step_beside_one_of_its_family_or_its_own_rung(build_library):
    steps = [
        *full_grid(),
        make_step("note_calm_things", grade=1, next="write_calm_plan"),
        make_step("write_calm_plan", grade=2, family="calm_plan"),
        make_step("say_calm_words", grade=2, family="calm_plan"),
        make_step("find_gp_number", grade=1, next="book_gp"),
        make_step("book_gp", grade=2, smaller="find_gp_number"),
        make_step("ask_for_gp_help", grade=1, next="book_gp"),
    ]
    library = build_library(steps)
    plan = build_plan(profile(stage=2), library).model_copy(update={"steps": []})
    for step_id in ("note_calm_things", "say_calm_words", "find_gp_number", "ask_for_gp_help"):
        plan = add_library_step(plan, step_id, library)
    outcomes = {
        "note_calm_things": "done",
        "say_calm_words": "partly",
        "find_gp_number": "partly",
        "ask_for_gp_help": "done",
    }
    ids = _ids(review_plan(plan, outcomes, library, TODAY))
    assert "say_calm_words" in ids and "write_calm_plan" not in ids, "one of each family"
    assert "find_gp_number" in ids and "book_gp" not in ids, "not beside its own smaller one"
    families = [library.step(i).family_id for i in ids]
    assert len(families) == len(set(families))


def test_not_for_me_because_they_do_it_already_moves_up_never_down(ladder):
    plan = _plan_with(ladder, "walk_road", stage=3)
    reviewed = review_plan(
        plan, {"walk_road": "not_for_me"}, ladder, TODAY, what_went_well="I do that already."
    )
    assert "park_walk" in _ids(reviewed)
    assert "door_step" not in _ids(reviewed)
    bigger = next(s for s in reviewed.steps if s.id == "park_walk")
    assert bigger.reasons[0] == _words(ladder, "not_for_me", "next")


def test_not_for_me_because_it_is_not_needed_ends_the_step_and_its_topic(build_library):
    debt = {"area": "money_and_home", "grade": 2, "only_for": ("debts",), "kinds": ("basic_needs",)}
    library = build_library(
        [*full_grid(), make_step("debt_advice", **debt), make_step("list_debts", **debt)]
    )
    plan = _plan_with(library, "debt_advice", stage=2, barriers=["debts"])
    plan = plan.model_copy(update={"steps": [s for s in plan.steps if s.id != "list_debts"]})
    said = {"debt_advice": "I don't need help with that, it is all paid off."}
    reviewed = review_plan(plan, {"debt_advice": "not_for_me"}, library, TODAY, outcome_words=said)
    assert not {"debt_advice", "list_debts"} & set(_ids(reviewed))
    assert any(
        "Try debt_advice" in note and "nothing takes its place" in note for note in reviewed.notes
    )
    kept_on = review_plan(plan, {"debt_advice": "not_for_me"}, library, TODAY)
    assert "list_debts" in _ids(kept_on), "without those words, another step for the debts"


def test_words_at_a_review_that_show_a_step_is_done_pass_it_on_the_ladder(build_library):
    money = {"area": "money_and_home", "grade": 2}
    library = build_library(
        [
            *full_grid(),
            make_step("get_advice", next="agree_plan", **money),
            make_step(
                "agree_plan",
                smaller="get_advice",
                next="keep_plan",
                not_when_said=("we agreed a plan",),
                **money,
            ),
            make_step("keep_plan", smaller="agree_plan", **money),
        ]
    )
    plan = _plan_with(library, "get_advice", stage=3)
    went_well = "We agreed a plan with the landlord."
    reviewed = review_plan(plan, {"get_advice": "done"}, library, TODAY, what_went_well=went_well)
    assert "keep_plan" in _ids(reviewed)
    assert "agree_plan" not in _ids(reviewed)
    carried = _plan_with(library, "agree_plan", stage=3)
    reviewed = review_plan(
        carried, {"agree_plan": "partly"}, library, TODAY, what_went_well=went_well
    )
    assert "keep_plan" in _ids(reviewed), "a step the words show is done moves on as done"


def test_a_step_the_words_settle_but_the_person_turned_down_is_not_praised(build_library):
    health = {"area": "health_and_support", "grade": 2}
    library = build_library(
        [
            *full_grid(),
            make_step(
                "follow_up_call", next="next_visit", not_when_said=("nurse every week",), **health
            ),
            make_step("next_visit", smaller="follow_up_call", **health),
        ]
    )
    plan = _plan_with(library, "follow_up_call", stage=3)
    went_well = "I see my nurse every week anyway."
    reviewed = review_plan(
        plan, {"follow_up_call": "not_for_me"}, library, TODAY, what_went_well=went_well
    )
    assert not any("Well done" in note for note in reviewed.notes)
    assert "follow_up_call" in reviewed.not_for_me


# ---- the room left after a review is not filled with something like what was acted on ----

_DONE_LEADS_ON = {
    **TEST_REVIEW_MOVES,
    "done": ({"move": "next", "words": "Done. Here is the next one."},),
}


def _refill_library(build_library, **changes):
    steps = [
        *full_grid(),
        make_step("short_course", area="learning_and_skills", grade=3, kinds=("course",)),
        # The step a fresh draft would take first: it draws on the person's strength.
        make_step(
            "evening_class",
            area="learning_and_skills",
            grade=3,
            kinds=("course",),
            strengths=("curious",),
        ),
        make_step(
            "weekend_workshop",
            area="learning_and_skills",
            grade=3,
            kinds=("course",),
            strengths=("curious",),
        ),
        make_step("library_visit", area="learning_and_skills", grade=3),
        make_step("chat_at_the_door", area="people_and_connection", grade=2, family="chat"),
        make_step("chat_in_the_shop", area="people_and_connection", grade=2, family="chat"),
        make_step("call_housing", area="money_and_home", grade=2, only_for=("housing_problems",)),
        make_step("list_housing", area="money_and_home", grade=1, only_for=("housing_problems",)),
        make_step(
            "housing_advocate", area="health_and_support", grade=2, only_for=("housing_problems",)
        ),
    ]
    table = {"refill_not_after_kinds": ("course",), "review_moves": _DONE_LEADS_ON, **changes}
    rules = rules_table(**table)
    return build_library(steps, rules)


def test_like_what_was_acted_on_is_its_family_its_kind_and_its_own_need(build_library):
    library = _refill_library(build_library)
    person = profile(stage=3, barriers=["housing_problems"])
    held = like_what_was_acted_on(
        frozenset({"short_course", "chat_at_the_door", "call_housing"}), person, library
    )
    assert {"evening_class", "chat_in_the_shop", "list_housing"} <= held
    # Another kind of learning, and help with the same need from another part of life, stay.
    assert not {"library_visit", "housing_advocate"} & held
    assert not {"short_course", "chat_at_the_door", "call_housing"} & held


def test_a_kind_the_table_does_not_name_is_judged_by_what_it_is_for(build_library):
    library = _refill_library(build_library, refill_not_after_kinds=())
    held = like_what_was_acted_on(frozenset({"short_course"}), profile(stage=3), library)
    assert "evening_class" not in held


def _plan_with_only(library, step_id, person):
    """A plan holding just this step, so the rest of the next plan is the room left."""
    plan = build_plan(person, library)
    for step in plan.steps:
        plan = remove_step(plan, step.id)
    return add_library_step(plan, step_id, library)


@pytest.mark.parametrize(
    ("outcome", "courses"),
    # Not right for them: the move itself offers a different one to try; the room left adds
    # no other.
    [("done", 0), ("not_for_me", 1)],
)
def test_the_room_left_is_not_filled_with_another_step_of_the_same_kind(
    build_library, outcome, courses
):
    library = _refill_library(build_library)
    person = profile(stage=3, aims=["learn_something"], strengths=["curious"])
    plan = _plan_with_only(library, "short_course", person)
    reviewed = review_plan(plan, {"short_course": outcome}, library, TODAY)
    assert "short_course" not in _ids(reviewed)
    assert len(reviewed.steps) == reviewed.max_steps
    assert sum("course" in library.step(s.id).kinds for s in reviewed.steps) == courses


def test_without_the_kind_in_the_table_the_room_left_takes_another_course(build_library):
    library = _refill_library(build_library, refill_not_after_kinds=())
    person = profile(stage=3, aims=["learn_something"], strengths=["curious"])
    plan = _plan_with_only(library, "short_course", person)
    reviewed = review_plan(plan, {"short_course": "done"}, library, TODAY)
    assert {"evening_class", "weekend_workshop"} & set(_ids(reviewed))


def test_done_leads_to_the_bigger_step_of_its_own_family(build_library):
    steps = [
        *full_grid(),
        make_step(
            "ask_for_follow_up",
            area="health_and_support",
            family="follow_up",
            next="go_to_follow_up",
        ),
        make_step(
            "go_to_follow_up",
            area="health_and_support",
            grade=2,
            family="follow_up",
            smaller="ask_for_follow_up",
        ),
    ]
    library = build_library(steps)
    plan = _plan_with(library, "ask_for_follow_up", stage=2)
    reviewed = review_plan(plan, {"ask_for_follow_up": "done"}, library, TODAY)
    step = next(s for s in reviewed.steps if s.id == "go_to_follow_up")
    assert step.reasons[0] == _words(library, "done", "next")


def _other_kinds_moves(other_kinds=True):
    not_for_me = tuple(
        {**move, "other_kinds": other_kinds} if move["move"].startswith("another") else move
        for move in TEST_REVIEW_MOVES["not_for_me"]
    )
    return {**TEST_REVIEW_MOVES, "not_for_me": not_for_me}


def test_not_for_me_is_not_answered_with_more_of_the_same(build_library):
    money = {"area": "money_and_home", "grade": 1}
    steps = [
        *(s for s in full_grid() if s.area != "money_and_home"),
        make_step(
            "day_money_runs_out",
            kinds=("basic_needs",),
            only_for=("runs_out_before_payday",),
            **money,
        ),
        make_step(
            "money_letters_pile",
            kinds=("basic_needs",),
            only_for=("runs_out_before_payday", "money_worries"),
            **money,
        ),
        make_step("letters_in_a_safe_place", strengths=("organised",), **money),
        make_step("bus_pass", eases=("no_money_for_travel",), **money),
    ]
    person = {
        "stage": 2,
        "aims": ["sort_money_or_home"],
        "strengths": ["organised"],
        "barriers": ["runs_out_before_payday", "no_money_for_travel"],
    }
    words = _words(build_library(steps), "not_for_me", "another_same_grade")

    def follow_on(other_kinds):
        library = build_library(steps, rules_table(review_moves=_other_kinds_moves(other_kinds)))
        plan = _plan_with(library, "day_money_runs_out", **person)
        reviewed = review_plan(plan, {"day_money_runs_out": "not_for_me"}, library, TODAY)
        return [s.id for s in reviewed.steps if s.reasons[0] == words]

    (without,) = follow_on(other_kinds=False)
    assert without in {"money_letters_pile", "letters_in_a_safe_place"}, "without the rule"
    assert follow_on(other_kinds=True) == ["bus_pass"], "another need they raised, not letters"


def test_unlike_steps_are_its_kinds_and_what_it_alone_was_for(build_library):
    from planner.review import unlike_steps

    money = {"area": "money_and_home", "grade": 1}
    steps = [
        *full_grid(),
        make_step("carer_gp", area="looking_after_myself", only_for=("caring_responsibilities",)),
        make_step(
            "carer_break", area="looking_after_myself", only_for=("caring_responsibilities",)
        ),
        make_step(
            "carer_centre", area="people_and_connection", only_for=("caring_responsibilities",)
        ),
        make_step("fuel_voucher", kinds=("basic_needs",), **money),
        make_step("food_bank", kinds=("basic_needs",), **money),
    ]
    library = build_library(steps)
    person = profile(barriers=["caring_responsibilities"])
    unlike = unlike_steps(library.step("carer_gp"), person, library)
    assert "carer_break" in unlike and "carer_centre" not in unlike, "its own area only"
    assert "food_bank" in unlike_steps(library.step("fuel_voucher"), person, library)


def _told_work_library(build_library, **rules):
    from goal_library.models import WordPrompt

    work = {"area": "volunteering_and_work", "grade": 2, "kinds": ("in_work",)}
    steps = [
        *(s for s in full_grid() if s.area != "volunteering_and_work"),
        make_step("decide_what_to_tell", next="talk_to_manager", **work),
        make_step("talk_to_manager", ruled_out_by=("employer_not_told",), **work),
        make_step("wellness_plan", **work),
    ]
    prompts = (WordPrompt(phrases=("not told them",), topic="work", add="employer_not_told"),)
    library = build_library(steps, rules_table(**rules))
    return library.model_copy(update={"prompts": prompts})


_NOT_TOLD = {
    "stage": 4,
    "work_situation": "in_work",
    "work_hours": 20,
    "barriers_own_words": "I've not told them about my anxiety.",
}


def test_a_barrier_the_review_takes_away_is_not_read_back_from_the_first_words(build_library):
    library = _told_work_library(build_library)
    plan = _plan_with(library, "decide_what_to_tell", barriers=["employer_not_told"], **_NOT_TOLD)
    kept = review_plan(plan, {"decide_what_to_tell": "done"}, library, TODAY)
    assert "talk_to_manager" not in _ids(kept)
    changed = review_plan(
        plan,
        {"decide_what_to_tell": "done"},
        library,
        TODAY,
        changes=ReviewChanges(barriers=[]),
    )
    assert "talk_to_manager" in _ids(changed)
    assert changed.profile.words_set_aside == ["barriers:employer_not_told"]


def test_words_at_a_review_settle_what_the_first_words_said(build_library):
    settled = {"employer_not_told": ("told the nurse manager",)}
    library = _told_work_library(build_library, settled_by_review_words=settled)
    plan = _plan_with(library, "decide_what_to_tell", **_NOT_TOLD)
    quiet = review_plan(plan, {"decide_what_to_tell": "done"}, library, TODAY)
    assert "talk_to_manager" not in _ids(quiet)
    told = review_plan(
        plan,
        {"decide_what_to_tell": "done"},
        library,
        TODAY,
        what_went_well="I told the nurse manager I have anxiety.",
    )
    assert "talk_to_manager" in _ids(told)
    assert told.profile.words_set_aside == ["barriers:employer_not_told"]
    # A ticked answer is not taken away by words: the coach and the person change it.
    ticked = _plan_with(library, "decide_what_to_tell", barriers=["employer_not_told"], **_NOT_TOLD)
    still = review_plan(
        ticked,
        {"decide_what_to_tell": "done"},
        library,
        TODAY,
        what_went_well="I told the nurse manager I have anxiety.",
    )
    assert "talk_to_manager" not in _ids(still)


def test_a_step_done_shows_the_person_can_do_its_grade(build_library):
    people = {"area": "people_and_connection", "with_others": True}
    steps = [
        *full_grid(),
        make_step("mens_shed", grade=3, next="hobby_club", **people),
        make_step("hobby_club", grade=4, smaller="mens_shed", **people),
    ]

    def reviewed(shows, **review):
        library = build_library(steps, rules_table(done_shows_stage=shows))
        plan = _plan_with(library, "mens_shed", stage=2, aims=["meet_people"])
        return review_plan(plan, {"mens_shed": "done"}, library, TODAY, **review)

    assert "hobby_club" not in _ids(reviewed(shows=False))
    shown = reviewed(shows=True)
    assert "hobby_club" in _ids(shown)
    assert shown.profile.area_stages == {"people_and_connection": 3, "getting_out": 3}
    assert "hobby_club" not in _ids(reviewed(shows=True, stage=1)), "the coach lowered the stage"
    set_now = reviewed(shows=True, area_stages={"people_and_connection": 2})
    assert "hobby_club" not in _ids(set_now), "the coach set that area's stage at this review"
