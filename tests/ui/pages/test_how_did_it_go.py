from goal_library.loader import default_library
from planner.models import Profile
from planner.suggest import build_plan
from tests.ui.apptest import (
    app_on_page,
    appointment,
    key,
    messages,
    no_errors,
    press_continue,
    title,
)


def _reviewing(stage=3):
    plan = build_plan(Profile(stage=stage, preferred_name="Sam"), default_library())
    return app_on_page(1, review=plan, stage=stage), plan


def test_each_step_of_the_last_plan_is_asked_about_without_blame():
    at, plan = _reviewing()
    assert no_errors(at)
    assert title(at) == "How did it go?"
    assert at.caption[0].value == "Step 1 of 7"
    assert len(at.radio) == len(plan.steps)
    assert at.radio[0].options == ["Done", "Partly", "Not yet", "Not right for me"]
    assert "no wrong answers" in " ".join(m.value for m in at.markdown)


def test_continue_asks_for_every_outcome_then_moves_on():
    at, plan = _reviewing()
    at = press_continue(at)
    summary = messages(at.error)[0]
    for number, step in enumerate(plan.steps, start=1):
        assert f"Choose how “{step.title}” went" in summary, "each step is named"
        assert f"(#question_outcome_{number})" in at.error[0].value
    at.radio(key=key(at, f"review_outcome_{plan.steps[0].id}")).set_value("done").run()
    assert f"“{plan.steps[0].title}”" not in messages(at.error)[0], "an answered step goes"
    for step in plan.steps:
        at.radio(key=key(at, f"review_outcome_{step.id}")).set_value("done").run()
    at.text_area[0].input("I went out every day & felt <proud>").run()
    at = press_continue(at)
    assert title(at) == "Where you are now"
    review = appointment(at).review
    assert review.went_well == "I went out every day & felt <proud>"
    assert review.outcomes == {step.id: "done" for step in plan.steps}
