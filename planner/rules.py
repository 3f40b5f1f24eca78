"""The suggestion rules, each a small pure function of the profile and the library's tables.

`planner.policy` puts them together: it is the one place that decides whether a step may be
offered and how steps rank.
"""

from __future__ import annotations

from goal_library.models import AREA_IDS, Aim, Library, LibraryStep, PlanningRules
from planner.models import OWN_WORDS_MAX_CHARS, Profile
from planner.prompts import sentences_naming, text_names


def effective_stage(profile: Profile, area: str) -> int:
    """The area's own stage if the coach set one, else the overall stage."""
    return profile.area_stages.get(area, profile.stage)  # type: ignore[call-overload]


def grade_window(stage: int) -> tuple[int, ...]:
    """Grades a step may have, best first: the stage itself, one below, one above, then lower.

    Never more than one above the stage. Grades further below are kept last, so an area is
    never left empty when barriers rule out the closer steps.
    """
    below = tuple(range(stage - 1, 0, -1))
    above = (stage + 1,) if stage < 5 else ()
    return (stage, *below[:1], *above, *below[1:])


def in_crisis(profile: Profile, rules: PlanningRules) -> bool:
    return rules.crisis.barrier in profile.barriers


def has_basic_needs(profile: Profile, rules: PlanningRules) -> bool:
    """Money worries or housing problems: basic needs come first."""
    return any(b in profile.barriers for b in rules.basic_needs.barriers)


def aims_of(profile: Profile, rules: PlanningRules) -> tuple[str, ...]:
    """The person's aims in their order; wanting work now is an aim of paid work even when it
    was not chosen (zero exclusion)."""
    implied = (rules.work_support.aim,) if profile.work_situation == "wants_work_now" else ()
    return tuple(dict.fromkeys((*profile.aims, *implied)))


def open_areas(profile: Profile, library: Library) -> tuple[str, ...]:
    """Life areas the plan looks at: the stage's focus areas, then the areas basic needs and the
    person's aims open, the areas of steps they hope for in their own words, then any the coach
    opened by setting a stage."""
    rules = library.rules
    areas = list(rules.focus_areas[profile.stage])
    if has_basic_needs(profile, rules):
        areas.append(rules.basic_needs.area)
    for aim_id in aims_of(profile, rules):
        areas.extend(library.aim(aim_id).areas)
    areas.extend(rules.work_situation_areas.get(profile.work_situation or "", ()))
    areas.extend(step.area for step in library.steps if asked_for(step, profile, library.rules))
    areas.extend(a for a in AREA_IDS if a in profile.area_stages)
    return tuple(dict.fromkeys(areas))


def asked_for(step: LibraryStep, profile: Profile, rules: PlanningRules) -> bool:
    """Whether the person asks for this step by name: in what they hope for now (not "maybe
    one day supervisor"), or in what they said at the last review that they still need."""
    if not step.said_as:
        return False
    return bool(hoped_now(step, profile, rules)) or text_names(step.said_as, profile.review_words)


def step_cap(profile: Profile, rules: PlanningRules) -> int:
    """How many steps the draft plan holds: fewer at early stages and after a crisis."""
    cap = rules.max_steps[profile.stage]
    if in_crisis(profile, rules):
        cap = min(cap, rules.crisis.max_steps)
    return cap


def ruling_barriers(step: LibraryStep, profile: Profile, library: Library) -> tuple[str, ...]:
    """The person's barriers that make this step unrealistic for now (empty if none): named by
    the step, or ruling out its setting or its kind (no exercise goal with eating difficulties)."""
    return tuple(
        barrier_id
        for barrier_id in profile.barriers
        if barrier_id in step.ruled_out_by
        or step.settings & set(library.barrier(barrier_id).rules_out)
        or set(step.kinds) & set(library.barrier(barrier_id).rules_out_kinds)
    )


def work_situation_kinds(
    step: LibraryStep, profile: Profile, rules: PlanningRules
) -> tuple[str, ...]:
    """Kinds of step that are only for a work situation the person is not in."""
    return tuple(
        kind
        for kind in step.kinds
        if kind in rules.kinds_for_work_situations
        and profile.work_situation not in rules.kinds_for_work_situations[kind]
    )


def left_out_of_draft(profile: Profile, library: Library) -> frozenset[str]:
    """Kinds of step a draft leaves out for this person (they stay among the alternatives): no
    job search for someone in work, and no choosing what work to try for someone whose hopes
    already name the work they want."""
    rules = library.rules
    left_out = set(rules.work_situation_not_in_draft.get(profile.work_situation or "", ()))
    if hopes_name_work(profile, library):
        left_out |= set(rules.hoped_work_not_in_draft)
    return frozenset(left_out)


def hopes_name_work(profile: Profile, library: Library) -> bool:
    """Whether what the person hopes for names the work they want now."""
    step_id = library.rules.hoped_work_step
    if step_id is None or not library.has_step(step_id):
        return False
    return bool(hoped_now(library.step(step_id), profile, library.rules))


def hoped_now(
    step: LibraryStep, profile: Profile, rules: PlanningRules, at_most: int = OWN_WORDS_MAX_CHARS
) -> str:
    """What the person hopes for that names the step, in their own words: the sentences that
    name it, leaving out those about one day ("work in a nursery one day")."""
    return sentences_naming(step.said_as, profile.hopes, at_most=at_most, unless=rules.not_now)


def not_for_them(step: LibraryStep, profile: Profile) -> tuple[str, ...]:
    """What the person has or said that makes this step wrong for them: too small, or the
    wrong service (a drink diary for someone whose keyworker already works with them)."""
    said = (*profile.strengths, *profile.barriers)
    return tuple(i for i in said if i in step.not_with)


def own_services_used(step: LibraryStep, profile: Profile, rules: PlanningRules) -> tuple[str, ...]:
    """The specialist services the person has that this step is with."""
    return tuple(
        need
        for need in step.needs
        if need in rules.own_services
        and any(s in profile.strengths for s in rules.needs[need].met_by)
    )


def about(step: LibraryStep, profile: Profile) -> tuple[str, ...]:
    """What the person raised (barriers, and things about them) that this step is about or
    helps with, in the person's order."""
    topics = {*step.only_for, *step.only_for_all, *step.eases}
    return tuple(i for i in (*profile.barriers, *profile.strengths) if i in topics)


def unmet_needs(step: LibraryStep, profile: Profile, rules: PlanningRules) -> tuple[str, ...]:
    """What the step needs that the person's answers say they do not have."""
    unmet = []
    for need in step.needs:
        rule = rules.needs[need]
        said_so = any(s in profile.strengths for s in rule.met_by)
        lacking = any(b in profile.barriers for b in rule.missing_with)
        if not (said_so or (rule.assumed and not lacking)):
            unmet.append(need)
    return tuple(unmet)


def is_about_them(step: LibraryStep, profile: Profile) -> bool:
    """A step about debts, alcohol or caring is only for a person who raised it."""
    said = set(profile.strengths) | set(profile.barriers)
    return (not step.only_for or bool(said & set(step.only_for))) and set(step.only_for_all) <= said


def kinds_not_raised(step: LibraryStep, profile: Profile, rules: PlanningRules) -> tuple[str, ...]:
    """Kinds of step (personal care, English classes) the person did not raise."""
    return tuple(
        kind
        for kind in step.kinds
        if kind in rules.only_with and not any(b in profile.barriers for b in rules.only_with[kind])
    )


def skills_talked_down(step: LibraryStep, profile: Profile) -> tuple[str, ...]:
    """The person's skills this step would meet with a beginner's task."""
    return tuple(s for s in profile.strengths if s in step.beginner_in)


def for_their_nation(step: LibraryStep, profile: Profile) -> bool:
    return not step.nations or profile.nation in step.nations


def crisis_kinds(step: LibraryStep, profile: Profile, rules: PlanningRules) -> tuple[str, ...]:
    """Kinds of step left out of a plan after a crisis (courses, volunteering, work)."""
    if not in_crisis(profile, rules):
        return ()
    let_in = {k for k, aim in rules.crisis.unless_aimed.items() if aim in aims_of(profile, rules)}
    return tuple(k for k in step.kinds if k in rules.crisis.left_out_kinds and k not in let_in)


def above_crisis_grade(step: LibraryStep, profile: Profile, rules: PlanningRules) -> bool:
    return in_crisis(profile, rules) and step.grade > rules.crisis.max_grade


def raised_topics(step: LibraryStep, profile: Profile) -> tuple[str, ...]:
    """The barriers the person raised that this step is written about (debts, caring ...)."""
    return tuple(b for b in profile.barriers if b in (*step.only_for, *step.only_for_all))


def serves_aim(step: LibraryStep, aim: Aim, profile: Profile) -> bool:
    """A step serves an aim when it is in one of the aim's areas (and of its kinds, if named;
    early on, of its early kinds; later on, of its later kinds); in a loose area only when it
    also eases something the person raised. Early and later are the person's stage in the
    step's area: a coach who set learning at stage 1 is not asked for a course."""
    stage = effective_stage(profile, step.area)
    if stage <= aim.early_until_stage and aim.early_kinds:
        kinds = aim.early_kinds
    elif stage >= aim.later_from_stage and aim.later_kinds:
        kinds = aim.later_kinds
    else:
        kinds = aim.kinds
    return (
        step.area in aim.areas
        and (not kinds or bool(set(step.kinds) & set(kinds)))
        and step.family_id not in aim.except_families
        and (step.area not in aim.loose_areas or bool(barriers_eased(step, profile)))
    )


def setting_stage_limits(
    step: LibraryStep, profile: Profile, rules: PlanningRules
) -> tuple[str, ...]:
    """Areas whose stage a step's setting goes past: out of the home beyond the getting-out
    stage, or with others beyond the people stage (each plus one grade)."""
    limits = rules.setting_limits
    if step.at_desk:
        # Done with the coach, in the appointment the person has already come to.
        return ()
    checks = [
        (not step.at_home, limits.outside_home_area),
        (step.with_others, limits.with_others_area),
    ]
    return tuple(
        area
        for applies, area in checks
        if applies and step.area != area and step.grade > effective_stage(profile, area) + 1
    )


def aims_served(step: LibraryStep, profile: Profile, library: Library) -> tuple[str, ...]:
    """The person's aims this step serves, in the person's order."""
    return tuple(
        a for a in aims_of(profile, library.rules) if serves_aim(step, library.aim(a), profile)
    )


def strengths_used(step: LibraryStep, profile: Profile) -> tuple[str, ...]:
    """The person's own strengths this step draws on, in the person's order."""
    return tuple(s for s in profile.strengths if s in step.strengths)


def barriers_eased(step: LibraryStep, profile: Profile) -> tuple[str, ...]:
    """The person's barriers this step may help with, in the person's order."""
    return tuple(b for b in profile.barriers if b in step.eases)


def fits_window(step: LibraryStep, profile: Profile) -> bool:
    return step.grade in grade_window(effective_stage(profile, step.area))


def should_offer_smaller(confidence: int | None, rules: PlanningRules) -> bool:
    """Below the confidence threshold, the smaller version is offered."""
    return confidence is not None and confidence < rules.confidence_threshold


def is_like_one_of(step: LibraryStep, others: set[str], library: Library, nation: str) -> bool:
    """Whether a step is of the family of one of `others` (library step ids), or a rung of its
    ladder (its smaller or next version): a plan holds one step of each, in a draft, a redraft
    and at a review."""
    rungs = {step.smaller_for(nation), step.next_for(nation)}
    for other_id in others - {step.id}:
        if not library.has_step(other_id):
            continue
        other = library.step(other_id)
        if other.family_id == step.family_id or other_id in rungs:
            return True
        if step.id in (other.smaller_for(nation), other.next_for(nation)):
            return True
    return False
