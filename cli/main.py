"""The two command lines: `python -m planner` (every command) and `python -m store` (data only).

See `python -m planner --help`. Bad input exits 2 with one plain line on standard error; it
never shows a traceback.
"""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from cli.data_commands import add_data_commands
from cli.plan_commands import add_plan_commands
from cli.runner import EXIT_BAD_INPUT, run_safely


class OneLineParser(argparse.ArgumentParser):
    """argparse, with a usage mistake told in one line (the full usage is under --help)."""

    def error(self, message: str) -> NoReturn:
        print(f"right-steps: {message} (see {self.prog} --help)", file=sys.stderr)
        sys.exit(EXIT_BAD_INPUT)


def planner_main(argv: list[str] | None = None) -> int:
    parser = OneLineParser(
        prog="python -m planner", description="Right Steps: build a graded action plan."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    add_plan_commands(commands)
    add_data_commands(commands)
    return run_safely(parser.parse_args(argv))


def store_main(argv: list[str] | None = None) -> int:
    parser = OneLineParser(
        prog="python -m store", description="Right Steps: keep plans in the database."
    )
    add_data_commands(parser.add_subparsers(dest="command", required=True))
    return run_safely(parser.parse_args(argv))
