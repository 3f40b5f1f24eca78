"""Prompts from the person's own words: shown with a button, never ticked by themselves."""

from tests.ui.apptest import answers, app_on_page, key, no_errors


def test_words_about_rent_prompt_the_coach_and_add_only_when_chosen():
    at = app_on_page(4, stage=3, barriers_own_words="Two months behind on the rent <b>now</b>")
    assert no_errors(at)
    shown = " ".join(m.value for m in at.markdown)
    assert "You wrote about rent you owe" in shown
    assert "rent_arrears" not in answers(at).barriers, "nothing is ticked by itself"
    button = next(b for b in at.button if b.key == key(at, "prompt_barriers_rent_arrears"))
    button.click().run()
    assert "rent_arrears" in answers(at).barriers
    assert at.checkbox(key=key(at, "barriers_rent_arrears")).value is True
    assert not any(b.key == key(at, "prompt_barriers_rent_arrears") for b in at.button)


def test_a_prompt_that_is_not_right_is_set_aside_and_left_unticked():
    at = app_on_page(4, stage=3, barriers_own_words="Two months behind on the rent.")
    aside = next(b for b in at.button if b.key == key(at, "prompt_aside_barriers_rent_arrears"))
    aside.click().run()
    assert no_errors(at)
    assert answers(at).words_set_aside == ["barriers:rent_arrears"]
    assert "rent_arrears" not in answers(at).barriers
    assert not any(b.key == key(at, "prompt_barriers_rent_arrears") for b in at.button)


def test_a_ticked_family_the_words_contradict_is_asked_about():
    at = app_on_page(
        3, stage=3, strengths=["supportive_family"], strengths_own_words="Mum kicked me out."
    )
    shown = " ".join(m.value for m in at.markdown)
    assert "Is that still right" in shown
    assert "supportive_family" in answers(at).strengths


def test_a_contradicted_tick_can_be_kept_or_untick():
    at = app_on_page(
        3, stage=3, strengths=["supportive_family"], strengths_own_words="Mum kicked me out."
    )
    next(b for b in at.button if b.key == key(at, "prompt_keep_supportive_family")).click().run()
    assert answers(at).words_set_aside == ["check:supportive_family"]
    assert "supportive_family" in answers(at).strengths
    assert not any(b.key == key(at, "prompt_keep_supportive_family") for b in at.button)

    at = app_on_page(
        3, stage=3, strengths=["supportive_family"], strengths_own_words="Mum kicked me out."
    )
    next(b for b in at.button if b.key == key(at, "prompt_untick_supportive_family")).click().run()
    assert no_errors(at)
    assert "supportive_family" not in answers(at).strengths
    assert at.checkbox(key=key(at, "strengths_supportive_family")).value is False


def test_work_words_set_the_work_situation_when_chosen():
    at = app_on_page(4, stage=3, hopes="Keep my job. My manager is new.")
    button = next(b for b in at.button if b.key == key(at, "prompt_work_situation_in_work"))
    button.click().run()
    assert answers(at).work_situation == "in_work"
