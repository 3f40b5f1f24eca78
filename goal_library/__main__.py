"""`python -m goal_library check | export | facts`: lint the library, print it as JSON, or
list its facts and their sources for a re-check."""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

from goal_library.export import library_as_json
from goal_library.facts import facts_text
from goal_library.lint import GRADES, LintReport, lint_library
from goal_library.loader import DATA_DIR, LibraryError, load_library, local_library_dir
from goal_library.models import AREA_IDS, NATION_IDS, Library


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m goal_library", description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="the library folder to use")
    parser.add_argument(
        "--local",
        type=Path,
        default=None,
        help="a team's local library folder to merge over it "
        "(default: RIGHT_STEPS_LOCAL_LIBRARY, if set)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser(
        "check", help="load and lint the library; exit 1 if anything is wrong"
    )
    check.add_argument(
        "--area", choices=AREA_IDS, help="show only the problems with one life area's steps"
    )
    commands.add_parser("export", help="print the whole library as JSON")
    facts = commands.add_parser(
        "facts", help="list every fact with its sources and their age, nation by nation"
    )
    facts.add_argument("--nation", choices=NATION_IDS, help="only the facts for one nation")
    facts.add_argument(
        "--older-than",
        type=int,
        default=0,
        metavar="DAYS",
        help="only facts with a source checked more than DAYS days ago",
    )
    args = parser.parse_args(argv)

    try:
        library = load_library(args.data, local_dir=args.local or local_library_dir())
    except LibraryError as error:
        print(
            f"The library could not be loaded ({len(error.problems)} problem(s)):", file=sys.stderr
        )
        for problem in error.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1

    if args.command == "export":
        json.dump(library_as_json(library), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0

    if args.command == "facts":
        nations = (args.nation,) if args.nation else NATION_IDS
        today = datetime.date.today()
        print(facts_text(library, today, nations=nations, older_than_days=args.older_than))
        return 0

    report = lint_library(library)
    if args.area:
        report.problems = _problems_in_area(report.problems, library, args.area)
    print(_coverage_text(report))
    for warning in report.warnings:
        print(f"  warning: {warning}")
    print(
        f"\n{len(library.steps)} steps. Median reading ease {report.median_reading_ease:.1f}, "
        f"median reading grade {report.median_grade_level:.1f}."
    )
    if report.problems:
        print(f"\n{len(report.problems)} problem(s):", file=sys.stderr)
        for problem in report.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    print("The library is clean.")
    return 0


def _problems_in_area(problems: list[str], library: Library, area: str) -> list[str]:
    """Problems that name one of the area's steps, or the area itself."""
    names = [f"step '{s.id}'" for s in library.steps_in(area)] + [area]
    return [p for p in problems if any(name in p for name in names)]


def _coverage_text(report: LintReport) -> str:
    width = max(len(area) for area in report.coverage)
    header = "area".ljust(width) + "".join(f"  g{g}" for g in GRADES) + "  total"
    rows = [
        area.ljust(width) + "".join(f"{row[g]:4d}" for g in GRADES) + f"{sum(row.values()):7d}"
        for area, row in report.coverage.items()
    ]
    return "\n".join([header, *rows])


if __name__ == "__main__":
    sys.exit(main())
