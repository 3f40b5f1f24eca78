"""The command line: suggest, explain, examples, schema, pdf, html, review and read.

See `python -m planner --help`.

Bad input exits 2 with one plain line on standard error; it never shows a traceback.
"""

from __future__ import annotations

import argparse
import datetime
import json
import logging
import sys
from pathlib import Path
from typing import Any

from goal_library.loader import LibraryError, default_library
from planner.examples import GALLERY_FILE, example_people, gallery_markdown
from planner.explain import explain, explanation_text
from planner.html_copy import render_html
from planner.inputs import (
    InputError,
    plan_from_bytes,
    profile_from_bytes,
    review_answers_from_bytes,
)
from planner.models import Plan, Profile
from planner.pdf import plan_from_saved_file, read_attached_plan, render_pdf
from planner.review import review_plan
from planner.suggest import build_plan
from store.cli import add_data_commands

EXIT_BAD_INPUT = 2
EXIT_BROKEN_LIBRARY = 3


def main(argv: list[str] | None = None) -> int:
    # pypdf logs its own warnings about damaged files; the person gets one plain line instead.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    return run_safely(_parser().parse_args(argv))


def run_safely(args: argparse.Namespace) -> int:
    """Run a parsed command; every failure becomes one plain line and an exit code."""
    try:
        return args.run(args)
    except InputError as error:
        return _fail(str(error))
    except BrokenPipeError:
        # The reader stopped early (for example `| head`); nothing more to say.
        sys.stderr.close()
        return 0
    except LibraryError as error:
        print(f"right-steps: the goal library is broken: {error.problems[0]}", file=sys.stderr)
        return EXIT_BROKEN_LIBRARY
    except Exception as error:
        # Never the error's own text: a database error could hold a connection address.
        print(
            f"right-steps: something went wrong inside Right Steps ({type(error).__name__}); "
            "please report it",
            file=sys.stderr,
        )
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m planner", description="Right Steps: build a graded action plan."
    )
    commands = parser.add_subparsers(dest="command", required=True)

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

    add_data_commands(commands)
    return parser


def _suggest(args: argparse.Namespace) -> int:
    library = default_library()
    profile = profile_from_bytes(read_input(args.profile, "profile"), library)
    _print_json(build_plan(profile, library).model_dump(mode="json"))
    return 0


def _explain(args: argparse.Namespace) -> int:
    library = default_library()
    profile = profile_from_bytes(read_input(args.profile, "profile"), library)
    explanation = explain(profile, library)
    if args.json:
        _print_json(explanation.as_json())
    else:
        print(explanation_text(explanation))
    return 0


def _examples(args: argparse.Namespace) -> int:
    library = default_library()
    text = gallery_markdown(library)
    target = Path(args.output) if args.output else GALLERY_FILE
    _write_output(str(target), text.encode("utf-8"))
    print(f"Wrote {len(example_people(library))} example plans.")
    return 0


def _schema(args: argparse.Namespace) -> int:
    _print_json(
        {
            "profile": Profile.model_json_schema(),
            "plan": Plan.model_json_schema(),
        }
    )
    return 0


def _pdf(args: argparse.Namespace) -> int:
    library = default_library()
    plan = plan_from_bytes(read_input(args.plan, "plan"), library)
    document = render_pdf(plan, library, datetime.date.today(), large_print=args.large_print)
    _write_output(args.output, document)
    return 0


def _html(args: argparse.Namespace) -> int:
    library = default_library()
    plan = plan_from_bytes(read_input(args.plan, "plan"), library)
    page = render_html(plan, library, datetime.date.today(), large_print=args.large_print)
    _write_output(args.output, page.encode("utf-8"))
    return 0


def _review(args: argparse.Namespace) -> int:
    library = default_library()
    plan = plan_from_saved_file(read_input(args.plan, "plan"), library)
    answers = review_answers_from_bytes(read_input(args.outcomes, "outcomes"), plan, library)
    next_plan = review_plan(
        plan,
        answers.outcomes,
        library,
        datetime.date.today(),
        stage=answers.stage,
        area_stages=answers.area_stages,
        what_went_well=answers.what_went_well,
        outcome_words=answers.outcome_words,
    )
    _print_json(next_plan.model_dump(mode="json"))
    return 0


def _read(args: argparse.Namespace) -> int:
    library = default_library()
    plan = read_attached_plan(read_input(args.pdf, "PDF"), library)
    _print_json(plan.model_dump(mode="json"))
    return 0


def _write_output(name: str, content: bytes) -> None:
    try:
        Path(name).write_bytes(content)
    except OSError as error:
        raise InputError(f"cannot write '{name}' ({error.strerror})") from error


def read_input(name: str, what: str) -> bytes:
    """The bytes of a named file, or of standard input for '-'."""
    if name == "-":
        return sys.stdin.buffer.read()
    path = Path(name)
    try:
        return path.read_bytes()
    except FileNotFoundError as error:
        raise InputError(f"the {what} file '{name}' does not exist") from error
    except IsADirectoryError as error:
        raise InputError(f"'{name}' is a folder, not a {what} file") from error
    except OSError as error:
        raise InputError(f"the {what} file '{name}' cannot be read ({error.strerror})") from error


def _print_json(document: Any) -> None:
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _fail(message: str) -> int:
    print(f"right-steps: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT
