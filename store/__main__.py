"""`python -m store data ...`: the data commands on their own (also in `python -m planner`).

Bad input exits 2 with one plain line on standard error; it never shows a traceback.
"""

from __future__ import annotations

import argparse
import sys

from goal_library.loader import LibraryError
from planner.inputs import InputError
from store.cli import add_data_commands

EXIT_BAD_INPUT = 2
EXIT_BROKEN_LIBRARY = 3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m store", description="Right Steps: keep plans in the database."
    )
    add_data_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except InputError as error:
        print(f"right-steps: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
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


if __name__ == "__main__":
    sys.exit(main())
