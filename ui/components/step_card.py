"""A suggested step as a card: what it is, why it was picked, and what can be done with it."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from goal_library.models import Library
from planner.editing import (
    can_make_smaller,
    can_take_next,
    make_smaller,
    remove_step,
    replace_step,
    swap_options,
    take_next_step,
)
from planner.models import Plan, PlanStep
from ui.components.drawn_when_open import drawn_when_open
from ui.guard import guarded
from ui.labels import AREA_LABELS
from ui.plan_state import current_plan
from ui.session import set_plan, widget_key
from ui.text import escape_markdown


def step_summary(step: PlanStep) -> None:
    """The step's area, title and detail, why it helps and the one reason that matters most;
    the other reasons folded under "Why this was suggested". The person's words are shown
    literally."""
    st.caption(AREA_LABELS[step.area])
    st.header(escape_markdown(step.title), anchor=False)
    if step.detail:
        st.markdown(escape_markdown(step.detail))
    if step.why:
        st.markdown(f"**Why it helps:** {escape_markdown(step.why)}")
    if not step.reasons:
        return
    lead, *more = step.reasons
    st.markdown(escape_markdown(lead))
    if more:
        with st.expander("Why this was suggested"):
            st.markdown("\n".join(f"- {escape_markdown(reason)}" for reason in more))


def step_card(step: PlanStep, plan: Plan, library: Library) -> None:
    """The card with its actions: smaller, next step up, swap and remove."""
    with st.container(border=True, key=f"card_{step.id}"):
        step_summary(step)
        actions: list[tuple[str, str, bool, Callable[[Plan], Plan]]] = [
            (
                "Make it smaller",
                "smaller",
                can_make_smaller(plan, step, library),
                lambda p: make_smaller(p, step.id, library),
            ),
            (
                "Next step up",
                "next",
                can_take_next(plan, step, library),
                lambda p: take_next_step(p, step.id, library),
            ),
            ("Remove", "remove", True, lambda p: remove_step(p, step.id)),
        ]
        # One row that wraps on a narrow screen: a single block, where columns drew four.
        row = st.container(horizontal=True, key=f"actions_{step.id}")
        for label, key, offered, change in actions:
            if offered:
                row.button(
                    label,
                    key=f"{key}_{step.id}",
                    on_click=edit_plan,
                    args=(change, "changing the step"),
                )
        if not step.own_words:
            _swap_control(step, plan, library)


def _swap_control(step: PlanStep, plan: Plan, library: Library) -> None:
    options = swap_options(plan, step.id, library)[: library.rules.alternatives_per_area]
    if not options:
        return
    box = drawn_when_open("Swap for a different step", f"swap_{step.id}")
    if box is None:
        return
    with box:
        titles = {option.id: option.title for option in options}
        choice_key = widget_key(f"swap_choice_{step.id}")
        if st.session_state.get(choice_key) not in titles:
            st.session_state.pop(choice_key, None)
        st.radio(
            "Other steps like this",
            list(titles),
            format_func=lambda option_id: titles[option_id],
            key=choice_key,
        )
        st.button(
            "Swap",
            key=f"swap_{step.id}",
            on_click=_swap,
            args=(step.id, choice_key, library),
        )


def _swap(step_id: str, choice_key: str, library: Library) -> None:
    new_id = st.session_state.get(choice_key)
    if new_id:
        edit_plan(lambda p: replace_step(p, step_id, new_id, library), "swapping the step")


def edit_plan(change: Callable[[Plan], Plan], doing: str) -> bool:
    """Make one change to the plan; a change that cannot be made is a plain message."""
    plan = current_plan()
    if plan is None:
        return False
    with guarded(doing):
        set_plan(change(plan))
        return True
    return False
