from streamlit.testing.v1 import AppTest


def _app():
    import streamlit as st

    from ui.components.choice import dropdown_choice, radio_choice

    if st.session_state.get("show", True):
        st.session_state["stage"] = radio_choice("stage_answer", "Stage", {1: "One", 2: "Two"})
        st.session_state["nation"] = dropdown_choice(
            "nation_answer", "Nation", {"england": "England", "wales": "Wales"}, default="england"
        )


def test_nothing_is_chosen_until_the_person_chooses():
    at = AppTest.from_function(_app).run()
    assert at.session_state["stage"] is None
    assert at.session_state["nation"] == "england"


def test_a_choice_survives_the_widget_being_hidden_and_shown_again():
    at = AppTest.from_function(_app).run()
    at.radio[0].set_value(2).run()
    at.selectbox[0].set_value("wales").run()
    at.session_state["show"] = False
    at.run()
    assert not at.radio
    at.session_state["show"] = True
    at.run()
    assert at.radio[0].value == 2
    assert at.selectbox[0].value == "wales"
