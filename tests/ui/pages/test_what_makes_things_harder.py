from tests.ui.apptest import answers, app_on_page, key, press_continue, title


def test_barriers_can_be_ticked_and_described():
    at = app_on_page(4, stage=2)
    at.checkbox(key=key(at, "barriers_no_internet")).check().run()
    at.text_area[0].input("Buses & <trains> are hard").run()
    at = press_continue(at)
    assert title(at) == "Suggested steps"
    assert answers(at).barriers == ["no_internet"]
    assert answers(at).barriers_own_words == "Buses & <trains> are hard"
