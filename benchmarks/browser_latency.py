"""What a coach waits for: a click in a real Chromium to the end of the server's rerun.

`python -m benchmarks.browser_latency` starts `streamlit run app.py` and two floors on local
ports, then drives whole appointments through all three with 1, 4 and 8 browsers at once:

- the same shape (`benchmarks/same_shape_page.py`): each page of the appointment sent again,
  message for message, as the app sent it on arriving at that page while this benchmark
  recorded it, by a script with no rules, store or draft, driven with the same answers. The
  app's time above it is the app's own work (and Streamlit's making of its elements, which the
  floor sends ready-made);
- one page (`benchmarks/bare_page.py`): a title, three paragraphs, a radio and a Continue
  button. The app's time above it is also the cost of drawing pages of the app's size.

Each Continue is timed from the press of the mouse on the button to the server's
`script_finished` message on the page's websocket (decoded with Streamlit's own protobuf), not
with sleeps. It prints the median and p95 per page, the ratios to both floors, the server's CPU
time per rerun and its memory per session.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import defaultdict
from pathlib import Path

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.ui.conftest import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[1]
USERS = (1, 4, 8)
APPOINTMENTS_PER_USER = 2
ROUNDS = 3
# A press with no rerun after this long is pressed again, at most this many times in all.
PRESS_AGAIN_AFTER = 15
PRESSES = 3
APP_PAGES = (
    "Start",
    "About you",
    "Where you are now",
    "Your strengths",
    "What makes things harder",
    "Suggested steps",
    "Make it yours",
)


class Server:
    """A `streamlit run` process on a free local port, with its CPU time and memory."""

    def __init__(self, script: str, data_dir: Path, settings: dict[str, str] | None = None) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        env = {
            **os.environ,
            "HOME": str(data_dir),
            "RIGHT_STEPS_DATABASE_URL": f"sqlite:///{data_dir / 'bench.sqlite3'}",
            **(settings or {}),
        }
        self.process = subprocess.Popen(
            [
                *(sys.executable, "-m", "streamlit", "run", script),
                *("--server.port", str(self.port), "--server.address", "127.0.0.1"),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"{script} did not start")

    def cpu_seconds(self) -> float:
        return cpu_seconds_of(self.process.pid)

    def resident_bytes(self) -> int:
        return resident_bytes_of(self.process.pid)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)


def cpu_seconds_of(pid: int) -> float:
    """The CPU time a process has used so far, user and system."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def resident_bytes_of(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


# The first page's main heading is the service's name; each page's Continue leads to the next
# one, and the last to the page that prints.
START_HEADING = "Right Steps"
_FOLLOWING = (*APP_PAGES[1:], "Check your plan")
# The page's way on: "Start now" on Start, "Continue" after it (the bare page keys it the same).
_WAY_ON = ".st-key-nav_continue button"


class PageShapes:
    """The messages of each page's first whole run, as it was drawn on arriving at it, by the
    page's main heading: what `benchmarks/same_shape_page.py` sends again to draw the same page
    without the app."""

    def __init__(self) -> None:
        self._run: list[ForwardMsg] = []
        self._whole = True
        self.pages: dict[str, list[ForwardMsg]] = {}

    def take(self, message: ForwardMsg) -> None:
        kind = message.WhichOneof("type")
        if kind == "new_session":
            self._run, self._whole = [], True
        elif kind in ("delta", "page_config_changed"):
            self._run.append(message)
        elif kind == "ref_hash":
            # A message the browser had kept, sent by reference: its content is not here, so
            # this run is not kept (`save` names any page with no whole run).
            self._whole = False
        elif kind == "script_finished":
            # A run cut short to run again (st.rerun) drew only part of its page.
            self._whole &= message.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY
            headings = [
                m.delta.new_element.heading.body
                for m in self._run
                if m.delta.new_element.heading.tag == "h1"
            ]
            if headings and self._whole:
                self.pages.setdefault(headings[0], self._run)
            self._run, self._whole = [], True

    def save(self, path: Path, titles: list[str]) -> None:
        """The pages named by `titles`, in that order, as the floor reads them."""
        missing = [title for title in titles if title not in self.pages]
        if missing:
            raise RuntimeError(f"no page was recorded for {missing}")
        pages = [
            [base64.b64encode(m.SerializeToString()).decode("ascii") for m in self.pages[title]]
            for title in titles
        ]
        path.write_text(json.dumps(pages), encoding="utf-8")


class RerunClock:
    """Times from a click to the next `script_finished` the server sends this page."""

    def __init__(self, page, shapes: PageShapes | None = None) -> None:
        self._finished = asyncio.Event()
        self._shapes = shapes
        self.reruns = 0
        self.lost_presses = 0
        page.on("websocket", self._watch)

    def _watch(self, websocket) -> None:
        websocket.on("framereceived", self._frame)

    def _frame(self, payload) -> None:
        if isinstance(payload, str):
            return
        message = ForwardMsg()
        try:
            message.ParseFromString(payload)
        except Exception:  # a frame of another kind: not ours to time
            return
        if self._shapes is not None:
            self._shapes.take(message)
        if message.WhichOneof("type") == "script_finished":
            self.reruns += 1
            self._finished.set()

    async def time_click(self, locator) -> float:
        # A person scrolls to the button, then presses it: the wait starts at the press. The
        # press is a real mouse click at the button's place. Playwright's `locator.click()`
        # first checks over several frames that the button is still (about 40 ms here), which
        # no person waits for and which fell on the longer pages only.
        # Now and then under load (seen about once in a thousand presses, with 8 browsers on 2
        # cores) a press brings no rerun at all. A person presses again after a while: so does
        # this; the wait counts from the first press, and the lost press is counted and shown.
        start = None
        for _ in range(PRESSES):
            box = await _place_of(locator)
            self._finished.clear()
            start = start or time.perf_counter()
            x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
            await locator.page.mouse.click(x, y)
            try:
                await asyncio.wait_for(self._finished.wait(), timeout=PRESS_AGAIN_AFTER)
            except TimeoutError:
                self.lost_presses += 1
                continue
            return time.perf_counter() - start
        raise RuntimeError(f"{PRESSES} presses in a row brought no rerun")

    async def settle(self) -> None:
        """Wait for a rerun that an action without a timed click started."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._finished.wait(), timeout=10)
        self._finished.clear()


async def _place_of(locator) -> dict:
    """Where the button is once the page is still: scrolled into view, and nothing (a list
    that opened, a message that arrived) lying over its middle."""
    for _ in range(100):
        await locator.scroll_into_view_if_needed()
        box = await locator.bounding_box()
        if box is not None:
            x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
            on_top = await locator.evaluate(
                "(button, [x, y]) => button.contains(document.elementFromPoint(x, y))", [x, y]
            )
            if on_top:
                return box
        await asyncio.sleep(0.05)
    raise RuntimeError("the button stayed covered")


async def _shown(page, heading: str) -> None:
    """The page has drawn `heading` and has finished changing (no stale copy of the last one)."""
    from playwright.async_api import expect

    wait = 30_000
    await expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible(timeout=wait)
    await expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=wait)
    await expect(page.locator(_WAY_ON)).to_have_count(
        0 if heading == "Check your plan" else 1, timeout=wait
    )


async def _arrived(page, heading: str) -> None:
    """`_shown`, and the app has moved the view to the page's top and focus to its heading,
    as it does after each page change. A press before that could land where the button was
    before the view moved, which no person, who reads the page first, would do."""
    await _shown(page, heading)
    await page.wait_for_function(
        "(heading) => document.activeElement && document.activeElement.tagName === 'H1'"
        " && document.activeElement.textContent.trim() === heading",
        arg=heading,
        timeout=30_000,
    )


async def _open_app(page, clock: RerunClock, url: str) -> None:
    await page.goto(url)
    await _shown(page, "Right Steps")
    await clock.settle()


async def _open_bare(page, clock: RerunClock, url: str) -> None:
    await page.goto(url)
    await _shown(page, "Page 1")
    await clock.settle()


async def _appointment(page, clock: RerunClock, times: dict) -> None:
    """One whole appointment, up to Check your plan; opening the address again without the
    draft in it starts the next one (as a new tab would)."""
    continue_button = page.locator(_WAY_ON)
    for title, next_title in zip(APP_PAGES, _FOLLOWING, strict=True):
        if title == "About you":
            box = page.get_by_label("What would you like us to call you?")
            await box.fill("Sam")
            await box.press("Enter")
            await clock.settle()
        if title == "Where you are now":
            await page.get_by_role("radiogroup").get_by_text("You are getting ready").click()
            await clock.settle()
        times[title].append(await clock.time_click(continue_button))
        await _arrived(page, next_title)
    await page.goto(page.url.split("?")[0])
    await _shown(page, "Right Steps")
    await clock.settle()


async def _bare(page, clock: RerunClock, times: dict) -> None:
    await page.reload()
    await _shown(page, "Page 1")
    await clock.settle()
    for number, title in enumerate(APP_PAGES):
        if number == 2:
            await page.get_by_role("radiogroup").get_by_text("Three").click()
            await clock.settle()
        times[title].append(await clock.time_click(page.locator(_WAY_ON)))
        await _shown(page, f"Page {number + 2}")


async def _run(
    server: Server, users: int, opening, drive, shapes: PageShapes | None = None
) -> tuple[dict, int, int, float, int]:
    """Open `users` pages, then drive appointments through all of them at once.

    Returns the times per page, the reruns, the memory grown, the server's CPU seconds and the
    presses that brought no rerun, all counted from after the pages first opened (loading the
    page is not a rerun). `shapes`, when given, records the pages drawn.
    """
    from playwright.async_api import async_playwright

    times: dict[str, list[float]] = defaultdict(list)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        before = server.resident_bytes()
        pages, clocks = [], []
        for _ in range(users):
            context = await browser.new_context(viewport={"width": 1280, "height": 900})
            page = await context.new_page()
            pages.append(page)
            clocks.append(RerunClock(page, shapes))
        pairs = list(zip(pages, clocks, strict=True))
        await asyncio.gather(*(opening(page, clock, server.url) for page, clock in pairs))
        grown = server.resident_bytes() - before
        opened_reruns = sum(clock.reruns for clock in clocks)
        cpu = server.cpu_seconds()
        for _ in range(APPOINTMENTS_PER_USER):
            await asyncio.gather(*(drive(page, clock, times) for page, clock in pairs))
        cpu = server.cpu_seconds() - cpu
        reruns = sum(clock.reruns for clock in clocks) - opened_reruns
        lost = sum(clock.lost_presses for clock in clocks)
        await browser.close()
    return times, reruns, grown, cpu, lost


class Subject:
    """One server measured in the rounds, and what it gathered."""

    def __init__(self, server: Server, opening, drive) -> None:
        self.server, self.opening, self.drive = server, opening, drive
        self.times: dict[str, list[float]] = defaultdict(list)
        self.reruns = self.grown = self.lost = 0
        self.cpu = 0.0

    def measure(self, users: int) -> None:
        times, reruns, grown, cpu, lost = asyncio.run(
            _run(self.server, users, self.opening, self.drive)
        )
        for title, samples in times.items():
            self.times[title] += samples
        self.reruns, self.cpu, self.lost = self.reruns + reruns, self.cpu + cpu, self.lost + lost
        self.grown = max(self.grown, grown)

    def every_continue(self) -> list[float]:
        return [sample for title in APP_PAGES for sample in self.times[title]]

    def memory_per(self, users: int) -> str:
        return f"{self.grown / users / 2**20:.1f} MB"

    def cpu_per_rerun(self) -> str:
        return f"{self.cpu / max(self.reruns, 1) * 1000:.0f} ms ({self.reruns} reruns)"


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def report(users_to_run: tuple[int, ...] = USERS) -> list[str]:
    lines = []
    with tempfile.TemporaryDirectory() as folder:
        recorded = Path(folder) / "page_shapes.json"
        servers = [Server("app.py", Path(folder))]
        try:
            # Warm the app once, recording its pages for the floor of the same shape.
            shapes = PageShapes()
            asyncio.run(_run(servers[0], 1, _open_app, _appointment, shapes))
            shapes.save(recorded, [START_HEADING, *_FOLLOWING])
            floor = {"RIGHT_STEPS_FLOOR_SHAPES": str(recorded)}
            servers.append(
                Server(str(Path("benchmarks") / "same_shape_page.py"), Path(folder), floor)
            )
            servers.append(Server(str(Path("benchmarks") / "bare_page.py"), Path(folder)))
            asyncio.run(_run(servers[1], 1, _open_app, _appointment))  # warm the floors too
            asyncio.run(_run(servers[2], 1, _open_bare, _bare))
            lines.append(
                "| users | page | Right Steps median / p95 ms | same shape median / p95 ms | "
                "ratio | one page median / p95 ms | ratio |"
            )
            lines.append("|---|---|---|---|---|---|---|")
            for users in users_to_run:
                app, same, bare = (
                    Subject(servers[0], _open_app, _appointment),
                    Subject(servers[1], _open_app, _appointment),
                    Subject(servers[2], _open_bare, _bare),
                )
                # Rounds of the app and the floors in turn, so that a slow moment of the
                # machine falls on all of them rather than on one.
                for _ in range(ROUNDS):
                    for subject in (app, same, bare):
                        subject.measure(users)
                for title in APP_PAGES:
                    lines.append(
                        _row(users, title, app.times[title], same.times[title], bare.times[title])
                    )
                lines.append(
                    _row(
                        users,
                        "every Continue",
                        app.every_continue(),
                        same.every_continue(),
                        bare.every_continue(),
                    )
                )
                lines.append(
                    f"| {users} | server CPU per rerun | {app.cpu_per_rerun()} | "
                    f"{same.cpu_per_rerun()} | | {bare.cpu_per_rerun()} | |"
                )
                lines.append(
                    f"| {users} | memory per session | {app.memory_per(users)} | "
                    f"{same.memory_per(users)} | | {bare.memory_per(users)} | |"
                )
                lines.append(
                    f"| {users} | presses that brought no rerun (pressed again) | {app.lost} | "
                    f"{same.lost} | | {bare.lost} | |"
                )
        finally:
            for server in servers:
                server.stop()
    return lines


def _row(users: int, title: str, app: list[float], *floors: list[float]) -> str:
    a_med, a_p95 = statistics.median(app) * 1000, _p95(app) * 1000
    cells = [f"{a_med:.0f} / {a_p95:.0f}"]
    for floor in floors:
        f_med, f_p95 = statistics.median(floor) * 1000, _p95(floor) * 1000
        cells += [f"{f_med:.0f} / {f_p95:.0f}", f"{a_med / f_med:.1f}x / {a_p95 / f_p95:.1f}x"]
    return f"| {users} | {title} | {' | '.join(cells)} |"


if __name__ == "__main__":
    # `python -m benchmarks.browser_latency 1 4` runs only those numbers of users.
    chosen = tuple(int(number) for number in sys.argv[1:]) or USERS
    for line in report(chosen):
        print(line, flush=True)
