"""Saving a plan from the last page, and opening it again from the start page.

A file is evidence, not authority: what it holds is checked like typed input, and the plan
reference inside it only counts when the store holds that very version.
"""

import datetime
import json

import pytest

from goal_library.loader import default_library
from planner.models import Profile
from planner.pdf import render_pdf
from planner.suggest import build_plan
from store.plans import PlanStore
from tests.ui.apptest import app_on_page, appointment, key, messages, no_errors, the_plan, title
from ui.text import WORD_JOINER

MADE_ON = datetime.date(2026, 12, 1)


@pytest.fixture
def store(private_database):
    with PlanStore(private_database, library=default_library()) as opened:
        yield opened


def _agreed_app():
    plan = build_plan(Profile(stage=3, preferred_name="Sam"), default_library())
    return app_on_page(7, stage=3, preferred_name="Sam", plan=plan)  # Check your plan


def _upload(at, name: str, content: bytes):
    at.file_uploader[0].upload(name, content).run()
    at.button(key="open_by_upload").click().run()
    return at


def test_save_gives_a_reference_and_changes_save_as_a_new_version(store):
    at = _agreed_app()
    at.button(key="save_plan").click().run()
    plan = the_plan(at)
    assert plan.reference and plan.version == 1
    assert title(at) == "Plan agreed"
    assert any(m.value == f"**{plan.reference.replace('-', chr(92) + '-')}**" for m in at.markdown)
    assert [v.version for v in store.versions(plan.reference)] == [1]
    changed = plan.model_copy(update={"review_on": datetime.date(2027, 1, 4)})
    at.session_state["appointment"] = appointment(at).model_copy(
        update={"plan": changed, "page": 7}
    )
    at.run()
    assert at.button(key="save_plan").label == "Save changes and agree"
    at.button(key="save_plan").click().run()
    assert [v.version for v in store.versions(plan.reference)] == [1, 2]


def test_open_by_reference_starts_a_review(store):
    saved = store.save(build_plan(Profile(stage=2, hopes="Walk"), default_library()))
    at = app_on_page(0)
    at.text_input(key=key(at, "open_reference")).input(saved.reference.lower().replace("-", " "))
    at.button(key="open_by_reference").click().run()
    assert no_errors(at)
    assert title(at) == "How did it go?"
    assert appointment(at).answers.hopes == "Walk"
    assert appointment(at).review.plan.reference == saved.reference


def test_opening_a_plan_never_brings_in_answers_from_the_appointment_before(store):
    library = default_library()
    theirs = build_plan(Profile(stage=2, preferred_name="Ann"), library)
    step = theirs.steps[0]
    theirs = theirs.model_copy(
        update={"steps": [step.model_copy(update={"when": "Tuesdays"}), *theirs.steps[1:]]}
    )
    saved = store.save(theirs)
    # An earlier appointment in the same session typed "Mondays" for a step with the same id.
    at = app_on_page(6, stage=2, plan=build_plan(Profile(stage=2), library))
    at.text_input(key=key(at, f"step_{step.id}_when")).input("Mondays").run()
    at.session_state["appointment"] = appointment(at).model_copy(update={"page": 0})
    at.run()
    at.text_input(key=key(at, "open_reference")).input(saved.reference)
    at.button(key="open_by_reference").click().run()
    assert appointment(at).answers.preferred_name == "Ann"
    reviewed = appointment(at).review.plan
    assert reviewed.steps[0].when == "Tuesdays"
    assert not [k for k in at.session_state if str(k).endswith("~0")]


def test_a_national_insurance_number_is_refused_with_the_reason():
    at = app_on_page(0)
    at.text_input(key=key(at, "open_reference")).input("QQ 12 34 56 C").run()
    at.button(key="open_by_reference").click().run()
    assert title(at) == "Right Steps"
    assert "National Insurance number" in messages(at.error)[0]


def test_an_unknown_reference_gets_a_plain_message():
    at = app_on_page(0)
    at.text_input(key=key(at, "open_reference")).input("ABCD-EFGH").run()
    at.button(key="open_by_reference").click().run()
    assert title(at) == "Right Steps"
    assert at.error and "no saved plan with the reference ABCD-EFGH" in messages(at.error)[0]


def test_a_saved_pdf_opens_the_same_plan_and_keeps_its_place_in_the_history(store):
    library = default_library()
    saved = store.save(build_plan(Profile(stage=3, preferred_name="Sam"), library))
    pdf = render_pdf(saved.plan, library, MADE_ON)
    at = _upload(app_on_page(0), "plan.pdf", pdf)
    assert no_errors(at)
    assert title(at) == "How did it go?"
    assert appointment(at).review.plan.reference == saved.reference


def test_a_file_with_someone_elses_reference_opens_as_a_new_plan(store):
    library = default_library()
    other = store.save(build_plan(Profile(stage=2, preferred_name="Other person"), library))
    mine = build_plan(Profile(stage=4, preferred_name="Me"), library).model_copy(
        update={"reference": other.reference, "version": 1}
    )
    at = _upload(app_on_page(0), "plan.json", mine.model_dump_json().encode())
    assert title(at) == "How did it go?"
    assert appointment(at).review.plan.reference is None
    assert any("does not match a plan saved here" in i for i in messages(at.info))
    assert [v.version for v in store.versions(other.reference)] == [1]


def test_a_file_naming_a_reference_that_was_never_saved_opens_as_a_new_plan(store):
    plan = build_plan(Profile(stage=2), default_library()).model_copy(
        update={"reference": "K7TM-9QXA", "version": 3}
    )
    at = _upload(app_on_page(0), "plan.json", plan.model_dump_json().encode())
    assert appointment(at).review.plan.reference is None
    assert no_errors(at)


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"reference": "AB23-4567"}, "National Insurance number"),
        ({"reference": "not a ref"}, "is not a plan reference"),
        ({"steps": "duplicate"}, "two steps with the id"),
        ({"notes": ["x"] * 11}, "too many items"),
        ({"steps": "reason"}, "too long"),
    ],
)
def test_a_file_is_checked_like_typed_input(change, says):
    plan = build_plan(Profile(stage=3), default_library())
    data = plan.model_dump(mode="json")
    if change.get("steps") == "duplicate":
        data["steps"] = [data["steps"][0], data["steps"][0]]
    elif change.get("steps") == "reason":
        data["steps"][0]["reasons"] = ["x" * 1_000_000]
    else:
        data.update(change)
    at = _upload(app_on_page(0), "plan.json", json.dumps(data).encode())
    assert title(at) == "Right Steps"
    assert says in messages(at.error)[0]
    assert no_errors(at)


def test_markup_in_an_uploaded_file_is_shown_as_plain_text():
    data = build_plan(Profile(stage=2), default_library()).model_dump(mode="json")
    data["profile"]["strengths"] = [
        "[click me](https://example.org)",
        "![x](https://example.org/pixel.png)",
        "<img src=x onerror=alert(1)>",
    ]
    at = _upload(app_on_page(0), "plan.json", json.dumps(data).encode())
    # The markdown source: every mark is escaped, and a joiner keeps addresses from linking.
    message = at.error[0].value.replace(WORD_JOINER, "")
    assert r"\[click me\]\(https\:" in message
    assert r"\!\[x\]\(https\:" in message
    assert r"\<img src\=x" in message
    assert "](https" not in message.replace("\\]\\(", "")


def test_a_broken_pdf_gets_a_plain_message():
    at = _upload(app_on_page(0), "plan.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF")
    assert title(at) == "Right Steps"
    assert "damaged" in messages(at.error)[0] or "no Right Steps plan" in messages(at.error)[0]
    assert no_errors(at)


def test_a_genuine_saved_file_joins_its_own_history_when_the_review_is_saved(store):
    library = default_library()
    saved = store.save(build_plan(Profile(stage=3, preferred_name="Sam"), library))
    at = _upload(app_on_page(0), "plan.pdf", render_pdf(saved.plan, library, MADE_ON))
    review = appointment(at).review
    outcomes = {step.id: "done" for step in review.plan.steps}
    at.session_state["appointment"] = appointment(at).model_copy(
        update={"review": review.model_copy(update={"outcomes": outcomes}), "page": 5}
    )
    at.run()  # the suggested steps for the review are built
    at.session_state["appointment"] = appointment(at).model_copy(update={"page": 7})
    at.run()
    at.button(key="save_plan").click().run()
    assert no_errors(at)
    assert the_plan(at).reference == saved.reference
    assert [v.version for v in store.versions(saved.reference)] == [1, 2]
