from tests.ui.apptest import (
    answers,
    app_on_page,
    appointment,
    key,
    messages,
    no_errors,
    open_expander,
    press_continue,
    the_plan,
)


def _cards(at):
    """The step titles: each card's heading (the page's own section is "Add a step")."""
    return [h.value for h in at.header if h.value != "Add a step"]


def test_the_draft_plan_is_shown_as_cards_with_reasons():
    at = app_on_page(5, stage=2, strengths=["kind"])
    assert no_errors(at)
    assert len(_cards(at)) == 2
    reasons = " ".join(m.value for m in at.markdown)
    assert "This fits where you are now" in reasons
    assert "because you are kind" in reasons


def test_without_a_stage_the_page_says_what_to_do():
    at = app_on_page(5)
    assert "choose where you are now" in messages(at.warning)[0]
    assert not at.exception


def test_make_it_smaller_swap_and_remove():
    at = app_on_page(5, stage=3)
    first = the_plan(at).steps[0]
    at.button(key=f"smaller_{first.id}").click().run()
    assert the_plan(at).steps[0].id == first.smaller

    current = the_plan(at).steps[0]
    open_expander(at, f"swap_{current.id}")
    swapped_to = at.radio(key=key(at, f"swap_choice_{current.id}")).value
    assert swapped_to not in [s.id for s in the_plan(at).steps]
    at.button(key=f"swap_{current.id}").click().run()
    assert the_plan(at).steps[0].id == swapped_to

    removed = the_plan(at).steps[-1].id
    at.button(key=f"remove_{removed}").click().run()
    assert removed not in [s.id for s in the_plan(at).steps]


def test_closed_expanders_draw_nothing_inside_until_opened():
    at = app_on_page(5, stage=3)
    first = the_plan(at).steps[0]
    assert not at.get("radio") and not at.get("selectbox") and not at.text_input
    open_expander(at, f"swap_{first.id}")
    assert at.radio(key=key(at, f"swap_choice_{first.id}")).options
    open_expander(at, "add_library")
    assert at.selectbox(key=key(at, "add_library_step")).options


def test_words_typed_for_an_own_step_are_kept_while_its_expander_is_closed():
    at = open_expander(app_on_page(5, stage=3), "add_own")
    at.text_input(key=key(at, "add_own_text")).input("Ring the bank").run()
    at.radio(key=key(at, "add_own_area")).set_value("money_and_home").run()
    at.session_state[key(at, "open_add_own")] = False
    at.run()
    assert not at.text_input
    open_expander(at, "add_own")
    assert at.text_input(key=key(at, "add_own_text")).value == "Ring the bank"
    assert at.radio(key=key(at, "add_own_area")).value == "money_and_home"
    at.button(key="add_own_button").click().run()
    assert the_plan(at).steps[-1].title == "Ring the bank"
    assert the_plan(at).steps[-1].area == "money_and_home"
    assert at.text_input(key=key(at, "add_own_text")).value == ""


def test_the_area_and_step_picked_from_the_list_are_kept_while_it_is_closed():
    at = open_expander(app_on_page(5, stage=4), "add_library")
    at.selectbox(key=key(at, "add_library_area")).set_value("money_and_home").run()
    step = at.selectbox(key=key(at, "add_library_step"))
    assert len(step.options) > 1  # so keeping the last one is not keeping the default
    picked = step.options[-1]
    step.select(picked).run()
    at.session_state[key(at, "open_add_library")] = False
    at.run()
    open_expander(at, "add_library")
    assert at.selectbox(key=key(at, "add_library_area")).value == "money_and_home"
    assert (
        at.selectbox(key=key(at, "add_library_step")).format_func(
            at.selectbox(key=key(at, "add_library_step")).value
        )
        == picked
    )


def test_adding_past_the_cap_shows_a_gentle_note_not_a_block():
    at = open_expander(app_on_page(5, stage=1), "add_own")
    assert len(the_plan(at).steps) == 2
    at.text_input(key=key(at, "add_own_text")).input("Feed the ducks & <smile>").run()
    at.radio(key=key(at, "add_own_area")).set_value("getting_out").run()
    at.button(key="add_own_button").click().run()
    plan = the_plan(at)
    assert len(plan.steps) == 3
    assert plan.steps[-1].title == "Feed the ducks & <smile>"
    assert any("more steps than most" in i for i in messages(at.info))
    assert at.text_input(key=key(at, "add_own_text")).value == ""


def test_the_fiftieth_step_is_the_last_with_a_gentle_message():
    at = open_expander(app_on_page(5, stage=1), "add_own")
    at.radio(key=key(at, "add_own_area")).set_value("getting_out").run()
    for number in range(60):
        at.text_input(key=key(at, "add_own_text")).input(f"My step {number}").run()
        at.button(key="add_own_button").click().run()
    assert len(the_plan(at).steps) == 50
    assert any("as many as a plan can hold" in e for e in messages(at.error))
    assert at.text_input(key=key(at, "add_own_text")).value == "My step 59"
    assert no_errors(at)


def test_adding_a_step_from_the_library_by_area():
    at = open_expander(app_on_page(5, stage=4), "add_library")
    at.selectbox(key=key(at, "add_library_area")).set_value("money_and_home").run()
    wanted = at.selectbox(key=key(at, "add_library_step")).value
    at.button(key="add_library_button").click().run()
    assert the_plan(at).steps[-1].id == wanted
    assert the_plan(at).steps[-1].area == "money_and_home"


def test_changing_the_answers_updates_the_suggestions_and_keeps_own_steps():
    at = open_expander(app_on_page(5, stage=2), "add_own")
    at.text_input(key=key(at, "add_own_text")).input("Bake bread").run()
    at.radio(key=key(at, "add_own_area")).set_value("looking_after_myself").run()
    at.button(key="add_own_button").click().run()
    changed = appointment(at).answers.model_copy(update={"stage": 4})
    at.session_state["appointment"] = appointment(at).model_copy(update={"answers": changed})
    at.run()
    plan = the_plan(at)
    assert plan.max_steps == 4
    assert plan.steps[-1].title == "Bake bread"
    assert any("answers changed" in i for i in messages(at.info))
    assert press_continue(at).title[0].value == "Make it yours"


def test_the_page_says_what_the_steps_took_from_the_person_s_words():
    at = app_on_page(5, stage=3, nation="england", barriers_own_words="I'm behind on the rent.")
    assert no_errors(at)
    said = " ".join(i.value for i in at.info)
    assert "These steps take in what you wrote about rent you owe" in said
    assert any("rent" in s.title.lower() for s in the_plan(at).steps)
    assert "rent_arrears" not in answers(at).barriers


def test_a_teams_local_step_is_suggested_like_any_other(monkeypatch):
    from tests.conftest import ROOT

    monkeypatch.setenv("RIGHT_STEPS_LOCAL_LIBRARY", str(ROOT / "docs" / "local-library-example"))
    at = app_on_page(
        5,
        stage=3,
        aims=["meet_people"],
        strengths=["practical_diy"],
        barriers=["no_support_network"],
    )
    assert no_errors(at)
    assert "Go to the Anytown Shed open morning" in _cards(at)


def test_changing_an_earlier_answer_keeps_removals_swaps_and_what_was_agreed():
    from planner.editing import update_details

    at = app_on_page(5, stage=3, strengths=["kind"])
    first, *_, last = the_plan(at).steps
    at.button(key=f"remove_{last.id}").click().run()
    open_expander(at, f"swap_{first.id}")
    swapped_to = at.radio(key=key(at, f"swap_choice_{first.id}")).value
    at.button(key=f"swap_{first.id}").click().run()
    agreed = update_details(the_plan(at), swapped_to, when="Monday morning")
    at.session_state["appointment"] = appointment(at).model_copy(update={"plan": agreed})
    at.run()

    changed = appointment(at).answers.model_copy(update={"strengths": ["kind", "organised"]})
    at.session_state["appointment"] = appointment(at).model_copy(update={"answers": changed})
    at.run()
    plan = the_plan(at)
    ids = [s.id for s in plan.steps]
    assert last.id not in ids, "a step they removed does not come back"
    assert first.id not in ids and swapped_to in ids, "a swap is kept"
    assert next(s for s in plan.steps if s.id == swapped_to).when == "Monday morning"
    said = " ".join(messages(at.info))
    assert "answers changed" in said and "changes you made to the steps are kept" in said
    assert no_errors(at)


def test_an_own_step_asks_which_part_of_life_it_is_about():
    at = open_expander(app_on_page(5, stage=3), "add_own")
    drafted = len(the_plan(at).steps)
    at.text_input(key=key(at, "add_own_text")).input("Ring my sister on Sunday").run()
    at.button(key="add_own_button").click().run()
    assert len(the_plan(at).steps) == drafted, "nothing is filed under a part of life not chosen"
    assert any("Choose which part of life" in e for e in messages(at.error))
    assert at.text_input(key=key(at, "add_own_text")).value == "Ring my sister on Sunday"
    at.radio(key=key(at, "add_own_area")).set_value("people_and_connection").run()
    assert not any("Choose which part of life" in e for e in messages(at.error))
    at.button(key="add_own_button").click().run()
    assert the_plan(at).steps[-1].area == "people_and_connection"


def test_at_a_review_a_step_left_out_can_be_added_back():
    import datetime

    from goal_library.loader import default_library
    from planner.models import Profile
    from planner.suggest import build_plan
    from tests.ui.apptest import app_on_page, no_errors, the_plan

    library = default_library()
    last = build_plan(Profile(stage=2, strengths=["kind"]), library)
    last = last.model_copy(update={"review_on": datetime.date.today()})
    # Since then, a risk to their home: the next plan makes room for it and leaves a step out.
    at = app_on_page(
        5, review=last, stage=2, strengths=["kind"], barriers=["no_safe_place_to_live"]
    )
    current = at.session_state["appointment"]
    not_yet = {step.id: "not_yet" for step in last.steps}
    at.session_state["appointment"] = current.model_copy(
        update={"review": current.review.model_copy(update={"outcomes": not_yet})}
    )
    at.run()
    assert no_errors(at)
    assert "Not in the new plan" in [h.value for h in at.header]
    buttons = [b for b in at.button if (b.key or "").startswith("add_back_")]
    assert buttons, "a step the rules would still offer can be added back"
    step_id = buttons[0].key.removeprefix("add_back_")
    assert step_id not in [s.id for s in the_plan(at).steps]
    buttons[0].click().run()
    assert step_id in [s.id for s in the_plan(at).steps]
    assert not [b for b in at.button if b.key == f"add_back_{step_id}"]
