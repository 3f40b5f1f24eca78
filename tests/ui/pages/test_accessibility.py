"""The accessibility statement: on every page's foot, in plain words, with the team's contact."""

from __future__ import annotations

import re

import pytest

from tests.ui.apptest import app_on_page, no_errors, press_continue, title
from ui.components.problems import LINK_PREFIX
from ui.pages.accessibility import CONTACT_SETTING, DEFAULT_CONTACT


def _text(at) -> str:
    """What the page says, as a person reads it (escapes taken out)."""
    return re.sub(r"\\(.)", r"\1", " ".join(m.value for m in at.markdown))


@pytest.mark.parametrize("index", [0, 2, 7])
def test_every_page_links_to_the_statement_and_back_to_the_same_place(index):
    at = app_on_page(index, stage=2)
    before = title(at)
    at.button(key="statement_open").click().run()
    assert title(at) == "Accessibility statement"
    assert "WCAG" in _text(at) and "HTML copy" in _text(at)
    assert [h.value for h in at.header] == [
        "How well Right Steps works",
        "What does not work well yet",
        "Your plan in another format",
        "If you are not happy",
    ]
    at.button(key="statement_back").click().run()
    assert title(at) == before
    assert no_errors(at)


def test_without_a_setting_the_statement_says_who_to_ask():
    at = app_on_page(0)
    at.button(key="statement_open").click().run()
    assert DEFAULT_CONTACT in _text(at)


def test_the_teams_contact_is_shown_as_plain_text(monkeypatch):
    monkeypatch.setenv(CONTACT_SETTING, "  access@example.org  [click](javascript:x)\n<b>now</b> ")
    at = app_on_page(0)
    at.button(key="statement_open").click().run()
    shown = [m.value for m in at.markdown if "access" in m.value]
    assert len(shown) == 1
    assert "\\[click\\]" in shown[0] and "\\<b\\>" in shown[0]  # escaped: never a link or markup
    assert "\n" not in shown[0]


def test_a_problem_on_continue_is_at_the_top_with_a_link_to_the_question():
    at = press_continue(app_on_page(2))
    assert title(at) == "Where you are now"
    assert f"]({LINK_PREFIX}stage)" in at.error[0].value
    # The summary comes before the title, and the message beside the question before it.
    page = [element for element in at.main if hasattr(element, "value")]
    kinds = [type(element).__name__ for element in page]
    assert kinds.index("Error") < kinds.index("Title") < kinds.index("Radio")
