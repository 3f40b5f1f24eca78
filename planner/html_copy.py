"""The plan as a simple, semantic HTML page: the accessible copy for screen-reader users.

reportlab cannot write tagged PDF, so this page carries the same sections with real headings,
lists and `lang="en-GB"`. Jinja2 escapes every piece of text.
"""

from __future__ import annotations

import datetime
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from goal_library.models import Library
from planner.document import plan_sections, plan_title
from planner.models import Plan
from planner.print_sizes import CLEAR_PRINT_PT, LARGE_PRINT_PT


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("planner", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(
    plan: Plan, library: Library, made_on: datetime.date, *, large_print: bool = False
) -> str:
    template = _environment().get_template("plan.html")
    return template.render(
        title=plan_title(plan),
        sections=plan_sections(plan, library, made_on),
        body_pt=LARGE_PRINT_PT if large_print else CLEAR_PRINT_PT,
    )
