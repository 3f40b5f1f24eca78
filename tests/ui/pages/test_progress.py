"""Your progress: the steps taken first, then each life area then and now, then a small chart
for every area."""

import datetime
import json

from goal_library.loader import default_library
from goal_library.models import AREA_IDS
from planner.models import Profile, TakenStep
from planner.review import review_plan
from planner.suggest import build_plan
from store.plans import PlanStore
from tests.ui.apptest import app_on_page, no_errors, title
from ui.appointment import Answers, Appointment, Review
from ui.labels import AREA_LABELS

AREAS_IN_ORDER = [AREA_LABELS[area] for area in AREA_IDS]

PROGRESS_PAGE = 4
THEN_AND_NOW_COLUMNS = ["Part of life", "Then", "Now", "Since then"]
MARKED_UP_TITLE = "Rang *Mam* & <b>the GP</b> [here](https://example.org)"


def _reviewing(plan, **answers):
    """The progress page for a plan under review (one that was never saved), with the answers
    given at this appointment."""
    at = app_on_page(0)
    at.session_state["appointment"] = Appointment.new(
        page=PROGRESS_PAGE, answers=Answers(**answers), review=Review(plan=plan)
    )
    return at.run()


def _then_and_now(at):
    table = at.table[0].value
    assert list(table.columns) == THEN_AND_NOW_COLUMNS
    return {
        row["Part of life"]: (row["Then"], row["Now"], row["Since then"])
        for _, row in table.iterrows()
    }


def _charts(at):
    return list(at.get("arrow_vega_lite_chart")) + list(at.get("vega_lite_chart"))


def _chart_titles(at):
    return [json.loads(chart.proto.spec)["title"]["text"] for chart in _charts(at)]


def test_progress_shows_steps_then_and_now_and_a_chart_for_every_area_across_versions(
    private_database,
):
    library = default_library()
    store = PlanStore(private_database, library=library)
    first = build_plan(Profile(stage=2), library)
    saved = store.save(first, now=datetime.datetime(2024, 11, 23, 10, tzinfo=datetime.UTC))
    second = review_plan(
        saved.plan,
        {first.steps[0].id: "done"},
        library,
        datetime.date(2024, 12, 7),
        stage=3,
    )
    store.save(
        second,
        reference=saved.reference,
        now=datetime.datetime(2024, 12, 7, 10, tzinfo=datetime.UTC),
    )
    latest = store.latest(saved.reference)
    at = app_on_page(0)
    at.session_state["appointment"] = Appointment.new(
        page=PROGRESS_PAGE,
        answers=Answers(stage=4),
        review=Review(plan=latest, outcomes={latest.steps[0].id: "done"}),
    )
    at.run()
    assert no_errors(at)
    assert title(at) == "Your progress"
    assert [h.value for h in at.header] == [
        "Steps you've taken",
        "Then and now",
        "Each part of life over time",
    ]

    steps = " ".join(m.value for m in at.markdown)
    assert f"{first.steps[0].title.split()[0]}" in steps
    assert "(7 December 2024)" in steps
    assert f"{latest.steps[0].title.split()[0]}" in steps and "(today)" in steps

    assert "**Then** is Plan 1, 23 Nov 2024. **Now** is today." in [m.value for m in at.markdown]
    assert _then_and_now(at)["Health and support"] == (2, 4, "moved on")

    assert _chart_titles(at) == AREAS_IN_ORDER
    every_plan = at.table[1].value
    assert list(every_plan.columns) == ["Plan 1, 23 Nov 2024", "Plan 2, 07 Dec 2024", "Now"]
    assert list(every_plan.loc["Health and support"]) == [2, 3, 4]


def test_equal_stages_in_every_area_still_draw_every_area_apart():
    plan = build_plan(Profile(stage=3), default_library())
    at = _reviewing(plan, stage=3)
    assert no_errors(at)
    rows = _then_and_now(at)
    assert list(rows) == AREAS_IN_ORDER
    assert set(rows.values()) == {(3, 3, "the same")}
    charts = _charts(at)
    assert _chart_titles(at) == AREAS_IN_ORDER
    for chart, label in zip(charts, AREAS_IN_ORDER, strict=True):
        assert chart.proto.alt.startswith(f"{label}. ")
        assert chart.proto.alt.endswith("Now: stage 3.")


def test_a_stage_going_down_is_called_harder_just_now():
    plan = build_plan(Profile(stage=3), default_library())
    at = _reviewing(plan, stage=3, area_stages={"money_and_home": 2, "getting_out": 5})
    assert no_errors(at)
    rows = _then_and_now(at)
    assert rows["Money and home"] == (3, 2, "harder just now")
    assert rows["Getting out"] == (3, 5, "moved on")
    assert rows["People and connection"] == (3, 3, "the same")
    assert "harder just now" in " ".join(m.value for m in at.markdown)


def test_with_one_plan_and_no_answers_yet_there_is_nothing_to_compare():
    plan = build_plan(Profile(stage=2), default_library())
    at = _reviewing(plan)
    assert no_errors(at)
    assert any("only one plan so far" in m.value for m in at.markdown)
    assert set(_then_and_now(at).values()) == {(2, 2, "the same")}
    assert len(_charts(at)) == len(AREA_IDS)
    assert "Your first steps will show here" in " ".join(m.value for m in at.markdown)


def test_step_titles_are_shown_as_typed_never_as_markup():
    taken = TakenStep(title=MARKED_UP_TITLE, area="getting_out", done_on=datetime.date(2024, 3, 2))
    plan = build_plan(Profile(stage=2), default_library()).model_copy(
        update={"steps_taken": [taken]}
    )
    at = _reviewing(plan, stage=2)
    assert no_errors(at)
    listed = next(m for m in at.markdown if "Rang" in m.value)
    assert r"\*Mam\*" in listed.value and r"\<b\>" in listed.value and r"\[here\]" in listed.value
    assert "(2 March 2024)" in listed.value
    assert not any(m.proto.allow_html for m in at.markdown)
