"""Cut a person's long words into pieces the printed plan can lay out in bounded time.

reportlab lays out a paragraph again from its start each time it moves to a new page, and
splits a long unbroken run (Chinese, say, or a line of emoji) by measuring every prefix, so a
10,000-character answer in one paragraph took many seconds. Each line of the text becomes its
own piece, and a long line is cut where a sentence or a word ends (or, with no space to cut
at, between two characters that belong apart). Nothing is added, dropped or reordered: the
pieces, joined with the line breaks between them, are the text as typed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Long enough that ordinary paragraphs stay whole; short enough that laying one out is quick.
MOST_CHARACTERS = 600
# Chinese, Japanese and Korean are laid out character by character: about eight printed lines.
MOST_CJK_CHARACTERS = 240
_SENTENCE_END = re.compile(r"[.!?。！？]\s+|[。！？]")
_SPACE = re.compile(r"\s+")
_CJK = re.compile(
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]"
)
_JOINERS = {"\u200c", "\u200d", "\ufe0e", "\ufe0f"}


@dataclass(frozen=True)
class Piece:
    text: str
    # The last piece of a line: the next piece starts a new line of the person's text.
    ends_line: bool
    # Holds Chinese, Japanese or Korean, which wraps between any two characters.
    wraps_anywhere: bool


def pieces(
    text: str, most: int = MOST_CHARACTERS, most_cjk: int = MOST_CJK_CHARACTERS
) -> list[Piece]:
    """The text as pieces of at most `most` characters (`most_cjk` in a line of Chinese,
    Japanese or Korean), in order, each line ending a piece."""
    result: list[Piece] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        cuts = _cut(line, most_cjk if _CJK.search(line) else most)
        for number, cut in enumerate(cuts):
            result.append(
                Piece(cut, ends_line=number == len(cuts) - 1, wraps_anywhere=bool(_CJK.search(cut)))
            )
    return result


def _cut(line: str, most: int) -> list[str]:
    cuts: list[str] = []
    while len(line) > most:
        at = _break_before(line, most)
        cuts.append(line[:at])
        line = line[at:]
    cuts.append(line)
    return cuts


def _break_before(line: str, most: int) -> int:
    """Where to cut `line` so the first part has at most `most` characters (and at least one)."""
    window = line[: most + 1]
    for pattern in (_SENTENCE_END, _SPACE):
        ends = [match.end() for match in pattern.finditer(window) if match.end() <= most]
        if ends and ends[-1] > most // 3:
            return ends[-1]
    at = most
    # Never part a letter from the marks or joiners that belong to it.
    while at > 1 and (_belongs_to_previous(line[at]) or line[at - 1] in _JOINERS):
        at -= 1
    return at


def _belongs_to_previous(character: str) -> bool:
    return unicodedata.category(character).startswith("M") or character in _JOINERS
