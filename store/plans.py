"""PlanStore: every saved version of every plan, and short-lived drafts, in one database.

A save never changes what is there: it adds the next version, numbered inside the same
transaction as max + 1. When two saves to one plan race for the same number, the database's
UNIQUE(plan_id, version) refuses the second, which tries again with the next number, so no save
is lost. A process stopped in the middle of a save leaves the versions before it as they were.

The store is given its goal library and checks every plan with it before saving, so a plan
that saves always opens again. Every failure of the database is a StoreError whose message
names the problem and the fix (`store.failures`). Nothing from a plan is logged or put into an
error message: only references and numbers.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import json
import logging
import os
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from alembic.util import CommandError
from sqlalchemy import Connection, delete, exists, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import ArgumentError, IntegrityError, NoSuchModuleError, SQLAlchemyError

from goal_library.models import Library
from planner.errors import InputError
from planner.inputs import MAX_PLAN_BYTES, plan_from_data
from planner.models import Plan
from planner.reference import new_reference, normalise_reference
from store import db, settings
from store.access import (
    DELETE,
    EXPORT,
    FAILED_LOOKUP,
    LOOKUPS_PER_MINUTE,
    OPEN,
    PURGE,
    RATE_LIMITED,
    SAVE,
    Coach,
    TooManyLookups,
)
from store.errors import (
    BadDraft,
    DraftClosed,
    PlanNotSaved,
    StoreBusy,
    StoreError,
    UnknownReference,
    UnreadablePlan,
)
from store.failures import bad_url, store_error_for
from store.private_files import keep_private, make_private_database_file
from store.sealing import Sealer, sealer_from_settings

log = logging.getLogger(__name__)

SAVE_ATTEMPTS = 50
DRAFT_ID_MAX_CHARS = 100
PAUSE_BEFORE_COMMIT_VARIABLE = "RIGHT_STEPS_TEST_PAUSE_BEFORE_COMMIT"


@dataclass(frozen=True)
class SavedVersion:
    """One saved version of a plan, with the plan as it was kept."""

    reference: str
    version: int
    saved_at: datetime.datetime
    plan: Plan | None = None


class PlanStore:
    """Plans and drafts in the database at `url` (default: `store.settings.database_url()`).

    Opening a store brings its tables up to date. A SQLite file that does not exist yet is only
    made by the first write; reading from it finds nothing.
    """

    def __init__(
        self, url: str | None = None, *, library: Library, sealer: Sealer | None = None
    ) -> None:
        self._library = library
        self._file = None
        with self._failures():
            settings.check()
            self._sealer = sealer_from_settings() if sealer is None else sealer
            try:
                self._url = db.database_url(url or settings.database_url())
            except ArgumentError:
                raise bad_url("it cannot be read as an address") from None
            self._file = db.sqlite_file(self._url)
            try:
                self._engine = db.make_engine(self._url)
            except (NoSuchModuleError, ImportError):
                raise bad_url("no database driver for it is installed") from None
            except (ArgumentError, TypeError, ValueError):
                raise bad_url("it has a part that cannot be used") from None
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
        who: Coach | None = None,
    ) -> SavedVersion:
        """Save `plan` as a new plan (reference None) or as the next version of `reference`.

        With `who`, a new plan belongs to their office, a version can only be added to a plan
        of their office, and the save is logged.
        """
        known = None if reference is None else normalise_reference(reference)
        saved_at = _utc(now)
        self._check_can_reopen(plan)
        if known is not None:
            self._check_lookups(who)
        with self._failures():
            self._prepare()
            for attempt in range(1, SAVE_ATTEMPTS + 1):
                try:
                    with self._writing() as connection:
                        if known is None:
                            office = None if who is None else who.office
                            chosen, plan_id, version = self._add_plan(connection, saved_at, office)
                        else:
                            chosen, plan_id = known, self._plan_id(connection, known, who)
                            version = self._next_version(connection, plan_id)
                        document = plan.model_copy(
                            update={
                                "reference": chosen,
                                "version": version,
                                "created_on": plan.created_on or saved_at.date(),
                            }
                        )
                        connection.execute(
                            insert(db.plan_versions).values(
                                plan_id=plan_id,
                                version=version,
                                saved_at=saved_at,
                                document=self._sealer.seal(
                                    _to_json(document.model_dump(mode="json"))
                                ),
                            )
                        )
                        self._log(connection, who, SAVE, chosen, saved_at)
                        pause_before_commit_for_tests()
                    return SavedVersion(chosen, version, saved_at, document)
                except UnknownReference:
                    self._log_alone(who, FAILED_LOOKUP, known)
                    raise
                except IntegrityError:
                    # Another save took this version number (or this new reference) first.
                    log.debug("save clashed with another save (attempt %d); trying again", attempt)
                    time.sleep(random.uniform(0, 0.002 * attempt))
        raise StoreBusy("The plan could not be saved because the database is too busy; try again.")

    def versions(self, reference: str, *, who: Coach | None = None) -> list[SavedVersion]:
        """Every saved version of the plan, oldest first, each with its validated plan."""
        known = normalise_reference(reference)
        rows = self._looked_up(known, who, OPEN)
        return [
            SavedVersion(known, row.version, row.saved_at, self._plan(row, known)) for row in rows
        ]

    def latest(self, reference: str, *, who: Coach | None = None) -> Plan:
        """The newest saved version of the plan."""
        known = normalise_reference(reference)
        return self._plan(self._looked_up(known, who, OPEN, newest_only=True)[0], known)

    def holds(self, plan: Plan, *, who: Coach | None = None) -> bool:
        """True when this exact plan is a saved version of the reference it carries.

        A plan from a file only joins the history its reference names when the store holds
        the very version the file claims to be; any other file makes a new plan when saved.
        """
        if plan.reference is None or plan.version is None:
            return False
        known = normalise_reference(plan.reference)
        try:
            rows = self._looked_up(known, who, None)
        except UnknownReference:
            return False
        wanted = plan.model_dump(mode="json")
        held = any(
            row.version == plan.version and json.loads(self._sealer.open(row.document)) == wanted
            for row in rows
        )
        if held:
            self._log_alone(who, OPEN, known)
        return held

    def export(self, reference: str, *, who: Coach | None = None) -> dict[str, Any]:
        """Everything kept about the plan, as stored: each version with when it was saved."""
        known = normalise_reference(reference)
        rows = self._looked_up(known, who, EXPORT)
        return {
            "reference": known,
            "versions": [
                {
                    "version": row.version,
                    "saved_at": row.saved_at.isoformat(),
                    "plan": json.loads(self._sealer.open(row.document)),
                }
                for row in rows
            ],
        }

    def delete(self, reference: str, *, who: Coach | None = None) -> bool:
        """Delete the plan and all its versions; False when there was no such plan."""
        known = normalise_reference(reference)
        self._check_lookups(who)
        with self._failures():
            if not self._prepare(create=False):
                return False
            with self._writing() as connection:
                query = _in_office(delete(db.plans).where(db.plans.c.reference == known), who)
                deleted = connection.execute(query).rowcount > 0
                self._log(connection, who, DELETE if deleted else FAILED_LOOKUP, known)
        return deleted

    def access_log(self, reference: str) -> list[dict[str, Any]]:
        """Every logged access to the plan, oldest first: when, who, from which office and
        address, and what; for a subject access request. The plan need no longer exist."""
        known = normalise_reference(reference)
        log_table = db.access_log
        query = (
            select(
                log_table.c.at,
                log_table.c.subject,
                log_table.c.office,
                log_table.c.address,
                log_table.c.action,
            )
            .where(log_table.c.reference == known)
            .order_by(log_table.c.at, log_table.c.id)
        )
        with self._failures():
            if not self._prepare(create=False):
                return []
            with self._engine.begin() as connection:
                return [dict(row._mapping) for row in connection.execute(query)]

    def purge(
        self,
        older_than_days: int,
        now: datetime.datetime | None = None,
        *,
        who: Coach | None = None,
    ) -> int:
        """Delete every plan last saved more than `older_than_days` ago; how many were deleted.

        With `who`, each plan purged is logged under its reference."""
        if isinstance(older_than_days, bool) or not isinstance(older_than_days, int):
            raise InputError("the number of days needs to be a whole number")
        if not 0 <= older_than_days <= settings.MAX_RETENTION_DAYS:
            raise InputError(
                f"the number of days needs to be from 0 to {settings.MAX_RETENTION_DAYS:,}"
            )
        cutoff = _utc(now) - datetime.timedelta(days=older_than_days)
        versions = db.plan_versions
        stale = (
            select(versions.c.plan_id)
            .group_by(versions.c.plan_id)
            .having(func.max(versions.c.saved_at) < cutoff)
        )
        # A plan with no version at all cannot be made by save(); clear any left some other way.
        empty = ~exists().where(versions.c.plan_id == db.plans.c.id)
        with self._failures():
            if not self._prepare(create=False):
                return 0
            with self._writing() as connection:
                deleted = connection.execute(
                    delete(db.plans)
                    .where(db.plans.c.id.in_(stale) | (empty & (db.plans.c.created_at < cutoff)))
                    .returning(db.plans.c.reference)
                ).all()
                for row in deleted:
                    self._log(connection, who, PURGE, row.reference)
        return len(deleted)

    # Drafts

    def save_draft(
        self,
        draft_id: str,
        payload: dict[str, Any],
        lifetime: datetime.timedelta | None = None,
        now: datetime.datetime | None = None,
    ) -> None:
        """Keep (or replace) a draft until `lifetime` from now (default: the draft setting).

        Raises DraftClosed when the draft's appointment was finished: a closed id stays closed.
        """
        _check_draft_id(draft_id)
        if not isinstance(payload, dict):
            raise BadDraft("a draft needs to be a mapping of names to values")
        try:
            text = _to_json(payload)
        except (TypeError, ValueError):
            raise BadDraft("the draft holds something that is not plain JSON data") from None
        moment = _utc(now)
        expires_at = moment + (settings.draft_lifetime() if lifetime is None else lifetime)
        sealed = self._sealer.seal(text)
        if not self._write_draft(draft_id, moment, expires_at, sealed, closed=False):
            raise DraftClosed()

    def load_draft(self, draft_id: str, now: datetime.datetime | None = None) -> dict | None:
        """The draft, or None when there is none, it has expired, or it was closed."""
        _check_draft_id(draft_id)
        text = self._read_one(
            select(db.drafts.c.payload).where(
                db.drafts.c.draft_id == draft_id,
                db.drafts.c.expires_at > _utc(now),
                db.drafts.c.closed.is_(False),
            )
        )
        return None if text is None else json.loads(self._sealer.open(text))

    def close_draft(self, draft_id: str, now: datetime.datetime | None = None) -> None:
        """Delete the draft's answers and close its id, so no tab can write it back."""
        _check_draft_id(draft_id)
        moment = _utc(now)
        expires_at = moment + settings.closed_draft_lifetime()
        self._write_draft(draft_id, moment, expires_at, "", closed=True)

    def purge_drafts(self, now: datetime.datetime | None = None) -> int:
        """Delete every expired draft (closed ones once their closing has run out)."""
        with self._failures():
            if not self._prepare(create=False):
                return 0
            with self._writing() as connection:
                deleted = connection.execute(
                    delete(db.drafts).where(db.drafts.c.expires_at <= _utc(now))
                )
        return deleted.rowcount

    def draft_is_closed(self, draft_id: str) -> bool:
        """True when the draft's appointment was finished (for tests and the app's message)."""
        _check_draft_id(draft_id)
        return bool(
            self._read_one(select(db.drafts.c.closed).where(db.drafts.c.draft_id == draft_id))
        )

    # Keys

    def re_encrypt(self) -> int:
        """Seal every plan version and draft again with the newest key; returns the rows done.

        Run it after putting a new key first in the setting; then the old keys can go.
        A row that no key opens stops it, naming the setting, before anything is changed.
        """
        with self._failures():
            if not self._prepare(create=False):
                return 0
            with self._writing() as connection:
                versions = connection.execute(
                    select(db.plan_versions.c.id, db.plan_versions.c.document)
                ).all()
                drafts = connection.execute(
                    select(db.drafts.c.draft_id, db.drafts.c.payload).where(
                        db.drafts.c.closed.is_(False)
                    )
                ).all()
                new_versions = [(row.id, self._sealer.reseal(row.document)) for row in versions]
                new_drafts = [(row.draft_id, self._sealer.reseal(row.payload)) for row in drafts]
                for row_id, document in new_versions:
                    connection.execute(
                        update(db.plan_versions)
                        .where(db.plan_versions.c.id == row_id)
                        .values(document=document)
                    )
                for draft_id, payload in new_drafts:
                    connection.execute(
                        update(db.drafts)
                        .where(db.drafts.c.draft_id == draft_id)
                        .values(payload=payload)
                    )
        return len(new_versions) + len(new_drafts)

    # The access log and look-up limits

    def _looked_up(
        self, known: str, who: Coach | None, action: str | None, newest_only: bool = False
    ) -> list[Any]:
        """The plan's rows, as `who` may see them; a miss is logged and counts to the limit."""
        self._check_lookups(who)
        try:
            rows = self._version_rows(known, newest_only, who)
        except UnknownReference:
            self._log_alone(who, FAILED_LOOKUP, known)
            raise
        if action is not None:
            self._log_alone(who, action, known)
        return rows

    def _check_lookups(self, who: Coach | None) -> None:
        """Refuse a look-up after too many misses in a minute by this coach or address."""
        if who is None or who.office is None:
            return  # a single machine, or the operator at the command line
        log_table = db.access_log
        same = log_table.c.subject == who.subject
        if who.address:
            same = same | (log_table.c.address == who.address)
        since = _utc(None) - datetime.timedelta(minutes=1)
        misses = self._read_one(
            select(func.count())
            .select_from(log_table)
            .where(log_table.c.action == FAILED_LOOKUP, log_table.c.at > since, same)
        )
        if (misses or 0) >= LOOKUPS_PER_MINUTE:
            self._log_alone(who, RATE_LIMITED, None)
            raise TooManyLookups()

    def _log_alone(self, who: Coach | None, action: str, reference: str | None) -> None:
        if who is None:
            return
        with self._failures():
            # A coach's miss is kept even in a database not made yet: it counts to the limit.
            # The operator's command line never makes a database just to log that it read one.
            if not self._prepare(create=who.office is not None):
                return
            with self._writing() as connection:
                self._log(connection, who, action, reference)

    def _log(
        self,
        connection: Connection,
        who: Coach | None,
        action: str,
        reference: str | None,
        at: datetime.datetime | None = None,
    ) -> None:
        if who is None:
            return
        connection.execute(
            insert(db.access_log).values(
                at=_utc(at),
                subject=who.subject[:255],
                office=None if who.office is None else who.office[:100],
                address=None if who.address is None else who.address[:64],
                action=action,
                reference=reference,
            )
        )

    # Inside

    def _read_one(self, query: Any) -> Any:
        """The first column of the first row, or None (also when the database is not made yet)."""
        with self._failures():
            if not self._prepare(create=False):
                return None
            with self._engine.begin() as connection:
                return connection.scalar(query)

    def _write_draft(
        self,
        draft_id: str,
        moment: datetime.datetime,
        expires_at: datetime.datetime,
        payload: str,
        *,
        closed: bool,
    ) -> bool:
        """Insert or replace the draft's row; False when it is closed and so was left alone.

        Closing always writes; keeping a draft writes only over a row that is still open.
        """
        values = {
            "draft_id": draft_id,
            "updated_at": moment,
            "expires_at": expires_at,
            "payload": payload,
            "closed": closed,
        }
        with self._failures():
            self._prepare()
            statement = _draft_upsert(self.backend, closed=closed)
            # Closing a draft is flushed; keeping one at a click is a working copy.
            with self._writing(working_copy=not closed) as connection:
                return connection.execute(statement, values).first() is not None

    @contextlib.contextmanager
    def _failures(self) -> Iterator[None]:
        """Every failure of the database or its file, as a StoreError that names the fix."""
        try:
            yield
        except (StoreError, InputError):
            raise
        except (SQLAlchemyError, CommandError, OSError) as error:
            raise store_error_for(error, self._file) from None

    def _prepare(self, create: bool = True) -> bool:
        """Make sure the tables exist; False (and nothing made) for a missing file if not create."""
        if self._ready:
            return True
        if self._file is not None:
            if not self._file.exists():
                if not create:
                    return False
                make_private_database_file(self._file)
            keep_private(self._file)
        db.upgrade(self._engine)
        self._ready = True
        return True

    def _check_can_reopen(self, plan: Plan) -> None:
        """Refuse a plan that could not be opened again exactly as it is."""
        try:
            text = _to_json(plan.model_dump(mode="json"))
            size = len(text.encode("utf-8"))
            plan_from_data(json.loads(text), self._library)
        except (InputError, TypeError, ValueError) as error:
            raise PlanNotSaved(
                f"The plan could not be saved because part of it is not valid"
                f"{_problem_fields(error)}. Nothing was saved."
            ) from None
        if size > MAX_PLAN_BYTES:
            raise PlanNotSaved(
                "The plan is too long to save. Please shorten some of the longer answers."
            )

    def _plan(self, row: Any, reference: str) -> Plan:
        document = self._sealer.open(row.document)
        try:
            return plan_from_data(json.loads(document), self._library)
        except (InputError, ValueError) as error:
            raise UnreadablePlan(
                f"version {row.version} of plan {reference} cannot be read with this version of "
                f"Right Steps{_problem_fields(error)}; its saved copy is unchanged "
                "(see `data export`)"
            ) from None

    @contextlib.contextmanager
    def _writing(self, *, working_copy: bool = False) -> Iterator[Connection]:
        """One transaction that writes: committed at the end, rolled back on any error.

        A working copy (a draft kept at every click) is not flushed to the disk at commit.
        """
        with self._engine.connect() as connection:
            options = {db.WRITE_OPTION: True, db.WORKING_COPY_OPTION: working_copy}
            connection.execution_options(**options)
            with connection.begin():
                yield connection

    def _add_plan(
        self, connection: Connection, saved_at: datetime.datetime, office: str | None
    ) -> tuple[str, int, int]:
        reference = new_reference()
        plan_id = connection.execute(
            insert(db.plans).values(reference=reference, created_at=saved_at, office=office)
        ).inserted_primary_key[0]
        return reference, plan_id, 1

    def _plan_id(self, connection: Connection, reference: str, who: Coach | None) -> int:
        query = select(db.plans.c.id).where(db.plans.c.reference == reference)
        plan_id = connection.scalar(_in_office(query, who))
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

    def _version_rows(
        self, reference: str, newest_only: bool = False, who: Coach | None = None
    ) -> list[Any]:
        versions = db.plan_versions
        query = _in_office(
            select(versions.c.version, versions.c.saved_at, versions.c.document)
            .join(db.plans, db.plans.c.id == versions.c.plan_id)
            .where(db.plans.c.reference == reference),
            who,
        )
        if newest_only:
            query = query.order_by(versions.c.version.desc()).limit(1)
        else:
            query = query.order_by(versions.c.version)
        with self._failures():
            if not self._prepare(create=False):
                raise UnknownReference(reference)
            with self._engine.begin() as connection:
                rows = connection.execute(query).all()
        if not rows:
            raise UnknownReference(reference)
        return rows


def _in_office(query: Any, who: Coach | None) -> Any:
    """The query narrowed to the plans of `who`'s office (all plans for no one or the operator).

    A plan of another office is then found exactly as an unknown reference is: not at all.
    """
    if who is None or who.office is None:
        return query
    return query.where(db.plans.c.office == who.office)


def pause_before_commit_for_tests() -> None:
    """Test hook only: with RIGHT_STEPS_TEST_PAUSE_BEFORE_COMMIT=seconds, wait before committing.

    The crash tests kill the process during this wait. Unset (always, outside those tests), it
    does nothing.
    """
    seconds = os.environ.get(PAUSE_BEFORE_COMMIT_VARIABLE)
    if seconds:
        print("right-steps: test pause before commit", file=sys.stderr, flush=True)
        time.sleep(float(seconds))


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


@functools.cache
def _draft_upsert(backend: str, *, closed: bool) -> Any:
    """The statement that inserts or replaces a draft's row, its values given when it runs.

    Made once: a draft is written at nearly every click, and SQLAlchemy would otherwise work out
    the same statement's cache key afresh each time.
    """
    dialect = postgresql if backend == "postgresql" else sqlite
    statement = dialect.insert(db.drafts)
    changed = [column.name for column in db.drafts.c if not column.primary_key]
    return statement.on_conflict_do_update(
        index_elements=[db.drafts.c.draft_id],
        set_={key: statement.excluded[key] for key in changed},
        where=None if closed else db.drafts.c.closed.is_(False),
    ).returning(db.drafts.c.draft_id)
