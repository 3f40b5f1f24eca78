"""What the person hopes for and says at a review is heard; needs that cannot wait come first
(the tests' own tables)."""

from __future__ import annotations

import datetime

from goal_library.models import WordPrompt
from planner.review import review_plan, still_open
from planner.rules import left_out_of_draft
from planner.suggest import build_plan, suggested_step
from tests.conftest import TEST_REVIEW_MOVES, TEST_SLOTS, full_grid, make_step, profile, rules_table
from tests.conftest import basic_needs_step as _basic

_WORK = {"area": "volunteering_and_work"}


def _hoped_work_step(**fields):
    return make_step(
        "adverts_for_what_you_hope_for",
        grade=2,
        kinds=("work",),
        said_as=("job", "warehouse", "technician"),
        when_named=True,
        quotes_hopes=True,
        detail="Find two adverts for work like this.",
        **_WORK,
        **fields,
    )


def _choosing_step():
    return make_step("list_kinds_of_work", grade=2, kinds=("work", "choosing_work"), **_WORK)


def _hoped_work_rules(**changes):
    kinds = {**rules_table().kinds, "choosing_work": "choosing what work to try"}
    asked_for = {"id": "asked_for", "takes": {"named": True}, "words": "You asked for this."}
    return rules_table(
        kinds=kinds,
        slots=(asked_for, *TEST_SLOTS),
        hoped_work_step="adverts_for_what_you_hope_for",
        hoped_work_not_in_draft=("choosing_work",),
        **changes,
    )


def test_a_hoped_for_job_is_quoted_back_in_their_own_words(build_library):
    library = build_library(
        [*full_grid(), _hoped_work_step(), _choosing_step()], _hoped_work_rules()
    )
    person = profile(
        stage=3,
        aims=["paid_work"],
        hopes="A room of my own. A job on a forklift in a warehouse! Stay clean.",
    )
    step = build_plan(person, library).steps[0]
    assert step.id == "adverts_for_what_you_hope_for"
    assert step.detail == (
        "You said: “A job on a forklift in a warehouse!” Find two adverts for work like this."
    )


def test_choosing_a_kind_of_work_is_left_out_once_hopes_name_the_work(build_library):
    library = build_library(
        [*full_grid(), _hoped_work_step(), _choosing_step()], _hoped_work_rules()
    )
    named = profile(stage=3, aims=["paid_work"], hopes="Lab technician, water testing.")
    unnamed = profile(stage=3, aims=["paid_work"], hopes="To feel useful again.")
    assert "choosing_work" in left_out_of_draft(named, library)
    assert "choosing_work" not in left_out_of_draft(unnamed, library)
    drafted = {s.id for s in build_plan(named, library).steps}
    assert "list_kinds_of_work" not in drafted
    offered = {s.id for steps in build_plan(named, library).alternatives.values() for s in steps}
    assert "list_kinds_of_work" in offered, "it stays among the alternatives"


def test_a_hoped_for_job_said_after_a_negative_is_not_quoted(build_library):
    library = build_library([*full_grid(), _hoped_work_step()], _hoped_work_rules())
    person = profile(stage=3, aims=["paid_work"], hopes="No job for now, just to sleep better.")
    assert "adverts_for_what_you_hope_for" not in {s.id for s in build_plan(person, library).steps}


def test_a_long_hope_is_cut_at_a_word_and_the_detail_stays_within_its_limit(build_library):
    library = build_library([*full_grid(), _hoped_work_step()], _hoped_work_rules())
    person = profile(stage=3, aims=["paid_work"], hopes="A job " + "in a big warehouse " * 60)
    step = build_plan(person, library).steps[0]
    quoted = step.detail.split("”")[0]
    assert quoted.endswith("…") and len(step.detail) <= 500


def test_a_skill_is_read_from_what_they_said_of_themselves_not_what_they_hope_for(library):
    from planner.prompts import read_from_words

    hoping = profile(hopes="Labouring to start, then a trade.")
    having = profile(strengths_own_words="I'm a time-served joiner, I have a trade.")
    assert "trade_or_licence" not in {p.value for p in read_from_words(hoping, library)}
    assert "trade_or_licence" in {p.value for p in read_from_words(having, library)}


def test_a_card_course_never_finished_is_not_read_as_holding_the_card(library):
    from planner.prompts import read_from_words

    person = profile(
        barriers_own_words="I started a CSCS course at college but never sat the test so no card."
    )
    assert "trade_or_licence" not in {p.value for p in read_from_words(person, library)}


def test_only_what_is_still_open_is_kept_from_a_review(library):
    said = (
        "Coach sorted a food bank voucher. The pharmacist gave me a supply but I still need a GP.",
        "Still nowhere to go when the hostel ends. I don't need help with the gas now.",
    )
    assert still_open(library, said) == (
        "The pharmacist gave me a supply but I still need a GP. "
        "Still nowhere to go when the hostel ends."
    )


def test_a_need_said_at_a_review_is_heard_in_the_next_plan(build_library):
    gp = make_step("join_a_gp", area="health_and_support", grade=1, only_for=("no_gp_or_medicine",))
    slot = {
        "id": "medicine_and_a_gp",
        "when": {"barriers": ("no_gp_or_medicine",)},
        "takes": {"raised": True, "raised_from": ("no_gp_or_medicine",)},
    }
    rules = rules_table(
        slots=(slot, *TEST_SLOTS),
        raised=("no_gp_or_medicine",),
        urgent_slots=("medicine_and_a_gp",),
        still_open_at_review=("still", "need"),
    )
    reading = WordPrompt(phrases=("need a gp",), topic="a GP", add="no_gp_or_medicine")
    library = build_library([*full_grid(), gp], rules).model_copy(update={"prompts": (reading,)})
    plan = build_plan(profile(stage=2, aims=["get_out_more"]), library)
    first = plan.steps[0].id
    assert "join_a_gp" not in {s.id for s in plan.steps}
    after = review_plan(
        plan,
        {first: "done"},
        library,
        datetime.date(2026, 12, 7),
        what_went_well="That went fine, but my tablets run out on Friday and I still need a GP.",
    )
    assert after.steps[0].id == "join_a_gp"
    assert "still need a GP" in after.profile.review_words
    assert after.profile.barriers == plan.profile.barriers, "the answers are not changed"


def test_two_needs_that_cannot_wait_both_come_before_an_aim(build_library):
    urgent = ("no_safe_place_to_live", "no_money_now")
    second = {
        "id": "urgent_need_too",
        "when": {"barriers": urgent},
        "takes": {"kinds": ("basic_needs",), "area": "money_and_home", "most_urgent": True},
    }
    first = {**TEST_SLOTS[1], "when": {"barriers": urgent}}
    rules = rules_table(slots=(TEST_SLOTS[0], first, second, *TEST_SLOTS[2:]))
    steps = [
        *full_grid(),
        _basic("ring_housing_team", ("no_safe_place_to_live",), at_desk=True),
        _basic("money_today", ("no_money_now",), at_desk=True),
    ]
    person = profile(stage=2, barriers=list(urgent), aims=["get_out_more"])
    ids = [s.id for s in build_plan(person, build_library(steps, rules)).steps]
    assert ids == ["ring_housing_team", "money_today"]


def test_stopping_gambling_serves_money_running_out_but_never_beats_a_home(build_library):
    gambling = {
        "id": "gambling_first",
        "when": {"barriers": ("gambling",)},
        "leaves_room_for": ("basic_need",),
        "takes": {"raised": True, "raised_from": ("gambling",)},
    }
    basic = {
        **TEST_SLOTS[1],
        "when": {"barriers": ("no_safe_place_to_live", "runs_out_before_payday")},
    }
    rules = rules_table(
        slots=(TEST_SLOTS[0], gambling, basic, *TEST_SLOTS[2:]),
        raised=("gambling", "runs_out_before_payday", "no_safe_place_to_live"),
        covered_by_topics={"runs_out_before_payday": ("gambling",)},
    )
    steps = [
        *full_grid(),
        make_step("block_gambling", area="health_and_support", grade=1, only_for=("gambling",)),
        _basic("cheaper_food", ("runs_out_before_payday",)),
        _basic("ring_housing_team", ("no_safe_place_to_live",), at_desk=True),
    ]
    library = build_library(steps, rules)
    short = profile(stage=1, barriers=["gambling", "runs_out_before_payday"], aims=["feel_better"])
    assert build_plan(short, library).steps[0].id == "block_gambling"
    assert "cheaper_food" not in {s.id for s in build_plan(short, library).steps}
    homeless = short.model_copy(
        update={"barriers": ["gambling", "runs_out_before_payday", "no_safe_place_to_live"]}
    )
    one_place = build_plan(homeless, library)
    assert "ring_housing_team" in {s.id for s in one_place.steps}


def test_a_skill_is_not_read_from_what_was_said_at_a_review(library):
    from planner.prompts import read_from_words

    person = profile(review_words="Every labouring advert wants a CSCS card, I need the test.")
    assert "trade_or_licence" not in {p.value for p in read_from_words(person, library)}


def _review_library(build_library, **rules):
    money = _basic("ask_for_payments_twice_a_month", ("money_worries",), grade=2)
    pause = _basic("pause_the_advance", ("money_worries",), grade=2)
    test = make_step(
        "book_the_card_test",
        grade=2,
        kinds=("work",),
        said_as=("card test",),
        when_named=True,
        **_WORK,
    )
    adverts = make_step("look_at_adverts", grade=2, kinds=("work",), **_WORK)
    volunteer = make_step("help_at_a_club", grade=2, kinds=("volunteering",), **_WORK)
    table = rules_table(
        # A done step with no next one ends: the new plan's slots bring what follows.
        review_moves={
            **TEST_REVIEW_MOVES,
            "done": ({"move": "next", "words": "Done. Here is the next one."},),
        },
        still_open_at_review=("still", "need"),
        refill_not_after_kinds=("work",),
        **rules,
    )
    steps = [*full_grid(), money, pause, test, adverts, volunteer]
    reading = WordPrompt(phrases=("skint",), topic="money", add="money_worries")
    return build_library(steps, table).model_copy(update={"prompts": (reading,)})


def test_a_need_still_open_at_a_review_is_not_held_back_after_a_step_for_it(build_library):
    library = _review_library(build_library)
    person = profile(stage=3, aims=["get_out_more"], barriers=["money_worries"])
    plan = build_plan(person, library)
    done = next(s.id for s in plan.steps if s.area == "money_and_home")
    said = "The coach sorted it. Still skint by week three."
    after = review_plan(
        plan, {done: "done"}, library, datetime.date(2026, 12, 7), what_went_well=said
    )
    money = {s.id for s in after.steps if s.area == "money_and_home"} - {done}
    assert money, "money running out is still open, so another step for it is offered"
    quiet = review_plan(plan, {done: "done"}, library, datetime.date(2026, 12, 7))
    assert not {s.id for s in quiet.steps if s.area == "money_and_home"} - {done}


def test_what_they_ask_for_at_a_review_takes_the_place_of_a_step_not_for_them(build_library):
    library = _review_library(build_library)
    person = profile(stage=3, aims=["paid_work"])
    draft = build_plan(person, library)
    adverts = suggested_step(library.step("look_at_adverts"), person, library)
    plan = draft.model_copy(update={"steps": [adverts]})
    said = "The adverts all want a card. I need to do the card test first."
    after = review_plan(
        plan,
        {"look_at_adverts": "not_for_me"},
        library,
        datetime.date(2026, 12, 7),
        what_went_well=said,
    )
    assert after.steps[0].id == "book_the_card_test"
