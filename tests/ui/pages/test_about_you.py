from tests.ui.apptest import (
    answers,
    app_on_page,
    messages,
    no_errors,
    press_back,
    press_continue,
    title,
)

AWKWARD = "Gwenllïan Llŷr & <b>O'Brien</b> 😊"


def test_answers_are_kept_exactly_when_going_back_and_forward():
    at = app_on_page(1)
    assert at.caption[0].value == "Step 1 of 7"
    at.text_input[0].input(AWKWARD).run()
    at.text_area[0].input("To *sleep* better\nand walk more").run()
    at = press_continue(at)
    assert title(at) == "Where you are now"
    at = press_back(at)
    assert title(at) == "About you"
    assert at.text_input[0].value == AWKWARD
    assert at.text_area[0].value == "To *sleep* better\nand walk more"
    assert answers(at).preferred_name == AWKWARD
    assert no_errors(at)


def test_an_over_long_paste_is_refused_and_the_earlier_words_are_kept():
    at = app_on_page(1)
    at.text_area[0].input("My own words").run()
    at.text_area[0].input("x" * 10_001).run()
    assert at.text_area[0].value == "My own words"
    assert "too long: 10,001 characters" in messages(at.error)[0]
    assert answers(at).hopes == "My own words"


def test_a_count_shows_how_much_is_used_near_the_limit():
    at = app_on_page(1)
    at.text_input[0].input("Sam").run()
    assert not any("characters" in c.value for c in at.caption)
    at.text_input[0].input("S" * 50).run()
    captions = [c.value for c in at.caption]
    assert "50 of 60 characters" in captions


def test_aims_are_kept_in_the_order_chosen_and_reach_the_profile():
    at = app_on_page(1)
    at.multiselect[0].select("get_out_more").run()
    at.multiselect[0].select("feel_better").run()
    assert answers(at).aims == ["get_out_more", "feel_better"]
    at = press_continue(at)
    at = press_back(at)
    assert at.multiselect[0].value == ["get_out_more", "feel_better"]
    assert no_errors(at)


def test_an_aim_moves_up_in_place_and_the_new_order_is_kept():
    at = app_on_page(1)
    for aim in ("get_out_more", "feel_better", "meet_people"):
        at.multiselect[0].select(aim).run()
    first_moves = [b for b in at.button if b.key == "move_up_aims_get_out_more"]
    assert not first_moves, "the first has nowhere to move up to"
    at.button(key="move_up_aims_meet_people").click().run()
    assert answers(at).aims == ["get_out_more", "meet_people", "feel_better"]
    at.button(key="move_up_aims_meet_people").click().run()
    assert answers(at).aims == ["meet_people", "get_out_more", "feel_better"]
    assert at.multiselect[0].value == ["meet_people", "get_out_more", "feel_better"]
    shown = [m.value for m in at.markdown if m.value[:2] in ("1.", "2.", "3.")]
    assert shown[0].startswith("1. ") and "people" in shown[0].lower()
    assert no_errors(at)
