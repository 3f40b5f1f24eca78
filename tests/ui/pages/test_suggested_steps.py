from tests.ui.apptest import app_on_page, no_errors, press_continue


def _cards(at):
    return [m.value for m in at.markdown if m.value.startswith("## ")]


def _plan(at):
    return at.session_state["plan"]


def test_the_draft_plan_is_shown_as_cards_with_reasons():
    at = app_on_page(5, answer_stage=2, answer_strengths=["kind"])
    assert no_errors(at)
    assert len(_cards(at)) == 2
    reasons = " ".join(m.value for m in at.markdown)
    assert "This fits where you are now" in reasons
    assert "because you are kind" in reasons


def test_without_a_stage_the_page_says_what_to_do():
    at = app_on_page(5)
    assert "choose where you are now" in at.warning[0].value


def test_make_it_smaller_swap_and_remove():
    at = app_on_page(5, answer_stage=3)
    first = _plan(at).steps[0]
    at.button(key=f"smaller_{first.id}").click().run()
    assert _plan(at).steps[0].id == first.smaller

    current = _plan(at).steps[0]
    swapped_to = at.radio(key=f"swap_choice_{current.id}").value
    assert swapped_to not in [s.id for s in _plan(at).steps]
    at.button(key=f"swap_{current.id}").click().run()
    assert _plan(at).steps[0].id == swapped_to

    removed = _plan(at).steps[-1].id
    at.button(key=f"remove_{removed}").click().run()
    assert removed not in [s.id for s in _plan(at).steps]


def test_adding_past_the_cap_shows_a_gentle_note_not_a_block():
    at = app_on_page(5, answer_stage=1)
    assert len(_plan(at).steps) == 2
    at.text_input(key="_add_own_text_widget").input("Feed the ducks & <smile>").run()
    at.button(key="add_own_button").click().run()
    plan = _plan(at)
    assert len(plan.steps) == 3
    assert plan.steps[-1].title == "Feed the ducks & <smile>"
    assert any("It's OK to start with fewer" in i.value for i in at.info)
    assert at.text_input(key="_add_own_text_widget").value == ""


def test_adding_a_step_from_the_library_by_area():
    at = app_on_page(5, answer_stage=4)
    at.selectbox(key="_add_library_area_widget").set_value("money_and_home").run()
    wanted = at.selectbox(key="add_library_step").value
    at.button(key="add_library_button").click().run()
    assert _plan(at).steps[-1].id == wanted
    assert _plan(at).steps[-1].area == "money_and_home"


def test_changing_the_answers_updates_the_suggestions_and_keeps_own_steps():
    at = app_on_page(5, answer_stage=2)
    at.text_input(key="_add_own_text_widget").input("Bake bread").run()
    at.button(key="add_own_button").click().run()
    at.session_state["answer_stage"] = 4
    at.run()
    plan = _plan(at)
    assert plan.max_steps == 4
    assert plan.steps[-1].title == "Bake bread"
    assert any("answers changed" in i.value for i in at.info)
    assert press_continue(at).title[0].value == "Make it yours"
