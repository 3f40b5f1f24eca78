"""Plain errors from the store. None of them carries any part of a plan."""

from __future__ import annotations

from planner.inputs import InputError


class UnknownReference(InputError):
    """No saved plan has this reference."""

    def __init__(self, reference: str) -> None:
        super().__init__(
            f"There is no saved plan with the reference {reference}. "
            "Please check the reference printed on the plan."
        )


class UnreadablePlan(InputError):
    """A saved version that no longer fits the plan format or the goal library."""


class BadDraft(InputError):
    """A draft that cannot be kept: a bad id, or a payload that is not plain JSON data."""


class StoreBusy(RuntimeError):
    """A save that lost every race for its version number; nothing was written."""
