"""A wrong library file fails loudly, naming the file, the entry and the field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from goal_library.loader import DATA_DIR, LibraryError, load_library


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def _problems(data_dir: Path) -> list[str]:
    with pytest.raises(LibraryError) as caught:
        load_library(data_dir)
    return caught.value.problems


def test_the_bundled_library_loads(library):
    assert len(library.steps) >= 150
    assert len(library.stages) == 5


def test_a_wrong_field_names_the_file_the_entry_and_the_field(data_copy):
    path = data_copy / "steps" / "getting_out.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    document["steps"][0]["grade"] = 9
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    problems = _problems(data_copy)
    assert any(
        p.startswith("steps/getting_out.yaml: entry 1 (") and "field 'grade'" in p and "9" in p
        for p in problems
    ), problems


def test_an_unknown_field_is_refused(data_copy):
    path = data_copy / "strengths.yaml"
    path.write_text(
        path.read_text().replace('label: "Kind"', 'label: "Kind", colour: blue'), encoding="utf-8"
    )
    problems = _problems(data_copy)
    assert any("strengths.yaml: entry 1 (kind): field 'colour'" in p for p in problems), problems


def test_broken_yaml_is_reported_with_the_file(data_copy):
    (data_copy / "rules.yaml").write_text("focus_areas: [unclosed\n", encoding="utf-8")
    problems = _problems(data_copy)
    assert any(p.startswith("rules.yaml: not valid YAML") for p in problems), problems


def test_a_missing_file_is_reported(data_copy):
    (data_copy / "signposts.yaml").unlink()
    assert "signposts.yaml: file is missing" in _problems(data_copy)


def test_a_step_in_the_wrong_area_file_is_refused(data_copy):
    path = data_copy / "steps" / "getting_out.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    document["steps"][0]["area"] = "money_and_home"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    problems = _problems(data_copy)
    first_id = document["steps"][0]["id"]
    assert any(f"entry 1 ({first_id}): field 'area'" in p for p in problems), problems


def test_every_problem_is_listed_not_just_the_first(data_copy):
    (data_copy / "stages.yaml").write_text("stages: [{stage: 7}]\n", encoding="utf-8")
    (data_copy / "barriers.yaml").write_text("barriers: nope\n", encoding="utf-8")
    problems = _problems(data_copy)
    assert any(p.startswith("stages.yaml: entry 1 (7): field 'stage'") for p in problems)
    assert any(p.startswith("barriers.yaml: expected a list") for p in problems)


def test_labels_cover_every_area_nation_and_work_situation(library):
    from typing import get_args

    from goal_library.models import AREA_IDS, NATION_IDS
    from planner.models import WorkSituation

    assert sorted(a.id for a in library.areas) == sorted(AREA_IDS)
    assert library.labels is not None
    assert set(library.labels.nations) == set(NATION_IDS)
    assert set(library.labels.work_situations) == set(get_args(WorkSituation))
    assert {s.group for s in library.strengths} <= set(library.labels.strength_groups)


def test_a_kind_or_need_not_declared_in_the_rules_fails_loudly(tmp_path):
    import shutil

    from goal_library.loader import DATA_DIR, LibraryError, load_library

    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    steps = data / "steps" / "getting_out.yaml"
    text = steps.read_text(encoding="utf-8")
    steps.write_text(
        text.replace("    at_home: true\n", "    at_home: true\n    kinds: [flying]\n", 1)
    )
    with pytest.raises(LibraryError) as raised:
        load_library(data)
    problem = raised.value.problems[0]
    assert problem.startswith("steps/getting_out.yaml: ")
    assert "field 'kinds': unknown kind 'flying'" in problem


def test_a_refill_or_cover_kind_not_declared_in_the_rules_fails_loudly(data_copy):
    rules_file = data_copy / "rules.yaml"
    rules = yaml.safe_load(rules_file.read_text(encoding="utf-8"))
    rules["refill_not_after_kinds"] = ["course", "juggling"]
    rules["not_covered_by_kinds"] = {"bereaved": ["knitting"]}
    rules_file.write_text(yaml.safe_dump(rules), encoding="utf-8")
    problems = _problems(data_copy)
    assert any("'refill_not_after_kinds': unknown kind 'juggling'" in p for p in problems)
    assert any("'not_covered_by_kinds': unknown kind 'knitting'" in p for p in problems)


def test_a_slot_that_leaves_room_for_an_earlier_slot_fails_loudly(data_copy):
    rules_file = data_copy / "rules.yaml"
    rules = yaml.safe_load(rules_file.read_text(encoding="utf-8"))
    first = rules["slots"][0]["id"]
    rules["slots"][-1]["leaves_room_for"] = [first]
    rules_file.write_text(yaml.safe_dump(rules), encoding="utf-8")
    assert any("leaves_room_for" in p and first in p for p in _problems(data_copy))
