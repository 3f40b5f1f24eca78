from tests.ui.apptest import (
    answers,
    app_on_page,
    no_errors,
    press_continue,
    title,
)


def test_start_explains_the_plan_and_that_steps_are_voluntary():
    at = app_on_page(0)
    assert no_errors(at)
    assert title(at) == "Right Steps"
    text = " ".join(m.value for m in at.markdown)
    assert "You choose the steps" in text and "not conditions" in text
    assert not [b for b in at.button if b.key == "nav_back"], "there is nothing to go back to"
    assert at.button(key="nav_continue").label == "Start now"
    assert not at.caption or "Step" not in at.caption[0].value


def test_where_the_person_lives_is_asked_in_the_open_and_can_be_changed():
    at = app_on_page(0)
    question = at.radio[0]
    assert question.label == "Where do you live?"
    assert question.value == "england"
    question.set_value("wales").run()
    at = press_continue(at)
    assert title(at) == "About you"
    assert answers(at).nation == "wales"


def test_start_gives_an_honest_time():
    at = app_on_page(0)
    assert any("20 to 30 minutes" in m.value for m in at.markdown)
