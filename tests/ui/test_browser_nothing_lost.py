"""In a real browser: nothing a person did is lost without a word.

Going back to change an answer keeps a step they removed out of the plan; a review carries
their own step forward; finishing asks before it clears a plan nobody has kept.
"""

from __future__ import annotations

import pytest

from tests.ui.test_browser_appointment import (
    _answer_the_first_pages,
    _continue,
    _rerun_done,
    _review_every_step_as,
    _save_and_download,
    _wait_for_page,
)

pytestmark = pytest.mark.browser

OWN_STEP = "Feed the ducks at the park on Saturday"


def test_changes_to_the_plan_survive_a_changed_answer_and_a_review(
    app_server, browser_page, tmp_path
):
    from playwright.sync_api import expect

    page = browser_page
    page.goto(app_server)
    _wait_for_page(page, "Right Steps")
    _answer_the_first_pages(page, "What would you like us to call you?", "Ffion")
    _continue(page, "Your strengths")
    _continue(page, "What makes things harder")
    _continue(page, "Suggested steps")

    cards = page.locator("[class*='st-key-card_']")
    expect(cards.first).to_be_visible()
    drafted = cards.count()
    removed = cards.last.locator("h2").inner_text()
    cards.last.get_by_role("button", name="Remove").click()
    expect(cards).to_have_count(drafted - 1)
    page.get_by_text("Add a step in your own words").click()
    page.get_by_label("Your step").fill(OWN_STEP)
    page.keyboard.press("Tab")
    page.get_by_text("People and connection", exact=True).last.click()
    page.get_by_role("button", name="Add my step").click()
    expect(cards).to_have_count(drafted)

    # Back two pages, one more strength ticked, and on again.
    page.get_by_role("button", name="Back", exact=True).click()
    _wait_for_page(page, "What makes things harder")
    page.get_by_role("button", name="Back", exact=True).click()
    _wait_for_page(page, "Your strengths")
    page.get_by_text("Kind", exact=True).click()
    expect(page.get_by_role("checkbox", name="Kind")).to_be_checked()
    _rerun_done(page)
    _continue(page, "What makes things harder")
    _continue(page, "Suggested steps")
    expect(page.get_by_text("The changes you made to the steps are kept.")).to_be_visible()
    titles = cards.locator("h2").all_inner_texts()
    assert removed not in titles, "a step they removed does not come back"
    assert OWN_STEP in titles

    _continue(page, "Make it yours")
    _continue(page, "Check your plan")
    reference, _ = _save_and_download(page, tmp_path)
    # Saved and downloaded: nothing would be lost, so finishing does not ask.
    page.get_by_role("button", name="Finish and clear").click()
    _wait_for_page(page, "Right Steps")

    # At the review, their own step, not done yet, is carried into the next plan.
    _review_every_step_as(page, reference, "Not yet")
    for title in ("Where you are now", "What has changed", "Your progress", "Suggested steps"):
        _continue(page, title)
    expect(cards.filter(has_text=OWN_STEP)).to_have_count(1)

    # Since then they have been told to leave their home: the next plan makes room for that,
    # and the step it left out can come back.
    for title in ("Your progress", "What has changed"):
        page.get_by_role("button", name="Back", exact=True).click()
        _wait_for_page(page, title)
    page.get_by_text("What makes things harder", exact=True).click()
    page.get_by_text("Nowhere safe to live, or about to lose my home", exact=True).click()
    home = page.get_by_role("checkbox", name="Nowhere safe to live, or about to lose my home")
    expect(home).to_be_checked()
    _rerun_done(page)
    for title in ("Your progress", "Suggested steps"):
        _continue(page, title)
    expect(page.get_by_role("heading", name="Not in the new plan")).to_be_visible()
    left_out = page.locator("[class*='st-key-left_out_']")
    missed = left_out.first.locator("strong").inner_text()
    before = cards.count()
    left_out.first.get_by_role("button", name="Add it back").click()
    expect(cards).to_have_count(before + 1)
    assert missed in cards.locator("h2").all_inner_texts()
    expect(left_out).to_have_count(0)
