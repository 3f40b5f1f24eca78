"""Write small PDFs by hand, object by object, so a test can build any broken or hostile one.

`pdf_file(objects)` lays out numbered objects with a correct cross-reference table; each object
is the bytes between `N 0 obj` and `endobj`. Nothing here checks that the result makes sense:
that is the point.
"""

from __future__ import annotations

import zlib


def pdf_file(
    objects: dict[int, bytes],
    *,
    root: int = 1,
    trailer_extra: bytes = b"",
    header: bytes = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
) -> bytes:
    out = bytearray(header)
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref_at = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        if number in offsets:
            out += b"%010d 00000 n \n" % offsets[number]
        else:
            out += b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R %s >>\n" % (size, root, trailer_extra)
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


def stream(data: bytes, entries: bytes = b"") -> bytes:
    """A stream object whose /Length is right for `data`."""
    return b"<< /Type /EmbeddedFile /Length %d %s >>\nstream\n" % (len(data), entries) + (
        data + b"\nendstream"
    )


def deflated(data: bytes, times: int = 1) -> bytes:
    for _ in range(times):
        data = zlib.compress(data, 9)
    return data


def deflated_zeros(size: int, times: int) -> bytes:
    """`size` zero bytes deflated `times` times, made without holding `size` bytes at once."""
    squeeze = zlib.compressobj(9)
    chunk = bytes(1 << 20)
    parts = []
    left = size
    while left > 0:
        parts.append(squeeze.compress(chunk[: min(left, len(chunk))]))
        left -= len(chunk)
    parts.append(squeeze.flush())
    return deflated(b"".join(parts), times - 1)


def catalog_with_attachments(filespecs: list[int], name: bytes = b"right-steps-plan.json") -> bytes:
    names = b" ".join(b"(%s) %d 0 R" % (name, number) for number in filespecs)
    return (
        b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [%s] >> >> >>" % names
    )


PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"


def filespec(stream_number: int, name: bytes = b"right-steps-plan.json") -> bytes:
    return b"<< /Type /Filespec /F (%s) /EF << /F %d 0 R >> >>" % (name, stream_number)


def pdf_with_attachment(data: bytes, entries: bytes = b"") -> bytes:
    """A one-page PDF whose one attachment, named like a plan, holds `data` as given."""
    return pdf_file(
        {
            1: catalog_with_attachments([4]),
            2: PAGES,
            3: PAGE,
            4: filespec(5),
            5: stream(data, entries),
        }
    )
