"""`python -m planner explain`: for each open area, every step and why it was taken or left.

It asks the same policy and the same chooser as `suggest`, so what it says is what happened.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from goal_library.models import Library
from planner.models import Plan, Profile
from planner.policy import Scope, candidates, refusals, score
from planner.prompts import as_read
from planner.rules import aims_of, effective_stage, grade_window, open_areas, step_cap
from planner.suggest import build_plan, slot_open


@dataclass(frozen=True)
class Verdict:
    step_id: str
    grade: int
    outcome: str  # "taken", "offered", "left"
    why: str
    points: int | None = None


@dataclass
class AreaExplanation:
    area: str
    stage: int
    window: tuple[int, ...]
    opened_by: str
    verdicts: list[Verdict] = field(default_factory=list)


@dataclass(frozen=True)
class SlotVerdict:
    slot: str
    open: bool
    took: tuple[str, ...]


@dataclass
class Explanation:
    cap: int
    draft: list[tuple[str, str]]  # (step id, slot)
    areas: list[AreaExplanation]
    slots: list[SlotVerdict] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "cap": self.cap,
            "draft": [{"id": i, "slot": slot} for i, slot in self.draft],
            "slots": [{"slot": v.slot, "open": v.open, "took": list(v.took)} for v in self.slots],
            "areas": [
                {
                    "area": a.area,
                    "stage": a.stage,
                    "window": list(a.window),
                    "opened_by": a.opened_by,
                    "steps": [vars(v) for v in a.verdicts],
                }
                for a in self.areas
            ],
        }


def explain(profile: Profile, library: Library) -> Explanation:
    plan = build_plan(profile, library)
    # The draft reads the person's words; so does the explanation of it.
    profile = as_read(profile, library)
    taken = {s.id: (n, s.trace.slot if s.trace else "") for n, s in enumerate(plan.steps, 1)}
    areas = []
    for area in open_areas(profile, library):
        stage = effective_stage(profile, area)
        explained = AreaExplanation(
            area, stage, grade_window(stage), _opened_by(area, profile, library)
        )
        explained.verdicts = _verdicts(area, profile, library, plan, taken)
        areas.append(explained)
    cap = step_cap(profile, library.rules)
    draft = [(s.id, s.trace.slot if s.trace else "") for s in plan.steps]
    slots = [
        SlotVerdict(
            slot.id,
            slot_open(slot.when, profile, cap, library),
            tuple(i for i, taken_by in draft if taken_by == slot.id),
        )
        for slot in library.rules.slots
    ]
    return Explanation(cap=cap, draft=draft, areas=areas, slots=slots)


def _verdicts(
    area: str,
    profile: Profile,
    library: Library,
    plan: Plan,
    taken: dict[str, tuple[int, str]],
) -> list[Verdict]:
    offered = {s.id: n for n, s in enumerate(plan.alternatives.get(area, []), 1)}
    family_of_taken = {library.step(i).family_id: i for i in taken}
    family_of_offered = {library.step(i).family_id: i for i in offered}
    ranked = candidates(area, profile, library)
    rank = {s.id: n for n, s in enumerate(ranked, 1)}
    verdicts = []
    for step in sorted(library.steps_in(area), key=lambda s: (s.grade, library.order(s.id))):
        points = score(step, profile, library).points
        if step.id in taken:
            number, slot = taken[step.id]
            verdicts.append(Verdict(step.id, step.grade, "taken", f"step {number}, {slot}", points))
            continue
        if step.id in offered:
            why = f"alternative {offered[step.id]}"
            verdicts.append(Verdict(step.id, step.grade, "offered", why, points))
            continue
        refused = refusals(step, profile, library, Scope.SUGGESTED)
        if refused:
            why = "; ".join(f"{r.rule}: {r.detail}" for r in refused)
        elif step.family_id in family_of_taken:
            why = f"family {step.family_id} already taken by {family_of_taken[step.family_id]}"
        elif step.family_id in family_of_offered:
            other = family_of_offered[step.family_id]
            why = f"family {step.family_id} already offered by {other}"
        else:
            why = f"lower rank (#{rank[step.id]} of {len(ranked)})"
        verdicts.append(Verdict(step.id, step.grade, "left", why, points))
    return verdicts


def _opened_by(area: str, profile: Profile, library: Library) -> str:
    rules = library.rules
    reasons = []
    if area in rules.focus_areas[profile.stage]:
        reasons.append(f"stage {profile.stage}")
    if area == rules.basic_needs.area and any(
        b in profile.barriers for b in rules.basic_needs.barriers
    ):
        reasons.append("basic needs")
    reasons += [f"aim {a}" for a in aims_of(profile, rules) if area in library.aim(a).areas]
    if area in rules.work_situation_areas.get(profile.work_situation or "", ()):
        reasons.append(f"work situation {profile.work_situation}")
    if area in profile.area_stages:
        reasons.append("area stage set")
    return ", ".join(reasons)


def explanation_text(explanation: Explanation) -> str:
    lines = [f"Draft plan (cap {explanation.cap}):"]
    lines += [f"  {n}. {i} [{slot}]" for n, (i, slot) in enumerate(explanation.draft, 1)]
    lines += ["", "Slots, in order (rules.yaml):"]
    for v in explanation.slots:
        state = (
            ("took " + ", ".join(v.took))
            if v.took
            else ("open, nothing taken" if v.open else "closed")
        )
        lines.append(f"  {v.slot}: {state}")
    for area in explanation.areas:
        window = ", ".join(str(g) for g in area.window)
        lines += [
            "",
            f"{area.area}: stage {area.stage}, grades {window}; open because of {area.opened_by}",
        ]
        for v in area.verdicts:
            points = "" if v.points is None else f" ({v.points} pts)"
            lines.append(f"  {v.outcome:<7} g{v.grade} {v.step_id}{points}: {v.why}")
    return "\n".join(lines)
