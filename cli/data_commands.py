"""The `data` commands: save, export, delete and purge saved plans; keys and settings.

`add_data_commands(subparsers)` adds them to `python -m planner` and `python -m store`. Each
handler returns the exit code and raises an InputError or a StoreError for anything unusable,
which the runner turns into exit code 2 and one plain line.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any

from cli.runner import read_input
from goal_library.loader import default_library
from planner.errors import InputError
from planner.inputs import MAX_PLAN_BYTES, plan_from_bytes
from planner.reference import normalise_reference
from store import settings
from store.access import OPERATOR
from store.errors import UnknownReference


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

    for name, help_text, run in (
        ("export", "print every saved version of a plan, as JSON", _export),
        (
            "access-log",
            "print who opened, saved, exported or deleted a plan, and when (for a subject "
            "access request)",
            _access_log,
        ),
        ("delete", "delete a plan and all its versions", _delete),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("ref", help="the plan reference")
        command.set_defaults(run=run)

    purge = commands.add_parser(
        "purge", help="delete plans not saved for a number of days, and expired drafts"
    )
    purge.add_argument(
        "--older-than",
        metavar="DAYS",
        help="delete plans whose last save is older than this many days, 1 to "
        f"{settings.MAX_RETENTION_DAYS:,} (default: RIGHT_STEPS_RETENTION_DAYS, "
        f"or {settings.DEFAULT_RETENTION_DAYS})",
    )
    purge.set_defaults(run=_purge)

    key = commands.add_parser(
        "new-key", help="print a new encryption key for RIGHT_STEPS_ENCRYPTION_KEYS"
    )
    key.set_defaults(run=_new_key)

    re_encrypt = commands.add_parser(
        "re-encrypt",
        help="seal every saved plan and draft again with the newest key (the first in "
        "RIGHT_STEPS_ENCRYPTION_KEYS)",
    )
    re_encrypt.set_defaults(run=_re_encrypt)

    check = commands.add_parser(
        "check-settings", help="check every setting, keys included, and say what is wrong"
    )
    check.set_defaults(run=_check_settings)


def _open_store() -> Any:
    from store.plans import PlanStore

    return PlanStore(library=default_library())


def _save(args: argparse.Namespace) -> int:
    reference = None if args.ref is None else normalise_reference(args.ref)
    plan = plan_from_bytes(read_input(args.plan, "plan", MAX_PLAN_BYTES), default_library())
    # The operator names the plan a file joins; the reference inside the file only has to agree.
    if reference is not None and plan.reference not in (None, reference):
        raise InputError(
            f"the plan file is for plan {plan.reference}, not {reference}; nothing was saved"
        )
    with _open_store() as store:
        saved = store.save(plan, reference, who=OPERATOR)
    print(f"Saved plan {saved.reference}, version {saved.version}.")
    if reference is None and plan.reference is not None:
        print(
            f"The file named plan {plan.reference}; it was kept as a new plan. To add a version "
            f"to {plan.reference} instead, use --ref {plan.reference}.",
            file=sys.stderr,
        )
    return 0


def _export(args: argparse.Namespace) -> int:
    reference = normalise_reference(args.ref)
    with _open_store() as store:
        document = store.export(reference, who=OPERATOR)
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _access_log(args: argparse.Namespace) -> int:
    reference = normalise_reference(args.ref)
    with _open_store() as store:
        rows = store.access_log(reference)
    if not rows:
        print(f"Nothing is logged for plan {reference}.")
        return 0
    for row in rows:
        where = f" at {row['office']}" if row["office"] else ""
        address = f" from {row['address']}" if row["address"] else ""
        print(f"{row['at'].isoformat()}  {row['action']:<14}  {row['subject']}{where}{address}")
    return 0


def _delete(args: argparse.Namespace) -> int:
    reference = normalise_reference(args.ref)
    with _open_store() as store:
        if not store.delete(reference, who=OPERATOR):
            raise UnknownReference(reference)
    print(f"Deleted plan {reference} and all its versions.")
    return 0


def _purge(args: argparse.Namespace) -> int:
    days = settings.retention_days() if args.older_than is None else _days(args.older_than)
    with _open_store() as store:
        plans = store.purge(days, who=OPERATOR)
        drafts = store.purge_drafts()
    print(
        f"Deleted {plans} {'plan' if plans == 1 else 'plans'} last saved more than {days:,} "
        f"{'day' if days == 1 else 'days'} ago, and {drafts} expired "
        f"{'draft' if drafts == 1 else 'drafts'}."
    )
    return 0


def _days(text: str) -> int:
    limit = settings.MAX_RETENTION_DAYS
    message = f"--older-than needs a whole number of days, from 1 to {limit:,}"
    if not re.fullmatch(r"[0-9]{1,9}", text.strip()):
        raise InputError(message)
    days = int(text)
    if not 1 <= days <= limit:
        raise InputError(message)
    return days


def _new_key(args: argparse.Namespace) -> int:
    from store.sealing import new_key

    print(new_key())
    return 0


def _re_encrypt(args: argparse.Namespace) -> int:
    from store.sealing import KEYS_SETTING, sealer_from_settings

    if not sealer_from_settings().seals:
        raise InputError(f"{KEYS_SETTING} is not set, so there is no key to seal with")
    with _open_store() as store:
        rows = store.re_encrypt()
    print(f"Sealed {rows} {'row' if rows == 1 else 'rows'} again with the newest key.")
    return 0


def _check_settings(args: argparse.Namespace) -> int:
    from store.sealing import checked_settings, team_mode

    sealer = checked_settings()
    mode = "team mode" if team_mode() else "single machine"
    sealed = "encrypted at rest" if sealer.seals else "kept as plain JSON"
    print(f"Settings are fine: {mode}, plans and drafts {sealed}.")
    return 0
