"""The planner's command line, run as a person would run it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import run_module


def run_planner(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return run_module("planner", *args, stdin=stdin)


def test_suggest_reads_a_profile_file_and_prints_a_plan(tmp_path):
    profile = {
        "preferred_name": "Gwenllïan O'Brien & <Sons> 🌱",
        "stage": 2,
        "strengths": ["animals", "kind"],
        "barriers": ["anxious_leaving_home"],
        "hopes": "Walk the dog & feel <calmer>",
        "nation": "wales",
    }
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(profile, ensure_ascii=False), encoding="utf-8")
    result = run_planner("suggest", str(path))
    assert result.returncode == 0, result.stderr.decode()
    plan = json.loads(result.stdout)
    assert plan["profile"]["preferred_name"] == profile["preferred_name"]
    assert plan["profile"]["hopes"] == profile["hopes"]
    assert plan["max_steps"] == 2
    assert len(plan["steps"]) == 2
    for step in plan["steps"]:
        assert {"id", "area", "grade", "title", "detail", "reasons", "strengths_used"} <= set(step)
        assert {"smaller", "next"} <= set(step)
        assert step["grade"] <= 3
    assert any(s["id"] == "call_helpline" for s in plan["signposts"])
    assert all({"name", "contact"} <= set(s) for s in plan["signposts"])


def test_suggest_reads_standard_input_and_its_output_is_a_valid_plan():
    first = run_planner("suggest", "-", stdin=b'{"stage": 4, "strengths": ["cooking"]}')
    assert first.returncode == 0
    plan = json.loads(first.stdout)
    assert len(plan["steps"]) == 4
    assert set(plan["alternatives"]) >= {"volunteering_and_work", "learning_and_skills"}


def test_schema_prints_both_schemas():
    result = run_planner("schema")
    assert result.returncode == 0
    schemas = json.loads(result.stdout)
    assert schemas["profile"]["required"] == ["stage"]
    assert "steps" in schemas["plan"]["properties"]


@pytest.mark.parametrize(
    ("stdin", "says"),
    [
        (b'{"stage": 0}', "stage: out of range (got 0)"),
        (b'{"stage": 6}', "stage: out of range (got 6)"),
        (b'{"stage": "three"}', "stage: needs to be a whole number"),
        (b'{"stage": 2, "strengths": ["flying"]}', "strengths: unknown id(s) 'flying'"),
        (b'{"stage": 2, "barriers": ["dragons"]}', "barriers: unknown id(s) 'dragons'"),
        (b'{"stage": 2, "nation": "france"}', "nation: not one of the allowed values"),
        (b'{"stage": 2, "area_stages": {"space": 2}}', "area_stages.space: not one of the allowed"),
        (b'{"stage": 2, "strengths": "kind"}', "strengths: needs to be a list"),
        (b'{"preferred_name": "Sam"}', "stage: missing"),
        (b"not json", "not valid JSON"),
        (b"[1, 2]", "needs to be a JSON object"),
        (b"", "the profile file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not text"),
        (b'{"stage": 2, "hopes": "' + b"x" * 10_001 + b'"}', "hopes: too long: at most 10,000"),
    ],
)
def test_bad_input_exits_2_with_one_plain_line(stdin, says):
    result = run_planner("suggest", "-", stdin=stdin)
    assert result.returncode == 2
    stderr = result.stderr.decode()
    assert says in stderr
    assert "Traceback" not in stderr
    assert stderr.count("\n") == 1
    assert result.stdout == b""


def test_a_missing_file_exits_2(tmp_path):
    result = run_planner("suggest", str(tmp_path / "nowhere.json"))
    assert result.returncode == 2
    assert b"does not exist" in result.stderr


def test_a_folder_instead_of_a_file_exits_2(tmp_path):
    result = run_planner("suggest", str(tmp_path))
    assert result.returncode == 2
    assert b"is a folder" in result.stderr


def _plan_file(tmp_path) -> Path:
    result = run_planner(
        "suggest", "-", stdin='{"stage": 3, "preferred_name": "Siân & <Co>"}'.encode()
    )
    path = tmp_path / "plan.json"
    path.write_bytes(result.stdout)
    return path


def test_pdf_html_and_read_round_trip(tmp_path):
    plan_path = _plan_file(tmp_path)
    pdf_path = tmp_path / "plan.pdf"
    assert run_planner("pdf", str(plan_path), "-o", str(pdf_path)).returncode == 0
    assert pdf_path.read_bytes().startswith(b"%PDF-")
    large_path = tmp_path / "large.pdf"
    assert (
        run_planner("pdf", str(plan_path), "-o", str(large_path), "--large-print").returncode == 0
    )
    assert large_path.read_bytes() != pdf_path.read_bytes()
    html_path = tmp_path / "plan.html"
    assert run_planner("html", str(plan_path), "-o", str(html_path)).returncode == 0
    assert "Siân &amp; &lt;Co&gt;" in html_path.read_text(encoding="utf-8")
    read = run_planner("read", str(pdf_path))
    assert read.returncode == 0
    assert json.loads(read.stdout) == json.loads(plan_path.read_bytes())


def test_read_refuses_a_file_that_is_not_a_pdf_or_has_no_plan(tmp_path):
    plan_path = _plan_file(tmp_path)
    not_pdf = run_planner("read", str(plan_path))
    assert not_pdf.returncode == 2
    assert not_pdf.stderr.decode().strip() == "right-steps: the file is not a PDF"
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 nothing else")
    damaged = run_planner("read", str(broken))
    assert damaged.returncode == 2
    assert damaged.stderr.decode().count("\n") == 1


def test_pdf_refuses_a_profile_in_place_of_a_plan(tmp_path):
    profile = tmp_path / "profile.json"
    profile.write_text('{"stage": 2}')
    result = run_planner("pdf", str(profile), "-o", str(tmp_path / "x.pdf"))
    assert result.returncode == 2
    assert b"profile: missing" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_review_prints_the_next_draft_plan_from_json_or_pdf(tmp_path):
    plan_path = _plan_file(tmp_path)
    plan = json.loads(plan_path.read_bytes())
    first, second = plan["steps"][0]["id"], plan["steps"][1]["id"]
    outcomes = tmp_path / "outcomes.json"
    outcomes.write_text(
        json.dumps({"outcomes": {first: "done", second: "not_yet"}, "stage": 4}), encoding="utf-8"
    )
    result = run_planner("review", str(plan_path), str(outcomes))
    assert result.returncode == 0, result.stderr
    reviewed = json.loads(result.stdout)
    assert reviewed["profile"]["stage"] == 4
    assert reviewed["max_steps"] == 4
    assert reviewed["steps_taken"][0]["title"] == plan["steps"][0]["title"]
    assert reviewed["steps"][0]["reasons"][0].startswith("You did this")
    pdf_path = tmp_path / "plan.pdf"
    run_planner("pdf", str(plan_path), "-o", str(pdf_path))
    from_pdf = run_planner("review", str(pdf_path), str(outcomes))
    assert json.loads(from_pdf.stdout)["steps"] == reviewed["steps"]


@pytest.mark.parametrize(
    ("outcomes", "says"),
    [
        ('{"outcomes": {"no_such_step": "done"}}', "not in this plan: no_such_step"),
        ('{"outcomes": {}, "stage": 9}', "stage: out of range (got 9)"),
        ('{"outcomes": {"x": "great"}}', "not one of the allowed values"),
        ('{"stage": 2}', "outcomes: missing"),
    ],
)
def test_review_refuses_bad_outcomes(tmp_path, outcomes, says):
    plan_path = _plan_file(tmp_path)
    bad = tmp_path / "outcomes.json"
    bad.write_text(outcomes, encoding="utf-8")
    result = run_planner("review", str(plan_path), str(bad))
    assert result.returncode == 2
    assert says in result.stderr.decode()
