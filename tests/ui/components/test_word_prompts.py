"""Prompts from the person's own words: shown with a button, never ticked by themselves."""

from tests.ui.apptest import answers, app_on_page, key, no_errors


def test_words_about_rent_prompt_the_coach_and_add_only_when_chosen():
    at = app_on_page(4, stage=3, barriers_own_words="Two months behind on the rent <b>now</b>")
    assert no_errors(at)
    shown = " ".join(m.value for m in at.markdown)
    assert "You wrote about your rent or your home" in shown
    assert "housing_problems" not in answers(at).barriers, "nothing is ticked by itself"
    button = next(b for b in at.button if b.key == key(at, "prompt_barriers_housing_problems"))
    button.click().run()
    assert "housing_problems" in answers(at).barriers
    assert at.checkbox(key=key(at, "barriers_housing_problems")).value is True
    assert not any(b.key == key(at, "prompt_barriers_housing_problems") for b in at.button)


def test_a_ticked_family_the_words_contradict_is_asked_about():
    at = app_on_page(
        3, stage=3, strengths=["supportive_family"], strengths_own_words="Mum kicked me out."
    )
    shown = " ".join(m.value for m in at.markdown)
    assert "Is that still right" in shown
    assert "supportive_family" in answers(at).strengths


def test_work_words_set_the_work_situation_when_chosen():
    at = app_on_page(4, stage=3, hopes="Keep my job. My manager is new.")
    button = next(b for b in at.button if b.key == key(at, "prompt_work_situation_in_work"))
    button.click().run()
    assert answers(at).work_situation == "in_work"
