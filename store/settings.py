"""Where plans are kept and for how long, from environment variables with plain defaults.

- RIGHT_STEPS_DATABASE_URL: a SQLAlchemy URL, for example postgresql+psycopg://user@host/db.
  Unset, plans are kept in SQLite at <data dir>/right-steps.sqlite3.
- RIGHT_STEPS_DATA_DIR: the data folder; unset, `data/` in the project folder.
- RIGHT_STEPS_RETENTION_DAYS: how long a plan is kept after its last save (default 365).
- RIGHT_STEPS_DRAFT_HOURS: how long an unsaved draft is kept (default 12).

Each is read when it is needed, not at import, so nothing is created or fixed in advance.
"""

from __future__ import annotations

import os
import re
from datetime import timedelta
from pathlib import Path

from planner.inputs import InputError

PROJECT_DIR = Path(__file__).resolve().parents[1]
DATABASE_FILE_NAME = "right-steps.sqlite3"
DEFAULT_RETENTION_DAYS = 365
DEFAULT_DRAFT_HOURS = 12


class SettingsError(InputError):
    """A setting that cannot be used; the message names the variable."""


def data_dir() -> Path:
    given = os.environ.get("RIGHT_STEPS_DATA_DIR", "").strip()
    return Path(given).expanduser().absolute() if given else PROJECT_DIR / "data"


def database_url() -> str:
    given = os.environ.get("RIGHT_STEPS_DATABASE_URL", "").strip()
    return given or f"sqlite:///{data_dir() / DATABASE_FILE_NAME}"


def retention_days() -> int:
    return _whole_number("RIGHT_STEPS_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)


def draft_lifetime() -> timedelta:
    return timedelta(hours=_whole_number("RIGHT_STEPS_DRAFT_HOURS", DEFAULT_DRAFT_HOURS))


def _whole_number(name: str, default: int) -> int:
    given = os.environ.get(name, "").strip()
    if not given:
        return default
    if not re.fullmatch(r"[0-9]{1,9}", given) or int(given) < 1:
        raise SettingsError(f"{name} needs to be a whole number, 1 or more")
    return int(given)
