"""Shared fixtures: the real library, and a tiny hand-made one for testing rules in isolation."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from goal_library.loader import default_library
from goal_library.models import AREA_IDS, Library, LibraryStep, PlanningRules
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


# The tests' own slot table: the shape of rules.yaml's, with fewer slots.
TEST_SLOTS: tuple[dict[str, Any], ...] = (
    {
        "id": "safety",
        "when": {"barriers": ("recent_crisis",)},
        "takes": {"kinds": ("safety",), "area": "health_and_support"},
        "words": "Safety first, after a very hard time.",
    },
    {
        "id": "basic_need",
        "when": {"barriers": ("no_safe_place_to_live", "housing_problems", "money_worries")},
        "takes": {
            "kinds": ("basic_needs",),
            "area": "money_and_home",
            "most_urgent": True,
            "read_still_leads": ("no_safe_place_to_live",),
            "any_of_shape_serves": True,
        },
        "words": "A home and money come first here.",
    },
    {
        "id": "keep_your_job",
        "when": {"work_situation": ("in_work",)},
        "takes": {"kinds": ("in_work",)},
        "repeat": 2,
    },
    {"id": "first_aim", "when": {"aim_number": 1}, "takes": {"aim_number": 1}},
    {
        "id": "work_support",
        "when": {"aims": ("paid_work",), "not_work_situation": ("in_work",)},
        "takes": {"kinds": ("work_support",), "max_grade": 2},
        "words": "Work support is there at every stage.",
    },
    {"id": "second_aim", "when": {"aim_number": 2}, "takes": {"aim_number": 2}},
    {"id": "raised_barrier", "takes": {"raised": True}},
    {"id": "more", "takes": {"any_purpose": True}, "repeat": 10},
    {
        "id": "lead_area",
        "when": {"no_aims": True, "max_stage": 2},
        "takes": {"area": "health_and_support"},
    },
    {
        "id": "spread",
        "when": {"no_aims": True},
        "takes": {"spread": True, "not_kinds": ("work", "course")},
        "repeat": 10,
    },
)
TEST_REVIEW_MOVES: dict[str, tuple[dict[str, Any], ...]] = {
    "done": (
        {"move": "next", "words": "Done. Here is the next one."},
        {"move": "another_bigger", "words": "Done. Here is a new one."},
    ),
    "partly": (
        {"move": "smaller", "low_confidence_only": True, "words": "A start. A smaller one."},
        {"move": "same", "words": "A start. Keep going."},
    ),
    "not_yet": (
        {"move": "smaller", "words": "Not yet. A smaller one."},
        {"move": "same", "words": "Not yet. Try it again."},
    ),
    "not_for_me": (
        {
            "move": "next",
            "when_said": ("do that already",),
            "reads_what_went_well": True,
            "words": "Past that. A bigger one.",
        },
        {
            "move": "none",
            "when_said": ("don't need",),
            "reads_what_went_well": True,
            "words": "Not needed: “{title}”, so nothing takes its place.",
        },
        {"move": "another_same_grade", "words": "Not for you. A different one."},
        {"move": "another", "words": "Not for you. A different one."},
    ),
    "not_reviewed": ({"move": "same", "words": "Kept from last time."},),
}


def safety_step(step_id: str = "keep_numbers", grade: int = 1, **fields: Any) -> LibraryStep:
    """A safety step in health and support, as the crisis rules look for."""
    return make_step(step_id, area="health_and_support", grade=grade, kinds=("safety",), **fields)


def basic_needs_step(
    step_id: str, only_for: tuple[str, ...] = ("money_worries",), grade: int = 1, **fields: Any
) -> LibraryStep:
    """A basic-needs step in money and home, written for `only_for`."""
    return make_step(
        step_id,
        area="money_and_home",
        grade=grade,
        kinds=("basic_needs",),
        only_for=only_for,
        **fields,
    )


def rules_table(**changes: Any) -> PlanningRules:
    """Rules tables made for the tests, with numbers of their own (not rules.yaml's), so a rule
    test checks the rule and not today's data. Pass a field to change it."""
    early = ("health_and_support", "getting_out", "looking_after_myself", "people_and_connection")
    table: dict[str, Any] = {
        "focus_areas": {
            1: early,
            2: early,
            3: (*early, "learning_and_skills", "money_and_home"),
            4: AREA_IDS,
            5: ("volunteering_and_work", *AREA_IDS[:-2], "money_and_home"),
        },
        "max_steps": {1: 2, 2: 2, 3: 3, 4: 4, 5: 5},
        "crisis": {
            "barrier": "recent_crisis",
            "max_steps": 2,
            "max_grade": 2,
            "first_kind": "safety",
            "first_area": "health_and_support",
            "left_out_kinds": ("course", "volunteering", "work", "work_support"),
            "unless_aimed": {"work_support": "paid_work"},
        },
        "basic_needs": {
            "barriers": ("no_safe_place_to_live", "money_worries", "housing_problems"),
            "area": "money_and_home",
            "kind": "basic_needs",
        },
        "work_support": {"aim": "paid_work", "kind": "work_support"},
        "setting_limits": {
            "outside_home_area": "getting_out",
            "with_others_area": "people_and_connection",
        },
        "kinds": {
            kind: f"{kind} steps"
            for kind in (
                "safety",
                "basic_needs",
                "course",
                "volunteering",
                "work",
                "work_support",
                "personal_care",
                "english_class",
                "food",
                "exercise",
                "in_work",
                "uses_skill",
                "starting_work",
                "studying",
            )
        },
        "slots": TEST_SLOTS,
        "work_situation_not_in_draft": {"in_work": ("work", "work_support")},
        "raised": ("alcohol_or_drugs", "self_care_hard", "poor_sleep"),
        "own_services": ("mental_health_team",),
        "review_moves": TEST_REVIEW_MOVES,
        "only_with": {
            "personal_care": ("self_care_hard",),
            "english_class": ("english_second_language",),
        },
        "needs": {
            "friend_or_family": {
                "label": "a friend or family member",
                "met_by": ("supportive_family", "supportive_friend"),
            },
            "someone_you_trust": {
                "label": "someone to ask",
                "met_by": ("supportive_family", "supportive_friend", "support_worker"),
                "assumed": True,
                "missing_with": ("no_support_network",),
            },
            "internet": {
                "label": "the internet",
                "assumed": True,
                "missing_with": ("no_internet",),
            },
            "phone_with_credit": {
                "label": "a phone",
                "assumed": True,
                "missing_with": ("no_phone_or_credit",),
            },
            "money": {
                "label": "money",
                "assumed": True,
                "missing_with": ("money_worries", "no_money_for_travel"),
            },
            "dog": {"label": "a dog", "met_by": ("dog",)},
            "pet": {"label": "a pet", "met_by": ("pet", "dog")},
            "own_group": {"label": "a group", "met_by": ("faith_community",)},
            "car": {"label": "a car", "met_by": ("own_car",)},
            "mental_health_team": {"label": "a mental health team", "met_by": ("cmht",)},
            "support_worker": {"label": "a support worker", "met_by": ("support_worker",)},
            "talking_therapy": {"label": "talking therapy", "met_by": ("talking_therapy",)},
        },
        "points": {
            "grade_step": 1,
            "strength": 3,
            "quality": 1,
            "eased_barrier": 1,
            "raised_topic": 2,
            "aim": 2,
            "own_service": 3,
        },
        "confidence_threshold": 7,
        "alternatives_per_area": 5,
    }
    table.update(changes)
    return PlanningRules.model_validate(table)


def library_with_steps(
    base: Library, steps: list[LibraryStep], rules: PlanningRules | None = None
) -> Library:
    """The real catalogues and aims with only the given steps, and the tests' own rules."""
    return Library(
        steps=tuple(steps),
        strengths=base.strengths,
        barriers=base.barriers,
        aims=base.aims,
        stages=base.stages,
        signposts=base.signposts,
        rules=rules or rules_table(),
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
def build_library(library: Library) -> Callable[..., Library]:
    return lambda steps, rules=None: library_with_steps(library, steps, rules)


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
