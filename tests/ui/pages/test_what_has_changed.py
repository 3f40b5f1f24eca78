"""At a review: what has changed about the person, and a very hard time that may lapse."""

import datetime

from goal_library.loader import default_library
from planner.models import Profile
from planner.suggest import build_plan
from tests.ui.apptest import answers, app_on_page, key, no_errors, open_expander, title

TODAY = datetime.date.today()


def _reviewing(**profile):
    plan = build_plan(Profile(stage=2, preferred_name="Sam", **profile), default_library())
    fields = {k: v for k, v in plan.profile.model_dump().items()}
    return app_on_page(3, review=plan, **fields), plan


def test_the_person_can_change_aims_work_and_what_makes_things_harder():
    at, _ = _reviewing()
    assert no_errors(at)
    assert title(at) == "What has changed"
    # Closed, the parts draw nothing but their labels.
    assert not at.checkbox
    at = open_expander(at, "changed_harder")
    at.checkbox(key=key(at, "barriers_debts")).check().run()
    assert "debts" in answers(at).barriers
    at = open_expander(at, "changed_aims")
    at.radio(key=key(at, "work_situation")).set_value("in_work").run()
    assert answers(at).work_situation == "in_work"
    at.number_input(key=key(at, "work_hours")).set_value(16).run()
    assert answers(at).work_hours == 16


def test_a_very_hard_time_past_eight_weeks_is_named_and_can_be_renewed():
    noted = TODAY - datetime.timedelta(days=60)
    at, _ = _reviewing(barriers=["recent_crisis"], crisis_noted_on=noted)
    said = " ".join(n.value for n in at.info)
    assert "more than 8 weeks ago" in said
    at.button(key="renew_crisis").click().run()
    assert answers(at).crisis_noted_on == TODAY
    assert "more than 8 weeks ago" not in " ".join(n.value for n in at.info)
    assert no_errors(at)


def test_ticking_a_very_hard_time_dates_it_and_unticking_clears_the_date():
    at, _ = _reviewing()
    at = open_expander(at, "changed_harder")
    at.checkbox(key=key(at, "barriers_recent_crisis")).check().run()
    assert answers(at).crisis_noted_on == TODAY
    at.checkbox(key=key(at, "barriers_recent_crisis")).uncheck().run()
    assert answers(at).crisis_noted_on is None
