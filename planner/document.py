"""The plan as the claimant reads it: sections of plain text, in the printed order.

The app's last page, the PDF and the accessible HTML copy all lay out these same sections, so
they always say the same thing. Text is plain here; each renderer escapes it for its format.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from goal_library.models import Library, Signpost
from planner.models import Plan, PlanStep
from planner.text_pieces import pieces

CLOSING_LINE = (
    "We chose these steps together. They are your choices, not conditions. "
    "It is fine to change them, and it is fine if a step takes longer."
)
NOT_SAVED_LINE = "Not saved yet, so this plan has no reference."
STEPS_AT_A_GLANCE = "My steps at a glance"
# A line at a glance stays about a line long in print.
_GLANCE_MOST_CHARACTERS = 80
_GLANCE_MOST_CJK = 30


@dataclass(frozen=True)
class StepBlock:
    title: str
    details: tuple[tuple[str, str], ...]
    own_words: bool = False


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()
    numbered: tuple[str, ...] = ()
    steps: tuple[StepBlock, ...] = ()
    after: tuple[str, ...] = ()


def plan_title(plan: Plan) -> str:
    name = plan.profile.preferred_name.strip()
    return f"My action plan: {plan.profile.preferred_name}" if name else "My action plan"


def running_header(plan: Plan) -> tuple[str, ...]:
    """Whose plan a page belongs to, for the top of every printed page after the first: the
    plan's name and, once it is saved, its reference."""
    name = plan.profile.preferred_name.strip()
    header = f"Action plan for {plan.profile.preferred_name}" if name else "My action plan"
    return (header, f"Plan reference: {plan.reference}") if plan.reference else (header,)


def format_date(day: datetime.date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def plan_sections(
    plan: Plan, library: Library, made_on: datetime.date, *, with_reasons: bool = False
) -> list[Section]:
    """Every section of the plan, in order. The screen adds why each step was picked.

    What a person needs to pick the plan up again comes first: whose it is, its reference, when
    it will be looked at again and the steps in a few lines; the detail follows.
    """
    sections = [
        Section(plan_title(plan), paragraphs=_title_lines(plan, made_on)),
        _steps_at_a_glance(plan),
        _what_matters(plan),
        _aims(plan, library),
        _what_went_well(plan),
        _strengths(plan, library),
        Section("My steps", steps=tuple(step_block(s, with_reasons) for s in plan.steps))
        if plan.steps
        else Section("My steps", paragraphs=("No steps yet. That is OK.",)),
        _help_now(plan),
        Section("", paragraphs=(CLOSING_LINE,)),
    ]
    return [s for s in sections if s is not None]


def step_block(step: PlanStep, with_reasons: bool = False) -> StepBlock:
    """A step with every detail that was filled in, labelled in plain words."""
    reasons = " ".join(step.reasons) if with_reasons and not step.own_words else ""
    details = [
        ("About this step", step.detail),
        ("Why it helps", step.why),
        ("Why we picked it", reasons),
        ("When and how often", step.when),
        ("Who can help", step.who_can_help),
        ("My if-then plan", step.if_then),
        (
            "How sure I feel",
            "" if step.confidence is None else f"{step.confidence} out of 10",
        ),
    ]
    return StepBlock(
        title=step.title,
        details=tuple((label, text) for label, text in details if text.strip()),
        own_words=step.own_words,
    )


def _title_lines(plan: Plan, made_on: datetime.date) -> tuple[str, ...]:
    lines = [f"Made on {format_date(made_on)}"]
    # A copy printed before the plan is saved says so, rather than leaving the reference out
    # without a word: without one, the plan cannot be found again.
    lines.append(f"Plan reference: {plan.reference}" if plan.reference else NOT_SAVED_LINE)
    lines.append(_review_line(plan))
    return tuple(lines)


def _steps_at_a_glance(plan: Plan) -> Section | None:
    if not plan.steps:
        return None
    return Section(STEPS_AT_A_GLANCE, numbered=tuple(glance_line(step) for step in plan.steps))


def glance_line(step: PlanStep) -> str:
    """A step in one short line: its title, and when, if that was agreed. Each is cut short at
    a word's end if it is long, since the step itself follows in full."""
    title = _shortened(step.title)
    return f"{title} – {_shortened(step.when)}" if step.when.strip() else title


def _shortened(text: str) -> str:
    one_line = " ".join(text.split())
    first = pieces(one_line, most=_GLANCE_MOST_CHARACTERS, most_cjk=_GLANCE_MOST_CJK)[0].text
    return one_line if first == one_line else f"{first.rstrip(' ,;:.')}…"


def _what_went_well(plan: Plan) -> Section | None:
    """At a review: the person's own words, then the steps they did."""
    done = tuple(f"You did this: {s.title}" for s in plan.reviewed_steps if s.outcome == "done")
    if not plan.what_went_well.strip() and not done:
        return None
    own = (plan.what_went_well,) if plan.what_went_well.strip() else ()
    return Section("What went well", paragraphs=own, bullets=done)


def _aims(plan: Plan, library: Library) -> Section | None:
    """What the person wants to work towards, in their own order."""
    known = [library.aim(a).label for a in plan.profile.aims if a in library.aim_ids]
    if not known:
        return None
    return Section("What I want to work towards", bullets=tuple(known))


def _what_matters(plan: Plan) -> Section | None:
    if not plan.profile.hopes.strip():
        return None
    return Section("What matters to me", paragraphs=(plan.profile.hopes,))


def _strengths(plan: Plan, library: Library) -> Section | None:
    labels = tuple(library.strength(s).label for s in plan.profile.strengths)
    own = plan.profile.strengths_own_words
    if not labels and not own.strip():
        return None
    return Section(
        "My strengths",
        bullets=labels,
        after=(own,) if own.strip() else (),
    )


def _review_line(plan: Plan) -> str:
    if plan.review_on is None:
        return "We will look at this plan again at your next appointment."
    return f"We will look at this plan again on {format_date(plan.review_on)}."


def _help_now(plan: Plan) -> Section:
    office = (
        "your Jobs and Benefits office"
        if plan.profile.nation == "northern_ireland"
        else "the Jobcentre"
    )
    by_id = {signpost.id: signpost for signpost in plan.signposts}
    lines = [help_now_line(signpost, by_id) for signpost in plan.signposts]
    return Section(
        "Where to get help now",
        paragraphs=(
            "If things get hard, you do not have to wait for your next appointment.",
            f"No phone? Ask at {office}, a library or your GP surgery if there is a phone you "
            "can use, or email Samaritans.",
        ),
        bullets=tuple(lines),
    )


def help_now_line(signpost: Signpost, by_id: dict[str, Signpost]) -> str:
    """One help-now contact as the plan prints it: when it answers, what to use when it does
    not, and the ways in for someone with no credit, a textphone or British Sign Language."""
    parts = [f"{signpost.name}: {signpost.contact}. {signpost.how}"]
    if signpost.hours is not None and not signpost.any_time:
        parts.append(f"Open: {signpost.hours}.")
    other = by_id.get(signpost.at_other_times or "")
    if other is not None:
        parts.append(
            f"At other times: {other.name}, {other.contact[0].lower()}{other.contact[1:]}."
        )
    if signpost.free_with_no_credit:
        parts.append("Free from any phone, even with no credit.")
    parts += [f"{extra.rstrip('.')}." for extra in (signpost.text_relay, signpost.bsl) if extra]
    if not signpost.verified:
        parts.append(f"({signpost.note or 'Please check this contact before you rely on it.'})")
    return " ".join(parts)
