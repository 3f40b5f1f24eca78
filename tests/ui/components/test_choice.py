from streamlit.testing.v1 import AppTest


def _app():
    import streamlit as st

    from ui.components.choice import dropdown_choice, radio_choice

    def keep(name):
        return lambda value: st.session_state.__setitem__(name, value)

    if st.session_state.get("show", True):
        radio_choice(
            "stage_answer",
            "Stage",
            {1: "One", 2: "Two"},
            value=st.session_state.get("stage"),
            save=keep("stage"),
        )
        dropdown_choice(
            "nation_answer",
            "Nation",
            {"england": "England", "wales": "Wales"},
            value=st.session_state.get("nation", "england"),
            save=keep("nation"),
        )


def test_nothing_is_chosen_until_the_person_chooses():
    at = AppTest.from_function(_app).run()
    assert at.radio[0].value is None
    assert at.selectbox[0].value == "england"


def test_a_choice_is_kept_and_shown_again_after_the_widget_was_hidden():
    at = AppTest.from_function(_app).run()
    at.radio[0].set_value(2).run()
    at.selectbox[0].set_value("wales").run()
    assert (at.session_state["stage"], at.session_state["nation"]) == (2, "wales")
    at.session_state["show"] = False
    at.run()
    assert not at.radio
    at.session_state["show"] = True
    at.run()
    assert at.radio[0].value == 2
    assert at.selectbox[0].value == "wales"
