from tests.ui.apptest import (
    answers,
    app_on_page,
    no_errors,
    open_expander,
    press_continue,
    title,
)


def test_start_explains_the_plan_and_that_steps_are_voluntary():
    at = app_on_page(0)
    assert no_errors(at)
    assert title(at) == "Right Steps"
    text = " ".join(m.value for m in at.markdown)
    assert "You choose the steps" in text and "not conditions" in text
    assert at.button(key="nav_back").disabled
    assert not at.caption or "Step" not in at.caption[0].value


def test_the_nation_defaults_to_england_and_can_be_changed():
    at = app_on_page(0)
    assert not at.selectbox  # the setting is drawn once its expander opens
    open_expander(at, "settings")
    assert at.selectbox[0].value == "england"
    at.selectbox[0].set_value("wales").run()
    at = press_continue(at)
    assert title(at) == "About you"
    assert answers(at).nation == "wales"
