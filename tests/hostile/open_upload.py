"""The app's upload path, as a process of its own: `python -m tests.hostile.open_upload FILE...`.

For each file it reads at most what the app's upload limit lets through, opens the bytes with
the function the app calls, and prints one JSON line: how it ended ("opened", "refused" with
the message, or "unexpected" with the error's type), the seconds it took, and the process's
peak memory so far. The caller sets the memory limit.
"""

from __future__ import annotations

import json
import resource
import sys
import time

from goal_library.loader import default_library
from planner.errors import InputError
from planner.inputs import MAX_SAVED_FILE_BYTES
from planner.saved_files import plan_from_saved_file


def open_one(path: str) -> dict[str, object]:
    library = default_library()
    start = time.perf_counter()
    with open(path, "rb") as file:
        raw = file.read(MAX_SAVED_FILE_BYTES + 1)
    try:
        plan_from_saved_file(raw, library)
        ended, message = "opened", ""
    except InputError as error:
        ended, message = "refused", " ".join(str(error).split())
    except Exception as error:  # what the app's guard would call unexpected
        ended, message = "unexpected", type(error).__name__
    return {
        "path": path,
        "ended": ended,
        "message": message,
        "seconds": time.perf_counter() - start,
        "peak_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }


def main(paths: list[str]) -> int:
    default_library()
    for path in paths:
        print(json.dumps(open_one(path)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
