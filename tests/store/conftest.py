"""Store fixtures: a fresh, empty database on each backend, and plans to save.

PostgreSQL comes from RIGHT_STEPS_TEST_POSTGRES_URL (scripts/test starts one and sets it); each
test gets its own database, made with a random name and dropped afterwards. When no server
answers, the PostgreSQL tests are skipped with the reason, except under CI, where they fail.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from goal_library.loader import default_library
from goal_library.models import Library
from planner.models import Plan, Profile
from planner.suggest import build_plan
from store.plans import PlanStore

POSTGRES_URL_VARIABLE = "RIGHT_STEPS_TEST_POSTGRES_URL"
DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(autouse=True)
def _no_store_settings_from_outside(monkeypatch):
    """Tests choose their own database and limits; none leaks in from the shell."""
    for name in (
        "RIGHT_STEPS_DATABASE_URL",
        "RIGHT_STEPS_DATA_DIR",
        "RIGHT_STEPS_RETENTION_DAYS",
        "RIGHT_STEPS_DRAFT_HOURS",
        "RIGHT_STEPS_TEST_PAUSE_BEFORE_COMMIT",
        "RIGHT_STEPS_ENCRYPTION_KEYS",
        "RIGHT_STEPS_TEAM_MODE",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Engine]:
    """An AUTOCOMMIT connection to the test server's maintenance database."""
    url = make_url(os.environ.get(POSTGRES_URL_VARIABLE) or DEFAULT_POSTGRES_URL)
    engine = create_engine(url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})
    try:
        with engine.connect():
            pass
    except OperationalError as error:
        engine.dispose()
        first_line = str(error.orig).strip().splitlines()[0] if error.orig else type(error).__name__
        reason = (
            f"PostgreSQL is not reachable at {url.render_as_string(hide_password=True)} "
            f'({first_line}). Start one with `eval "$(bash scripts/_postgres.sh)"` or set '
            f"{POSTGRES_URL_VARIABLE}."
        )
        if os.environ.get("CI"):
            pytest.fail(f"CI needs PostgreSQL for the store tests: {reason}", pytrace=False)
        pytest.skip(reason)
    yield engine
    engine.dispose()


@pytest.fixture
def postgres_url(postgres_server: Engine) -> Iterator[str]:
    """The URL of a new, empty database on the test server, dropped after the test."""
    name = f"right_steps_test_{secrets.token_hex(6)}"
    with postgres_server.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield postgres_server.url.set(database=name).render_as_string(hide_password=False)
    finally:
        with postgres_server.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=BACKENDS)
def database_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite3'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def store(database_url) -> Iterator[PlanStore]:
    with PlanStore(database_url, library=default_library()) as opened:
        yield opened


def make_plan(library: Library, name: str = "Sam", note: str = "", stage: int = 2) -> Plan:
    """A real draft plan; `note` tells saved versions apart."""
    plan = build_plan(
        Profile(stage=stage, preferred_name=name, hopes="To feel less stuck"), library
    )
    return plan.model_copy(update={"notes": [note] if note else []})


def same_plan_apart_from_saving(saved: Plan, original: Plan) -> bool:
    """True when `saved` is `original` with only what saving sets filled in: the reference, the
    version and (when it had none) the day it was made."""
    if original.created_on is not None and saved.created_on != original.created_on:
        return False
    ignore = {"reference", "version", "created_on"}
    return saved.model_dump(exclude=ignore) == original.model_dump(exclude=ignore)
