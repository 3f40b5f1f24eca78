"""Shared fixtures: the real library, and a tiny hand-made one for testing rules in isolation."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from goal_library.loader import default_library
from goal_library.models import AREA_IDS, Library, LibraryStep
from planner.models import Profile


@pytest.fixture(scope="session")
def library() -> Library:
    return default_library()


def make_step(
    step_id: str, area: str = "getting_out", grade: int = 1, **fields: Any
) -> LibraryStep:
    """A library step with plain placeholder text; only the fields under test need naming."""
    return LibraryStep(
        id=step_id,
        area=area,
        grade=grade,
        title=fields.pop("title", f"Try {step_id}"),
        detail=fields.pop("detail", "A short detail about this step."),
        why=fields.pop("why", "A short reason this step helps."),
        **fields,
    )


def library_with_steps(base: Library, steps: list[LibraryStep]) -> Library:
    """The real catalogues and rules with only the given steps."""
    return Library(
        steps=tuple(steps),
        strengths=base.strengths,
        barriers=base.barriers,
        stages=base.stages,
        signposts=base.signposts,
        rules=base.rules,
        language=base.language,
    )


def full_grid(per_cell: int = 3) -> list[LibraryStep]:
    """Plain steps in every area at every grade, nothing personal about them."""
    return [
        make_step(f"{area}_g{grade}_{n}", area=area, grade=grade)
        for area in AREA_IDS
        for grade in range(1, 6)
        for n in range(per_cell)
    ]


@pytest.fixture
def build_library(library: Library) -> Callable[[list[LibraryStep]], Library]:
    return lambda steps: library_with_steps(library, steps)


def profile(**fields: Any) -> Profile:
    fields.setdefault("stage", 2)
    return Profile(**fields)


ROOT = Path(__file__).resolve().parents[1]


def run_module(module: str, *args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    """Run `python -m module args` from the project folder, as a person would."""
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
