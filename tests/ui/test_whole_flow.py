"""The whole appointment through AppTest, as the flow issue describes it."""

from tests.ui.apptest import (
    app_on_page,
    key,
    no_errors,
    open_expander,
    press_continue,
    the_plan,
    title,
)


def test_enter_a_profile_edit_the_plan_and_reach_the_download():
    at = app_on_page(0)
    at = press_continue(at)
    at.text_input[0].input("Sam").run()
    at = press_continue(at)
    at.radio[0].set_value(3).run()
    at = press_continue(at)
    at.checkbox(key=key(at, "strengths_animals")).check().run()
    at = press_continue(at)
    at.checkbox(key=key(at, "barriers_poor_sleep")).check().run()
    at = press_continue(at)
    assert title(at) == "Suggested steps"
    plan = the_plan(at)
    assert 1 <= len(plan.steps) <= 3

    # swap the first, make the second smaller, add an own step
    first = plan.steps[0]
    open_expander(at, f"swap_{first.id}")
    at.button(key=f"swap_{first.id}").click().run()
    assert the_plan(at).steps[0].id != first.id
    second = the_plan(at).steps[1]
    if second.smaller:
        at.button(key=f"smaller_{second.id}").click().run()
        assert the_plan(at).steps[1].id == second.smaller
    open_expander(at, "add_own")
    at.text_input(key=key(at, "add_own_text")).input("Phone Nan").run()
    at.radio(key=key(at, "add_own_area")).set_value("people_and_connection").run()
    at.button(key="add_own_button").click().run()

    at = press_continue(at)
    assert title(at) == "Make it yours"
    targets = [s for s in the_plan(at).steps if s.smaller]
    for target in targets:
        at.radio(key=key(at, f"step_{target.id}_confidence")).set_value(5).run()
        if any(b.key == f"use_smaller_{target.id}" for b in at.button):
            break
    at.button(key=f"use_smaller_{target.id}").click().run()
    assert target.smaller in [s.id for s in the_plan(at).steps]

    at = press_continue(at)
    assert title(at) == "Check your plan"
    at.button(key="agree_unsaved").click().run()
    assert title(at) == "Plan agreed"
    assert at.get("download_button")[0].proto.label == "Download plan (PDF)"
    assert no_errors(at)
