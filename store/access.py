"""Who is asking the store for a plan: a coach of an office (team mode), or the operator.

In team mode a plan belongs to the office that first saved it; a coach of another office gets
exactly the answer an unknown reference gets. Every open, save, export, delete, purge and
failed look-up goes into the access log (who, what, which plan, when; never any part of a
plan), and failed look-ups are limited per coach and per address, so a reference cannot be
guessed.
"""

from __future__ import annotations

from dataclasses import dataclass

from store.errors import StoreError

LOOKUPS_PER_MINUTE = 10
# What the access log records.
OPEN, SAVE, EXPORT, DELETE, PURGE = "open", "save", "export", "delete", "purge"
FAILED_LOOKUP, RATE_LIMITED = "failed look-up", "rate-limited"
ACTIONS = (OPEN, SAVE, EXPORT, DELETE, PURGE, FAILED_LOOKUP, RATE_LIMITED)


@dataclass(frozen=True)
class Coach:
    """Whoever asks: `subject` is the identity provider's subject (never a name); `office` is
    the office whose plans they may use (None: every office, for the operator); `address` is
    where the request came from, when known."""

    subject: str
    office: str | None
    address: str | None = None


OPERATOR = Coach(subject="command line", office=None)


class TooManyLookups(StoreError):
    """Too many references not found in the last minute, from this coach or this address."""

    def __init__(self) -> None:
        super().__init__(
            "Too many plan references were not found in the last minute. Please check the "
            "reference printed on the plan, and try again in a minute."
        )
