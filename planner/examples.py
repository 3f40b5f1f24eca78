"""`python -m planner examples`: the example gallery a coach's team can read.

Made-up people (planner/data/example_people.yaml) go through the same `build_plan` as a real
appointment; their drafts are written to docs/example-plans.md.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

from goal_library.models import Library
from planner.inputs import profile_from_data
from planner.models import Plan, Profile
from planner.suggest import build_plan

PEOPLE_FILE = Path(__file__).parent / "data" / "example_people.yaml"
GALLERY_FILE = Path(__file__).resolve().parents[1] / "docs" / "example-plans.md"


class ExamplePerson(BaseModel):
    model_config = ConfigDict(extra="forbid")

    who: str
    profile: dict[str, object]


def example_people(library: Library) -> list[tuple[str, Profile]]:
    document = yaml.safe_load(PEOPLE_FILE.read_text(encoding="utf-8"))
    people = [ExamplePerson.model_validate(entry) for entry in document["people"]]
    return [(p.who, profile_from_data(p.profile, library)) for p in people]


def gallery_markdown(library: Library) -> str:
    people = example_people(library)
    parts = [
        "# Example plans",
        "",
        "The draft plans Right Steps suggests for made-up people, for a coach's team to read. "
        "Written by `python -m planner examples`; a test fails when this file is out of date.",
        "Each draft is what the person and the coach start from: they change it together.",
    ]
    for number, (who, profile) in enumerate(people, 1):
        parts += ["", *_person_section(number, who, profile, build_plan(profile, library))]
    return "\n".join(parts) + "\n"


def _person_section(number: int, who: str, profile: Profile, plan: Plan) -> list[str]:
    lines = [f"## {number}. {who}", "", f"`{_profile_line(profile)}`", ""]
    for index, step in enumerate(plan.steps, 1):
        lines.append(f"{index}. **{step.title}** ({step.area}, grade {step.grade})")
        lines.append(f"   {step.detail}")
        for reason in step.reasons:
            lines.append(f"   - {reason}")
    return lines


def _profile_line(profile: Profile) -> str:
    parts = [f"stage {profile.stage}"]
    if profile.area_stages:
        parts.append("area stages " + ", ".join(f"{a}={s}" for a, s in profile.area_stages.items()))
    if profile.nation != "england":
        parts.append(profile.nation)
    for label, ids in (
        ("aims", profile.aims),
        ("strengths", profile.strengths),
        ("barriers", profile.barriers),
    ):
        if ids:
            parts.append(f"{label}: {', '.join(ids)}")
    return "; ".join(parts)
