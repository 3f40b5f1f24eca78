from goal_library.loader import default_library
from planner.models import Profile
from planner.suggest import build_plan
from tests.ui.apptest import app_on_page, appointment, key, no_errors, title

NAME = "Siân *not bold* & <i>not italic</i>"


def _app():
    library = default_library()
    plan = build_plan(Profile(stage=3, preferred_name=NAME, hopes="Walk :red[the] dog"), library)
    return app_on_page(8, stage=3, preferred_name=NAME, plan=plan), plan


def test_an_unsaved_plan_says_so_and_offers_to_save():
    at, _ = _app()
    assert no_errors(at)
    assert title(at) == "Plan agreed"
    assert any("This plan is not saved" in i.value for i in at.info)
    assert at.button(key="save_plan_late").label == "Save the plan"
    headings = [h.value for h in at.header]
    assert "What happens next" in headings and "Your copy" in headings
    assert "Who can see your plan" not in headings, "nothing to say until it is saved"


def test_the_pdf_and_the_accessible_copy_are_offered_with_a_large_print_choice():
    at, _ = _app()
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download plan (PDF)", "Download an accessible copy (web page)"]
    assert at.checkbox(key=key(at, "large_print")).value is False
    at.checkbox(key=key(at, "large_print")).check().run()
    assert appointment(at).large_print is True
    assert no_errors(at)


def test_finish_and_clear_asks_before_clearing_a_plan_nobody_has_kept():
    at, _ = _app()
    before = appointment(at)
    at.button(key="finish_and_clear").click().run()
    assert title(at) == "Plan agreed", "nothing is cleared without a question"
    said = [m.value for m in at.markdown]
    assert "The plan is not saved." in said
    assert "No copy of the plan as it is now has been downloaded." in said
    at.button(key="finish_cancel").click().run()
    assert appointment(at) == before, "keeping the plan changes nothing"
    assert not at.button(key="finish_and_clear").disabled


def test_a_saved_and_downloaded_plan_that_then_changes_is_asked_about_again():
    from ui.appointment import fingerprint

    at, plan = _app()
    kept = appointment(at).model_copy(
        update={"saved_as": fingerprint(plan), "downloaded_as": fingerprint(plan)}
    )
    at.session_state["appointment"] = kept
    assert kept.would_lose() == ()
    changed = plan.model_copy(update={"steps": plan.steps[:-1]})
    at.session_state["appointment"] = kept.model_copy(update={"plan": changed})
    at.run()
    at.button(key="finish_and_clear").click().run()
    said = [m.value for m in at.markdown]
    assert "The latest changes to the plan are not saved." in said
    assert title(at) == "Plan agreed"


def test_finish_and_clear_wipes_everything_and_starts_a_new_appointment():
    at, _ = _app()
    before = appointment(at)
    at.button(key="finish_and_clear").click().run()
    at.button(key="finish_confirm").click().run()
    assert title(at) == "Right Steps"
    after = appointment(at)
    assert after.id != before.id
    assert after.plan is None and after.answers.preferred_name == "" and after.page == 0
    assert not [k for k in at.session_state if str(k).endswith("~0")]


def test_a_saved_plan_shows_its_reference_who_can_see_it_and_how_long_it_is_kept():
    from ui.appointment import fingerprint

    at, plan = _app()
    saved = plan.model_copy(update={"reference": "K7PM-3QXD", "version": 1})
    at.session_state["appointment"] = appointment(at).model_copy(
        update={"plan": saved, "saved_as": fingerprint(saved)}
    )
    at.run()
    assert no_errors(at)
    assert r"**K7PM\-3QXD**" in [m.value for m in at.markdown], "the reference, large and whole"
    said = " ".join(m.value for m in at.markdown)
    assert "Work coaches who use this copy of Right Steps can open it" in said
    assert "kept for 365 days after it was last saved" in said
    assert "ask for your plan to be deleted at any time" in said
    assert not [b for b in at.button if b.key == "save_plan_late"]
