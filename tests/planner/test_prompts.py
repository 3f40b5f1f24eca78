"""Words the person wrote prompt the coach; nothing is added by itself."""

from __future__ import annotations

import pytest

from goal_library.models import WordPrompt
from planner.prompts import as_read, word_prompts
from planner.suggest import build_plan
from tests.conftest import basic_needs_step, full_grid, make_step, profile


def _prompts(library, *texts, strengths=(), barriers=(), work_situation=None, language="en"):
    return word_prompts(
        texts,
        strengths=strengths,
        barriers=barriers,
        work_situation=work_situation,
        language=language,
        library=library,
    )


def test_rent_owed_in_their_words_suggests_behind_on_rent(library):
    found = _prompts(library, "I'm two months behind on the RENT.")
    assert [(p.field, p.value) for p in found] == [("barriers", "rent_arrears")]
    assert found[0].message.startswith("You wrote about rent you owe: add “")


def test_a_ticked_friend_the_words_contradict_is_asked_about_not_untick(library):
    found = _prompts(library, "Mum kicked me out in the summer.", strengths=["supportive_family"])
    check = next(p for p in found if p.field == "check")
    assert check.value == "supportive_family"
    assert check.message.endswith("Is that still right?")


def test_nothing_already_answered_is_suggested_again(library):
    assert _prompts(library, "I'm behind on rent", barriers=["rent_arrears"]) == []


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


def test_words_just_after_a_negative_are_not_read(library):
    assert _prompts(library, "I have no debts and I'm not really behind on rent.") == []
    assert _prompts(library, "Money is fine, I don't gamble.") == []
    # A negative in an earlier sentence does not reach.
    found = _prompts(library, "Not great. I owe money to a loan shark.")
    assert ("barriers", "debts") in {(p.field, p.value) for p in found}


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Not to be pushed for more hours before I'm ready.", False),
        ("I don't want to be rushed into more hours.", False),
        ("More hours before I'm ready would break me.", False),
        ("Keep this job, and more hours in the spring.", True),
        ("I'd like more hours. I'm not ready for a new job.", True),
    ],
)
def test_a_phrase_the_same_clause_turns_down_is_not_named(text, named):
    from planner.prompts import text_names

    assert text_names(("more hours",), text) is named


def test_a_phrase_that_is_itself_a_refusal_is_named():
    from planner.prompts import text_names

    assert text_names(("not to be pushed",), "Not to be pushed for more hours before I'm ready.")


def test_curly_apostrophes_read_like_straight_ones(library):
    found = _prompts(library, "My best mate isn’t talking to me.")
    assert ("barriers", "no_support_network") in {(p.field, p.value) for p in found}


def test_a_prompt_set_aside_is_not_made_again(library):
    texts = ("I'm two months behind on the rent.",)
    assert _prompts(library, *texts)
    left = word_prompts(
        texts,
        strengths=(),
        barriers=(),
        work_situation=None,
        language="en",
        library=library,
        set_aside=["barriers:rent_arrears"],
    )
    assert left == []


# The draft reads the words, on the tests' own small tables.

_TABLE = (
    WordPrompt(phrases=("landlord",), topic="your home", add="housing_problems"),
    WordPrompt(
        phrases=("kicked me out",),
        topic="leaving",
        check=("supportive_friend", "supportive_family"),
    ),
    WordPrompt(phrases=("in my job",), topic="your job", work_situation="in_work"),
    WordPrompt(phrases=("kids",), topic="children", add="childcare", draft=False),
)


@pytest.fixture
def words_library(build_library):
    steps = [
        *full_grid(),
        basic_needs_step("talk_to_a_housing_adviser", ("housing_problems",)),
        make_step(
            "meet_a_friend",
            area="people_and_connection",
            grade=2,
            needs=("friend_or_family",),
        ),
        make_step("go_to_a_group", area="people_and_connection", grade=2),
    ]
    base = build_library(steps)
    return base.model_copy(update={"prompts": _TABLE})


def test_as_read_adds_what_the_words_say_and_keeps_the_answers(words_library):
    person = profile(
        strengths=["supportive_friend", "kind"],
        barriers_own_words="The landlord texts every day. Mum kicked me out with the kids.",
        hopes="Keep going in my job.",
    )
    read = as_read(person, words_library)
    assert read.barriers == ["housing_problems"]
    assert read.strengths == ["kind"], "a ticked friend the words contradict is not leaned on"
    assert read.work_situation == "in_work"
    assert "childcare" not in read.barriers, "a prompt-only entry is asked, not drafted on"
    assert person.barriers == [] and person.strengths == ["supportive_friend", "kind"]
    assert as_read(read, words_library) == read


def test_a_work_situation_they_answered_is_not_overridden(words_library):
    person = profile(hopes="Keep going in my job.", work_situation="studying")
    assert as_read(person, words_library).work_situation == "studying"


def test_the_draft_serves_what_the_words_raise_and_says_so(words_library):
    person = profile(stage=3, barriers_own_words="My landlord wants the rent.")
    plan = build_plan(person, words_library)
    step = next(s for s in plan.steps if s.id == "talk_to_a_housing_adviser")
    assert step.reasons[0] == "You wrote about your home."
    assert plan.profile == person, "the plan keeps the answers as they were"
    assert [(r.answer, r.value) for r in plan.read_from_words] == [("barriers", "housing_problems")]


def test_words_set_aside_are_no_longer_read(words_library):
    person = profile(
        stage=3,
        barriers_own_words="My landlord wants the rent.",
        words_set_aside=["barriers:housing_problems"],
    )
    plan = build_plan(person, words_library)
    assert "talk_to_a_housing_adviser" not in {s.id for s in plan.steps}
    assert plan.read_from_words == []


def test_a_friend_the_words_contradict_is_not_needed_by_any_step_offered(words_library):
    person = profile(
        stage=3,
        aims=["meet_people"],
        strengths=["supportive_friend"],
        barriers_own_words="My mate kicked me out last week.",
    )
    plan = build_plan(person, words_library)
    offered = {s.id for s in plan.steps} | {s.id for a in plan.alternatives.values() for s in a}
    assert "meet_a_friend" not in offered
    assert "go_to_a_group" in offered
    confirmed = person.model_copy(update={"words_set_aside": ["check:supportive_friend"]})
    plan = build_plan(confirmed, words_library)
    offered = {s.id for s in plan.steps} | {s.id for a in plan.alternatives.values() for s in a}
    assert "meet_a_friend" in offered, "once they say the friend is still there, it counts"


@pytest.mark.parametrize(
    ("text", "not_read"),
    [
        ("The perinatal team discharged me in the summer, I'm much better.", "recent_crisis"),
        ("I'd love an apprenticeship in IT.", "trade_or_licence"),
        ("I'm fine with people, except on the phone to strangers.", "prefers_writing"),
        ("I'm not allowed to exercise while my heart rate is low.", "domestic_abuse"),
        ("I owe it to my kids to try.", "debts"),
        ("I was sectioned last year, I'm much better now.", "recent_crisis"),
        ("I'm in a hostel for now, waiting to move on.", "no_safe_place_to_live"),
        ("The gas card ran out on Sunday.", "work_card_run_out"),
        ("No phone internet at the hostel.", "no_phone"),
        ("I was sectioned in March.", "recent_crisis"),
        ("I volunteer at the food bank on Tuesdays.", "runs_out_before_payday"),
        ("My dog died in March.", "bereaved"),
        ("The redundancy money went on clearing the mortgage arrears.", "rent_arrears"),
        ("The redundancy money went on clearing the mortgage arrears.", "housing_problems"),
        ("A lad died in front of me at the crash.", "bereaved"),
        ("I looked after my gran till she died.", "bereaved"),
        ("I did a year of Computing at uni before it all went wrong.", "degree_or_profession"),
        ("The school ring me, so I can't do a job that won't let me go.", "domestic_abuse"),
        ("I'm getting better at controlling my breathing.", "domestic_abuse"),
        ("A job in school hours, back in care or as a teaching assistant.", "care_leaver"),
        ("I want to work in care again.", "care_leaver"),
        ("I have no income apart from my ESA.", "no_money_now"),
        ("I need a budgeting loan for a new cooker.", "repaying_an_advance"),
        ("I owe my gran three hundred quid and she won't let me pay it back.", "domestic_abuse"),
        ("We had to present as homeless, so we're in a temporary flat.", "no_safe_place_to_live"),
        ("Get through the first month and pass my probation.", "left_prison"),
        ("I did two years inside, a long time ago now.", "left_prison"),
        ("My forklift licence runs out next year.", "driving"),
        ("I started a CSCS course but never sat the test so no card.", "trade_or_licence"),
        ("My money runs out before payday.", "no_gp_or_medicine"),
    ],
)
def test_loose_words_are_not_read_into_the_draft(library, text, not_read):
    read = as_read(profile(barriers_own_words=text), library)
    assert not_read not in {*read.barriers, *read.strengths}


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        ("He keeps the bank card and checks my phone.", "domestic_abuse"),
        ("My sertraline runs out on Friday and I haven't got a GP.", "no_gp_or_medicine"),
        ("Got out of HMP Nottingham 12 days ago, on licence.", "left_prison"),
        (
            "In the approved premises till next month, then I don't know where I go.",
            "no_safe_place_to_live",
        ),
        ("He won't let me see my sister.", "domestic_abuse"),
        ("She won't let me leave the house on my own.", "domestic_abuse"),
        ("We had to present as homeless, so we're in a temporary flat.", "housing_problems"),
        ("I was in foster care from 11 to 18.", "care_leaver"),
        ("Eight years in the Royal Logistics Corps, Afghanistan twice.", "served_in_forces"),
        ("The gambling got worse after my wife passed.", "bereaved"),
        ("My ECS card ran out in the summer.", "work_card_run_out"),
        ("I'm £900 behind on rent and the landlord sent a notice.", "rent_arrears"),
        ("Took an overdose three weeks ago, home on Friday.", "recent_crisis"),
        ("Living in the van since the summer.", "no_safe_place_to_live"),
        ("I do 12 hours a week in a warehouse.", "work_situation"),
        ("A bottle of wine a night, they don't know.", "alcohol_or_drugs"),
        ("Drinking more than I should, a half bottle most nights.", "alcohol_or_drugs"),
        ("I'm on my brother's sofa and it can't be for long.", "no_safe_place_to_live"),
        ("I'm a full-time carer for my mum since her stroke.", "caring_responsibilities"),
        ("My wife died in April.", "bereaved"),
        ("I'm care experienced, my throughcare worker helps.", "care_leaver"),
        ("I haven't told my employer about any of it.", "employer_not_told"),
        ("English is not my first language.", "english_second_language"),
        ("I have no money for the bus until payday.", "no_money_for_travel"),
        ("I'm in a refuge with the kids and I have no money at all.", "no_money_now"),
        ("Bailiffs came to the door last week about the council tax.", "bailiffs"),
        ("A sheriff officer left a letter.", "bailiffs"),
        ("I have type 2 diabetes as well as depression.", "physical_health"),
        ("Chronic back pain, and the painkillers make me drowsy.", "physical_health"),
        ("OCD about germs. I wash my hands for hours.", "ocd"),
    ],
)
def test_plain_words_for_what_matters_are_read(library, text, read_as):
    read = as_read(profile(barriers_own_words=text), library)
    said = {*read.barriers, *read.strengths}
    assert read_as in said or (read_as == "work_situation" and read.work_situation == "in_work")


def test_a_ticked_money_worry_the_words_contradict_is_asked_about_and_not_leaned_on(library):
    person = profile(barriers=["money_worries"], hopes="Money's fine, I live with my parents.")
    found = _prompts(library, person.hopes, barriers=person.barriers)
    check = next(p for p in found if p.field == "check")
    assert check.value == "money_worries"
    assert "money_worries" not in as_read(person, library).barriers


def test_words_a_ticked_answer_already_says_suggest_nothing_more(library):
    said = "My care coordinator is great."
    assert ("strengths", "cmht") in {(p.field, p.value) for p in _prompts(library, said)}
    assert _prompts(library, said, strengths=["early_intervention"]) == []


def test_the_past_is_not_read_as_now(library):
    for text in (
        "I used to self-harm, not for eight months now.",
        "Took an overdose two years ago.",
        "I took an overdose last January, I'm much steadier now.",
        "My redundancy savings may run out before Easter.",
    ):
        read = as_read(profile(barriers_own_words=text), library)
        assert not {"recent_crisis", "runs_out_before_payday"} & set(read.barriers), text


def test_a_problem_the_same_clause_says_is_over_is_not_read():
    from planner.prompts import word_prompts as prompts_from

    class _Library:
        prompts = (WordPrompt(phrases=("arrears",), topic="rent owed", add="rent_arrears"),)
        barrier_ids = frozenset({"rent_arrears"})
        strength_ids = frozenset()
        labels = None

        def barrier(self, _):
            return type("B", (), {"label": "Behind on rent"})()

    def read(text):
        found = prompts_from(
            (text,),
            strengths=(),
            barriers=(),
            work_situation=None,
            language="en",
            library=_Library(),  # type: ignore[arg-type]
        )
        return [p.value for p in found]

    assert read("The arrears are cleared now.") == []
    assert read("I paid them off, the arrears, last month.") == ["rent_arrears"], "another clause"
    assert read("I cleared the gas bill but the rent arrears keep growing.") == ["rent_arrears"]
    assert read("Two months of arrears and a letter from the landlord.") == ["rent_arrears"]


def test_self_harm_said_now_is_asked_about_and_not_read_as_a_crisis(library):
    said = "I self-harm sometimes when things pile up."
    asked = {(p.field, p.value) for p in _prompts(library, said)}
    assert ("barriers", "recent_crisis") in asked
    assert "recent_crisis" not in as_read(profile(barriers_own_words=said), library).barriers


def test_wanting_to_end_your_life_now_is_read_as_thoughts_not_a_crisis_event(library):
    read = as_read(profile(barriers_own_words="Some nights I don't want to be here."), library)
    assert "thoughts_of_ending_life" in read.barriers
    assert "recent_crisis" not in read.barriers


@pytest.mark.parametrize(
    "said",
    [
        "I took an overdose in October.",
        "They found me on a bridge three weeks ago.",
        "I tried to kill myself last month.",
    ],
)
def test_an_overdose_or_an_attempt_is_read_as_a_very_hard_time(library, said):
    assert "recent_crisis" in as_read(profile(barriers_own_words=said), library).barriers


def test_someone_else_dying_of_an_overdose_is_not_a_crisis_of_theirs(library):
    said = "My brother died of an overdose two years ago."
    assert "recent_crisis" not in as_read(profile(barriers_own_words=said), library).barriers


def test_a_service_the_words_say_has_ended_is_not_read(library):
    for said in (
        "I was discharged from the eating disorder service in the spring.",
        "I used to see a CPN but not any more.",
    ):
        read = as_read(profile(barriers_own_words=said), library)
        assert not {"eating_disorder_service", "cmht"} & set(read.strengths), said
    still = as_read(profile(barriers_own_words="My CPN comes every fortnight."), library)
    assert "cmht" in still.strengths


def test_a_more_specific_tick_wins_over_general_words():
    from planner.prompts import word_prompts as prompts_from

    class _Library:
        prompts = (
            WordPrompt(
                phrases=("owing",), topic="money you owe", add="debts", unless=("owes_family",)
            ),
        )
        barrier_ids = frozenset({"debts", "owes_family"})
        strength_ids = frozenset()
        labels = None

        def barrier(self, _):
            return type("B", (), {"label": "Debts"})()

    def read(ticked):
        said = ("I borrowed £600 off my sister and I hate owing her.",)
        found = prompts_from(
            said,
            strengths=(),
            barriers=ticked,
            work_situation=None,
            language="en",
            library=_Library(),  # type: ignore[arg-type]
        )
        return [p.value for p in found]

    assert read(()) == ["debts"]
    assert read(("owes_family",)) == [], "owing family, ticked, says it already"


def test_money_borrowed_from_family_ticked_is_not_read_as_debts_too(library):
    said = "I borrowed £600 off my sister for the rent and I hate owing her."
    read = as_read(profile(barriers=["owes_family_or_friends"], barriers_own_words=said), library)
    assert "debts" not in read.barriers
    card = as_read(
        profile(barriers=["owes_family_or_friends"], barriers_own_words="£2,000 on a credit card."),
        library,
    )
    assert "debts" in card.barriers, "a lender named plainly is still read"


def test_caring_said_of_the_past_is_not_read_as_caring_now(library):
    for said in (
        "Jim died seven weeks ago. I was his carer so my carer money is stopping.",
        "I used to look after my mum before she died.",
    ):
        assert (
            "caring_responsibilities"
            not in as_read(profile(barriers_own_words=said), library).barriers
        )
    now = as_read(profile(barriers_own_words="I look after my mum every day."), library)
    assert "caring_responsibilities" in now.barriers


def test_a_condition_of_someone_they_looked_after_is_not_theirs(library):
    said = "I looked after Jim for nine years, his COPD, all his tablets and the oxygen."
    assert "physical_health" not in as_read(profile(strengths_own_words=said), library).barriers
    own = as_read(profile(barriers_own_words="My COPD is bad in winter."), library)
    assert "physical_health" in own.barriers


@pytest.mark.parametrize(
    "said",
    [
        "Some nights I think I'd be as well being with him.",
        "Since she died I wish I could be with her.",
        "I go to bed hoping I don't wake up.",
        "Honestly I'm tired of living.",
    ],
)
def test_wishing_not_to_go_on_said_in_passing_is_asked_about_not_drafted(library, said):
    asked = {(p.field, p.value, p.drafted) for p in _prompts(library, said)}
    assert ("barriers", "thoughts_of_ending_life", False) in asked
    read = as_read(profile(barriers_own_words=said), library).barriers
    assert not {"recent_crisis", "thoughts_of_ending_life"} & set(read)


def test_words_that_only_sound_like_not_going_on_are_not_asked_about(library):
    for said in ("I try not to wake up the baby.", "I'd be as well getting the bus."):
        assert ("barriers", "thoughts_of_ending_life") not in {
            (p.field, p.value) for p in _prompts(library, said)
        }


def test_caring_ticked_that_the_words_say_is_over_is_asked_about_not_leaned_on(library):
    said = "Jim died seven weeks ago. I was his carer so my carer money is stopping."
    person = profile(barriers=["caring_responsibilities", "bereaved"], barriers_own_words=said)
    asked = {(p.field, p.value) for p in _prompts(library, said, barriers=person.barriers)}
    assert ("check", "caring_responsibilities") in asked
    assert "caring_responsibilities" not in as_read(person, library).barriers
    answered = person.model_copy(update={"words_set_aside": ["check:caring_responsibilities"]})
    assert "caring_responsibilities" in as_read(answered, library).barriers


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("I've the two girls, 9 and 14, on my own since the divorce.", True),
        ("I'm a single mum, my toddler is up all night.", True),
        ("My son is autistic and needs me with him all day.", False),
        ("I look after my mum, and the kids are at school.", False),
        ("My daughter has epilepsy and seizures most weeks.", False),
    ],
)
def test_caring_ticked_beside_only_children_they_bring_up_is_asked_about(library, said, asked):
    person = profile(barriers=["caring_responsibilities"], barriers_own_words=said)
    checks = {(p.field, p.value) for p in _prompts(library, said, barriers=person.barriers)}
    assert (("check", "caring_responsibilities") in checks) is asked
    read = as_read(person, library).barriers
    assert ("caring_responsibilities" not in read) is asked


def test_a_script_handled_at_work_or_by_someone_else_is_not_their_service(library):
    for said in (
        "I did the dispensing at the chemist, the methadone and the blister packs.",
        "My brother is on methadone and it worries me.",
    ):
        read = as_read(profile(strengths_own_words=said), library).strengths
        assert "drug_alcohol_service" not in read, said
    mine = as_read(profile(barriers_own_words="I'm on methadone, 40ml a day."), library)
    assert "drug_alcohol_service" in mine.strengths
