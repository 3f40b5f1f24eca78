from tests.ui.apptest import (
    answers,
    app_on_page,
    messages,
    open_expander,
    press_continue,
    title,
)


def test_the_stages_are_shown_as_plain_descriptions_not_numbers():
    at = app_on_page(2)
    options = at.radio[0].options
    assert len(options) == 5
    assert options[0].startswith("Things feel very hard right now")
    assert at.radio[0].value is None


def test_continue_without_a_stage_names_the_question_at_the_top_and_beside_it():
    at = press_continue(app_on_page(2))
    assert title(at) == "Where you are now"
    summary = messages(at.error)[0]
    assert summary.startswith("**There is a problem**")
    assert "Choose the sentence that feels most like you at the moment" in summary
    assert "(#question_stage)" in at.error[0].value, "the summary links to the question"
    beside = [m.value for m in at.markdown if m.value.startswith("**Error:**")]
    assert beside == ["**Error:** Choose the sentence that feels most like you at the moment"]


def test_a_problem_goes_as_soon_as_its_question_is_answered():
    at = press_continue(app_on_page(2))
    at.radio[0].set_value(2).run()
    assert not at.error, "the summary and the message beside the question go together"
    assert not [m for m in at.markdown if m.value.startswith("**Error:**")]


def test_choosing_a_stage_and_adjusting_an_area_then_setting_it_back():
    at = app_on_page(2)
    at.radio[0].set_value(3).run()
    open_expander(at, "area_stages")
    getting_out = next(s for s in at.selectbox if s.label == "Getting out")
    getting_out.set_value(1).run()
    at = press_continue(at)
    assert title(at) == "Your strengths"
    assert answers(at).stage == 3
    assert answers(at).area_stages == {"getting_out": 1}
    at.button(key="nav_back").click().run()
    open_expander(at, "area_stages")
    next(s for s in at.selectbox if s.label == "Getting out").set_value(0).run()
    assert answers(at).area_stages == {}


def test_areas_set_apart_are_named_while_the_choices_are_closed():
    at = app_on_page(2, stage=3, area_stages={"getting_out": 1})
    assert not at.selectbox
    text = [m.value for m in at.markdown]
    assert "You chose a separate stage for:" in text
    assert "- Getting out: Staying safe" in text
    open_expander(at, "area_stages")
    assert next(s for s in at.selectbox if s.label == "Getting out").value == 1
