from streamlit.testing.v1 import AppTest


def _app():
    import streamlit as st

    from ui.components.checklist import checklist

    def save(ids):
        st.session_state["kept"] = ids

    groups = [("Pets", [("cat", "Cat"), ("dog", "Dog")]), ("Other", [("fish", "Fish")])]
    checklist("ticks", groups, ticked=st.session_state.get("kept", []), save=save)


def test_ticked_ids_are_kept_in_catalogue_order():
    at = AppTest.from_function(_app).run()
    at.checkbox(key="ticks_fish~0").check().run()
    at.checkbox(key="ticks_cat~0").check().run()
    assert at.session_state["kept"] == ["cat", "fish"]
    assert [h.value for h in at.header] == ["Pets", "Other"]


def test_unticking_removes_the_id():
    at = AppTest.from_function(_app).run()
    at.checkbox(key="ticks_dog~0").check().run()
    at.checkbox(key="ticks_dog~0").uncheck().run()
    assert at.session_state["kept"] == []
