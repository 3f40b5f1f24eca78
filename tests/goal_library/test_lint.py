"""The library lint: the real library is clean, and each check catches what it is for."""

from __future__ import annotations

import socket

import pytest

from goal_library.lint import coverage_table, lint_library, reading_score
from tests.conftest import full_grid, library_with_steps, make_step


def test_the_bundled_library_is_clean(library):
    report = lint_library(library)
    assert report.problems == []
    assert report.median_reading_ease >= library.language.min_median_reading_ease


def test_every_area_has_at_least_six_steps_at_every_grade_and_350_in_all(library):
    for area, row in coverage_table(library).items():
        assert min(row.values()) >= 6, area
    assert len(library.steps) >= 350


def _problems_with(library, *steps):
    grid = full_grid()
    return lint_library(library_with_steps(library, [*grid, *steps])).problems


def test_a_ladder_link_to_nowhere_is_caught(library):
    problems = _problems_with(library, make_step("lost_step", next="nowhere_step"))
    assert "step 'lost_step' field 'next': no step has the id 'nowhere_step'" in problems


def test_a_ladder_that_leaves_its_area_is_caught(library):
    problems = _problems_with(
        library, make_step("wander_step", smaller="money_and_home_g1_0", grade=2)
    )
    assert any("'wander_step' field 'smaller'" in p and "money_and_home" in p for p in problems)


def test_a_smaller_step_that_is_bigger_is_caught(library):
    problems = _problems_with(
        library, make_step("upside_down", grade=1, smaller="getting_out_g3_0")
    )
    assert any("'upside_down' field 'smaller'" in p and "go down" in p for p in problems)


def test_a_next_step_that_is_smaller_is_caught(library):
    problems = _problems_with(library, make_step("backwards", grade=4, next="getting_out_g1_0"))
    assert any("'backwards' field 'next'" in p and "go up" in p for p in problems)


def test_duplicate_ids_are_caught(library):
    problems = _problems_with(library, make_step("getting_out_g1_0"))
    assert "step id 'getting_out_g1_0' is used 2 times" in problems


def test_banned_words_are_caught_in_any_case(library):
    problems = _problems_with(
        library, make_step("harsh_step", detail="You MUST go. It is mandatory for you.")
    )
    assert any("harsh_step" in p and "mandatory, must" in p for p in problems), problems


def test_hard_reading_is_caught(library):
    wordy = (
        "Contemplate comprehensive institutional opportunities, considering organisational "
        "requirements, accessibility considerations and administrative documentation."
    )
    problems = _problems_with(library, make_step("wordy_step", detail=wordy))
    assert any(p.startswith("step 'wordy_step': reading grade") for p in problems)


def test_a_title_must_start_with_a_verb(library):
    problems = _problems_with(library, make_step("nounish", title="The front door"))
    assert "step 'nounish' field 'title': start with a verb, capitalised" in problems


def test_thin_coverage_and_unused_ids_are_caught(library):
    report = lint_library(library_with_steps(library, [make_step("only_step")]))
    assert any(
        p.startswith("coverage: getting_out has 0 step(s) at grade 2") for p in report.problems
    )
    assert "strength 'animals' is not used by any step" in report.problems


def test_reading_scores_work_with_no_network(library, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("no network in this test")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    score = reading_score(library.steps[0])
    assert score.reading_ease > 50
    assert score.grade_level < 8


@pytest.mark.parametrize(
    ("area", "grade", "words"),
    [
        ("getting_out", 1, "front door"),
        ("getting_out", 2, "once a day"),
        ("health_and_support", None, "mental health team"),
        ("health_and_support", None, "GP"),
        ("volunteering_and_work", None, "olunteer"),
        ("learning_and_skills", None, "Recovery College"),
        ("learning_and_skills", 5, "college course"),
    ],
)
def test_the_seed_steps_are_there(library, area, grade, words):
    matches = [
        s
        for s in library.steps_in(area)
        if words.lower() in f"{s.title} {s.detail}".lower() and (grade is None or s.grade == grade)
    ]
    assert matches, f"no {area} step at grade {grade} mentions {words!r}"


def test_mental_health_team_steps_need_one_and_everyone_else_has_the_gp(library):
    health = library.steps_in("health_and_support")
    team = [s for s in health if "mental_health_team" in s.needs]
    gp = [s for s in health if "GP" in s.title and not s.needs and not s.only_for]
    assert team and gp
    assert min(s.grade for s in gp) == 1
    assert all("CMHT" not in s.title for s in health if "mental_health_team" not in s.needs)


def test_a_ladder_into_a_step_only_for_some_people_is_caught(library):
    problems = _problems_with(
        library,
        make_step("walk_your_dog", grade=2, only_for=("pet",), smaller="walk_alone"),
        make_step("walk_alone", grade=1, next="walk_your_dog"),
    )
    assert any("'walk_alone' field 'next'" in p and "only for ['pet']" in p for p in problems)


def test_a_ladder_that_jumps_two_grades_is_caught(library):
    problems = _problems_with(
        library,
        make_step("tiny_walk", grade=1, next="long_walk"),
        make_step("long_walk", grade=3, smaller="tiny_walk"),
    )
    assert any("'tiny_walk' field 'next'" in p and "a jump of 2" in p for p in problems)
    assert any("'long_walk' field 'smaller'" in p and "a jump of 2" in p for p in problems)


def test_a_step_of_grade_two_or_more_needs_a_smaller_step(library):
    problems = _problems_with(library, make_step("no_way_down", grade=2))
    assert any("'no_way_down' field 'smaller'" in p for p in problems)


def test_a_smaller_step_cannot_need_more(library):
    problems = _problems_with(
        library,
        make_step("cafe_chat", grade=1, needs=("money",)),
        make_step("walk_and_talk", grade=2, smaller="cafe_chat"),
    )
    assert any("'walk_and_talk' field 'smaller'" in p and "needs ['money']" in p for p in problems)


def test_a_help_now_contact_as_a_step_is_caught(library):
    problems = _problems_with(library, make_step("call_them", title="Call Samaritans tonight"))
    assert any("'call_them' field 'title'" in p and "help-now" in p for p in problems)


@pytest.mark.parametrize(
    ("title", "field", "value"),
    [
        ("Ring your CMHT", "needs", "mental_health_team"),
        ("Walk your dog to the shop", "needs", "dog"),
        ("Play a game with a friend", "needs", "friend_or_family"),
        ("Find an online forum", "needs", "internet"),
        ("Volunteer at a food bank", "kinds", "volunteering"),
        ("Start a short course", "kinds", "course"),
    ],
)
def test_what_a_title_assumes_has_to_be_in_its_fields(library, title, field, value):
    problems = _problems_with(library, make_step("assuming_step", title=title))
    assert any(f"'assuming_step' field '{field}'" in p and value in p for p in problems)


def test_personal_care_and_english_classes_are_marked_and_only_for_who_raised_them(library):
    problems = _problems_with(
        library,
        make_step("brush_up", title="Brush your teeth", detail="Brush your teeth each day."),
        make_step(
            "esol_class",
            title="Join an ESOL group",
            kinds=("english_class",),
            detail="Learn English with others.",
        ),
    )
    assert any("'brush_up' field 'kinds'" in p and "personal_care" in p for p in problems)
    assert any("'esol_class' field 'only_for'" in p for p in problems)


def test_washing_and_cleaning_steps_are_marked_so_a_barrier_can_rule_them_out(library):
    problems = _problems_with(
        library,
        make_step("bin_day", title="Take out the rubbish", detail="Take one bag to the bin."),
        make_step(
            "ten_minute_tidy",
            title="Tidy for ten minutes",
            detail="Tidy one shelf.",
            kinds=("cleaning",),
        ),
    )
    assert any("'bin_day' field 'kinds'" in p and "cleaning" in p for p in problems)
    assert not any("'ten_minute_tidy' field 'kinds'" in p for p in problems)


def test_a_beginner_step_cannot_also_draw_on_that_skill(library):
    problems = _problems_with(
        library, make_step("simple_meal", beginner_in=("cooking",), strengths=("cooking",))
    )
    assert any("'simple_meal' field 'beginner_in'" in p for p in problems)


def test_unknown_ids_in_the_rules_tables_are_caught(library):
    rules = library.rules.model_copy(
        update={"basic_needs": library.rules.basic_needs.model_copy(update={"barriers": ("x",)})}
    )
    broken = library_with_steps(library, full_grid(), rules)
    assert (
        "rules.yaml field 'basic_needs.barriers': unknown id 'x'" in lint_library(broken).problems
    )


def test_unknown_ids_in_the_words_a_review_settles_are_caught(library):
    rules = library.rules.model_copy(
        update={"settled_by_review_words": {"employer_not_toldd": ("told my manager",)}}
    )
    broken = library_with_steps(library, full_grid(), rules)
    problems = lint_library(broken).problems
    assert "rules.yaml field 'settled_by_review_words': unknown id 'employer_not_toldd'" in problems


def test_unknown_answers_in_the_word_prompts_are_caught(library):
    from goal_library.models import WordPrompt

    broken = library.model_copy(
        update={
            "prompts": (
                WordPrompt(phrases=("rent",), topic="rent", add="rent_areas"),
                WordPrompt(phrases=("boss",), topic="work", work_situation="employed"),
            )
        }
    )
    problems = lint_library(broken).problems
    assert "prompts.yaml: entry 1 (rent): field 'add': unknown id 'rent_areas'" in problems
    assert any("entry 2 (work): field 'work_situation'" in p for p in problems)


def _with_markers(library, *markers):
    language = library.language.model_copy(update={"fact_markers": markers})
    return library.model_copy(update={"language": language})


def _source(**changes):
    from goal_library.models import Source

    fields = {
        "title": "A public page",
        "url": "https://example.org/page",
        "says": "What the page confirms",
        "checked_on": "2026-12-01",
    }
    return Source.model_validate({**fields, **changes})


def test_a_step_that_names_a_service_needs_a_source_or_to_say_it_is_unconfirmed(library):
    small = _with_markers(library, r"\bHelpful Line\b", r"\d")
    named = make_step("ring_the_line", detail="Ring the Helpful Line today.")
    problems = _problems_with(small, named)
    assert any(
        "step 'ring_the_line' field 'sources'" in p and "Helpful Line" in p for p in problems
    )
    sourced = named.model_copy(update={"sources": (_source(),)})
    assert not any("'ring_the_line'" in p for p in _problems_with(small, sourced))
    unconfirmed = named.model_copy(update={"unconfirmed": True})
    assert not any("'ring_the_line'" in p for p in _problems_with(small, unconfirmed))


def test_a_source_not_yet_read_is_a_problem(library):
    from goal_library.lint import NOT_YET_CHECKED

    step = make_step("ring_the_line", sources=(_source(title=NOT_YET_CHECKED),))
    problems = _problems_with(_with_markers(library, r"\bHelpful Line\b"), step)
    assert any("'ring_the_line'" in p and "not been read" in p for p in problems)


def test_a_source_older_than_a_year_is_a_warning_not_a_problem(library):
    import datetime

    step = make_step("ring_the_line", sources=(_source(checked_on="2025-01-01"),))
    report = lint_library(
        library_with_steps(library, [*full_grid(), step]), today=datetime.date(2026, 6, 1)
    )
    assert any("'ring_the_line'" in w and "check it again" in w for w in report.warnings)
    assert not any("'ring_the_line'" in p for p in report.problems)


def test_a_source_checked_after_today_is_a_problem(library):
    import datetime

    step = make_step("ring_the_line", sources=(_source(checked_on="2026-06-02"),))
    report = lint_library(
        library_with_steps(library, [*full_grid(), step]), today=datetime.date(2026, 6, 1)
    )
    assert any("'ring_the_line'" in p and "after today" in p for p in report.problems)
    same_day = lint_library(
        library_with_steps(library, [*full_grid(), step]), today=datetime.date(2026, 6, 2)
    )
    assert not any("'ring_the_line'" in p and "after today" in p for p in same_day.problems)


def _with_contacts(library, **contacts):
    signposts = library.signposts.model_copy(update=contacts)
    return library.model_copy(update={"signposts": signposts})


def test_a_help_now_line_with_set_hours_names_a_line_open_any_time(library):
    from goal_library.lint import lint_library as lint

    evening = library.signposts.wales[-1].model_copy(
        update={
            "id": "evening_line",
            "any_time": False,
            "hours": "7pm to 11pm",
            "at_other_times": None,
        }
    )
    problems = lint(_with_contacts(library, wales=(evening,))).problems
    assert any("'evening_line' field 'at_other_times'" in p for p in problems)
    named = evening.model_copy(update={"at_other_times": "samaritans"})
    problems = lint(_with_contacts(library, wales=(named,))).problems
    assert not any("'evening_line'" in p for p in problems)


def test_a_help_now_line_says_when_it_answers_and_has_a_source(library):
    silent = library.signposts.northern_ireland[0].model_copy(
        update={"id": "quiet_line", "hours": None, "sources": ()}
    )
    problems = lint_library(_with_contacts(library, northern_ireland=(silent,))).problems
    assert any("'quiet_line' field 'hours'" in p for p in problems)
    assert any("'quiet_line' field 'sources'" in p for p in problems)


def test_a_ladder_step_not_offered_in_a_nation_needs_a_rung_for_that_nation(library):
    only_england = make_step("england_only_step", grade=2, nations=("england",))
    everywhere = make_step("everywhere_step", grade=1, next="england_only_step")
    problems = _problems_with(library, only_england, everywhere)
    assert any(
        "'everywhere_step' field 'next'" in p and "not offered in wales" in p for p in problems
    )
    rungs = {n: "getting_out_g2_0" for n in ("wales", "scotland", "northern_ireland")}
    fixed = everywhere.model_copy(update={"next_in": rungs})
    assert not any("'everywhere_step'" in p for p in _problems_with(library, only_england, fixed))


def test_a_reason_that_frames_a_language_as_a_problem_is_caught(library):
    barriers = tuple(
        b.model_copy(update={"because": "English not being your first language"})
        if b.id == "english_second_language"
        else b
        for b in library.barriers
    )
    problems = lint_library(library.model_copy(update={"barriers": barriers})).problems
    assert any(
        "barrier 'english_second_language' because" in p and "not being your first language" in p
        for p in problems
    ), problems


def test_a_strength_as_the_reason_to_tell_an_employer_is_caught(library):
    problems = _problems_with(
        library,
        make_step("tell_work", strengths=("honest",), eases=("employer_not_told",)),
    )
    assert any("'tell_work' field 'strengths'" in p for p in problems), problems


def test_a_sentence_about_another_nation_is_caught_where_it_is_not_true(library):
    step = make_step(
        "ask_about_a_pause",
        detail="Ask a debt adviser for help. In England and Wales, ask about Breathing Space.",
        words_in={"scotland": {"detail": "Ask a debt adviser for help. In Scotland, ask them."}},
    )
    problems = [p for p in _problems_with(library, step) if "'words_in'" in p]
    assert len(problems) == 1
    assert "someone in northern_ireland reads" in problems[0]
    assert "In England and Wales, ask about Breathing Space." in problems[0]


def test_words_for_a_nation_the_step_is_not_offered_in_fail_loudly():
    with pytest.raises(ValueError, match="words for wales, where the step is not offered"):
        make_step("scots_only", nations=("scotland",), words_in={"wales": {"title": "Go now"}})
