"""Open a saved plan file (a Right Steps PDF with the plan inside, or the plan's JSON).

Files come from outside, so they are read within limits: a PDF is parsed by pypdf with its
decompression limits set to the size of the largest plan, only the first attachment with the
plan's name is decoded, and any failure of a damaged or hostile file is one plain message.
This module needs pypdf but not reportlab: opening a plan never loads the printing code.
"""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader, apply_configuration
from pypdf.errors import FileNotDecryptedError, LimitReachedError

from goal_library.models import Library
from planner.errors import InputError
from planner.inputs import MAX_PLAN_BYTES, MAX_SAVED_FILE_BYTES, plan_from_bytes
from planner.models import Plan

ATTACHMENT_NAME = "right-steps-plan.json"

# pypdf's own limits, brought down to what a Right Steps file can hold: no stream in the file
# is longer than the file, and no stream decodes to more than the largest plan (with room for
# a second filter in a chain, which pypdf counts as decoding work too).
_PYPDF_LIMITS = {
    "maximum_declared_stream_length": MAX_SAVED_FILE_BYTES,
    "array_based_stream_maximum_output_length": MAX_PLAN_BYTES,
    "jbig2_maximum_output_length": MAX_PLAN_BYTES,
    "lzw_maximum_output_length": MAX_PLAN_BYTES,
    "run_length_maximum_output_length": MAX_PLAN_BYTES,
    "zlib_maximum_output_length": MAX_PLAN_BYTES,
    "zlib_maximum_recovery_input_length": MAX_PLAN_BYTES,
    "brotli_maximum_output_length": MAX_PLAN_BYTES,
    "image_maximum_buffer_size": MAX_PLAN_BYTES,
    "stream_decoding_work_maximum_length": 4 * MAX_PLAN_BYTES,
    "stream_filters_maximum_length": 4,
    "array_maximum_element_count": 10_000,
    "dictionary_maximum_element_count": 10_000,
    "page_tree_maximum_entries": 10_000,
    "jbig2dec_binary": None,  # never run another program on a file from outside
}

DAMAGED = "the PDF is damaged and cannot be read"
_LOCKED = "the PDF is locked with a password; Right Steps plans never are"


def plan_from_saved_file(raw: bytes, library: Library) -> Plan:
    """A plan from a saved Right Steps file: its PDF (with the plan inside) or its JSON."""
    if looks_like_pdf(raw):
        return read_attached_plan(raw, library)
    return plan_from_bytes(raw, library)


def read_attached_plan(pdf: bytes, library: Library) -> Plan:
    """The plan attached to a Right Steps PDF. Raises InputError with a plain reason."""
    return plan_from_bytes(attached_plan_bytes(pdf), library)


def attached_plan_bytes(pdf: bytes) -> bytes:
    """The bytes of the first attachment named like a Right Steps plan, decoded within limits."""
    if len(pdf) > MAX_SAVED_FILE_BYTES:
        raise InputError(
            f"the file is too big to be a Right Steps plan ({len(pdf):,} bytes; "
            f"the limit is {MAX_SAVED_FILE_BYTES:,})"
        )
    if not looks_like_pdf(pdf):
        raise InputError("the file is not a PDF")
    # pypdf logs its own warnings about damaged files; the person gets one plain line instead.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        with apply_configuration(**_PYPDF_LIMITS):
            return _first_plan_attachment(PdfReader(io.BytesIO(pdf)))
    except InputError:
        raise
    except FileNotDecryptedError as error:
        raise InputError(_LOCKED) from error
    except LimitReachedError as error:
        raise InputError("the plan inside the PDF is too big to be a Right Steps plan") from error
    except MemoryError as error:
        raise InputError("the PDF is too big to read") from error
    except Exception as error:  # a hostile file can fail in any part of a parser
        raise InputError(DAMAGED) from error


def _first_plan_attachment(reader: PdfReader) -> bytes:
    if reader.is_encrypted:
        raise InputError(_LOCKED)
    for attachment in reader.attachment_list:
        if attachment.name == ATTACHMENT_NAME:
            content = attachment.content
            if not isinstance(content, bytes):
                raise InputError(DAMAGED)
            return content
    raise InputError("this PDF has no Right Steps plan inside it")


def looks_like_pdf(raw: bytes) -> bool:
    return raw.lstrip()[:5] == b"%PDF-"
