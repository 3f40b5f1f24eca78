"""Why a step was suggested, in words a claimant understands."""

from __future__ import annotations

from goal_library.models import Library, LibraryStep


def stage_fit_reason(grade: int, stage: int, library: Library) -> str:
    if grade == stage:
        return f"This fits where you are now: {library.stage(stage).fit}."
    if grade == stage + 1:
        return "This is a small stretch, one step on from where you are now."
    if grade == stage - 1:
        return "This is a gentle step, a little smaller than where you are now."
    return "This is an easy step to build on."


def strengths_reason(strength_ids: tuple[str, ...], library: Library) -> str | None:
    if not strength_ids:
        return None
    phrases = [library.strength(s).because for s in strength_ids]
    return f"We picked this because {_join(phrases)}."


def eased_reason(barrier_ids: tuple[str, ...], library: Library) -> str | None:
    if not barrier_ids:
        return None
    phrases = [library.barrier(b).because for b in barrier_ids]
    return f"It may help with {_join(phrases)}."


def step_reasons(
    step: LibraryStep,
    stage: int,
    strengths: tuple[str, ...],
    eased: tuple[str, ...],
    library: Library,
) -> list[str]:
    """The stage fit first, then the strengths it uses, then the barriers it eases."""
    reasons = [
        stage_fit_reason(step.grade, stage, library),
        strengths_reason(strengths, library),
        eased_reason(eased, library),
    ]
    return [reason for reason in reasons if reason]


def _join(phrases: list[str]) -> str:
    if len(phrases) == 1:
        return phrases[0]
    return f"{', '.join(phrases[:-1])} and {phrases[-1]}"
