import datetime

from goal_library.loader import default_library
from planner.models import Profile
from planner.review import review_plan
from planner.suggest import build_plan
from store.plans import PlanStore
from tests.ui.apptest import app_on_page, no_errors, title
from ui.appointment import Answers, Appointment, Review


def test_progress_shows_stages_across_versions_with_their_dates_and_the_steps_taken(
    private_database,
):
    library = default_library()
    store = PlanStore(private_database, library=library)
    first = build_plan(Profile(stage=2), library)
    saved = store.save(first, now=datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC))
    second = review_plan(
        saved.plan,
        {first.steps[0].id: "done"},
        library,
        datetime.date(2026, 12, 7),
        stage=3,
    )
    store.save(
        second,
        reference=saved.reference,
        now=datetime.datetime(2026, 12, 7, 10, tzinfo=datetime.UTC),
    )
    latest = store.latest(saved.reference)
    at = app_on_page(0)
    at.session_state["appointment"] = Appointment.new(
        page=4,
        answers=Answers(stage=4),
        review=Review(plan=latest, outcomes={latest.steps[0].id: "done"}),
    )
    at.run()
    assert no_errors(at)
    assert title(at) == "Your progress"
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")
    table = at.table[0].value
    assert list(table.columns) == ["Plan 1, 23 Nov 2026", "Plan 2, 07 Dec 2026", "Now"]
    assert list(table.loc["Health and support"]) == [2, 3, 4]
    steps = " ".join(m.value for m in at.markdown)
    assert first.steps[0].title.split()[0] in steps
    assert latest.steps[0].title.split()[0] in steps
