"""Plan references: the short code printed on a plan, used to find it again.

A reference is 8 characters from an alphabet with no look-alikes (no I, L, O, U, 0 or 1), shown
as two groups of four, for example K7TM-9QXA: about 39 bits, drawn with `secrets`. People may
type it in any case, with spaces or dashes. A reference is never something that looks like a
National Insurance number, and one typed in instead is refused with a message saying why.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable

from planner.errors import InputError

ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"
LENGTH = 8
REFERENCE_PATTERN = re.compile(rf"[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}")

# Two letters, six digits and an optional A-D suffix, once spaces and dashes are taken out.
_NI_NUMBER = re.compile(r"[A-Z]{2}[0-9]{6}[A-D]?")
# Spaces and every kind of dash a printed or pasted reference may carry.
_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014\u2212]+")
_LONGEST_TEXT = 100

NI_NUMBER_MESSAGE = (
    "That looks like a National Insurance number. Right Steps never stores those: "
    "please use the plan reference printed on the plan."
)
NOT_A_REFERENCE_MESSAGE = (
    "That is not a plan reference. A plan reference has 8 letters and numbers, like K7TM-9QXA, "
    "and never uses I, L, O, U, 0 or 1: please copy it from the plan."
)


class BadReference(InputError):
    """Text that is not a plan reference; the message is one plain line and never repeats it."""


def new_reference() -> str:
    """A fresh random reference, formatted XXXX-XXXX."""
    return _new_reference(secrets.choice)


def normalise_reference(text: object) -> str:
    """The reference as printed, from what a person typed; BadReference if it is not one."""
    if not isinstance(text, str) or len(text) > _LONGEST_TEXT:
        raise BadReference(NOT_A_REFERENCE_MESSAGE)
    compact = _SEPARATORS.sub("", text).upper()
    if looks_like_ni_number(compact):
        raise BadReference(NI_NUMBER_MESSAGE)
    if len(compact) != LENGTH or any(character not in ALPHABET for character in compact):
        raise BadReference(NOT_A_REFERENCE_MESSAGE)
    return _formatted(compact)


def check_reference_form(text: str) -> str:
    """A reference kept in a plan: exactly as printed (XXXX-XXXX), and never NI-shaped.

    For model validation: the message is a plain reason and never repeats the text.
    """
    if looks_like_ni_number(text):
        raise ValueError("looks like a National Insurance number, which Right Steps never keeps")
    if not REFERENCE_PATTERN.fullmatch(text):
        raise ValueError("is not a plan reference (8 letters and numbers, like K7TM-9QXA)")
    return text


def looks_like_ni_number(text: str) -> bool:
    """True for anything shaped like a UK National Insurance number, such as QQ 12 34 56 C."""
    return _NI_NUMBER.fullmatch(_SEPARATORS.sub("", text).upper()) is not None


def _new_reference(choice: Callable[[str], str]) -> str:
    while True:
        compact = "".join(choice(ALPHABET) for _ in range(LENGTH))
        if not looks_like_ni_number(compact):
            return _formatted(compact)


def _formatted(compact: str) -> str:
    return f"{compact[:4]}-{compact[4:]}"
