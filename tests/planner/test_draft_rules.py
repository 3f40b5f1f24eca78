"""The v2 draft rules, one test each, and the corners where rules pull apart.

Every test builds its own small library on the tests' own rules table (tests.conftest).
"""

from __future__ import annotations

from planner.policy import Scope, candidates, may_offer, refusals
from planner.suggest import build_plan
from tests.conftest import basic_needs_step as _basic
from tests.conftest import full_grid, make_step, profile, rules_table
from tests.conftest import safety_step as _safety


def _offered(plan):
    return [*plan.steps, *(s for steps in plan.alternatives.values() for s in steps)]


def _work_support(step_id="tell_coach_you_want_work", grade=1, **fields):
    return make_step(
        step_id, area="volunteering_and_work", grade=grade, kinds=("work_support",), **fields
    )


class TestAfterACrisis:
    def test_the_draft_is_small_safe_and_starts_with_a_safety_step(self, build_library):
        steps = [
            *full_grid(),
            _safety(),
            make_step(
                "tell_someone",
                area="health_and_support",
                grade=2,
                strengths=("honest",),
                eases=("recent_crisis",),
            ),
            make_step("a_course", area="learning_and_skills", grade=2, kinds=("course",)),
        ]
        person = profile(stage=5, barriers=["recent_crisis"], strengths=["honest"])
        plan = build_plan(person, build_library(steps))
        assert len(plan.steps) == 2
        assert plan.steps[0].id == "keep_numbers"
        assert plan.steps[0].trace.slot == "safety"
        assert all(s.grade <= 2 for s in _offered(plan))
        assert "a_course" not in {s.id for s in _offered(plan)}

    def test_no_volunteering_or_work_is_offered_even_at_stage_five(self, build_library):
        steps = [
            *full_grid(),
            _safety(),
            make_step(
                "volunteer_role", area="volunteering_and_work", grade=2, kinds=("volunteering",)
            ),
            make_step("apply_for_a_job", area="volunteering_and_work", grade=2, kinds=("work",)),
        ]
        plan = build_plan(profile(stage=5, barriers=["recent_crisis"]), build_library(steps))
        offered = {s.id for s in _offered(plan)}
        assert not offered & {"volunteer_role", "apply_for_a_job"}

    def test_the_tables_numbers_are_used(self, build_library):
        rules = rules_table(
            crisis={
                "barrier": "recent_crisis",
                "max_steps": 1,
                "max_grade": 1,
                "first_kind": "safety",
                "first_area": "health_and_support",
                "left_out_kinds": (),
            }
        )
        library = build_library([*full_grid(), _safety()], rules)
        plan = build_plan(profile(stage=4, barriers=["recent_crisis"]), library)
        assert [s.id for s in plan.steps] == ["keep_numbers"]
        assert all(s.grade == 1 for s in _offered(plan))


class TestBasicNeedsFirst:
    def test_money_worries_at_stage_one_put_a_money_step_in_a_draft_of_two(self, build_library):
        steps = [*full_grid(), _basic("letters_in_one_pile")]
        plan = build_plan(profile(stage=1, barriers=["money_worries"]), build_library(steps))
        assert len(plan.steps) == 2
        assert "letters_in_one_pile" in {s.id for s in plan.steps}
        assert next(s for s in plan.steps if s.id == "letters_in_one_pile").trace.slot == (
            "basic_need"
        )

    def test_housing_problems_get_a_housing_step(self, build_library):
        steps = [
            *full_grid(),
            _basic("letters_in_one_pile"),
            _basic("write_what_worries_you_at_home", only_for=("housing_problems",)),
        ]
        plan = build_plan(profile(stage=2, barriers=["housing_problems"]), build_library(steps))
        assert "write_what_worries_you_at_home" in {s.id for s in plan.steps}
        assert "letters_in_one_pile" not in {s.id for s in _offered(plan)}

    def test_without_the_worries_the_area_stays_closed_early_on(self, build_library):
        plan = build_plan(profile(stage=1), build_library([*full_grid(), _basic("letters")]))
        assert "money_and_home" not in plan.alternatives


class TestAimsLead:
    def test_the_draft_serves_the_first_aim(self, build_library):
        plan = build_plan(
            profile(stage=3, aims=["learn_something", "meet_people"]), build_library(full_grid())
        )
        assert any(s.area == "learning_and_skills" for s in plan.steps)
        first_aim = next(s for s in plan.steps if s.area == "learning_and_skills")
        assert first_aim.trace.slot == "first_aim"
        assert "It is a step towards learning something new." in first_aim.reasons

    def test_an_aim_opens_its_area_at_stage_one(self, build_library):
        plan = build_plan(profile(stage=1, aims=["volunteer"]), build_library(full_grid()))
        assert "volunteering_and_work" in plan.alternatives

    def test_aim_kinds_decide_which_steps_serve_it(self, build_library):
        steps = [
            *full_grid(),
            make_step("a_role", area="volunteering_and_work", grade=4, kinds=("volunteering",)),
            make_step("a_job", area="volunteering_and_work", grade=4, kinds=("work",)),
        ]
        plan = build_plan(profile(stage=4, aims=["volunteer"]), build_library(steps))
        assert "a_role" in {s.id for s in plan.steps}


class TestZeroExclusionForWork:
    def test_paid_work_as_first_aim_puts_work_support_in_the_draft_at_stage_one(
        self, build_library
    ):
        steps = [*full_grid(), _work_support()]
        plan = build_plan(profile(stage=1, aims=["paid_work"]), build_library(steps))
        assert "tell_coach_you_want_work" in {s.id for s in plan.steps}

    def test_paid_work_as_a_later_aim_still_puts_work_support_in_the_draft(self, build_library):
        steps = [
            *full_grid(),
            _work_support(),
            make_step("a_job_search", area="volunteering_and_work", grade=2, kinds=("work",)),
        ]
        person = profile(stage=2, aims=["feel_better", "paid_work"])
        plan = build_plan(person, build_library(steps))
        talk = next(s for s in plan.steps if s.id == "tell_coach_you_want_work")
        assert talk.trace.slot == "work_support"
        assert "a_job_search" not in {s.id for s in plan.steps}

    def test_strengths_choose_within_a_purpose_never_the_purpose(self, build_library):
        steps = [
            *full_grid(),
            make_step("a_role", area="volunteering_and_work", grade=5, kinds=("volunteering",)),
            make_step(
                "garden_role",
                area="volunteering_and_work",
                grade=5,
                kinds=("volunteering",),
                strengths=("gardening",),
            ),
            make_step(
                "garden_match",
                area="getting_out",
                grade=5,
                strengths=("gardening", "patient", "nature_outdoors"),
            ),
        ]
        person = profile(
            stage=5, aims=["volunteer"], strengths=["gardening", "patient", "nature_outdoors"]
        )
        plan = build_plan(person, build_library(steps))
        ids = [s.id for s in plan.steps]
        assert ids[0] == "garden_role", "the strength chooses between steps for the aim"
        assert "garden_match" not in ids, "a strength alone does not earn a place"
        assert "garden_match" in {s.id for s in plan.alternatives["getting_out"]}


class TestOneStepPerFamily:
    def test_a_draft_holds_one_step_of_a_family(self, build_library):
        steps = [
            make_step("tell_someone", area="health_and_support", grade=2, family="tell"),
            make_step("tell_one_person", area="people_and_connection", grade=2, family="tell"),
            make_step("ring_gp", area="health_and_support", grade=2),
            make_step("walk", area="getting_out", grade=2),
        ]
        plan = build_plan(profile(stage=2), build_library(steps))
        ids = {s.id for s in _offered(plan)}
        assert len(ids & {"tell_someone", "tell_one_person"}) == 1


class TestTheRightService:
    def test_cmht_steps_only_with_a_mental_health_team(self, build_library):
        cmht = make_step(
            "ring_cmht",
            area="health_and_support",
            grade=2,
            needs=("mental_health_team",),
            strengths=("cmht",),
        )
        gp = make_step("ring_gp", area="health_and_support", grade=2, strengths=("gp",))
        library = build_library([cmht, gp])
        assert [s.id for s in candidates("health_and_support", profile(), library)] == ["ring_gp"]
        with_team = candidates("health_and_support", profile(strengths=["cmht"]), library)
        assert [s.id for s in with_team] == ["ring_cmht", "ring_gp"]


class TestNothingThatCostsMoney:
    def test_paid_steps_are_left_out_with_money_worries_or_no_fares(self, build_library):
        library = build_library([make_step("cafe", needs=("money",)), make_step("park")])
        for barrier in ("money_worries", "no_money_for_travel"):
            got = candidates("getting_out", profile(stage=1, barriers=[barrier]), library)
            assert [s.id for s in got] == ["park"]


class TestWhatThePersonRaised:
    def test_personal_care_only_with_self_care_hard(self, build_library):
        wash = make_step(
            "have_a_wash",
            area="looking_after_myself",
            kinds=("personal_care",),
            only_for=("self_care_hard",),
        )
        library = build_library([wash])
        assert not candidates("looking_after_myself", profile(stage=1), library)
        raised = profile(stage=1, barriers=["self_care_hard"])
        assert candidates("looking_after_myself", raised, library) == [wash]

    def test_english_classes_only_with_english_as_a_second_language(self, build_library):
        esol = make_step(
            "english_class", area="learning_and_skills", grade=3, kinds=("english_class",)
        )
        library = build_library([esol])
        speaks_more = profile(stage=3, strengths=["languages"])
        assert not candidates("learning_and_skills", speaks_more, library)
        second = profile(stage=3, barriers=["english_second_language"])
        assert candidates("learning_and_skills", second, library) == [esol]

    def test_a_skill_is_never_met_with_a_beginner_step(self, build_library):
        simple = make_step(
            "cook_a_simple_meal", area="looking_after_myself", grade=2, beginner_in=("cooking",)
        )
        batch = make_step(
            "batch_cook", area="looking_after_myself", grade=2, strengths=("cooking",)
        )
        library = build_library([simple, batch])
        cook = profile(stage=2, strengths=["cooking"])
        assert [s.id for s in candidates("looking_after_myself", cook, library)] == ["batch_cook"]


class TestCorners:
    def test_a_crisis_with_a_work_aim_stays_small_and_safe(self, build_library):
        steps = [
            *full_grid(),
            _safety(),
            _work_support(),
            make_step("apply_for_a_job", area="volunteering_and_work", grade=1, kinds=("work",)),
        ]
        person = profile(stage=4, barriers=["recent_crisis"], aims=["paid_work"])
        plan = build_plan(person, build_library(steps))
        assert [s.id for s in plan.steps] == ["keep_numbers", "tell_coach_you_want_work"]
        assert "apply_for_a_job" not in {s.id for s in _offered(plan)}

    def test_money_worries_at_stage_one_with_a_crisis_keep_safety_then_money(self, build_library):
        steps = [*full_grid(), _safety(), _basic("letters_in_one_pile")]
        person = profile(stage=1, barriers=["money_worries", "recent_crisis"], aims=["meet_people"])
        plan = build_plan(person, build_library(steps))
        assert [s.id for s in plan.steps] == ["keep_numbers", "letters_in_one_pile"]

    def test_a_carer_with_no_money_and_a_work_aim(self, build_library):
        steps = [
            *full_grid(),
            _work_support(),
            make_step(
                "college_course",
                area="volunteering_and_work",
                grade=3,
                kinds=("work",),
                needs=("money",),
            ),
            make_step(
                "carers_break",
                area="looking_after_myself",
                grade=3,
                only_for=("caring_responsibilities",),
                eases=("caring_responsibilities",),
            ),
        ]
        person = profile(
            stage=3,
            barriers=["caring_responsibilities", "no_money_for_travel"],
            aims=["paid_work"],
        )
        plan = build_plan(person, build_library(steps))
        ids = {s.id for s in plan.steps}
        assert "tell_coach_you_want_work" in ids
        assert "college_course" not in {s.id for s in _offered(plan)}
        assert "carers_break" in {s.id for s in _offered(plan)}


class TestTrace:
    def test_every_suggested_step_carries_its_slot_score_and_what_it_beat(self, build_library):
        steps = [
            make_step("walk_a", grade=2, strengths=("nature_outdoors",)),
            make_step("walk_b", grade=2),
            make_step("walk_c", grade=1),
        ]
        plan = build_plan(profile(stage=2, strengths=["nature_outdoors"]), build_library(steps))
        first = plan.steps[0]
        assert first.id == "walk_a"
        assert first.trace.slot == "spread"
        assert first.trace.score["strengths"] == 1
        assert first.trace.score["points"] == rules_table().points.strength
        assert first.trace.beat == [] or set(first.trace.beat) <= {"walk_b", "walk_c"}
        assert any(rule.startswith("grade_window") for rule in first.trace.admitted_by)


class TestRanking:
    def test_a_skill_outranks_a_quality_and_a_raised_topic_outranks_neither(self, build_library):
        steps = [
            make_step("uses_quality", grade=2, strengths=("kind",)),
            make_step("uses_skill", grade=2, strengths=("gardening",)),
            make_step("about_caring", grade=2, only_for=("caring_responsibilities",)),
            make_step("plain", grade=2),
        ]
        person = profile(
            stage=2, strengths=["kind", "gardening"], barriers=["caring_responsibilities"]
        )
        ranked = [s.id for s in candidates("getting_out", person, build_library(steps))]
        assert ranked == ["uses_skill", "about_caring", "uses_quality", "plain"]

    def test_the_points_table_is_read(self, build_library):
        steps = [
            make_step("uses_quality", grade=2, strengths=("kind",)),
            make_step("uses_skill", grade=2, strengths=("gardening",)),
        ]
        points = {
            "grade_step": 1,
            "strength": 1,
            "quality": 5,
            "eased_barrier": 1,
            "raised_topic": 2,
            "aim": 2,
        }
        library = build_library(steps, rules_table(points=points))
        person = profile(stage=2, strengths=["kind", "gardening"])
        assert candidates("getting_out", person, library)[0].id == "uses_quality"


class TestOnePlaceDecides:
    def test_by_hand_the_stage_and_crisis_do_not_block_but_the_person_rules_do(self, build_library):
        library = build_library([])
        big_course = make_step("big_course", area="learning_and_skills", grade=5, kinds=("course",))
        crisis = profile(stage=1, barriers=["recent_crisis"])
        assert {r.rule for r in refusals(big_course, crisis, library)} == {
            "grade_window",
            "crisis_grade",
            "crisis_kind",
            "setting_stage",
        }
        assert may_offer(big_course, crisis, library, Scope.BY_HAND)
        paid = make_step("paid_class", needs=("money",))
        poor = profile(barriers=["money_worries"])
        assert not may_offer(paid, poor, library, Scope.BY_HAND)


class TestV2Additions:
    def test_a_step_out_of_the_home_follows_the_getting_out_stage(self, build_library):
        outing = make_step("weekly_class", area="learning_and_skills", grade=4)
        at_home = make_step("home_study", area="learning_and_skills", grade=4, at_home=True)
        group = make_step(
            "group_project", area="learning_and_skills", grade=4, at_home=True, with_others=True
        )
        library = build_library([outing, at_home, group])
        person = profile(stage=4, area_stages={"getting_out": 1, "people_and_connection": 2})
        assert [s.id for s in candidates("learning_and_skills", person, library)] == ["home_study"]
        assert may_offer(outing, profile(stage=4), library)

    def test_a_step_that_builds_on_another_is_never_in_a_first_draft(self, build_library):
        go = make_step("go_to_a_group", grade=2, next="share_at_the_group")
        share = make_step("share_at_the_group", grade=2, smaller="go_to_a_group", follows_on=True)
        library = build_library([go, share])
        plan = build_plan(profile(stage=2), library)
        assert "share_at_the_group" not in {s.id for s in _offered(plan)}
        assert may_offer(share, profile(stage=2), library, Scope.NEXT_STEP)

    def test_wanting_work_puts_the_right_talk_in_the_draft(self, build_library):
        steps = [
            *full_grid(),
            _work_support("ask_for_a_dea", grade=2),
            _work_support(
                "ask_about_ips", grade=2, needs=("mental_health_team",), strengths=("cmht",)
            ),
        ]
        library = build_library(steps)
        with_team = profile(stage=3, strengths=["cmht"], aims=["learn_something", "paid_work"])
        plan = build_plan(with_team, library)
        # The first aim is served first; the talk about work comes next.
        assert [s.trace.slot for s in plan.steps[:2]] == ["first_aim", "work_support"]
        assert plan.steps[1].id == "ask_about_ips"
        without = build_plan(profile(stage=3, aims=["learn_something", "paid_work"]), library)
        assert without.steps[1].id == "ask_for_a_dea"
        work_first = build_plan(profile(stage=3, aims=["paid_work", "learn_something"]), library)
        assert work_first.steps[0].trace.slot == "first_aim"
        assert work_first.steps[0].id == "ask_for_a_dea"

    def test_a_raised_barrier_named_in_the_table_gets_a_step(self, build_library):
        steps = [
            *full_grid(),
            make_step(
                "tell_gp_about_drinking",
                area="health_and_support",
                grade=1,
                only_for=("alcohol_or_drugs",),
            ),
        ]
        plan = build_plan(profile(stage=3, barriers=["alcohol_or_drugs"]), build_library(steps))
        assert "tell_gp_about_drinking" in {s.id for s in plan.steps}

    def test_teaching_does_not_serve_the_aim_to_learn(self, library):
        teach = make_step("teach_a_recipe", area="learning_and_skills", family="teach_a_skill")
        learn = make_step("learn_a_recipe", area="learning_and_skills")
        aim = library.aim("learn_something")
        from planner.rules import serves_aim

        person = profile(aims=["learn_something"])
        assert serves_aim(learn, aim, person) and not serves_aim(teach, aim, person)


def test_the_first_raised_barrier_in_the_tables_order_gets_the_step(build_library):
    steps = [
        *full_grid(),
        make_step(
            "wash_face",
            area="looking_after_myself",
            grade=1,
            only_for=("self_care_hard",),
            kinds=("personal_care",),
        ),
        make_step(
            "drink_diary", area="health_and_support", grade=1, only_for=("alcohol_or_drugs",)
        ),
    ]
    rules = rules_table(raised=("alcohol_or_drugs", "self_care_hard"))
    person = profile(stage=3, barriers=["self_care_hard", "alcohol_or_drugs"])
    plan = build_plan(person, build_library(steps, rules))
    assert next(s for s in plan.steps if s.trace.slot == "raised_barrier").id == "drink_diary"


def test_a_job_application_fills_spare_places_only_for_someone_who_wants_work(build_library):
    steps = [
        *full_grid(),
        make_step(
            "apply_for_a_job",
            area="volunteering_and_work",
            grade=4,
            kinds=("work",),
            strengths=("practical_diy",),
        ),
    ]
    library = build_library(steps)
    handy = profile(stage=4, strengths=["practical_diy"])
    plan = build_plan(handy, library)
    assert "apply_for_a_job" not in {s.id for s in plan.steps}
    assert "apply_for_a_job" in {s.id for s in plan.alternatives["volunteering_and_work"]}
    wants_work = build_plan(
        profile(stage=4, strengths=["practical_diy"], aims=["paid_work"]), library
    )
    assert "apply_for_a_job" in {s.id for s in wants_work.steps}


def test_a_step_that_suits_the_person_may_beat_a_plain_one_a_grade_nearer(build_library):
    steps = [
        make_step("plain_at_stage", grade=3),
        make_step("skill_one_below", grade=2, strengths=("gardening",)),
        make_step("plain_one_below", grade=2),
    ]
    library = build_library(steps)
    gardener = [
        s.id for s in candidates("getting_out", profile(stage=3, strengths=["gardening"]), library)
    ]
    assert gardener == ["skill_one_below", "plain_at_stage", "plain_one_below"]
    plain = [s.id for s in candidates("getting_out", profile(stage=3), library)]
    assert plain[0] == "plain_at_stage"


def test_the_work_support_talk_in_the_draft_is_a_small_step(build_library):
    steps = [
        *full_grid(),
        _work_support("access_to_work", grade=5, strengths=("organised",)),
        _work_support("ask_for_a_dea", grade=2),
    ]
    person = profile(stage=5, strengths=["organised"], aims=["get_out_more", "paid_work"])
    plan = build_plan(person, build_library(steps))
    assert next(s for s in plan.steps if s.trace.slot == "work_support").id == "ask_for_a_dea"


def test_a_step_for_when_it_is_named_is_offered_only_to_someone_whose_words_name_it(
    build_library,
):
    stop_card = _basic(
        "stop_card_payments",
        ("debts",),
        said_as=("payday loan*",),
        when_named=True,
    )
    library = build_library([*full_grid(), stop_card])
    quiet = profile(stage=2, barriers=["debts"])
    assert not may_offer(stop_card, quiet, library)
    assert [r.rule for r in refusals(stop_card, quiet, library, Scope.SUGGESTED)] == ["when_named"]
    said = quiet.model_copy(update={"barriers_own_words": "Three payday loans take my wages."})
    assert may_offer(stop_card, said, library)
    # A coach can still add it by hand.
    assert refusals(stop_card, quiet, library, Scope.BY_HAND) == ()


def test_a_step_the_person_says_they_do_already_is_not_suggested(build_library):
    walk = make_step("short_dog_walk", grade=2, not_when_said=("walk the dog every day",))
    library = build_library([*full_grid(), walk])
    quiet = profile(stage=2)
    assert may_offer(walk, quiet, library)
    said = quiet.model_copy(update={"strengths_own_words": "I walk the dog every day, miles."})
    assert [r.rule for r in refusals(walk, said, library, Scope.SUGGESTED)] == ["not_when_said"]
    assert refusals(walk, said, library, Scope.BY_HAND) == ()
