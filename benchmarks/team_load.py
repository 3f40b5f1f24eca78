"""How many appointments one machine carries at once in team mode, through the proxy.

`python -m benchmarks.team_load` starts what a team runs, on loopback: PostgreSQL (the tests'
private server, `scripts/_postgres.sh`, unless RIGHT_STEPS_TEST_POSTGRES_URL names one), an
OpenID Connect provider, two replicas of the app in team mode and nginx in front, configured
from `deploy/nginx.conf.template`. It measures in two ways, and prints both:

1. **Real browsers.** Each Chromium signs in as a coach of its own and goes through whole
   appointments as `benchmarks.browser_latency` does, with 1 to 8 at once; each Continue is
   timed from the press of the mouse to the replica's `script_finished`. The browsers draw on
   the same 2 cores as the replicas, so this mostly measures the browsers.
2. **Coaches' messages without a browser.** One appointment is recorded from a real browser
   (the messages its page sent on the websocket). Then many signed-in websocket clients replay
   it through nginx at once, each pausing between clicks, as a coach who answers quickly
   would; each click is timed from its message to the replica's `script_finished`. This is
   the load the server machine carries, with the browsers' drawing left to the coaches' own
   machines.

For each it prints the median and p95, the p95 against one appointment's, the replicas' CPU
time per rerun and how the websockets were spread between the replicas, and the most
appointments at once whose p95 stays within 2x one appointment's.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import random
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from benchmarks.browser_latency import (
    ROUNDS,
    RerunClock,
    _appointment,
    _p95,
    _run,
    _shown,
    cpu_seconds_of,
    resident_bytes_of,
)
from tests.ui.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.ui.team_stack import TeamStack, identity_provider, replicas_behind_nginx

ROOT = Path(__file__).resolve().parents[1]
BROWSERS = (1, 2, 4, 8)
REPLAYED = (1, 16, 32, 48, 64, 96)
COACHES = {f"coach-{number}": "leeds" for number in range(1, max(BROWSERS) + 1)}
# The average pause before each click in a replayed appointment: a coach and a person who
# answer far more quickly than an appointment goes.
THINK_SECONDS = 3.0
# Sign-ins shared out between the replaying clients, and appointments each replays in turn.
SIGN_INS = 32
REPLAYS_EACH = 2
WITHIN = 2.0  # p95 at most this many times one appointment's


class Replicas:
    """The replicas as `benchmarks.browser_latency._run` measures one server: nginx's address,
    and the CPU time and memory of all the replicas together."""

    def __init__(self, stack: TeamStack) -> None:
        self.url = stack.url
        self._pids = [process.pid for process in stack.replicas.values()]

    def cpu_seconds(self) -> float:
        return sum(cpu_seconds_of(pid) for pid in self._pids)

    def resident_bytes(self) -> int:
        return sum(resident_bytes_of(pid) for pid in self._pids)


def _signing_in(subjects: Iterator[str]):
    """Opens each page signed in as the next coach, through the provider's own form."""

    async def open_signed_in(page, clock: RerunClock, url: str) -> None:
        from playwright.async_api import expect

        await page.goto(url)
        heading = page.get_by_role("heading", name="Sign in to Right Steps", level=1)
        await expect(heading).to_be_visible(timeout=30_000)
        await page.get_by_role("button", name="Sign in").click()
        await page.get_by_role("button", name=next(subjects), exact=True).click()
        await _shown(page, "Right Steps")
        await clock.settle()

    return open_signed_in


def _websockets_per_replica(access_log: Path, already: int) -> tuple[Counter, int]:
    lines = [line for line in access_log.read_text().splitlines() if "/_stcore/stream" in line]
    found = Counter(
        match.group(1)
        for line in lines[already:]
        if (match := re.search(r"upstream=[0-9.]+:(\d+)", line))
    )
    return found, len(lines)


@contextmanager
def _database() -> Iterator[str]:
    """A new, empty database on the tests' PostgreSQL server, dropped afterwards."""
    server = os.environ.get("RIGHT_STEPS_TEST_POSTGRES_URL")
    if not server:
        started = subprocess.run(
            ["bash", str(ROOT / "scripts" / "_postgres.sh")],
            capture_output=True,
            text=True,
            check=True,
        )
        server = started.stdout.strip().rpartition("=")[2]
    engine = create_engine(make_url(server), isolation_level="AUTOCOMMIT")
    name = f"right_steps_load_{secrets.token_hex(6)}"
    with engine.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        engine.dispose()


class _Carried:
    """The most appointments at once before the first whose p95 goes over `WITHIN` times the
    first count's (so a lucky larger run cannot count)."""

    def __init__(self) -> None:
        self.one_p95: float | None = None
        self.most = 0
        self._previous = 0

    def add(self, count: int, p95: float) -> float:
        self.one_p95 = self.one_p95 or p95
        if self.most == self._previous and p95 <= WITHIN * self.one_p95:
            self.most = count
        self._previous = count
        return p95 / self.one_p95


def _row(count: int, samples: list[float], carried: _Carried, cpu: float, spread: str) -> str:
    median, p95 = statistics.median(samples) * 1000, _p95(samples) * 1000
    ratio = carried.add(count, p95)
    per_rerun = cpu / max(len(samples), 1) * 1000
    return (
        f"| {count} | {median:.0f} / {p95:.0f} | {ratio:.1f}x | "
        f"{per_rerun:.0f} ms ({len(samples)} reruns) | {spread} |"
    )


_HEADER = [
    "| appointments at once | click median / p95 ms | p95 / one appointment's | "
    "replicas' CPU per rerun | websockets per replica |",
    "|---|---|---|---|---|",
]


def _browsers(stack: TeamStack, counts: tuple[int, ...]) -> list[str]:
    replicas = Replicas(stack)
    opening = _signing_in(itertools.cycle(COACHES))
    asyncio.run(_run(replicas, 1, opening, _appointment))  # warm both paths once
    seen = _websockets_per_replica(stack.access_log, 0)[1]
    carried = _Carried()
    lines = ["Real browsers (they draw on the same 2 cores):", *_HEADER]
    for count in counts:
        samples: list[float] = []
        cpu, lost = 0.0, 0
        spread: Counter = Counter()
        for _ in range(ROUNDS):
            times, _, _, seconds, missed = asyncio.run(_run(replicas, count, opening, _appointment))
            lost += missed
            samples += [value for values in times.values() for value in values]
            cpu += seconds
            found, seen = _websockets_per_replica(stack.access_log, seen)
            spread += found
        lines.append(_row(count, samples, carried, cpu, _shares(spread, stack)))
        if lost:
            lines.append(f"| {count} | presses that brought no rerun (pressed again): {lost} |")
    lines.append(_most(carried, "real browsers on the same machine"))
    return lines


def _shares(spread: Counter, stack: TeamStack) -> str:
    return " / ".join(str(spread[str(port)]) for port in sorted(stack.replicas))


def _most(carried: _Carried, how: str) -> str:
    return (
        f"Most appointments at once with p95 within {WITHIN:.0f}x one appointment's: "
        f"{carried.most} (2 replicas, {os.cpu_count()} cores, {how})."
    )


async def _recording(url: str) -> tuple[list[bytes], list[list[dict]]]:
    """One appointment in a real Chromium, signed in: the messages its page sent on the
    websocket; and the cookies of `SIGN_INS` more sign-ins, for the replaying clients (each
    sign-in has its own cookie, which nginx spreads between the replicas)."""
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        sent_per_socket: list[list[bytes]] = []
        context = await browser.new_context(viewport={"width": 1280, "height": 900})
        page = await context.new_page()
        page.on("websocket", lambda socket: _keep_sent(socket, sent_per_socket))
        clock = RerunClock(page)
        await _signing_in(iter(COACHES))(page, clock, url)
        await _appointment(page, clock, defaultdict(list))
        await context.close()
        subjects = list(itertools.islice(itertools.cycle(COACHES), SIGN_INS))
        sign_ins: list[list[dict]] = []
        for start in range(0, SIGN_INS, 4):  # four at a time
            sign_ins += await asyncio.gather(
                *(
                    _cookies_of_sign_in(browser, url, subject)
                    for subject in subjects[start : start + 4]
                )
            )
        await browser.close()
    return sent_per_socket[-1], sign_ins


async def _cookies_of_sign_in(browser, url: str, subject: str) -> list[dict]:
    context = await browser.new_context()
    page = await context.new_page()
    await _signing_in(iter([subject]))(page, RerunClock(page), url)
    cookies = await context.cookies()
    await context.close()
    return cookies


def _keep_sent(socket, sent_per_socket: list[list[bytes]]) -> None:
    sent: list[bytes] = []
    sent_per_socket.append(sent)
    socket.on(
        "framesent", lambda payload: sent.append(payload) if isinstance(payload, bytes) else None
    )


async def _replay(
    url: str, cookies: list[dict], recorded: list[bytes], think: random.Random, times: list
) -> None:
    """The recorded appointment as a new session of its own: each click waits for the last
    rerun to finish and a pause, then is timed from its message to `script_finished`."""
    from websockets.asyncio.client import connect

    jar = {cookie["name"]: cookie["value"] for cookie in cookies}
    # Coaches start at different moments, not all in the same instant.
    await asyncio.sleep(think.uniform(0, 2) * THINK_SECONDS)
    async with connect(
        url.replace("http://", "ws://") + "/_stcore/stream",
        origin=url,
        # Streamlit reads the XSRF token from the second subprotocol, as its page sends it.
        subprotocols=["streamlit", jar["_streamlit_xsrf"]],
        additional_headers={"Cookie": "; ".join(f"{k}={v}" for k, v in jar.items())},
        compression=None,
        max_size=None,
    ) as socket:
        for number, payload in enumerate(recorded):
            message = BackMsg()
            message.ParseFromString(payload)
            if message.WhichOneof("type") != "rerun_script":
                await socket.send(payload)
                continue
            # A new appointment, not the recorded one's draft; and nothing is cached yet.
            message.rerun_script.query_string = ""
            del message.rerun_script.cached_message_hashes[:]
            if number:
                await asyncio.sleep(think.uniform(0.5, 1.5) * THINK_SECONDS)
            start = time.perf_counter()
            await socket.send(message.SerializeToString())
            async for frame in socket:
                reply = ForwardMsg()
                reply.ParseFromString(frame)
                if reply.WhichOneof("type") == "script_finished":
                    break
            times.append(time.perf_counter() - start)


async def _replays(
    url: str, cookies: list[dict], recorded: list[bytes], think: random.Random, times: list
) -> None:
    for _ in range(REPLAYS_EACH):
        await _replay(url, cookies, recorded, think, times)


async def _replay_all(
    url: str, count: int, sign_ins: list[list[dict]], recorded: list[bytes]
) -> list[float]:
    """`count` replays at once, each signed in as one of the coaches in turn; the click times."""
    times: list[float] = []
    await asyncio.gather(
        *(
            _replays(url, sign_ins[client % len(sign_ins)], recorded, random.Random(client), times)
            for client in range(count)
        )
    )
    return times


def _replaying(stack: TeamStack, counts: tuple[int, ...]) -> list[str]:
    recorded, sign_ins = asyncio.run(_recording(stack.url))
    clicks = sum(1 for payload in recorded if BackMsg.FromString(payload).HasField("rerun_script"))
    replicas = Replicas(stack)
    seen = _websockets_per_replica(stack.access_log, 0)[1]
    carried = _Carried()
    lines = [
        f"Replayed appointments ({clicks} reruns each, {REPLAYS_EACH} in turn per client, a "
        f"pause of {THINK_SECONDS:.0f} s on average before each click, {SIGN_INS} sign-ins, "
        "no browser drawing; the CPU includes the replicas' idle work):",
        *_HEADER,
    ]
    for count in counts:
        cpu = replicas.cpu_seconds()

        samples = asyncio.run(_replay_all(stack.url, count, sign_ins, recorded))
        cpu = replicas.cpu_seconds() - cpu
        found, seen = _websockets_per_replica(stack.access_log, seen)
        lines.append(_row(count, samples, carried, cpu, _shares(found, stack)))
    lines.append(_most(carried, "replayed coaches"))
    return lines


def report(browsers: tuple[int, ...] = BROWSERS, replayed: tuple[int, ...] = REPLAYED) -> list[str]:
    with (
        tempfile.TemporaryDirectory() as folder,
        _database() as database_url,
        identity_provider(Path(folder), COACHES) as issuer,
        replicas_behind_nginx(Path(folder), database_url, issuer) as stack,
    ):
        lines = _browsers(stack, browsers) if browsers else []
        return lines + _replaying(stack, replayed)


if __name__ == "__main__":
    # `python -m benchmarks.team_load 32 64` replays only those numbers of appointments at once
    # (the first is the one the others are compared with), with no real browsers.
    chosen = tuple(int(number) for number in sys.argv[1:])
    for line in report((), chosen) if chosen else report():
        print(line, flush=True)
