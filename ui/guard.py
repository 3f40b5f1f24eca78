"""One guard for everything on screen that touches the store, a file or the planner.

Whatever fails, the person sees one plain sentence (escaped: never markup), the answers stay
as they were, and the appointment can go on. The log gets what an operator needs to act (the
kind of failure and where in the code it happened, or the store's own reason), never a value:
an error's text can hold a person's words.
"""

from __future__ import annotations

import contextlib
import logging
import traceback
from collections.abc import Iterator

from planner.editing import PlanEditError
from planner.errors import InputError
from store.errors import StoreError, StoreUnavailable
from ui.session import PAGE_TOP, notify

log = logging.getLogger("right_steps.app")

UNEXPECTED = (
    "Something went wrong while {doing}. Your answers are still here: "
    "please try again, or carry on with the plan."
)


@contextlib.contextmanager
def guarded(doing: str, place: str = PAGE_TOP) -> Iterator[None]:
    """Run an action; any failure becomes a notice, shown at `place` (the top of the page, or
    the part of the page where the person acted)."""
    try:
        yield
    except Exception as error:  # this is the guard
        notify(plain_message(error, doing), place=place)


def plain_message(error: Exception, doing: str) -> str:
    """The sentence a coach and a claimant see for `error`, and a line in the log for it."""
    if isinstance(error, StoreUnavailable):
        log.warning("the plan store cannot be used: %s", error)
        return StoreUnavailable.coach_message
    if isinstance(error, StoreError | InputError | PlanEditError):
        return _sentence(str(error))
    log.error("unexpected %s while %s, at %s", type(error).__name__, doing, where(error))
    return UNEXPECTED.format(doing=doing)


def where(error: BaseException) -> str:
    """The code locations of a traceback, without the error's text or any values."""
    frames = traceback.extract_tb(error.__traceback__)[-4:]
    return " < ".join(f"{frame.filename.rsplit('/', 2)[-1]}:{frame.lineno}" for frame in frames)


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return "That could not be done."
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")
