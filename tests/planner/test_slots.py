"""The draft, slot by slot: purpose first, strengths choose the way (the tests' own table)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from planner.suggest import build_plan
from tests.conftest import basic_needs_step as _basic
from tests.conftest import full_grid, make_step, profile, rules_table
from tests.conftest import safety_step as _safety


def _slots(plan):
    return [(s.id, s.trace.slot) for s in plan.steps]


def test_losing_a_home_comes_before_debts_whatever_the_strengths(build_library):
    steps = [
        *full_grid(),
        _basic("tell_creditors", ("money_worries",), strengths=("organised", "numbers")),
        _basic("ring_housing_team", ("no_safe_place_to_live",), at_desk=True),
    ]
    person = profile(
        stage=1,
        barriers=["money_worries", "no_safe_place_to_live"],
        strengths=["organised", "numbers"],
    )
    plan = build_plan(person, build_library(steps))
    assert _slots(plan)[0] == ("ring_housing_team", "basic_need")
    assert "tell_creditors" not in {s.id for s in plan.steps}, "one basic need at a time"


def test_a_desk_step_is_not_held_back_by_the_getting_out_stage(build_library):
    steps = [
        *full_grid(),
        _basic("ring_housing_team", ("no_safe_place_to_live",), grade=2, at_desk=True),
        _basic("visit_housing_office", ("no_safe_place_to_live",), grade=3),
    ]
    person = profile(stage=1, area_stages={"money_and_home": 2}, barriers=["no_safe_place_to_live"])
    plan = build_plan(person, build_library(steps))
    assert plan.steps[0].id == "ring_housing_team"
    assert "visit_housing_office" not in {s.id for a in plan.alternatives.values() for s in a}


def test_no_safe_place_to_live_at_stage_one_with_a_cap_of_two(build_library):
    steps = [*full_grid(), _safety(), _basic("ring_housing_team", ("no_safe_place_to_live",))]
    person = profile(
        stage=1, barriers=["no_safe_place_to_live", "recent_crisis"], aims=["get_out_more"]
    )
    plan = build_plan(person, build_library(steps))
    assert _slots(plan) == [("keep_numbers", "safety"), ("ring_housing_team", "basic_need")]


def test_crisis_with_a_work_aim_and_debts_stays_small_and_safe(build_library):
    steps = [
        *full_grid(),
        _safety(),
        _basic("list_debts", ("money_worries",)),
        make_step("tell_coach", area="volunteering_and_work", grade=1, kinds=("work_support",)),
        make_step("apply_for_jobs", area="volunteering_and_work", grade=2, kinds=("work",)),
    ]
    person = profile(stage=4, barriers=["recent_crisis", "money_worries"], aims=["paid_work"])
    plan = build_plan(person, build_library(steps))
    assert len(plan.steps) == 2
    assert plan.steps[0].id == "keep_numbers"
    assert "apply_for_jobs" not in {s.id for s in plan.steps}


def test_in_work_with_a_relapse_gets_steps_to_keep_the_job(build_library):
    steps = [
        *full_grid(),
        make_step("ask_atw", area="volunteering_and_work", grade=2, kinds=("in_work",)),
        make_step("talk_to_manager", area="volunteering_and_work", grade=3, kinds=("in_work",)),
        make_step("apply_for_jobs", area="volunteering_and_work", grade=3, kinds=("work",)),
        make_step("ask_dea", area="volunteering_and_work", grade=2, kinds=("work_support",)),
    ]
    person = profile(stage=3, work_situation="in_work", work_hours=16, aims=["paid_work"])
    ids = [s.id for s in build_plan(person, build_library(steps)).steps]
    assert {"ask_atw", "talk_to_manager"} <= set(ids)
    assert "ask_dea" not in ids and "apply_for_jobs" not in ids


def test_a_step_that_serves_no_aim_or_raised_barrier_stays_an_alternative(build_library):
    steps = [
        *full_grid(),
        make_step("hobby_club", area="people_and_connection", grade=4, strengths=("crafts",)),
        make_step("benefits_calculator", area="money_and_home", grade=4, strengths=("computers",)),
    ]
    person = profile(stage=4, aims=["get_out_more"], strengths=["crafts", "computers"])
    plan = build_plan(person, build_library(steps))
    ids = {s.id for s in plan.steps}
    assert not ids & {"hobby_club", "benefits_calculator"}
    assert all(s.area == "getting_out" for s in plan.steps)
    assert "hobby_club" in {s.id for s in plan.alternatives["people_and_connection"]}


def test_wanting_work_now_is_enough_for_a_work_step_at_stage_one(build_library):
    steps = [
        *full_grid(),
        make_step("tell_coach", area="volunteering_and_work", grade=1, kinds=("work_support",)),
    ]
    plan = build_plan(profile(stage=1, work_situation="wants_work_now"), build_library(steps))
    assert ("tell_coach", "first_aim") in _slots(plan)


def test_a_raised_barrier_is_served_after_the_aims(build_library):
    steps = [
        *full_grid(),
        make_step(
            "drink_diary", area="health_and_support", grade=3, only_for=("alcohol_or_drugs",)
        ),
    ]
    person = profile(stage=4, aims=["get_out_more"], barriers=["alcohol_or_drugs"])
    plan = build_plan(person, build_library(steps))
    assert ("drink_diary", "raised_barrier") in _slots(plan)


def test_a_step_written_for_the_need_beats_one_that_only_eases_it(build_library):
    steps = [
        *full_grid(),
        _basic("food_bank", ("money_worries",), eases=("no_safe_place_to_live",)),
        _basic("housing_team", ("no_safe_place_to_live",)),
    ]
    person = profile(stage=2, barriers=["no_safe_place_to_live", "money_worries"])
    assert build_plan(person, build_library(steps)).steps[0].id == "housing_team"


def test_a_step_for_someone_in_work_is_not_offered_to_someone_out_of_work(build_library):
    from planner.policy import refusals

    rules = _rules(kinds_for_work_situations={"in_work": ("in_work", "starting_a_job")})
    talk_to_manager = make_step("talk_to_manager", area="volunteering_and_work", kinds=("in_work",))
    library = build_library([*full_grid(), talk_to_manager], rules)
    assert [r.rule for r in refusals(talk_to_manager, profile(), library)] == ["work_situation"]
    assert not refusals(talk_to_manager, profile(work_situation="starting_a_job"), library)


def test_wanting_work_early_on_is_served_by_a_talk_not_a_job_search(library):
    from planner.rules import serves_aim

    search = make_step("search_jobs", area="volunteering_and_work", kinds=("work",))
    talk = make_step("talk_to_coach", area="volunteering_and_work", kinds=("work_support",))
    aim = library.aim("paid_work")
    early = profile(stage=2, aims=["paid_work"])
    later = profile(stage=3, aims=["paid_work"])
    assert serves_aim(talk, aim, early) and not serves_aim(search, aim, early)
    assert serves_aim(search, aim, later)


def test_a_slot_prefers_the_steps_it_names_for_its_topic(build_library):
    rules = _rules(
        slots=(
            {
                "id": "basic_need",
                "when": {"barriers": ("money_worries",)},
                "takes": {
                    "kinds": ("basic_needs",),
                    "most_urgent": True,
                    "prefer_for": {"money_worries": ("debt_advice",)},
                },
            },
        )
    )
    steps = [
        *full_grid(),
        _basic("tell_creditors", ("money_worries",), strengths=("organised",)),
        _basic("debt_advice", ("money_worries",), grade=2),
    ]
    person = profile(stage=2, barriers=["money_worries"], strengths=["organised"])
    assert build_plan(person, build_library(steps, rules)).steps[0].id == "debt_advice"


def test_a_slot_about_no_one_topic_prefers_what_it_names_for_something_raised(build_library):
    rules = _rules(
        slots=(
            {
                "id": "uses_skill",
                "when": {"aims": ("paid_work",)},
                "takes": {
                    "kinds": ("uses_skill",),
                    "prefer_for": {"physical_health": ("renew_card",)},
                },
            },
        )
    )
    steps = [
        *full_grid(),
        make_step(
            "apply_in_trade",
            area="volunteering_and_work",
            grade=2,
            kinds=("uses_skill",),
            strengths=("practical_diy", "driving"),
        ),
        make_step("renew_card", area="volunteering_and_work", grade=2, kinds=("uses_skill",)),
    ]
    person = profile(stage=2, aims=["paid_work"], strengths=["practical_diy", "driving"])
    assert build_plan(person, build_library(steps, rules)).steps[0].id == "apply_in_trade"
    raised = person.model_copy(update={"barriers": ["physical_health"]})
    assert build_plan(raised, build_library(steps, rules)).steps[0].id == "renew_card"


def test_a_general_money_worry_is_served_by_any_basic_needs_step(build_library):
    rules = _rules(
        raised=("money_worries", "poor_sleep"), covered_by_kinds={"money_worries": ("basic_needs",)}
    )
    steps = [
        *full_grid(),
        _basic("housing_help", ("housing_problems",)),
        _basic("money_advice", ("money_worries",)),
        make_step("bedtime", area="looking_after_myself", grade=3, eases=("poor_sleep",)),
    ]
    person = profile(stage=3, barriers=["housing_problems", "money_worries", "poor_sleep"])
    ids = [s.id for s in build_plan(person, build_library(steps, rules)).steps]
    assert "housing_help" in ids and "money_advice" not in ids and "bedtime" in ids


def _rules(**changes):
    from tests.conftest import rules_table

    return rules_table(**changes)


def test_a_topic_covered_by_a_stronger_one_gets_no_second_step(build_library):
    rules = _rules(
        raised=("no_safe_place_to_live", "housing_problems"),
        covered_by_topics={"housing_problems": ("no_safe_place_to_live",)},
    )
    steps = [
        *full_grid(),
        _basic("ring_housing", ("no_safe_place_to_live",)),
        _basic("report_a_repair", ("housing_problems",)),
    ]
    person = profile(stage=3, barriers=["no_safe_place_to_live", "housing_problems"])
    ids = [s.id for s in build_plan(person, build_library(steps, rules)).steps]
    assert "ring_housing" in ids and "report_a_repair" not in ids


def test_at_risk_at_home_a_short_draft_holds_a_basic_need_before_the_second_safety_step(
    build_library,
):
    safe_kinds = {"kinds": ("safety",)}
    rules = _rules(
        slots=(
            {
                "id": "safe_at_home",
                "when": {"barriers": ("domestic_abuse",)},
                "takes": {**safe_kinds, "most_urgent": True, "prefer": ("choose_print",)},
            },
            {
                "id": "basic_need",
                "when": {"barriers": ("housing_problems",)},
                "takes": {"kinds": ("basic_needs",), "most_urgent": True},
            },
            {
                "id": "safe_at_home_too",
                "when": {"barriers": ("domestic_abuse",)},
                "takes": {**safe_kinds, "prefer": ("helpline_kept_safe",)},
                "repeat": 2,
            },
        )
    )
    steps = [
        *full_grid(),
        _safety("choose_print", only_for=("domestic_abuse",)),
        _safety("helpline_kept_safe", only_for=("domestic_abuse",)),
        _basic("housing_help", ("housing_problems",)),
    ]
    library = build_library(steps, rules)
    at_risk = profile(stage=1, barriers=["domestic_abuse"])
    assert _slots(build_plan(at_risk, library)) == [
        ("choose_print", "safe_at_home"),
        ("helpline_kept_safe", "safe_at_home_too"),
    ]
    with_housing = profile(stage=1, barriers=["domestic_abuse", "housing_problems"])
    assert _slots(build_plan(with_housing, library)) == [
        ("choose_print", "safe_at_home"),
        ("housing_help", "basic_need"),
    ]


def test_a_step_the_person_names_in_their_own_words_leads_its_slot(build_library):
    steps = [
        *full_grid(),
        make_step("library_visit", area="learning_and_skills", grade=2, strengths=("reading",)),
        make_step(
            "english_class",
            area="learning_and_skills",
            grade=2,
            said_as=("english class*", "improve my english"),
        ),
    ]
    rules = _rules(slots=({"id": "first_aim", "takes": {"aim_number": 1}},))
    library = build_library(steps, rules)
    quiet = profile(stage=2, aims=["learn_something"], strengths=["reading"])
    assert build_plan(quiet, library).steps[0].id == "library_visit"
    said = quiet.model_copy(update={"hopes": "I want to improve my English for work."})
    plan = build_plan(said, library)
    assert plan.steps[0].id == "english_class"
    assert plan.steps[0].reasons[0] == "This is about something you wrote."
    assert plan.steps[0].trace.score["named_in_their_words"] == 1
    negated = quiet.model_copy(update={"hopes": "No English classes, I'm fluent."})
    assert build_plan(negated, library).steps[0].id == "library_visit"


def test_what_the_person_asked_for_in_their_own_words_has_a_slot_of_its_own(build_library):
    rules = _rules(
        slots=(
            {"id": "first_aim", "takes": {"aim_number": 1}},
            {"id": "asked_for", "takes": {"named": True}},
        )
    )
    steps = [
        *full_grid(),
        make_step("go_to_the_shed", area="people_and_connection", grade=2, said_as=("shed",)),
    ]
    library = build_library(steps, rules)
    person = profile(stage=3, aims=["get_out_more"])
    assert [slot for _, slot in _slots(build_plan(person, library))] == ["first_aim"]
    said = person.model_copy(update={"hopes": "There's a shed in town I'd like to try."})
    assert _slots(build_plan(said, library))[1] == ("go_to_the_shed", "asked_for")


def test_a_slot_may_let_the_step_the_person_names_lead_even_its_own_preference(build_library):
    def money_slot(named_first):
        return {
            "id": "money_worry",
            "when": {"barriers": ("money_worries",)},
            "takes": {
                "kinds": ("basic_needs",),
                "most_urgent": True,
                "named_first": named_first,
                "prefer": ("general_money_advice",),
            },
        }

    steps = [
        *full_grid(),
        _basic("general_money_advice", ("money_worries",)),
        _basic("council_tax_help", ("money_worries",), said_as=("council tax",)),
    ]
    person = profile(stage=2, barriers=["money_worries"], hopes="Sort the council tax out.")
    for named_first, expected in ((False, "general_money_advice"), (True, "council_tax_help")):
        library = build_library(steps, _rules(slots=(money_slot(named_first),)))
        assert build_plan(person, library).steps[0].id == expected


def test_a_step_they_hope_for_opens_its_area(build_library):
    rules = _rules(
        focus_areas={stage: ("getting_out",) for stage in range(1, 6)},
        slots=({"id": "asked_for", "takes": {"named": True}},),
    )
    steps = [
        *full_grid(),
        make_step("pip_form_help", area="money_and_home", grade=2, said_as=("pip form",)),
    ]
    library = build_library(steps, rules)
    person = profile(stage=2, hopes="Sort the PIP form out.")
    assert [s.id for s in build_plan(person, library).steps] == ["pip_form_help"]
    assert build_plan(person.model_copy(update={"hopes": ""}), library).steps == []


def test_gambling_that_drives_debts_is_blocked_before_the_debts(build_library):
    rules = _rules(
        raised=("gambling", "money_worries"),
        slots=(
            {
                "id": "gambling_first",
                "when": {"barriers": ("gambling",)},
                "takes": {"raised": True, "raised_from": ("gambling",)},
            },
            {
                "id": "bills_and_debt",
                "when": {"barriers": ("money_worries",)},
                "takes": {"kinds": ("basic_needs",), "most_urgent": True},
            },
        ),
    )
    steps = [
        *full_grid(),
        make_step("block_gambling", area="health_and_support", grade=1, only_for=("gambling",)),
        _basic("debt_advice", ("money_worries",)),
    ]
    person = profile(stage=2, barriers=["money_worries", "gambling"])
    assert _slots(build_plan(person, build_library(steps, rules))) == [
        ("block_gambling", "gambling_first"),
        ("debt_advice", "bills_and_debt"),
    ]


def _words_read(library, phrase, barrier):
    from goal_library.models import WordPrompt

    prompt = WordPrompt(phrases=(phrase,), topic="what you wrote", add=barrier)
    return library.model_copy(update={"prompts": (prompt,)})


def test_a_need_only_read_from_the_words_waits_behind_one_the_person_ticked(build_library):
    steps = [
        *full_grid(),
        _basic("repair_letter", ("housing_problems",)),
        _basic("debt_advice", ("money_worries",)),
    ]
    library = _words_read(build_library(steps), "the landlord", "housing_problems")
    person = profile(
        stage=2, barriers=["money_worries"], barriers_own_words="The landlord was fine in the end."
    )
    plan = build_plan(person, library)
    assert _slots(plan)[0] == ("debt_advice", "basic_need")
    ticked = person.model_copy(update={"barriers": ["money_worries", "housing_problems"]})
    assert _slots(build_plan(ticked, library))[0] == ("repair_letter", "basic_need")


def test_nowhere_safe_to_stay_read_from_the_words_still_comes_first(build_library):
    steps = [
        *full_grid(),
        _basic("ring_housing_team", ("no_safe_place_to_live",), at_desk=True),
        _basic("debt_advice", ("money_worries",)),
    ]
    library = _words_read(build_library(steps), "sleep in my car", "no_safe_place_to_live")
    person = profile(stage=2, barriers=["money_worries"], barriers_own_words="I sleep in my car.")
    assert _slots(build_plan(person, library))[0] == ("ring_housing_team", "basic_need")


def test_someone_in_work_who_asks_for_another_job_or_more_hours_is_offered_it(build_library):
    from tests.conftest import rules_table

    work = {"area": "volunteering_and_work", "grade": 2}
    steps = [
        *(s for s in full_grid() if s.area != "volunteering_and_work"),
        make_step("wellness_plan", kinds=("in_work",), **work),
        make_step("access_to_work", kinds=("in_work",), **work),
        make_step("more_hours", kinds=("in_work",), said_as=("more hours",), **work),
        make_step("graduate_jobs", kinds=("work",), said_as=("use my degree",), **work),
        make_step("job_search", kinds=("work",), **work),
    ]
    rules = rules_table(
        slots=(
            {
                "id": "keep_your_job",
                "when": {"work_situation": ("in_work",)},
                "takes": {"kinds": ("in_work",)},
            },
            {
                "id": "keep_your_job_too",
                "when": {"work_situation": ("in_work",)},
                "takes": {"kinds": ("in_work",), "named_first": True},
                "repeat": 2,
            },
            {"id": "asked_for", "takes": {"named": True}},
        ),
        work_situation_not_in_draft={"in_work": ("work",)},
    )
    library = build_library(steps, rules)
    person = profile(stage=4, aims=["paid_work"], work_situation="in_work", work_hours=12)
    ids = [s.id for s in build_plan(person, library).steps]
    assert "more_hours" not in ids and "graduate_jobs" not in ids and "job_search" not in ids
    hours = person.model_copy(update={"hopes": "More hours at the same shop."})
    assert "more_hours" in [s.id for s in build_plan(hours, library).steps]
    degree = person.model_copy(update={"hopes": "A job where I use my degree."})
    ids = [s.id for s in build_plan(degree, library).steps]
    assert "graduate_jobs" in ids and "job_search" not in ids


def test_paid_work_first_with_a_trade_starts_from_the_trade_at_stages_three_and_four(
    build_library,
):
    from tests.conftest import rules_table

    work = {"area": "volunteering_and_work", "grade": 3}
    skill = {**work, "kinds": ("work", "uses_skill"), "only_for": ("trade_or_licence",)}
    steps = [
        *(s for s in full_grid() if s.area != "volunteering_and_work"),
        make_step("list_kinds_of_work", kinds=("work",), **work),
        make_step("check_cards", **skill),
        make_step("trade_jobs", **skill),
    ]
    rules = rules_table(
        slots=(
            {
                "id": "uses_skill_first",
                "when": {
                    "aims": ("paid_work",),
                    "aims_top": 1,
                    "min_stage": 3,
                    "max_stage": 4,
                    "strengths": ("trade_or_licence",),
                },
                "takes": {"kinds": ("uses_skill",), "prefer": ("trade_jobs",)},
            },
            {"id": "first_aim", "when": {"aim_number": 1}, "takes": {"aim_number": 1}},
        ),
    )
    library = build_library(steps, rules)
    person = profile(
        stage=3,
        area_stages={"volunteering_and_work": 3},
        aims=["paid_work"],
        strengths=["trade_or_licence"],
    )
    assert _slots(build_plan(person, library)) == [("trade_jobs", "uses_skill_first")]
    no_trade = person.model_copy(update={"strengths": []})
    assert _slots(build_plan(no_trade, library)) == [("list_kinds_of_work", "first_aim")]
    work_second = person.model_copy(update={"aims": ["learn_something", "paid_work"]})
    assert "uses_skill_first" not in {s.trace.slot for s in build_plan(work_second, library).steps}


def test_someone_in_work_who_hopes_for_a_different_job_is_not_drafted_steps_to_keep_this_one(
    build_library,
):
    from tests.conftest import rules_table

    work = {"area": "volunteering_and_work", "grade": 2}
    steps = [
        *(s for s in full_grid() if s.area != "volunteering_and_work"),
        make_step("access_to_work", kinds=("in_work",), **work),
        make_step("school_hours_jobs", kinds=("work",), said_as=("school hours",), **work),
    ]
    rules = rules_table(
        slots=(
            {
                "id": "keep_your_job",
                "when": {"work_situation": ("in_work",), "not_hoping": ("different job",)},
                "takes": {"kinds": ("in_work",)},
            },
            {"id": "asked_for", "takes": {"named": True}},
        ),
        work_situation_not_in_draft={"in_work": ("work",)},
    )
    library = build_library(steps, rules)
    person = profile(stage=4, aims=["paid_work"], work_situation="in_work", work_hours=12)
    assert "access_to_work" in [s.id for s in build_plan(person, library).steps]
    moving = person.model_copy(update={"hopes": "A Different job, in school hours."})
    ids = [s.id for s in build_plan(moving, library).steps]
    assert "access_to_work" not in ids
    assert "school_hours_jobs" in ids


def test_starting_a_job_with_no_money_until_payday_is_helped_until_the_first_pay(build_library):
    from tests.conftest import rules_table

    steps = [
        *full_grid(),
        _basic("pay_uc_more_often", ("runs_out_before_payday",)),
        make_step(
            "first_pay_help",
            area="volunteering_and_work",
            grade=2,
            kinds=("starting_work",),
            eases=("runs_out_before_payday",),
        ),
    ]
    rules = rules_table(
        slots=(
            {
                "id": "until_first_pay",
                "when": {
                    "work_situation": ("starting_a_job",),
                    "barriers": ("runs_out_before_payday",),
                },
                "takes": {"kinds": ("starting_work",)},
            },
            {
                "id": "basic_need",
                "when": {"barriers": ("runs_out_before_payday",)},
                "takes": {
                    "kinds": ("basic_needs",),
                    "most_urgent": True,
                    "any_of_shape_serves": True,
                },
            },
        ),
        covered_by_kinds={"runs_out_before_payday": ("starting_work",)},
        work_situation_areas={"starting_a_job": ("volunteering_and_work",)},
    )
    library = build_library(steps, rules)
    starting = profile(
        stage=4, barriers=["runs_out_before_payday"], work_situation="starting_a_job"
    )
    assert _slots(build_plan(starting, library))[:1] == [("first_pay_help", "until_first_pay")]
    assert "pay_uc_more_often" not in [s.id for s in build_plan(starting, library).steps]
    not_working = starting.model_copy(update={"work_situation": "not_working"})
    assert _slots(build_plan(not_working, library))[:1] == [("pay_uc_more_often", "basic_need")]


# ---- a slot that leaves room, the urgency of money kinds, and what a kind does not answer ----

_SAFETY_FOR_A_CRISIS = {
    "id": "safety",
    "when": {"barriers": ("recent_crisis",)},
    "takes": {"kinds": ("safety",), "area": "health_and_support"},
}
_BASIC_NEED = {
    "id": "basic_need",
    "when": {"barriers": ("no_safe_place_to_live", "bailiffs", "bereaved", "no_money_now")},
    "takes": {
        "kinds": ("basic_needs",),
        "area": "money_and_home",
        "most_urgent": True,
        "any_of_shape_serves": True,
    },
}
_MONEY_KINDS = (
    "no_safe_place_to_live",
    "bailiffs",
    "no_money_now",
    "money_worries",
    "runs_out_before_payday",
)


def _safe_at_home(**fields):
    slot = {
        "id": "safe_at_home",
        "when": {"barriers": ("domestic_abuse",)},
        "takes": {"kinds": ("safety",), "most_urgent": True},
    }
    return {**slot, **fields}


def _money_rules(*slots, **changes):
    basic_needs = {"barriers": _MONEY_KINDS, "area": "money_and_home", "kind": "basic_needs"}
    return rules_table(slots=slots, basic_needs=basic_needs, **changes)


def _safe_at_home_steps():
    return [
        *full_grid(),
        _safety("keep_numbers", only_for=("recent_crisis",)),
        make_step(
            "choose_what_is_printed",
            area="people_and_connection",
            kinds=("safety",),
            only_for=("domestic_abuse",),
        ),
        _basic("money_today", ("no_money_now",), at_desk=True),
    ]


def test_being_safe_at_home_leaves_the_last_place_for_money_to_live_on(build_library):
    rules = _money_rules(
        _SAFETY_FOR_A_CRISIS, _safe_at_home(leaves_room_for=("basic_need",)), _BASIC_NEED
    )
    library = build_library(_safe_at_home_steps(), rules)
    person = profile(stage=1, barriers=["recent_crisis", "domestic_abuse", "no_money_now"])
    assert _slots(build_plan(person, library)) == [
        ("keep_numbers", "safety"),
        ("money_today", "basic_need"),
    ]


def test_without_room_left_two_safety_steps_crowd_out_money(build_library):
    rules = _money_rules(_SAFETY_FOR_A_CRISIS, _safe_at_home(), _BASIC_NEED)
    library = build_library(_safe_at_home_steps(), rules)
    person = profile(stage=1, barriers=["recent_crisis", "domestic_abuse", "no_money_now"])
    assert [slot for _, slot in _slots(build_plan(person, library))] == ["safety", "safe_at_home"]


def test_room_is_left_only_when_the_later_slot_would_take_a_step(build_library):
    rules = _money_rules(
        _SAFETY_FOR_A_CRISIS, _safe_at_home(leaves_room_for=("basic_need",)), _BASIC_NEED
    )
    library = build_library(_safe_at_home_steps(), rules)
    person = profile(stage=1, barriers=["recent_crisis", "domestic_abuse"])
    assert [slot for _, slot in _slots(build_plan(person, library))] == ["safety", "safe_at_home"]


def test_with_room_for_both_being_safe_at_home_still_comes_first(build_library):
    rules = _money_rules(_safe_at_home(leaves_room_for=("basic_need",)), _BASIC_NEED)
    library = build_library(_safe_at_home_steps(), rules)
    person = profile(stage=2, barriers=["domestic_abuse", "no_money_now"])
    assert _slots(build_plan(person, library)) == [
        ("choose_what_is_printed", "safe_at_home"),
        ("money_today", "basic_need"),
    ]


def test_a_slot_can_only_leave_room_for_a_later_slot():
    with pytest.raises(ValidationError, match="leaves_room_for"):
        rules_table(slots=(_BASIC_NEED, _safe_at_home(leaves_room_for=("basic_need",))))


def _money_steps():
    return [
        *full_grid(),
        # A generic step the person's strength would favour.
        _basic("paid_more_often", ("money_worries",), strengths=("organised",), at_desk=True),
        _basic("claim_after_a_death", ("money_worries",), only_for_all=("bereaved",)),
        _basic("debt_adviser_about_bailiffs", ("bailiffs",), at_desk=True),
    ]


def test_a_time_limited_claim_after_a_death_leads_the_money_steps(build_library):
    library = build_library(_money_steps(), _money_rules(_BASIC_NEED))
    person = profile(stage=2, barriers=["money_worries", "bereaved"], strengths=["organised"])
    assert _slots(build_plan(person, library))[0] == ("claim_after_a_death", "basic_need")


def test_bailiffs_at_the_door_lead_a_time_limited_claim(build_library):
    library = build_library(_money_steps(), _money_rules(_BASIC_NEED))
    person = profile(
        stage=2, barriers=["money_worries", "bereaved", "bailiffs"], strengths=["organised"]
    )
    assert _slots(build_plan(person, library))[0] == ("debt_adviser_about_bailiffs", "basic_need")


def test_a_death_without_a_money_worry_brings_no_money_step(build_library):
    library = build_library(_money_steps(), _money_rules(_BASIC_NEED))
    plan = build_plan(profile(stage=2, barriers=["bereaved"]), library)
    assert "basic_need" not in {slot for _, slot in _slots(plan)}


def _grief_steps():
    return [
        *_money_steps(),
        make_step("grief_support", area="people_and_connection", grade=2, only_for=("bereaved",)),
    ]


def test_help_with_money_after_a_death_leaves_room_for_grief_support(build_library):
    rules = _money_rules(
        _BASIC_NEED,
        {"id": "raised_barrier", "takes": {"raised": True}},
        raised=("bereaved", "money_worries"),
        not_covered_by_kinds={"bereaved": ("basic_needs",)},
    )
    plan = build_plan(
        profile(stage=3, barriers=["money_worries", "bereaved"]),
        build_library(_grief_steps(), rules),
    )
    assert _slots(plan)[:2] == [
        ("claim_after_a_death", "basic_need"),
        ("grief_support", "raised_barrier"),
    ]


def test_without_that_entry_the_money_step_counts_as_the_grief_step(build_library):
    rules = _money_rules(
        _BASIC_NEED,
        {"id": "raised_barrier", "takes": {"raised": True}},
        raised=("bereaved", "money_worries"),
    )
    plan = build_plan(
        profile(stage=3, barriers=["money_worries", "bereaved"]),
        build_library(_grief_steps(), rules),
    )
    assert "grief_support" not in {s.id for s in plan.steps}


def test_a_topic_only_a_family_in_the_draft_serves_does_not_stop_the_next_one(build_library):
    steps = [
        *full_grid(),
        make_step("notes_for_therapy", area="health_and_support", grade=3, family="notes"),
        make_step("notes_about_ocd", area="health_and_support", family="notes", only_for=("ocd",)),
        make_step("bedtime_routine", area="looking_after_myself", only_for=("poor_sleep",)),
    ]
    rules = rules_table(
        slots=(
            {
                "id": "lead",
                "takes": {"area": "health_and_support", "prefer": ("notes_for_therapy",)},
            },
            {"id": "raised_barrier", "takes": {"raised": True}},
        ),
        raised=("ocd", "poor_sleep"),
    )
    plan = build_plan(profile(stage=3, barriers=["ocd", "poor_sleep"]), build_library(steps, rules))
    assert _slots(plan) == [
        ("notes_for_therapy", "lead"),
        ("bedtime_routine", "raised_barrier"),
    ]


def _until_first_pay_rules():
    until_first_pay = {
        "id": "until_first_pay",
        "when": {
            "work_situation": ("starting_a_job",),
            "barriers": ("runs_out_before_payday", "bailiffs"),
        },
        "leaves_room_for": ("basic_need",),
        "takes": {"kinds": ("starting_work",)},
    }
    basic_need = {
        **_BASIC_NEED,
        "when": {"barriers": ("bailiffs", "runs_out_before_payday")},
    }
    return _money_rules(
        _SAFETY_FOR_A_CRISIS,
        until_first_pay,
        basic_need,
        covered_by_kinds={"runs_out_before_payday": ("starting_work",)},
        work_situation_areas={"starting_a_job": ("volunteering_and_work",)},
    )


def _until_first_pay_steps():
    return [
        *full_grid(),
        _safety("keep_numbers", only_for=("recent_crisis",)),
        make_step(
            "help_until_first_pay",
            area="volunteering_and_work",
            kinds=("starting_work",),
            eases=("runs_out_before_payday",),
        ),
        _basic("paid_more_often", ("runs_out_before_payday",)),
        _basic("debt_adviser_about_bailiffs", ("bailiffs",), at_desk=True),
    ]


def test_a_step_that_covers_the_later_need_keeps_the_last_place(build_library):
    library = build_library(_until_first_pay_steps(), _until_first_pay_rules())
    person = profile(
        stage=1,
        work_situation="starting_a_job",
        barriers=["recent_crisis", "runs_out_before_payday"],
    )
    assert _slots(build_plan(person, library)) == [
        ("keep_numbers", "safety"),
        ("help_until_first_pay", "until_first_pay"),
    ]


def test_a_more_urgent_need_it_does_not_cover_takes_the_last_place(build_library):
    library = build_library(_until_first_pay_steps(), _until_first_pay_rules())
    person = profile(
        stage=1,
        work_situation="starting_a_job",
        barriers=["recent_crisis", "runs_out_before_payday", "bailiffs"],
    )
    assert _slots(build_plan(person, library)) == [
        ("keep_numbers", "safety"),
        ("debt_adviser_about_bailiffs", "basic_need"),
    ]


def _keep_the_job_library(build_library):
    work = {"area": "volunteering_and_work", "grade": 2}
    steps = [
        *(s for s in full_grid() if s.area != "volunteering_and_work"),
        make_step("access_to_work", kinds=("in_work",), **work),
        make_step("wellness_plan", kinds=("in_work",), **work),
        make_step(
            "more_hours",
            kinds=("in_work",),
            said_as=("more hours",),
            # Not while the job is at risk, as in the library.
            not_when_said=("attendance warning",),
            **work,
        ),
    ]
    rules = _rules(
        slots=(
            {
                "id": "keep_your_job",
                "when": {
                    "work_situation": ("in_work",),
                    "not_hoping": ("more hours",),
                    "still_open_when_said": ("keep this job",),
                },
                "takes": {"kinds": ("in_work",), "prefer": ("access_to_work",)},
            },
            {
                "id": "job_at_risk",
                "when": {"work_situation": ("in_work",), "said": ("attendance warning",)},
                "takes": {"kinds": ("in_work",), "prefer": ("wellness_plan",)},
                "repeat": 2,
            },
            {"id": "asked_for", "takes": {"named": True}},
        )
    )
    return build_library(steps, rules)


def test_hoping_to_keep_this_job_keeps_its_slot_open_beside_hopes_for_more_hours(
    build_library,
):
    library = _keep_the_job_library(build_library)
    person = profile(stage=4, work_situation="in_work", work_hours=16, hopes="More hours one day.")
    assert "keep_your_job" not in {s.trace.slot for s in build_plan(person, library).steps}
    keeping = person.model_copy(update={"hopes": "Keep this job for now, then more hours."})
    assert _slots(build_plan(keeping, library))[0] == ("access_to_work", "keep_your_job")


def test_a_job_their_words_say_is_at_risk_gets_steps_to_keep_it_first(build_library):
    library = _keep_the_job_library(build_library)
    person = profile(
        stage=4,
        work_situation="in_work",
        work_hours=16,
        hopes="More hours one day.",
        barriers_own_words="I'm on an attendance warning.",
    )
    slots = _slots(build_plan(person, library))
    assert slots == [("wellness_plan", "job_at_risk"), ("access_to_work", "job_at_risk")]
    calm = person.model_copy(update={"barriers_own_words": "Work is fine."})
    assert "job_at_risk" not in {slot for _, slot in _slots(build_plan(calm, library))}


def test_towards_an_aim_a_step_written_for_what_they_raised_leads_the_general_one(
    build_library, library
):
    learning = {"area": "learning_and_skills", "grade": 3}
    lead = library.aim("learn_something").leads[0]
    steps = [
        *(s for s in full_grid() if s.area != "learning_and_skills"),
        make_step(lead, strengths=("curious",), **learning),
        make_step("college_money_for_care_leavers", only_for=("care_leaver",), **learning),
        make_step(
            "bigger_course_for_care_leavers",
            area="learning_and_skills",
            grade=4,
            only_for=("care_leaver",),
            strengths=("curious", "creative"),
        ),
    ]
    built = build_library(steps)
    person = profile(stage=3, aims=["learn_something"], strengths=["curious"])
    assert build_plan(person, built).steps[0].id == lead
    care_leaver = person.model_copy(update={"barriers": ["care_leaver"]})
    assert build_plan(care_leaver, built).steps[0].id == "college_money_for_care_leavers"
    # A bigger step than their stage does not jump the lead steps for being specific.
    only_bigger = [s for s in steps if s.id != "college_money_for_care_leavers"]
    assert build_plan(care_leaver, build_library(only_bigger)).steps[0].id == lead


def test_thoughts_of_not_being_here_put_safety_first_without_the_crisis_draft(build_library):
    steps = [
        *full_grid(),
        _safety("gp_follow_up_after_a_crisis", grade=2, only_for=("recent_crisis",)),
        _safety("tell_your_gp_about_the_thoughts", only_for=("thoughts_of_ending_life",)),
        _safety("safety_plan", grade=2),
    ]
    rules = rules_table(
        slots=(
            {
                "id": "safety",
                "when": {"barriers": ("recent_crisis",)},
                "takes": {"kinds": ("safety",)},
            },
            {
                "id": "safety_with_thoughts",
                "when": {"barriers": ("thoughts_of_ending_life",)},
                "takes": {"kinds": ("safety",), "prefer": ("tell_your_gp_about_the_thoughts",)},
            },
            {"id": "spread", "takes": {"spread": True}, "repeat": 10},
        )
    )
    library = build_library(steps, rules)
    thoughts = build_plan(profile(stage=3, barriers=["thoughts_of_ending_life"]), library)
    assert _slots(thoughts)[0] == ("tell_your_gp_about_the_thoughts", "safety_with_thoughts")
    assert "gp_follow_up_after_a_crisis" not in {s.id for s in thoughts.steps}
    crisis = build_plan(profile(stage=3, barriers=["recent_crisis"]), library)
    assert len(thoughts.steps) > len(crisis.steps), "no crisis: the stage's own cap"
