"""The printed plan's words: the help-now lines."""

from __future__ import annotations

from goal_library.models import Signpost
from planner.document import help_now_line


def test_a_help_now_line_gives_its_hours_and_the_line_for_other_times():
    common = {"last_checked": "2026-12-01", "verified": True}
    any_time = Signpost(
        id="all_night",
        name="All Night Line",
        contact="Call 100",
        how="Any time.",
        hours="Any time",
        any_time=True,
        free_with_no_credit=True,
        **common,
    )
    evening = Signpost(
        id="evening",
        name="Evening Line",
        contact="Call 200",
        how="To talk in Welsh.",
        hours="7pm to 11pm every day",
        at_other_times="all_night",
        text_relay="Textphone: 18001 200",
        **common,
    )
    by_id = {"all_night": any_time, "evening": evening}
    line = help_now_line(evening, by_id)
    assert "Open: 7pm to 11pm every day." in line
    assert "At other times: All Night Line, call 100." in line
    assert "Textphone: 18001 200." in line
    assert "Free from any phone, even with no credit." in help_now_line(any_time, by_id)
    assert "Open:" not in help_now_line(any_time, by_id)
