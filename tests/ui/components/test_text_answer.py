from streamlit.testing.v1 import AppTest


def _app():
    import streamlit as st

    from ui.components.text_answer import text_answer

    st.session_state["returned"] = text_answer("words", "Your words", max_chars=10)


def test_the_answer_is_kept_and_counted():
    at = AppTest.from_function(_app).run()
    at.text_area[0].input("hello").run()
    assert at.session_state["returned"] == "hello"
    assert at.caption[0].value == "5 of 10 characters"


def test_too_long_is_refused_with_a_message_and_the_old_text_stays():
    at = AppTest.from_function(_app).run()
    at.text_area[0].input("short").run()
    at.text_area[0].input("far too long here").run()
    assert at.session_state["returned"] == "short"
    assert at.text_area[0].value == "short"
    assert "too long: 17 characters" in at.error[0].value
    at.text_area[0].input("ok now").run()
    assert not at.error
