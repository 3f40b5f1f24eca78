"""Team mode in a real browser, signed in through a real OpenID Connect provider on loopback
(oidc-provider-mock): a coach saves a plan; a coach of another office cannot open it by its
reference or by its PDF; the access log holds both attempts; the eleventh wrong reference in a
minute is refused; and the database holds no readable plan text."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from store.sealing import new_key
from tests.ui import team_stack
from tests.ui.conftest import ROOT, ServerAddress, _free_port, _wait_until_healthy
from tests.ui.team_stack import sign_in_secrets
from tests.ui.test_browser_appointment import (
    _answer_the_first_pages,
    _continue,
    _save_and_download,
    _wait_for_page,
)

pytestmark = pytest.mark.browser

HOPES = "Walk to the allotment gate with my sister"
COACHES = {"coach-leeds": "leeds", "coach-bradford": "bradford"}


@pytest.fixture
def identity_provider(tmp_path: Path) -> Iterator[str]:
    """oidc-provider-mock on a free local port, with one coach in each of two offices."""
    with team_stack.identity_provider(tmp_path, COACHES) as issuer:
        yield issuer


@pytest.fixture
def team_app(tmp_path: Path, private_database: str, identity_provider: str) -> Iterator[str]:
    """The app in team mode, with sign-in through the identity provider and a sealing key."""
    port = _free_port()
    url = ServerAddress(f"http://127.0.0.1:{port}")
    secrets_file = sign_in_secrets(tmp_path, url, identity_provider)
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "RIGHT_STEPS_TEAM_MODE": "on",
        "RIGHT_STEPS_ENCRYPTION_KEYS": new_key(),
    }
    log = (tmp_path / "streamlit.log").open("w")
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "streamlit", "run", "app.py"),
            *("--server.port", str(port), "--server.address", "127.0.0.1"),
            f"--secrets.files={secrets_file}",
        ],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    url.pid = process.pid
    try:
        _wait_until_healthy(url, process)
        yield url
    finally:
        team_stack.stop(process)
        log.close()


def _sign_in(page, url: str, subject: str) -> None:
    page.goto(url)
    _wait_for_page(page, "Sign in to Right Steps")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name=subject, exact=True).click()  # the provider's own form
    _wait_for_page(page, "Right Steps")


def _open_by_reference(page, reference: str) -> None:
    page.get_by_label("Plan reference").fill(reference)
    page.keyboard.press("Tab")
    page.get_by_role("button", name="Open plan").click()
    page.wait_for_timeout(800)


def test_offices_keep_their_plans_and_every_attempt_is_logged(
    team_app, browser_page, private_database, tmp_path
):
    from playwright.sync_api import expect

    page = browser_page
    _sign_in(page, team_app, "coach-leeds")
    expect(page.get_by_text("Signed in, leeds office.")).to_be_visible()
    _answer_the_first_pages(page, "What matters to you right now?", HOPES)
    page.wait_for_timeout(500)
    for title in ("Your strengths", "What makes things harder", "Suggested steps"):
        _continue(page, title)
    _continue(page, "Make it yours")
    _continue(page, "Check your plan")
    reference, pdf = _save_and_download(page, tmp_path)

    # Signing out clears the appointment; the sign-in page is all that is left.
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("button", name="End session").click()  # the provider asks to confirm
    _wait_for_page(page, "Sign in to Right Steps")

    _sign_in(page, team_app, "coach-bradford")
    _open_by_reference(page, reference)
    expect(
        page.get_by_text(f"There is no saved plan with the reference {reference}")
    ).to_be_visible()
    page.locator("input[type=file]").set_input_files(str(pdf))
    page.get_by_role("button", name="Open this file").click()
    _wait_for_page(page, "How did it go?")
    # The file's words are the person's own copy, but not the office's plan: a new plan.
    expect(page.get_by_text("opened as a new plan", exact=False)).to_be_visible()

    # The database: the attempts are logged, and no plan text can be read in the rows.
    engine = create_engine(private_database)
    with engine.connect() as connection:
        log = connection.execute(
            text("SELECT subject, office, action FROM access_log WHERE reference = :r ORDER BY id"),
            {"r": reference},
        ).all()
        rows = [r[0] for r in connection.execute(text("SELECT document FROM plan_versions"))]
        rows += [r[0] for r in connection.execute(text("SELECT payload FROM drafts"))]
    engine.dispose()
    assert [tuple(row) for row in log] == [
        ("coach-leeds", "leeds", "save"),
        ("coach-bradford", "bradford", "failed look-up"),
        ("coach-bradford", "bradford", "failed look-up"),
    ]
    assert rows and not any("allotment" in row for row in rows)


def test_the_eleventh_wrong_reference_in_a_minute_is_refused(team_app, browser_page):
    from playwright.sync_api import expect

    page = browser_page
    _sign_in(page, team_app, "coach-bradford")
    for letter in "ABCDEFGHJK":
        _open_by_reference(page, f"ZZZZ-ZZZ{letter}")
        answer = f"There is no saved plan with the reference ZZZZ-ZZZ{letter}."
        expect(page.get_by_text(answer)).to_be_visible()
    _open_by_reference(page, "ZZZZ-ZZZM")
    expect(page.get_by_text("Too many plan references were not found")).to_be_visible()
    expect(page.get_by_text("with the reference ZZZZ-ZZZM")).to_have_count(0)
