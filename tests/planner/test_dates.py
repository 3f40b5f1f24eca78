"""Review dates fall on weekdays."""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from planner.dates import default_review_date, is_weekday, on_a_weekday


def test_a_weekend_moves_on_to_the_monday():
    saturday = datetime.date(2026, 12, 19)
    assert on_a_weekday(saturday) == datetime.date(2026, 12, 21)
    assert on_a_weekday(saturday + datetime.timedelta(days=1)) == datetime.date(2026, 12, 21)
    assert on_a_weekday(datetime.date(2026, 12, 18)) == datetime.date(2026, 12, 18)


@given(st.dates(min_value=datetime.date(2020, 1, 1), max_value=datetime.date(2090, 1, 1)))
def test_the_default_review_date_is_a_weekday_two_to_four_days_from_the_fortnight(today):
    day = default_review_date(today, 14)
    assert is_weekday(day)
    assert 14 <= (day - today).days <= 16
