"""Run a command as a separate process under a memory limit, and measure what it took.

The limit is an address-space cap (RLIMIT_AS); the peak is the process's own maximum resident
size, read from the kernel when it is reaped. A process still running after `HANG_SECONDS` is
killed: that guards the suite against a hang, and is not a timing test (the benchmark prints
the times).
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MEMORY_LIMIT_BYTES = 1536 * 1024 * 1024
HANG_SECONDS = 30


@dataclass(frozen=True)
class Outcome:
    returncode: int
    stdout: bytes
    stderr: bytes
    seconds: float
    peak_bytes: int
    hung: bool = False

    @property
    def error_lines(self) -> list[str]:
        return self.stderr.decode("utf-8", "replace").splitlines()

    def is_plain_refusal(self) -> bool:
        """Exit 2 and one line of Right Steps' own, never a request to report a bug."""
        lines = self.error_lines
        return (
            self.returncode == 2
            and len(lines) == 1
            and lines[0].startswith("right-steps: ")
            and "please report" not in lines[0]
            and "Traceback" not in lines[0]
        )


def python_module(*args: str) -> list[str]:
    return [sys.executable, "-m", *args]


def run_limited(
    argv: list[str],
    *,
    env: dict[str, str] | None = None,
    stdin_path: str | None = None,
    file_size_limit: int | None = None,
) -> Outcome:
    """Run `argv`; `file_size_limit` caps the size of any file it writes, as a full disk would."""

    def apply_limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
        if file_size_limit is not None:
            # A write past the limit then fails with an error instead of killing the process.
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    environment = {**os.environ, **(env or {})}
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        open(stdin_path or os.devnull, "rb") as given,
    ):
        start = time.perf_counter()
        process = subprocess.Popen(
            argv,
            cwd=ROOT,
            env=environment,
            stdin=given,
            stdout=out,
            stderr=err,
            preexec_fn=apply_limits,
        )
        status, usage, hung = _reap(process.pid, start)
        seconds = time.perf_counter() - start
        process.returncode = status  # reaped here, so Popen must not wait for it again
        out.seek(0)
        err.seek(0)
        return Outcome(
            returncode=status,
            stdout=out.read(),
            stderr=err.read(),
            seconds=seconds,
            peak_bytes=usage.ru_maxrss * 1024,  # Linux reports kilobytes
            hung=hung,
        )


def _reap(pid: int, start: float) -> tuple[int, resource.struct_rusage, bool]:
    hung = False
    while True:
        reaped, status, usage = os.wait4(pid, os.WNOHANG)
        if reaped == pid:
            return os.waitstatus_to_exitcode(status), usage, hung
        if not hung and time.perf_counter() - start > HANG_SECONDS:
            hung = True
            os.kill(pid, signal.SIGKILL)
        time.sleep(0.005)
