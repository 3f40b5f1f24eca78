"""A whole appointment and a review with the keyboard alone, in a real browser.

On every page change the browser tab's title names the new page, the view is at its top and
the first Tab lands on the page's first control (never Back or Continue, past the questions).
Every page is scanned with axe-core for WCAG 2.2 A and AA rules, and measured at 320 CSS
pixels wide and at 200% zoom (640 CSS pixels) for anything wider than the screen. The figures
are written to the test's folder with a screenshot of each page at each width.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

NAME = "Siân O'Neill"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
NARROW = {"320 px": {"width": 320, "height": 800}, "200% zoom": {"width": 640, "height": 450}}
WIDE = {"width": 1280, "height": 900}

_ACTIVE = """() => {
  const e = document.activeElement;
  // An expander's summary holds an icon, hidden from screen readers, whose text is its name.
  const shown = (element) => {
    const copy = element.cloneNode(true);
    copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
    return copy.textContent;
  };
  const label = e.getAttribute("aria-label") || (e.labels && e.labels[0] && e.labels[0].innerText)
    || (e.tagName === "SUMMARY" ? shown(e) : e.innerText) || "";
  return {tag: e.tagName, type: e.getAttribute("type") || "", name: label.trim().slice(0, 80)};
}"""
# The focusable controls of the page's main part, after its heading, in the order Tab visits.
_FIRST_CONTROL = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const heading = main.querySelector("h1");
  const all = [...main.querySelectorAll(
    'a[href], button, input, textarea, select, summary, [tabindex]:not([tabindex="-1"])')];
  const usable = all.filter((e) => !e.disabled && e.getClientRects().length &&
    getComputedStyle(e).visibility !== "hidden" &&
    (heading.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING));
  const first = usable[0], now = document.activeElement;
  if (!first) return null;
  // Tab enters a set of radio buttons at the one chosen.
  const group = (e) => e.closest('[role="radiogroup"]');
  return first === now || (first.type === "radio" && group(first) && group(first) === group(now));
}"""
# The focused control, or the box or label drawn around it, shows a ring of 2 px or more.
_RING = """() => {
  let e = document.activeElement;
  for (let up = 0; e && up < 6; up++, e = e.parentElement) {
    const style = getComputedStyle(e);
    if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) return true;
    const label = e.closest && e.closest("label");
    if (label && getComputedStyle(label).outlineStyle !== "none") return true;
  }
  return false;
}"""
_SCROLLED = """() => Math.max(...[document.scrollingElement,
  document.querySelector('[data-testid="stMain"]'),
  document.querySelector('[data-testid="stAppViewContainer"]')]
  .filter(Boolean).map((e) => e.scrollTop))"""
# Anything drawn past the right edge of the window, outside a box that scrolls on its own.
_OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const page = document.documentElement.scrollWidth - width;
  const main = document.querySelector('[data-testid="stMain"]');
  const cut = [...main.querySelectorAll("*")].filter((e) => {
    const box = e.getBoundingClientRect();
    if (!box.width || box.right <= width + 1) return false;
    for (let up = e.parentElement; up && up !== main; up = up.parentElement) {
      const style = getComputedStyle(up).overflowX;
      if (style === "auto" || style === "scroll") return false;
    }
    return true;
  }).map((e) => e.tagName + " " + Math.round(e.getBoundingClientRect().right - width) + "px: "
                 + (e.innerText || "").slice(0, 40));
  return {page_overflow: page, cut_off: cut.slice(0, 5), cut_count: cut.length};
}"""


class Walk:
    """Drives the app with keys only and records what each page measured."""

    def __init__(self, page, folder: Path) -> None:
        self.page = page
        self.folder = folder
        self.results: dict[str, dict] = {}
        self.title = "Right Steps"
        self.rings = 0
        self.part = ""  # " (review)" once the review has begun

    def active(self) -> dict:
        return self.page.evaluate(_ACTIVE)

    def tab_to(self, name: str, *, tag: str | None = None, limit: int = 120) -> None:
        """Tab forward until the focused control's name starts with `name`."""
        for _ in range(limit):
            self.page.keyboard.press("Tab")
            now = self.active()
            if now["tag"] != "BODY":  # past the last control, focus is in the browser itself
                assert self.page.evaluate(_RING), f"no visible focus on {now}"
                self.rings += 1
            if now["name"].startswith(name) and (tag is None or now["tag"] == tag):
                return
        raise AssertionError(f"Tab never reached {name!r}")

    def settle(self) -> None:
        from playwright.sync_api import expect

        self.page.wait_for_timeout(300)
        expect(self.page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=20_000)

    def press(self, name: str, next_title: str) -> None:
        """Tab to a button, press Enter, and check the new page starts at its top."""
        from playwright.sync_api import expect

        self.tab_to(name, tag="BUTTON")
        self.page.keyboard.press("Enter")
        expect(self.page.get_by_role("heading", name=next_title, level=1)).to_be_visible()
        self.settle()
        self.page.wait_for_timeout(300)
        title = next_title if next_title == "Right Steps" else f"{next_title} – Right Steps"
        assert self.page.title() == title
        assert self.page.title() != self.title or next_title == self.title
        self.title = next_title
        assert self.page.evaluate(_SCROLLED) == 0, f"{next_title} opened scrolled down"
        focused = self.active()
        assert focused["tag"] == "H1" and focused["name"] == next_title, focused
        self.page.keyboard.press("Tab")
        landed = self.active()
        assert landed["name"] not in ("Back", "Continue")
        assert self.page.evaluate(_FIRST_CONTROL), (next_title, landed)
        self.measure(next_title)

    def measure(self, name: str) -> None:
        from axe_playwright_python.sync_playwright import Axe

        self.page.wait_for_timeout(500)
        options = {"runOnly": {"type": "tag", "values": WCAG_22_AA}}
        violations = Axe().run(self.page, options=options).response["violations"]
        record = {
            "axe": sorted(f"{v['id']} ({v['impact']}, {len(v['nodes'])})" for v in violations),
            "axe serious or critical": [
                v["id"] for v in violations if v["impact"] in ("serious", "critical")
            ],
        }
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        for label, size in NARROW.items():
            self.page.set_viewport_size(size)
            self.page.wait_for_timeout(400)
            record[label] = self.page.evaluate(_OVERFLOW)
            self.page.screenshot(path=self.folder / f"{slug}-{size['width']}.png", full_page=True)
        self.page.set_viewport_size(WIDE)
        self.page.wait_for_timeout(300)
        self.results[name + self.part] = record


def test_a_whole_appointment_and_a_review_with_the_keyboard_alone(
    app_server, browser_page, tmp_path
):
    from playwright.sync_api import expect

    page = browser_page
    walk = Walk(page, tmp_path)
    page.goto(app_server)
    expect(page.get_by_role("heading", name="Right Steps", level=1)).to_be_visible()
    walk.settle()
    assert page.title() == "Right Steps"
    walk.measure("Right Steps")

    walk.press("Start now", "About you")
    assert walk.active()["name"].startswith("What would you like us to call you?")
    page.keyboard.type(NAME)
    page.keyboard.press("Tab")
    walk.settle()
    walk.press("Continue", "Where you are now")

    # Continue without a choice: focus goes to the error summary, whose link names the question
    # and goes to it.
    walk.tab_to("Continue", tag="BUTTON")
    page.keyboard.press("Enter")
    walk.settle()
    page.wait_for_timeout(300)
    assert walk.active()["name"].startswith("There is a problem")
    page.keyboard.press("Tab")
    assert walk.active()["name"] == "Choose the sentence that feels most like you at the moment"
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    assert walk.active()["type"] == "radio"
    page.keyboard.press("ArrowDown")  # the second sentence, chosen by moving to it
    walk.settle()
    expect(page.get_by_role("radio", name=re.compile("Small steps feel possible"))).to_be_checked()
    walk.press("Continue", "Your strengths")

    page.keyboard.press("Space")  # the first strength: the first Tab put us on it
    walk.settle()
    walk.press("Continue", "What makes things harder")
    walk.press("Continue", "Suggested steps")

    # A swap list is drawn only once its expander opens: opening it by the keyboard runs the
    # page again, and focus stays where it was, with the choices next in the Tab order.
    first_card = page.get_by_role("heading", level=2).first.inner_text()
    walk.tab_to("Swap for a different step", tag="SUMMARY")
    page.keyboard.press("Enter")
    walk.settle()
    assert walk.active()["name"].startswith("Swap for a different step")
    page.keyboard.press("Tab")
    assert walk.active()["type"] == "radio"
    walk.tab_to("Swap", tag="BUTTON")
    page.keyboard.press("Enter")
    walk.settle()
    expect(page.get_by_role("heading", level=2).first).not_to_have_text(first_card)

    walk.press("Continue", "Make it yours")
    walk.press("Continue", "Check your plan")
    walk.press("Agree and save the plan", "Plan agreed")
    reference = page.locator(".st-key-confirmation_panel strong").inner_text()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", reference)
    walk.tab_to("Download plan (PDF)", tag="BUTTON")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith(".pdf")
    walk.press("Finish and clear", "Right Steps")

    # The review, by the plan's reference.
    walk.tab_to("Plan reference", tag="INPUT")
    page.keyboard.type(reference)
    walk.part = " (review)"
    walk.press("Open plan", "How did it go?")
    for _ in page.get_by_role("radiogroup").all():
        # The first Tab (or the Tab out of the last group) is on a group's first choice:
        # Space chooses it ("Done").
        if walk.active()["type"] != "radio":
            walk.tab_to("Done")
        page.keyboard.press("Space")
        walk.settle()
        page.keyboard.press("Tab")
    walk.press("Continue", "Where you are now")
    walk.press("Continue", "What has changed")
    walk.press("Continue", "Your progress")
    walk.press("Continue", "Suggested steps")
    walk.press("Continue", "Make it yours")
    walk.press("Continue", "Check your plan")
    walk.press("Accessibility statement", "Accessibility statement")
    walk.press("Back to the appointment", "Check your plan")

    report = {"pages": walk.results, "tab stops with a visible ring": walk.rings}
    (tmp_path / "accessibility.json").write_text(json.dumps(report, indent=2))
    assert walk.rings > 50  # the ring was checked on every Tab stop of the walk
    serious = {name: r["axe serious or critical"] for name, r in walk.results.items()}
    assert not any(serious.values()), serious
    overflow = {
        (name, label): r[label]
        for name, r in walk.results.items()
        for label in NARROW
        if r[label]["page_overflow"] > 0 or r[label]["cut_count"]
    }
    assert not overflow, overflow
