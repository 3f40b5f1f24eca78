"""`explain` says, for each open area, why every step was taken or left, and agrees with suggest."""

from __future__ import annotations

import json

from planner.explain import explain, explanation_text
from planner.suggest import build_plan
from tests.cli.test_plan_commands import run_planner
from tests.conftest import full_grid, make_step, profile


def test_every_step_in_every_open_area_has_a_verdict_that_matches_the_draft(build_library):
    steps = [
        *full_grid(per_cell=2),
        make_step("ring_cmht", area="health_and_support", grade=2, needs=("mental_health_team",)),
        make_step("bus_trip", grade=2, needs=("money",)),
        make_step(
            "tell_a", area="people_and_connection", grade=2, family="tell", strengths=("honest",)
        ),
        make_step("tell_b", area="people_and_connection", grade=2, family="tell"),
    ]
    library = build_library(steps)
    person = profile(stage=2, strengths=["honest"], barriers=["money_worries"])
    explanation = explain(person, library)
    plan = build_plan(person, library)
    assert [i for i, _ in explanation.draft] == [s.id for s in plan.steps]
    verdicts = {v.step_id: v for area in explanation.areas for v in area.verdicts}
    assert verdicts["ring_cmht"].outcome == "left"
    assert "needs a mental health team" in verdicts["ring_cmht"].why
    assert "needs money" in verdicts["bus_trip"].why
    assert verdicts["getting_out_g5_0"].why.startswith("grade_window")
    if verdicts["tell_a"].outcome == "taken":
        assert verdicts["tell_b"].why == "family tell already taken by tell_a"
    taken = [v for v in verdicts.values() if v.outcome == "taken"]
    assert len(taken) == len(plan.steps)
    for area in explanation.areas:
        assert {v.step_id for v in area.verdicts} == {s.id for s in library.steps_in(area.area)}
    text = explanation_text(explanation)
    assert "money_and_home" in text and "basic needs" in text


def test_explain_on_the_command_line_prints_text_and_json(tmp_path):
    profile_file = tmp_path / "profile.json"
    profile_file.write_text(json.dumps({"stage": 2, "aims": ["paid_work"]}), encoding="utf-8")
    result = run_planner("explain", str(profile_file))
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().startswith("Draft plan (cap 2):")
    as_json = json.loads(run_planner("explain", str(profile_file), "--json").stdout)
    assert as_json["cap"] == 2
    assert {a["area"] for a in as_json["areas"]} >= {"volunteering_and_work"}


def test_explain_refuses_bad_input_with_one_line():
    result = run_planner("explain", "-", stdin=b'{"stage": 2, "aims": ["fly_to_the_moon"]}')
    assert result.returncode == 2
    assert len(result.stderr.decode().strip().splitlines()) == 1
    assert "fly_to_the_moon" in result.stderr.decode()
