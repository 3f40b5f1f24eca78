"""One appointment, as one typed model: the answers, the plan, the review and the page.

The app keeps exactly one `Appointment` in the session; its JSON is the draft that protects the
work from a lost page. Starting, reopening a plan and finishing each make a new one, with a new
id, so nothing of one person's appointment can reach the next. This module holds no Streamlit.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    ValidationInfo,
    field_validator,
)

from goal_library.models import AreaId, Library, NationId
from planner.errors import InputError
from planner.inputs import profile_from_data
from planner.models import (
    NAME_MAX_CHARS,
    LanguageCode,
    Outcome,
    OwnWords,
    Plan,
    PlanDate,
    PrintFormat,
    Profile,
    SetAsideWords,
    ShortText,
    Stage,
    StepId,
    WorkHours,
    WorkSituation,
)

DRAFT_ID_PATTERN = r"^[A-Za-z0-9_-]{20,64}$"
ChoiceId = Annotated[StrictStr, Field(max_length=80)]


class Answers(BaseModel):
    """What the person said about themselves; the profile is made from these."""

    model_config = ConfigDict(extra="forbid")

    preferred_name: Annotated[StrictStr, Field(max_length=NAME_MAX_CHARS)] = ""
    hopes: OwnWords = ""
    aims: list[ChoiceId] = Field(default_factory=list, max_length=20)
    stage: Stage | None = None
    area_stages: dict[AreaId, Stage] = Field(default_factory=dict)
    strengths: list[ChoiceId] = Field(default_factory=list, max_length=100)
    strengths_own_words: OwnWords = ""
    barriers: list[ChoiceId] = Field(default_factory=list, max_length=100)
    barriers_own_words: OwnWords = ""
    # What was said at the last review: carried, and read like their own words.
    review_words: OwnWords = ""
    nation: NationId = "england"
    work_situation: WorkSituation | None = None
    work_hours: WorkHours | None = None
    crisis_noted_on: PlanDate | None = None
    language: LanguageCode = "en"
    print_format: PrintFormat = "clear"
    words_set_aside: list[SetAsideWords] = Field(default_factory=list, max_length=60)

    @field_validator("aims", "strengths", "barriers")
    @classmethod
    def _only_known(cls, ids: list[str], info: ValidationInfo) -> list[str]:
        # A draft written before the library changed may name an entry it no longer has: the
        # screen can only show known entries, so the rest are left out rather than refused.
        library = (info.context or {}).get("library") if isinstance(info.context, dict) else None
        if isinstance(library, Library):
            known = {
                "aims": library.aim_ids,
                "strengths": library.strength_ids,
                "barriers": library.barrier_ids,
            }[info.field_name or ""]
            ids = [i for i in ids if i in known]
        return list(dict.fromkeys(ids))

    @classmethod
    def from_profile(cls, profile: Profile) -> Answers:
        return cls.model_validate(profile.model_dump())

    def profile(self, library: Library) -> Profile:
        """The profile for these answers; InputError with a plain message if it is not ready."""
        if self.stage is None:
            raise InputError("Please choose where you are now first.")
        return profile_from_data(self.model_dump(), library)


class Review(BaseModel):
    """Looking again at a saved plan: how each step went, in the person's words too."""

    model_config = ConfigDict(extra="forbid")

    plan: Plan
    outcomes: dict[StepId, Outcome] = Field(default_factory=dict, max_length=50)
    words: dict[StepId, ShortText] = Field(default_factory=dict, max_length=50)
    went_well: OwnWords = ""

    def answered(self) -> tuple[dict[str, str], dict[str, str], str]:
        """(outcomes, the person's words per step, what went well), for this plan's steps only."""
        ids = {step.id for step in self.plan.steps}
        outcomes = {k: v for k, v in self.outcomes.items() if k in ids}
        words = {k: v for k, v in self.words.items() if k in ids and v}
        return outcomes, words, self.went_well


class Appointment(BaseModel):
    """Everything about the appointment in progress, and nothing else."""

    model_config = ConfigDict(extra="forbid")

    id: Annotated[StrictStr, Field(pattern=DRAFT_ID_PATTERN)]
    page: Annotated[StrictInt, Field(ge=0, le=20)] = 0
    answers: Answers = Field(default_factory=Answers)
    plan: Plan | None = None
    # What the plan was built from (a fingerprint): the plan is rebuilt when this changes.
    built_from: Annotated[StrictStr, Field(max_length=64)] | None = None
    review: Review | None = None
    large_print: StrictBool = False
    # The steps the last draft suggested, before any change: a new draft for changed answers
    # keeps the person's removals, swaps and additions (None: not known, for an older draft).
    drafted: list[StepId] | None = Field(default=None, max_length=50)
    # The fingerprint of the plan as last saved, so the page knows whether it changed since.
    saved_as: Annotated[StrictStr, Field(max_length=64)] | None = None
    # ...and as last downloaded, so finishing can ask before a plan nobody has is cleared.
    downloaded_as: Annotated[StrictStr, Field(max_length=64)] | None = None

    @classmethod
    def new(cls, **fields: object) -> Appointment:
        return cls(id=new_appointment_id(), **fields)  # type: ignore[arg-type]

    def draft(self) -> dict:
        """The draft kept in the store: this model's JSON."""
        return self.model_dump(mode="json")

    @classmethod
    def from_draft(cls, payload: object, library: Library) -> Appointment:
        """The appointment from a kept draft; ValueError (pydantic's) if it does not fit."""
        return cls.model_validate(payload, context={"library": library})

    def plan_is_saved(self) -> bool:
        return self.plan is not None and self.saved_as == fingerprint(self.plan)

    def plan_is_downloaded(self) -> bool:
        return self.plan is not None and self.downloaded_as == fingerprint(self.plan)

    def would_lose(self) -> tuple[str, ...]:
        """What finishing now would lose, a plain sentence each: nothing once the plan as it
        stands is both saved and downloaded, or when nothing was entered."""
        if self.plan is None:
            return (ANSWERS_NOT_KEPT,) if self.answers != Answers() else ()
        lost = []
        if not self.plan_is_saved():
            lost.append(PLAN_NOT_SAVED if self.saved_as is None else CHANGES_NOT_SAVED)
        if not self.plan_is_downloaded():
            lost.append(NO_COPY_DOWNLOADED)
        return tuple(lost)


ANSWERS_NOT_KEPT = "The answers given so far are not kept anywhere."
PLAN_NOT_SAVED = "The plan is not saved."
CHANGES_NOT_SAVED = "The latest changes to the plan are not saved."
NO_COPY_DOWNLOADED = "No copy of the plan as it is now has been downloaded."


def new_appointment_id() -> str:
    return secrets.token_urlsafe(24)


def fingerprint(model: BaseModel | object) -> str:
    """A short, stable digest of a model's (or plain data's) JSON."""
    data = model.model_dump(mode="json") if isinstance(model, BaseModel) else model
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
