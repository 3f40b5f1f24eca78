"""Saving a plan from the last page, and opening it again from the start page."""

import datetime

from goal_library.loader import default_library
from planner.models import Profile
from planner.suggest import build_plan
from store import PlanStore
from tests.ui.apptest import app_on_page, no_errors, title


def _agreed_app():
    plan = build_plan(Profile(stage=3, preferred_name="Sam"), default_library())
    return app_on_page(7, answer_stage=3, plan=plan, plan_built_from=plan.profile)


def test_save_gives_a_reference_and_changes_save_as_a_new_version(private_database):
    at = _agreed_app()
    at.button(key="save_plan").click().run()
    plan = at.session_state["plan"]
    assert plan.reference and plan.version == 1
    assert any(plan.reference in s.value for s in at.success)
    store = PlanStore(private_database)
    assert [v.version for v in store.versions(plan.reference)] == [1]
    at.session_state["plan"] = plan.model_copy(update={"review_on": datetime.date(2027, 1, 4)})
    at.run()
    assert at.button(key="save_plan").label == "Save changes as a new version"
    at.button(key="save_plan").click().run()
    assert [v.version for v in store.versions(plan.reference)] == [1, 2]


def test_open_by_reference_starts_a_review(private_database):
    library = default_library()
    saved = PlanStore(private_database).save(build_plan(Profile(stage=2, hopes="Walk"), library))
    at = app_on_page(0)
    at.text_input(key="_open_reference_widget").input(saved.reference.lower().replace("-", " "))
    at.button(key="open_by_reference").click().run()
    assert no_errors(at)
    assert title(at) == "How did it go?"
    assert at.session_state["answer_hopes"] == "Walk"
    assert at.session_state["review_of"].reference == saved.reference


def test_a_national_insurance_number_is_refused_with_the_reason():
    at = app_on_page(0)
    at.text_input(key="_open_reference_widget").input("QQ 12 34 56 C").run()
    at.button(key="open_by_reference").click().run()
    assert title(at) == "Right Steps"
    assert "National Insurance number" in at.error[0].value


def test_an_unknown_reference_gets_a_plain_message():
    at = app_on_page(0)
    at.text_input(key="_open_reference_widget").input("ABCD-EFGH").run()
    at.button(key="open_by_reference").click().run()
    assert title(at) == "Right Steps"
    assert at.error and "Traceback" not in at.error[0].value
