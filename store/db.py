"""The database: tables, the engine for SQLite or PostgreSQL, and running the migrations.

SQLite is opened in WAL mode with foreign keys on and a busy timeout, so a second writer waits
for the first instead of failing. A transaction that writes starts with BEGIN IMMEDIATE, so it
takes the write lock before reading what it will change; readers never wait for writers.
"""

from __future__ import annotations

import datetime
import logging
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    false,
)
from sqlalchemy.engine import URL, make_url
from sqlalchemy.types import TypeDecorator

SQLITE_BUSY_TIMEOUT_MS = 30_000
# Execution option marking a connection whose transactions write (SQLite: BEGIN IMMEDIATE).
WRITE_OPTION = "right_steps_write"
# A write of a working copy (a draft), which need not wait for the disk; see below.
WORKING_COPY_OPTION = "right_steps_working_copy"
# Any fixed number: held while migrating, so two processes opening a new database take turns.
_MIGRATION_LOCK_KEY = 0x52535450
_LOGGING_NAME = "right_steps"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class UTCDateTime(TypeDecorator[datetime.datetime]):
    """A timestamp with time zone, always UTC; SQLite keeps it as UTC text."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> datetime.datetime | None:
        if value is None:
            return None
        value = as_utc(value)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Any) -> datetime.datetime | None:
        return None if value is None else as_utc(value)


def as_utc(moment: datetime.datetime) -> datetime.datetime:
    """The moment in UTC; a time without a zone is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=datetime.UTC)
    return moment.astimezone(datetime.UTC)


metadata = MetaData()

plans = Table(
    "plans",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("reference", String(20), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    # The office that first saved the plan (team mode); None on a single machine.
    Column("office", String(100), nullable=True),
    UniqueConstraint("reference", name="uq_plans_reference"),
)

plan_versions = Table(
    "plan_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "plan_id",
        Integer,
        ForeignKey("plans.id", ondelete="CASCADE", name="fk_plan_versions_plan_id"),
        nullable=False,
    ),
    Column("version", Integer, nullable=False),
    Column("saved_at", UTCDateTime, nullable=False),
    Column("document", Text, nullable=False),
    UniqueConstraint("plan_id", "version", name="uq_plan_versions_plan_id_version"),
)

drafts = Table(
    "drafts",
    metadata,
    Column("draft_id", String(100), primary_key=True),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False, index=True),
    Column("payload", Text, nullable=False),
    # A closed draft is a finished appointment's tombstone: no payload, and never written again.
    Column("closed", Boolean, nullable=False, server_default=false()),
)


# Who did what to which plan, and when: never any part of a plan. `subject` is the identity
# provider's subject for a coach, or "command line" for the operator.
access_log = Table(
    "access_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", UTCDateTime, nullable=False, index=True),
    Column("subject", String(255), nullable=False),
    Column("office", String(100), nullable=True),
    Column("address", String(64), nullable=True),
    Column("action", String(20), nullable=False),
    Column("reference", String(20), nullable=True, index=True),
)


def database_url(url: str) -> URL:
    """The URL to open; a bare postgresql:// URL uses psycopg 3, the driver installed."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def sqlite_file(url: URL) -> Path | None:
    """The database file of a SQLite URL, or None (another database, or SQLite in memory)."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    if url.query.get("uri") == "true" and url.database.startswith("file:"):
        # A URI filename (sqlite:///file:/path?mode=ro&uri=true): the file is its path, not a
        # folder called "file:" where Right Steps happens to run.
        return Path(urlsplit(url.database).path)
    return Path(url.database)


def make_engine(url: URL) -> Engine:
    # Nothing from a plan in a log or an error: hide_parameters keeps the values sent out of
    # error messages, and this engine's own logger never logs statements or the rows read
    # back, even when the application turns SQLAlchemy's logging up.
    logging.getLogger(f"sqlalchemy.engine.Engine.{_LOGGING_NAME}").setLevel(logging.WARNING)
    options: dict[str, Any] = {"hide_parameters": True, "logging_name": _LOGGING_NAME}
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, **options)
    engine = create_engine(url, **options)
    event.listen(engine, "connect", _set_up_sqlite_connection)
    event.listen(engine, "begin", _begin_sqlite_transaction)
    return engine


def _set_up_sqlite_connection(dbapi_connection: Any, connection_record: Any) -> None:
    # SQLAlchemy, not the sqlite3 module, says when a transaction begins (see _begin...).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _begin_sqlite_transaction(connection: Connection) -> None:
    options = connection.get_execution_options()
    writes = options.get(WRITE_OPTION, False)
    if writes:
        # Outside the transaction, where SQLite allows it to change. A saved plan reaches the
        # disk before the commit returns (FULL). A draft is a working copy rewritten at every
        # click: NORMAL keeps it whole and safe if the app stops, and saves a disk flush per
        # click; only a power cut in the next moments could take back its newest change.
        level = "NORMAL" if options.get(WORKING_COPY_OPTION, False) else "FULL"
        connection.exec_driver_sql(f"PRAGMA synchronous = {level}")
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


def upgrade(engine: Engine) -> None:
    """Bring the database's tables up to the newest migration, in one transaction.

    A database already up to date is only read, so opening a store never waits for a writer.
    """
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    head = ScriptDirectory.from_config(config).get_current_head()
    with engine.connect() as connection:
        with connection.begin():
            if MigrationContext.configure(connection).get_current_revision() == head:
                return
        connection.execution_options(**{WRITE_OPTION: True})
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK_KEY})")
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
