"""The store's own errors. Each message is plain, and none carries any part of a plan.

`StoreUnavailable` is for the operator as well as the coach: `str()` names the problem and the
fix (the setting to change, the file to move), while `coach_message` says only what it means
for the appointment, for the screen.
"""

from __future__ import annotations


class StoreError(Exception):
    """Something the store cannot do; the message is one plain line."""


class UnknownReference(StoreError):
    """No saved plan has this reference."""

    def __init__(self, reference: str) -> None:
        super().__init__(
            f"There is no saved plan with the reference {reference}. "
            "Please check the reference printed on the plan."
        )


class UnreadablePlan(StoreError):
    """A saved version that no longer fits the plan format or the goal library."""


class PlanNotSaved(StoreError):
    """A plan the store refused to keep, because it could not be opened again as it is."""


class BadDraft(StoreError):
    """A draft that cannot be kept: a bad id, or a payload that is not plain JSON data."""


class DraftClosed(StoreError):
    """The appointment this draft belonged to was finished: its id cannot be used again."""

    def __init__(self) -> None:
        super().__init__("This appointment was finished, so its answers were cleared.")


class StoreBusy(StoreError):
    """The database stayed too busy (every save lost its race, or a lock was held too long)."""


class StoreUnavailable(StoreError):
    """The database cannot be used at all: a bad setting, a damaged file, no server, no room."""

    coach_message = (
        "Saving is not working at the moment, so plans cannot be saved or opened here. "
        "Everything on this screen is kept, and you can still download or print the plan."
    )
