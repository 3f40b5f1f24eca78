"""The planner's one error for input that cannot be used."""

from __future__ import annotations


class InputError(ValueError):
    """Input that cannot be used; the message is one plain line for the person."""
