"""What the person wrote, read for the coach: "You wrote about rent: add 'housing problems'?"

The words prompt; they never decide. Nothing here changes an answer: the app shows each prompt
with a button, and the coach and the person choose. A ticked friend or family member that the
words seem to contradict is asked about, never untick.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from goal_library.models import Library, WordPrompt

# Own words are read up to this many characters: plenty for a person's answers, and bounded.
_READ_AT_MOST = 20_000


@dataclass(frozen=True)
class Prompt:
    """One suggestion from the person's words, for the coach and the person to decide on."""

    topic: str  # what they wrote about, in plain words
    field: str  # "barriers", "strengths", "work_situation", "language" or "check"
    value: str  # the id to add, the work situation, the language, or the ticked id to ask about
    label: str  # the answer's label, as the pages show it

    @property
    def message(self) -> str:
        if self.field == "check":
            return (
                f"You ticked “{self.label}”, and you wrote about {self.topic}. Is that still right?"
            )
        return f"You wrote about {self.topic}: add “{self.label}”?"


def word_prompts(
    texts: Iterable[str],
    *,
    strengths: Iterable[str],
    barriers: Iterable[str],
    work_situation: str | None,
    language: str,
    library: Library,
) -> list[Prompt]:
    """Suggestions from the person's own words that their answers do not hold yet, in the
    table's order, one per answer."""
    words = " ".join(text[:_READ_AT_MOST] for text in texts).lower()
    if not words.strip():
        return []
    ticked = {*strengths, *barriers}
    found: dict[tuple[str, str], Prompt] = {}
    for entry in library.prompts:
        if not _pattern(entry.phrases).search(words):
            continue
        for prompt in _prompts_for(entry, ticked, work_situation, language, library):
            found.setdefault((prompt.field, prompt.value), prompt)
    return list(found.values())


def _prompts_for(
    entry: WordPrompt,
    ticked: set[str],
    work_situation: str | None,
    language: str,
    library: Library,
) -> list[Prompt]:
    prompts = []
    work_labels = library.labels.work_situations if library.labels is not None else {}
    if entry.add is not None and entry.add not in ticked:
        if entry.add in library.barrier_ids:
            label = library.barrier(entry.add).label
            prompts.append(Prompt(entry.topic, "barriers", entry.add, label))
        elif entry.add in library.strength_ids:
            label = library.strength(entry.add).label
            prompts.append(Prompt(entry.topic, "strengths", entry.add, label))
    if entry.work_situation is not None and work_situation is None:
        label = work_labels.get(entry.work_situation, entry.work_situation)
        prompts.append(Prompt(entry.topic, "work_situation", entry.work_situation, label))
    if entry.language is not None and entry.language != language:
        prompts.append(Prompt(entry.topic, "language", entry.language, "Cymraeg (Welsh)"))
    for strength_id in entry.check:
        if strength_id in ticked:
            label = library.strength(strength_id).label
            prompts.append(Prompt(entry.topic, "check", strength_id, label))
    return prompts


@lru_cache(maxsize=256)
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Whole words or phrases; a trailing * matches any ending. Apostrophes may be straight or
    curly."""
    parts = []
    for phrase in phrases:
        stem = phrase.rstrip("*")
        body = re.escape(stem).replace("'", "['’]").replace("\\ ", r"\s+")
        parts.append(body + (r"\w*" if phrase.endswith("*") else ""))
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")
