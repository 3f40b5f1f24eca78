"""An appointment in progress survives a lost page: the draft named in the address comes back."""

from streamlit.testing.v1 import AppTest

from store import PlanStore
from tests.ui.apptest import APP, press_continue, title


def test_answers_come_back_in_a_new_session_with_the_same_address(private_database):
    first = AppTest.from_file(APP, default_timeout=30).run()
    first = press_continue(first)
    first.text_input[0].input("Gwenllïan & <Co>").run()
    first = press_continue(first)
    first.radio[0].set_value(2).run()
    draft_id = first.session_state["draft_id"]
    assert draft_id in str(first.query_params["draft"])
    assert PlanStore(private_database).load_draft(draft_id)

    second = AppTest.from_file(APP, default_timeout=30)
    second.query_params["draft"] = draft_id
    second.run()
    assert title(second) == "Where you are now"
    assert second.radio[0].value == 2
    assert second.session_state["answer_name"] == "Gwenllïan & <Co>"
    assert any("Your answers are still here" in i.value for i in second.info)


def test_finish_and_clear_deletes_the_draft(private_database):
    at = AppTest.from_file(APP, default_timeout=30).run()
    at = press_continue(at)
    at.text_input[0].input("Sam").run()
    draft_id = at.session_state["draft_id"]
    assert PlanStore(private_database).load_draft(draft_id)
    at.session_state["page_index"] = 7
    at.run()
    at.button(key="finish_and_clear").click().run()
    assert PlanStore(private_database).load_draft(draft_id) is None


def test_an_unknown_draft_starts_fresh_with_a_message():
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["draft"] = "x" * 32
    at.run()
    assert title(at) == "Right Steps"
    assert any("finished or timed out" in i.value for i in at.info)
    assert at.session_state["draft_id"] != "x" * 32
