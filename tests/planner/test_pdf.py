"""The printed plan, read back from the PDF rather than trusted from the code that wrote it."""

from __future__ import annotations

import datetime
import io
import random
import re
import shutil
import subprocess
import unicodedata
from collections import Counter

import pdfplumber
import pytest
from pypdf import PdfReader

from planner.document import (
    CLOSING_LINE,
    NOT_SAVED_LINE,
    STEPS_AT_A_GLANCE,
    help_now_line,
    step_block,
)
from planner.editing import add_own_step, update_details
from planner.models import Profile
from planner.pdf import render_pdf
from planner.saved_files import ATTACHMENT_NAME, plan_from_saved_file, read_attached_plan
from planner.suggest import build_plan

MADE_ON = datetime.date(2026, 11, 23)
NAME = "Gwenllïan Llŷr O'Brien & <Sons>"
_FOOTER = re.compile(r"^Page \d+ of \d+$", re.MULTILINE)
_RUNNING_HEADER = re.compile(
    r"\A(?:Action plan for .*?|My action plan)(?:(?: ·)?\s+Plan reference: [A-Z0-9-]+)?\n"
)
_WORDS = "walk garden friend kettle morning bus library quiet window sister river".split()


def long_own_words(length: int = 10_000) -> str:
    rng = random.Random(7)
    words: list[str] = []
    while len(" ".join(words)) < length:
        words.append(rng.choice(_WORDS))
    return " ".join(words)[:length]


@pytest.fixture(scope="module")
def plan(library):
    plan = build_plan(
        Profile(
            stage=3,
            preferred_name=NAME,
            hopes=long_own_words(),
            aims=["get_out_more", "feel_better"],
            strengths=["animals", "kind"],
            strengths_own_words='I can "fix" bikes & <b>sing</b> 😊',
            nation="wales",
        ),
        library,
    )
    plan = update_details(
        plan,
        plan.steps[0].id,
        when="Tuesdays & Thursdays <after lunch>",
        who_can_help="Ffion's mum",
        if_then="If I feel too anxious, then I will <font size=40>go</font> for five minutes",
        confidence=6,
    )
    plan = add_own_step(plan, "people_and_connection", "Ring Mam on Sunday ŵ ŷ")
    return plan.model_copy(update={"review_on": datetime.date(2026, 12, 7)})


@pytest.fixture(scope="module")
def clear_pdf(plan, library) -> bytes:
    return render_pdf(plan, library, MADE_ON)


@pytest.fixture(scope="module")
def large_pdf(plan, library) -> bytes:
    return render_pdf(plan, library, MADE_ON, large_print=True)


def _page_texts(pdf: bytes) -> list[str]:
    """Each page's own text: without the header on later pages and the footer on every page,
    which interrupt text that flows from one page to the next."""
    pages = [
        _FOOTER.sub("", page.extract_text().replace("\xa0", " "))
        for page in PdfReader(io.BytesIO(pdf)).pages
    ]
    return pages[:1] + [_RUNNING_HEADER.sub("", page, count=1) for page in pages[1:]]


def _text(pdf: bytes) -> str:
    return "\n".join(_page_texts(pdf))


def _squash(text: str) -> str:
    return "".join(text.split())


def test_every_piece_of_user_text_prints_verbatim(clear_pdf, plan):
    text = _squash(_text(clear_pdf))
    for typed in (
        NAME,
        plan.profile.hopes,
        'I can "fix" bikes & <b>sing</b>',
        "Tuesdays & Thursdays <after lunch>",
        "Ffion's mum",
        "If I feel too anxious, then I will <font size=40>go</font> for five minutes",
        "Ring Mam on Sunday ŵ ŷ",
    ):
        assert _squash(typed) in text, typed[:60]


def test_an_emoji_prints_as_itself_and_copies_back(clear_pdf):
    text = _text(clear_pdf)
    assert "😊" in text
    assert "\ufffd" not in text and "[smiling face" not in text


def test_the_sections_come_in_order(clear_pdf):
    text = _text(clear_pdf)
    order = [
        "My action plan",
        "Made on Monday 23 November 2026",
        "Not saved yet, so this plan has no reference.",
        "We will look at this plan again on Monday 7 December 2026.",
        "My steps at a glance",
        "What matters to me",
        "What I want to work towards",
        "Get out more",
        "Feel better in myself",
        "My strengths",
        "\nMy steps\n",
        "Where to get help now",
        "We chose these steps together",
    ]
    positions = [text.index(heading) for heading in order]
    assert positions == sorted(positions)
    assert "0800 132 737" in text and "0808 164 0123" in text
    assert "How sure I feel: 6 out of 10" in text


def test_every_page_says_page_n_of_total(large_pdf):
    pages = PdfReader(io.BytesIO(large_pdf)).pages
    assert len(pages) > 2  # the 10,000 characters of own words flow onto further pages
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page.extract_text()


def _body_size(pdf: bytes) -> float:
    sizes: Counter[float] = Counter()
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            sizes.update(round(char["size"], 1) for char in page.chars)
    return sizes.most_common(1)[0][0]


def _sizes_and_fonts(pdf: bytes) -> tuple[set[float], set[str]]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        chars = [char for page in document.pages for char in page.chars]
    return {round(c["size"], 1) for c in chars}, {c["fontname"].split("+")[-1] for c in chars}


def test_clear_print_body_is_14_point(clear_pdf):
    assert _body_size(clear_pdf) == 14.0


def test_large_print_body_is_18_point(large_pdf):
    assert _body_size(large_pdf) == 18.0


def test_markup_in_user_text_cannot_change_the_layout(clear_pdf):
    sizes, _ = _sizes_and_fonts(clear_pdf)
    assert max(sizes) < 30  # the title is 1.6 x 14; a user's <font size=40> did nothing


def test_only_the_bundled_fonts_are_used(clear_pdf):
    _, fonts = _sizes_and_fonts(clear_pdf)
    assert fonts <= {
        "AtkinsonHyperlegible-Regular",
        "AtkinsonHyperlegible-Bold",
        "NotoSans-Regular",
        "NotoEmoji-Regular",
    }
    assert "NotoSans-Regular" in fonts  # the Welsh ŵ and ŷ came from the fallback
    assert "NotoEmoji-Regular" in fonts  # and the emoji from the emoji face


def test_metadata_title_author_subject_and_language(clear_pdf):
    reader = PdfReader(io.BytesIO(clear_pdf))
    assert reader.metadata.title == f"My action plan: {NAME}"
    assert reader.metadata.author == "Right Steps"
    assert "action plan" in reader.metadata.subject
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True


def test_the_plan_travels_inside_the_pdf(clear_pdf, plan, library):
    reader = PdfReader(io.BytesIO(clear_pdf))
    assert list(reader.attachments) == [ATTACHMENT_NAME]
    assert read_attached_plan(clear_pdf, library) == plan


def test_a_typical_plan_fits_on_one_or_two_pages(library):
    plan = build_plan(Profile(stage=3, preferred_name="Sam", hopes="To sleep better"), library)
    assert len(PdfReader(io.BytesIO(render_pdf(plan, library, MADE_ON))).pages) <= 2


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is missing")
def test_the_first_page_renders_to_an_image(clear_pdf, tmp_path):
    source = tmp_path / "plan.pdf"
    source.write_bytes(clear_pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(source), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    image = next(tmp_path.glob("page*.png")).read_bytes()
    assert image.startswith(b"\x89PNG")
    assert len(image) > 10_000


def test_a_saved_pdf_or_json_opens_the_same_plan(clear_pdf, plan, library):
    assert plan_from_saved_file(clear_pdf, library) == plan
    assert plan_from_saved_file(plan.model_dump_json().encode(), library) == plan


@pytest.mark.parametrize(
    "hopes",
    [
        "ab\n" * 3333,
        "我很好，谢谢。" * 1428,
        "😊" * 10_000,
        "a" * 10_000,
    ],
    ids=["many-lines", "chinese", "emoji", "one-long-word"],
)
def test_the_longest_answers_print_whole(library, hopes):
    plan = build_plan(Profile(stage=2, hopes=hopes[:10_000]), library)
    text = _squash(_text(render_pdf(plan, library, MADE_ON)))
    if hopes.startswith("ab"):
        assert text.count("ab") >= 3333
    elif hopes.startswith("a"):
        assert "a" * 9_000 in text
    else:
        # The end of the answer is there: as letters, or as names where no font has them.
        tail = hopes[:10_000][-60:]
        named = "".join(f"[{unicodedata.name(c).lower()}]" for c in tail)
        assert _squash(tail) in text or _squash(named) in text


def test_a_bullet_longer_than_a_page_still_prints(library):
    plan = build_plan(Profile(stage=2), library)
    long_title = "\U00013000" * 500  # no font has it: its names fill many lines for one item
    done = plan.steps[0].model_copy(update={"title": long_title, "outcome": "done"})
    plan = plan.model_copy(update={"reviewed_steps": [done]})
    pages = PdfReader(io.BytesIO(render_pdf(plan, library, MADE_ON))).pages
    assert len(pages) >= 2


# The printed plan's layout: what page 1 holds, whose plan each later page is, and nothing left
# stranded at the foot of a page or alone at the top of the next.

LAYOUT_NAME = "Morag O'Neil & <Co>"
REFERENCE = "K7TM-9QXA"
_SENTENCE = "I will take the bus into town after lunch and walk back along the river if it is dry. "


def _plan_with_steps(library, count: int, *, words_per_detail: int, reference: str | None):
    """A plan of `count` steps, each with what was agreed for it written out at length, so
    each step's lines can be told apart from every other step's."""
    plan = build_plan(
        Profile(
            stage=3,
            preferred_name=LAYOUT_NAME,
            hopes="Some company that isn't about Alan or Mum, and work with children again.",
            aims=["get_out_more", "feel_better"],
            strengths=["kind", "animals"],
            nation="scotland",
        ),
        library,
    )
    plan = plan.model_copy(update={"steps": plan.steps[:count]})
    while len(plan.steps) < count:
        plan = add_own_step(
            plan, "people_and_connection", f"Ring my sister, step {len(plan.steps) + 1}"
        )
    for number, step in enumerate(plan.steps, start=1):
        filler = " ".join((_SENTENCE * words_per_detail).split()[: words_per_detail - 4])
        plan = update_details(
            plan,
            step.id,
            when=f"Tuesdays, week {number}",
            who_can_help=f"Ffion, for step {number}. {filler}"[:500],
            if_then=f"If it rains in week {number}, {filler}"[:500],
            confidence=6,
        )
    return plan.model_copy(update={"reference": reference, "review_on": datetime.date(2026, 12, 7)})


LAYOUTS = {
    "two-steps": {"count": 2, "words_per_detail": 16, "reference": None},
    "four-steps": {"count": 4, "words_per_detail": 12, "reference": REFERENCE},
    "long-steps": {"count": 3, "words_per_detail": 200, "reference": REFERENCE},
}


@pytest.fixture(
    scope="module",
    params=[(name, large) for name in LAYOUTS for large in (False, True)],
    ids=lambda param: f"{param[0]}-{'large' if param[1] else 'clear'}-print",
)
def laid_out(request, library):
    name, large_print = request.param
    plan = _plan_with_steps(library, **LAYOUTS[name])
    pdf = render_pdf(plan, library, MADE_ON, large_print=large_print)
    # The long steps run on for more than a page in large print; any other step fits on one.
    steps_fit_a_page = not (name == "long-steps" and large_print)
    return plan, pdf, steps_fit_a_page


def _page_of(squashed_pages: list[str], text: str) -> int:
    """The page (from 0) that holds all of `text`."""
    wanted = _squash(text)
    return next(n for n, page in enumerate(squashed_pages) if wanted in page)


def _step_lines(step) -> list[str]:
    return [f"{label}: {text}" for label, text in step_block(step).details]


def test_page_one_says_whose_plan_its_reference_its_review_date_and_every_step(laid_out):
    plan, pdf, _ = laid_out
    first_page = _squash(_page_texts(pdf)[0])
    saved = f"Plan reference: {plan.reference}" if plan.reference else NOT_SAVED_LINE
    for expected in (
        f"My action plan: {LAYOUT_NAME}",
        saved,
        "We will look at this plan again on Monday 7 December 2026.",
        STEPS_AT_A_GLANCE,
        *(f"{step.title} – {step.when}" for step in plan.steps),
    ):
        assert _squash(expected) in first_page, expected


def test_every_later_page_says_whose_plan_it_is(laid_out):
    plan, pdf, _ = laid_out
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) >= 2
    name = f"Action plan for {LAYOUT_NAME}"
    assert name not in pages[0].extract_text()
    for page in pages[1:]:
        first_lines = page.extract_text().splitlines()[:2]
        assert first_lines[0].startswith(name)
        if plan.reference:
            # On the same line as the name if it fits there, and never cut in two.
            assert f"Plan reference: {plan.reference}" in "\n".join(first_lines)


def test_no_page_holds_only_the_closing_words(laid_out):
    plan, pdf, _ = laid_out
    pages = [_squash(text) for text in _page_texts(pdf)]
    assert all(page != _squash(CLOSING_LINE) for page in pages)
    by_id = {signpost.id: signpost for signpost in plan.signposts}
    last_contact = help_now_line(plan.signposts[-1], by_id)
    assert _page_of(pages, CLOSING_LINE) == _page_of(pages, last_contact)


def test_a_heading_starts_on_the_same_page_as_what_it_introduces(laid_out):
    plan, pdf, _ = laid_out
    pages = [_squash(text) for text in _page_texts(pdf)]
    by_id = {signpost.id: signpost for signpost in plan.signposts}
    first_contact = help_now_line(plan.signposts[0], by_id)
    assert _page_of(pages, "Where to get help now") == _page_of(pages, first_contact)
    assert _page_of(pages, "My strengths") == _page_of(pages, "Kind")
    assert any(_squash(f"My steps\n{plan.steps[0].title}") in page for page in pages)
    headings = {
        STEPS_AT_A_GLANCE,
        "What matters to me",
        "What I want to work towards",
        "My strengths",
        "My steps",
        "Where to get help now",
    }
    for text in _page_texts(pdf):
        last_line = text.strip().splitlines()[-1].strip()
        assert last_line not in headings, last_line


def test_a_step_stays_on_one_page_unless_it_is_longer_than_a_page(laid_out):
    plan, pdf, steps_fit_a_page = laid_out
    pages = [_squash(text) for text in _page_texts(pdf)]
    for step in plan.steps:
        lines = _step_lines(step)
        # Too long for one page, a step starts where its title and first lines fit together.
        kept = lines if steps_fit_a_page else [lines[0][:60]]
        assert any(_squash(step.title + "".join(kept)) in page for page in pages), step.title
