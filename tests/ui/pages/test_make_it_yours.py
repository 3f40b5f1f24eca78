import datetime

from goal_library.loader import default_library
from planner.models import Profile
from planner.suggest import build_plan
from tests.ui.apptest import app_on_page, no_errors


def _app_with_plan(stage=2):
    library = default_library()
    plan = build_plan(Profile(stage=stage), library)
    return app_on_page(6, answer_stage=stage, plan=plan, plan_built_from=plan.profile), plan


def test_each_step_can_be_made_concrete():
    at, plan = _app_with_plan()
    step = plan.steps[0]
    at.text_input(key=f"_step_{step.id}_when_widget").input("Mondays at 10").run()
    at.text_input(key=f"_step_{step.id}_who_can_help_widget").input("My brother").run()
    at.text_input(key=f"_step_{step.id}_if_then_widget").input(
        "If it rains, then I will go later"
    ).run()
    at.radio(key=f"_step_{step.id}_confidence_widget").set_value(9).run()
    saved = at.session_state["plan"].steps[0]
    assert (saved.when, saved.who_can_help, saved.confidence) == ("Mondays at 10", "My brother", 9)
    assert saved.if_then == "If it rains, then I will go later"
    assert no_errors(at)


def test_confidence_below_seven_offers_the_smaller_version_right_there():
    at, plan = _app_with_plan()
    step = next(s for s in plan.steps if s.smaller)
    at.radio(key=f"_step_{step.id}_confidence_widget").set_value(4).run()
    assert any("smaller step can feel better" in i.value for i in at.info)
    at.button(key=f"use_smaller_{step.id}").click().run()
    ids = [s.id for s in at.session_state["plan"].steps]
    assert step.smaller in ids and step.id not in ids


def test_confidence_of_seven_or_more_offers_nothing():
    at, plan = _app_with_plan()
    step = next(s for s in plan.steps if s.smaller)
    at.radio(key=f"_step_{step.id}_confidence_widget").set_value(7).run()
    assert not any("smaller step" in i.value for i in at.info)


def test_the_review_date_is_two_weeks_ahead_by_default():
    at, _ = _app_with_plan()
    expected = datetime.date.today() + datetime.timedelta(days=14)
    assert at.date_input(key="answer_review_date").value == expected
    assert at.session_state["plan"].review_on == expected
