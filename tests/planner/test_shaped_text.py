"""Laying out text that is shaped, or runs right to left: reading order, line breaks, pages."""

from __future__ import annotations

import io
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import SimpleDocTemplate

from planner.fonts import MAIN, font_runs, register_fonts
from planner.shaped_text import (
    Run,
    Segment,
    ShapedParagraph,
    _bidi_levels,
    _levels_by_algorithm,
    _visual_order,
    shaped_lines,
)

SIZE = 14


def _segment(text: str, level: int) -> Segment:
    return Segment(MAIN, level, text, text, (), 0.0, is_space=False)


def _runs(text: str) -> list[Run]:
    return [Run(font, part) for font, part in font_runs(text, register_fonts())]


def _line_texts(text: str, width: float = 400) -> list[list[str]]:
    return [[segment.text for segment in line] for line in shaped_lines(_runs(text), SIZE, width)]


def test_a_right_to_left_stretch_in_a_left_to_right_line_is_reversed():
    line = [_segment("a", 0), _segment("b", 1), _segment("c", 1), _segment("d", 0)]
    assert [s.text for s in _visual_order(line)] == ["a", "c", "b", "d"]


def test_a_number_in_right_to_left_text_keeps_its_own_order():
    line = [_segment("x", 1), _segment("1", 2), _segment("2", 2), _segment("y", 1)]
    assert [s.text for s in _visual_order(line)] == ["y", "1", "2", "x"]


def test_a_left_to_right_line_is_left_alone():
    line = [_segment("a", 0), _segment("b", 0)]
    assert [s.text for s in _visual_order(line)] == ["a", "b"]


def test_urdu_with_an_english_name_and_a_number_is_in_reading_order():
    (line,) = _line_texts("میرا نام Aisha ہے، عمر ۴۵ سال")
    # Read from the right: the Urdu words in typed order; the name and the number left to right.
    assert line[0].startswith("سال")
    assert "Aisha" in line
    assert "۴۵" in line


def test_digits_in_urdu_print_left_to_right():
    register_fonts()
    lines = shaped_lines(_runs("عمر ۴۵ سال"), SIZE, 400)
    (number,) = [segment for line in lines for segment in line if segment.text == "۴۵"]
    assert number.level % 2 == 0


def test_neighbouring_words_of_one_font_and_direction_are_drawn_together():
    (line,) = _line_texts("عائشہ خان")
    assert line == ["خان عائشہ"]  # one segment, its words in drawing order


def test_a_new_line_in_the_text_starts_a_new_printed_line():
    assert len(_line_texts("আমি\nতুমি")) == 2


def test_a_word_wider_than_the_line_is_cut_between_clusters():
    lines = shaped_lines(_runs("প্রতিদিন" * 30), SIZE, 100)
    assert len(lines) > 1
    for line in lines:
        assert sum(segment.width for segment in line) <= 100 + 0.01
        # no line starts with a vowel sign or a mark cut from its letter
        assert line[0].text[0] not in "\u09bf\u09be\u09cd"
        assert not line[-1].text.endswith("\u09cd")  # nor ends with a letter-joining virama


_ALPHABET = st.sampled_from(
    list("abc ") + list("আমিপ্রতদন") + list("میراناں ") + list("੧ਮੈਂ") + list("۴۵12") + ["\n"]
)


@settings(max_examples=60, deadline=None)
@given(text=st.text(_ALPHABET, max_size=120), width=st.integers(min_value=40, max_value=400))
def test_nothing_is_lost_and_no_line_is_too_wide(text, width):
    register_fonts()
    lines = shaped_lines(_runs(text), SIZE, width)
    printed = Counter("".join(segment.text for line in lines for segment in line))
    typed = Counter(text)
    for character in set(typed) | set(printed):
        if character in " \n":
            continue
        assert printed[character] == typed[character], character
    for line in lines:
        line_width = sum(segment.width for segment in line)
        words = [segment for segment in line if not segment.is_space]
        # Only a single cluster wider than the whole line may stick out.
        assert line_width <= width + 0.01 or len("".join(w.text for w in words)) <= 3


def test_a_persian_word_with_a_zero_width_non_joiner_prints():
    # "I want": the non-joiner keeps the first part unjoined; the algorithm leaves it out.
    (line,) = _line_texts("من می\u200cخواهم کار کنم")
    assert "".join(line).replace(" ", "") == "کنمکارمی\u200cخواهممن"


def test_text_with_isolates_and_embeddings_is_laid_out_in_reading_order():
    # Isolates are read as embeddings: the two English stretches in an Urdu line run left to
    # right together, to the left of the Urdu word that starts the line.
    (line,) = _line_texts("\u0645\u0646 \u2066Sam Khan\u2069 \u202aOK\u202c")
    words = [text.strip("\u2066\u2069\u202a\u202c ") for text in line]
    assert [word for word in words if word] == ["Sam Khan", "OK", "\u0645\u0646"]


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        st.sampled_from("ab 12.,()-\u200d\u202a\u202c\u2066\u2069\u05d0\u0645\u0661\u06f4\u0301"),
        max_size=30,
    )
    | st.text(max_size=30)
)
def test_skipping_the_algorithm_for_text_with_no_right_to_left_gives_the_same_levels(text):
    assert _bidi_levels(text) == _levels_by_algorithm(text)


def test_a_long_shaped_paragraph_runs_on_to_further_pages():
    register_fonts()
    words = "میں ہر صبح پارک میں تھوڑی دیر چلتی ہوں "
    style = ParagraphStyle("Body", fontName=MAIN, fontSize=18, leading=27)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build([ShapedParagraph(_runs(words * 60), style)])
    pages = PdfReader(io.BytesIO(buffer.getvalue())).pages
    assert len(pages) >= 2
    text = "".join(page.extract_text() for page in pages)
    assert "".join(text.split()).count("".join(words.split())) >= 55
