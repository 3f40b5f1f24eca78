"""A team's local library (RIGHT_STEPS_LOCAL_LIBRARY): merged over the national one, checked by
the same lint, shown like any other step in the draft, the printed plan and a review."""

from __future__ import annotations

import datetime
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from goal_library.lint import lint_library
from goal_library.loader import LOCAL_LIBRARY_SETTING, LibraryError, load_library
from planner.models import Profile
from planner.pdf import render_pdf
from planner.review import review_plan
from planner.suggest import build_plan
from tests.conftest import ROOT

EXAMPLE = ROOT / "docs" / "local-library-example"
LOCAL_STEP = "go_to_the_anytown_shed_open_morning"
SOURCE = {
    "title": "Our own page",
    "url": "https://example.org/our-page",
    "says": "What the page says",
    "checked_on": "2026-12-07",
}


@pytest.fixture
def local(tmp_path: Path) -> Path:
    target = tmp_path / "local"
    shutil.copytree(EXAMPLE, target)
    return target


def _person() -> Profile:
    return Profile(
        preferred_name="Sam",
        stage=3,
        aims=["meet_people"],
        strengths=["practical_diy"],
        barriers=["no_support_network"],
    )


def _problems(local_dir: Path) -> list[str]:
    with pytest.raises(LibraryError) as caught:
        load_library(local_dir=local_dir)
    return caught.value.problems


def _write_steps(local_dir: Path, *steps: dict) -> None:
    path = local_dir / "steps" / "people_and_connection.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    document["steps"].extend(steps)
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")


def test_the_example_folder_merges_cleanly_and_its_step_leads_its_family():
    library = load_library(local_dir=EXAMPLE)
    assert library.step(LOCAL_STEP).local
    assert lint_library(library).problems == []
    plan = build_plan(_person(), library)
    assert plan.steps[0].id == LOCAL_STEP
    assert "anytown_crisis_cafe" in [s.id for s in plan.signposts]


def test_a_local_step_is_printed_and_reviewed_like_any_other():
    library = load_library(local_dir=EXAMPLE)
    plan = build_plan(_person(), library)
    text = " ".join(
        page.extract_text()
        for page in PdfReader(
            io.BytesIO(render_pdf(plan, library, datetime.date(2026, 12, 7)))
        ).pages
    )
    assert "Anytown Shed" in text and "Anytown Crisis Cafe" in text
    reviewed = review_plan(plan, {LOCAL_STEP: "done"}, library, datetime.date(2026, 12, 20))
    assert LOCAL_STEP not in [s.id for s in reviewed.steps]
    assert "join_a_hobby_club" in [s.id for s in reviewed.steps], "its next step follows"


def test_a_local_step_with_a_national_id_is_a_clash_unless_it_says_it_replaces(local):
    national = load_library()
    taken = national.steps_in("people_and_connection")[0]
    copy = taken.model_dump(mode="json", exclude={"area", "local"}, exclude_defaults=True)
    copy.update(title="Ring the Anytown befriending line", sources=[SOURCE])
    _write_steps(local, copy)
    assert any(
        f"local library steps/people_and_connection.yaml: {taken.id}: the national library" in p
        for p in _problems(local)
    )
    path = local / "steps" / "people_and_connection.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    document["steps"][-1]["replaces"] = True
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    corrected = load_library(local_dir=local).step(taken.id)
    assert corrected.title == "Ring the Anytown befriending line" and corrected.local


def test_a_local_step_needs_a_source(local):
    path = local / "steps" / "people_and_connection.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    del document["steps"][0]["sources"]
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    assert any(f"{LOCAL_STEP}: field 'sources'" in p for p in _problems(local))


def test_a_local_contact_with_a_national_id_corrects_it(local):
    contact = {
        "id": "nhs_111_england",
        "name": "NHS 111",
        "contact": "Call 111 and choose the mental health option",
        "how": "For urgent help with your mental health in Anytown.",
        "hours": "Any time, day or night",
        "any_time": True,
        "last_checked": "2026-12-07",
        "verified": True,
        "sources": [SOURCE],
    }
    (local / "signposts.yaml").write_text(yaml.safe_dump({"england": [contact]}), "utf-8")
    england = load_library(local_dir=local).signposts.england
    assert [c.id for c in england].count("nhs_111_england") == 1
    assert "Anytown" in england[0].how


def test_wrong_files_in_a_local_folder_are_named(local, tmp_path):
    (local / "notes.yaml").write_text("x: 1\n", encoding="utf-8")
    (local / "steps" / "gardening.yaml").write_text("steps: []\n", encoding="utf-8")
    problems = _problems(local)
    assert any("'notes.yaml' is not read" in p for p in problems)
    assert any("steps/gardening.yaml: not a life area id" in p for p in problems)
    assert any("is not a folder" in p for p in _problems(tmp_path / "missing"))


def test_the_setting_reaches_the_command_line_and_a_broken_folder_exits_with_one_line(local):
    env = {**os.environ, LOCAL_LIBRARY_SETTING: str(EXAMPLE)}
    command = [sys.executable, "-m", "goal_library", "check"]
    clean = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert clean.returncode == 0, clean.stderr
    (local / "notes.yaml").write_text("x: 1\n", encoding="utf-8")
    env[LOCAL_LIBRARY_SETTING] = str(local)
    profile = b'{"stage": 3}'
    broken = subprocess.run(
        [sys.executable, "-m", "planner", "suggest", "-"],
        cwd=ROOT,
        env=env,
        input=profile,
        capture_output=True,
        check=False,
    )
    assert broken.returncode != 0
    message = broken.stderr.decode("utf-8").strip()
    assert len(message.splitlines()) == 1 and "notes.yaml" in message
