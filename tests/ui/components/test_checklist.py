from streamlit.testing.v1 import AppTest


def _app():
    import streamlit as st

    from ui.components.checklist import checklist

    groups = [("Pets", [("cat", "Cat"), ("dog", "Dog")]), ("Other", [("fish", "Fish")])]
    st.session_state["returned"] = checklist("ticks", groups)


def test_ticked_ids_come_back_in_catalogue_order():
    at = AppTest.from_function(_app).run()
    at.checkbox(key="_ticks_fish").check().run()
    at.checkbox(key="_ticks_cat").check().run()
    assert at.session_state["returned"] == ["cat", "fish"]
    assert [h.value for h in at.header] == ["Pets", "Other"]


def test_unticking_removes_the_id():
    at = AppTest.from_function(_app).run()
    at.checkbox(key="_ticks_dog").check().run()
    at.checkbox(key="_ticks_dog").uncheck().run()
    assert at.session_state["returned"] == []
