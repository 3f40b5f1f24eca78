"""A corpus of hostile and broken inputs, built fresh by code (never kept as binary files).

Each `FileCase` is the bytes of a file a person might be handed or upload as a saved plan; each
`CommandCase` is a whole command line with its environment (odd paths, numbers, settings and
databases). `expect_ok` marks the few that are strange but valid and must simply work; every
other case must be refused with one plain line. `tests/hostile/test_corpus.py` runs them all
through the command line and the upload function under a memory limit, and
`python -m benchmarks.hostile_inputs` prints the time and memory each one took.
"""

from __future__ import annotations

import datetime
import json
import os
import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from goal_library.loader import default_library
from planner.models import Profile
from planner.suggest import build_plan
from tests.hostile import pdf_parts as parts
from tests.hostile.limits import Outcome, python_module, run_limited

MADE_ON = datetime.date(2026, 12, 1)
BOMB_BYTES = 74 * 1024 * 1024


@dataclass(frozen=True)
class FileCase:
    name: str
    content: bytes
    expect_ok: bool = False
    says: str = ""  # a few words the refusal must contain, when it matters which


@dataclass(frozen=True)
class CommandCase:
    name: str
    args: list[str]
    env: dict[str, str] = field(default_factory=dict)
    expect_ok: bool = False
    says: str = ""
    stdin: str | None = None  # a path whose contents (or device) become standard input
    file_size_limit: int | None = None  # the largest file the command may write (RLIMIT_FSIZE)

    def run(self, scratch: Path) -> Outcome:
        """Run the command line under the limits, in a folder made by `prepare_scratch`."""
        args, env, stdin = self.filled_in(scratch)
        return run_limited(
            python_module("planner", *args),
            env=env,
            stdin_path=stdin,
            file_size_limit=self.file_size_limit,
        )

    def filled_in(self, scratch: Path) -> tuple[list[str], dict[str, str], str | None]:
        """The arguments, environment and standard input, with the scratch folder named."""

        def fill(text: str) -> str:
            return text.replace(SCRATCH, str(scratch))

        return (
            [fill(arg) for arg in self.args],
            {name: fill(value) for name, value in self.env.items()},
            None if self.stdin is None else fill(self.stdin),
        )


def review_file(path: Path, outcomes: Path) -> Outcome:
    """`python -m planner review FILE OUTCOMES` under the limits: how a file case is opened."""
    return run_limited(python_module("planner", "review", str(path), str(outcomes)))


def base_plan() -> dict:
    library = default_library()
    profile = Profile(stage=3, preferred_name="Sam", strengths=["kind"], aims=["get_out_more"])
    return build_plan(profile, library).model_dump(mode="json")


def genuine_pdf(plan: dict) -> bytes:
    from planner.inputs import plan_from_data
    from planner.pdf import render_pdf

    library = default_library()
    return render_pdf(plan_from_data(plan, library), library, MADE_ON)


def file_cases() -> list[FileCase]:
    plan = base_plan()
    good_json = json.dumps(plan).encode()
    pdf = genuine_pdf(plan)
    return [*_pdf_cases(good_json, pdf), *_json_cases(plan)]


def _with(plan: dict, change: Callable[[dict], None]) -> bytes:
    copy = json.loads(json.dumps(plan))
    change(copy)
    # ensure_ascii writes a lone surrogate as \ud800, as a hostile file would carry it.
    return json.dumps(copy, ensure_ascii=True).encode("ascii")


def _pdf_cases(good_json: bytes, pdf: bytes) -> list[FileCase]:
    double_bomb = parts.deflated_zeros(BOMB_BYTES, times=2)
    single_bomb = parts.deflated_zeros(BOMB_BYTES, times=1)
    forty = {1: parts.catalog_with_attachments([4 + 2 * i for i in range(40)]), 2: parts.PAGES}
    forty[3] = parts.PAGE
    for i in range(40):
        forty[4 + 2 * i] = parts.filespec(5 + 2 * i)
        forty[5 + 2 * i] = parts.stream(double_bomb, b"/Filter [/FlateDecode /FlateDecode]")
    run_length_bomb = bytes([129, 0]) * 400_000  # each pair is 128 zero bytes: 51 MB in all
    rng = random.Random(11)
    garbage = bytes(rng.getrandbits(8) for _ in range(300_000))
    return [
        FileCase("genuine plan PDF", pdf, expect_ok=True),
        FileCase("40 plan attachments, each a double-deflated 74 MB stream", parts.pdf_file(forty)),
        FileCase(
            "one plan attachment, a deflated 74 MB stream",
            parts.pdf_with_attachment(single_bomb, b"/Filter /FlateDecode"),
            says="too big",
        ),
        FileCase(
            "a run-length stream of 51 MB",
            parts.pdf_with_attachment(run_length_bomb, b"/Filter /RunLengthDecode"),
        ),
        FileCase(
            "a chain of six filters",
            parts.pdf_with_attachment(
                parts.deflated(good_json, 6), b"/Filter [" + b"/FlateDecode " * 6 + b"]"
            ),
        ),
        FileCase(
            "an unknown filter", parts.pdf_with_attachment(good_json, b"/Filter /NoSuchDecode")
        ),
        # With no decode parameters a Crypt filter is the Identity filter: the plan opens.
        FileCase(
            "a Crypt filter",
            parts.pdf_with_attachment(good_json, b"/Filter /Crypt"),
            expect_ok=True,
        ),
        FileCase(
            "a JBIG2 filter", parts.pdf_with_attachment(b"\x97JB2" * 50, b"/Filter /JBIG2Decode")
        ),
        FileCase(
            "an image filter on the plan",
            parts.pdf_with_attachment(b"\xff\xd8\xff" + garbage[:500], b"/Filter /DCTDecode"),
        ),
        FileCase(
            "Adobe.PubSec encryption",
            _encrypted(b"<< /Filter /Adobe.PubSec /SubFilter /adbe.pkcs7.s5 /V 4 /R 4 >>"),
        ),
        FileCase(
            "V99 encryption",
            _encrypted(b"<< /Filter /Standard /V 99 /R 99 /O (x) /U (y) /P -4 /Length 128 >>"),
        ),
        FileCase("a password-protected plan PDF", _password_protected(pdf), says="locked"),
        FileCase("a Filespec with no /EF", _filespec(b"<< /Type /Filespec /F (x) >>")),
        FileCase(
            "a Filespec whose /EF is not a stream",
            _filespec(b"<< /Type /Filespec /F (x) /EF << /F 42 >> >>"),
        ),
        FileCase(
            "a Filespec whose /EF points at a dictionary",
            parts.pdf_file(
                {
                    1: parts.catalog_with_attachments([4]),
                    2: parts.PAGES,
                    3: parts.PAGE,
                    4: parts.filespec(5),
                    5: b"<< /Type /EmbeddedFile /Length 3 >>",
                }
            ),
        ),
        FileCase(
            "self-referencing objects",
            parts.pdf_file(
                {
                    1: parts.catalog_with_attachments([4]),
                    2: parts.PAGES,
                    3: parts.PAGE,
                    4: parts.filespec(5),
                    5: b"5 0 R",
                }
            ),
        ),
        FileCase(
            "a name tree whose kid is itself",
            parts.pdf_file(
                {
                    1: b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 4 0 R >> >>",
                    2: parts.PAGES,
                    3: parts.PAGE,
                    4: b"<< /Kids [4 0 R] >>",
                }
            ),
        ),
        FileCase(
            "an integer of 5,000 digits",
            parts.pdf_with_attachment(good_json).replace(
                b"/Length %d" % len(good_json), b"/Length " + b"9" * 5000, 1
            ),
        ),
        FileCase(
            "an array nested 50,000 deep",
            parts.pdf_file(
                {
                    1: b"<< /Type /Catalog /Pages 2 0 R /Deep "
                    + b"[" * 50_000
                    + b"]" * 50_000
                    + b">>"
                }
                | {2: parts.PAGES, 3: parts.PAGE}
            ),
        ),
        FileCase(
            "a cross-reference chain that points at itself",
            _self_chained(parts.pdf_with_attachment(good_json)),
            expect_ok=True,  # the loop is noticed and the plan inside is fine
        ),
        FileCase("the first 700 bytes of a plan PDF", pdf[:700]),
        FileCase("a PDF header and 300 KB of noise", b"%PDF-1.7\n" + garbage),
        FileCase("a PDF with no plan inside", parts.pdf_file({1: b"<< /Type /Catalog >>"})),
        FileCase(
            "a plan attachment that is binary",
            parts.pdf_with_attachment(garbage[:5000]),
            says="not text",
        ),
        FileCase(
            "a plan attachment of another name only",
            parts.pdf_file(
                {
                    1: parts.catalog_with_attachments([4], name=b"notes.json"),
                    2: parts.PAGES,
                    3: parts.PAGE,
                    4: parts.filespec(5, name=b"notes.json"),
                    5: parts.stream(good_json),
                }
            ),
            says="no Right Steps plan",
        ),
        FileCase("a PDF of 6 MB", b"%PDF-1.7\n" + b"0" * 6_000_000, says="too big"),
        FileCase(
            "a plan attachment whose first copy is hostile and second genuine",
            _two_attachments(parts.deflated_zeros(BOMB_BYTES, 2), good_json),
        ),
        FileCase("a PNG named .pdf", b"\x89PNG\r\n\x1a\n" + garbage[:2000], says="not text"),
    ]


def _self_chained(pdf: bytes) -> bytes:
    at = pdf.rfind(b"xref")
    return pdf.replace(b"trailer\n<< ", b"trailer\n<< /Prev %d " % at, 1)


def _encrypted(encrypt: bytes) -> bytes:
    return parts.pdf_file(
        {1: parts.catalog_with_attachments([4]), 2: parts.PAGES, 3: parts.PAGE}
        | {4: parts.filespec(5), 5: parts.stream(b"{}"), 6: encrypt},
        trailer_extra=b"/Encrypt 6 0 R /ID [<00112233445566778899aabbccddeeff> <00>]",
    )


def _password_protected(pdf: bytes) -> bytes:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt("a secret", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _filespec(spec: bytes) -> bytes:
    return parts.pdf_file(
        {1: parts.catalog_with_attachments([4]), 2: parts.PAGES, 3: parts.PAGE, 4: spec}
    )


def _two_attachments(first: bytes, second: bytes) -> bytes:
    return parts.pdf_file(
        {
            1: parts.catalog_with_attachments([4, 6]),
            2: parts.PAGES,
            3: parts.PAGE,
            4: parts.filespec(5),
            5: parts.stream(first, b"/Filter [/FlateDecode /FlateDecode]"),
            6: parts.filespec(7),
            7: parts.stream(second),
        }
    )


def _json_cases(plan: dict) -> list[FileCase]:
    def duplicate_steps(p: dict) -> None:
        p["steps"] = [p["steps"][0], p["steps"][0]]

    def many_steps(p: dict) -> None:
        p["steps"] = [dict(p["steps"][0], id=f"step_{i}") for i in range(62)]

    def huge_reason(p: dict) -> None:
        p["steps"][0]["reasons"] = ["x" * 1_000_000]

    def markdown(p: dict) -> None:
        p["profile"]["strengths"] = ["[click](https://example.org)", "![x](https://example.org/a)"]

    return [
        FileCase("genuine plan JSON", json.dumps(plan).encode(), expect_ok=True),
        FileCase(
            "right-to-left marks, emoji and every script in the words",
            _with(
                plan,
                lambda p: p["profile"].update(
                    hopes="\u202eabc\u202c 😊 میں ٹھیک ہوں আমি ভালো ਮੈਂ ਠੀਕ ਹਾਂ 我很好 நலம் Dzięki",
                    preferred_name="Zoë 🌱 <b>&amp;</b>",
                ),
            ),
            expect_ok=True,
        ),
        FileCase("an empty file", b"", says="empty"),
        FileCase("only spaces and new lines", b" \n\t\r\n" * 100, says="empty"),
        FileCase("NUL bytes", b'{"stage": 2}\x00' * 10, says="not text"),
        FileCase("invalid UTF-8", b'{"profile": "\xff\xfe\xfd"}', says="not text"),
        FileCase("UTF-16 with a byte-order mark", '{"stage": 2}'.encode("utf-16")),
        FileCase("a list nested 100,000 deep", b"[" * 100_000 + b"]" * 100_000),
        FileCase("an integer of 5,000 digits", b'{"max_steps": ' + b"9" * 5000 + b"}"),
        FileCase("a number too big for a float", b'{"max_steps": 1e999}'),
        FileCase("NaN", b'{"max_steps": NaN}'),
        FileCase("a plan over 2 MB", _with(plan, lambda p: p.update(notes=["x" * 2_100_000]))),
        FileCase("a JSON list, not an object", b"[1, 2, 3]"),
        FileCase("a lone surrogate", _with(plan, lambda p: p["profile"].update(hopes="\ud800"))),
        FileCase("markdown in the strengths", _with(plan, markdown), says="unknown id"),
        FileCase("two steps with one id", _with(plan, duplicate_steps), says="two steps"),
        FileCase("62 steps", _with(plan, many_steps), says="too many"),
        FileCase("a reason of 1 MB", _with(plan, huge_reason), says="too long"),
        FileCase("11 notes", _with(plan, lambda p: p.update(notes=["a"] * 11)), says="too many"),
        FileCase(
            "2,000 steps taken",
            _with(
                plan,
                lambda p: p.update(
                    steps_taken=[{"title": "x", "area": "getting_out", "done_on": "2026-01-01"}]
                    * 2000
                ),
            ),
            says="too many",
        ),
        FileCase(
            "40 help contacts",
            _with(plan, lambda p: p.update(signposts=p["signposts"] * 10)),
            says="too many",
        ),
        FileCase(
            "a reference shaped like an NI number",
            _with(plan, lambda p: p.update(reference="AB23-4567")),
            says="National Insurance",
        ),
        FileCase(
            "a reference that is not one",
            _with(plan, lambda p: p.update(reference="<script>")),
            says="not a plan reference",
        ),
        FileCase(
            "a review date in the year 9999",
            _with(plan, lambda p: p.update(review_on="9999-12-31")),
            says="between",
        ),
        FileCase(
            "a date that does not exist",
            _with(plan, lambda p: p.update(review_on="2026-02-30")),
        ),
        FileCase(
            "a year of five digits",
            _with(plan, lambda p: p.update(created_on="99999-01-01")),
        ),
        FileCase(
            "a version of a trillion",
            _with(plan, lambda p: p.update(version=10**12)),
            says="out of range",
        ),
        FileCase(
            "a confidence of 11",
            _with(plan, lambda p: p["steps"][0].update(confidence=11)),
            says="0 to 10",
        ),
        FileCase(
            "a stage given as text",
            _with(plan, lambda p: p["profile"].update(stage="3")),
            says="whole number",
        ),
        FileCase(
            "a step id with markup",
            _with(plan, lambda p: p["steps"][0].update(id="<a href=x>")),
        ),
        FileCase(
            "an extra field",
            _with(plan, lambda p: p.update(owner="someone else")),
            says="not a field",
        ),
    ]


SCRATCH = "{scratch}"


def prepare_scratch(folder: Path) -> None:
    """The odd files the command cases name: a pipe, a loop, a damaged and a read-only database."""
    (folder / "plan.json").write_text(json.dumps(base_plan()))
    os.mkfifo(folder / "a-pipe")
    (folder / "loop").symlink_to(folder / "loop")
    (folder / "a-file").write_text("not a folder")
    (folder / "damaged").mkdir()
    (folder / "damaged" / "right-steps.sqlite3").write_bytes(
        b"SQLite format 3\x00" + b"\x13" * 8000
    )
    sqlite3.connect(folder / "read-only.sqlite3").close()


def command_cases() -> list[CommandCase]:
    """Command lines with odd paths, numbers, settings and databases, in a prepared scratch."""
    plan_file = f"{SCRATCH}/plan.json"
    data = {"RIGHT_STEPS_DATA_DIR": f"{SCRATCH}/data"}
    read_only = f"sqlite:///file:{SCRATCH}/read-only.sqlite3?mode=ro&uri=true"
    return [
        CommandCase(
            "a named pipe as the profile", ["suggest", f"{SCRATCH}/a-pipe"], says="not a file"
        ),
        CommandCase("/dev/zero as the profile", ["suggest", "/dev/zero"], says="not a file"),
        CommandCase("/dev/urandom as the PDF", ["read", "/dev/urandom"], says="not a file"),
        CommandCase(
            "/dev/zero on standard input", ["suggest", "-"], stdin="/dev/zero", says="too big"
        ),
        CommandCase("a folder as the plan", ["pdf", SCRATCH, "-o", "x.pdf"], says="folder"),
        CommandCase("a link to itself", ["suggest", f"{SCRATCH}/loop"]),
        CommandCase("a file that is not there", ["suggest", f"{SCRATCH}/nope.json"]),
        CommandCase(
            "writing the PDF into a folder that is not there",
            ["pdf", plan_file, "-o", f"{SCRATCH}/no/such/x.pdf"],
            says="cannot write",
        ),
        CommandCase(
            "purge --older-than 999999", ["data", "purge", "--older-than", "999999"], env=data
        ),
        CommandCase("purge --older-than 0", ["data", "purge", "--older-than", "0"], env=data),
        CommandCase("purge --older-than -1", ["data", "purge", "--older-than=-1"], env=data),
        CommandCase("purge --older-than 1e3", ["data", "purge", "--older-than", "1e3"], env=data),
        CommandCase(
            "purge --older-than 36500",
            ["data", "purge", "--older-than", "36500"],
            env=data,
            expect_ok=True,
        ),
        CommandCase(
            "RIGHT_STEPS_RETENTION_DAYS=999999999",
            ["data", "purge"],
            env=data | {"RIGHT_STEPS_RETENTION_DAYS": "999999999"},
            says="RIGHT_STEPS_RETENTION_DAYS",
        ),
        CommandCase(
            "RIGHT_STEPS_DRAFT_HOURS=999999999 on purge",
            ["data", "purge"],
            env=data | {"RIGHT_STEPS_DRAFT_HOURS": "999999999"},
            says="RIGHT_STEPS_DRAFT_HOURS",
        ),
        CommandCase(
            "a database address that is not one",
            ["data", "export", "K7TM-9QXA"],
            env={"RIGHT_STEPS_DATABASE_URL": "not a url at all"},
            says="RIGHT_STEPS_DATABASE_URL",
        ),
        CommandCase(
            "a database of an unknown kind",
            ["data", "export", "K7TM-9QXA"],
            env={"RIGHT_STEPS_DATABASE_URL": "nosuchdb://x/y"},
            says="RIGHT_STEPS_DATABASE_URL",
        ),
        CommandCase(
            "a database server that is not there",
            ["data", "export", "K7TM-9QXA"],
            env={"RIGHT_STEPS_DATABASE_URL": "postgresql://user:secret@127.0.0.1:9/x"},
            says="cannot reach",
        ),
        CommandCase(
            "a data folder that is a file",
            ["data", "save", plan_file],
            env={"RIGHT_STEPS_DATA_DIR": f"{SCRATCH}/a-file"},
            says="is a file, not a folder",
        ),
        CommandCase(
            "a damaged database file",
            ["data", "export", "K7TM-9QXA"],
            env={"RIGHT_STEPS_DATA_DIR": f"{SCRATCH}/damaged"},
            says="damaged",
        ),
        CommandCase(
            "a read-only database",
            ["data", "save", plan_file],
            env={"RIGHT_STEPS_DATABASE_URL": read_only},
            says="cannot be written",
        ),
        CommandCase(
            "a disk with no room left",
            ["data", "save", plan_file],
            env=data,
            file_size_limit=4096,
            says="full",
        ),
        CommandCase("an unknown command option", ["suggest", "--no-such-option", plan_file]),
        CommandCase("a reference shaped like an NI number", ["data", "export", "QQ123456C"]),
    ]
