"""A person's name and words, in the languages most spoken in England and Wales, read back from
the printed plan: shaped, in reading order, and copied back as typed."""

from __future__ import annotations

import datetime
import io
import shutil
import subprocess

import pdfplumber
import pytest
from pypdf import PdfReader

from planner.models import Profile
from planner.pdf import render_pdf
from planner.suggest import build_plan

MADE_ON = datetime.date(2026, 11, 23)

SCRIPTS = {
    "urdu": (
        "عائشہ خان",
        "میں ہر صبح پارک میں تھوڑی دیر چلتی ہوں تاکہ میرا دماغ پرسکون رہے۔",
        "NotoSansArabic",
    ),
    "bengali": ("রহিমা বেগম", "আমি প্রতিদিন সকালে হাঁটতে যাই।", "NotoSansBengali"),
    "punjabi": ("ਹਰਪ੍ਰੀਤ ਕੌਰ", "ਮੈਂ ਹਰ ਰੋਜ਼ ਸੈਰ ਕਰਦੀ ਹਾਂ।", "NotoSansGurmukhi"),
    "chinese": ("王小明", "我每天早上去公园散步。", "DroidSansFallback"),
    "korean": ("김민지", "저는 매일 아침 공원에서 산책해요.", "DroidSansFallback"),
    "japanese": ("さくら", "毎朝、公園を散歩します。", "DroidSansFallback"),
    "tamil": ("கார்த்திகா", "நான் தினமும் காலையில் நடக்கிறேன்.", "NotoSansTamil"),
    "polish": ("Małgorzata Wróbel", "Codziennie rano chodzę na spacer z psem.", "Atkinson"),
    "gujarati": ("પ્રિયા પટેલ", "હું દરરોજ ચાલવા જાઉં છું.", "NotoSansGujarati"),
    "hindi": ("प्रिया शर्मा", "मैं हर दिन टहलने जाती हूँ।", "NotoSansDevanagari"),
    # No full stop: the Arabic face has none, so "." prints from the main face, in its right
    # place at the left end, but pypdf, which puts right-to-left text back in typed order one
    # drawing operation at a time, reads it out first.
    # Persian writes a zero-width non-joiner inside many words ("می‌خواهم", I want).
    "persian": ("مریم احمدی", "من می\u200cخواهم هر روز کمی راه بروم", "NotoSansArabic"),
    "arabic": ("فاطمة الزهراء", "أمشي كل صباح في الحديقة مع أختي", "NotoSansArabic"),
}


def _squash(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module", params=sorted(SCRIPTS))
def printed(request, library):
    name, words, _ = SCRIPTS[request.param]
    plan = build_plan(Profile(stage=3, preferred_name=name, hopes=words), library)
    return request.param, render_pdf(plan, library, MADE_ON)


def test_the_name_and_the_words_copy_back_as_typed(printed):
    script, pdf = printed
    name, words, _ = SCRIPTS[script]
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert f"My action plan: {name}" in text
    assert _squash(words) in _squash(text)
    assert "[" not in text.split("\n")[0]  # no character printed as its name


def test_each_script_prints_in_its_own_face(printed):
    script, pdf = printed
    face = SCRIPTS[script][2]
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        fonts = {char["fontname"].split("+")[-1] for char in document.pages[0].chars}
    expected = "AtkinsonHyperlegible" if face == "Atkinson" else face
    assert any(font.startswith(expected) for font in fonts), fonts


def test_large_print_reads_back_too(library):
    name, words, _ = SCRIPTS["urdu"]
    plan = build_plan(Profile(stage=3, preferred_name=name, hopes=words * 8), library)
    pdf = render_pdf(plan, library, MADE_ON, large_print=True)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert _squash(words * 8) in _squash(text)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is missing")
def test_page_one_renders_with_ink(printed, tmp_path):
    script, pdf = printed
    source = tmp_path / f"{script}.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-gray", "-r", "40", "-f", "1", "-l", "1", str(source), str(tmp_path / "p")],
        check=True,
        timeout=60,
    )
    (image,) = tmp_path.glob("p*.pgm")
    pixels = image.read_bytes().split(b"\n", 3)[3]
    assert sum(1 for value in pixels if value < 128) > 1000
