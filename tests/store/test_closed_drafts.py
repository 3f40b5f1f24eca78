"""Finishing an appointment closes its draft id for good: nothing can write it back."""

from __future__ import annotations

import datetime

import pytest

from store import settings
from store.errors import DraftClosed

NOW = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.UTC)


def test_a_closed_draft_is_gone_and_can_never_be_written_again(store):
    store.save_draft("tab-one-appointment", {"answers": {"hopes": "Walk more"}}, now=NOW)
    store.close_draft("tab-one-appointment", now=NOW)
    assert store.load_draft("tab-one-appointment", now=NOW) is None
    assert store.draft_is_closed("tab-one-appointment")
    with pytest.raises(DraftClosed):
        store.save_draft("tab-one-appointment", {"answers": {"hopes": "again"}}, now=NOW)
    assert store.load_draft("tab-one-appointment", now=NOW) is None


def test_closing_keeps_none_of_the_answers(store):
    store.save_draft("an-appointment-id", {"answers": {"hopes": "private words"}}, now=NOW)
    store.close_draft("an-appointment-id", now=NOW)
    exported = repr(store.load_draft("an-appointment-id", now=NOW))
    assert "private words" not in exported
    from sqlalchemy import text

    with store._engine.connect() as connection:
        payloads = connection.execute(text("SELECT payload FROM drafts")).scalars().all()
    assert payloads == [""]


def test_a_draft_never_kept_can_be_closed_too(store):
    store.close_draft("never-kept-appointment", now=NOW)
    with pytest.raises(DraftClosed):
        store.save_draft("never-kept-appointment", {"page": 1}, now=NOW)


def test_a_closed_id_stays_closed_longer_than_any_draft_lives_then_goes(store):
    store.close_draft("closed-appointment", now=NOW)
    lifetime = settings.closed_draft_lifetime()
    assert lifetime >= settings.draft_lifetime()
    assert store.purge_drafts(now=NOW + lifetime - datetime.timedelta(minutes=1)) == 0
    assert store.draft_is_closed("closed-appointment")
    assert store.purge_drafts(now=NOW + lifetime) == 1
    assert not store.draft_is_closed("closed-appointment")


def test_an_open_draft_is_not_closed(store):
    store.save_draft("open-appointment", {"page": 2}, now=NOW)
    assert not store.draft_is_closed("open-appointment")
    assert not store.draft_is_closed("no-such-appointment")
