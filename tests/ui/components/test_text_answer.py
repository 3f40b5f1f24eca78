from streamlit.testing.v1 import AppTest

from tests.ui.apptest import messages


def _app():
    import streamlit as st

    from ui.components.text_answer import text_answer

    text_answer(
        "words",
        "Your words",
        value=st.session_state.get("kept", ""),
        save=lambda text: st.session_state.__setitem__("kept", text),
        max_chars=10,
    )


def test_the_answer_is_kept_and_counted_only_near_the_limit():
    at = AppTest.from_function(_app).run()
    assert not at.caption, "an empty box shows no count"
    at.text_area[0].input("hello").run()
    assert at.session_state["kept"] == "hello"
    assert not at.caption
    at.text_area[0].input("hello you").run()
    assert at.caption[0].value == "9 of 10 characters"


def test_too_long_is_refused_with_a_message_and_the_old_text_stays():
    at = AppTest.from_function(_app).run()
    at.text_area[0].input("short").run()
    at.text_area[0].input("far too long here").run()
    assert at.session_state["kept"] == "short"
    assert at.text_area[0].value == "short"
    assert "too long: 17 characters" in messages(at.error)[0]
    at.text_area[0].input("ok now").run()
    assert not at.error
    assert at.session_state["kept"] == "ok now"
