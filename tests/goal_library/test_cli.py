"""`python -m goal_library check` and `export`, run as a person would run them."""

from __future__ import annotations

import json
import shutil
from types import SimpleNamespace

import yaml

from goal_library.loader import DATA_DIR
from tests.conftest import run_module


def run_library(*args: str) -> SimpleNamespace:
    result = run_module("goal_library", *args)
    return SimpleNamespace(
        returncode=result.returncode,
        stdout=result.stdout.decode("utf-8"),
        stderr=result.stderr.decode("utf-8"),
    )


def test_check_is_clean_and_prints_the_coverage_table():
    result = run_library("check")
    assert result.returncode == 0, result.stderr
    assert "getting_out" in result.stdout and "g5" in result.stdout
    assert "Median reading ease" in result.stdout
    assert "The library is clean." in result.stdout


def test_check_lists_every_problem_and_exits_non_zero(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / "steps" / "money_and_home.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    document["steps"].append({"id": "Bad Id", "grade": 7})
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    (data / "language.yaml").write_text("banned_phrases: 3\n", encoding="utf-8")
    result = run_library("--data", str(data), "check")
    assert result.returncode == 1
    assert "steps/money_and_home.yaml: entry" in result.stderr
    assert "field 'grade'" in result.stderr and "field 'title'" in result.stderr
    assert "language.yaml: field 'banned_phrases'" in result.stderr
    assert "Traceback" not in result.stderr


def test_export_prints_the_whole_library_as_json(library):
    result = run_library("export")
    assert result.returncode == 0
    exported = json.loads(result.stdout)
    assert set(exported) == {"steps", "strengths", "barriers", "aims", "stages", "signposts"}
    assert len(exported["steps"]) == len(library.steps)
    for step in exported["steps"]:
        assert {"id", "area", "grade", "title", "detail", "smaller", "next"} <= set(step)
    for entry in exported["strengths"] + exported["barriers"] + exported["stages"]:
        assert {"id", "label"} <= set(entry)
    wales = {s["id"]: s for s in exported["signposts"]["wales"]}
    assert wales["samaritans_welsh"]["verified"] is True
    assert wales["samaritans_welsh"]["at_other_times"] == "samaritans"
    assert wales["call_helpline"]["last_checked"]
    # A number no public page confirmed says what to do if it does not work.
    assert wales["call_helpline"]["verified"] is False and wales["call_helpline"]["note"]


def test_facts_lists_each_nations_help_now_lines_and_sourced_steps_with_their_age():
    result = run_library("facts", "--nation", "wales")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("== Wales:")
    assert "help now samaritans_welsh: Samaritans in Welsh" in result.stdout
    assert "days ago" in result.stdout and "says:" in result.stdout
    assert "Northern Ireland" not in result.stdout.splitlines()[0]


def test_facts_can_show_only_those_due_a_re_check():
    result = run_library("facts", "--older-than", "100000")
    assert result.returncode == 0, result.stderr
    assert "help now" not in result.stdout
