"""How long a typical plan takes to print, against a one-paragraph document with the same fonts."""

from __future__ import annotations

import datetime
import io
import statistics
import time

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, SimpleDocTemplate

from goal_library.loader import load_library
from planner.editing import add_own_step, update_details
from planner.fonts import register_fonts
from planner.html_copy import render_html
from planner.models import Plan, Profile
from planner.pdf import print_styles, render_pdf
from planner.suggest import build_plan

_TODAY = datetime.date(2026, 11, 23)


def typical_plan() -> Plan:
    library = load_library()
    plan = build_plan(
        Profile(
            stage=3,
            preferred_name="Sam",
            hopes="To get out more, sleep better and see my friends again.",
            strengths=["animals", "kind", "cooking"],
            barriers=["poor_sleep"],
        ),
        library,
    )
    plan = update_details(
        plan,
        plan.steps[0].id,
        when="Tuesday and Thursday afternoons",
        who_can_help="My sister",
        if_then="If I feel too anxious, then I will go for five minutes only",
        confidence=7,
    )
    return add_own_step(plan, "people_and_connection", "Ring Mam on Sunday")


def one_paragraph_pdf() -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(
        [Paragraph("Hello from Right Steps.", print_styles(14).body)]
    )
    return buffer.getvalue()


def _median_ms(action, repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def report(repeats: int = 30) -> list[str]:
    library = load_library()
    plan = typical_plan()
    render_pdf(plan, library, _TODAY)  # fonts registered and parsed once, as in the app
    plan_ms = _median_ms(lambda: render_pdf(plan, library, _TODAY), repeats)
    large_ms = _median_ms(lambda: render_pdf(plan, library, _TODAY, large_print=True), repeats)
    baseline_ms = _median_ms(one_paragraph_pdf, repeats)
    html_ms = _median_ms(lambda: render_html(plan, library, _TODAY), repeats)
    return [
        f"typical plan PDF ({len(plan.steps)} steps, {repeats} runs): median {plan_ms:.1f} ms; "
        f"large print {large_ms:.1f} ms",
        f"one-paragraph reportlab PDF, same fonts: median {baseline_ms:.1f} ms; "
        f"ratio plan / one paragraph {plan_ms / baseline_ms:.1f}x",
        f"accessible HTML copy: median {html_ms:.2f} ms",
    ]
