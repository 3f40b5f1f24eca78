"""In a real browser: finishing in one tab while another is open, and a hostile upload.

Every request the pages make is checked to go to the local server only: markup in an uploaded
file must not become a link or an image fetched from another host.
"""

from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest

from goal_library.loader import default_library
from planner.models import Profile
from planner.suggest import build_plan
from tests.ui.conftest import peak_memory_bytes

pytestmark = pytest.mark.browser


def _settled(page) -> None:
    from playwright.sync_api import expect

    page.wait_for_timeout(300)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=20_000)


def _heading(page, title: str) -> None:
    from playwright.sync_api import expect

    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
    _settled(page)


def _continue(page, title: str) -> None:
    page.get_by_role("button", name="Continue", exact=True).click()
    _heading(page, title)


def _local_only(requests: list[str], server: str) -> list[str]:
    host = urlparse(server).hostname
    return [url for url in requests if urlparse(url).hostname not in (host, None)]


def test_finishing_in_one_tab_clears_the_other_and_the_old_address(app_server, browser_page):
    first = browser_page
    first.goto(app_server)
    _heading(first, "Right Steps")
    first.get_by_role("button", name="Start now", exact=True).click()
    _heading(first, "About you")
    first.get_by_label("What would you like us to call you?").fill("Private Name")
    first.get_by_label("What would you like us to call you?").press("Enter")
    _settled(first)
    address = first.url
    assert "draft=" in address

    second = first.context.new_page()
    second.goto(address)
    _heading(second, "About you")
    assert second.get_by_label("What would you like us to call you?").input_value() == (
        "Private Name"
    )

    _continue(first, "Where you are now")
    first.get_by_role("radiogroup").get_by_text("You are getting ready").click()
    _settled(first)
    for title in (
        "Your strengths",
        "What makes things harder",
        "Suggested steps",
        "Make it yours",
        "Check your plan",
    ):
        _continue(first, title)
    first.get_by_role("button", name="Agree without saving").click()
    _heading(first, "Plan agreed")
    first.get_by_role("button", name="Finish and clear").click()
    first.get_by_role("button", name="Clear everything").click()
    _heading(first, "Right Steps")

    # The other tab carries on, and finds the appointment finished.
    second.get_by_role("button", name="Continue", exact=True).click()
    _settled(second)
    body = second.locator("body").inner_text()
    assert "finished in another window" in body
    assert "Private Name" not in body

    third = first.context.new_page()
    third.goto(address)
    _heading(third, "Right Steps")
    assert "finished or timed out" in third.locator("body").inner_text()
    third.get_by_role("button", name="Start now", exact=True).click()
    _heading(third, "About you")
    assert third.get_by_label("What would you like us to call you?").input_value() == ""


def test_markup_in_an_uploaded_file_stays_plain_text(app_server, browser_page, tmp_path):
    page = browser_page
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    data = build_plan(Profile(stage=2), default_library()).model_dump(mode="json")
    data["profile"]["strengths"] = [
        "[click me](https://example.org/away)",
        "![pixel](https://example.org/pixel.png)",
        "<img src=https://example.org/x.png>",
    ]
    upload = tmp_path / "plan.json"
    upload.write_text(json.dumps(data))

    page.goto(app_server)
    _heading(page, "Right Steps")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(upload))
    _settled(page)
    page.get_by_role("button", name="Open this file").click()
    _settled(page)
    alert = page.get_by_test_id("stAlertContentError").first
    text = alert.inner_text().replace("\u2060", "")  # the invisible joiner that stops links
    assert "[click me](https://example.org/away)" in text
    assert alert.locator("a").count() == 0
    assert alert.locator("img").count() == 0
    assert page.locator("img[src*='example.org']").count() == 0
    assert _local_only(requests, app_server) == []


def test_a_decompression_bomb_upload_is_refused_without_the_server_growing(
    app_server, browser_page, tmp_path
):
    from tests.hostile.corpus import file_cases

    bomb = next(c for c in file_cases() if c.name.startswith("40 plan attachments"))
    upload = tmp_path / "plan.pdf"
    upload.write_bytes(bomb.content)
    page = browser_page
    page.goto(app_server)
    _heading(page, "Right Steps")
    before = peak_memory_bytes(app_server.pid)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(upload))
    _settled(page)
    page.get_by_role("button", name="Open this file").click()
    _settled(page)
    assert "too big" in page.get_by_test_id("stAlertContentError").first.inner_text()
    grown = peak_memory_bytes(app_server.pid) - before
    assert grown < 100 * 1024 * 1024, f"the server grew by {grown / 2**20:.0f} MB"
