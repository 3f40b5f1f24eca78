"""The library as one JSON document, for other tools and for review."""

from __future__ import annotations

from typing import Any

from goal_library.models import Library


def library_as_json(library: Library) -> dict[str, Any]:
    return {
        "steps": [step.model_dump(mode="json") for step in library.steps],
        "strengths": [strength.model_dump(mode="json") for strength in library.strengths],
        "barriers": [barrier.model_dump(mode="json") for barrier in library.barriers],
        "aims": [aim.model_dump(mode="json") for aim in library.aims],
        "stages": [
            {"id": stage.stage, "label": stage.title, **stage.model_dump(mode="json")}
            for stage in library.stages
        ],
        "signposts": library.signposts.model_dump(mode="json"),
    }
