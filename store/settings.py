"""Where plans are kept and for how long, from environment variables with plain defaults.

- RIGHT_STEPS_DATABASE_URL: a SQLAlchemy URL, for example postgresql+psycopg://user@host/db.
  Unset, plans are kept in SQLite at <data dir>/right-steps.sqlite3.
- RIGHT_STEPS_DATA_DIR: the data folder; unset, `data/` in the project folder.
- RIGHT_STEPS_RETENTION_DAYS: how long a plan is kept after its last save (default 365, at
  most 36,500: a hundred years).
- RIGHT_STEPS_DRAFT_HOURS: how long an unsaved draft is kept (default 12, at most 168: a draft
  only protects an appointment in progress).

Each is read when it is needed, not at import, so nothing is created or fixed in advance.
"""

from __future__ import annotations

import os
import re
from datetime import timedelta
from pathlib import Path

from store.errors import StoreUnavailable

PROJECT_DIR = Path(__file__).resolve().parents[1]
DATABASE_FILE_NAME = "right-steps.sqlite3"
DEFAULT_RETENTION_DAYS = 365
MAX_RETENTION_DAYS = 36_500
DEFAULT_DRAFT_HOURS = 12
MAX_DRAFT_HOURS = 168
# A finished appointment's draft id stays unusable this long, so no tab left open can bring
# the answers back; the row holds only the id and two times.
CLOSED_DRAFT_DAYS = 30


class SettingsError(StoreUnavailable):
    """A setting that cannot be used; the message names the variable and what it allows."""


def data_dir() -> Path:
    given = os.environ.get("RIGHT_STEPS_DATA_DIR", "").strip()
    return Path(given).expanduser().absolute() if given else PROJECT_DIR / "data"


def database_url() -> str:
    given = os.environ.get("RIGHT_STEPS_DATABASE_URL", "").strip()
    return given or f"sqlite:///{data_dir() / DATABASE_FILE_NAME}"


def retention_days() -> int:
    return _whole_number("RIGHT_STEPS_RETENTION_DAYS", DEFAULT_RETENTION_DAYS, MAX_RETENTION_DAYS)


def draft_lifetime() -> timedelta:
    hours = _whole_number("RIGHT_STEPS_DRAFT_HOURS", DEFAULT_DRAFT_HOURS, MAX_DRAFT_HOURS)
    return timedelta(hours=hours)


def closed_draft_lifetime() -> timedelta:
    return max(timedelta(days=CLOSED_DRAFT_DAYS), draft_lifetime())


def check() -> None:
    """Read every setting now, so a wrong one is named before anything is done."""
    database_url()
    retention_days()
    draft_lifetime()


def _whole_number(name: str, default: int, most: int) -> int:
    given = os.environ.get(name, "").strip()
    if not given:
        return default
    if not re.fullmatch(r"[0-9]{1,12}", given) or not 1 <= int(given) <= most:
        raise SettingsError(f"{name} needs to be a whole number from 1 to {most:,}")
    return int(given)
