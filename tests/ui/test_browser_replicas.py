"""Two replicas of the app behind nginx (Debian's package), one PostgreSQL, sign-in through a real
OpenID Connect provider, all on loopback: the replica serving an appointment is killed and the
page carries on through the other with every answer; the proxy's headers and its refusal of
foreign websocket origins are checked with plain HTTP."""

from __future__ import annotations

import base64
import http.client
import os
import re
import signal
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.store.conftest import postgres_server, postgres_url  # noqa: F401 (fixtures)
from tests.ui.team_stack import replicas_behind_nginx
from tests.ui.test_browser_appointment import _answer_the_first_pages, _wait_for_page
from tests.ui.test_browser_team import (  # noqa: F401 (identity_provider is a fixture)
    _sign_in,
    identity_provider,
)

pytestmark = pytest.mark.browser
NAME = "Siân"


@pytest.fixture
def behind_nginx(tmp_path: Path, postgres_url: str, identity_provider: str) -> Iterator[dict]:  # noqa: F811
    try:
        with replicas_behind_nginx(tmp_path, postgres_url, identity_provider) as stack:
            yield {"url": stack.url, "replicas": stack.replicas, "access_log": stack.access_log}
    except FileNotFoundError as missing:
        if os.environ.get("CI"):
            pytest.fail(f"{missing} (Debian's nginx package)")
        pytest.skip(str(missing))


def _serving_replica(access_log: Path) -> int:
    """The port of the replica the page's websocket went to, from nginx's own log."""
    lines = [line for line in access_log.read_text().splitlines() if "/_stcore/stream" in line]
    return int(re.search(r"upstream=127\.0\.0\.1:(\d+)", lines[-1]).group(1))


def test_killing_the_replica_mid_appointment_loses_nothing(behind_nginx, browser_page):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import expect

    page = browser_page
    _sign_in(page, behind_nginx["url"], "coach-leeds")
    _answer_the_first_pages(page, "What would you like us to call you?", NAME)
    page.wait_for_timeout(800)

    serving = _serving_replica(behind_nginx["access_log"])
    behind_nginx["replicas"][serving].send_signal(signal.SIGKILL)
    behind_nginx["replicas"][serving].wait(timeout=10)

    # The page reconnects through nginx to the other replica: a new session there, which
    # brings the appointment back from its draft in the database. The coach presses
    # Continue (again, if the first press came while the page was reconnecting).
    next_page = page.get_by_role("heading", name="Your strengths", level=1)
    deadline = time.monotonic() + 60
    while not next_page.is_visible():
        if time.monotonic() > deadline:
            page.screenshot(path=str(behind_nginx["access_log"].parent / "stuck.png"))
        assert time.monotonic() < deadline, "the page never came back"
        try:
            page.get_by_role("button", name="Continue", exact=True).last.click(timeout=5_000)
            next_page.wait_for(timeout=5_000)
        except PlaywrightTimeout:
            # Still reconnecting, or the press reached the old session: look again.
            continue
    _wait_for_page(page, "Your strengths")
    page.get_by_role("button", name="Back", exact=True).click()
    _wait_for_page(page, "Where you are now")
    chosen = page.get_by_role("radio", name=re.compile("You are getting ready"))
    expect(chosen).to_be_checked()
    page.get_by_role("button", name="Back", exact=True).click()
    _wait_for_page(page, "About you")
    expect(page.get_by_label("What would you like us to call you?")).to_have_value(NAME)
    expect(page.get_by_text("Signed in, leeds office.")).to_be_visible()
    assert behind_nginx["replicas"][serving].poll() is not None  # it really is gone


def _upgrade(origin_url: str, sent_origin: str | None) -> int:
    """The status nginx answers a websocket upgrade with, sent with `sent_origin`."""
    host = origin_url.removeprefix("http://")
    connection = http.client.HTTPConnection(host, timeout=10)
    headers = {
        "Upgrade": "websocket",
        "Connection": "Upgrade",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": base64.b64encode(os.urandom(16)).decode(),
    }
    if sent_origin is not None:
        headers["Origin"] = sent_origin
    connection.request("GET", "/_stcore/stream", headers=headers)
    status = connection.getresponse().status
    connection.close()
    return status


def test_the_proxy_sends_security_headers_and_refuses_foreign_origins(behind_nginx):
    url = behind_nginx["url"]
    with urllib.request.urlopen(f"{url}/", timeout=10) as response:
        headers = response.headers
    policy = headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy and "default-src 'self'" in policy
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "nginx/" not in (headers["Server"] or "")

    with pytest.raises(urllib.error.HTTPError) as hidden:
        urllib.request.urlopen(f"{url}/_stcore/metrics", timeout=10)
    assert hidden.value.code == 404

    assert _upgrade(url, "http://evil.example") == 403
    assert _upgrade(url, None) == 403
    assert _upgrade(url, url) == 101
    time.sleep(0.1)
