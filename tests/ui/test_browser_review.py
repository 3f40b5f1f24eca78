"""In a real browser: a reload loses nothing; a saved plan opens again by reference and by its
PDF, and is reviewed."""

from __future__ import annotations

import re

import pytest

from tests.ui.test_browser_appointment import (
    _answer_the_first_pages,
    _continue,
    _review_every_step_as,
    _save_and_download,
    _snap,
    _snap_narrow,
    _wait_for_page,
)

pytestmark = pytest.mark.browser

NAME = "Siân O'Neill & <Co>"


def test_reload_keeps_answers_and_a_saved_plan_opens_again(app_server, browser_page, tmp_path):
    from playwright.sync_api import expect

    page = browser_page
    shots = tmp_path / "screenshots"
    shots.mkdir()
    page.goto(app_server)
    _wait_for_page(page, "Right Steps")
    _answer_the_first_pages(page, "What would you like us to call you?", NAME)
    page.wait_for_timeout(500)
    assert "draft=" in page.url

    # The page is lost and comes back: every answer is still there.
    page.reload()
    _wait_for_page(page, "Where you are now")
    expect(page.get_by_text("Your answers are still here")).to_be_visible()
    expect(page.get_by_role("radio", name=re.compile("You are getting ready"))).to_be_checked()
    page.get_by_role("button", name="Back", exact=True).click()
    _wait_for_page(page, "About you")
    expect(page.get_by_label("What would you like us to call you?")).to_have_value(NAME)

    for title in ("Where you are now", "Your strengths", "What makes things harder"):
        _continue(page, title)
    _continue(page, "Suggested steps")
    _continue(page, "Make it yours")
    _continue(page, "Check your plan")
    reference, pdf_path = _save_and_download(page, tmp_path)
    _snap(page, shots, "saved")
    page.get_by_role("button", name="Finish and clear").click()
    _wait_for_page(page, "Right Steps")

    # Two weeks later: open it by its reference and review it.
    _review_every_step_as(page, reference.lower(), "Done")
    page.get_by_label("What went well since last time?").fill("I kept going & felt <proud>")
    page.keyboard.press("Tab")
    _snap(page, shots, "how-did-it-go")
    _continue(page, "Where you are now")
    _continue(page, "What has changed")
    _continue(page, "Your progress")
    expect(page.get_by_text("Steps you've taken")).to_be_visible()
    _snap(page, shots, "progress")
    _continue(page, "Suggested steps")
    expect(page.get_by_text("You did this. Here is the next step.").first).to_be_visible()
    _continue(page, "Make it yours")
    _continue(page, "Check your plan")
    page.get_by_text("Read the whole plan as it will be printed").click()
    expect(page.get_by_text("I kept going & felt <proud>")).to_be_visible()
    page.get_by_role("button", name="Save changes and agree").click()
    _wait_for_page(page, "Plan agreed")
    expect(page.locator(".st-key-confirmation_panel strong")).to_have_text(reference)
    expect(page.get_by_text("kept for 365 days after it was last saved")).to_be_visible()
    _snap(page, shots, "agreed-saved")
    _snap_narrow(page, shots, "agreed-saved")
    # Saved but the new version not downloaded: asked first; keeping it changes nothing.
    page.get_by_role("button", name="Finish and clear").click()
    expect(
        page.get_by_text("No copy of the plan as it is now has been downloaded.")
    ).to_be_visible()
    page.get_by_role("button", name="Keep the plan").click()
    expect(page.locator(".st-key-confirmation_panel strong")).to_have_text(reference)
    page.get_by_role("button", name="Finish and clear").click()
    page.get_by_role("button", name="Clear everything").click()
    _wait_for_page(page, "Right Steps")

    # Or open it by uploading the saved PDF.
    page.locator("input[type=file]").set_input_files(str(pdf_path))
    page.get_by_role("button", name="Open this file").click()
    _wait_for_page(page, "How did it go?")
    _snap(page, shots, "opened-from-pdf")
