"""Words the person wrote prompt the coach; nothing is added by itself."""

from __future__ import annotations

from planner.prompts import word_prompts


def _prompts(library, *texts, strengths=(), barriers=(), work_situation=None, language="en"):
    return word_prompts(
        texts,
        strengths=strengths,
        barriers=barriers,
        work_situation=work_situation,
        language=language,
        library=library,
    )


def test_rent_in_their_words_suggests_housing_problems(library):
    found = _prompts(library, "I'm two months behind on the RENT.")
    assert [(p.field, p.value) for p in found] == [("barriers", "housing_problems")]
    assert found[0].message.startswith("You wrote about your rent or your home: add “")


def test_a_ticked_friend_the_words_contradict_is_asked_about_not_untick(library):
    found = _prompts(library, "Mum kicked me out in the summer.", strengths=["supportive_family"])
    check = next(p for p in found if p.field == "check")
    assert check.value == "supportive_family"
    assert check.message.endswith("Is that still right?")


def test_nothing_already_answered_is_suggested_again(library):
    assert _prompts(library, "I'm behind on rent", barriers=["housing_problems"]) == []


def test_whole_words_only_and_endings_where_asked(library):
    assert _prompts(library, "I'm a current affairs fan") == []
    evicted = _prompts(library, "They evicted me on Friday")
    assert ("barriers", "no_safe_place_to_live") in [(p.field, p.value) for p in evicted]


def test_work_and_language_prompts(library):
    found = _prompts(library, "My manager is new. I'd rather speak Welsh.")
    pairs = {(p.field, p.value) for p in found}
    assert ("work_situation", "in_work") in pairs and ("language", "cy") in pairs
    assert _prompts(library, "My manager", work_situation="in_work") == []


def test_empty_or_huge_text_is_fine(library):
    assert _prompts(library, "", "   ") == []
    assert isinstance(_prompts(library, "rent " * 50_000), list)
