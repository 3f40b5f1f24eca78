"""Every hostile or broken input in the corpus gets one plain line, within memory and time.

Each file goes through the command line (`python -m planner review FILE`, the path a coach's
colleague would use) and through the app's upload function, each a separate process under a
1.5 GB memory limit. Each odd command line (paths, numbers, settings, databases) runs as a
person would run it. A refusal is exit 2 and one line that never asks to report a bug; the few
strange-but-valid cases must simply work.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.hostile.corpus import command_cases, file_cases, prepare_scratch, review_file
from tests.hostile.limits import MEMORY_LIMIT_BYTES, python_module, run_limited

FILE_CASES = file_cases()
COMMAND_CASES = command_cases()
NO_OUTCOMES = '{"outcomes": {}}'


def _id(case) -> str:
    return re.sub(r"[^a-z0-9]+", "-", case.name.lower()).strip("-")


def _assert_plain_refusal(outcome, says: str) -> None:
    assert outcome.is_plain_refusal(), (outcome.returncode, outcome.error_lines)
    assert says.lower() in outcome.error_lines[0].lower()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    paths = {}
    for number, case in enumerate(FILE_CASES):
        path = folder / f"case-{number:02d}"
        path.write_bytes(case.content)
        paths[case.name] = str(path)
    (folder / "outcomes.json").write_text(NO_OUTCOMES)
    return folder, paths


@pytest.fixture(scope="module")
def opened_by_the_upload_function(corpus):
    _, paths = corpus
    outcome = run_limited(python_module("tests.hostile.open_upload", *paths.values()))
    assert outcome.returncode == 0, outcome.error_lines
    results = [json.loads(line) for line in outcome.stdout.decode().splitlines()]
    by_path = {result["path"]: result for result in results}
    return {name: by_path[path] for name, path in paths.items()}


@pytest.mark.parametrize("case", FILE_CASES, ids=_id)
def test_the_command_line_answers_each_file_plainly(case, corpus):
    folder, paths = corpus
    outcome = review_file(paths[case.name], folder / "outcomes.json")
    assert not outcome.hung
    assert outcome.peak_bytes < MEMORY_LIMIT_BYTES
    if case.expect_ok:
        assert outcome.returncode == 0, outcome.error_lines
        assert json.loads(outcome.stdout)["format"] == "right-steps-plan"
    else:
        _assert_plain_refusal(outcome, case.says)


@pytest.mark.parametrize("case", FILE_CASES, ids=_id)
def test_the_upload_function_answers_each_file_plainly(case, opened_by_the_upload_function):
    result = opened_by_the_upload_function[case.name]
    assert result["peak_bytes"] < MEMORY_LIMIT_BYTES
    if case.expect_ok:
        assert result["ended"] == "opened", result["message"]
    else:
        assert result["ended"] == "refused", result["message"]
        assert case.says.lower() in result["message"].lower()


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scratch")
    prepare_scratch(folder)
    return folder


@pytest.mark.parametrize("case", COMMAND_CASES, ids=_id)
def test_each_odd_command_line_gets_one_plain_line(case, scratch):
    outcome = case.run(scratch)
    assert not outcome.hung
    if case.expect_ok:
        assert outcome.returncode == 0, outcome.error_lines
    else:
        _assert_plain_refusal(outcome, case.says)
    assert "secret" not in outcome.stderr.decode()
