"""The `data` command: save, export, delete and purge saved plans.

`add_data_commands(subparsers)` adds it to any argparse command line (`python -m store` and
`python -m planner`). Each handler returns the exit code and raises `InputError` for bad input,
which the caller turns into exit code 2 and one plain line.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any

from goal_library.loader import default_library
from planner.inputs import InputError, plan_from_bytes
from store import settings
from store.errors import UnknownReference
from store.plans import PlanStore
from store.reference import normalise_reference


def add_data_commands(subparsers: Any) -> None:
    data = subparsers.add_parser(
        "data",
        help="keep plans in the database: save, export, delete, purge",
        description="Keep plans in the database (RIGHT_STEPS_DATABASE_URL, or SQLite in data/).",
    )
    commands = data.add_subparsers(dest="data_command", required=True)

    save = commands.add_parser(
        "save", help="save a plan file as a new plan, or as the next version of --ref"
    )
    save.add_argument("plan", help="the plan JSON file, or - to read standard input")
    save.add_argument("--ref", help="the plan reference to save a new version of")
    save.set_defaults(run=_save)

    export = commands.add_parser("export", help="print every saved version of a plan, as JSON")
    export.add_argument("ref", help="the plan reference")
    export.set_defaults(run=_export)

    remove = commands.add_parser("delete", help="delete a plan and all its versions")
    remove.add_argument("ref", help="the plan reference")
    remove.set_defaults(run=_delete)

    purge = commands.add_parser(
        "purge", help="delete plans not saved for a number of days, and expired drafts"
    )
    purge.add_argument(
        "--older-than",
        metavar="DAYS",
        help="delete plans whose last save is older than this many days "
        f"(default: RIGHT_STEPS_RETENTION_DAYS, or {settings.DEFAULT_RETENTION_DAYS})",
    )
    purge.set_defaults(run=_purge)


def _save(args: argparse.Namespace) -> int:
    # Imported here: planner.cli itself imports this module to add the data commands.
    from planner.cli import read_input

    reference = None if args.ref is None else normalise_reference(args.ref)
    plan = plan_from_bytes(read_input(args.plan, "plan"), default_library())
    with PlanStore() as store:
        saved = store.save(plan, reference)
    print(f"Saved plan {saved.reference}, version {saved.version}.")
    return 0


def _export(args: argparse.Namespace) -> int:
    reference = normalise_reference(args.ref)
    with PlanStore() as store:
        document = store.export(reference)
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _delete(args: argparse.Namespace) -> int:
    reference = normalise_reference(args.ref)
    with PlanStore() as store:
        if not store.delete(reference):
            raise UnknownReference(reference)
    print(f"Deleted plan {reference} and all its versions.")
    return 0


def _purge(args: argparse.Namespace) -> int:
    days = settings.retention_days() if args.older_than is None else _days(args.older_than)
    with PlanStore() as store:
        plans = store.purge(days)
        drafts = store.purge_drafts()
    print(
        f"Deleted {plans} {'plan' if plans == 1 else 'plans'} last saved more than {days} "
        f"{'day' if days == 1 else 'days'} ago, and {drafts} expired "
        f"{'draft' if drafts == 1 else 'drafts'}."
    )
    return 0


def _days(text: str) -> int:
    if not re.fullmatch(r"[0-9]{1,6}", text.strip()) or int(text) < 1:
        raise InputError("--older-than needs a whole number of days, 1 or more")
    return int(text)
