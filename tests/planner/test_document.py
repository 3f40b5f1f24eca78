"""The printed plan's words: the help-now lines."""

from __future__ import annotations

import datetime

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


def test_the_help_now_section_says_where_to_find_a_phone_in_the_persons_nation(library):
    from planner.document import plan_sections
    from planner.suggest import build_plan
    from tests.conftest import profile

    def help_now(nation):
        plan = build_plan(profile(nation=nation), library)
        sections = plan_sections(plan, library, datetime.date(2026, 12, 7))
        return " ".join(
            next(s for s in sections if s.heading == "Where to get help now").paragraphs
        )

    assert "Jobs and Benefits office" in help_now("northern_ireland")
    assert "the Jobcentre" in help_now("wales")
