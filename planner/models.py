"""The claimant's profile and the plan, as validated models.

Free text is kept exactly as typed: no stripping, no rewriting. Ids are checked against the
library when a `library` is passed in the validation context (see `planner.inputs`).
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    StrictStr,
    ValidationInfo,
    field_validator,
    model_validator,
)

from goal_library.models import AreaId, Library, NationId, Signpost
from planner.reference import check_reference_form

M = TypeVar("M", bound=BaseModel)

PLAN_FORMAT = "right-steps-plan"
PLAN_FORMAT_VERSION = 1

NAME_MAX_CHARS = 60
OWN_WORDS_MAX_CHARS = 10_000
SHORT_TEXT_MAX_CHARS = 500
MAX_STEPS = 50
# Enough for years of reviews; a file holding more is not a plan Right Steps wrote.
MAX_STEPS_TAKEN = 1_000
MAX_VERSION = 100_000
EARLIEST_DATE = datetime.date(2000, 1, 1)
LATEST_DATE = datetime.date(2199, 12, 31)

Stage = Annotated[StrictInt, Field(ge=1, le=5)]
WorkSituation = Literal["not_working", "wants_work_now", "in_work", "starting_a_job", "studying"]
WorkHours = Annotated[StrictInt, Field(ge=1, le=80)]
LanguageCode = Literal["en", "cy"]
PrintFormat = Literal["clear", "large"]
Outcome = Literal["done", "partly", "not_yet", "not_for_me"]
Confidence = Annotated[StrictInt, Field(ge=0, le=10)]
OwnWords = Annotated[StrictStr, Field(max_length=OWN_WORDS_MAX_CHARS)]
SetAsideWords = Annotated[
    StrictStr,
    Field(pattern=r"^(barriers|strengths|work_situation|check|language):[a-z0-9_]{1,80}$"),
]
ShortText = Annotated[StrictStr, Field(max_length=SHORT_TEXT_MAX_CHARS)]
# Library ids and own-words step ids: lower-case letters, digits and underscores.
StepId = Annotated[StrictStr, Field(min_length=1, max_length=80, pattern=r"^[a-z0-9_]+$")]
CatalogueId = Annotated[StrictStr, Field(min_length=1, max_length=80, pattern=r"^[a-z0-9_]+$")]


def _plausible_date(day: datetime.date) -> datetime.date:
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise ValueError(f"needs to be a date between {EARLIEST_DATE.year} and {LATEST_DATE.year}")
    return day


PlanDate = Annotated[datetime.date, AfterValidator(_plausible_date)]


class Profile(BaseModel):
    """What the coach and the claimant agreed about where the claimant is now."""

    model_config = ConfigDict(extra="forbid")

    preferred_name: Annotated[StrictStr, Field(max_length=NAME_MAX_CHARS)] = ""
    stage: Stage
    area_stages: dict[AreaId, Stage] = Field(default_factory=dict)
    aims: list[Annotated[StrictStr, Field(max_length=80)]] = Field(
        default_factory=list,
        max_length=20,
        description="What the person wants to work towards, in their own order (aims.yaml).",
    )
    strengths: list[Annotated[StrictStr, Field(max_length=80)]] = Field(
        default_factory=list, max_length=100
    )
    barriers: list[Annotated[StrictStr, Field(max_length=80)]] = Field(
        default_factory=list, max_length=100
    )
    strengths_own_words: OwnWords = ""
    barriers_own_words: OwnWords = ""
    hopes: OwnWords = ""
    review_words: OwnWords = Field(
        default="",
        description="What the person said at the last review (what went well, and about each "
        "step): read like their own words, so a need they raise there is heard.",
    )
    nation: NationId = "england"
    work_situation: WorkSituation | None = Field(
        default=None,
        description="not_working, wants_work_now, in_work (with work_hours), starting_a_job "
        "or studying.",
    )
    work_hours: WorkHours | None = Field(default=None, description="Hours a week, when in work.")
    crisis_noted_on: PlanDate | None = Field(
        default=None,
        description="When a very hard time (recent_crisis) was last noted: it lapses after "
        "eight weeks at a review unless renewed.",
    )
    language: LanguageCode = "en"
    print_format: PrintFormat = "clear"
    words_set_aside: list[SetAsideWords] = Field(
        default_factory=list,
        max_length=60,
        description="Prompts from the person's own words that the coach and the person said "
        'are not right, as "field:value" (for example "barriers:housing_problems"); the draft '
        "no longer reads them.",
    )

    @field_validator("aims", "strengths", "barriers")
    @classmethod
    def _known_and_unique(cls, ids: list[str], info: ValidationInfo) -> list[str]:
        library = _library_from(info)
        if library is not None:
            known = {
                "aims": library.aim_ids,
                "strengths": library.strength_ids,
                "barriers": library.barrier_ids,
            }[info.field_name or ""]
            unknown = [i for i in ids if i not in known]
            if unknown:
                raise ValueError(
                    f"unknown id(s) {', '.join(repr(i) for i in unknown)}; "
                    f"known ids are: {', '.join(sorted(known))}"
                )
        return list(dict.fromkeys(ids))


class TakenStep(BaseModel):
    """A step the person marked done at a review, kept so progress can be shown."""

    model_config = ConfigDict(extra="forbid")

    title: Annotated[StrictStr, Field(min_length=1, max_length=SHORT_TEXT_MAX_CHARS)]
    area: AreaId
    done_on: PlanDate
    id: StepId | None = Field(default=None, description="The step's id: never offered again.")


# A slot of rules.yaml `slots`, or "alternative" (or a name an older plan used).
TraceSlot = Annotated[StrictStr, Field(min_length=1, max_length=40, pattern=r"^[a-z0-9_]+$")]


class StepTrace(BaseModel):
    """Why the rules offered this step: what admitted it, its score, and what it beat."""

    model_config = ConfigDict(extra="forbid")

    slot: TraceSlot = Field(description="The rule that put the step where it is in the plan.")
    admitted_by: list[Annotated[StrictStr, Field(max_length=200)]] = Field(
        default_factory=list, max_length=20
    )
    score: dict[Annotated[StrictStr, Field(max_length=40)], StrictInt] = Field(
        default_factory=dict, max_length=10
    )
    beat: list[Annotated[StrictStr, Field(max_length=80)]] = Field(
        default_factory=list, max_length=10, description="Steps ranked below it for its place."
    )


class PlanStep(BaseModel):
    """A step in a plan: from the library with its reasons, or in the person's own words."""

    model_config = ConfigDict(extra="forbid")

    id: StepId
    area: AreaId
    grade: Stage | None = None
    title: Annotated[StrictStr, Field(min_length=1, max_length=SHORT_TEXT_MAX_CHARS)]
    detail: ShortText = ""
    why: ShortText = ""
    reasons: list[ShortText] = Field(default_factory=list, max_length=10)
    strengths_used: list[CatalogueId] = Field(default_factory=list, max_length=100)
    barriers_eased: list[CatalogueId] = Field(default_factory=list, max_length=100)
    smaller: StepId | None = None
    next: StepId | None = None
    own_words: bool = Field(
        default=False, description="True when the person wrote this step themselves."
    )
    # Made concrete together at the appointment.
    when: ShortText = ""
    who_can_help: ShortText = ""
    if_then: ShortText = ""
    confidence: Confidence | None = None
    # Filled in at a review: how it went, in the person's words.
    outcome: Outcome | None = None
    outcome_words: OwnWords = ""
    trace: StepTrace | None = None


class ReadFromWords(BaseModel):
    """Something the draft took from the person's own words, for the coach and the person to
    confirm (add it to the answers) or set aside."""

    model_config = ConfigDict(extra="forbid")

    topic: ShortText
    answer: Literal["barriers", "strengths", "work_situation", "check"]
    value: Annotated[StrictStr, Field(max_length=80)]
    label: ShortText


class Plan(BaseModel):
    """A draft or agreed plan. Its JSON is the document every later command reads."""

    model_config = ConfigDict(extra="forbid")

    format: Literal["right-steps-plan"] = PLAN_FORMAT
    format_version: Literal[1] = PLAN_FORMAT_VERSION
    profile: Profile
    max_steps: StrictInt = Field(ge=1, le=10)
    steps: list[PlanStep] = Field(default_factory=list, max_length=MAX_STEPS)
    alternatives: dict[AreaId, Annotated[list[PlanStep], Field(max_length=20)]] = Field(
        default_factory=dict
    )
    signposts: list[Signpost] = Field(default_factory=list, max_length=30)
    notes: list[ShortText] = Field(default_factory=list, max_length=10)
    # What the draft read in the person's words and treated as said, until they answer.
    read_from_words: list[ReadFromWords] = Field(default_factory=list, max_length=60)
    created_on: PlanDate | None = None
    review_on: PlanDate | None = None
    # Set when the plan is saved: the code printed on the plan, and which saved version this is.
    reference: Annotated[StrictStr, AfterValidator(check_reference_form)] | None = None
    version: StrictInt | None = Field(default=None, ge=1, le=MAX_VERSION)
    # Set when the plan came from a review of an earlier version.
    reviewed_on: PlanDate | None = None
    what_went_well: OwnWords = ""
    steps_taken: list[TakenStep] = Field(default_factory=list, max_length=MAX_STEPS_TAKEN)
    reviewed_steps: list[PlanStep] = Field(
        default_factory=list,
        max_length=MAX_STEPS,
        description="The last plan's steps, with how each one went.",
    )
    not_for_me: list[StepId] = Field(
        default_factory=list,
        max_length=MAX_STEPS_TAKEN,
        description="Library steps the person said were not for them at a review: no later "
        "review or draft of this plan offers them again (they can still be added by hand).",
    )

    @model_validator(mode="after")
    def _one_step_per_id(self) -> Plan:
        for field, steps in (("steps", self.steps), ("reviewed_steps", self.reviewed_steps)):
            seen: set[str] = set()
            for step in steps:
                if step.id in seen:
                    raise ValueError(f"{field} has two steps with the id {step.id!r}")
                seen.add(step.id)
        return self


# What the person agreed for a step: it stays with the step when the plan is drafted again or
# the step carries on at a review.
AGREED_FIELDS = ("when", "who_can_help", "if_then", "confidence")


def agreed_for(step: PlanStep) -> dict[str, object]:
    return {name: getattr(step, name) for name in AGREED_FIELDS}


def revised(model: M, library: Library | None = None, **changes: object) -> M:
    """A copy of `model` with `changes`, validated as a whole.

    `model_copy(update=...)` checks nothing, so every edit goes through here: a plan an edit
    makes can always be saved and opened again. Raises pydantic's ValidationError.
    """
    data = model.model_copy(update=changes).model_dump()
    context = {"library": library} if library is not None else None
    return type(model).model_validate(data, context=context)


def _library_from(info: ValidationInfo) -> Library | None:
    context = info.context or {}
    library = context.get("library") if isinstance(context, dict) else None
    return library if isinstance(library, Library) else None


class ReviewChanges(BaseModel):
    """What a review changes about the person; a field left out stays as it was."""

    model_config = ConfigDict(extra="forbid")

    aims: list[Annotated[StrictStr, Field(max_length=80)]] | None = Field(
        default=None, max_length=20
    )
    strengths: list[Annotated[StrictStr, Field(max_length=80)]] | None = Field(
        default=None, max_length=100
    )
    barriers: list[Annotated[StrictStr, Field(max_length=80)]] | None = Field(
        default=None, max_length=100
    )
    work_situation: WorkSituation | None = None
    work_hours: WorkHours | None = None
    crisis: Literal["renew", "clear"] | None = Field(
        default=None,
        description="renew: the very hard time is still recent (it lapses after eight weeks "
        "otherwise); clear: it is over.",
    )

    @field_validator("aims", "strengths", "barriers")
    @classmethod
    def _known(cls, ids: list[str] | None, info: ValidationInfo) -> list[str] | None:
        if ids is None:
            return None
        return Profile._known_and_unique(ids, info)


class ReviewAnswers(BaseModel):
    """What was agreed at a review (the OUTCOMES.json of `python -m planner review`)."""

    model_config = ConfigDict(extra="forbid")

    outcomes: dict[StepId, Outcome] = Field(max_length=MAX_STEPS)
    stage: Stage | None = None
    area_stages: dict[AreaId, Stage] | None = None
    what_went_well: OwnWords = ""
    outcome_words: dict[StepId, OwnWords] = Field(default_factory=dict, max_length=MAX_STEPS)
    changes: ReviewChanges | None = None
