"""Opening saved files: a Right Steps PDF or JSON, and everything that only looks like one.

The corpus of hostile files, run through the command line under a memory limit, is in
tests/hostile; these are the upload function's own answers.
"""

from __future__ import annotations

import io

import pytest

from planner.errors import InputError
from planner.saved_files import plan_from_saved_file, read_attached_plan


def test_a_pdf_without_a_plan_or_a_file_that_is_not_a_pdf_is_refused(library):
    from reportlab.pdfgen.canvas import Canvas

    plain = io.BytesIO()
    canvas = Canvas(plain)
    canvas.drawString(72, 720, "hello")
    canvas.save()
    with pytest.raises(InputError, match="no Right Steps plan inside"):
        read_attached_plan(plain.getvalue(), library)
    with pytest.raises(InputError, match="not a PDF"):
        read_attached_plan(b'{"stage": 2}', library)
    with pytest.raises(InputError, match="damaged"):
        read_attached_plan(b"%PDF-1.7\n" + b"\x00garbage" * 100, library)


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "not text"),
        (b"PK\x03\x04" + b"\x00" * 100, "not text"),
        (b'{"stage": 2}', "profile: missing"),
        (b"%PDF-1.7\n%%EOF", "damaged"),
        (b"%PDF-" + b"A" * 6_000_000, "too big"),
        (b"<script>alert(1)</script>", "not valid JSON"),
    ],
)
def test_a_hostile_or_wrong_upload_gets_a_plain_message(library, raw, says):
    with pytest.raises(InputError, match=says):
        plan_from_saved_file(raw, library)
