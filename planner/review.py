"""The review rule: from how each step went to the next draft plan, without blame.

What each outcome leads to is one table, rules.yaml `review_moves`: for each outcome, the moves
to try in order (the next step up, the same step, its smaller version, another step in its
area), each with the words the plan says, so every reason is true of the move it describes.
A review can also change the person (stages, barriers, services, aims, work situation); a very
hard time lapses after eight weeks unless renewed. What the review changed or heard beats a
reading of the first words, and a step done shows the person can do its grade. A step done is
never offered again in the plan, and no step is cut without a word: the person's own steps are
always carried forward.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from goal_library.models import Library, LibraryStep, ReviewMove
from planner.editing import revised_plan, with_note
from planner.models import (
    OWN_WORDS_MAX_CHARS,
    Outcome,
    Plan,
    PlanStep,
    Profile,
    ReviewChanges,
    TakenStep,
    agreed_for,
    revised,
)
from planner.policy import Scope, candidates, may_offer
from planner.prompts import (
    as_read,
    needs_still_open,
    read_from_words,
    sentences_naming,
    text_names,
)
from planner.reasons import stage_fit_reason
from planner.rules import (
    about,
    aims_served,
    asked_for,
    effective_stage,
    in_crisis,
    is_like_one_of,
    left_out_of_draft,
    should_offer_smaller,
    step_cap,
)
from planner.suggest import build_plan, suggested_step

OUTCOME_LABELS: dict[str, str] = {
    "done": "Done",
    "partly": "Partly",
    "not_yet": "Not yet",
    "not_for_me": "Not right for me",
}
# The table's row for a step the review did not mark.
NOT_REVIEWED = "not_reviewed"
LAPSED_NOTE = (
    "The very hard time was more than {weeks} weeks ago, so this plan no longer treats it as "
    "recent. If things are still very hard, tell your coach."
)
LEFT_OUT_NOTE = "We left out “{title}” for now: it does not fit where you are now."
NEXT_LATER_NOTE = "Well done on “{title}”. Its next step does not fit this plan just now."
OWN_LEFT_OUT_NOTE = "You said “{title}” was not right for you, so we left it out."
ROOM_LEFT_OUT_NOTE = (
    "We left out “{title}” for now, to make room for something more pressing. You can add it back."
)
CRISIS_LEFT_OUT_NOTE = (
    "We left out “{title}” for now: after a very hard time, a few small steps are enough. "
    "You can add it back."
)


def review_plan(
    plan: Plan,
    outcomes: Mapping[str, Outcome],
    library: Library,
    reviewed_on: datetime.date,
    *,
    stage: int | None = None,
    area_stages: Mapping[str, int] | None = None,
    what_went_well: str = "",
    outcome_words: Mapping[str, str] | None = None,
    changes: ReviewChanges | None = None,
) -> Plan:
    """The next draft plan after a review."""
    profile, notes = updated_profile(
        plan, library, reviewed_on, stage=stage, area_stages=area_stages, changes=changes
    )
    words = outcome_words or {}
    done_now = {s.id for s in plan.steps if outcomes.get(s.id) == "done" and not s.own_words}
    profile = with_stage_shown(
        plan.profile, profile, done_now, library, stage=stage, area_stages=area_stages
    )
    profile = with_readings_answered(
        plan.profile, profile, library, (what_went_well, *words.values())
    )
    profile = Profile.model_validate(
        {
            **profile.model_dump(),
            "review_words": still_open(library, (what_went_well, *words.values())),
        },
        context={"library": library},
    )
    # The draft below reads the person's words itself; the moves read them too.
    person = as_read(profile, library)
    # What was said at the review can show a step is already done ("we agreed £20 a month").
    answered = _answered_in_words(library, (what_went_well, *words.values()))
    reviewed_steps = [
        revised(step, outcome=outcomes.get(step.id), outcome_words=words.get(step.id, ""))
        for step in plan.steps
    ]
    done = _with_smaller_rungs(
        {t.id for t in plan.steps_taken if t.id}
        | {s.id for s in reviewed_steps if s.outcome == "done" and not s.own_words}
        | answered,
        library,
        profile.nation,
    )
    # "Not for me" is remembered for the life of the plan, not only until the next review.
    declined = frozenset(plan.not_for_me) | {
        s.id for s in reviewed_steps if s.outcome == "not_for_me" and not s.own_words
    }
    chosen: list[PlanStep] = []
    # Topics the person said they need no help with: nothing else about them is added.
    closed: set[str] = set()
    for step in plan.steps:
        # Steps in the new plan so far, and the last plan's steps that carry on in some form
        # (a step done or not for them leaves, and is never offered again anyway).
        taken = {s.id for s in chosen} | {
            s.id
            for s in plan.steps
            if s.id != step.id and outcomes.get(s.id) not in ("done", "not_for_me")
        }
        outcome = outcomes.get(step.id)
        # Words that show a step is done or not needed settle it, unless the person said it
        # was not for them: that is their answer, and no one thanks them for it.
        if step.id in answered and not step.own_words and outcome != "not_for_me":
            outcome = "done"
        follow_on = follow_on_step(
            step,
            outcome,
            person,
            library,
            taken,
            done | declined,
            frozenset(plan.not_for_me),
            said=words.get(step.id, ""),
            went_well=what_went_well,
        )
        if follow_on.note:
            notes.append(follow_on.note)
            closed |= set(follow_on.closes)
        elif follow_on.step is not None:
            chosen.append(follow_on.step)
        elif not step.own_words and outcome not in ("done", "not_for_me"):
            notes.append(LEFT_OUT_NOTE.format(title=step.title))
        elif outcome == "done" and step.next not in (None, *(s.id for s in plan.steps)):
            notes.append(NEXT_LATER_NOTE.format(title=step.title))
        elif step.own_words and outcome == "not_for_me":
            notes.append(OWN_LEFT_OUT_NOTE.format(title=step.title))
    cap = step_cap(person, library.rules)
    # A step just made smaller is not offered back beside its smaller one.
    replaced = {s.id for s in plan.steps if s.id not in {c.id for c in chosen} and not s.own_words}
    # Done, or said to be not for them: either way the person has answered that need for now.
    # The new draft's slots take nothing like it, so neither the steps that lead the plan nor
    # those that fill the room left bring it back.
    acted_on = frozenset(
        s.id for s in reviewed_steps if s.outcome in ("done", "not_for_me") and not s.own_words
    )
    draft = build_plan(
        profile,
        library,
        done=done | declined | replaced | {s.id for s in chosen},
        held_back=like_what_was_acted_on(acted_on, person, library),
    )
    if in_crisis(person, library.rules):
        chosen = _small_and_safe(chosen, cap, draft, library, notes)
    else:
        chosen = _urgent_first(chosen, cap, draft, library, notes, acted_on, closed)
    chosen = _fill_to_cap(chosen, cap, draft, library, closed)
    next_plan = with_note(
        draft,
        library,
        steps=chosen,
        reference=plan.reference,
        reviewed_on=reviewed_on,
        what_went_well=what_went_well,
        steps_taken=[*plan.steps_taken, *_newly_taken(reviewed_steps, reviewed_on)],
        reviewed_steps=reviewed_steps,
        not_for_me=sorted(declined),
        alternatives=_alternatives(draft, chosen),
    )
    if notes:
        next_plan = revised_plan(next_plan, library, notes=[*next_plan.notes, *notes][:10])
    return next_plan


@dataclass(frozen=True)
class FollowOn:
    """What follows a step in the next plan: a step, or nothing, with a note when the person's
    words ended it ("I don't need that") and the topics that closes."""

    step: PlanStep | None = None
    note: str = ""
    closes: tuple[str, ...] = ()


def follow_on_step(
    step: PlanStep,
    outcome: Outcome | None,
    profile: Profile,
    library: Library,
    taken: set[str],
    done: frozenset[str] = frozenset(),
    declined_before: frozenset[str] = frozenset(),
    *,
    said: str = "",
    went_well: str = "",
) -> FollowOn:
    """What follows this step in the next plan: the first move of the outcome's row that can
    be made, or nothing when it simply ends. `declined_before`: steps the person said were not
    for them at earlier reviews; `said`: what they said about this step, which a move may need
    ("it cost too much"); `went_well`: what went well, which some moves read too."""
    row = library.rules.review_moves[outcome or NOT_REVIEWED]
    if step.own_words:
        own = next((m for m in row if m.move == "same"), None)
        if own is None:
            return FollowOn()
        return FollowOn(revised(step, reasons=[own.words], outcome=None))
    if not library.has_step(step.id):
        return FollowOn()
    current = library.step(step.id)
    for move in row:
        if move.low_confidence_only and not should_offer_smaller(step.confidence, library.rules):
            continue
        heard = (said, went_well) if move.reads_what_went_well else (said,)
        if move.when_said and not text_names(move.when_said, *heard):
            continue
        if move.move == "none":
            note = move.words.replace("{title}", step.title)
            return FollowOn(note=note, closes=about(current, profile))
        unlike = unlike_steps(current, profile, library) if move.other_kinds else frozenset()
        target = _move_target(move, current, profile, library, taken, done, declined_before, unlike)
        if target is None or is_like_one_of(target, taken - {current.id}, library, profile.nation):
            continue
        moved = _with_reason(target, profile, library, move.words, done)
        if target.id == current.id:
            moved = revised(moved, **agreed_for(step))
        return FollowOn(moved)
    return FollowOn()


def unlike_steps(current: LibraryStep, profile: Profile, library: Library) -> frozenset[str]:
    """Steps that would be more of the same after `current` was not right for the person: like
    it as a step acted on is (its family, its ladder, written only for what it was about), or
    sharing one of its kinds (another basic-needs step after a basic-needs step)."""
    same_kind = {s.id for s in library.steps if set(s.kinds) & set(current.kinds)}
    return like_what_was_acted_on(frozenset({current.id}), profile, library) | same_kind


def like_what_was_acted_on(
    acted_on: frozenset[str], profile: Profile, library: Library
) -> frozenset[str]:
    """Steps like one the person acted on at this review (done, or not right for them): of its
    family or its ladder, of one of its kinds that rules.yaml `refill_not_after_kinds` names
    (after a course, not another course), or in its area and written only for what it was
    about (after ringing the housing team, not a list of housing worries)."""
    acted = [library.step(i) for i in sorted(acted_on) if library.has_step(i)]
    if not acted:
        return frozenset()
    refill_kinds = set(library.rules.refill_not_after_kinds)
    acted_kinds = {k for s in acted for k in s.kinds} & refill_kinds
    said = {*profile.barriers, *profile.strengths}
    topics_by_area: dict[str, set[str]] = {}
    for step in acted:
        topics_by_area.setdefault(step.area, set()).update(about(step, profile))
    # What they said at this review is still open, or asked for by name, is not held back.
    still_open_now = needs_still_open(profile, library)

    def like(step: LibraryStep) -> bool:
        if set(about(step, profile)) & still_open_now or asked_for(step, profile, library.rules):
            return False
        written_for = {*step.only_for, *step.only_for_all} & said
        return (
            bool(set(step.kinds) & acted_kinds)
            or (bool(written_for) and written_for <= topics_by_area.get(step.area, set()))
            or is_like_one_of(step, set(acted_on), library, profile.nation)
        )

    return frozenset(s.id for s in library.steps if s.id not in acted_on and like(s))


def _answered_in_words(library: Library, said: Sequence[str]) -> frozenset[str]:
    """Steps the words said at a review show are done or not needed (the words that would keep
    the step out of a first draft: "we agreed a payment plan")."""
    if not any(said):
        return frozenset()
    return frozenset(
        step.id
        for step in library.steps
        if step.not_when_said and text_names(step.not_when_said, *said)
    )


def _move_target(
    move: ReviewMove,
    current: LibraryStep,
    profile: Profile,
    library: Library,
    taken: set[str],
    done: frozenset[str],
    declined_before: frozenset[str] = frozenset(),
    unlike: frozenset[str] = frozenset(),
) -> LibraryStep | None:
    """The step a move leads to for this person now, or None when it cannot be made; another
    step is never one of `unlike`."""
    if move.move == "same":
        return current if may_offer(current, profile, library, Scope.NEXT_STEP, done) else None
    if move.move == "help_with_cost":
        return _help_with_cost(current, profile, library, taken, done)
    if move.move in ("next", "smaller"):
        nation = profile.nation
        target_id = current.next_for(nation) if move.move == "next" else current.smaller_for(nation)
        # A next step already done (the words said so) is passed: the one after it is next.
        passed: set[str] = set()
        while move.move == "next" and target_id in done and target_id not in passed:
            passed.add(target_id)
            above = library.step(target_id) if library.has_step(target_id) else None
            target_id = above.next_for(nation) if above is not None else None
        if target_id is None or target_id in taken or not library.has_step(target_id):
            return None
        return _this_or_its_twin(library.step(target_id), profile, library, taken, done)
    return _another_in_area(
        current, profile, library, taken, done, move.move, declined_before, unlike
    )


def _help_with_cost(
    current: LibraryStep,
    profile: Profile,
    library: Library,
    taken: set[str],
    done: frozenset[str],
) -> LibraryStep | None:
    """When money got in the way: a step of the same family that asks the coach about help
    with the cost, or the same step when its cost is one the coach can often help with."""
    twins = [
        s
        for s in library.steps_in(current.area)
        if s.family_id == current.family_id
        and s.id != current.id
        and s.id not in taken
        and library.rules.work_support.kind in s.kinds
        and abs(s.grade - current.grade) <= 1
    ]
    for twin in twins:
        if may_offer(twin, profile, library, Scope.NEXT_STEP, done):
            return twin
    if current.coach_can_fund and may_offer(current, profile, library, Scope.NEXT_STEP, done):
        return current
    return None


def _this_or_its_twin(
    target: LibraryStep,
    profile: Profile,
    library: Library,
    taken: set[str],
    done: frozenset[str],
) -> LibraryStep | None:
    """The ladder's step, or, where it is written for another nation or otherwise cannot be
    offered, a step of its family and grade that can (a carer's support plan in Scotland for
    a carer's assessment in England)."""
    if may_offer(target, profile, library, Scope.NEXT_STEP, done):
        return target
    twins = [
        s
        for s in library.steps_in(target.area)
        if s.family_id == target.family_id
        and s.id != target.id
        and s.grade == target.grade
        and s.id not in taken
    ]
    return next((s for s in twins if may_offer(s, profile, library, Scope.NEXT_STEP, done)), None)


def _another_in_area(
    current: LibraryStep,
    profile: Profile,
    library: Library,
    taken: set[str],
    done: frozenset[str],
    move: str,
    declined_before: frozenset[str] = frozenset(),
    unlike: frozenset[str] = frozenset(),
) -> LibraryStep | None:
    taken_families = {library.step(i).family_id for i in taken if library.has_step(i)}
    purpose = set(about(current, profile)) | set(aims_served(current, profile, library))
    declined_topics = {
        topic
        for i in declined_before
        if library.has_step(i)
        for topic in about(library.step(i), profile)
    }
    # A second "not for me" on the same topic: something for another purpose first.
    tired_of_it = bool(set(about(current, profile)) & declined_topics)

    def shares_purpose(step: LibraryStep) -> bool:
        return bool(
            purpose & (set(about(step, profile)) | set(aims_served(step, profile, library)))
        )

    # What they asked for by name ("I need to do the CSCS test first") first, even of the same
    # kind; then another step for the same purpose (the drink, the aim), then any other.
    ranked = sorted(
        candidates(current.area, profile, library, done),
        key=lambda s: (
            not asked_for(s, profile, library.rules),
            shares_purpose(s) if tired_of_it else not shares_purpose(s),
        ),
    )
    # Someone in work is not swapped onto a job search, as a draft would not offer one.
    left_out = left_out_of_draft(profile, library)
    for candidate in ranked:
        if candidate.id == current.id or candidate.id in taken:
            continue
        if candidate.id in unlike and not asked_for(candidate, profile, library.rules):
            continue
        # In place of a step about something the person raised, never one about nothing they
        # raised (after money running out, not a step about letters).
        if unlike and about(current, profile) and not about(candidate, profile):
            continue
        if left_out & set(candidate.kinds):
            continue
        if candidate.family_id in taken_families | {current.family_id}:
            continue
        if move == "another_same_grade" and candidate.grade != current.grade:
            continue
        # At the same grade only for the same purpose: otherwise the next move looks wider for
        # it (another gambling step a grade up beats a talk about feelings at this grade).
        if move == "another_same_grade" and not tired_of_it and not shares_purpose(candidate):
            continue
        if move == "another_bigger" and candidate.grade < current.grade:
            continue
        return candidate
    return None


def _with_reason(
    step: LibraryStep, profile: Profile, library: Library, reason: str, done: frozenset[str]
) -> PlanStep:
    suggested = suggested_step(step, profile, library, scope=Scope.NEXT_STEP, done=done)
    # The move's words say how the step compares with the last one; the size against the
    # stage ("a little smaller than where you are now") could contradict them, so it goes.
    fit = stage_fit_reason(step.grade, effective_stage(profile, step.area), library, step.kinds)
    return revised(suggested, reasons=[reason, *(r for r in suggested.reasons if r != fit)])


def _with_smaller_rungs(done: set[str], library: Library, nation: str) -> frozenset[str]:
    """Steps done, the smaller rungs of their ladders, and smaller steps written for the same
    need in the same area: after ringing the housing team, no step that only gets ready to."""
    found = set(done) | _smaller_for_the_same_need(done, library)
    # A near-twin of a step done (telling the GP after telling the team) is not offered either;
    # a bigger step of its family is the ladder going on (going to the GP follow-up after
    # asking for it), and stays.
    done_steps = [library.step(i) for i in done if library.has_step(i)]
    found |= {
        s.id
        for s in library.steps
        for d in done_steps
        if s.family_id == d.family_id and s.grade <= d.grade
    }
    for step_id in done:
        seen: set[str] = set()
        while library.has_step(step_id) and step_id not in seen:
            seen.add(step_id)
            smaller = library.step(step_id).smaller_for(nation)
            if smaller is None:
                break
            found.add(smaller)
            step_id = smaller
    return frozenset(found)


def _smaller_for_the_same_need(done: set[str], library: Library) -> set[str]:
    done_steps = [library.step(i) for i in done if library.has_step(i)]
    written = [(d, {*d.only_for, *d.only_for_all}) for d in done_steps]
    return {
        step.id
        for step in library.steps
        for did, needs in written
        if needs
        and step.area == did.area
        and step.grade < did.grade
        and needs & {*step.only_for, *step.only_for_all}
    }


def _urgent_first(
    chosen: list[PlanStep],
    cap: int,
    draft: Plan,
    library: Library,
    notes: list[str],
    acted_on: frozenset[str] = frozenset(),
    closed: set[str] | frozenset[str] = frozenset(),
) -> list[PlanStep]:
    """What the person needs most now comes first, as in a first draft: a step the new draft
    puts in an urgent slot (being safe at home, a basic need) that no carried step already
    serves, and that the person did not act on at this review, leads the plan. To make room,
    carried library steps beyond the cap are left out, each named in a note; the person's own
    steps are always kept."""
    urgent_slots = set(library.rules.urgent_slots)
    profile = as_read(draft.profile, library)
    # A step done at this review serves its need too: the person acted on it.
    ids = [*(s.id for s in chosen), *sorted(acted_on)]
    carried = [library.step(i) for i in ids if library.has_step(i)]
    carried_families = {s.family_id for s in carried}
    carried_topics = {t for s in carried for t in about(s, profile)}
    # A carried step about a stronger topic serves the weaker one too (housing help for someone
    # with nowhere safe to live covers their housing problems).
    carried_topics |= {
        topic
        for topic, stronger in library.rules.covered_by_topics.items()
        if carried_topics & set(stronger)
    }

    def unserved(step: PlanStep) -> bool:
        library_step = library.step(step.id)
        written_for = {*library_step.only_for, *library_step.only_for_all} & set(profile.barriers)
        like_a_carried_step = library_step.family_id in carried_families or is_like_one_of(
            library_step, set(ids), library, profile.nation
        )
        said_not_needed = bool(set(about(library_step, profile)) & closed)
        return not like_a_carried_step and not written_for <= carried_topics and not said_not_needed

    urgent = [
        s
        for s in draft.steps
        if s.trace is not None and s.trace.slot in urgent_slots and unserved(s)
    ]
    if not urgent:
        return chosen
    kept = [*urgent, *chosen]
    room = max(cap, len(chosen))
    while len(kept) > room:
        last_library = next(
            (s for s in reversed(kept) if not s.own_words and s not in urgent), None
        )
        if last_library is None:
            break
        kept.remove(last_library)
        notes.append(ROOM_LEFT_OUT_NOTE.format(title=last_library.title))
    return kept


def _small_and_safe(
    chosen: list[PlanStep], cap: int, draft: Plan, library: Library, notes: list[str]
) -> list[PlanStep]:
    """After a very hard time the next plan is small and safe, as a first draft is: a safety
    step first, the person's own steps kept, and library steps only up to the cap, each one
    left out named in a note."""
    safety_kind = library.rules.crisis.first_kind

    def is_safety(step: PlanStep) -> bool:
        return library.has_step(step.id) and safety_kind in library.step(step.id).kinds

    safety = next((s for s in chosen if is_safety(s)), None) or next(
        (s for s in draft.steps if is_safety(s)), None
    )
    kept = [safety] if safety is not None else []
    kept += [s for s in chosen if s.own_words]
    # What keeps a person safe or housed goes before anything else that was carried.
    first = {safety_kind, library.rules.basic_needs.kind}

    def urgency(step: PlanStep) -> int:
        return 0 if set(library.step(step.id).kinds) & first else 1

    carried = sorted((s for s in chosen if not s.own_words and s is not safety), key=urgency)
    for step in carried:
        if len(kept) < cap:
            kept.append(step)
        else:
            notes.append(CRISIS_LEFT_OUT_NOTE.format(title=step.title))
    return kept


def _fill_to_cap(
    chosen: list[PlanStep],
    cap: int,
    draft: Plan,
    library: Library,
    closed: set[str] | frozenset[str] = frozenset(),
) -> list[PlanStep]:
    """Room left under the cap is offered from a fresh draft, so the plan still has a next step;
    never a second step of a family already in the plan, nor one about something the person
    said they need no help with. Nothing already chosen is cut."""
    if len(chosen) >= cap:
        return chosen
    nation = draft.profile.nation
    profile = as_read(draft.profile, library)
    kept = [*chosen]
    for step in draft.steps:
        if len(kept) >= cap:
            break
        in_plan = {s.id for s in kept}
        library_step = library.step(step.id)
        if step.id in in_plan or is_like_one_of(library_step, in_plan, library, nation):
            continue
        if set(about(library_step, profile)) & closed:
            continue
        kept.append(step)
    return kept


def _alternatives(draft: Plan, chosen: list[PlanStep]) -> dict[str, list[PlanStep]]:
    chosen_ids = {s.id for s in chosen}
    return {
        area: [s for s in steps if s.id not in chosen_ids]
        for area, steps in draft.alternatives.items()
    }


def _newly_taken(steps: list[PlanStep], on: datetime.date) -> list[TakenStep]:
    return [
        TakenStep(title=s.title, area=s.area, done_on=on, id=None if s.own_words else s.id)
        for s in steps
        if s.outcome == "done"
    ]


def with_stage_shown(
    before: Profile,
    profile: Profile,
    done: Iterable[str],
    library: Library,
    *,
    stage: int | None = None,
    area_stages: Mapping[str, int] | None = None,
) -> Profile:
    """The person with the stage raised where a step done at this review shows they can do more:
    doing a step of grade g shows they can do grade g, in its area and in the areas its setting
    is limited by (out of the home: getting out; with others: people). Not in an area whose
    stage this review set, nor when it lowered the overall stage or notes a very hard time."""
    rules = library.rules
    lowered = stage is not None and stage < before.stage
    if not rules.done_shows_stage or lowered or in_crisis(profile, rules):
        return profile
    limits = rules.setting_limits
    set_now = set(area_stages or {})
    stages = dict(profile.area_stages)
    for step_id in sorted(done):
        if not library.has_step(step_id):
            continue
        step = library.step(step_id)
        areas = {step.area}
        if not step.at_desk and not step.at_home:
            areas.add(limits.outside_home_area)
        if not step.at_desk and step.with_others:
            areas.add(limits.with_others_area)
        for area in sorted(areas - set_now):
            if step.grade > max(effective_stage(profile, area), stages.get(area, 0)):
                stages[area] = step.grade
    if stages == profile.area_stages:
        return profile
    return revised(profile, library, area_stages=stages)


def with_readings_answered(
    before: Profile, profile: Profile, library: Library, said: Sequence[str]
) -> Profile:
    """The person with each reading of their first words that this review answered set aside:
    an answer the review took away (a barrier the coach removed is not read back from the old
    words), or one the words said at the review show no longer holds ("I told the nurse
    manager"). What changed at the review beats what was written at the start."""
    read = {p.key for p in read_from_words(profile, library)}
    answered = {
        f"{field}:{said_id}"
        for field in ("barriers", "strengths")
        for said_id in set(getattr(before, field)) - set(getattr(profile, field))
    }
    if any(said):
        answered |= {
            f"{field}:{said_id}"
            for said_id, phrases in library.rules.settled_by_review_words.items()
            if text_names(phrases, *said)
            for field in ("barriers", "strengths")
        }
    new = sorted((answered & read) - set(profile.words_set_aside))
    if not new:
        return profile
    return revised(profile, library, words_set_aside=[*profile.words_set_aside, *new])


def still_open(library: Library, said: Iterable[str]) -> str:
    """The sentences said at a review about something still open ("I still need a GP"), read
    from then on like the person's own words; what got done is not read as a need."""
    phrases = library.rules.still_open_at_review
    found = (sentences_naming(phrases, text, at_most=OWN_WORDS_MAX_CHARS) for text in said)
    return " ".join(f for f in found if f)[:OWN_WORDS_MAX_CHARS]


def updated_profile(
    plan: Plan,
    library: Library,
    reviewed_on: datetime.date,
    *,
    stage: int | None = None,
    area_stages: Mapping[str, int] | None = None,
    changes: ReviewChanges | None = None,
) -> tuple[Profile, list[str]]:
    """The person as they are now, and the notes that say what the review changed by itself.

    A very hard time lapses once `crisis_lapses_after_days` have passed since it was noted,
    unless the review renews it; it can also be cleared. A date first set here for an older
    plan counts from the plan's last review or making.
    """
    profile = plan.profile
    rules = library.rules
    data = profile.model_dump()
    if stage is not None:
        data["stage"] = stage
    if area_stages is not None:
        data["area_stages"] = dict(area_stages)
    if changes is not None:
        data.update(changes.model_dump(exclude_unset=True, exclude={"crisis"}))
    notes: list[str] = []
    crisis = rules.crisis.barrier
    if changes is not None and changes.crisis == "renew" and crisis not in data["barriers"]:
        data["barriers"] = [*data["barriers"], crisis]
    if crisis in data["barriers"]:
        renewed = changes is not None and changes.crisis == "renew"
        cleared = changes is not None and changes.crisis == "clear"
        noted = profile.crisis_noted_on or plan.reviewed_on or plan.created_on
        lapsed = noted is not None and (reviewed_on - noted).days >= rules.crisis_lapses_after_days
        if renewed or (crisis not in profile.barriers):
            data["crisis_noted_on"] = reviewed_on
        elif cleared or lapsed:
            data["barriers"] = [b for b in data["barriers"] if b != crisis]
            data["crisis_noted_on"] = None
            if lapsed and not cleared:
                notes.append(LAPSED_NOTE.format(weeks=rules.crisis_lapses_after_days // 7))
        elif noted is None:
            data["crisis_noted_on"] = reviewed_on
    else:
        data["crisis_noted_on"] = None
    if crisis not in data["barriers"]:
        data["words_set_aside"] = _crisis_read_set_aside(plan, library, reviewed_on, changes, notes)
    return Profile.model_validate(data, context={"library": library}), notes


def _crisis_read_set_aside(
    plan: Plan,
    library: Library,
    reviewed_on: datetime.date,
    changes: ReviewChanges | None,
    notes: list[str],
) -> list[str]:
    """The words set aside, with a very hard time read only from the person's words set aside
    too when the review clears it or it has lapsed: words written once are not read as now for
    ever."""
    rules = library.rules
    set_aside = list(plan.profile.words_set_aside)
    key = f"barriers:{rules.crisis.barrier}"
    read = {p.key for p in read_from_words(plan.profile, library)}
    if key not in read or key in set_aside:
        return set_aside
    cleared = changes is not None and changes.crisis == "clear"
    written = plan.created_on or plan.reviewed_on
    lapsed = written is not None and (reviewed_on - written).days >= rules.crisis_lapses_after_days
    if cleared or lapsed:
        set_aside.append(key)
        note = LAPSED_NOTE.format(weeks=rules.crisis_lapses_after_days // 7)
        if lapsed and not cleared and note not in notes:
            notes.append(note)
    return set_aside
