"""Checks on the library's content that a schema alone cannot make."""

from __future__ import annotations

import datetime
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

import textstat

from goal_library.models import AREA_IDS, NATION_IDS, Library, LibraryStep, Source

MIN_STEPS_PER_AREA_AND_GRADE = 6
# A source checked longer ago than this is due to be checked again.
RECHECK_AFTER_DAYS = 365
# What a source carries until someone has read the page.
NOT_YET_CHECKED = "TO CHECK"
MIN_STEPS = 350
# A ladder link moves at most this many grades.
MAX_LADDER_JUMP = 1
GRADES = (1, 2, 3, 4, 5)
# Words a title may not start with: a title starts with a verb ("Stand at your door").
_NOT_VERBS = frozenset(
    "a an the your my you i it this that some one if when why how what who to".split()
)


@dataclass(frozen=True)
class ReadingScore:
    step_id: str
    reading_ease: float
    grade_level: float


@dataclass
class LintReport:
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    coverage: dict[str, dict[int, int]] = field(default_factory=dict)
    reading: list[ReadingScore] = field(default_factory=list)

    @property
    def median_reading_ease(self) -> float:
        return statistics.median(r.reading_ease for r in self.reading) if self.reading else 0.0

    @property
    def median_grade_level(self) -> float:
        return statistics.median(r.grade_level for r in self.reading) if self.reading else 0.0


def lint_library(library: Library, today: datetime.date | None = None) -> LintReport:
    """Every problem with the library's content, the coverage table and reading scores;
    `today` dates the warnings about sources due to be checked again."""
    report = LintReport()
    report.problems += _duplicate_ids(library)
    report.problems += _ladder_problems(library)
    report.coverage = coverage_table(library)
    report.problems += _coverage_problems(report.coverage, len(library.steps))
    report.problems += _unknown_ids(library)
    report.problems += _rules_table_problems(library)
    report.problems += _prompt_table_problems(library)
    report.problems += _unused_catalogue_ids(library)
    report.problems += _title_problems(library)
    report.problems += _other_nation_problems(library)
    report.problems += _brief_problems(library)
    report.problems += _rules_can_be_served(library)
    report.problems += _banned_words(library)
    report.problems += _reason_problems(library)
    report.problems += _fact_problems(library)
    report.warnings += _stale_sources(library, today or datetime.date.today())
    report.problems += _checked_in_the_future(library, today or datetime.date.today())
    report.reading = [reading_score(step) for step in library.steps]
    report.problems += _reading_problems(library, report)
    return report


def claimant_text(step: LibraryStep) -> str:
    """Everything about a step that a claimant reads, as sentences, in every nation's words."""
    return " ".join(nation_text(step, nation) for nation in _worded_nations(step))


def nation_text(step: LibraryStep, nation: str) -> str:
    """What a claimant in `nation` reads of a step."""
    return f"{step.title_for(nation)}. {step.detail_for(nation)} {step.why_for(nation)}"


def _worded_nations(step: LibraryStep) -> tuple[str, ...]:
    """One nation for the shared words (the first that has no words of its own), then each
    nation that has its own."""
    shared = [n for n in step.offered_in() if n not in step.words_in][:1]
    return (*shared, *step.words_in)


def reading_score(step: LibraryStep) -> ReadingScore:
    text = claimant_text(step)
    return ReadingScore(
        step.id, textstat.flesch_reading_ease(text), textstat.flesch_kincaid_grade(text)
    )


def coverage_table(library: Library) -> dict[str, dict[int, int]]:
    counts = Counter((s.area, s.grade) for s in library.steps)
    return {area: {grade: counts[(area, grade)] for grade in GRADES} for area in AREA_IDS}


def _duplicate_ids(library: Library) -> list[str]:
    counts = Counter(step.id for step in library.steps)
    problems = [f"step id '{i}' is used {n} times" for i, n in sorted(counts.items()) if n > 1]
    for kind, entries in (("strength", library.strengths), ("barrier", library.barriers)):
        seen = Counter(entry.id for entry in entries)
        problems += [f"{kind} id '{i}' is used {n} times" for i, n in sorted(seen.items()) if n > 1]
    stages = sorted(s.stage for s in library.stages)
    if stages != list(GRADES):
        problems.append(f"stages.yaml: expected stages 1 to 5 once each, found {stages}")
    return problems


def _ladder_problems(library: Library) -> list[str]:
    problems = []
    for step in library.steps:
        links = [
            (link, must_go, getattr(step, link), f"step '{step.id}' field '{link}'")
            for link, must_go in (("smaller", "down"), ("next", "up"))
        ]
        links += [
            (link, must_go, target, f"step '{step.id}' field '{link}_in.{nation}'")
            for link, must_go in (("smaller", "down"), ("next", "up"))
            for nation, target in getattr(step, f"{link}_in").items()
        ]
        problems += _ladder_nation_problems(step, library)
        for link, must_go, target_id, where in links:
            if target_id is None:
                continue
            if target_id == step.id:
                problems.append(f"{where}: a step cannot link to itself")
                continue
            if not library.has_step(target_id):
                problems.append(f"{where}: no step has the id '{target_id}'")
                continue
            target = library.step(target_id)
            if target.area != step.area:
                problems.append(f"{where}: '{target_id}' is in '{target.area}', not '{step.area}'")
            if not _everyone_with_it_may_have(step, target):
                problems.append(
                    f"{where}: '{target_id}' is only for {list(target.only_for)}, "
                    "so it cannot be offered to everyone who has this step"
                )
            extra_needs = set(target.needs) - covered_needs(step.needs, library)
            if link == "smaller" and extra_needs:
                problems.append(
                    f"{where}: '{target_id}' needs {sorted(extra_needs)}, which this step "
                    "does not; a smaller step cannot need more"
                )
            wrong_way = (
                target.grade > step.grade if must_go == "down" else target.grade < step.grade
            )
            if wrong_way:
                problems.append(
                    f"{where}: '{target_id}' is grade {target.grade}, "
                    f"but '{link}' has to go {must_go} from grade {step.grade}"
                )
            elif abs(target.grade - step.grade) > MAX_LADDER_JUMP:
                problems.append(
                    f"{where}: '{target_id}' is grade {target.grade}, a jump of "
                    f"{abs(target.grade - step.grade)} from grade {step.grade}; "
                    f"ladders move {MAX_LADDER_JUMP} grade at a time"
                )
        if step.grade >= 2 and step.smaller is None:
            problems.append(
                f"step '{step.id}' field 'smaller': a step of grade {step.grade} needs a "
                "smaller step, for when the person feels less sure"
            )
    return problems


def _ladder_nation_problems(step: LibraryStep, library: Library) -> list[str]:
    """In every nation a step is offered in, its ladder steps are offered there too (or it
    names the rung to use there, in `smaller_in` or `next_in`)."""
    problems = []
    for link in ("smaller", "next"):
        for nation in step.offered_in():
            target_id = getattr(step, f"{link}_for")(nation)
            if target_id is None or not library.has_step(target_id):
                continue
            target = library.step(target_id)
            if target.nations and nation not in target.nations:
                problems.append(
                    f"step '{step.id}' field '{link}': '{target_id}' is not offered in {nation}; "
                    f"name the rung to use there in '{link}_in'"
                )
    return problems


def _everyone_with_it_may_have(step: LibraryStep, target: LibraryStep) -> bool:
    """Whether everyone who may be offered `step` may also be offered `target`, as far as
    `only_for` (any of) and `only_for_all` (every one) go."""
    if not set(target.only_for_all) <= set(step.only_for_all):
        return False
    if not target.only_for:
        return True
    if set(target.only_for) & set(step.only_for_all):
        return True
    return bool(step.only_for) and set(step.only_for) <= set(target.only_for)


def _coverage_problems(coverage: dict[str, dict[int, int]], total: int) -> list[str]:
    problems = [
        f"coverage: {area} has {count} step(s) at grade {grade}; "
        f"at least {MIN_STEPS_PER_AREA_AND_GRADE} are needed"
        for area, row in coverage.items()
        for grade, count in row.items()
        if count < MIN_STEPS_PER_AREA_AND_GRADE
    ]
    if total < MIN_STEPS:
        problems.append(f"coverage: the library has {total} steps; at least {MIN_STEPS} are needed")
    return problems


def _unknown_ids(library: Library) -> list[str]:
    problems = []
    skill_ids = frozenset(s.id for s in library.strengths if s.group == "skills")
    for step in library.steps:
        for field_name, known in (
            ("strengths", library.strength_ids),
            ("only_for", library.strength_ids | library.barrier_ids),
            ("only_for_all", library.strength_ids | library.barrier_ids),
            ("eases", library.barrier_ids),
            ("ruled_out_by", library.barrier_ids),
            ("not_with", library.strength_ids | library.barrier_ids),
            ("beginner_in", skill_ids),
        ):
            for unknown in sorted(set(getattr(step, field_name)) - known):
                problems.append(f"step '{step.id}' field '{field_name}': unknown id '{unknown}'")
        clash = set(step.eases) & set(step.ruled_out_by)
        if clash:
            problems.append(f"step '{step.id}': {sorted(clash)} both eased and ruling it out")
        talked_down = set(step.beginner_in) & set(step.strengths)
        if talked_down:
            problems.append(
                f"step '{step.id}' field 'beginner_in': {sorted(talked_down)} is also a strength "
                "it draws on; a beginner step never answers a skill the person has"
            )
    return problems


def covered_needs(needs: tuple[str, ...], library: Library) -> set[str]:
    """The needs named, and those they imply: a need met only by strengths that also meet
    another need implies it (a friend or family member is someone you trust)."""
    rules = library.rules.needs
    covered = set(needs)
    for named in needs:
        rule = rules.get(named)  # type: ignore[call-overload]
        if rule is None or rule.assumed or not rule.met_by:
            continue
        covered |= {
            other
            for other, other_rule in rules.items()
            if set(rule.met_by) <= set(other_rule.met_by)
        }
    return covered


def _rules_table_problems(library: Library) -> list[str]:
    """Every id the rules tables name is a real strength, barrier, aim or area."""
    rules = library.rules
    named: list[tuple[str, str, frozenset[str]]] = [
        ("crisis.barrier", rules.crisis.barrier, library.barrier_ids),
        ("work_support.aim", rules.work_support.aim, library.aim_ids),
    ]
    named += [("basic_needs.barriers", b, library.barrier_ids) for b in rules.basic_needs.barriers]
    said_ids = library.barrier_ids | library.strength_ids
    named += [("raised", b, said_ids) for b in rules.raised]
    named += [("not_covered_by_kinds", t, said_ids) for t in rules.not_covered_by_kinds]
    named += [("settled_by_review_words", t, said_ids) for t in rules.settled_by_review_words]
    for slot in rules.slots:
        where = f"slots.{slot.id}.when"
        named += [(f"{where}.barriers", b, library.barrier_ids) for b in slot.when.barriers]
        named += [(f"{where}.aims", a, library.aim_ids) for a in slot.when.aims]
        named += [(f"{where}.strengths", s, library.strength_ids) for s in slot.when.strengths]
        step_ids = frozenset(step.id for step in library.steps)
        named += [(f"slots.{slot.id}.takes.prefer", i, step_ids) for i in slot.takes.prefer]
        named += [
            (f"slots.{slot.id}.takes.prefer_for.{topic}", i, step_ids)
            for topic, ids in slot.takes.prefer_for.items()
            for i in ids
        ]
    step_ids = frozenset(s.id for s in library.steps)
    named += [("work_support_routes", i, step_ids) for i in rules.work_support_routes]
    if rules.hoped_work_step is not None:
        named += [("hoped_work_step", rules.hoped_work_step, step_ids)]
    named += [(f"aims.{aim.id}.leads", i, step_ids) for aim in library.aims for i in aim.leads]
    named += [
        (f"crisis.unless_aimed.{kind}", aim, library.aim_ids)
        for kind, aim in rules.crisis.unless_aimed.items()
    ]
    named += [
        (f"only_with.{kind}", b, library.barrier_ids)
        for kind, barriers in rules.only_with.items()
        for b in barriers
    ]
    for need, rule in rules.needs.items():
        named += [(f"needs.{need}.met_by", s, library.strength_ids) for s in rule.met_by]
        named += [(f"needs.{need}.missing_with", b, library.barrier_ids) for b in rule.missing_with]
    problems = [
        f"rules.yaml field '{where}': unknown id '{value}'"
        for where, value, known in named
        if value not in known
    ]
    return problems


def _prompt_table_problems(library: Library) -> list[str]:
    """Every answer the word prompts name is a real barrier, strength or work situation."""
    said_ids = library.barrier_ids | library.strength_ids
    situations = set(library.labels.work_situations) if library.labels is not None else set()
    problems = []
    for number, entry in enumerate(library.prompts, 1):
        where = f"prompts.yaml: entry {number} ({entry.topic})"
        named = [("add", entry.add)] if entry.add is not None else []
        named += [("check", i) for i in entry.check]
        named += [("unless", i) for i in entry.unless]
        problems += [
            f"{where}: field '{field}': unknown id '{value}'"
            for field, value in named
            if value not in said_ids
        ]
        if entry.work_situation is not None and entry.work_situation not in situations:
            problems.append(
                f"{where}: field 'work_situation': unknown work situation '{entry.work_situation}'"
            )
    return problems


def _unused_catalogue_ids(library: Library) -> list[str]:
    used_strengths = {s for step in library.steps for s in step.strengths}
    used_barriers = {
        b for step in library.steps for b in (*step.eases, *step.ruled_out_by, *step.only_for)
    }
    used_barriers |= {b.id for b in library.barriers if b.rules_out}
    used_barriers |= {b for rule in library.rules.needs.values() for b in rule.missing_with}
    used_barriers.add(library.rules.crisis.barrier)
    used_strengths |= {s for rule in library.rules.needs.values() for s in rule.met_by}
    return [
        f"strength '{s}' is not used by any step"
        for s in sorted(library.strength_ids - used_strengths)
    ] + [
        f"barrier '{b}' is not used by any step"
        for b in sorted(library.barrier_ids - used_barriers)
    ]


def _title_problems(library: Library) -> list[str]:
    problems = []
    for step in library.steps:
        first_word = step.title.split()[0].lower()
        if first_word in _NOT_VERBS or not step.title[0].isupper():
            problems.append(f"step '{step.id}' field 'title': start with a verb, capitalised")
        sentences = textstat.sentence_count(step.detail)
        if sentences > 3:
            problems.append(f"step '{step.id}' field 'detail': {sentences} sentences; use 1 to 3")
    return problems


_PLACE_NAMES: dict[str, tuple[str, ...]] = {
    "england": ("England", "Great Britain"),
    "scotland": ("Scotland", "Great Britain"),
    "wales": ("Wales", "Great Britain"),
    "northern_ireland": ("Northern Ireland",),
}


def _places_named(sentence: str) -> set[str]:
    return {
        nation
        for nation, names in _PLACE_NAMES.items()
        if any(re.search(rf"\b{name}\b", sentence) for name in names)
    }


def _other_nation_problems(library: Library) -> list[str]:
    """A sentence about another nation's law or service, read by someone it is not true for,
    misleads them: each nation reads only sentences that name it, or no nation at all."""
    problems = []
    for step in library.steps:
        for nation in step.offered_in():
            for sentence in re.split(r"(?<=[.!?])\s+", nation_text(step, nation)):
                named = _places_named(sentence)
                if named and nation not in named:
                    problems.append(
                        f"step '{step.id}' field 'words_in': someone in {nation} reads "
                        f'"{sentence}"; give {nation} its own words'
                    )
    return problems


def banned_phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


def _banned_words(library: Library) -> list[str]:
    pattern = banned_phrase_pattern(library.language.banned_phrases)
    texts = [(f"step '{s.id}'", claimant_text(s)) for s in library.steps]
    texts += [(f"stage {s.stage}", f"{s.title}. {s.description} {s.fit}") for s in library.stages]
    texts += [(f"strength '{s.id}'", f"{s.label} {s.because}") for s in library.strengths]
    texts += [(f"barrier '{b.id}'", f"{b.label} {b.because}") for b in library.barriers]
    texts += [(f"aim '{a.id}'", f"{a.label} {a.because}") for a in library.aims]
    problems = []
    for where, text in texts:
        found = sorted({m.group(0).lower() for m in pattern.finditer(text)})
        if found:
            problems.append(f"{where}: uses words the plan never says: {', '.join(found)}")
    return problems


def _reason_problems(library: Library) -> list[str]:
    """Reasons are read on every card: they never frame a language or a diagnosis as a
    problem, and no strength is the reason for a step about telling an employer."""
    language = library.language
    problems = []
    if language.reasons_never_say:
        pattern = banned_phrase_pattern(language.reasons_never_say)
        rules = library.rules
        texts = [(f"slot '{s.id}' words", s.words or "") for s in rules.slots]
        texts += [
            (f"review_moves.{outcome} {move.move} words", move.words)
            for outcome, moves in rules.review_moves.items()
            for move in moves
        ]
        texts += [(f"strength '{s.id}' because", s.because) for s in library.strengths]
        texts += [(f"barrier '{b.id}' because", b.because) for b in library.barriers]
        texts += [(f"aim '{a.id}' because", a.because) for a in library.aims]
        for where, text in texts:
            found = sorted({m.group(0).lower() for m in pattern.finditer(text)})
            if found:
                problems.append(f"{where}: a reason never says: {', '.join(found)}")
    no_strength = set(language.no_strength_reason_for)
    problems += [
        f"step '{step.id}' field 'strengths': a step that eases "
        f"{', '.join(sorted(no_strength & set(step.eases)))} is never picked for a strength"
        for step in library.steps
        if step.strengths and no_strength & set(step.eases)
    ]
    return problems


def _reading_problems(library: Library, report: LintReport) -> list[str]:
    limit = library.language.max_grade_level
    problems = [
        f"step '{r.step_id}': reading grade {r.grade_level:.1f} is above {limit}; "
        "use shorter sentences and words"
        for r in report.reading
        if r.grade_level > limit
    ]
    floor = library.language.min_median_reading_ease
    if report.reading and report.median_reading_ease < floor:
        problems.append(
            f"reading: median reading ease {report.median_reading_ease:.1f} is below {floor}"
        )
    return problems


# What the brief says about step content that words can show. Each entry: a pattern in a step's
# title (or all its text), and what a step that matches has to say about itself.
_TITLE_NEEDS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (
        re.compile(r"\b(CMHT|mental health team|care co-?ordinator|IPS)\b", re.I),
        "needs",
        "mental_health_team",
    ),
    (re.compile(r"\b(your|the) dog\b", re.I), "needs", "dog"),
    (re.compile(r"\b(your|a) pet\b", re.I), "needs", "pet"),
    (re.compile(r"\bonline\b", re.I), "needs", "internet"),
    (
        re.compile(
            r"\b(with|ask|call|ring|text|visit|see|meet) (a|your) (friend|family|relative)", re.I
        ),
        "needs",
        "friend_or_family",
    ),
    (re.compile(r"\bsomeone you trust\b", re.I), "needs", "someone_you_trust"),
    (re.compile(r"\bvolunteer", re.I), "kinds", "volunteering"),
    (re.compile(r"\b(course|class|classes)\b", re.I), "kinds", "course"),
)
_TEXT_KINDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\b(shower|bath|teeth|toothbrush|have a wash|wash your (face|hair|body)|"
            r"get dressed|clean clothes)\b",
            re.I,
        ),
        "personal_care",
    ),
    (
        re.compile(r"\b(ESOL|English class(es)?|English lessons?|learn English)\b", re.I),
        "english_class",
    ),
    (
        re.compile(
            r"\b(tidy (for|one|your|the|up your)|rubbish|laundry|hoover(ing)?|"
            r"declutter(ing)?|clean (the|your|up|one))\b",
            re.I,
        ),
        "cleaning",
    ),
)


def _brief_problems(library: Library) -> list[str]:
    """Help-now contacts are not steps; what a step's words assume, its fields say."""
    problems = []
    contact_names = {contact.name for _, contact in library.signposts.by_list()}
    contact_pattern = re.compile(
        "|".join(rf"\b{re.escape(name)}\b" for name in sorted(contact_names)), re.I
    )
    for step in library.steps:
        where = f"step '{step.id}'"
        found = contact_pattern.search(step.title)
        if found:
            problems.append(
                f"{where} field 'title': names the help-now contact '{found.group(0)}'; "
                "help-now contacts are on every plan already, so they are not steps"
            )
        for pattern, field_name, value in _TITLE_NEEDS:
            said = pattern.search(step.title)
            have = set(step.kinds) if field_name == "kinds" else covered_needs(step.needs, library)
            if not said or value in have:
                continue
            if field_name == "kinds" and value == "course" and "english_class" in step.kinds:
                continue
            problems.append(
                f"{where} field '{field_name}': the title says '{said.group(0)}', so list '{value}'"
            )
        for pattern, kind in _TEXT_KINDS:
            found = pattern.search(claimant_text(step))
            if found and kind not in step.kinds:
                problems.append(
                    f"{where} field 'kinds': the step says '{found.group(0)}', so list '{kind}'"
                )
        for kind in step.kinds:
            required = library.rules.only_with.get(kind)
            if required and not set(required) & set(step.only_for):
                problems.append(
                    f"{where} field 'only_for': a '{kind}' step is only for {list(required)}"
                )
        if (
            library.rules.basic_needs.kind in step.kinds
            and step.area != library.rules.basic_needs.area
        ):
            problems.append(
                f"{where} field 'kinds': '{library.rules.basic_needs.kind}' steps belong in "
                f"'{library.rules.basic_needs.area}'"
            )
    return problems


def _rules_can_be_served(library: Library) -> list[str]:
    """The rules that put a kind of step in the draft find one for anyone at stage 1 (whose
    window is grades 1 and 2)."""
    rules = library.rules
    wanted = [
        ("safety", rules.crisis.first_kind, rules.crisis.first_area, (rules.crisis.barrier,)),
        ("work support", rules.work_support.kind, "volunteering_and_work", ()),
    ]
    wanted += [
        (f"basic needs ({barrier})", rules.basic_needs.kind, rules.basic_needs.area, (barrier,))
        for barrier in rules.basic_needs.barriers
    ]
    problems = []
    for label, kind, area, only_for in wanted:
        found = [
            s
            for s in library.steps
            if kind in s.kinds
            and s.area == area
            and s.grade <= 2
            and not s.follows_on
            and not s.needs
            and not s.settings & {"with_others", "crowded"}
            and set(s.only_for) <= set(only_for)
        ]
        if not found:
            problems.append(
                f"rules: no {label} step of grade 1 or 2 in '{area}' that anyone can do "
                f"(kind '{kind}', needing nothing, at home or alone)"
            )
    return problems


def fact_marker_pattern(markers: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{marker})" for marker in markers))


def _fact_problems(library: Library) -> list[str]:
    """A step that names a service, number, cost, hours or rule carries a source for it, or is
    marked unconfirmed; every source has been read."""
    pattern = fact_marker_pattern(library.language.fact_markers)
    problems = []
    for step in library.steps:
        where = f"step '{step.id}'"
        found = pattern.search(claimant_text(step))
        if found and not step.sources and not step.unconfirmed:
            problems.append(
                f"{where} field 'sources': it says '{found.group(0)}' (a service, number, cost, "
                "hours or rule) with no source; add a public page (title, url, says, "
                "checked_on) or mark it 'unconfirmed' and word it so it stays true"
            )
        problems += _unread_sources(where, step.sources)
    for nation, contact in library.signposts.by_list():
        where = f"signposts.yaml {nation} '{contact.id}'"
        if not contact.sources:
            problems.append(f"{where} field 'sources': a help-now contact needs a source")
        problems += _unread_sources(where, contact.sources)
    return problems + _hours_problems(library)


def _hours_problems(library: Library) -> list[str]:
    """Every help-now contact says when it answers, and one with set hours names a line that
    answers any time, in the same nation's list, for the rest of the day."""
    problems = []
    for nation in NATION_IDS:
        contacts = library.signposts.for_nation(nation)
        any_time = {c.id for c in contacts if c.any_time}
        for contact in contacts:
            where = f"signposts.yaml '{contact.id}'"
            if contact.hours is None:
                problems.append(f"{where} field 'hours': say when it answers")
            if contact.any_time and contact.at_other_times is not None:
                problems.append(f"{where} field 'at_other_times': it answers any time already")
            if not contact.any_time and contact.at_other_times not in any_time:
                problems.append(
                    f"{where} field 'at_other_times': a line with set hours names one that "
                    f"answers any time ({', '.join(sorted(any_time))})"
                )
    return sorted(set(problems))


def _unread_sources(where: str, sources: tuple[Source, ...]) -> list[str]:
    return [
        f"{where} field 'sources': {source.url} has not been read yet ({NOT_YET_CHECKED})"
        for source in sources
        if NOT_YET_CHECKED in (source.title, source.says)
    ]


def _dated_sources(library: Library) -> list[tuple[str, Source]]:
    """Every source with where it is cited."""
    dated = [(f"step '{s.id}'", source) for s in library.steps for source in s.sources]
    dated += [
        (f"signposts.yaml '{contact.id}'", source)
        for _, contact in library.signposts.by_list()
        for source in contact.sources
    ]
    return dated


def _checked_in_the_future(library: Library, today: datetime.date) -> list[str]:
    """A source cannot have been checked on a day that has not come yet."""
    return [
        f"{where}: {source.url} says it was checked on {source.checked_on}, after today"
        for where, source in _dated_sources(library)
        if source.checked_on > today
    ]


def _stale_sources(library: Library, today: datetime.date) -> list[str]:
    """Sources last checked more than RECHECK_AFTER_DAYS ago: still valid, due a re-check."""
    return [
        f"{where}: {source.url} was checked on {source.checked_on}, "
        f"{(today - source.checked_on).days} days ago; check it again"
        for where, source in _dated_sources(library)
        if (today - source.checked_on).days > RECHECK_AFTER_DAYS
    ]
