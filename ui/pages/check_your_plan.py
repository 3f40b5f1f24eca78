"""Check your plan (GOV.UK's check-answers pattern): every answer and every step, each with a
Change link to its page; the plan as it will be printed, folded; then agree it, saved or not."""

from __future__ import annotations

import datetime

import streamlit as st

from goal_library.models import Library
from planner.document import Section, plan_sections
from planner.models import Plan
from planner.review import OUTCOME_LABELS
from store.errors import StoreUnavailable
from ui.appointment import Answers, Review
from ui.components.draft_keeper import saving_available
from ui.components.notice import notice
from ui.guard import guarded
from ui.labels import NATION_LABELS, WORK_SITUATION_LABELS
from ui.plan_state import current_plan
from ui.session import appointment, mark_plan_saved, take_notices
from ui.sign_in import current_coach
from ui.store_cache import plan_store
from ui.text import escape_markdown

TITLE = "Check your plan"
CONTINUE = None  # this page has its own buttons: agree and save, or agree without saving
SAVE_PLACE = "save_plan"
NOT_GIVEN = "Not given"


def render(library: Library) -> None:
    plan = current_plan()
    if plan is None:
        notice("There is no plan yet. Go back to build one.", "warning")
        return
    st.markdown("Check the answers and the steps together. Change anything that is not right.")
    st.header("Your answers", anchor=False)
    for row in _answer_rows(library):
        _summary_row(*row)
    st.header("Your steps", anchor=False)
    for number, step in enumerate(plan.steps, start=1):
        when = f"When: {step.when}" if step.when else "When: not set yet"
        _summary_row(f"step_{number}", f"Step {number}", [step.title, when], "make_it_yours")
    _summary_row("steps", "Other steps", ["Add, remove or swap a step"], "suggested_steps")
    with st.expander("Read the whole plan as it will be printed"):
        for section in plan_sections(plan, library, datetime.date.today(), with_reasons=True):
            _show(section)
    _agree(plan)


def _answer_rows(library: Library) -> list[tuple[str, str, list[str], str]]:
    """(name, question, answer lines, the page that asks it) for each answer."""
    current = appointment()
    answers = current.answers
    reviewing = current.review is not None
    # At a review, "What has changed" asks again what About you, strengths and harder asked.
    about, strengths, harder = (
        ("what_has_changed",) * 3
        if reviewing
        else ("about_you", "strengths", "what_makes_things_harder")
    )
    stage_titles = {stage.stage: stage.title for stage in library.stages}
    rows: list[tuple[str, str, list[str], str]] = [
        ("nation", "Where you live", [NATION_LABELS[answers.nation]], "start")
    ]
    if current.review is not None:
        went = _outcomes(current.review)
        rows.append(("how_it_went", "How the last steps went", went, "how_did_it_go"))
    else:
        rows += [
            ("name", "Name", [answers.preferred_name or NOT_GIVEN], "about_you"),
            ("hopes", "What matters to you", [answers.hopes or NOT_GIVEN], "about_you"),
        ]
    stage = stage_titles.get(answers.stage, NOT_GIVEN) if answers.stage else NOT_GIVEN
    rows += [
        ("aims", "What you want", _labels(answers.aims, library.aims), about),
        ("work", "Work", [_work(answers)], about),
        ("stage", "Where you are now", [stage], "where_you_are_now"),
        ("strengths", "Strengths", _labels(answers.strengths, library.strengths), strengths),
        ("harder", "What makes things harder", _labels(answers.barriers, library.barriers), harder),
    ]
    return rows


def _outcomes(review: Review) -> list[str]:
    return [
        f"{step.title}: {OUTCOME_LABELS.get(review.outcomes.get(step.id), 'not said')}"
        for step in review.plan.steps
    ]


def _labels(ids: list[str], entries: tuple) -> list[str]:
    by_id = {entry.id: entry.label for entry in entries}
    chosen = [by_id[i] for i in ids if i in by_id]
    return [", ".join(chosen)] if chosen else ["None chosen"]


def _work(answers: Answers) -> str:
    if answers.work_situation is None:
        return NOT_GIVEN
    return WORK_SITUATION_LABELS.get(answers.work_situation, NOT_GIVEN)


def _summary_row(name: str, question: str, lines: list[str], page_name: str) -> None:
    """A question, its answer and a Change link to the page that asks it, in one row (GOV.UK's
    summary list; the style sheet lays the three out side by side, or stacked on a phone)."""
    with st.container(key=f"answer_{name}"):
        st.markdown(f"**{escape_markdown(question)}**")
        st.markdown("  \n".join(escape_markdown(line) for line in lines) or " ")
        st.button(
            f"Change {question[:1].lower()}{question[1:]}",
            key=f"change_{name}",
            type="tertiary",
            on_click=_change,
            args=(page_name,),
        )


def _change(page_name: str) -> None:
    # Imported here: the flow imports every page, this one included.
    from ui.flow import change_answer

    change_answer(page_name)


def _agree(plan: Plan) -> None:
    st.header("Agree the plan", anchor=False)
    st.markdown(
        "Agreeing says these are the steps you chose together. They are not conditions, "
        "and nothing happens if a step does not work out."
    )
    problems = take_notices(SAVE_PLACE)
    can_save = saving_available()
    if not can_save and not problems:
        notice(StoreUnavailable.coach_message, "warning")
    row = st.container(horizontal=True, key="agree_buttons")
    if can_save and not appointment().plan_is_saved():
        label = "Save changes and agree" if plan.reference else "Agree and save the plan"
        row.button(label, key="save_plan", type="primary", on_click=_save_and_go_on)
        row.button("Agree without saving", key="agree_unsaved", on_click=_go_on)
    else:
        row.button("Agree the plan", key="agree_plan", type="primary", on_click=_go_on)
    for kind, message in problems:
        notice(message, kind)


def save_plan_now(place: str) -> bool:
    """Save the plan as it stands as a new version; a failure is a message at `place`."""
    plan = current_plan()
    if plan is None:
        return False
    saved = False
    with guarded("saving the plan", place):
        stored = plan_store().save(plan, reference=plan.reference, who=current_coach())
        mark_plan_saved(stored.plan or plan)
        saved = True
    return saved


def _save_and_go_on() -> None:
    if save_plan_now(SAVE_PLACE):
        _go_on()


def _go_on() -> None:
    from ui.flow import go_to_page_named

    go_to_page_named("plan_agreed")


def _show(section: Section) -> None:
    if section.heading:
        st.subheader(escape_markdown(section.heading), anchor=False)
    for paragraph in section.paragraphs:
        st.markdown(escape_markdown(paragraph))
    if section.bullets:
        st.markdown("\n".join(f"- {escape_markdown(item)}" for item in section.bullets))
    if section.numbered:
        st.markdown(
            "\n".join(
                f"{number}. {escape_markdown(item)}"
                for number, item in enumerate(section.numbered, start=1)
            )
        )
    for step in section.steps:
        st.markdown(f"**{escape_markdown(step.title)}**")
        st.markdown(
            "\n".join(
                f"- {escape_markdown(label)}: {escape_markdown(text)}"
                for label, text in step.details
            )
        )
    for paragraph in section.after:
        st.markdown(escape_markdown(paragraph))
