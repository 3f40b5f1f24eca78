"""How long the app takes to rerun each page (Streamlit AppTest, no browser)."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from goal_library.loader import load_library
from planner.models import Profile
from planner.suggest import build_plan
from ui.appointment import Answers, Appointment
from ui.flow import PAGES

_APP = str(Path(__file__).resolve().parents[1] / "app.py")


def report(repeats: int = 10) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        # Drafts go to a throwaway database, never the project's own.
        os.environ["RIGHT_STEPS_DATABASE_URL"] = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        try:
            return _rerun_times(repeats)
        finally:
            del os.environ["RIGHT_STEPS_DATABASE_URL"]


def _rerun_times(repeats: int) -> list[str]:
    plan = build_plan(Profile(stage=3, strengths=["animals"]), load_library())
    lines = []
    for index, page in enumerate(PAGES):
        at = AppTest.from_file(_APP, default_timeout=60)
        at.session_state["appointment"] = Appointment.new(
            page=index, answers=Answers(stage=3, strengths=["animals"]), plan=plan
        )
        at.run()
        samples = []
        for _ in range(repeats):
            start = time.perf_counter()
            at.run()
            samples.append(time.perf_counter() - start)
        lines.append(f"app rerun, {page.TITLE}: median {statistics.median(samples) * 1000:.0f} ms")
    return lines
