"""The screen, the accessible HTML copy and the PDF show the same words in the same order."""

from __future__ import annotations

import datetime
import io
import re
from html.parser import HTMLParser

from pypdf import PdfReader

from goal_library.loader import default_library
from planner.editing import add_own_step, update_details
from planner.html_copy import render_html
from planner.models import Profile
from planner.pdf import render_pdf
from planner.suggest import build_plan
from tests.ui.apptest import app_on_page
from ui.text import WORD_JOINER

MADE_ON = datetime.date.today()
PROBES = [
    "Siân & <Co>",
    "Walk by the river * every day",
    "I mend bikes",
    "Tuesdays after lunch",
    "If it rains, then I will go tomorrow",
    "Ring Mam on Sunday",
    "We will look at this plan again",
    "Samaritans",
    "We chose these steps together.",
]


def _plan():
    library = default_library()
    plan = build_plan(
        Profile(
            stage=3,
            preferred_name=PROBES[0],
            hopes=PROBES[1],
            strengths=["kind"],
            strengths_own_words=PROBES[2],
        ),
        library,
    )
    plan = update_details(plan, plan.steps[0].id, when=PROBES[3], if_then=PROBES[4])
    return add_own_step(plan, "people_and_connection", PROBES[5])


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = False

    def handle_starttag(self, tag, attrs):
        self._skip = tag in ("style", "title")

    def handle_endtag(self, tag):
        self._skip = False

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.parts.append(data.strip())


def _positions(text: str) -> list[int]:
    return [text.index(probe) for probe in PROBES]


def _screen_text(plan) -> str:
    at = app_on_page(7, stage=3, preferred_name=PROBES[0], plan=plan)
    values = [node.value for node in at.main if isinstance(getattr(node, "value", None), str)]
    shown = " ".join(re.sub(r"\\(.)", r"\1", value) for value in values)
    return shown.replace(WORD_JOINER, "")


def test_the_screen_and_the_html_copy_hold_the_same_words_in_the_same_order():
    plan = _plan()
    html = _Text()
    html.feed(render_html(plan, default_library(), MADE_ON))
    html_text = " ".join(html.parts)
    screen = _screen_text(plan)
    assert _positions(html_text) == sorted(_positions(html_text))
    assert _positions(screen) == sorted(_positions(screen))


def test_the_pdf_holds_the_same_words_in_the_same_order():
    plan = _plan()
    pages = PdfReader(io.BytesIO(render_pdf(plan, default_library(), MADE_ON))).pages
    text = " ".join(" ".join(page.extract_text().split()) for page in pages)
    assert _positions(text) == sorted(_positions(text))
