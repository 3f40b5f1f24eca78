"""The one place that decides whether a library step may be offered to a person, and how
steps rank. Suggest, editing, review and explain all ask here, and every answer says why.

Two scopes: a step *suggested* (in the draft, the alternatives, a review) passes every rule;
a step *added by hand* (a coach picked it) passes the rules about the person — their needs,
barriers, nation, what they raised, their skills — but may be bigger than their stage, or a
course after a crisis, because the coach and the person chose it together.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from goal_library.models import Library, LibraryStep
from planner.models import Profile
from planner.rules import (
    above_crisis_grade,
    aims_served,
    barriers_eased,
    crisis_kinds,
    effective_stage,
    for_their_nation,
    grade_window,
    is_about_them,
    kinds_not_raised,
    raised_topics,
    ruling_barriers,
    setting_stage_limits,
    skills_talked_down,
    strengths_used,
    unmet_needs,
)


class Scope(Enum):
    SUGGESTED = "suggested"
    # At a review, "done" leads to the step's next one, which may build on it.
    NEXT_STEP = "next_step"
    BY_HAND = "by_hand"


@dataclass(frozen=True)
class Refusal:
    """One rule that keeps a step out, with its id and plain words for the coach."""

    rule: str
    detail: str
    subject: str = ""  # the id the rule is about: a need, a barrier, a skill


@dataclass(frozen=True)
class Score:
    """How well a step suits the person, in parts. Lower `grade_fit` is better."""

    grade_fit: int
    strengths: tuple[str, ...]
    eased: tuple[str, ...]
    topics: tuple[str, ...]
    aims: tuple[str, ...]
    points: int

    def as_dict(self) -> dict[str, int]:
        return {
            "grade_fit": self.grade_fit,
            "strengths": len(self.strengths),
            "barriers_eased": len(self.eased),
            "raised_topics": len(self.topics),
            "aims": len(self.aims),
            "points": self.points,
        }


def refusals(
    step: LibraryStep, profile: Profile, library: Library, scope: Scope = Scope.SUGGESTED
) -> tuple[Refusal, ...]:
    """Every rule that keeps this step from this person (empty: it may be offered)."""
    rules = library.rules
    found: list[Refusal] = []
    if not for_their_nation(step, profile):
        found.append(Refusal("nation", f"written for {', '.join(step.nations)}"))
    if not is_about_them(step, profile):
        wanted = " and ".join(
            filter(None, (" or ".join(step.only_for), " and ".join(step.only_for_all)))
        )
        found.append(Refusal("only_for", f"only for people who said {wanted}"))
    for kind in kinds_not_raised(step, profile, rules):
        raised = ", ".join(rules.only_with[kind])
        found.append(Refusal("only_with", f"a {kind} step, only when the person raised {raised}"))
    for need in unmet_needs(step, profile, rules):
        found.append(Refusal("needs", f"needs {rules.needs[need].label}", need))
    for barrier in ruling_barriers(step, profile, library):
        found.append(Refusal("barrier", f"ruled out by {barrier}", barrier))
    for skill in skills_talked_down(step, profile):
        found.append(Refusal("beginner", f"a beginner's step in {skill}, a skill they have", skill))
    if scope is Scope.BY_HAND:
        return tuple(found)
    stage = effective_stage(profile, step.area)
    if step.grade not in grade_window(stage):
        found.append(
            Refusal("grade_window", f"grade {step.grade} is more than one above stage {stage}")
        )
    for area in setting_stage_limits(step, profile, rules):
        found.append(
            Refusal(
                "setting_stage",
                f"grade {step.grade} is out of the home or with others, "
                f"more than one above the stage for {area}",
                area,
            )
        )
    if step.follows_on and scope is Scope.SUGGESTED:
        found.append(Refusal("follows_on", f"builds on {step.smaller} being done first"))
    if above_crisis_grade(step, profile, rules):
        found.append(
            Refusal(
                "crisis_grade",
                f"grade {step.grade} is above {rules.crisis.max_grade} after a very hard time",
            )
        )
    for kind in crisis_kinds(step, profile, rules):
        found.append(Refusal("crisis_kind", f"no {kind} steps yet after a very hard time"))
    return tuple(found)


def may_offer(
    step: LibraryStep, profile: Profile, library: Library, scope: Scope = Scope.SUGGESTED
) -> bool:
    return not refusals(step, profile, library, scope)


def first_refusal_message(refusal: Refusal, profile: Profile, library: Library) -> str:
    """A plain sentence for a coach who tried to add a step that does not fit."""
    if refusal.rule == "barrier":
        label = library.barrier(refusal.subject).label.lower()
        return f"That step may be hard right now because of {label}."
    if refusal.rule == "needs":
        need = library.rules.needs[refusal.subject]
        lacking = [b for b in need.missing_with if b in profile.barriers]
        if lacking:
            label = library.barrier(lacking[0]).label.lower()
            return f"That step needs {need.label}, which may be hard right now because of {label}."
        return f"That step needs {need.label}, and this plan does not mention it."
    if refusal.rule == "beginner":
        return "That is a first step in something the person is already good at."
    if refusal.rule == "nation":
        return "That step is about a service in another part of the UK."
    return "That step is for people with something this plan does not mention."


def score(step: LibraryStep, profile: Profile, library: Library) -> Score:
    points = library.rules.points
    used = strengths_used(step, profile)
    eased = barriers_eased(step, profile)
    topics = raised_topics(step, profile)
    aims = aims_served(step, profile, library)
    window = grade_window(effective_stage(profile, step.area))
    fit = window.index(step.grade) if step.grade in window else len(window)
    qualities = sum(library.strength(s).group == "qualities" for s in used)
    total = points.quality * qualities + points.strength * (len(used) - qualities)
    total += points.eased_barrier * len(eased) + points.raised_topic * bool(topics)
    total += points.aim * bool(aims)
    return Score(grade_fit=fit, strengths=used, eased=eased, topics=topics, aims=aims, points=total)


def rank_key(step: LibraryStep, profile: Profile, library: Library) -> tuple[int, int, int]:
    """The score less the cost of each place from the best grade fit; at equal value the
    stage's own grade leads, then the library's order, so the same answers always give the
    same ranking."""
    parts = score(step, profile, library)
    cost = library.rules.points.grade_step * parts.grade_fit
    return (cost - parts.points, parts.grade_fit, library.order(step.id))


def candidates(area: str, profile: Profile, library: Library) -> list[LibraryStep]:
    """Steps in an area that may be suggested to the person now, best first."""
    eligible = [s for s in library.steps_in(area) if may_offer(s, profile, library)]
    return sorted(eligible, key=lambda s: rank_key(s, profile, library))


def admitted_by(step: LibraryStep, profile: Profile, library: Library) -> list[str]:
    """The rules that let this step in, in words a developer or a coach's team can check."""
    rules = library.rules
    stage = effective_stage(profile, step.area)
    reasons = [f"grade_window: grade {step.grade} at stage {stage} in {step.area}"]
    for need in step.needs:
        reasons.append(f"needs: {need} is met")
    if step.only_for:
        said = [i for i in step.only_for if i in profile.strengths or i in profile.barriers]
        reasons.append(f"only_for: the person said {', '.join(said)}")
    if step.nations:
        reasons.append(f"nation: {profile.nation}")
    if step.beginner_in:
        reasons.append(f"beginner: the person did not say {', '.join(step.beginner_in)}")
    if rules.crisis.barrier in profile.barriers:
        reasons.append(f"crisis: grade {step.grade} and no left-out kind")
    return reasons
