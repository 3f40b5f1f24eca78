"""PlanStore: every saved version of every plan, and short-lived drafts, in one database.

A save never changes what is there: it adds the next version, numbered inside the same
transaction as max + 1. When two saves to one plan race for the same number, the database's
UNIQUE(plan_id, version) refuses the second, which tries again with the next number, so no save
is lost. A process stopped in the middle of a save leaves the versions before it as they were.

Nothing from a plan is logged or put into an error message: only references and numbers.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import logging
import os
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, exists, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from goal_library.loader import default_library
from planner.inputs import InputError, plan_from_data
from planner.models import Plan
from store import db, settings
from store.errors import BadDraft, StoreBusy, UnknownReference, UnreadablePlan
from store.reference import new_reference, normalise_reference

log = logging.getLogger(__name__)

SAVE_ATTEMPTS = 50
DRAFT_ID_MAX_CHARS = 100
PAUSE_BEFORE_COMMIT_VARIABLE = "RIGHT_STEPS_TEST_PAUSE_BEFORE_COMMIT"


@dataclass(frozen=True)
class SavedVersion:
    """One saved version of a plan; `plan` is filled in by `PlanStore.versions`."""

    reference: str
    version: int
    saved_at: datetime.datetime
    plan: Plan | None = None


class PlanStore:
    """Plans and drafts in the database at `url` (default: `store.settings.database_url()`).

    Opening a store brings its tables up to date. A SQLite file that does not exist yet is only
    made by the first write; reading from it finds nothing.
    """

    def __init__(self, url: str | None = None) -> None:
        self._url = db.database_url(url or settings.database_url())
        self._file = db.sqlite_file(self._url)
        self._engine = db.make_engine(self._url)
        self._ready = False
        if self._file is None or self._file.exists():
            self._prepare()

    @property
    def backend(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self._url.get_backend_name()

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> PlanStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # Plans

    def save(
        self,
        plan: Plan,
        reference: str | None = None,
        *,
        now: datetime.datetime | None = None,
    ) -> SavedVersion:
        """Save `plan` as a new plan (reference None) or as the next version of `reference`."""
        known = None if reference is None else normalise_reference(reference)
        saved_at = _utc(now)
        self._prepare()
        for attempt in range(1, SAVE_ATTEMPTS + 1):
            try:
                with self._writing() as connection:
                    if known is None:
                        chosen, plan_id, version = self._add_plan(connection, saved_at)
                    else:
                        chosen, plan_id = known, self._plan_id(connection, known)
                        version = self._next_version(connection, plan_id)
                    document = plan.model_copy(update={"reference": chosen, "version": version})
                    connection.execute(
                        insert(db.plan_versions).values(
                            plan_id=plan_id,
                            version=version,
                            saved_at=saved_at,
                            document=_to_json(document.model_dump(mode="json")),
                        )
                    )
                    pause_before_commit_for_tests()
                return SavedVersion(chosen, version, saved_at)
            except IntegrityError:
                # Another save took this version number (or this new reference) first.
                log.debug("save clashed with another save (attempt %d); trying again", attempt)
                time.sleep(random.uniform(0, 0.002 * attempt))
        raise StoreBusy("The plan could not be saved because the database is too busy; try again.")

    def versions(self, reference: str) -> list[SavedVersion]:
        """Every saved version of the plan, oldest first, each with its validated plan."""
        known = normalise_reference(reference)
        rows = self._version_rows(known)
        library = default_library()
        return [
            SavedVersion(known, row.version, row.saved_at, _plan(row, known, library))
            for row in rows
        ]

    def latest(self, reference: str) -> Plan:
        """The newest saved version of the plan."""
        known = normalise_reference(reference)
        return _plan(self._version_rows(known, newest_only=True)[0], known, default_library())

    def export(self, reference: str) -> dict[str, Any]:
        """Everything kept about the plan, as stored: each version with when it was saved."""
        known = normalise_reference(reference)
        return {
            "reference": known,
            "versions": [
                {
                    "version": row.version,
                    "saved_at": row.saved_at.isoformat(),
                    "plan": json.loads(row.document),
                }
                for row in self._version_rows(known)
            ],
        }

    def delete(self, reference: str) -> bool:
        """Delete the plan and all its versions; False when there was no such plan."""
        known = normalise_reference(reference)
        if not self._prepare(create=False):
            return False
        with self._writing() as connection:
            deleted = connection.execute(delete(db.plans).where(db.plans.c.reference == known))
        return deleted.rowcount > 0

    def purge(self, older_than_days: int, now: datetime.datetime | None = None) -> int:
        """Delete every plan last saved more than `older_than_days` ago; how many were deleted."""
        if isinstance(older_than_days, bool) or not isinstance(older_than_days, int):
            raise InputError("the number of days needs to be a whole number")
        if older_than_days < 0:
            raise InputError("the number of days cannot be below 0")
        if not self._prepare(create=False):
            return 0
        cutoff = _utc(now) - datetime.timedelta(days=older_than_days)
        versions = db.plan_versions
        stale = (
            select(versions.c.plan_id)
            .group_by(versions.c.plan_id)
            .having(func.max(versions.c.saved_at) < cutoff)
        )
        # A plan with no version at all cannot be made by save(); clear any left some other way.
        empty = ~exists().where(versions.c.plan_id == db.plans.c.id)
        with self._writing() as connection:
            deleted = connection.execute(
                delete(db.plans).where(
                    db.plans.c.id.in_(stale) | (empty & (db.plans.c.created_at < cutoff))
                )
            )
        return deleted.rowcount

    # Drafts

    def save_draft(
        self,
        draft_id: str,
        payload: dict[str, Any],
        lifetime: datetime.timedelta | None = None,
        now: datetime.datetime | None = None,
    ) -> None:
        """Keep (or replace) a draft until `lifetime` from now (default: the draft setting)."""
        _check_draft_id(draft_id)
        if not isinstance(payload, dict):
            raise BadDraft("a draft needs to be a mapping of names to values")
        try:
            text = _to_json(payload)
        except (TypeError, ValueError):
            raise BadDraft("the draft holds something that is not plain JSON data") from None
        moment = _utc(now)
        expires_at = moment + (settings.draft_lifetime() if lifetime is None else lifetime)
        values = {
            "draft_id": draft_id,
            "updated_at": moment,
            "expires_at": expires_at,
            "payload": text,
        }
        self._prepare()
        dialect = postgresql if self.backend == "postgresql" else sqlite
        statement = dialect.insert(db.drafts).values(**values)
        statement = statement.on_conflict_do_update(
            index_elements=[db.drafts.c.draft_id],
            set_={key: statement.excluded[key] for key in values if key != "draft_id"},
        )
        with self._writing() as connection:
            connection.execute(statement)

    def load_draft(self, draft_id: str, now: datetime.datetime | None = None) -> dict | None:
        """The draft, or None when there is none or it has expired."""
        _check_draft_id(draft_id)
        if not self._prepare(create=False):
            return None
        with self._engine.begin() as connection:
            text = connection.scalar(
                select(db.drafts.c.payload).where(
                    db.drafts.c.draft_id == draft_id, db.drafts.c.expires_at > _utc(now)
                )
            )
        return None if text is None else json.loads(text)

    def delete_draft(self, draft_id: str) -> None:
        _check_draft_id(draft_id)
        if not self._prepare(create=False):
            return
        with self._writing() as connection:
            connection.execute(delete(db.drafts).where(db.drafts.c.draft_id == draft_id))

    def purge_drafts(self, now: datetime.datetime | None = None) -> int:
        """Delete every expired draft; how many were deleted."""
        if not self._prepare(create=False):
            return 0
        with self._writing() as connection:
            deleted = connection.execute(
                delete(db.drafts).where(db.drafts.c.expires_at <= _utc(now))
            )
        return deleted.rowcount

    # Inside

    def _prepare(self, create: bool = True) -> bool:
        """Make sure the tables exist; False (and nothing made) for a missing file if not create."""
        if self._ready:
            return True
        if self._file is not None and not self._file.exists():
            if not create:
                return False
            self._file.parent.mkdir(parents=True, exist_ok=True)
        db.upgrade(self._engine)
        self._ready = True
        return True

    @contextlib.contextmanager
    def _writing(self) -> Iterator[Connection]:
        """One transaction that writes: committed at the end, rolled back on any error."""
        with self._engine.connect() as connection:
            connection.execution_options(**{db.WRITE_OPTION: True})
            with connection.begin():
                yield connection

    def _add_plan(
        self, connection: Connection, saved_at: datetime.datetime
    ) -> tuple[str, int, int]:
        reference = new_reference()
        plan_id = connection.execute(
            insert(db.plans).values(reference=reference, created_at=saved_at)
        ).inserted_primary_key[0]
        return reference, plan_id, 1

    def _plan_id(self, connection: Connection, reference: str) -> int:
        plan_id = connection.scalar(select(db.plans.c.id).where(db.plans.c.reference == reference))
        if plan_id is None:
            raise UnknownReference(reference)
        return plan_id

    def _next_version(self, connection: Connection, plan_id: int) -> int:
        newest = connection.scalar(
            select(func.max(db.plan_versions.c.version)).where(
                db.plan_versions.c.plan_id == plan_id
            )
        )
        return (newest or 0) + 1

    def _version_rows(self, reference: str, newest_only: bool = False) -> list[Any]:
        if not self._prepare(create=False):
            raise UnknownReference(reference)
        versions = db.plan_versions
        query = (
            select(versions.c.version, versions.c.saved_at, versions.c.document)
            .join(db.plans, db.plans.c.id == versions.c.plan_id)
            .where(db.plans.c.reference == reference)
        )
        if newest_only:
            query = query.order_by(versions.c.version.desc()).limit(1)
        else:
            query = query.order_by(versions.c.version)
        with self._engine.begin() as connection:
            rows = connection.execute(query).all()
        if not rows:
            raise UnknownReference(reference)
        return rows


def pause_before_commit_for_tests() -> None:
    """Test hook only: with RIGHT_STEPS_TEST_PAUSE_BEFORE_COMMIT=seconds, wait before committing.

    The crash tests kill the process during this wait. Unset (always, outside those tests), it
    does nothing.
    """
    seconds = os.environ.get(PAUSE_BEFORE_COMMIT_VARIABLE)
    if seconds:
        print("right-steps: test pause before commit", file=sys.stderr, flush=True)
        time.sleep(float(seconds))


def _plan(row: Any, reference: str, library: Any) -> Plan:
    try:
        return plan_from_data(json.loads(row.document), library)
    except (InputError, ValueError) as error:
        fields = _problem_fields(error)
        raise UnreadablePlan(
            f"version {row.version} of plan {reference} cannot be read with this version of "
            f"Right Steps{fields}; its saved copy is unchanged (see `data export`)"
        ) from None


def _problem_fields(error: Exception) -> str:
    """The names (never the values) of the fields that failed, if the error says which."""
    cause = error.__cause__
    errors = getattr(cause, "errors", None)
    if not callable(errors):
        return ""
    names = sorted({".".join(str(part) for part in e["loc"]) for e in errors(include_url=False)})
    return f" (problem in: {', '.join(names[:5])})" if names else ""


def _to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _check_draft_id(draft_id: object) -> None:
    if not isinstance(draft_id, str) or not 1 <= len(draft_id) <= DRAFT_ID_MAX_CHARS:
        raise BadDraft(f"a draft id needs to be text of 1 to {DRAFT_ID_MAX_CHARS} characters")


def _utc(now: datetime.datetime | None) -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC) if now is None else db.as_utc(now)
