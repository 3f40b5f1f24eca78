"""Running a command safely: every failure is one plain line on standard error and an exit code.

Input is read within a size limit before it is parsed, and only from a regular file or
standard input: a device, a pipe or a folder named as a file is refused, never read.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import stat
import sys
from pathlib import Path
from typing import Any

from goal_library.loader import LibraryError
from planner.errors import InputError
from store.errors import StoreError

EXIT_BAD_INPUT = 2
EXIT_BROKEN_LIBRARY = 3
EXIT_INTERNAL = 1


def run_safely(args: argparse.Namespace) -> int:
    """Run a parsed command; every failure becomes one plain line and an exit code."""
    try:
        return args.run(args)
    except (InputError, StoreError) as error:
        return fail(str(error))
    except BrokenPipeError:
        # The reader stopped early (for example `| head`); nothing more to say.
        sys.stderr.close()
        return 0
    except LibraryError as error:
        print(f"right-steps: the goal library is broken: {error.problems[0]}", file=sys.stderr)
        return EXIT_BROKEN_LIBRARY
    except MemoryError:
        return fail("the input is too big to read")
    except Exception as error:  # the last guard: one line, never a traceback
        # Never the error's own text: a database error could hold a connection address.
        print(
            f"right-steps: something went wrong inside Right Steps ({type(error).__name__}); "
            "please report it",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def fail(message: str) -> int:
    print(f"right-steps: {_one_line(message)}", file=sys.stderr)
    return EXIT_BAD_INPUT


def read_input(name: str, what: str, limit: int) -> bytes:
    """The bytes of a named regular file, or of standard input for '-', at most `limit` bytes."""
    if name == "-":
        return _bounded(sys.stdin.buffer.read(limit + 1), what, limit)
    try:
        # Non-blocking, so that opening a named pipe returns at once instead of waiting.
        descriptor = os.open(name, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError as error:
        raise InputError(f"the {what} file '{name}' does not exist") from error
    except IsADirectoryError as error:
        raise InputError(f"'{name}' is a folder, not a {what} file") from error
    except OSError as error:
        raise InputError(f"the {what} file '{name}' cannot be read ({_reason(error)})") from error
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise InputError(f"'{name}' is a folder, not a {what} file")
        if not stat.S_ISREG(mode):
            raise InputError(
                f"'{name}' is not a file (it is a device, a pipe or a socket); "
                f"please name a saved {what} file"
            )
        os.set_blocking(descriptor, True)
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            return _bounded(file.read(limit + 1), what, limit)
    except OSError as error:
        raise InputError(f"the {what} file '{name}' cannot be read ({_reason(error)})") from error
    finally:
        os.close(descriptor)


def write_output(name: str, content: bytes) -> None:
    try:
        Path(name).write_bytes(content)
    except OSError as error:
        raise InputError(f"cannot write '{name}' ({_reason(error)})") from error


def print_json(document: Any) -> None:
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _bounded(raw: bytes, what: str, limit: int) -> bytes:
    if len(raw) > limit:
        raise InputError(f"the {what} file is too big (the limit is {limit:,} bytes)")
    return raw


def _reason(error: OSError) -> str:
    return error.strerror or errno.errorcode.get(error.errno or 0, type(error).__name__)


def _one_line(message: str) -> str:
    return " ".join(message.split())
