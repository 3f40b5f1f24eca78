"""Dates a plan names: a review falls on a weekday, when the Jobcentre is open."""

from __future__ import annotations

import datetime

_SATURDAY = 5


def is_weekday(day: datetime.date) -> bool:
    return day.weekday() < _SATURDAY


def on_a_weekday(day: datetime.date) -> datetime.date:
    """The day itself, or the Monday after it when it falls at a weekend."""
    while not is_weekday(day):
        day += datetime.timedelta(days=1)
    return day


def default_review_date(today: datetime.date, after_days: int) -> datetime.date:
    """`after_days` from today, moved on to a weekday."""
    return on_a_weekday(today + datetime.timedelta(days=after_days))
