"""What a PDF reader gives back when someone copies, searches or reads out the printed plan.

A PDF maps each character code of a font to the text it stands for (its ToUnicode map).
reportlab writes every entry as four hex digits and one code per character, which loses what
lies beyond U+FFFF (an emoji prints, but copies as nothing) and cannot say that one shaped
glyph stands for several characters (a Bengali conjunct), for a letter in its joined form
(Arabic) or for nothing (the second glyph of a cluster). Shaped glyphs get codes of their own
here, from a private-use plane, each mapped to the text it stands for, and the map is written
as UTF-16, as the PDF standard asks.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.ttfonts import TTFont

# Supplementary Private Use Area-A: no font here maps a character to it.
_FIRST_CODE = 0xF0000
_LAST_CODE = 0xFFFFD
_lock = threading.Lock()
# Per font file name (as the PDF names it): private code -> the text it stands for.
_texts: dict[str, dict[int, str]] = {}
# Per font file name: (glyph, text, width) -> private code.
_codes: dict[str, dict[tuple[int, str, float], int]] = {}


# (font, glyph, text, advance) -> what `glyph_character` answered: asked once per glyph
# printed, and most glyphs recur.
_answers: dict[tuple[int, int, str, float], tuple[str, float]] = {}


def glyph_character(font: TTFont, glyph: int, text: str, advance: float) -> tuple[str, float]:
    """The character that prints `glyph` in `font` and copies as `text`, and its width.

    `advance` is how far the glyph moves the pen here, in thousandths of the font size; a
    code of its own is given that width, so nothing is moved between glyphs.
    """
    key = (id(font), glyph, text, advance)  # a registered font lasts as long as the process
    answer = _answers.get(key)
    if answer is None:
        answer = _answers[key] = _glyph_character(font, glyph, text, advance)
    return answer


def _glyph_character(font: TTFont, glyph: int, text: str, advance: float) -> tuple[str, float]:
    face = font.face
    if len(text) == 1 and face.charToGlyph.get(ord(text)) == glyph:
        return text, face.getCharWidth(ord(text))
    name = _face_name(face)
    key = (glyph, text, round(advance, 3))
    code = _codes.get(name, {}).get(key)  # most glyphs have their code already: no lock
    if code is not None:
        return chr(code), key[2]
    with _lock:
        codes = _codes.setdefault(name, {})
        code = codes.get(key)
        if code is None:
            code = _FIRST_CODE + len(codes)
            if code > _LAST_CODE:
                # Every private code is taken (a very long-running process): print the glyph
                # under its own character, which copies less well.
                own = next(iter(face.glyphToChar.get(glyph, [0])))
                return chr(own), face.getCharWidth(own)
            codes[key] = code
            _texts.setdefault(name, {})[code] = text
            face.charToGlyph[code] = glyph
            face.charWidths[code] = key[2]
    return chr(code), key[2]


def map_text_for_copying() -> None:
    """Have reportlab write ToUnicode maps that cover shaped glyphs and every plane."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap


def _face_name(face: object) -> str:
    return (face.name + face.subfontNameX).decode("latin-1")  # type: ignore[attr-defined]


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    texts = _texts.get(fontname.partition("+")[2], {})
    entries = [
        f"<{index:02X}> <{texts.get(code, chr(code)).encode('utf-16-be').hex().upper()}>"
        for index, code in enumerate(subset)
    ]
    blocks: list[str] = []
    # The standard allows at most 100 entries in one block.
    for start in range(0, len(entries), 100):
        chunk = entries[start : start + 100]
        blocks += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            *blocks,
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )
