"""The bundled fonts for the printed plan, and which font prints each character.

Atkinson Hyperlegible is the main face. Noto Sans covers the letters it lacks (the Welsh ŵ and ŷ,
for example). The Noto faces of the world's other scripts (Arabic and Urdu, Bengali, Gurmukhi,
Gujarati, Devanagari, Tamil and more), Noto Emoji (one colour, so it prints like text) and Noto
Sans Symbols come from the `manimgx-fonts` package. Chinese, Japanese and Korean use Droid Sans
Fallback from Debian's `fonts-droid-fallback`: the Noto CJK faces have PostScript outlines, which
reportlab cannot embed. A character no font has is printed as its name in square brackets, so
it is visible and never a black box or a missing letter.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from xml.sax.saxutils import escape

import fontpkg_atkinson_hyperlegible as atkinson
import fontpkg_noto_sans as noto
import manimgx_fonts
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from planner.pdf_text_map import map_text_for_copying

MAIN = "Atkinson"
MAIN_BOLD = "Atkinson-Bold"
FALLBACK = "NotoSans"
EMOJI = "NotoEmoji"
CJK = "DroidSansFallback"
# Joiners, variation selectors and zero-width spaces print as nothing; they are kept only for
# a font whose text is shaped, which reads them (see `needs_shaping`).
_INVISIBLE = frozenset({"\u200c", "\u200d", "\ufe0e", "\ufe0f", "\u200b", "\u2060"})

_NOTO = Path(manimgx_fonts.__file__).parent
# Faces for scripts whose letters change shape with their neighbours, or run right to left.
# Their text is laid out by `planner.shaped_text`.
SCRIPT_FACES: dict[str, str] = {
    "NotoSansArabic": "NotoSansArabic[wght].ttf",
    "NotoSansBengali": "NotoSansBengali[wght].ttf",
    "NotoSansGurmukhi": "NotoSansGurmukhi[wght].ttf",
    "NotoSansGujarati": "NotoSansGujarati[wght].ttf",
    "NotoSansDevanagari": "NotoSansDevanagari[wght].ttf",
    "NotoSansTamil": "NotoSansTamil[wght].ttf",
    "NotoSansTelugu": "NotoSansTelugu[wght].ttf",
    "NotoSansKannada": "NotoSansKannada[wght].ttf",
    "NotoSansMalayalam": "NotoSansMalayalam[wght].ttf",
    "NotoSansOriya": "NotoSansOriya[wght].ttf",
    "NotoSansSinhala": "NotoSansSinhala[wght].ttf",
    "NotoSansHebrew": "NotoSansHebrew[wght].ttf",
    "NotoSansThai": "NotoSansThai[wght].ttf",
    "NotoSansLao": "NotoSansLao[wght].ttf",
    "NotoSansKhmer": "NotoSansKhmer[wght].ttf",
    "NotoSansMyanmar": "NotoSansMyanmar[wght].ttf",
    "NotoSansArmenian": "NotoSansArmenian[wght].ttf",
    "NotoSansGeorgian": "NotoSansGeorgian[wght].ttf",
    "NotoSansEthiopic": "NotoSansEthiopic[wght].ttf",
}
_SYMBOLS = "NotoSansSymbols"
# Where Debian's fonts-droid-fallback puts the face; without it, CJK prints as names. The
# smaller file is the one with Korean.
_CJK_FILES = (
    Path("/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf"),
    Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
)


@dataclass(frozen=True)
class FontSet:
    """The registered fonts, in the order they are tried, each with the characters it has."""

    faces: tuple[tuple[str, frozenset[int]], ...]

    def covers(self, font: str, code: int) -> bool:
        return code in self._codes_of.get(font, ())

    def first_with(self, code: int) -> str | None:
        # Asked once per character printed: the answer for each character is kept.
        known = self._first_font
        if code not in known:
            known[code] = next((name for name, codes in self.faces if code in codes), None)
        return known[code]

    @cached_property
    def _codes_of(self) -> dict[str, frozenset[int]]:
        codes: dict[str, frozenset[int]] = {}
        for name, covered in self.faces:
            codes.setdefault(name, covered)
        return codes

    @cached_property
    def _first_font(self) -> dict[int, str | None]:
        return {}


@cache
def register_fonts() -> FontSet:
    """Register the bundled fonts with reportlab once per process; returns their character sets."""
    files = atkinson.ROOT / "files"
    regular = TTFont(MAIN, str(files / "AtkinsonHyperlegible-Regular.ttf"))
    bold = TTFont(MAIN_BOLD, str(files / "AtkinsonHyperlegible-Bold.ttf"))
    # The Noto faces ship as variable fonts; reportlab uses their default (regular) instance.
    others = [TTFont(FALLBACK, str(noto.ROOT / "files" / "NotoSans[wdth,wght].ttf"))]
    others += [TTFont(name, str(_NOTO / file)) for name, file in SCRIPT_FACES.items()]
    cjk_file = next((path for path in _CJK_FILES if path.is_file()), None)
    if cjk_file is not None:
        others.append(TTFont(CJK, str(cjk_file)))
    others.append(TTFont(_SYMBOLS, str(_NOTO / "NotoSansSymbols[wght].ttf")))
    others.append(TTFont(EMOJI, str(_NOTO / "NotoEmoji[wght].ttf")))
    for font in (regular, bold, *others):
        pdfmetrics.registerFont(font)
    map_text_for_copying()
    addMapping(MAIN, 0, 0, MAIN)
    addMapping(MAIN, 1, 0, MAIN_BOLD)
    addMapping(MAIN, 0, 1, MAIN)
    addMapping(MAIN, 1, 1, MAIN_BOLD)
    main = frozenset(regular.face.charToGlyph) & frozenset(bold.face.charToGlyph)
    coverage = {font.fontName: frozenset(font.face.charToGlyph) for font in others}
    # Noto Sans has Devanagari too, but a character a script face has prints in that face,
    # where it is shaped.
    scripts = frozenset().union(*(coverage[name] for name in SCRIPT_FACES))
    coverage[FALLBACK] = coverage[FALLBACK] - scripts
    return FontSet(faces=((MAIN, main), *coverage.items()))


def needs_shaping(font: str) -> bool:
    """Whether text in this font must be shaped (joined, reordered or run right to left)."""
    return font in SCRIPT_FACES


def font_runs(text: str, fonts: FontSet, first_font: str = MAIN) -> list[tuple[str, str]]:
    """The text as (font, text) runs, in order; a new line is a run of its own, font "".

    A character takes the first font that has it. A mark stays with the letter before it, and in
    a script that is shaped, so do spaces, digits, punctuation and joiners (when its font has
    them), so that a word is shaped as one piece.
    """
    runs: list[tuple[str, str]] = []
    run: list[str] = []
    run_font = first_font

    def flush() -> None:
        if run:
            runs.append((run_font, "".join(run)))
            run.clear()

    for character in text:
        if character == "\n":
            flush()
            runs.append(("", "\n"))
            continue
        font, shown = _font_for(character, fonts, run_font)
        if shown is None:
            continue
        if font != run_font:
            flush()
            run_font = font
        run.append(shown)
    flush()
    return runs


def printable_markup(text: str, fonts: FontSet) -> str:
    """Paragraph markup that prints `text` literally: escaped, with a font for every character."""
    return markup_for_runs(font_runs(text, fonts))


def markup_for_runs(runs: list[tuple[str, str]]) -> str:
    pieces: list[str] = []
    for font, text in runs:
        if text == "\n":
            pieces.append("<br/>")
            continue
        chunk = escape(text, {'"': "&quot;"})
        pieces.append(chunk if font == MAIN else f'<font face="{font}">{chunk}</font>')
    return "".join(pieces)


def _font_for(character: str, fonts: FontSet, run_font: str) -> tuple[str, str | None]:
    if character == "\r":
        return run_font, None
    if character == "\t":
        return run_font, " "
    code = ord(character)
    if character in _INVISIBLE:
        # Kept only where shaping reads them (a Bengali or Arabic joiner); dropped elsewhere.
        return (run_font, character) if needs_shaping(run_font) else (run_font, None)
    category = unicodedata.category(character)
    if category == "Cc":
        return run_font, None
    # A mark belongs to the letter before it; in a shaped script, so do spaces and punctuation.
    keeps_run = category.startswith("M") or (needs_shaping(run_font) and category[0] != "L")
    if keeps_run and fonts.covers(run_font, code):
        return run_font, character
    font = fonts.first_with(code)
    if font is not None:
        return font, character
    return MAIN, f"[{unicodedata.name(character, 'symbol').lower()}]"
