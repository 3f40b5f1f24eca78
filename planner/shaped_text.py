"""A paragraph in scripts whose letters join and change shape, or that run right to left.

reportlab's own Paragraph shapes one word at a time with the font of its first letter, and in
a paragraph of several fonts it leaves text in the order it was typed, so Urdu with a number
or an English name in it printed its words, and its digits, in the wrong order. Here the
Unicode bidirectional algorithm (python-bidi) gives each character its direction, HarfBuzz
(uharfbuzz) shapes each run of one font and one direction, lines are broken where the text
allows, and each line is put in visual order (rule L2) before it is drawn. The page stays
left-aligned, as the rest of the plan is.

Each glyph is drawn under a code that copies back as the text it stands for
(`planner.pdf_text_map`), so the words can be searched, copied and read aloud from the PDF.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

import uharfbuzz
from bidi import algorithm as bidi
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr, TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from planner.pdf_text_map import glyph_character

# Without a character of these bidirectional types, every character is at level 0.
_RAISES_LEVEL = frozenset({"R", "AL", "AN", "LRE", "RLE", "LRO", "RLO", "LRI", "RLI", "FSI"})
# Isolates as the embeddings they replaced: LRI as LRE, RLI as RLE, PDI as PDF.
_ISOLATES = {"\u2066": "\u202a", "\u2067": "\u202b", "\u2069": "\u202c"}
# Characters that join what is on either side of them: a line never breaks next to them.
_NO_BREAK_AROUND = frozenset({"\u200c", "\u200d", "\u2060"})


class Segment(NamedTuple):
    """Text of one font and one direction, shaped: what `Canvas` draws in one go.

    A named tuple rather than a dataclass: a long plan makes hundreds of thousands of them.
    """

    font: str
    level: int
    text: str
    characters: str
    shapes: tuple[ShapeData, ...]
    width: float  # in points
    is_space: bool


@dataclass(frozen=True)
class Run:
    """Text in one font, as the person typed it; a "\n" run ends the line."""

    font: str
    text: str


def shaped_lines(runs: list[Run], size: float, width: float) -> list[list[Segment]]:
    """The runs laid out in lines no wider than `width`, each line in visual order."""
    text = "".join(run.text for run in runs)
    fonts = [run.font for run in runs for _ in run.text]
    levels = _bidi_levels(text)
    lines: list[list[Segment]] = []
    for start, end in _hard_lines(text):
        words = _words(text, fonts, levels, start, end, size)
        for line in _fill(words, size, width):
            lines.append(_joined(_visual_order(_trim(line))))
    return lines


class ShapedParagraph(Flowable):
    """A paragraph of shaped text that can run on to the next page between lines."""

    def __init__(
        self,
        runs: list[Run],
        style: ParagraphStyle,
        *,
        bullet: str | None = None,
        first_of_split: bool = True,
    ) -> None:
        super().__init__()
        self.runs = runs
        self.style = style
        self.bullet = bullet
        self._first_of_split = first_of_split
        self._lines: dict[float, list[list[Segment]]] = {}

    def _text_width(self, available: float) -> float:
        return available - self.style.leftIndent - self.style.rightIndent

    def _layout(self, available: float) -> list[list[Segment]]:
        if available not in self._lines:
            width = self._text_width(available)
            self._lines[available] = shaped_lines(self.runs, self.style.fontSize, width)
        return self._lines[available]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = max(len(self._layout(availWidth)), 1) * self.style.leading
        return availWidth, self.height

    def getSpaceBefore(self) -> float:
        return self.style.spaceBefore if self._first_of_split else 0

    def getSpaceAfter(self) -> float:
        return self.style.spaceAfter

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        lines = self._layout(availWidth)
        fits = int(availHeight // self.style.leading)
        if fits < 1 or fits >= len(lines):
            return []
        first = _LinesParagraph(lines[:fits], self.style, self.bullet, self._first_of_split)
        rest = _LinesParagraph(lines[fits:], self.style, None, first_of_split=False)
        return [first, rest]

    def draw(self) -> None:
        _draw_lines(self.canv, self._layout(self.width), self.style, self.bullet, self.height)


class _LinesParagraph(ShapedParagraph):
    """Part of a ShapedParagraph that was split between pages: its lines are already made."""

    def __init__(
        self,
        lines: list[list[Segment]],
        style: ParagraphStyle,
        bullet: str | None,
        first_of_split: bool,
    ) -> None:
        super().__init__([], style, bullet=bullet, first_of_split=first_of_split)
        self._fixed = lines

    def _layout(self, available: float) -> list[list[Segment]]:
        return self._fixed


def _draw_lines(
    canvas: Canvas,
    lines: list[list[Segment]],
    style: ParagraphStyle,
    bullet: str | None,
    height: float,
) -> None:
    # As reportlab's Paragraph does: the first baseline one font size below the top.
    baseline = height - style.fontSize
    canvas.saveState()
    canvas.setFillColor(style.textColor)
    if bullet:
        canvas.setFont(style.bulletFontName, style.bulletFontSize)
        canvas.drawString(style.bulletIndent, baseline, bullet)
    for line in lines:
        text = canvas.beginText(style.leftIndent, baseline)
        for segment in line:
            text.setFont(segment.font, style.fontSize)
            text.textOut(ShapedStr(segment.characters, shapeData=list(segment.shapes)))
        canvas.drawText(text)
        baseline -= style.leading
    canvas.restoreState()


def _bidi_levels(text: str) -> list[int]:
    """Each character's embedding level (even runs left to right, odd right to left)."""
    if not any(unicodedata.bidirectional(character) in _RAISES_LEVEL for character in set(text)):
        return [0] * len(text)  # the algorithm gives every character level 0: skip it
    return _levels_by_algorithm(text)


def _levels_by_algorithm(text: str) -> list[int]:
    """python-bidi's implementation of the algorithm, with one level for every character."""
    if any(_refused(character) for character in set(text)):
        text = _as_the_algorithm_reads(text)
    storage = bidi.get_empty_storage()
    base_level = bidi.get_base_level(text)
    storage["base_level"] = base_level
    storage["base_dir"] = ("L", "R")[base_level]
    bidi.get_embedding_levels(text, storage)
    bidi.explicit_embed_and_overrides(storage)
    bidi.resolve_weak_types(storage)
    bidi.resolve_neutral_types(storage, False)
    bidi.resolve_implicit_levels(storage, False)
    # Rule X9 leaves out embedding marks and joiners (a Persian or Urdu word often has a
    # zero-width non-joiner); each takes the level of the character before it, as the
    # standard suggests, so every character keeps a level.
    resolved_levels = [character["level"] for character in storage["chars"]]
    if len(resolved_levels) == len(text):
        return resolved_levels
    resolved = iter(resolved_levels)
    levels: list[int] = []
    level = base_level
    for character in text:
        if unicodedata.bidirectional(character) not in bidi.X9_REMOVED:
            level = next(resolved)
        levels.append(level)
    return levels


def _refused(character: str) -> bool:
    return (
        character in _ISOLATES or character == "\u2068" or not unicodedata.bidirectional(character)
    )


def _as_the_algorithm_reads(text: str) -> str:
    """The text with what python-bidi's algorithm refuses put as it can read it, at the same
    length. It predates isolates (Unicode 6.3): each is read as the embedding it replaced, and
    a first-strong isolate takes the direction of the first letter after it. A character with
    no direction of its own (one not yet in Unicode) is read as a neutral symbol."""
    read: list[str] = []
    for index, character in enumerate(text):
        if character == "\u2068":  # first strong isolate
            rest = text[index + 1 :].split("\u2069", 1)[0]
            read.append("\u202b" if bidi.get_base_level(rest) else "\u202a")
        elif character in _ISOLATES:
            read.append(_ISOLATES[character])
        elif not unicodedata.bidirectional(character):
            read.append("\ufffd")
        else:
            read.append(character)
    return "".join(read)


def _hard_lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for index, character in enumerate(text):
        if character == "\n":
            spans.append((start, index))
            start = index + 1
    spans.append((start, len(text)))
    return spans


Word = list[Segment]


def _words(
    text: str, fonts: list[str], levels: list[int], start: int, end: int, size: float
) -> list[Word]:
    """Words and the spaces between them, each a list of shaped segments, in typed order."""
    words: list[Word] = []
    current: Word = []
    index = start
    while index < end:
        is_space = text[index] == " "
        stop = index + 1
        while (
            stop < end
            and fonts[stop] == fonts[index]
            and levels[stop] == levels[index]
            and (text[stop] == " ") == is_space
        ):
            stop += 1
        segment = _shape(fonts[index], levels[index], text[index:stop], size, is_space)
        if is_space:
            if current:
                words.append(current)
                current = []
            words.append([segment])
        else:
            current.append(segment)
        index = stop
    if current:
        words.append(current)
    return words


def _fill(words: list[Word], size: float, width: float) -> list[list[Segment]]:
    """Greedy lines: as many words as fit, a word wider than a line cut between clusters."""
    lines: list[list[Segment]] = []
    line: list[Segment] = []
    line_width = 0.0
    for word in words:
        word_width = sum(segment.width for segment in word)
        if line_width + word_width <= width or (word[0].is_space and line):
            line.extend(word)
            line_width += word_width
            continue
        if _trim(line):
            lines.append(line)
        line, line_width = [], 0.0
        if word[0].is_space:
            continue
        if word_width <= width:
            line, line_width = list(word), word_width
            continue
        for piece in _cut_word(word, size, width):
            if line:
                lines.append(line)
            line, line_width = piece, sum(segment.width for segment in piece)
    if _trim(line) or not lines:
        lines.append(line)
    return lines


def _cut_word(word: Word, size: float, width: float) -> list[list[Segment]]:
    """A word too wide for a line as pieces that each fit, cut between clusters."""
    pieces: list[list[Segment]] = []
    piece: list[Segment] = []
    piece_width = 0.0
    for segment in word:
        rest = segment.text
        while rest:
            room = width - piece_width
            cut = _longest_fitting(segment, rest, size, room)
            if cut == 0 and piece:
                pieces.append(piece)
                piece, piece_width = [], 0.0
                continue
            cut = max(cut, _next_boundary(rest, 0))
            part = _shape(segment.font, segment.level, rest[:cut], size, False)
            piece.append(part)
            piece_width += part.width
            rest = rest[cut:]
            if rest:
                pieces.append(piece)
                piece, piece_width = [], 0.0
    if piece:
        pieces.append(piece)
    return pieces


def _longest_fitting(segment: Segment, text: str, size: float, room: float) -> int:
    """The longest start of `text`, ending between clusters, that fits in `room` points."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        cut = _previous_boundary(text, middle)
        if cut == 0:
            high = middle - 1
            continue
        if _shape(segment.font, segment.level, text[:cut], size, False).width <= room:
            low = middle
        else:
            high = middle - 1
    return _previous_boundary(text, low)


def _is_boundary(text: str, index: int) -> bool:
    if index <= 0 or index >= len(text):
        return True
    character, before = text[index], text[index - 1]
    if character in _NO_BREAK_AROUND or before in _NO_BREAK_AROUND:
        return False
    # A virama (combining class 9) joins the letters on either side into one.
    if unicodedata.combining(before) == 9:
        return False
    return not unicodedata.category(character).startswith("M")


def _previous_boundary(text: str, index: int) -> int:
    while index > 0 and not _is_boundary(text, index):
        index -= 1
    return index


def _next_boundary(text: str, index: int) -> int:
    index += 1
    while index < len(text) and not _is_boundary(text, index):
        index += 1
    return index


def _trim(line: list[Segment]) -> list[Segment]:
    """The line without spaces at either end (rule L1 puts them at the line's edge)."""
    start, end = 0, len(line)
    while start < end and line[start].is_space:
        start += 1
    while end > start and line[end - 1].is_space:
        end -= 1
    del line[end:]
    del line[:start]
    return line


def _visual_order(line: list[Segment]) -> list[Segment]:
    """Rule L2: from the highest level down to the lowest odd one, reverse each stretch of
    segments at that level or higher. Each right-to-left segment is already in visual order."""
    if not line:
        return line
    ordered = list(line)
    highest = max(segment.level for segment in ordered)
    lowest_odd = min((segment.level for segment in ordered if segment.level % 2), default=None)
    if lowest_odd is None:
        return ordered
    for level in range(highest, lowest_odd - 1, -1):
        index = 0
        while index < len(ordered):
            if ordered[index].level < level:
                index += 1
                continue
            stop = index
            while stop < len(ordered) and ordered[stop].level >= level:
                stop += 1
            ordered[index:stop] = ordered[index:stop][::-1]
            index = stop
    return ordered


def _joined(line: list[Segment]) -> list[Segment]:
    """Neighbouring segments of one font and direction as one, drawn by one PDF operator, so
    a reader that puts right-to-left text back in typed order sees the whole stretch."""
    joined: list[Segment] = []
    for segment in line:
        last = joined[-1] if joined else None
        if last is not None and last.font == segment.font and last.level == segment.level:
            joined[-1] = Segment(
                font=last.font,
                level=last.level,
                text=last.text + segment.text,
                characters=last.characters + segment.characters,
                shapes=last.shapes + segment.shapes,
                width=last.width + segment.width,
                is_space=last.is_space and segment.is_space,
            )
        else:
            joined.append(segment)
    return joined


@cache
def _harfbuzz_font(font_name: str) -> uharfbuzz.Font:
    return uharfbuzz.Font(pdfmetrics.getFont(font_name).hbFace)


# Words recur (a name, "and", "the"): shaping each once per process keeps a long plan quick.
@lru_cache(maxsize=8192)
def _shape(font_name: str, level: int, text: str, size: float, is_space: bool) -> Segment:
    """The text shaped, `width` in points at `size` (the shaping is shared by every size)."""
    shaped = _shaped(font_name, level, text, is_space)
    return Segment(
        font=font_name,
        level=level,
        text=text,
        characters=shaped.characters,
        shapes=shaped.shapes,
        width=shaped.width * size / 1000,
        is_space=is_space,
    )


@lru_cache(maxsize=8192)
def _shaped(font_name: str, level: int, text: str, is_space: bool) -> Segment:
    """The text shaped; `width` in thousandths of the font size."""
    font: TTFont = pdfmetrics.getFont(font_name)
    scale = font.pdfScale(1.0)  # font units to thousandths of the font size
    harfbuzz = _harfbuzz_font(font_name)
    buffer = uharfbuzz.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    # The level, not the script, decides the direction: digits in Urdu run left to right.
    buffer.direction = "rtl" if level % 2 else "ltr"
    uharfbuzz.shape(harfbuzz, buffer, {"kern": True, "liga": True})
    infos, positions = buffer.glyph_infos, buffer.glyph_positions
    clusters = sorted({info.cluster for info in infos})
    cluster_end = dict(zip(clusters, [*clusters[1:], len(text)], strict=True))
    advances = [position.x_advance * scale for position in positions]
    offsets = [position.x_offset * scale for position in positions]
    # A glyph moved sideways (a mark over its letter) is drawn where the glyph before it
    # ends, by moving that end, rather than by stepping back and forth around it: a PDF
    # reader takes a step forward between glyphs for a space between words.
    for index in range(1, len(offsets)):
        if offsets[index]:
            advances[index - 1] += offsets[index]
            advances[index] -= offsets[index]
            offsets[index] = 0
    seen: set[int] = set()
    characters: list[str] = []
    shapes: list[ShapeData] = []
    for info, position, advance, offset in zip(infos, positions, advances, offsets, strict=True):
        start = info.cluster
        # The first glyph drawn for a cluster copies as its text; any others copy as nothing.
        if start in seen:
            copies_as = ""
        else:
            copies_as = text[start : cluster_end[start]]
            seen.add(start)
        coded = glyph_character(font, info.codepoint, copies_as, advance)
        characters.append(coded[0])
        shapes.append(
            ShapeData(
                start,
                advance,
                position.y_advance * scale,
                offset,
                position.y_offset * scale,
                coded[1],
            )
        )
    width = sum(advances)
    return Segment(
        font=font_name,
        level=level,
        text=text,
        characters="".join(characters),
        shapes=tuple(shapes),
        width=width,
        is_space=is_space,
    )
