"""Every fact in the library with its sources and their age, nation by nation, for a team to
re-check: `python -m goal_library facts`."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from goal_library.models import NATION_IDS, Library, Source

NATION_NAMES = {
    "england": "England",
    "scotland": "Scotland",
    "wales": "Wales",
    "northern_ireland": "Northern Ireland",
}


@dataclass(frozen=True)
class Fact:
    """Something the plan tells a person that a public page has to back: a step that names a
    service, number or rule, or a help-now contact."""

    kind: str  # "step" or "help now"
    id: str
    title: str
    sources: tuple[Source, ...]
    unconfirmed: bool


def facts_for(library: Library, nation: str) -> Iterator[Fact]:
    """The help-now contacts and the sourced or unconfirmed steps a person in `nation` may be
    given."""
    for contact in library.signposts.for_nation(nation):
        yield Fact("help now", contact.id, contact.name, contact.sources, not contact.verified)
    for step in library.steps:
        if step.nations and nation not in step.nations:
            continue
        if step.sources or step.unconfirmed:
            yield Fact("step", step.id, step.title, step.sources, step.unconfirmed)


def facts_text(
    library: Library,
    today: datetime.date,
    *,
    nations: tuple[str, ...] = NATION_IDS,
    older_than_days: int = 0,
) -> str:
    """The facts as text, nation by nation; with `older_than_days`, only those with a source
    checked longer ago than that (or none), for a re-check."""
    lines = []
    for nation in nations:
        shown = [
            fact
            for fact in facts_for(library, nation)
            if not older_than_days
            or not fact.sources
            or any((today - s.checked_on).days > older_than_days for s in fact.sources)
        ]
        lines.append(f"== {NATION_NAMES[nation]}: {len(shown)} fact(s) ==")
        for fact in shown:
            flag = "  [unconfirmed]" if fact.unconfirmed else ""
            lines.append(f"{fact.kind} {fact.id}: {fact.title}{flag}")
            for source in fact.sources:
                age = (today - source.checked_on).days
                lines.append(
                    f"    checked {source.checked_on} ({age} days ago): {source.title}"
                    f" <{source.url}>"
                )
                lines.append(f"      says: {source.says}")
            if not fact.sources:
                lines.append("    no source")
        lines.append("")
    return "\n".join(lines)
