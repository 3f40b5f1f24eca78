"""Why a step was suggested, in words a claimant understands."""

from __future__ import annotations

from typing import TYPE_CHECKING

from goal_library.models import Library, LibraryStep

if TYPE_CHECKING:
    from planner.policy import Score


# Steps about what a person needs or has now (a home, money, safety, a job), whose purpose the
# stage's general words ("it helps you build a routine") would misdescribe.
_NEED_KINDS = frozenset(
    {"basic_needs", "safety", "in_work", "work_support", "studying", "starting_work", "better_off"}
)


def stage_fit_reason(grade: int, stage: int, library: Library, kinds: tuple[str, ...] = ()) -> str:
    if grade == stage and _NEED_KINDS.intersection(kinds):
        return "This is a step you can take where you are now."
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


def aims_reason(aim_ids: tuple[str, ...], library: Library) -> str | None:
    if not aim_ids:
        return None
    phrases = [library.aim(a).because for a in aim_ids]
    return f"It is a step towards {_join(phrases)}."


def eased_reason(barrier_ids: tuple[str, ...], library: Library) -> str | None:
    if not barrier_ids:
        return None
    phrases = [library.barrier(b).because for b in barrier_ids]
    return f"It may help with {_join(phrases)}."


def step_reasons(
    step: LibraryStep, stage: int, parts: Score, slot_words: str | None, library: Library
) -> list[str]:
    """The draft's reason for its place (its slot's words), the stage fit, the aims it serves,
    the strengths it uses, then the barriers it eases."""
    reasons = [
        slot_words,
        stage_fit_reason(step.grade, stage, library, step.kinds),
        aims_reason(parts.aims, library),
        strengths_reason(parts.strengths, library),
        eased_reason(parts.eased, library),
    ]
    return [reason for reason in reasons if reason]


def _join(phrases: list[str]) -> str:
    if len(phrases) == 1:
        return phrases[0]
    return f"{', '.join(phrases[:-1])} and {phrases[-1]}"
