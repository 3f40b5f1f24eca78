"""The bundled fonts for the printed plan, and the text markup that picks a font per character.

Atkinson Hyperlegible is the main face. Noto Sans covers the letters it lacks (the Welsh ŵ and ŷ,
for example). A character neither has, such as an emoji, is printed as its name in square
brackets, so it is visible and never a black box or a missing letter.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

import fontpkg_atkinson_hyperlegible as atkinson
import fontpkg_noto_sans as noto
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

MAIN = "Atkinson"
MAIN_BOLD = "Atkinson-Bold"
FALLBACK = "NotoSans"
# Joiners and variation selectors shape the character before them and print as nothing.
_INVISIBLE = frozenset({"\u200d", "\ufe0e", "\ufe0f", "\u200b", "\u2060"})


@dataclass(frozen=True)
class FontSet:
    main: frozenset[int]
    fallback: frozenset[int]


@cache
def register_fonts() -> FontSet:
    """Register the bundled fonts with reportlab once per process; returns their character sets."""
    files = atkinson.ROOT / "files"
    regular = TTFont(MAIN, str(files / "AtkinsonHyperlegible-Regular.ttf"))
    bold = TTFont(MAIN_BOLD, str(files / "AtkinsonHyperlegible-Bold.ttf"))
    # Noto Sans ships as a variable font; reportlab uses its default (regular) instance.
    fallback = TTFont(FALLBACK, str(noto.ROOT / "files" / "NotoSans[wdth,wght].ttf"))
    for font in (regular, bold, fallback):
        pdfmetrics.registerFont(font)
    addMapping(MAIN, 0, 0, MAIN)
    addMapping(MAIN, 1, 0, MAIN_BOLD)
    addMapping(MAIN, 0, 1, MAIN)
    addMapping(MAIN, 1, 1, MAIN_BOLD)
    return FontSet(
        main=frozenset(regular.face.charToGlyph) & frozenset(bold.face.charToGlyph),
        fallback=frozenset(fallback.face.charToGlyph),
    )


def printable_markup(text: str, fonts: FontSet) -> str:
    """Paragraph markup that prints `text` literally: escaped, with a font for every character."""
    pieces: list[str] = []
    run: list[str] = []
    run_font = MAIN

    def flush() -> None:
        if run:
            chunk = escape("".join(run), {'"': "&quot;"})
            pieces.append(chunk if run_font == MAIN else f'<font face="{run_font}">{chunk}</font>')
            run.clear()

    for character in text:
        font, shown = _font_for(character, fonts)
        if shown is None:
            continue
        if shown == "\n":
            flush()
            pieces.append("<br/>")
            continue
        if font != run_font:
            flush()
            run_font = font
        run.append(shown)
    flush()
    return "".join(pieces)


def _font_for(character: str, fonts: FontSet) -> tuple[str, str | None]:
    if character == "\n":
        return MAIN, "\n"
    if character in _INVISIBLE or character == "\r":
        return MAIN, None
    if character == "\t":
        return MAIN, " "
    code = ord(character)
    if code in fonts.main:
        return MAIN, character
    if code in fonts.fallback:
        return FALLBACK, character
    if unicodedata.category(character) == "Cc":
        return MAIN, None
    return MAIN, f"[{unicodedata.name(character, 'symbol').lower()}]"
