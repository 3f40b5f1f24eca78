from tests.ui.apptest import answers, app_on_page, key, press_back, press_continue


def test_strengths_are_grouped_and_quick_to_tick():
    at = app_on_page(3)
    headings = [h.value for h in at.header]
    assert headings == [
        "Qualities",
        "Skills",
        "Interests",
        "People and things that help",
        "People and services around me",
        "About me",
    ]
    at.checkbox(key=key(at, "strengths_animals")).check().run()
    at.checkbox(key=key(at, "strengths_kind")).check().run()
    at.checkbox(key=key(at, "strengths_animals")).uncheck().run()
    assert answers(at).strengths == ["kind"]


def test_ticks_and_own_words_survive_going_back():
    at = app_on_page(3, stage=2)
    at.checkbox(key=key(at, "strengths_pet")).check().run()
    at.text_area[0].input("I can fix bikes").run()
    at = press_back(press_continue(at))
    assert at.checkbox(key=key(at, "strengths_pet")).value is True
    assert at.text_area[0].value == "I can fix bikes"
