"""Any plan the edit functions make can be saved and opened again, exactly as it was.

The same random sequences of edits as tests/planner/test_edit_sequences.py, with a save to a
real SQLite database and a reopen after every edit.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis.stateful import invariant

from goal_library.loader import default_library
from store.plans import PlanStore
from tests.planner.test_edit_sequences import PlanEditing

_FOLDER = tempfile.TemporaryDirectory(prefix="right-steps-edits-")
_STORE = PlanStore(f"sqlite:///{Path(_FOLDER.name) / 'edits.sqlite3'}", library=default_library())
_KEPT_APART = {"reference", "version", "created_on"}


class EditedPlansSaveAndReopen(PlanEditing):
    @invariant()
    def the_plan_saves_and_reopens_unchanged(self):
        saved = _STORE.save(self.plan)
        reopened = _STORE.latest(saved.reference)
        assert reopened.model_dump(exclude=_KEPT_APART) == self.plan.model_dump(exclude=_KEPT_APART)
        assert reopened == saved.plan


EditedPlansSaveAndReopen.TestCase.settings = settings(
    max_examples=25,
    stateful_step_count=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_edited_plans_save_and_reopen = EditedPlansSaveAndReopen.TestCase
