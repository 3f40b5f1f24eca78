from tests.ui.apptest import app_on_page, press_continue, title


def test_barriers_can_be_ticked_and_described():
    at = app_on_page(4, answer_stage=2)
    at.checkbox(key="_answer_barriers_no_internet").check().run()
    at.text_area[0].input("Buses & <trains> are hard").run()
    at = press_continue(at)
    assert title(at) == "Suggested steps"
    assert at.session_state["answer_barriers"] == ["no_internet"]
    assert at.session_state["answer_barriers_words"] == "Buses & <trains> are hard"
