"""Purging old plans and expired drafts deletes exactly what it should."""

from __future__ import annotations

import datetime

import pytest

from planner.inputs import InputError
from store.errors import BadDraft, UnknownReference
from tests.store.conftest import make_plan

NOW = datetime.datetime(2026, 11, 23, 12, 0, tzinfo=datetime.UTC)


def days_ago(days: float) -> datetime.datetime:
    return NOW - datetime.timedelta(days=days)


def test_purge_deletes_plans_whose_latest_version_is_older_and_keeps_the_rest(store, library):
    old = store.save(make_plan(library), now=days_ago(400))
    also_old = store.save(make_plan(library), now=days_ago(500))
    store.save(make_plan(library), also_old.reference, now=days_ago(366))
    revived = store.save(make_plan(library, note="old"), now=days_ago(400))
    store.save(make_plan(library, note="recent"), revived.reference, now=days_ago(10))
    recent = store.save(make_plan(library), now=days_ago(364))
    on_the_line = store.save(make_plan(library), now=days_ago(365))

    assert store.purge(365, now=NOW) == 2

    for gone in (old, also_old):
        with pytest.raises(UnknownReference):
            store.versions(gone.reference)
    assert [v.plan.notes for v in store.versions(revived.reference)] == [["old"], ["recent"]]
    assert store.latest(recent.reference).version == 1
    assert store.latest(on_the_line.reference).version == 1
    assert store.purge(365, now=NOW) == 0
    assert store.purge(9, now=NOW) == 3


def test_purge_counts_plans_not_versions(store, library):
    first = store.save(make_plan(library), now=days_ago(40))
    for _ in range(4):
        store.save(make_plan(library), first.reference, now=days_ago(35))
    assert store.purge(30, now=NOW) == 1


@pytest.mark.parametrize("days", [-1, 1.5, "30", True])
def test_purge_refuses_a_number_of_days_that_is_not_whole_and_positive(store, days):
    with pytest.raises(InputError):
        store.purge(days)


def test_a_draft_is_kept_until_it_expires(store):
    store.save_draft("session-1", {"stage": 2, "name": "Sam"}, now=NOW)
    assert store.load_draft("session-1", now=NOW + datetime.timedelta(hours=11, minutes=59)) == {
        "stage": 2,
        "name": "Sam",
    }
    assert store.load_draft("session-1", now=NOW + datetime.timedelta(hours=12)) is None
    assert store.load_draft("no-such-draft", now=NOW) is None


def test_saving_a_draft_again_replaces_it_and_starts_its_lifetime_again(store):
    store.save_draft("session-1", {"step": 1}, now=NOW)
    later = NOW + datetime.timedelta(hours=10)
    store.save_draft("session-1", {"step": 2}, now=later)
    assert store.load_draft("session-1", now=NOW + datetime.timedelta(hours=20)) == {"step": 2}
    assert store.purge_drafts(now=NOW + datetime.timedelta(hours=20)) == 0
    assert store.purge_drafts(now=later + datetime.timedelta(hours=12)) == 1


def test_purge_drafts_deletes_exactly_the_expired_ones(store):
    store.save_draft("short", {"n": 1}, lifetime=datetime.timedelta(hours=1), now=NOW)
    store.save_draft("default", {"n": 2}, now=NOW)
    store.save_draft("long", {"n": 3}, lifetime=datetime.timedelta(days=2), now=NOW)
    assert store.purge_drafts(now=NOW + datetime.timedelta(hours=2)) == 1
    assert store.load_draft("default", now=NOW) == {"n": 2}
    assert store.purge_drafts(now=NOW + datetime.timedelta(hours=13)) == 1
    assert store.load_draft("long", now=NOW) == {"n": 3}
    assert store.purge_drafts(now=NOW + datetime.timedelta(days=3)) == 1
    assert store.purge_drafts(now=NOW + datetime.timedelta(days=3)) == 0


def test_the_draft_lifetime_comes_from_the_setting(store, monkeypatch):
    monkeypatch.setenv("RIGHT_STEPS_DRAFT_HOURS", "1")
    store.save_draft("session-1", {"n": 1}, now=NOW)
    assert store.load_draft("session-1", now=NOW + datetime.timedelta(minutes=59)) == {"n": 1}
    assert store.load_draft("session-1", now=NOW + datetime.timedelta(minutes=61)) is None


def test_closing_a_draft_removes_it_and_closing_it_again_is_fine(store):
    store.save_draft("session-1", {"n": 1}, now=NOW)
    store.close_draft("session-1")
    store.close_draft("session-1")
    assert store.load_draft("session-1", now=NOW) is None


def test_times_in_other_zones_mean_the_same_moment(store):
    tokyo = datetime.timezone(datetime.timedelta(hours=9))
    store.save_draft("session-1", {"n": 1}, now=NOW.astimezone(tokyo))
    assert store.load_draft("session-1", now=NOW + datetime.timedelta(hours=11)) == {"n": 1}
    assert store.load_draft("session-1", now=NOW + datetime.timedelta(hours=13)) is None


@pytest.mark.parametrize(
    ("draft_id", "payload"),
    [("", {}), ("x" * 101, {}), (None, {}), ("ok", ["not", "a", "mapping"]), ("ok", {"x": {1}})],
)
def test_a_draft_that_cannot_be_kept_is_refused_plainly(store, draft_id, payload):
    with pytest.raises(BadDraft) as caught:
        store.save_draft(draft_id, payload)
    assert "\n" not in str(caught.value)
