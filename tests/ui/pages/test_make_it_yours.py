import datetime

from goal_library.loader import default_library
from planner.dates import on_a_weekday
from planner.models import Profile
from planner.suggest import build_plan
from tests.ui.apptest import app_on_page, key, messages, no_errors, the_plan


def _app_with_plan(stage=2, **changes):
    library = default_library()
    plan = build_plan(Profile(stage=stage), library).model_copy(update=changes)
    return app_on_page(6, stage=stage, plan=plan), plan


def test_each_step_can_be_made_concrete():
    at, plan = _app_with_plan()
    step = plan.steps[0]
    at.text_input(key=key(at, f"step_{step.id}_when")).input("Mondays at 10").run()
    at.text_input(key=key(at, f"step_{step.id}_who_can_help")).input("My brother").run()
    at.text_input(key=key(at, f"step_{step.id}_if_then")).input(
        "If it rains, then I will go later"
    ).run()
    at.radio(key=key(at, f"step_{step.id}_confidence")).set_value(9).run()
    saved = the_plan(at).steps[0]
    assert (saved.when, saved.who_can_help, saved.confidence) == ("Mondays at 10", "My brother", 9)
    assert saved.if_then == "If it rains, then I will go later"
    assert no_errors(at)


def test_confidence_below_seven_offers_the_smaller_version_right_there():
    at, plan = _app_with_plan()
    step = next(s for s in plan.steps if s.smaller)
    at.radio(key=key(at, f"step_{step.id}_confidence")).set_value(4).run()
    assert any("smaller step can feel better" in i for i in messages(at.info))
    at.button(key=f"use_smaller_{step.id}").click().run()
    ids = [s.id for s in the_plan(at).steps]
    assert step.smaller in ids and step.id not in ids


def test_confidence_of_seven_or_more_offers_nothing():
    at, plan = _app_with_plan()
    step = next(s for s in plan.steps if s.smaller)
    at.radio(key=key(at, f"step_{step.id}_confidence")).set_value(7).run()
    assert not any("smaller step" in i for i in messages(at.info))


def test_the_review_date_is_two_weeks_ahead_by_default_on_a_weekday():
    at, _ = _app_with_plan()
    expected = on_a_weekday(datetime.date.today() + datetime.timedelta(days=14))
    assert at.date_input(key=key(at, "review_date")).value == expected
    assert the_plan(at).review_on == expected


def test_a_review_date_at_a_weekend_is_refused_beside_the_question():
    at, _ = _app_with_plan()
    kept = the_plan(at).review_on
    today = datetime.date.today()
    saturday = today + datetime.timedelta(days=(5 - today.weekday()) % 7 or 7)
    at.date_input(key=key(at, "review_date")).set_value(saturday).run()
    assert the_plan(at).review_on == kept
    assert any("That day is a Saturday" in e for e in messages(at.error))
    assert at.date_input(key=key(at, "review_date")).value == kept


def test_a_review_date_that_has_passed_is_shown_with_a_request_for_a_new_one():
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    at, _ = _app_with_plan(review_on=yesterday)
    assert no_errors(at)
    assert at.date_input(key=key(at, "review_date")).value == yesterday
    assert any("review date has passed" in w for w in messages(at.warning))
    assert at.button(key="nav_continue")
    next_week = on_a_weekday(datetime.date.today() + datetime.timedelta(days=7))
    at.date_input(key=key(at, "review_date")).set_value(next_week).run()
    assert the_plan(at).review_on == next_week
    assert not any("review date has passed" in w for w in messages(at.warning))
