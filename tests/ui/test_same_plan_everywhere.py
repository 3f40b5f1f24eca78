"""The screen, the accessible HTML copy and the PDF show the same words in the same order."""

from __future__ import annotations

import datetime
import io
import re
from html.parser import HTMLParser

import pytest
from pypdf import PdfReader

from goal_library.loader import default_library
from planner.document import STEPS_AT_A_GLANCE
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


# Where the plan's opening ends and the rest of it, in full, begins.
BODY_STARTS = "What matters to me"


# The same places, in the scripts most written in England and Wales after English.
SCRIPT_PROBES = [
    "عائشہ خان",
    "میں ہر صبح پارک میں چلتی ہوں",
    "আমি রান্না করতে ভালোবাসি",
    "ਹਰ ਮੰਗਲਵਾਰ ਸਵੇਰੇ",
    "我每天早上去公园散步",
    "Zadzwonić do siostry w niedzielę",
    *PROBES[6:],
]


def _plan(probes=PROBES):
    library = default_library()
    plan = build_plan(
        Profile(
            stage=3,
            preferred_name=probes[0],
            hopes=probes[1],
            strengths=["kind"],
            strengths_own_words=probes[2],
        ),
        library,
    )
    plan = update_details(plan, plan.steps[0].id, when=probes[3], if_then=probes[4])
    return add_own_step(plan, "people_and_connection", probes[5])


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


def _positions(text: str, probes=PROBES) -> list[int]:
    """Where each probe is: first the opening (the name, the review date and the steps at a
    glance, which names a step and when it is), then the rest of the plan after it."""
    body_starts = text.index(BODY_STARTS)
    opening = [text.index(probe) for probe in (probes[0], probes[6], STEPS_AT_A_GLANCE, probes[3])]
    opening.append(text.index(probes[5], opening[-1]))
    body = [text.index(probe, body_starts) for probe in (*probes[1:6], *probes[7:])]
    return [*opening, body_starts, *body]


def _screen_text(plan, name=PROBES[0]) -> str:
    at = app_on_page(7, stage=3, preferred_name=name, plan=plan)  # Check your plan
    printed = next(e for e in at.expander if e.label.startswith("Read the whole plan"))
    values = [node.value for node in printed if isinstance(getattr(node, "value", None), str)]
    shown = " ".join(re.sub(r"\\(.)", r"\1", value) for value in values)
    return shown.replace(WORD_JOINER, "")


@pytest.mark.parametrize("probes", [PROBES, SCRIPT_PROBES], ids=["english", "other-scripts"])
def test_the_screen_and_the_html_copy_hold_the_same_words_in_the_same_order(probes):
    plan = _plan(probes)
    html = _Text()
    html.feed(render_html(plan, default_library(), MADE_ON))
    html_text = " ".join(html.parts)
    screen = _screen_text(plan, probes[0])
    assert _positions(html_text, probes) == sorted(_positions(html_text, probes))
    assert _positions(screen, probes) == sorted(_positions(screen, probes))


@pytest.mark.parametrize("probes", [PROBES, SCRIPT_PROBES], ids=["english", "other-scripts"])
def test_the_pdf_holds_the_same_words_in_the_same_order(probes):
    plan = _plan(probes)
    pages = PdfReader(io.BytesIO(render_pdf(plan, default_library(), MADE_ON))).pages
    text = " ".join(" ".join(page.extract_text().split()) for page in pages)
    assert _positions(text, probes) == sorted(_positions(text, probes))


def test_text_in_the_html_copy_takes_its_direction_from_its_own_first_letter():
    html = render_html(_plan(SCRIPT_PROBES), default_library(), MADE_ON)
    assert '<p dir="auto">میں ہر صبح پارک میں چلتی ہوں</p>' in html
