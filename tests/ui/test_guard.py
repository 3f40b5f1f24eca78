"""The guard: a plain sentence for the person, and a log line with no one's words in it."""

from __future__ import annotations

import logging

from streamlit.testing.v1 import AppTest

from store.errors import StoreUnavailable, UnknownReference
from ui.guard import UNEXPECTED, plain_message


def test_an_unexpected_failure_is_logged_by_kind_and_place_never_by_its_text(caplog):
    try:
        {"name": "x"}["Private Name Of A Person"]
    except KeyError as error:
        with caplog.at_level(logging.INFO, logger="right_steps.app"):
            message = plain_message(error, "saving the plan")
    assert message == UNEXPECTED.format(doing="saving the plan")
    assert "Private Name" not in caplog.text
    assert "KeyError" in caplog.text and "test_guard.py" in caplog.text


def test_a_store_that_cannot_be_used_tells_the_coach_what_it_means_and_logs_the_fix(caplog):
    error = StoreUnavailable("the database file x is damaged: move it aside")
    with caplog.at_level(logging.INFO, logger="right_steps.app"):
        message = plain_message(error, "saving the plan")
    assert message == StoreUnavailable.coach_message
    assert "move it aside" in caplog.text


def test_a_plain_store_error_is_shown_as_a_sentence():
    assert plain_message(UnknownReference("K7TM-9QXA"), "opening").startswith("There is no saved")


def _app_with_a_failing_action():
    import streamlit as st

    from ui.guard import guarded
    from ui.session import take_notices

    if st.button("Fail", key="fail"):
        with guarded("doing the thing"):
            raise RuntimeError("the words someone typed")
    st.session_state["shown"] = take_notices()
    st.session_state["went_on"] = True


def test_a_failing_action_leaves_the_page_able_to_go_on():
    at = AppTest.from_function(_app_with_a_failing_action).run()
    at.button(key="fail").click().run()
    assert not at.exception
    assert at.session_state["went_on"] is True
    assert at.session_state["shown"] == [("error", UNEXPECTED.format(doing="doing the thing"))]
