"""Cutting long words into printable pieces adds, drops and reorders nothing."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.text_pieces import pieces


def _joined(parts) -> str:
    text = ""
    for part in parts:
        text += part.text + ("\n" if part.ends_line else "")
    return text[:-1] if text.endswith("\n") else text


@settings(max_examples=300)
@given(st.text(max_size=3000), st.integers(min_value=5, max_value=200))
def test_the_pieces_are_the_text_and_none_is_too_long(text, most):
    text = text.replace("\r", "")
    parts = pieces(text, most=most, most_cjk=most)
    assert _joined(parts) == text
    assert all(len(part.text) <= most for part in parts)
    assert parts[-1].ends_line


def test_a_long_line_is_cut_where_a_sentence_ends():
    text = "I walk to the shop. " * 10
    parts = pieces(text, most=70)
    assert all(part.text.endswith(". ") for part in parts[:-1])


def test_a_long_word_is_cut_without_parting_letters_from_their_marks():
    text = "क्षि" * 40  # Devanagari: a letter, a virama, a letter and a vowel sign, again and again
    parts = pieces(text, most=10, most_cjk=10)
    for part in parts[1:]:
        assert not unicodedata.category(part.text[0]).startswith("M")
        assert part.text[0] != "\u200d"
    assert _joined(parts) == text


def test_each_line_is_a_piece_of_its_own_and_chinese_wraps_anywhere():
    parts = pieces("one\n\n我很好")
    assert [p.text for p in parts] == ["one", "", "我很好"]
    assert [p.wraps_anywhere for p in parts] == [False, False, True]
