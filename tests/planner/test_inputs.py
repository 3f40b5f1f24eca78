"""Untrusted input becomes a model or one plain message, and text is kept exactly as typed."""

from __future__ import annotations

import json

import pytest

from planner.inputs import InputError, json_from_bytes, plan_from_bytes, profile_from_data
from planner.suggest import build_plan

_AWKWARD_TEXT = "  Gwenllïan Llŷr\nO'Brien & <Sons> <b>bold</b> 😊 \t"


def test_free_text_is_kept_exactly_as_typed(library):
    person = profile_from_data(
        {"stage": 1, "preferred_name": "Siân", "hopes": _AWKWARD_TEXT}, library
    )
    assert person.hopes == _AWKWARD_TEXT
    assert person.preferred_name == "Siân"


def test_repeated_ids_are_kept_once_in_order(library):
    person = profile_from_data({"stage": 1, "strengths": ["pet", "kind", "pet"]}, library)
    assert person.strengths == ["pet", "kind"]


def test_a_plan_round_trips_through_json_bytes(library):
    plan = build_plan(profile_from_data({"stage": 3, "hopes": _AWKWARD_TEXT}, library), library)
    raw = json.dumps(plan.model_dump(mode="json"), ensure_ascii=False).encode()
    assert plan_from_bytes(raw, library) == plan


def test_a_plan_with_an_impossible_confidence_is_refused(library):
    plan = build_plan(profile_from_data({"stage": 3}, library), library).model_dump(mode="json")
    plan["steps"][0]["confidence"] = 11
    with pytest.raises(InputError, match=r"steps\.0\.confidence: out of range .*0 to 10"):
        plan_from_bytes(json.dumps(plan).encode(), library)


def test_a_profile_is_not_a_plan(library):
    with pytest.raises(InputError, match="profile: missing"):
        plan_from_bytes(b'{"stage": 2}', library)


@pytest.mark.parametrize(
    "raw",
    [b"{" * 100_000, b"\xff\xfe\x00\x00", b"   \n ", b"x" * 2_000_001],
)
def test_hostile_bytes_get_a_plain_message(raw):
    with pytest.raises(InputError):
        json_from_bytes(raw, "plan")


def test_a_byte_order_mark_is_accepted():
    assert json_from_bytes(b'\xef\xbb\xbf{"stage": 1}', "profile") == {"stage": 1}
