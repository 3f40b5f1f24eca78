"""The one place that decides whether a library step may be offered to a person, and how
steps rank. Suggest, editing, review and explain all ask here, and every answer says why.

The rules are one table, `RULES`: each entry has an id, the scopes it applies in, and a check
that either refuses the step (with plain words) or lets it through (with the words the trace
records). A decision is the table evaluated in order, so the trace is what was evaluated and
can never disagree with the decision.

Scopes: a step *suggested* (in the draft, the alternatives, a swap list, "add a step") passes
every rule; at a review, the *next step* up (or the smaller one) may build on the step it
follows; a step *added by hand* (a coach typed or picked its id) passes the rules about the
person — their needs, barriers, nation, what they raised, their skills — but may be bigger than
their stage, or a course after a crisis, because the coach and the person chose it together.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum

from goal_library.models import Library, LibraryStep
from planner.models import Profile
from planner.prompts import words_name
from planner.rules import (
    above_crisis_grade,
    aims_served,
    barriers_eased,
    crisis_kinds,
    effective_stage,
    for_their_nation,
    grade_window,
    hoped_now,
    is_about_them,
    kinds_not_raised,
    not_for_them,
    own_services_used,
    raised_topics,
    ruling_barriers,
    setting_stage_limits,
    skills_talked_down,
    strengths_used,
    unmet_needs,
    work_situation_kinds,
)


class Scope(Enum):
    SUGGESTED = "suggested"
    # At a review: "done" leads to the step's next one, "not yet" to its smaller one; either
    # may build on the step it follows.
    NEXT_STEP = "next_step"
    BY_HAND = "by_hand"


_ALL = frozenset(Scope)
_OFFERED = frozenset({Scope.SUGGESTED, Scope.NEXT_STEP})


@dataclass(frozen=True)
class Refusal:
    """One rule that keeps a step out, with its id and plain words for the coach."""

    rule: str
    detail: str
    subject: str = ""  # the id the rule is about: a need, a barrier, a skill


@dataclass(frozen=True)
class Person:
    """Who the step is for: the profile, and the steps already done in this plan."""

    profile: Profile
    done: frozenset[str] = frozenset()


# A check's answer: the refusals (none: the step passes), and the words the trace records when
# it passes.
Verdict = tuple[tuple[Refusal, ...], str]
Check = Callable[[LibraryStep, "Person", Library], Verdict]


@dataclass(frozen=True)
class PolicyRule:
    """One entry of the table: refuses a step, or says in a few words why it passes."""

    id: str
    scopes: frozenset[Scope]
    check: Check


@dataclass(frozen=True)
class Decision:
    refusals: tuple[Refusal, ...]
    passed: tuple[str, ...]  # "rule: why it let the step through", for every rule evaluated

    @property
    def admitted(self) -> bool:
        return not self.refusals


def _each(rule: str, found: Iterable[str], say: Callable[[str], str], passed: str) -> Verdict:
    """A refusal for each id `found` (a barrier, a need, a kind), in the rule's words."""
    return tuple(Refusal(rule, say(i), i) for i in found), passed


def _one(rule: str, refused: bool, detail: str, passed: str) -> Verdict:
    return ((Refusal(rule, detail),), "") if refused else ((), passed)


def _nation(step: LibraryStep, person: Person, library: Library) -> Verdict:
    where = f"for {person.profile.nation}" if step.nations else "for every nation"
    refused = not for_their_nation(step, person.profile)
    return _one("nation", refused, f"written for {', '.join(step.nations)}", where)


def _only_for(step: LibraryStep, person: Person, library: Library) -> Verdict:
    topics = raised_topics(step, person.profile)
    said = f"the person said {', '.join(topics)}" if topics else "for anyone"
    wanted = " and ".join(
        filter(None, (" or ".join(step.only_for), " and ".join(step.only_for_all)))
    )
    refused = not is_about_them(step, person.profile)
    return _one("only_for", refused, f"only for people who said {wanted}", said)


def _only_with(step: LibraryStep, person: Person, library: Library) -> Verdict:
    raised = library.rules.only_with
    return _each(
        "only_with",
        kinds_not_raised(step, person.profile, library.rules),
        lambda kind: f"a {kind} step, only when the person raised {', '.join(raised[kind])}",
        "no kind that needs raising, or it was raised",
    )


def _work_situation(step: LibraryStep, person: Person, library: Library) -> Verdict:
    return _each(
        "work_situation",
        work_situation_kinds(step, person.profile, library.rules),
        lambda kind: f"a {kind} step, not for their work situation",
        "fits their work situation",
    )


def _needs(step: LibraryStep, person: Person, library: Library) -> Verdict:
    needs = library.rules.needs
    return _each(
        "needs",
        unmet_needs(step, person.profile, library.rules),
        lambda need: f"needs {needs[need].label}",
        f"{', '.join(step.needs)} met" if step.needs else "needs nothing",
    )


def _barrier(step: LibraryStep, person: Person, library: Library) -> Verdict:
    return _each(
        "barrier",
        ruling_barriers(step, person.profile, library),
        lambda barrier: f"ruled out by {barrier}",
        "no barrier rules it out",
    )


def _not_with(step: LibraryStep, person: Person, library: Library) -> Verdict:
    return _each(
        "not_with",
        not_for_them(step, person.profile),
        lambda said: f"not for someone with {said}: too small or the wrong service",
        "right for what they have",
    )


def _beginner(step: LibraryStep, person: Person, library: Library) -> Verdict:
    return _each(
        "beginner",
        skills_talked_down(step, person.profile),
        lambda skill: f"a beginner's step in {skill}, a skill they have",
        "no skill of theirs talked down",
    )


def _done(step: LibraryStep, person: Person, library: Library) -> Verdict:
    return _one("done", step.id in person.done, "already done in this plan", "not done yet")


def _grade_window(step: LibraryStep, person: Person, library: Library) -> Verdict:
    stage = effective_stage(person.profile, step.area)
    return _one(
        "grade_window",
        step.grade not in grade_window(stage),
        f"grade {step.grade} is more than one above stage {stage}",
        f"grade {step.grade} at stage {stage} in {step.area}",
    )


def _setting_stage(step: LibraryStep, person: Person, library: Library) -> Verdict:
    return _each(
        "setting_stage",
        setting_stage_limits(step, person.profile, library.rules),
        lambda area: (
            f"grade {step.grade} is out of the home or with others, "
            f"more than one above the stage for {area}"
        ),
        "done with the coach at the desk" if step.at_desk else "setting fits the stage",
    )


def _follows_on(step: LibraryStep, person: Person, library: Library) -> Verdict:
    return _one(
        "follows_on",
        step.follows_on,
        f"builds on {step.smaller} being done first",
        "a first step of its kind",
    )


def _when_named(step: LibraryStep, person: Person, library: Library) -> Verdict:
    if not step.when_named:
        return _one("when_named", False, "", "offered to anyone it fits")
    if step.quotes_hopes:
        refused = not hoped_now(step, person.profile, library.rules)
        return _one(
            "when_named", refused, "only when their hopes name it now", "their hopes name it now"
        )
    refused = not words_name(step.said_as, person.profile)
    return _one("when_named", refused, "only when their own words name it", "their words name it")


def _not_when_said(step: LibraryStep, person: Person, library: Library) -> Verdict:
    refused = words_name(step.not_when_said, person.profile)
    return _one(
        "not_when_said",
        refused,
        "their words say they do this already, or that it does not fit",
        "nothing they wrote rules it out",
    )


def _crisis_grade(step: LibraryStep, person: Person, library: Library) -> Verdict:
    rules = library.rules
    return _one(
        "crisis_grade",
        above_crisis_grade(step, person.profile, rules),
        f"grade {step.grade} is above {rules.crisis.max_grade} after a very hard time",
        "small enough after a very hard time" if _crisis(person, library) else "no crisis",
    )


def _crisis_kind(step: LibraryStep, person: Person, library: Library) -> Verdict:
    return _each(
        "crisis_kind",
        crisis_kinds(step, person.profile, library.rules),
        lambda kind: f"no {kind} steps yet after a very hard time",
        "no left-out kind" if _crisis(person, library) else "no crisis",
    )


def _crisis(person: Person, library: Library) -> bool:
    return library.rules.crisis.barrier in person.profile.barriers


# The table, in the order the trace reads. Every scope evaluates the rules it names.
RULES: tuple[PolicyRule, ...] = (
    PolicyRule("nation", _ALL, _nation),
    PolicyRule("only_for", _ALL, _only_for),
    PolicyRule("only_with", _ALL, _only_with),
    PolicyRule("work_situation", _ALL, _work_situation),
    PolicyRule("needs", _ALL, _needs),
    PolicyRule("barrier", _ALL, _barrier),
    PolicyRule("not_with", _ALL, _not_with),
    PolicyRule("beginner", _ALL, _beginner),
    PolicyRule("done", _ALL, _done),
    PolicyRule("grade_window", _OFFERED, _grade_window),
    PolicyRule("setting_stage", _OFFERED, _setting_stage),
    PolicyRule("follows_on", frozenset({Scope.SUGGESTED}), _follows_on),
    PolicyRule("when_named", _OFFERED, _when_named),
    PolicyRule("not_when_said", _OFFERED, _not_when_said),
    PolicyRule("crisis_grade", _OFFERED, _crisis_grade),
    PolicyRule("crisis_kind", _OFFERED, _crisis_kind),
)


def decide(
    step: LibraryStep,
    profile: Profile,
    library: Library,
    scope: Scope = Scope.SUGGESTED,
    done: frozenset[str] = frozenset(),
) -> Decision:
    """Every rule of the table that applies in `scope`, evaluated in order."""
    person = Person(profile, done)
    refused: list[Refusal] = []
    passed: list[str] = []
    for rule in RULES:
        if scope not in rule.scopes:
            continue
        found, words = rule.check(step, person, library)
        if found:
            refused.extend(found)
        else:
            passed.append(f"{rule.id}: {words}")
    return Decision(tuple(refused), tuple(passed))


def refusals(
    step: LibraryStep,
    profile: Profile,
    library: Library,
    scope: Scope = Scope.SUGGESTED,
    done: frozenset[str] = frozenset(),
) -> tuple[Refusal, ...]:
    """Every rule that keeps this step from this person (empty: it may be offered)."""
    return decide(step, profile, library, scope, done).refusals


def may_offer(
    step: LibraryStep,
    profile: Profile,
    library: Library,
    scope: Scope = Scope.SUGGESTED,
    done: frozenset[str] = frozenset(),
) -> bool:
    return decide(step, profile, library, scope, done).admitted


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
    if refusal.rule == "not_with":
        return "That step does not fit what the person already has or does."
    if refusal.rule == "done":
        return "That step was done already. Well done! Try the next one up."
    if refusal.rule == "work_situation":
        return "That step is for someone in work or starting a job."
    if refusal.rule == "nation":
        return "That step is about a service in another part of the UK."
    return "That step is for people with something this plan does not mention."


@dataclass(frozen=True)
class Score:
    """How well a step suits the person, in parts. Lower `grade_fit` is better."""

    grade_fit: int
    strengths: tuple[str, ...]
    eased: tuple[str, ...]
    topics: tuple[str, ...]
    aims: tuple[str, ...]
    services: tuple[str, ...]
    named: bool
    points: int

    def as_dict(self) -> dict[str, int]:
        return {
            "grade_fit": self.grade_fit,
            "strengths": len(self.strengths),
            "barriers_eased": len(self.eased),
            "raised_topics": len(self.topics),
            "aims": len(self.aims),
            "own_services": len(self.services),
            "named_in_their_words": int(self.named),
            "points": self.points,
        }


def score(step: LibraryStep, profile: Profile, library: Library) -> Score:
    points = library.rules.points
    used = strengths_used(step, profile)
    eased = barriers_eased(step, profile)
    topics = raised_topics(step, profile)
    aims = aims_served(step, profile, library)
    services = own_services_used(step, profile, library.rules)
    window = grade_window(effective_stage(profile, step.area))
    fit = window.index(step.grade) if step.grade in window else len(window)
    qualities = sum(library.strength(s).group == "qualities" for s in used)
    total = points.quality * qualities + points.strength * (len(used) - qualities)
    total += points.eased_barrier * len(eased) + points.raised_topic * bool(topics)
    total += points.aim * bool(aims) + points.own_service * bool(services)
    named = words_name(step.said_as, profile)
    total += points.named * named
    return Score(
        grade_fit=fit,
        strengths=used,
        eased=eased,
        topics=topics,
        aims=aims,
        services=services,
        named=named,
        points=total,
    )


def rank_key(step: LibraryStep, profile: Profile, library: Library) -> tuple[int, int, int]:
    """The score less the cost of each place from the best grade fit; at equal value the
    stage's own grade leads, then the library's order, so the same answers always give the
    same ranking."""
    parts = score(step, profile, library)
    cost = library.rules.points.grade_step * parts.grade_fit
    return (cost - parts.points, parts.grade_fit, library.order(step.id))


def candidates(
    area: str, profile: Profile, library: Library, done: frozenset[str] = frozenset()
) -> list[LibraryStep]:
    """Steps in an area that may be suggested to the person now, best first."""
    eligible = [s for s in library.steps_in(area) if may_offer(s, profile, library, done=done)]
    return sorted(eligible, key=lambda s: rank_key(s, profile, library))
