"""The planner's commands: suggest, explain, examples, schema, pdf, html, review and read.

Each handler imports what it needs when it runs, so a command never loads more than it uses.
"""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path
from typing import Any

from cli.runner import print_json, read_input, write_output
from goal_library.loader import default_library
from planner.inputs import (
    MAX_PLAN_BYTES,
    MAX_SAVED_FILE_BYTES,
    plan_from_bytes,
    profile_from_bytes,
    review_answers_from_bytes,
)


def add_plan_commands(commands: Any) -> None:
    suggest = commands.add_parser("suggest", help="print a draft plan for a profile, as JSON")
    suggest.add_argument("profile", help="the profile JSON file, or - to read standard input")
    suggest.set_defaults(run=_suggest)

    schema = commands.add_parser(
        "schema", help="print the JSON Schemas of the profile and the plan"
    )
    schema.set_defaults(run=_schema)

    pdf = commands.add_parser("pdf", help="write the plan as a clear-print PDF")
    pdf.add_argument("plan", help="the plan JSON file (for example from suggest), or -")
    pdf.add_argument("-o", "--output", required=True, help="the PDF file to write")
    pdf.add_argument("--large-print", action="store_true", help="18 pt body text instead of 14 pt")
    pdf.set_defaults(run=_pdf)

    html = commands.add_parser("html", help="write the plan as an accessible HTML page")
    html.add_argument("plan", help="the plan JSON file, or -")
    html.add_argument("-o", "--output", required=True, help="the HTML file to write")
    html.add_argument("--large-print", action="store_true", help="18 pt body text")
    html.set_defaults(run=_html)

    review = commands.add_parser("review", help="print the next draft plan after a review")
    review.add_argument("plan", help="the plan that was reviewed (JSON, or a Right Steps PDF)")
    review.add_argument("outcomes", help='how each step went: {"outcomes": {"<step id>": "done"}}')
    review.set_defaults(run=_review)

    explain = commands.add_parser(
        "explain", help="for each open area, every step and why it was taken or left"
    )
    explain.add_argument("profile", help="the profile JSON file, or - to read standard input")
    explain.add_argument("--json", action="store_true", help="print the explanation as JSON")
    explain.set_defaults(run=_explain)

    examples = commands.add_parser(
        "examples", help="write the example gallery of draft plans (docs/example-plans.md)"
    )
    examples.add_argument("-o", "--output", help="write here instead of docs/example-plans.md")
    examples.set_defaults(run=_examples)

    read = commands.add_parser("read", help="print the plan JSON attached to a Right Steps PDF")
    read.add_argument("pdf", help="a PDF written by Right Steps")
    read.set_defaults(run=_read)


def _suggest(args: argparse.Namespace) -> int:
    from planner.suggest import build_plan

    library = default_library()
    profile = profile_from_bytes(read_input(args.profile, "profile", MAX_PLAN_BYTES), library)
    print_json(build_plan(profile, library).model_dump(mode="json"))
    return 0


def _explain(args: argparse.Namespace) -> int:
    from planner.explain import explain, explanation_text

    library = default_library()
    profile = profile_from_bytes(read_input(args.profile, "profile", MAX_PLAN_BYTES), library)
    explanation = explain(profile, library)
    if args.json:
        print_json(explanation.as_json())
    else:
        print(explanation_text(explanation))
    return 0


def _examples(args: argparse.Namespace) -> int:
    from planner.examples import GALLERY_FILE, example_people, gallery_markdown

    library = default_library()
    text = gallery_markdown(library)
    target = Path(args.output) if args.output else GALLERY_FILE
    write_output(str(target), text.encode("utf-8"))
    print(f"Wrote {len(example_people(library))} example plans.")
    return 0


def _schema(args: argparse.Namespace) -> int:
    from planner.models import Plan, Profile

    print_json({"profile": Profile.model_json_schema(), "plan": Plan.model_json_schema()})
    return 0


def _pdf(args: argparse.Namespace) -> int:
    from planner.pdf import render_pdf

    library = default_library()
    plan = plan_from_bytes(read_input(args.plan, "plan", MAX_PLAN_BYTES), library)
    document = render_pdf(plan, library, datetime.date.today(), large_print=args.large_print)
    write_output(args.output, document)
    return 0


def _html(args: argparse.Namespace) -> int:
    from planner.html_copy import render_html

    library = default_library()
    plan = plan_from_bytes(read_input(args.plan, "plan", MAX_PLAN_BYTES), library)
    page = render_html(plan, library, datetime.date.today(), large_print=args.large_print)
    write_output(args.output, page.encode("utf-8"))
    return 0


def _review(args: argparse.Namespace) -> int:
    from planner.review import review_plan
    from planner.saved_files import plan_from_saved_file

    library = default_library()
    plan = plan_from_saved_file(read_input(args.plan, "plan", MAX_SAVED_FILE_BYTES), library)
    answers = review_answers_from_bytes(
        read_input(args.outcomes, "outcomes", MAX_PLAN_BYTES), plan, library
    )
    next_plan = review_plan(
        plan,
        answers.outcomes,
        library,
        datetime.date.today(),
        stage=answers.stage,
        area_stages=answers.area_stages,
        what_went_well=answers.what_went_well,
        outcome_words=answers.outcome_words,
        changes=answers.changes,
    )
    print_json(next_plan.model_dump(mode="json"))
    return 0


def _read(args: argparse.Namespace) -> int:
    from planner.saved_files import read_attached_plan

    library = default_library()
    plan = read_attached_plan(read_input(args.pdf, "PDF", MAX_SAVED_FILE_BYTES), library)
    print_json(plan.model_dump(mode="json"))
    return 0
