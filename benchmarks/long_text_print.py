"""How long the longest answers take to print, in clear and large print.

Each case puts text at the model's own limits into a plan and times the PDF. The last case
fills every text field of a plan, with 50 steps, at its limit. The bound the product promises:
any one field at its limit prints in 2 s or less; a plan with every field at its limit, in 5 s.
"""

from __future__ import annotations

import datetime
import random
import time

from goal_library.loader import load_library
from planner.models import (
    MAX_STEPS,
    NAME_MAX_CHARS,
    OWN_WORDS_MAX_CHARS,
    SHORT_TEXT_MAX_CHARS,
    Plan,
    PlanStep,
    Profile,
)
from planner.pdf import render_pdf
from planner.suggest import build_plan

_TODAY = datetime.date(2026, 12, 1)
ONE_FIELD_BOUND_S = 2.0
WHOLE_PLAN_BOUND_S = 5.0


def _fill(sample: str, length: int) -> str:
    return (sample * (length // len(sample) + 1))[:length]


TEXTS = {
    "10,000 emoji": "😊",
    "5,000 short lines": "ab\n",
    "10,000 Chinese characters": "我很好，谢谢。",
    "10,000 characters of Urdu": "میں ٹھیک ہوں۔ ",
    "10,000 characters of Bengali": "আমি ভালো আছি। ",
    "10,000 characters of Punjabi": "ਮੈਂ ਠੀਕ ਹਾਂ। ",
    "10,000 characters of Tamil": "நான் நலமாக இருக்கிறேன். ",
    "10,000 characters of Polish": "Dziękuję, czuję się dobrze. ",
    "one word of 10,000 letters": "a",
    "10,000 characters of markup": "<b>&amp;</b><br/>",
}


def one_field_plan(sample: str) -> Plan:
    text = _fill(sample, OWN_WORDS_MAX_CHARS)
    return build_plan(Profile(stage=3, hopes=text), load_library())


_LETTERS = ("abcdefghij", "میںٹھیکہوابت", "আমিভালোছকখগ", "ਮੈਂਠੀਕਹਾਸਰਦ", "நலமாகஇருக்", "我很好谢今天")


def _unrepeated(length: int, seed: int) -> str:
    """Words of mixed scripts, each made up at random, so no word is shaped twice."""
    rng = random.Random(seed)
    words: list[str] = []
    while sum(len(word) + 1 for word in words) < length:
        letters = rng.choice(_LETTERS)
        words.append("".join(rng.choice(letters) for _ in range(rng.randint(2, 9))))
    return " ".join(words)[:length]


def full_plan(*, repeated: bool = True) -> Plan:
    """Every text field of the plan at its limit, mixing scripts; with every word new when
    `repeated` is false, which is the slowest to shape."""
    mixed = "Walk 😊 我很好 میں ٹھیک ہوں আমি ভালো ਮੈਂ ਠੀਕ நலம் Dzięki. "
    seeds = iter(range(1_000))

    def text(length: int) -> str:
        return _fill(mixed, length) if repeated else _unrepeated(length, next(seeds))

    own = text(OWN_WORDS_MAX_CHARS)
    profile = Profile(
        stage=3,
        preferred_name=text(NAME_MAX_CHARS),
        hopes=own,
        strengths_own_words=text(OWN_WORDS_MAX_CHARS),
        barriers_own_words=text(OWN_WORDS_MAX_CHARS),
    )
    plan = build_plan(profile, load_library())
    steps = [
        PlanStep(
            id=f"own_{number}",
            area="getting_out",
            title=text(SHORT_TEXT_MAX_CHARS),
            detail=text(SHORT_TEXT_MAX_CHARS),
            why=text(SHORT_TEXT_MAX_CHARS),
            when=text(SHORT_TEXT_MAX_CHARS),
            who_can_help=text(SHORT_TEXT_MAX_CHARS),
            if_then=text(SHORT_TEXT_MAX_CHARS),
            confidence=5,
            own_words=True,
        )
        for number in range(MAX_STEPS)
    ]
    reviewed = [step.model_copy(update={"outcome": "done"}) for step in steps]
    return plan.model_copy(
        update={
            "steps": steps,
            "reviewed_steps": reviewed,
            "what_went_well": text(OWN_WORDS_MAX_CHARS),
        }
    )


def _seconds(plan: Plan, large_print: bool) -> float:
    library = load_library()
    start = time.perf_counter()
    render_pdf(plan, library, _TODAY, large_print=large_print)
    return time.perf_counter() - start


def report() -> list[str]:
    library = load_library()
    render_pdf(build_plan(Profile(stage=2), library), library, _TODAY)  # fonts loaded once
    lines = []
    for name, sample in TEXTS.items():
        plan = one_field_plan(sample)
        clear, large = _seconds(plan, False), _seconds(plan, True)
        within = "within" if max(clear, large) <= ONE_FIELD_BOUND_S else "OVER"
        lines.append(
            f"print, {name} in one answer: {clear:.2f} s clear, {large:.2f} s large "
            f"({within} {ONE_FIELD_BOUND_S:.0f} s)"
        )
    for repeated, how in ((True, "repeated words"), (False, "no word twice")):
        plan = full_plan(repeated=repeated)
        clear, large = _seconds(plan, False), _seconds(plan, True)
        within = "within" if max(clear, large) <= WHOLE_PLAN_BOUND_S else "OVER"
        lines.append(
            f"print, every field at its limit (50 steps, {how}): {clear:.2f} s clear, "
            f"{large:.2f} s large ({within} {WHOLE_PLAN_BOUND_S:.0f} s)"
        )
    return lines


if __name__ == "__main__":
    for line in report():
        print(line, flush=True)
