"""The plan being built, kept in the appointment and rebuilt only when its answers change."""

from __future__ import annotations

from collections.abc import Callable

from goal_library.models import Library
from planner.editing import redraft
from planner.models import Plan
from ui.session import appointment, notify, update


def current_plan() -> Plan | None:
    return appointment().plan


def ensure_plan(built_from: str, build: Callable[[], Plan], library: Library) -> Plan:
    """The draft for these answers. When the answers change it is drafted again, keeping the
    person's own changes to the last one, and the page says what changed."""
    current = appointment()
    plan = current.plan
    if plan is not None and current.built_from in (built_from, None):
        if current.built_from is None:
            update(built_from=built_from)
        return plan
    fresh = build()
    drafted = [s.id for s in fresh.steps]
    if plan is not None:
        changed = redraft(plan, current.drafted, fresh, library)
        fresh = changed.plan
        notify(changed.message(), "info")
    update(plan=fresh, built_from=built_from, drafted=drafted)
    return fresh
