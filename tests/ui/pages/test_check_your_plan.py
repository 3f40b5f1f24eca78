"""Check your plan: every answer and step with a Change link to its page, the printed plan
folded, and the choice to agree with or without saving."""

from goal_library.loader import default_library
from planner.models import Profile
from planner.suggest import build_plan
from tests.ui.apptest import app_on_page, appointment, no_errors, title

NAME = "Siân *not bold* & <i>not italic</i>"


def _app(**answers):
    library = default_library()
    profile = Profile(stage=3, preferred_name=NAME, hopes="Walk :red[the] dog", **answers)
    plan = build_plan(profile, library)
    return app_on_page(7, stage=3, preferred_name=NAME, hopes=profile.hopes, plan=plan), plan


def test_every_answer_and_step_is_listed_with_the_persons_words_escaped():
    at, plan = _app()
    assert no_errors(at)
    assert title(at) == "Check your plan"
    shown = [m.value for m in at.markdown]
    assert any(r"\*not bold\*" in m and r"\<i\>" in m for m in shown)
    assert r"Walk \:red\[the\] dog" in shown
    for step in plan.steps:
        assert any(step.title in m.replace("\\", "") for m in shown)
    assert not [b for b in at.button if b.key == "nav_continue"], "agreeing is the way on"


def test_each_change_link_goes_to_the_page_that_asks_it():
    pages = {
        "change_nation": "Right Steps",
        "change_name": "About you",
        "change_aims": "About you",
        "change_stage": "Where you are now",
        "change_strengths": "Your strengths",
        "change_harder": "What makes things harder",
        "change_steps": "Suggested steps",
        "change_step_1": "Make it yours",
    }
    for button, page in pages.items():
        at, _ = _app()
        at.button(key=button).click().run()
        assert title(at) == page, button
        assert no_errors(at)


def test_the_printed_plan_is_folded_under_one_heading():
    at, _ = _app()
    expander = next(e for e in at.expander if e.label.startswith("Read the whole plan"))
    headings = [h.value for h in expander.subheader]
    assert "My steps" in headings and "Where to get help now" in headings


def test_agreeing_without_saving_reaches_the_confirmation_unsaved():
    at, _ = _app()
    at.button(key="agree_unsaved").click().run()
    assert title(at) == "Plan agreed"
    assert appointment(at).plan_is_saved() is False
    assert any("This plan is not saved" in i.value for i in at.info)


def test_the_stage_row_names_the_chosen_stage():
    at, _ = _app()
    library = default_library()
    stage_title = next(s.title for s in library.stages if s.stage == 3)
    assert any(stage_title in m.value.replace("\\", "") for m in at.markdown)


def test_continue_after_a_change_comes_straight_back_to_check_your_plan():
    from tests.ui.apptest import press_back, press_continue

    at, _ = _app()
    at.button(key="change_stage").click().run()
    assert title(at) == "Where you are now"
    at.radio[0].set_value(2).run()
    at = press_continue(at)
    assert title(at) == "Check your plan"
    assert appointment(at).answers.stage == 2
    at.button(key="change_harder").click().run()
    at = press_back(at)  # Back walks the pages again, and forgets the way back
    assert title(at) == "Your strengths"
    at = press_continue(at)
    assert title(at) == "What makes things harder"
