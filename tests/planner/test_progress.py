"""Progress across versions: the word for each life area then and now, and the steps taken."""

import datetime

import pytest

from goal_library.loader import default_library
from goal_library.models import AREA_IDS
from planner.models import Profile, TakenStep
from planner.progress import (
    HARDER_JUST_NOW,
    MOVED_ON,
    THE_SAME,
    change_word,
    stage_history,
    stage_path,
    steps_taken,
    then_and_now,
    version_label,
)
from planner.suggest import build_plan


@pytest.mark.parametrize(
    ("then", "now", "word"),
    [(2, 3, MOVED_ON), (1, 5, MOVED_ON), (3, 3, THE_SAME), (4, 3, HARDER_JUST_NOW)],
)
def test_the_word_for_an_area_compares_then_with_now(then, now, word):
    assert change_word(then, now) == word


def test_the_words_are_kind_and_plain():
    assert (MOVED_ON, THE_SAME, HARDER_JUST_NOW) == ("moved on", "the same", "harder just now")


def test_equal_stages_in_every_area_give_every_area_its_own_row_and_the_same_word():
    history = stage_history([("Plan 1", Profile(stage=3)), ("Now", Profile(stage=3))])
    rows = then_and_now(history)
    assert [row.area for row in rows] == list(AREA_IDS)
    assert {(row.then, row.now, row.word) for row in rows} == {(3, 3, THE_SAME)}


def test_one_version_only_has_nothing_to_compare_so_every_area_is_the_same():
    only = Profile(stage=2, area_stages={"getting_out": 4})
    rows = then_and_now(stage_history([("Plan 1", only)]))
    assert len(rows) == len(AREA_IDS)
    assert all(row.then == row.now and row.word == THE_SAME for row in rows)
    assert next(row.now for row in rows if row.area == "getting_out") == 4


def test_a_stage_going_down_is_harder_just_now_and_leaves_the_other_areas_alone():
    history = stage_history(
        [
            ("Plan 1", Profile(stage=3)),
            ("Now", Profile(stage=3, area_stages={"money_and_home": 1, "getting_out": 4})),
        ]
    )
    words = {row.area: row.word for row in then_and_now(history)}
    assert words.pop("money_and_home") == HARDER_JUST_NOW
    assert words.pop("getting_out") == MOVED_ON
    assert set(words.values()) == {THE_SAME}


def test_only_the_first_and_the_last_point_count():
    history = stage_history(
        [
            ("Plan 1", Profile(stage=2)),
            ("Plan 2", Profile(stage=1)),
            ("Plan 3", Profile(stage=5)),
            ("Now", Profile(stage=2)),
        ]
    )
    assert {row.word for row in then_and_now(history)} == {THE_SAME}


def test_no_points_give_no_rows():
    assert then_and_now([]) == []


def test_the_stage_path_names_every_point_in_order():
    history = stage_history(
        [
            ("Plan 1, 12 Jan 2026", Profile(stage=2)),
            ("Now", Profile(stage=2, area_stages={"getting_out": 3})),
        ]
    )
    assert stage_path(history, "getting_out") == "Plan 1, 12 Jan 2026: stage 2. Now: stage 3."
    assert stage_path(history, "money_and_home") == "Plan 1, 12 Jan 2026: stage 2. Now: stage 2."


def test_a_version_label_can_leave_off_the_year():
    plan = build_plan(Profile(stage=2), default_library()).model_copy(update={"version": 2})
    saved_on = datetime.date(2026, 1, 26)
    assert version_label(plan, saved_on) == "Plan 2, 26 Jan 2026"
    assert version_label(plan, saved_on, with_year=False) == "Plan 2, 26 Jan"
    unsaved = plan.model_copy(update={"version": None, "created_on": None, "reviewed_on": None})
    assert version_label(unsaved, None) == "Last plan"


def test_steps_taken_are_oldest_first_and_never_repeated_across_versions():
    library = default_library()
    early = TakenStep(title="Walk round the block", area="getting_out", done_on=_day(1))
    later = TakenStep(title="Ring the GP", area="health_and_support", done_on=_day(15))
    first = build_plan(Profile(stage=2), library).model_copy(update={"steps_taken": [early]})
    second = first.model_copy(update={"steps_taken": [later, early]})
    today = TakenStep(title="Go to the library", area="learning_and_skills", done_on=_day(20))
    assert steps_taken([first, second], [today]) == [early, later, today]
    assert steps_taken([]) == []


def _day(n: int) -> datetime.date:
    return datetime.date(2026, 1, n)
