import datetime

from goal_library.loader import default_library
from planner.models import Profile
from planner.review import review_plan
from planner.suggest import build_plan
from store import PlanStore
from tests.ui.apptest import app_on_page, no_errors, title
from ui.review_state import outcome_key


def test_progress_shows_stages_across_versions_and_the_steps_taken(private_database):
    library = default_library()
    store = PlanStore(private_database)
    first = build_plan(Profile(stage=2), library)
    saved = store.save(first)
    second = review_plan(
        first.model_copy(update={"reference": saved.reference}),
        {first.steps[0].id: "done"},
        library,
        datetime.date(2026, 12, 7),
        stage=3,
    )
    store.save(second, reference=saved.reference)
    latest = store.latest(saved.reference)
    state = {"review_of": latest, "answer_stage": 4, outcome_key(latest.steps[0].id): "done"}
    at = app_on_page(3, **state)
    assert no_errors(at)
    assert title(at) == "Your progress"
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")
    table = at.table[0].value
    assert list(table.columns) == ["Plan 1, 23 Nov 2026", "Plan 2, 07 Dec 2026", "Now"] or (
        list(table.columns)[-1] == "Now" and len(table.columns) == 3
    )
    assert list(table.loc["Health and support"]) == [2, 3, 4]
    steps = " ".join(m.value for m in at.markdown)
    assert first.steps[0].title.split()[0] in steps
    assert latest.steps[0].title.split()[0] in steps
