"""Plan references: their form, their randomness, and what a person may type in."""

from __future__ import annotations

import math
import re
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner import reference as reference_module
from planner.inputs import InputError
from planner.reference import (
    ALPHABET,
    NI_NUMBER_MESSAGE,
    NOT_A_REFERENCE_MESSAGE,
    REFERENCE_PATTERN,
    BadReference,
    looks_like_ni_number,
    new_reference,
    normalise_reference,
)

NI_LIKE = re.compile(r"[A-Z]{2}[0-9]{6}[A-D]?")


def test_the_alphabet_has_no_look_alikes_and_gives_about_39_bits():
    assert not set(ALPHABET) & set("ILOU01")
    assert len(set(ALPHABET)) == len(ALPHABET) == 30
    assert 39 <= 8 * math.log2(len(ALPHABET)) < 40


def test_many_new_references_are_well_formed_random_and_never_look_like_an_ni_number():
    # Without the redraw, about 1 in 5,000 random codes would be two letters and six digits.
    drawn = [new_reference() for _ in range(100_000)]
    assert all(REFERENCE_PATTERN.fullmatch(ref) for ref in drawn)
    assert not [ref for ref in drawn if NI_LIKE.fullmatch(ref.replace("-", ""))]
    assert not [ref for ref in drawn if looks_like_ni_number(ref)]
    assert len(set(drawn)) >= len(drawn) - 2  # ~39 bits: a repeat in 100,000 is very rare
    counts = Counter("".join(drawn).replace("-", ""))
    assert set(counts) == set(ALPHABET)
    expected = 800_000 / len(ALPHABET)
    assert all(abs(count - expected) < 0.05 * expected for count in counts.values())


def test_a_draw_that_looks_like_an_ni_number_is_thrown_away(monkeypatch):
    characters = iter("AB234567" + "K7TM9QXA")
    monkeypatch.setattr(reference_module.secrets, "choice", lambda alphabet: next(characters))
    assert new_reference() == "K7TM-9QXA"


@given(st.text(alphabet=ALPHABET, min_size=8, max_size=8))
def test_every_code_from_the_alphabet_is_a_reference_unless_it_looks_like_an_ni_number(code):
    if NI_LIKE.fullmatch(code):
        with pytest.raises(BadReference, match="National Insurance"):
            normalise_reference(code)
    else:
        assert normalise_reference(code) == f"{code[:4]}-{code[4:]}"


@given(
    st.text(alphabet=ALPHABET, min_size=8, max_size=8).filter(lambda c: not NI_LIKE.fullmatch(c)),
    st.lists(st.sampled_from([" ", "-", "  ", "\u2013", "\t"]), min_size=9, max_size=9),
    st.lists(st.booleans(), min_size=8, max_size=8),
)
def test_case_spaces_and_dashes_do_not_matter(code, separators, lower):
    typed = "".join(
        separators[i] * (i % 3 == 0) + (c.lower() if lower[i] else c) for i, c in enumerate(code)
    )
    typed += separators[8]
    normal = normalise_reference(typed)
    assert normal == f"{code[:4]}-{code[4:]}"
    assert normalise_reference(normal) == normal


@given(st.text(max_size=40))
def test_any_text_gives_a_reference_or_one_of_two_plain_messages(text):
    try:
        normal = normalise_reference(text)
    except BadReference as error:
        assert str(error) in (NI_NUMBER_MESSAGE, NOT_A_REFERENCE_MESSAGE)
    else:
        assert REFERENCE_PATTERN.fullmatch(normal)


@pytest.mark.parametrize(
    "typed", ["k7tm 9qxa", "K7TM-9QXA", "  K7TM9QXA ", "k7tm–9qxa", "K7 TM-9Q XA"]
)
def test_typed_references_are_accepted(typed):
    assert normalise_reference(typed) == "K7TM-9QXA"


@pytest.mark.parametrize(
    "ni_number", ["QQ 12 34 56 C", "AB123456", "ab 12 34 56 d", "QQ-12-34-56-C", "qq123456a"]
)
def test_a_national_insurance_number_is_refused_with_the_reason(ni_number):
    with pytest.raises(BadReference) as caught:
        normalise_reference(ni_number)
    assert str(caught.value) == (
        "That looks like a National Insurance number. Right Steps never stores those: "
        "please use the plan reference printed on the plan."
    )
    assert ni_number not in str(caught.value)


JUNK = ["", "   ", "hello", "K7TM-9QX", "K 7 T M 9", "K7TM-9QXAA", "K7TM-9QX0", "O0O0-I1I1"]


@pytest.mark.parametrize(
    "junk", [*JUNK, "K7TM_9QXA", "Ω" * 8, "x" * 10_000, None, 12345678, b"K7TM9QXA"]
)
def test_anything_else_is_refused_plainly_without_repeating_it(junk):
    with pytest.raises(BadReference) as caught:
        normalise_reference(junk)
    assert str(caught.value) == NOT_A_REFERENCE_MESSAGE
    assert "\n" not in str(caught.value)


def test_a_bad_reference_is_an_input_error():
    assert issubclass(BadReference, InputError)
