"""What the person wrote, read for the coach: "You wrote about rent: add 'housing problems'?"

The words prompt; they never change an answer. The app shows each prompt with a button, and the
coach and the person choose: add it, or say it is not right (the prompt is then set aside).
Until they answer, the draft reads the words as evidence (`as_read`): what the words say is
treated as said, and a ticked friend or family member the words contradict is not leaned on. A
prompt set aside is no longer read, and the profile itself is never changed here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from goal_library.models import Library, WordPrompt
from planner.models import Profile

# Own words are read up to this many characters: plenty for a person's answers, and bounded.
_READ_AT_MOST = 20_000
# "I have no debts", "I'm not really in debt": a phrase this many words after a negative, in
# the same sentence, is not read.
_NEGATION_REACH = 3
# "Sectioned last year", "an overdose years ago": said of the past, not of now.
_PAST = re.compile(
    r"\b(?:last year|years ago|year ago|months ago|a long time ago"
    r"|when i was (?:younger|a teenager|a kid)|used to|not for \w+ (?:months|years)"
    r"|in the past|back in (?:19|20)\d\d|in (?:19|20)\d\d"
    r"|last (?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|spring|summer|autumn|winter|christmas))\b"
)
# "The redundancy money went on clearing the arrears": a problem the same clause says is over.
_RESOLVED = re.compile(
    r"\b(?:cleared|went on clearing|paid (?:it |them |that )?off|sorted now|over now"
    r"|behind me now)\b"
)
# A sentence with its closing stop, or the last words without one.
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_CLAUSE_END = re.compile(r"[.!?;,\n]|\bbut\b")
# "Not to be pushed for more hours", "I don't want to be rushed into work": a phrase the same
# clause turns down, however many words after the negative; and "more hours before I'm ready".
_TURNED_DOWN_BEFORE = re.compile(
    r"\b(?:not|don't|dont|do not|never)\b(?:\s+\S+){0,4}?\s+"
    r"(?:pushed|pressured|forced|rushed|ready)\b"
)
_TURNED_DOWN_AFTER = re.compile(r"^[^,.;!?\n]*\b(?:before|until) i'?m ready\b")
_NEGATIVES = frozenset(
    {
        "no",
        "not",
        "never",
        "don't",
        "dont",
        "didn't",
        "doesn't",
        "isn't",
        "aren't",
        "haven't",
        "hasn't",
        "wasn't",
        "nothing",
        "none",
    }
)


@dataclass(frozen=True)
class Prompt:
    """One suggestion from the person's words, for the coach and the person to decide on."""

    topic: str  # what they wrote about, in plain words
    field: str  # "barriers", "strengths", "work_situation", "language" or "check"
    value: str  # the id to add, the work situation, the language, or the ticked id to ask about
    label: str  # the answer's label, as the pages show it
    drafted: bool = True  # the draft reads it until the prompt is answered

    @property
    def key(self) -> str:
        """How a prompt set aside is remembered in the profile: "field:value"."""
        return f"{self.field}:{self.value}"

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
    set_aside: Iterable[str] = (),
    asks: tuple[str, ...] = (),
) -> list[Prompt]:
    """Suggestions from the person's own words that their answers do not hold yet and they
    have not set aside, in the table's order, one per answer. A skill or a service is read
    from what they said of themselves, never from what they ask for (`asks`: what they hope
    for, "then a trade", and what they still need, "every advert wants a CSCS card")."""
    about_them = _normalised(tuple(texts))
    words = _normalised((*asks, *texts))
    if not words.strip():
        return []
    ticked = {*strengths, *barriers}
    skipped = set(set_aside)
    found: dict[tuple[str, str], Prompt] = {}
    for entry in library.prompts:
        said = _said(
            _pattern(entry.phrases),
            about_them if entry.add in library.strength_ids else words,
            recent_only=entry.recent_only,
            not_near=_pattern(entry.not_near) if entry.not_near else None,
            unless_resolved=True,
        )
        if not said or (entry.unless_said and text_names(entry.unless_said, words)):
            continue
        for prompt in _prompts_for(entry, ticked, work_situation, language, library):
            if prompt.key not in skipped:
                found.setdefault((prompt.field, prompt.value), prompt)
    return list(found.values())


class Said(Protocol):
    """What a person said: a profile, or the app's answers while they are being given."""

    hopes: str
    strengths_own_words: str
    barriers_own_words: str
    review_words: str
    strengths: list[str]
    barriers: list[str]
    work_situation: str | None
    language: str
    words_set_aside: list[str]


def profile_prompts(profile: Said, library: Library) -> list[Prompt]:
    """The prompts from a person's own words, leaving out those set aside."""
    return word_prompts(
        (profile.strengths_own_words, profile.barriers_own_words),
        asks=(profile.hopes, profile.review_words),
        strengths=profile.strengths,
        barriers=profile.barriers,
        work_situation=profile.work_situation,
        language=profile.language,
        library=library,
        set_aside=profile.words_set_aside,
    )


def needs_still_open(profile: Profile, library: Library) -> frozenset[str]:
    """The barriers what the person said at the last review names as still open, ticked or
    not ("still skint by week three")."""
    found = word_prompts(
        (profile.review_words,),
        strengths=(),
        barriers=(),
        work_situation=None,
        language=profile.language,
        library=library,
    )
    return frozenset(p.value for p in found if p.field == "barriers")


def read_from_words(profile: Profile, library: Library) -> list[Prompt]:
    """What the draft takes from the person's words until the coach and the person answer."""
    return [p for p in profile_prompts(profile, library) if p.drafted]


def as_read(profile: Profile, library: Library) -> Profile:
    """The profile the draft works from: the answers, with what the words say added and the
    ticks the words contradict left out. Idempotent; the answers are not changed."""
    read = read_from_words(profile, library)
    if not read:
        return profile
    unsure = {p.value for p in read if p.field == "check"}
    strengths = [s for s in profile.strengths if s not in unsure]
    strengths += [p.value for p in read if p.field == "strengths" and p.value not in strengths]
    barriers = [b for b in profile.barriers if b not in unsure]
    barriers += [p.value for p in read if p.field == "barriers" and p.value not in barriers]
    situation = next((p.value for p in read if p.field == "work_situation"), None)
    # Only read in memory to draft from; the plan keeps the answers as given, so nothing built
    # here is ever saved.
    return profile.model_copy(
        update={
            "strengths": strengths,
            "barriers": barriers,
            "work_situation": profile.work_situation or situation,
        }
    )


def _prompts_for(
    entry: WordPrompt,
    ticked: set[str],
    work_situation: str | None,
    language: str,
    library: Library,
) -> list[Prompt]:
    prompts = []
    work_labels = library.labels.work_situations if library.labels is not None else {}
    drafted = entry.draft
    if entry.add is not None and entry.add not in ticked and not ticked & set(entry.unless):
        field = "barriers" if entry.add in library.barrier_ids else "strengths"
        if entry.add in library.barrier_ids or entry.add in library.strength_ids:
            prompts.append(
                Prompt(entry.topic, field, entry.add, _label(entry.add, library), drafted)
            )
    if entry.work_situation is not None and work_situation is None:
        label = work_labels.get(entry.work_situation, entry.work_situation)
        prompts.append(Prompt(entry.topic, "work_situation", entry.work_situation, label, drafted))
    if entry.language is not None and entry.language != language:
        prompts.append(Prompt(entry.topic, "language", entry.language, "Cymraeg (Welsh)", False))
    for ticked_id in entry.check:
        if ticked_id in ticked:
            label = _label(ticked_id, library)
            prompts.append(Prompt(entry.topic, "check", ticked_id, label, drafted))
    return prompts


def words_name(phrases: tuple[str, ...], person: Said, *, hopes_only: bool = False) -> bool:
    """Whether the person's own words say one of `phrases`, not just after a negative; with
    `hopes_only`, only what they ask for: what they hope for, and what they said at the last
    review that they still need."""
    if not phrases:
        return False
    texts = (
        (person.hopes, person.review_words)
        if hopes_only
        else (
            person.hopes,
            person.strengths_own_words,
            person.barriers_own_words,
            person.review_words,
        )
    )
    return text_names(phrases, *texts)


def sentences_naming(
    phrases: tuple[str, ...], text: str, *, at_most: int, unless: tuple[str, ...] = ()
) -> str:
    """The sentences of `text` that name one of `phrases` (not just after a negative) and none
    of `unless`, as written, cut at a word to no more than `at_most` characters."""
    sentences = [s.strip() for s in _SENTENCE.findall(text[:_READ_AT_MOST]) if s.strip()]
    naming = " ".join(s for s in sentences if text_names(phrases, s) and not text_names(unless, s))
    if len(naming) <= at_most:
        return naming
    return naming[: at_most - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def text_names(phrases: tuple[str, ...], *texts: str) -> bool:
    """Whether any of `texts` says one of `phrases`, not just after a negative."""
    if not phrases:
        return False
    return _said(_pattern(tuple(p.lower() for p in phrases)), _normalised(texts))


@lru_cache(maxsize=64)
def _normalised(texts: tuple[str, ...]) -> str:
    return " ".join(text[:_READ_AT_MOST] for text in texts).lower().replace("’", "'")


def _label(said_id: str, library: Library) -> str:
    if said_id in library.barrier_ids:
        return library.barrier(said_id).label
    return library.strength(said_id).label


def _said(
    pattern: re.Pattern[str],
    words: str,
    *,
    recent_only: bool = False,
    not_near: re.Pattern[str] | None = None,
    unless_resolved: bool = False,
) -> bool:
    """Whether the words say a phrase somewhere other than just after a negative; when
    `recent_only`, not placed in the past in the same sentence; with `not_near`, not in a
    sentence that shows it is about something else; when `unless_resolved`, not in a clause
    that says it is over."""
    for match in pattern.finditer(words):
        sentence_so_far = re.split(r"[.!?;\n]", words[: match.start()])[-1]
        clause_before = re.split(r",", sentence_so_far)[-1]
        if _NEGATIVES.intersection(clause_before.split()[-_NEGATION_REACH:]):
            continue
        # A phrase that is itself a refusal ("not to be pushed") is what it says.
        refusal = bool(_NEGATIVES.intersection(match.group(0).split()))
        if not refusal and (
            _TURNED_DOWN_BEFORE.search(clause_before)
            or _TURNED_DOWN_AFTER.search(words[match.end() :])
        ):
            continue
        sentence = sentence_so_far + re.split(r"[.!?;\n]", words[match.start() :])[0]
        if recent_only and _PAST.search(sentence):
            continue
        if not_near is not None and not_near.search(sentence):
            continue
        if unless_resolved and _RESOLVED.search(_clause(words, match.start(), match.end())):
            continue
        return True
    return False


def _clause(words: str, start: int, end: int) -> str:
    """The clause around words[start:end]: from the last comma, stop or "but" before it to the
    next one after it."""
    before = _CLAUSE_END.split(words[:start])[-1]
    after = _CLAUSE_END.split(words[end:])[0]
    return before + words[start:end] + after


@lru_cache(maxsize=2048)
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Whole words or phrases; a trailing * matches any ending. Apostrophes are read straight
    (curly ones are made straight before matching)."""
    parts = []
    for phrase in phrases:
        stem = phrase.rstrip("*").replace("’", "'")
        body = re.escape(stem).replace("\\ ", r"\s+")
        parts.append(body + (r"[\w'-]*" if phrase.endswith("*") else ""))
    return re.compile(r"(?<![\w'])(?:" + "|".join(parts) + r")(?![\w])")
