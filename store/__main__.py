"""`python -m store data ...`: the data commands on their own (also in `python -m planner`).

Bad input exits 2 with one plain line on standard error; it never shows a traceback.
"""

from __future__ import annotations

import argparse
import sys

from planner.cli import run_safely
from store.cli import add_data_commands


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m store", description="Right Steps: keep plans in the database."
    )
    add_data_commands(parser.add_subparsers(dest="command", required=True))
    return run_safely(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
