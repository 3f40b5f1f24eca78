"""Build a draft plan from a profile: purpose first, strengths choose the way.

The draft is filled slot by slot in the order of rules.yaml `slots` while the cap allows: after
a crisis a safety step; the most urgent basic need; keeping a job; the first aim; work support;
a step that uses a trade or degree; the second aim or a barrier the person raised; more for
their aims. Strengths and the other points rank the steps that serve a slot; they never choose
the slot, and a step that serves no aim and no raised barrier stays among the alternatives.
Which steps may be offered, and how they rank, is `planner.policy`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from goal_library.models import Library, LibraryStep, PlanningRules, Slot, SlotTakes, SlotWhen
from planner.models import (
    SHORT_TEXT_MAX_CHARS,
    Plan,
    PlanStep,
    Profile,
    ReadFromWords,
    StepTrace,
    revised,
)
from planner.policy import Scope, candidates, decide, rank_key, score
from planner.prompts import Prompt, as_read, read_from_words, words_name
from planner.reasons import step_reasons
from planner.rules import (
    about,
    aims_of,
    asked_for,
    effective_stage,
    hoped_now,
    left_out_of_draft,
    open_areas,
    own_services_used,
    raised_topics,
    serves_aim,
    step_cap,
)

_BEAT_SHOWN = 5
# Enough of what the person hopes for to be theirs, and short enough to read on a card.
_QUOTED_AT_MOST = 160
_QUOTED = "You said: “{said}” {detail}"
ALTERNATIVE = "alternative"


@dataclass(frozen=True)
class Pick:
    """A step the draft took, the slot that took it, and the candidates it beat."""

    step: LibraryStep
    slot: str
    beat: tuple[str, ...]


def build_plan(
    profile: Profile,
    library: Library,
    done: frozenset[str] = frozenset(),
    held_back: frozenset[str] = frozenset(),
) -> Plan:
    """The draft plan: a few graded, explained steps, alternatives, and where to get help now.
    Steps in `done` (done already in this plan) are never offered. Steps `held_back` (at a
    review, like one the person just acted on) may still be offered, but no slot takes them.
    The draft works from the profile as its own words read (`planner.prompts.as_read`); the
    plan keeps the answers as they are and lists what it took from the words."""
    read = read_from_words(profile, library)
    working = as_read(profile, library)
    areas = open_areas(working, library)
    ranked = {area: candidates(area, working, library, done) for area in areas}
    cap = step_cap(working, library.rules)
    from_words = frozenset(p.value for p in read if p.field == "barriers")
    picks = choose(ranked, areas, cap, working, library, from_words, held_back)
    steps = [suggested_step(p.step, working, library, p.slot, p.beat, done=done) for p in picks]
    return Plan(
        profile=profile,
        max_steps=cap,
        steps=[_with_words_reason(step, read, working, library) for step in steps],
        alternatives=alternatives(ranked, [p.step for p in picks], working, library, done),
        signposts=list(library.signposts.for_nation(profile.nation)),
        read_from_words=[
            ReadFromWords(topic=p.topic, answer=p.field, value=p.value, label=p.label)
            for p in read
            if p.field != "language"
        ],
    )


def _says_so_already(slot_id: str, library: Library) -> bool:
    """A slot whose own words already say the step is about what the person wrote."""
    slot = library.rules.slot(slot_id)
    return slot is not None and slot.takes.named


def _with_words_reason(
    step: PlanStep, read: list[Prompt], working: Profile, library: Library
) -> PlanStep:
    """A step taken for something the person wrote, not ticked, says so first."""
    written_for = set(about(library.step(step.id), working)) if library.has_step(step.id) else set()
    helped = {*step.barriers_eased, *step.strengths_used}
    # What the step is written for says more than what it eases, and what made things harder
    # says more than a skill.
    raised = library.rules.raised
    in_order = sorted(
        read, key=lambda p: raised.index(p.value) if p.value in raised else len(raised)
    )
    topics = [
        p.topic
        for ids in (written_for, helped)
        for field in ("barriers", "strengths")
        for p in in_order
        if p.field == field and p.value in ids
    ]
    if topics:
        reason = f"You wrote about {topics[0]}."
    elif (
        library.has_step(step.id)
        and words_name(library.step(step.id).said_as, working)
        and step.trace is not None
        and not _says_so_already(step.trace.slot, library)
    ):
        reason = "This is about something you wrote."
    else:
        return step
    return revised(step, reasons=[reason, *step.reasons])


def choose(
    ranked: dict[str, list[LibraryStep]],
    areas: tuple[str, ...],
    cap: int,
    profile: Profile,
    library: Library,
    from_words: frozenset[str] = frozenset(),
    held_back: frozenset[str] = frozenset(),
) -> list[Pick]:
    """The draft's steps, slot by slot, never more than the cap, one per family. Barriers read
    only `from_words` serve the most-urgent slots after those the person ticked; steps
    `held_back` are taken by no slot."""
    if held_back:
        ranked = {a: [s for s in steps if s.id not in held_back] for a, steps in ranked.items()}
    picks: list[Pick] = []
    for slot in library.rules.slots:
        wants = _slot_wants(slot, ranked, picks, cap, profile, library, from_words)
        if wants is None:
            continue
        wanted, topic, room = wants
        for _ in range(room):
            if len(picks) >= cap:
                return picks
            pick = _best(slot, wanted, topic, ranked, areas, picks, profile, library)
            if pick is None:
                break
            # The last place goes to a later slot this one leaves room for, when that slot would
            # still take a step beside this one (money to live on before a second safety step).
            with_it = [*picks, pick]
            if len(with_it) == cap and any(
                _would_take(later, ranked, areas, with_it, cap, profile, library, from_words)
                for later in slot.leaves_room_for
            ):
                break
            picks.append(pick)
    return picks


def _slot_wants(
    slot: Slot,
    ranked: dict[str, list[LibraryStep]],
    picks: list[Pick],
    cap: int,
    profile: Profile,
    library: Library,
    from_words: frozenset[str],
) -> tuple[Callable[[LibraryStep], bool], str | None, int] | None:
    """Which steps the slot wants, the topic it is about, and how many more it may take; None
    when it is closed or nothing can serve it."""
    if not slot_open(slot.when, profile, cap, library):
        return None
    found = slot_filter(slot, profile, library, ranked, picks, from_words)
    if found is None:
        return None
    wanted, topic = found
    # A basic need is served by any basic-needs step: only the most urgent one is asked for.
    served = _shape(slot.takes) if slot.takes.any_of_shape_serves else wanted
    already = sum(served(p.step) for p in picks)
    return wanted, topic, slot.repeat - already


def _would_take(
    slot_id: str,
    ranked: dict[str, list[LibraryStep]],
    areas: tuple[str, ...],
    picks: list[Pick],
    cap: int,
    profile: Profile,
    library: Library,
    from_words: frozenset[str],
) -> bool:
    """Whether the slot, with the draft as `picks`, would take a step."""
    slot = library.rules.slot(slot_id)
    if slot is None:
        return False
    wants = _slot_wants(slot, ranked, picks, cap, profile, library, from_words)
    if wants is None or wants[2] < 1:
        return False
    wanted, topic, _ = wants
    return _best(slot, wanted, topic, ranked, areas, picks, profile, library) is not None


def slot_open(when: SlotWhen, profile: Profile, cap: int, library: Library) -> bool:
    """Whether every condition of a slot's `when` holds for this person."""
    aims = aims_of(profile, library.rules)
    checks = (
        not when.barriers or bool(set(when.barriers) & set(profile.barriers)),
        not when.aims or bool(set(when.aims) & set(aims[: when.aims_top or None])),
        when.aim_number is None or len(aims) >= when.aim_number,
        not when.no_aims or not aims,
        not when.work_situation or profile.work_situation in when.work_situation,
        profile.work_situation not in when.not_work_situation,
        not when.strengths or bool(set(when.strengths) & set(profile.strengths)),
        when.min_stage <= profile.stage <= when.max_stage,
        cap >= when.min_cap,
        not when.said or words_name(when.said, profile),
        not words_name(when.not_hoping, profile, hopes_only=True)
        or words_name(when.still_open_when_said, profile),
    )
    return all(checks)


def slot_filter(
    slot: Slot,
    profile: Profile,
    library: Library,
    ranked: dict[str, list[LibraryStep]],
    picks: list[Pick],
    from_words: frozenset[str] = frozenset(),
) -> tuple[Callable[[LibraryStep], bool], str | None] | None:
    """Which steps serve this slot for this person, and the barrier they are about (for a
    slot about the most urgent or most pressing one), or None when nothing can."""
    takes = slot.takes
    aims = aims_of(profile, library.rules)
    shape = _shape(takes)

    if takes.named:
        # What they asked for is what they hope for, not what they did before.
        return (lambda s: shape(s) and asked_for(s, profile, library.rules)), None
    if takes.aim_number is not None:
        aim = library.aim(aims[takes.aim_number - 1])
        return (lambda s: shape(s) and serves_aim(s, aim, profile)), None
    if takes.most_urgent:
        topic = _most_urgent(slot, shape, profile, ranked, picks, library, from_words)
    elif takes.raised:
        topic = _first_raised(
            shape, profile, library, ranked, picks, takes.raised_from, takes.kinds
        )
    elif takes.any_purpose:
        served = _covered_topics(picks, library, profile)
        return (lambda s: shape(s) and serves_a_purpose(s, profile, library, served)), None
    else:
        return shape, None
    if topic is None:
        return None
    rules = library.rules
    return (lambda s: shape(s) and topic in topics_served(s, profile, rules, takes.kinds)), topic


def _shape(takes: SlotTakes) -> Callable[[LibraryStep], bool]:
    """Steps of the kinds, area and grades a slot takes."""

    def shape(step: LibraryStep) -> bool:
        return (
            (not takes.kinds or bool(set(step.kinds) & set(takes.kinds)))
            and not set(step.kinds) & set(takes.not_kinds)
            and (takes.area is None or step.area == takes.area)
            and step.grade <= takes.max_grade
        )

    return shape


def serves_a_purpose(
    step: LibraryStep, profile: Profile, library: Library, served: frozenset[str] = frozenset()
) -> bool:
    """The step serves one of the person's aims, or is about something they raised (other
    than topics already `served` by a step of another kind)."""
    aims = aims_of(profile, library.rules)
    if any(serves_aim(step, library.aim(a), profile) for a in aims):
        return True
    return bool(set(about(step, profile)) & (set(library.rules.raised) - served))


def _covered_topics(picks: list[Pick], library: Library, profile: Profile) -> frozenset[str]:
    """Raised topics the draft already serves through a step of a kind, or about a topic,
    that covers them."""
    rules = library.rules
    kinds_in_draft = {kind for p in picks for kind in p.step.kinds}
    topics_in_draft = {t for p in picks for t in topics_served(p.step, profile, rules)}
    by_kind = {t for t, kinds in rules.covered_by_kinds.items() if kinds_in_draft & set(kinds)}
    by_topic = {t for t, topics in rules.covered_by_topics.items() if topics_in_draft & set(topics)}
    return frozenset(by_kind | by_topic)


def topics_served(
    step: LibraryStep,
    profile: Profile,
    rules: PlanningRules,
    slot_kinds: tuple[str, ...] = (),
) -> tuple[str, ...]:
    """What the person raised that this step serves, for a slot taking `slot_kinds`: what it is
    about, less a topic its kinds do not answer outside a slot of those kinds (money after a
    death serves a death in a basic-needs slot, but it is not support with grief)."""
    return tuple(
        topic
        for topic in about(step, profile)
        if not (set(step.kinds) & set(rules.not_covered_by_kinds.get(topic, ())) - set(slot_kinds))
    )


def _most_urgent(
    slot: Slot,
    shape: Callable[[LibraryStep], bool],
    profile: Profile,
    ranked: dict[str, list[LibraryStep]],
    picks: list[Pick],
    library: Library,
    from_words: frozenset[str] = frozenset(),
) -> str | None:
    """The first of the slot's barriers (most urgent first) that the person has, a step can
    serve and, unless any step of the slot's shape serves it, no draft step is about yet. What
    the person ticked comes before what was only read from their words: a reading may be
    wrong, and an answer given is not."""
    rules = library.rules
    steps = _still_open(shape, ranked, picks)
    covered = set(_covered_topics(picks, library, profile))
    if not slot.takes.any_of_shape_serves:
        covered |= {
            t
            for p in picks
            if shape(p.step)
            for t in topics_served(p.step, profile, rules, slot.takes.kinds)
        }
    waits = from_words - set(slot.takes.read_still_leads)
    for barrier in sorted(slot.when.barriers, key=lambda b: b in waits):
        if barrier in covered or barrier not in profile.barriers:
            continue
        if any(barrier in topics_served(s, profile, rules, slot.takes.kinds) for s in steps):
            return barrier
    return None


def _first_raised(
    shape: Callable[[LibraryStep], bool],
    profile: Profile,
    library: Library,
    ranked: dict[str, list[LibraryStep]],
    picks: list[Pick],
    only: tuple[str, ...] = (),
    slot_kinds: tuple[str, ...] = (),
) -> str | None:
    """The most pressing thing the person raised (of `only`, if given) that no draft step
    serves yet and a step of the slot's `slot_kinds` can serve."""
    rules = library.rules
    said = {*profile.barriers, *profile.strengths}
    covered = {t for p in picks for t in topics_served(p.step, profile, rules, slot_kinds)}
    covered |= _covered_topics(picks, library, profile)
    steps = _still_open(shape, ranked, picks)
    for topic in rules.raised:
        if only and topic not in only:
            continue
        if (
            topic in said
            and topic not in covered
            and any(topic in topics_served(s, profile, rules, slot_kinds) for s in steps)
        ):
            return topic
    return None


def _still_open(
    shape: Callable[[LibraryStep], bool], ranked: dict[str, list[LibraryStep]], picks: list[Pick]
) -> list[LibraryStep]:
    """Steps of the slot's shape the draft could still take: none of a family it holds, so a
    topic only such a step is about does not stop the slot looking at the next one."""
    families = {p.step.family_id for p in picks}
    return [
        s for steps in ranked.values() for s in steps if shape(s) and s.family_id not in families
    ]


def _specificity(step: LibraryStep, topic: str) -> int:
    """How closely a step is written for a topic: a step written for it alone comes first,
    then one written for it among others, then one that only eases it."""
    written_for = {*step.only_for, *step.only_for_all}
    return len(written_for) if topic in written_for else 1_000


def _best(
    slot: Slot,
    wanted: Callable[[LibraryStep], bool],
    topic: str | None,
    ranked: dict[str, list[LibraryStep]],
    areas: tuple[str, ...],
    picks: list[Pick],
    profile: Profile,
    library: Library,
) -> Pick | None:
    """The best step for the slot: the better value (points less grade distance), then the
    better grade fit, then the area's place in the focus order. A spreading slot prefers an area
    with fewer steps in the draft."""
    families = {p.step.family_id for p in picks}
    per_area = Counter(p.step.area for p in picks)
    rules = library.rules
    # What the slot prefers for its topic (or, in a slot about no one topic, for anything the
    # person raised) comes before what it prefers for anyone.
    said = {topic} if topic else {*profile.barriers, *profile.strengths}
    prefer_for = [i for t, ids in slot.takes.prefer_for.items() if t in said for i in ids]
    prefer = (*prefer_for, *slot.takes.prefer)
    aims = aims_of(profile, rules)
    number = slot.takes.aim_number
    in_aim_slot = bool(number and number <= len(aims))
    leads = set(library.aim(aims[number - 1]).leads) if in_aim_slot else set()
    left_out = left_out_of_draft(profile, library)
    pool = [
        step
        for area in areas
        for step in ranked[area]
        if wanted(step)
        and step.family_id not in families
        and (not set(step.kinds) & left_out or asked_for(step, profile, rules))
    ]
    pool = _right_work_support(pool, rules)
    if not pool:
        return None

    def key(step: LibraryStep) -> tuple[int, ...]:
        value, fit, _ = rank_key(step, profile, library)
        spread = per_area[step.area] if slot.takes.spread else 0
        preferred = prefer.index(step.id) if step.id in prefer else len(prefer)
        # With a specialist team, its step leads (its follow-up beats the GP's); then, in a slot
        # about a topic, the step written for it alone, then one written for it among others,
        # then one that eases it.
        with_team = -len(own_services_used(step, profile, library.rules))
        unnamed = not words_name(step.said_as, profile)
        # Towards an aim, a step written for something the person raised (college money for a
        # care leaver) leads with the aim's own most direct steps, when it is no bigger than
        # their stage: specific before general.
        leading = step.id in leads or (
            in_aim_slot
            and bool(raised_topics(step, profile))
            and step.grade <= effective_stage(profile, step.area)
        )
        return (
            unnamed if slot.takes.named_first else 0,
            preferred,
            # What the person asked for in their own words leads among the steps that serve.
            unnamed,
            not leading,
            with_team,
            _specificity(step, topic) if topic else 0,
            spread,
            value,
            fit,
            areas.index(step.area),
            library.order(step.id),
        )

    pool.sort(key=key)
    return Pick(pool[0], slot.id, _ids(pool[1:]))


def alternatives(
    ranked: dict[str, list[LibraryStep]],
    chosen: list[LibraryStep],
    profile: Profile,
    library: Library,
    done: frozenset[str] = frozenset(),
) -> dict[str, list[PlanStep]]:
    """Other steps to offer in each open area: one per family, none like a step in the draft.
    Every one has passed the same rules as the draft's steps (all but the cap and the slots).

    Someone who wants paid work is always offered a talk about work support: if the draft has
    none, the best one leads its area's alternatives.
    """
    per_area = library.rules.alternatives_per_area
    result: dict[str, list[PlanStep]] = {}
    pinned = _work_support_to_pin(ranked, chosen, profile, library)
    for area, steps in ranked.items():
        families = {s.family_id for s in chosen}
        offered: list[LibraryStep] = []
        ordered = [*([pinned] if pinned is not None and pinned.area == area else []), *steps]
        for step in ordered:
            if step.family_id in families:
                continue
            families.add(step.family_id)
            offered.append(step)
            if len(offered) == per_area:
                break
        result[area] = [
            suggested_step(s, profile, library, ALTERNATIVE, done=done) for s in offered
        ]
    return result


def _work_support_to_pin(
    ranked: dict[str, list[LibraryStep]],
    chosen: list[LibraryStep],
    profile: Profile,
    library: Library,
) -> LibraryStep | None:
    support = library.rules.work_support
    if support.aim not in aims_of(profile, library.rules):
        return None
    if any(support.kind in s.kinds for s in chosen):
        return None
    options = [s for steps in ranked.values() for s in steps if support.kind in s.kinds]
    return options[0] if options else None


def suggested_step(
    step: LibraryStep,
    profile: Profile,
    library: Library,
    slot: str = ALTERNATIVE,
    beat: Iterable[str] = (),
    *,
    scope: Scope = Scope.SUGGESTED,
    done: frozenset[str] = frozenset(),
) -> PlanStep:
    """A library step as it appears in this person's plan, with its reasons and its trace: the
    rules evaluated for it in `scope`, as the policy decided them."""
    parts = score(step, profile, library)
    table_slot = library.rules.slot(slot)
    return PlanStep(
        id=step.id,
        area=step.area,
        grade=step.grade,
        title=step.title_for(profile.nation),
        detail=_with_their_words(step, profile, library.rules),
        why=step.why_for(profile.nation),
        reasons=step_reasons(
            step,
            effective_stage(profile, step.area),
            parts,
            table_slot.words if table_slot is not None else None,
            library,
        ),
        strengths_used=list(parts.strengths),
        barriers_eased=list(parts.eased),
        smaller=step.smaller_for(profile.nation),
        next=step.next_for(profile.nation),
        trace=StepTrace(
            slot=slot,
            admitted_by=list(decide(step, profile, library, scope, done).passed),
            score=parts.as_dict(),
            beat=list(beat)[:_BEAT_SHOWN],
        ),
    )


def _with_their_words(step: LibraryStep, profile: Profile, rules: PlanningRules) -> str:
    """The step's detail, after what the person hopes for where it names the step (for a step
    that quotes it): their own words make the step theirs."""
    detail = step.detail_for(profile.nation)
    if not step.quotes_hopes:
        return detail
    room = SHORT_TEXT_MAX_CHARS - len(detail) - len(_QUOTED.format(said="", detail=""))
    said = hoped_now(step, profile, rules, at_most=min(_QUOTED_AT_MOST, room))
    return _QUOTED.format(said=said, detail=detail) if said else detail


def _right_work_support(pool: list[LibraryStep], rules: PlanningRules) -> list[LibraryStep]:
    """Where a supported employment route may be offered (IPS, Connect to Work, No One Left
    Behind), it is the talk about work support: a general one (an adviser's advice to the
    coach) does not compete with it, whatever the strengths."""
    routes = set(rules.work_support_routes)
    if not any(step.id in routes for step in pool):
        return pool
    kind = rules.work_support.kind
    return [step for step in pool if step.id in routes or kind not in step.kinds]


def _ids(steps: Iterable[LibraryStep]) -> tuple[str, ...]:
    return tuple(s.id for s in steps)[:_BEAT_SHOWN]
