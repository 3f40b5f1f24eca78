"""The shape of every library file, checked by pydantic when the library loads."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationInfo,
    field_validator,
    model_validator,
)

AreaId = Literal[
    "getting_out",
    "looking_after_myself",
    "health_and_support",
    "people_and_connection",
    "learning_and_skills",
    "volunteering_and_work",
    "money_and_home",
]
NationId = Literal["england", "scotland", "wales", "northern_ireland"]
Grade = int
# Groups of strengths, kinds of step and needs are declared in the library's data (labels.yaml
# `strength_groups`, rules.yaml `kinds` and `needs`) and checked when it loads: a new one is a
# data change. These are their id shapes.
VocabularyId = Annotated[str, Field(min_length=2, max_length=40, pattern=r"^[a-z][a-z0-9_]*$")]
StrengthGroup = VocabularyId
Need = VocabularyId
Kind = VocabularyId
# A step's setting: each barrier names the settings it rules out (see barriers.yaml).
Setting = Literal["crowded", "with_others", "at_home"]

AREA_IDS: tuple[str, ...] = AreaId.__args__  # type: ignore[attr-defined]
NATION_IDS: tuple[str, ...] = NationId.__args__  # type: ignore[attr-defined]

_ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")


class _Strict(BaseModel):
    """Unknown fields are mistakes in a hand-edited file, so they are refused."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _check_id(value: str) -> str:
    if not _ID_PATTERN.match(value):
        raise ValueError("use lower-case letters, digits and underscores, starting with a letter")
    return value


class Source(_Strict):
    """A public page that says a fact is true, what it says, and the day it was last checked."""

    title: str = Field(min_length=3, max_length=160, description="The page's own title.")
    url: str = Field(min_length=12, max_length=300, pattern=r"^https://")
    says: str = Field(
        min_length=3,
        max_length=300,
        description="What the page confirms, in a few words, so a team can re-check it.",
    )
    checked_on: datetime.date


class NationWords(_Strict):
    """A step's words for one nation, where a service, a law or a name is different there: a
    person reads only what is true where they live."""

    title: str | None = Field(default=None, min_length=3, max_length=80)
    detail: str | None = Field(default=None, min_length=10, max_length=400)
    why: str | None = Field(default=None, min_length=10, max_length=300)


class LibraryStep(_Strict):
    """One step in the goal library: a small, concrete thing a person could choose to do."""

    id: str = Field(min_length=2, max_length=60)
    area: AreaId
    grade: int = Field(ge=1, le=5, description="The stage of recovery this step suits, 1 to 5.")
    title: str = Field(min_length=3, max_length=80, description="Starts with a verb.")
    detail: str = Field(min_length=10, max_length=400)
    why: str = Field(min_length=10, max_length=300, description="Why it helps, in plain words.")
    family: str | None = Field(
        default=None,
        description="Near-duplicate steps share a family; a draft holds at most one of each. "
        "A step with no family is a family of its own.",
    )
    strengths: tuple[str, ...] = Field(
        default=(), description="Strengths this step draws on, so it ranks higher with them."
    )
    needs: tuple[Need, ...] = Field(
        default=(), description="What the step cannot be done without (rules.yaml `needs`)."
    )
    only_for: tuple[str, ...] = Field(
        default=(),
        description="Strength or barrier ids the step is about (debts, alcohol, caring, "
        "another language): it is suggested only to a person who has at least one of them.",
    )
    only_for_all: tuple[str, ...] = Field(
        default=(),
        description="Strength or barrier ids the step needs every one of (debts and a crisis).",
    )
    kinds: tuple[Kind, ...] = Field(
        default=(), description="safety, basic_needs, course, work and so on (rules.yaml)."
    )
    beginner_in: tuple[str, ...] = Field(
        default=(),
        description="Skills this is a first step in: never offered to someone who has the skill.",
    )
    ruled_out_by: tuple[str, ...] = ()
    said_as: tuple[str, ...] = Field(
        default=(),
        description="Words a person may use for this very step (bookkeeping, an allotment, an "
        "English class); whole words, a trailing * matches any ending. When the person's own "
        "words say one, the step leads among those that serve the same slot.",
    )
    not_when_said: tuple[str, ...] = Field(
        default=(),
        description="Words that show the step is wrong for the person: they do it already "
        "('walk the dog every day'), or it no longer fits ('DVLA took my licence'). Then it is "
        "not suggested; it can be added by hand.",
    )
    when_named: bool = Field(
        default=False,
        description="Suggested only when the person's own words name it (said_as): a step for "
        "a situation no answer captures, like a payday lender taking money from a card. It "
        "can still be added by hand.",
    )
    not_with: tuple[str, ...] = Field(
        default=(),
        description="Strength or barrier ids with which this step is wrong for the person: too "
        "small, or the wrong service (a first thought about cutting down, or a drink diary, for "
        "someone whose drug and alcohol service already works with them).",
    )
    eases: tuple[str, ...] = Field(
        default=(), description="Barriers the step helps with; never 'does not need'."
    )
    nations: tuple[NationId, ...] = Field(
        default=(),
        description="Where services differ: the nations this step is written for (empty: all).",
    )
    follows_on: bool = Field(
        default=False,
        description="The step builds on its smaller step being done (a group you go to, a plan "
        "you made): it is offered as the next step, never in a first draft.",
    )
    at_desk: bool = Field(
        default=False,
        description="Done with the coach during the appointment (ringing the council's "
        "housing team together): not held back by a getting-out or people setting limit.",
    )
    quotes_hopes: bool = Field(
        default=False,
        description="The plan quotes back what the person hopes for where it names the step "
        '(said_as): "You said: ‘a job on a forklift’." Their words make it theirs.',
    )
    coach_can_fund: bool = Field(
        default=False,
        description="Its cost (fares, fees) is one the coach can often help with: the step says "
        "to ask, and money worries do not rule it out.",
    )
    sources: tuple[Source, ...] = Field(
        default=(), description="Public pages for every service, number, hour or rule it names."
    )
    local: bool = Field(
        default=False,
        description="Added by a team's local library (RIGHT_STEPS_LOCAL_LIBRARY), not the "
        "national one; set when the local folder is loaded.",
    )
    unconfirmed: bool = Field(
        default=False,
        description="A fact it names could not be confirmed from a public page; its words are "
        'written so they stay true ("ask whether…").',
    )
    at_home: bool = False
    with_others: bool = False
    crowded: bool = False
    smaller: str | None = None
    next: str | None = None
    # Where the ladder's step is not offered in a nation (a council step in Northern Ireland),
    # the rung to use there instead.
    smaller_in: dict[NationId, str] = Field(default_factory=dict)
    next_in: dict[NationId, str] = Field(default_factory=dict)
    words_in: dict[NationId, NationWords] = Field(
        default_factory=dict,
        description="Its title, detail or why for one nation, in place of the shared words.",
    )

    _ids = field_validator("id")(_check_id)

    def smaller_for(self, nation: str) -> str | None:
        """The smaller step for someone in `nation`."""
        return self.smaller_in.get(nation, self.smaller)  # type: ignore[call-overload]

    def next_for(self, nation: str) -> str | None:
        """The next step up for someone in `nation`."""
        return self.next_in.get(nation, self.next)  # type: ignore[call-overload]

    def title_for(self, nation: str) -> str:
        return self._words_for(nation, "title")

    def detail_for(self, nation: str) -> str:
        return self._words_for(nation, "detail")

    def why_for(self, nation: str) -> str:
        return self._words_for(nation, "why")

    def _words_for(self, nation: str, field: str) -> str:
        """The nation's own words for `field` where it has them, else the shared words."""
        own = self.words_in.get(nation)  # type: ignore[call-overload]
        return (getattr(own, field) if own is not None else None) or getattr(self, field)

    def offered_in(self) -> tuple[str, ...]:
        """The nations the step is written for."""
        return self.nations or NATION_IDS

    @field_validator("said_as", "not_when_said")
    @classmethod
    def _said_in_lower_case(cls, phrases: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(p.lower() for p in phrases)

    @field_validator("when_named")
    @classmethod
    def _named_by_something(cls, when_named: bool, info: ValidationInfo) -> bool:
        if when_named and not info.data.get("said_as"):
            raise ValueError("a step offered only when named needs said_as phrases")
        return when_named

    @field_validator("quotes_hopes")
    @classmethod
    def _quotes_what_names_it(cls, quotes_hopes: bool, info: ValidationInfo) -> bool:
        if quotes_hopes and not info.data.get("said_as"):
            raise ValueError("a step that quotes the person's hopes needs said_as phrases")
        return quotes_hopes

    @field_validator("words_in")
    @classmethod
    def _words_where_offered(
        cls, words_in: dict[str, NationWords], info: ValidationInfo
    ) -> dict[str, NationWords]:
        nations = info.data.get("nations") or NATION_IDS
        for nation in words_in:
            if nation not in nations:
                raise ValueError(f"words for {nation}, where the step is not offered")
        return words_in

    @property
    def settings(self) -> frozenset[str]:
        """The settings this step takes place in, as barrier rules name them."""
        flags = {"at_home": self.at_home, "with_others": self.with_others, "crowded": self.crowded}
        return frozenset(name for name, on in flags.items() if on)

    @property
    def family_id(self) -> str:
        return self.family or self.id


class Strength(_Strict):
    id: str
    label: str = Field(min_length=2, max_length=60)
    group: StrengthGroup
    because: str = Field(
        min_length=3, max_length=80, description='Completes "because you said ...".'
    )

    _ids = field_validator("id")(_check_id)


class Barrier(_Strict):
    id: str
    label: str = Field(min_length=2, max_length=80)
    because: str = Field(
        min_length=3, max_length=80, description='Completes "It may help with ...".'
    )
    rules_out: tuple[Setting, ...] = Field(
        default=(), description="Step settings that this barrier makes unrealistic for now."
    )
    rules_out_kinds: tuple[Kind, ...] = Field(
        default=(),
        description="Kinds of step this barrier makes wrong for now (no food or exercise goals "
        "with eating difficulties).",
    )

    _ids = field_validator("id")(_check_id)


class Aim(_Strict):
    """Something the person wants to work towards; their first aim leads the draft."""

    id: str
    label: str = Field(min_length=2, max_length=60)
    because: str = Field(
        min_length=3, max_length=80, description='Completes "It is a step towards ...".'
    )
    areas: tuple[AreaId, ...] = Field(min_length=1, description="Life areas this aim opens.")
    kinds: tuple[Kind, ...] = Field(
        default=(),
        description="If set, only steps of these kinds serve the aim (volunteering, not work).",
    )
    except_families: tuple[str, ...] = Field(
        default=(), description="Families that do not serve the aim (teaching is not learning)."
    )
    early_kinds: tuple[Kind, ...] = Field(
        default=(),
        description="At stages up to `early_until_stage`, only steps of these kinds serve the aim "
        "(a talk about work support, not a job search, at stage 2).",
    )
    early_until_stage: int = Field(default=0, ge=0, le=5)
    later_kinds: tuple[Kind, ...] = Field(
        default=(),
        description="From stage `later_from_stage`, only steps of these kinds serve the aim (a "
        "course, for someone ready to learn something new at stage 4).",
    )
    later_from_stage: int = Field(default=6, ge=1, le=6)
    leads: tuple[str, ...] = Field(
        default=(),
        description="The most direct steps towards the aim: in the aim's slot they rank before "
        "other steps that serve it, so a strength chooses between them, not the purpose.",
    )
    loose_areas: tuple[AreaId, ...] = Field(
        default=(),
        description="Areas whose steps serve the aim only when they ease a barrier the person "
        "raised (a bedtime routine for sleeping badly, not any self-care step).",
    )

    _ids = field_validator("id")(_check_id)


class StageWording(_Strict):
    stage: int = Field(ge=1, le=5)
    title: str = Field(min_length=2, max_length=40)
    description: str = Field(min_length=10, max_length=200)
    fit: str = Field(min_length=10, max_length=160, description="Why a step at this grade fits.")


class Signpost(_Strict):
    """A help-now contact, kept as data so a local team can correct it."""

    id: str
    name: str = Field(min_length=2, max_length=80)
    contact: str = Field(min_length=2, max_length=80)
    how: str = Field(min_length=3, max_length=200, description="How and when to use it.")
    last_checked: datetime.date
    verified: bool
    note: str | None = Field(default=None, max_length=200)
    # Older saved plans carry contacts without the fields below; they keep their defaults.
    hours: str | None = Field(
        default=None, max_length=80, description="When it answers, in plain words."
    )
    any_time: bool = Field(default=False, description="It answers day and night, every day.")
    at_other_times: str | None = Field(
        default=None, description="For a line with set hours: the id of a line open any time."
    )
    free_with_no_credit: bool = Field(
        default=False, description="Free from any phone, even one with no credit."
    )
    text_relay: str | None = Field(
        default=None, max_length=80, description="How to reach it by text relay (18001)."
    )
    bsl: str | None = Field(
        default=None, max_length=120, description="How to reach it in British Sign Language."
    )
    sources: tuple[Source, ...] = ()

    _ids = field_validator("id")(_check_id)


class Signposts(_Strict):
    uk_wide: tuple[Signpost, ...] = Field(min_length=1)
    england: tuple[Signpost, ...] = Field(min_length=1)
    scotland: tuple[Signpost, ...] = Field(min_length=1)
    wales: tuple[Signpost, ...] = Field(min_length=1)
    northern_ireland: tuple[Signpost, ...] = Field(min_length=1)

    def for_nation(self, nation: str) -> tuple[Signpost, ...]:
        """The nation's own contacts first, then the UK-wide ones."""
        return tuple(getattr(self, nation)) + self.uk_wide

    def by_list(self) -> Iterator[tuple[str, Signpost]]:
        """Every contact once, with the list it is in ("uk_wide" or a nation)."""
        for name in ("uk_wide", *NATION_IDS):
            for contact in getattr(self, name):
                yield name, contact


class NeedRule(_Strict):
    """How a person's answers meet a step's need: any of the `met_by` strengths meets it; an
    `assumed` need is also met unless the person has one of the `missing_with` barriers."""

    met_by: tuple[str, ...] = ()
    assumed: bool = False
    missing_with: tuple[str, ...] = ()
    label: str = Field(min_length=2, max_length=60, description="Plain words, for explanations.")


class CrisisRules(_Strict):
    """After a very hard time the draft is small and safe."""

    barrier: str
    max_steps: int = Field(ge=1)
    max_grade: int = Field(ge=1, le=5)
    first_kind: Kind
    first_area: AreaId
    left_out_kinds: tuple[Kind, ...]
    unless_aimed: dict[Kind, str] = Field(
        default_factory=dict, description="A left-out kind let back in by one of these aims."
    )


class BasicNeedsRules(_Strict):
    """Money or housing worries open an area at any stage and put one of its steps in the draft."""

    barriers: tuple[str, ...] = Field(min_length=1, description="Most urgent first.")
    area: AreaId
    kind: Kind


class WorkSupportRules(_Strict):
    """Zero exclusion: wanting paid work is enough to be offered a talk about work support."""

    aim: str
    kind: Kind


class SettingLimits(_Strict):
    """A step outside the home, or with other people, is never more than one grade above the
    person's stage in the area that is about that (getting out, people)."""

    outside_home_area: AreaId
    with_others_area: AreaId


class SlotWhen(_Strict):
    """When a slot is open: every condition given holds."""

    barriers: tuple[str, ...] = Field(default=(), description="The person has any of these.")
    aims: tuple[str, ...] = Field(default=(), description="The person has any of these aims.")
    aims_top: int | None = Field(
        default=None, ge=1, le=5, description="...among their first this many aims."
    )
    aim_number: int | None = Field(default=None, ge=1, le=5, description="They have this many.")
    no_aims: bool = Field(default=False, description="The person has not chosen an aim.")
    work_situation: tuple[str, ...] = Field(default=(), description="Their work is one of these.")
    not_work_situation: tuple[str, ...] = Field(default=(), description="...and not these.")
    strengths: tuple[str, ...] = Field(default=(), description="They have any of these.")
    min_stage: int = Field(default=1, ge=1, le=5)
    max_stage: int = Field(default=5, ge=1, le=5)
    min_cap: int = Field(default=1, ge=1, le=10, description="The draft holds at least this many.")
    not_hoping: tuple[str, ...] = Field(
        default=(),
        description="...and what they hope for does not say one of these (someone in work who "
        "hopes for a different job is not drafted steps to keep this one).",
    )

    said: tuple[str, ...] = Field(
        default=(),
        description="Their own words say one of these (a warning at work about time off).",
    )
    still_open_when_said: tuple[str, ...] = Field(
        default=(),
        description="...unless their words say one of these: what they hope for says one of "
        "`not_hoping`, but also that they want to keep the job they have, or their words say "
        "it is at risk.",
    )

    @field_validator("not_hoping", "said", "still_open_when_said")
    @classmethod
    def _hopes_in_lower_case(cls, phrases: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(p.lower() for p in phrases)


class SlotTakes(_Strict):
    """Which steps serve a slot: every condition given holds."""

    kinds: tuple[Kind, ...] = Field(default=(), description="The step is of any of these kinds.")
    not_kinds: tuple[Kind, ...] = Field(default=(), description="...and of none of these.")
    area: AreaId | None = None
    max_grade: int = Field(default=5, ge=1, le=5)
    aim_number: int | None = Field(
        default=None, ge=1, le=5, description="The step serves the person's aim with this number."
    )
    most_urgent: bool = Field(
        default=False,
        description="The step is about the first of the slot's barriers (in the table's order) "
        "that the person has and a step can serve.",
    )
    read_still_leads: tuple[str, ...] = Field(
        default=(),
        description="For a most-urgent slot: barriers that keep their place when only read from "
        "the person's words (losing a home); any other barrier read from words comes after "
        "those the person ticked.",
    )
    any_of_shape_serves: bool = Field(
        default=False,
        description="Any step of the slot's kinds and area already in the draft serves it (one "
        "basic need at a time).",
    )
    prefer: tuple[str, ...] = Field(
        default=(), description="Steps that lead the slot, in this order, when they may be offered."
    )
    prefer_for: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="Steps that lead the slot when it is about this topic (debts: debt advice).",
    )
    any_purpose: bool = Field(
        default=False, description="The step serves one of the person's aims or raised barriers."
    )
    raised: bool = Field(
        default=False, description="The step is about a raised barrier no step is about yet."
    )
    named_first: bool = Field(
        default=False,
        description="A step the person's words name leads even the steps the slot prefers "
        "(not for slots whose preference is about safety).",
    )
    named: bool = Field(
        default=False,
        description="What the person hopes for names the step (its said_as): what they asked for.",
    )
    raised_from: tuple[str, ...] = Field(
        default=(), description="With `raised`: only these barriers or things about the person."
    )
    spread: bool = Field(
        default=False, description="The best step of the open areas, spread across them."
    )


class ReviewMove(_Strict):
    """One move a review can make for a step, with the words the next plan says about it."""

    move: Literal[
        "next",
        "same",
        "smaller",
        "another",
        "another_same_grade",
        "another_bigger",
        "help_with_cost",
        "none",
    ]
    words: str = Field(
        min_length=10,
        max_length=160,
        description='What the next plan says; for "none", a note that may name the step as '
        "{title}.",
    )
    low_confidence_only: bool = Field(
        default=False, description="Only when the person felt less sure than the threshold."
    )
    when_said: tuple[str, ...] = Field(
        default=(),
        description="Only when what was said about the step at the review names one of these "
        '("it cost too much", "they said no").',
    )
    reads_what_went_well: bool = Field(
        default=False,
        description="when_said is read in what went well too, not only in what was said about "
        'the step ("I do that already", "I don\'t need help with money").',
    )
    other_kinds: bool = Field(
        default=False,
        description="The step it leads to shares no kind with the step it follows, is not "
        "written only for what that step was about, and is about something the person raised "
        "when that step was: not right for them is not answered with more of the same, nor "
        "with a step about nothing they raised.",
    )

    @field_validator("when_said")
    @classmethod
    def _said_in_lower_case(cls, phrases: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(p.lower() for p in phrases)


class Slot(_Strict):
    """A place in the draft, filled in the table's order while the cap allows."""

    id: str
    when: SlotWhen = Field(default_factory=SlotWhen)
    takes: SlotTakes
    repeat: int = Field(default=1, ge=1, le=10, description="Steps it may take, one per family.")
    leaves_room_for: tuple[str, ...] = Field(
        default=(),
        description="Later slots this one never takes the draft's last place from, when one of "
        "them would still take a step beside this one's (being safe at home leaves room for "
        "money to live on).",
    )
    words: str | None = Field(
        default=None, max_length=160, description="What the plan says first about a step here."
    )

    _ids = field_validator("id")(_check_id)


class ScorePoints(_Strict):
    """Points a step earns in ranking; each place from the best grade fit costs `grade_step`."""

    grade_step: int = Field(ge=0)
    strength: int = Field(ge=0, description="A skill, interest, or person or service around them.")
    quality: int = Field(ge=0, description="A personal quality: kind, reliable, organised ...")
    eased_barrier: int = Field(ge=0)
    raised_topic: int = Field(ge=0, description="The step is about a barrier the person raised.")
    aim: int = Field(ge=0)
    own_service: int = Field(default=0, ge=0, description="It is with a team the person has.")
    named: int = Field(default=0, ge=0, description="The person's own words name the step.")


class PlanningRules(_Strict):
    """The small tables the suggestion rules read (rules.yaml)."""

    focus_areas: dict[int, tuple[AreaId, ...]]
    max_steps: dict[int, int]
    crisis: CrisisRules
    basic_needs: BasicNeedsRules
    work_support: WorkSupportRules
    setting_limits: SettingLimits
    slots: tuple[Slot, ...] = Field(min_length=1)
    work_support_routes: tuple[str, ...] = Field(
        default=(), description="The right work support, best first (slots name it to prefer)."
    )
    raised: tuple[str, ...] = Field(
        default=(),
        description="Barriers (and things about the person) a draft step can be about, most "
        "pressing first.",
    )
    own_services: tuple[str, ...] = Field(
        default=(),
        description="Needs that are a specialist service the person has: its steps beat the GP's.",
    )
    covered_by_topics: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="A raised topic counts as served when a draft step is about one of these.",
    )
    not_covered_by_kinds: dict[str, tuple[Kind, ...]] = Field(
        default_factory=dict,
        description="A step of these kinds does not serve this raised topic, though it is "
        "written for it (help with money after a death is not support with grief).",
    )
    covered_by_kinds: dict[str, tuple[Kind, ...]] = Field(
        default_factory=dict,
        description="A raised topic counts as served when the draft holds a step of one of these "
        "kinds (a general money worry, by any basic-needs step).",
    )
    urgent_slots: tuple[str, ...] = Field(
        default=(),
        description="Slots whose step leads a plan after a review, before the steps carried on "
        "(being safe at home, the most urgent basic need).",
    )
    refill_not_after_kinds: tuple[Kind, ...] = Field(
        default=(),
        description="At a review, room left is never filled with a step sharing one of these "
        "kinds with a step the person acted on (done, or not right for them).",
    )
    crisis_lapses_after_days: int = Field(default=56, ge=1)
    done_shows_stage: bool = Field(
        default=False,
        description="A step done at a review shows the person can do its grade: the stage in its "
        "area, and in the areas its setting is limited by, rises to it (unless the review set "
        "that stage, lowered the overall stage, or notes a very hard time).",
    )
    settled_by_review_words: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="A barrier or strength, and words said at a review that show a reading of "
        'the person\'s first words about it no longer holds ("I told the nurse manager"): '
        "that reading is set aside.",
    )
    review_moves: dict[
        Literal["done", "partly", "not_yet", "not_for_me", "not_reviewed"], tuple[ReviewMove, ...]
    ]
    work_situation_areas: dict[str, tuple[AreaId, ...]] = Field(
        default_factory=dict, description="Life areas a work situation opens at any stage."
    )
    work_situation_not_in_draft: dict[str, tuple[Kind, ...]] = Field(
        default_factory=dict,
        description="Kinds of step a draft leaves out for a work situation (no job search for "
        "someone in work); they stay among the alternatives.",
    )
    still_open_at_review: tuple[str, ...] = Field(
        default=(),
        description="Words that show a sentence said at a review is about something still open "
        '("I still need a GP"): those sentences are read like the person\'s own words.',
    )
    not_now: tuple[str, ...] = Field(
        default=(),
        description='Words that put a hope later ("one day"): a sentence with them is not read '
        "as work the person hopes for now.",
    )
    hoped_work_not_in_draft: tuple[Kind, ...] = Field(
        default=(),
        description="Kinds of step a draft leaves out for a person whose hopes already name the "
        "work they want (a step about choosing what work to try is below what they said).",
    )
    hoped_work_step: str | None = Field(
        default=None,
        description="The step whose said_as phrases show that the person's hopes name work.",
    )
    kinds_for_work_situations: dict[Kind, tuple[str, ...]] = Field(
        default_factory=dict,
        description="Kinds of step only for people in one of these work situations (changes at "
        "work only for someone in work or starting a job).",
    )
    only_with: dict[Kind, tuple[str, ...]] = Field(
        default_factory=dict,
        description="Kinds of step offered only to a person who raised one of these barriers.",
    )
    kinds: dict[Kind, str] = Field(min_length=1, description="Every kind a step may name.")
    needs: dict[Need, NeedRule]
    points: ScorePoints
    confidence_threshold: int = Field(ge=0, le=10)
    alternatives_per_area: int = Field(ge=1, le=20)

    @field_validator("focus_areas", "max_steps")
    @classmethod
    def _every_stage(cls, table: dict[int, object]) -> dict[int, object]:
        if sorted(table) != [1, 2, 3, 4, 5]:
            raise ValueError("give one entry for each stage 1 to 5")
        return table

    def slot(self, slot_id: str) -> Slot | None:
        return next((s for s in self.slots if s.id == slot_id), None)

    @model_validator(mode="after")
    def _room_left_for_later_slots(self) -> PlanningRules:
        order = [s.id for s in self.slots]
        for index, slot in enumerate(self.slots):
            for later in slot.leaves_room_for:
                if later not in order[index + 1 :]:
                    raise ValueError(
                        f"slot '{slot.id}' field 'leaves_room_for': '{later}' is not a later slot"
                    )
        return self


class WordPrompt(_Strict):
    """Words a person may write, and the answer a coach could suggest from them."""

    phrases: tuple[str, ...] = Field(min_length=1)
    topic: str = Field(min_length=2, max_length=60, description='Completes "You wrote about ...".')
    add: str | None = Field(default=None, description="A barrier or strength id to suggest.")
    check: tuple[str, ...] = Field(
        default=(), description="Ticked answers the words may contradict: ask about them."
    )
    work_situation: str | None = None
    language: str | None = None
    unless: tuple[str, ...] = Field(
        default=(),
        description="Ticked answers that already say it (early intervention for 'care "
        "coordinator'): with any of them, nothing is suggested to add.",
    )
    not_near: tuple[str, ...] = Field(
        default=(),
        description="Words that, in the same sentence, mean the phrase is about something else "
        "(a gas card that ran out is not a work card).",
    )
    unless_said: tuple[str, ...] = Field(
        default=(),
        description="Words anywhere in what they wrote that already answer it (caring for a "
        "parent, or a disabled child, beside the children they bring up): with any, no prompt.",
    )
    recent_only: bool = Field(
        default=False,
        description="Read only when the words do not place it in the past in the same sentence "
        "('sectioned last year', 'an overdose years ago').",
    )
    draft: bool = Field(
        default=True,
        description="The draft reads these words as evidence until the coach and the person "
        "answer the prompt; false where the words are too loose to build on.",
    )

    @field_validator("phrases", "unless_said")
    @classmethod
    def _lower_case(cls, phrases: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(p.lower() for p in phrases)


class AreaLabel(_Strict):
    id: AreaId
    label: str = Field(min_length=2, max_length=60)


class Labels(_Strict):
    """Words for ids that are not catalogue entries (labels.yaml)."""

    strength_groups: dict[StrengthGroup, str]
    nations: dict[NationId, str]
    work_situations: dict[str, str]


class LanguageRules(_Strict):
    banned_phrases: tuple[str, ...]
    fact_markers: tuple[str, ...] = Field(
        min_length=1,
        description="Words that show a step names a service, a number, a cost, hours or a "
        "rule: such a step carries a source.",
    )
    max_grade_level: float
    min_median_reading_ease: float
    reasons_never_say: tuple[str, ...] = Field(
        default=(),
        description="Words a reason (a slot's, a review move's, or a strength, barrier or aim's "
        "'because') never says: they would frame a language or a diagnosis as a problem.",
    )
    no_strength_reason_for: tuple[str, ...] = Field(
        default=(),
        description="Barriers a step that eases them is never picked for by a strength: "
        "'because you are honest' on what to tell an employer reads as pressure to tell.",
    )


class Library(BaseModel):
    """The whole goal library, loaded and checked."""

    model_config = ConfigDict(frozen=True)

    steps: tuple[LibraryStep, ...]
    strengths: tuple[Strength, ...]
    barriers: tuple[Barrier, ...]
    aims: tuple[Aim, ...] = ()
    stages: tuple[StageWording, ...]
    signposts: Signposts
    rules: PlanningRules
    language: LanguageRules
    prompts: tuple[WordPrompt, ...] = ()
    areas: tuple[AreaLabel, ...] = ()
    labels: Labels | None = None

    _steps_by_id: dict[str, LibraryStep] = PrivateAttr(default_factory=dict)
    _strengths_by_id: dict[str, Strength] = PrivateAttr(default_factory=dict)
    _barriers_by_id: dict[str, Barrier] = PrivateAttr(default_factory=dict)
    _aims_by_id: dict[str, Aim] = PrivateAttr(default_factory=dict)
    _order: dict[str, int] = PrivateAttr(default_factory=dict)
    _by_area: dict[str, tuple[LibraryStep, ...]] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: object, /) -> None:
        self._steps_by_id = {s.id: s for s in self.steps}
        self._strengths_by_id = {s.id: s for s in self.strengths}
        self._barriers_by_id = {b.id: b for b in self.barriers}
        self._aims_by_id = {a.id: a for a in self.aims}
        self._order = {s.id: index for index, s in enumerate(self.steps)}
        self._by_area = {area: tuple(s for s in self.steps if s.area == area) for area in AREA_IDS}

    def step(self, step_id: str) -> LibraryStep:
        return self._steps_by_id[step_id]

    def has_step(self, step_id: str) -> bool:
        return step_id in self._steps_by_id

    def strength(self, strength_id: str) -> Strength:
        return self._strengths_by_id[strength_id]

    def barrier(self, barrier_id: str) -> Barrier:
        return self._barriers_by_id[barrier_id]

    def aim(self, aim_id: str) -> Aim:
        return self._aims_by_id[aim_id]

    @property
    def aim_ids(self) -> frozenset[str]:
        return frozenset(self._aims_by_id)

    @property
    def strength_ids(self) -> frozenset[str]:
        return frozenset(self._strengths_by_id)

    @property
    def barrier_ids(self) -> frozenset[str]:
        return frozenset(self._barriers_by_id)

    def stage(self, number: int) -> StageWording:
        return next(s for s in self.stages if s.stage == number)

    def steps_in(self, area: str) -> tuple[LibraryStep, ...]:
        return self._by_area.get(area, ())

    def order(self, step_id: str) -> int:
        """The step's place in the library, the last tie-break in every ranking."""
        return self._order[step_id]
