"""The plan being built, kept in the appointment and rebuilt only when its answers change."""

from __future__ import annotations

from collections.abc import Callable

from planner.editing import with_note
from planner.models import MAX_STEPS, Plan
from ui.session import appointment, notify, update

ANSWERS_CHANGED = "Your answers changed, so the suggested steps have been updated."


def current_plan() -> Plan | None:
    return appointment().plan


def ensure_plan(built_from: str, build: Callable[[], Plan]) -> Plan:
    """The draft for these answers; rebuilt (keeping own-words steps) when the answers change."""
    current = appointment()
    plan = current.plan
    if plan is not None and current.built_from in (built_from, None):
        if current.built_from is None:
            update(built_from=built_from)
        return plan
    fresh = build()
    if plan is not None:
        own_steps = [
            s for s in plan.steps if s.own_words and s.id not in {f.id for f in fresh.steps}
        ]
        fresh = with_note(
            fresh,
            steps=[*fresh.steps, *own_steps][:MAX_STEPS],
            review_on=plan.review_on,
            reference=plan.reference or fresh.reference,
        )
        notify(ANSWERS_CHANGED, "info")
    update(plan=fresh, built_from=built_from)
    return fresh
