"""An appointment in progress survives a lost page, and a finished one never comes back."""

import datetime
import sqlite3

from streamlit.testing.v1 import AppTest

from goal_library.loader import default_library
from planner.models import Profile
from planner.suggest import build_plan
from store.plans import PlanStore
from tests.ui.apptest import (
    APP,
    appointment,
    key,
    messages,
    no_errors,
    press_continue,
    the_plan,
    title,
)
from ui.appointment import Answers, Appointment


def _store(url):
    return PlanStore(url, library=default_library())


def _session_at(draft_id=None):
    at = AppTest.from_file(APP, default_timeout=30)
    if draft_id is not None:
        at.query_params["draft"] = draft_id
    return at.run()


def _answered_session():
    at = _session_at()
    at = press_continue(at)
    at.text_input[0].input("Gwenllïan & <Co>").run()
    at = press_continue(at)
    at.radio[0].set_value(2).run()
    return at


def test_answers_come_back_in_a_new_session_with_the_same_address(private_database):
    first = _answered_session()
    draft_id = appointment(first).id
    assert draft_id in str(first.query_params["draft"])
    assert _store(private_database).load_draft(draft_id)

    second = _session_at(draft_id)
    assert title(second) == "Where you are now"
    assert second.radio[0].value == 2
    assert appointment(second).answers.preferred_name == "Gwenllïan & <Co>"
    assert any("Your answers are still here" in i for i in messages(second.info))


def test_finish_and_clear_closes_the_draft_for_good(private_database):
    at = _answered_session()
    draft_id = appointment(at).id
    store = _store(private_database)
    assert store.load_draft(draft_id)
    at.session_state["appointment"] = appointment(at).model_copy(update={"page": 8})
    at.run()
    at.button(key="finish_and_clear").click().run()
    assert store.load_draft(draft_id), "asked first: the answers are not kept anywhere else"
    at.button(key="finish_confirm").click().run()
    assert store.load_draft(draft_id) is None
    assert store.draft_is_closed(draft_id)
    assert appointment(at).id != draft_id

    # The old address, from the browser's history, brings back nothing.
    again = _session_at(draft_id)
    assert title(again) == "Right Steps"
    assert appointment(again).answers.preferred_name == ""
    assert any("finished or timed out" in i for i in messages(again.info))


def test_a_second_tab_cannot_write_a_finished_appointment_back(private_database):
    first = _answered_session()
    draft_id = appointment(first).id
    second = _session_at(draft_id)  # the same address, open in another tab
    assert appointment(second).answers.preferred_name == "Gwenllïan & <Co>"

    first.session_state["appointment"] = appointment(first).model_copy(update={"page": 8})
    first.run()
    first.button(key="finish_and_clear").click().run()
    first.button(key="finish_confirm").click().run()

    # The other tab carries on: its next change finds the appointment finished.
    second.radio[0].set_value(3).run()
    store = _store(private_database)
    assert store.load_draft(draft_id) is None
    assert appointment(second).answers.preferred_name == ""
    assert appointment(second).id != draft_id
    assert any("finished in another window" in i for i in messages(second.info))
    assert _session_at(draft_id).session_state["appointment"].answers.stage is None


def test_a_second_tab_that_only_looks_also_finds_the_appointment_finished(private_database):
    first = _answered_session()
    draft_id = appointment(first).id
    second = _session_at(draft_id)
    first.session_state["appointment"] = appointment(first).model_copy(update={"page": 8})
    first.run()
    first.button(key="finish_and_clear").click().run()
    first.button(key="finish_confirm").click().run()
    second.run()
    assert appointment(second).answers.preferred_name == ""
    assert any("finished in another window" in i for i in messages(second.info))


def test_an_unknown_draft_starts_fresh_with_a_message():
    at = _session_at("x" * 32)
    assert title(at) == "Right Steps"
    assert any("finished or timed out" in i for i in messages(at.info))
    assert appointment(at).id != "x" * 32


def test_a_draft_kept_yesterday_with_todays_review_date_still_opens(private_database):
    library = default_library()
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    plan = build_plan(Profile(stage=2), library).model_copy(update={"review_on": yesterday})
    kept = Appointment.new(page=6, answers=Answers(stage=2), plan=plan)
    _store(private_database).save_draft(kept.id, kept.draft())
    at = _session_at(kept.id)
    assert no_errors(at)
    assert title(at) == "Make it yours"
    assert at.date_input(key=key(at, "review_date")).value == yesterday
    assert any("review date has passed" in w for w in messages(at.warning))
    at = press_continue(at)
    assert title(at) == "Check your plan"


def test_a_draft_with_two_steps_of_one_id_keeps_the_answers(private_database):
    library = default_library()
    kept = Appointment.new(page=5, answers=Answers(stage=3, preferred_name="Sam"))
    payload = kept.draft()
    plan = build_plan(Profile(stage=3), library).model_dump(mode="json")
    plan["steps"] = [plan["steps"][0], plan["steps"][0]]
    payload["plan"] = plan
    _store(private_database).save_draft(kept.id, payload)
    at = _session_at(kept.id)
    assert no_errors(at)
    assert appointment(at).answers.preferred_name == "Sam"
    assert len({s.id for s in the_plan(at).steps}) == len(the_plan(at).steps)


def test_a_new_appointment_works_when_the_database_is_broken(tmp_path, monkeypatch):
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    monkeypatch.setenv("RIGHT_STEPS_DATABASE_URL", f"sqlite:///{broken}")
    at = _session_at()
    assert no_errors(at)
    assert any("Saving is not working" in w for w in messages(at.warning))
    at = press_continue(at)
    at.text_input[0].input("Sam").run()
    at = press_continue(at)
    at.radio[0].set_value(3).run()
    for _ in range(5):
        at = press_continue(at)
    assert title(at) == "Check your plan"
    assert any("Saving is not working" in w for w in messages(at.warning))
    assert not [b for b in at.button if b.key == "save_plan"], "no button that cannot work"
    at.button(key="agree_plan").click().run()
    assert title(at) == "Plan agreed"
    assert appointment(at).answers.preferred_name == "Sam"
    assert at.get("download_button")
    assert no_errors(at)
    assert broken.read_bytes().startswith(b"this is not a database")


def test_a_database_that_breaks_mid_appointment_loses_nothing(private_database):
    at = _answered_session()
    path = private_database.removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TABLE drafts")
    at.radio[0].set_value(4).run()
    assert no_errors(at)
    assert appointment(at).answers.stage == 4
    assert any("not working" in w for w in messages(at.warning))


def test_a_file_opened_while_the_database_is_broken_opens_as_a_new_plan(tmp_path, monkeypatch):
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    monkeypatch.setenv("RIGHT_STEPS_DATABASE_URL", f"sqlite:///{broken}")
    plan = build_plan(Profile(stage=2), default_library()).model_copy(
        update={"reference": "K7TM-9QXA", "version": 1}
    )
    at = _session_at()
    at.file_uploader[0].upload("plan.json", plan.model_dump_json().encode()).run()
    at.button(key="open_by_upload").click().run()
    assert no_errors(at)
    assert title(at) == "How did it go?"
    assert appointment(at).review.plan.reference is None
    assert any("cannot be checked" in i for i in messages(at.info))
