"""Read the library's data files and validate them into a `Library`.

A wrong file fails loudly: every problem names the file, the entry and the field.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from goal_library.models import (
    AREA_IDS,
    NATION_IDS,
    Aim,
    AreaLabel,
    Barrier,
    Labels,
    LanguageRules,
    Library,
    LibraryStep,
    PlanningRules,
    Signpost,
    Signposts,
    StageWording,
    Strength,
    WordPrompt,
)

DATA_DIR = Path(__file__).parent / "data"
# A folder of the team's own steps and help-now contacts, in the library's format, merged over
# the national library.
LOCAL_LIBRARY_SETTING = "RIGHT_STEPS_LOCAL_LIBRARY"
_LOCAL_NAME = "local library"

M = TypeVar("M", bound=BaseModel)
# libyaml's safe loader is several times faster; the pure-Python one is the same format.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LibraryError(Exception):
    """The library's files could not be loaded; `problems` lists every reason."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


def load_library(data_dir: Path = DATA_DIR, local_dir: Path | None = None) -> Library:
    """Load and validate every library file, collecting all problems before failing; with
    `local_dir`, merge a team's local steps and contacts over the national ones."""
    problems: list[str] = []
    steps: list[LibraryStep] = []
    for area in AREA_IDS:
        steps.extend(_load_area(data_dir / "steps" / f"{area}.yaml", area, problems))
    strengths = _load_entries(data_dir / "strengths.yaml", "strengths", Strength, problems)
    barriers = _load_entries(data_dir / "barriers.yaml", "barriers", Barrier, problems)
    aims = _load_entries(data_dir / "aims.yaml", "aims", Aim, problems)
    stages = _load_entries(data_dir / "stages.yaml", "stages", StageWording, problems)
    signposts = _load_whole(data_dir / "signposts.yaml", Signposts, problems)
    rules = _load_whole(data_dir / "rules.yaml", PlanningRules, problems)
    language = _load_whole(data_dir / "language.yaml", LanguageRules, problems)
    prompts = _load_entries(data_dir / "prompts.yaml", "prompts", WordPrompt, problems)
    areas = _load_entries(data_dir / "areas.yaml", "areas", AreaLabel, problems)
    labels = _load_whole(data_dir / "labels.yaml", Labels, problems)
    extra = sorted(p.name for p in (data_dir / "steps").glob("*.yaml") if p.stem not in AREA_IDS)
    problems.extend(
        f"steps/{name}: not a life area; step files are named after an area id" for name in extra
    )
    problems.extend(
        f"steps/{step.area}.yaml: {step.id}: field 'local': only a local library's steps are local"
        for step in steps
        if step.local
    )
    if local_dir is not None:
        steps, signposts = _merged_local(local_dir, steps, signposts, problems)
    if rules is not None:
        problems.extend(_undeclared(steps, barriers, rules))
    if labels is not None:
        problems.extend(_unlabelled(areas, strengths, labels))
    if problems or signposts is None or rules is None or language is None or labels is None:
        raise LibraryError(problems)
    return Library(
        steps=tuple(steps),
        strengths=tuple(strengths),
        barriers=tuple(barriers),
        aims=tuple(aims),
        stages=tuple(sorted(stages, key=lambda s: s.stage)),
        signposts=signposts,
        rules=rules,
        language=language,
        prompts=tuple(prompts),
        areas=tuple(areas),
        labels=labels,
    )


def local_library_dir() -> Path | None:
    """The team's local library folder, when RIGHT_STEPS_LOCAL_LIBRARY names one."""
    value = os.environ.get(LOCAL_LIBRARY_SETTING, "").strip()
    return Path(value) if value else None


@lru_cache(maxsize=1)
def national_library() -> Library:
    """The bundled library alone, without a team's local steps (for the vocabulary and
    labels, which a local library never changes)."""
    return load_library()


def default_library() -> Library:
    """The bundled library, with the team's local library merged over it when one is set,
    loaded once per process (it never changes while running)."""
    return library_with_local(local_library_dir())


@lru_cache(maxsize=4)
def library_with_local(local_dir: Path | None) -> Library:
    """The national library with `local_dir` merged over it; with none, the national library
    itself, so it is read once."""
    return national_library() if local_dir is None else load_library(local_dir=local_dir)


def _merged_local(
    local_dir: Path,
    steps: list[LibraryStep],
    signposts: Signposts | None,
    problems: list[str],
) -> tuple[list[LibraryStep], Signposts | None]:
    """The national steps and contacts with the local folder's merged over them. A local step
    has a new id, or says `replaces: true` to correct the national step with its id; a local
    contact with a national contact's id corrects it. Everything local carries sources."""
    where = f"{_LOCAL_NAME} ({LOCAL_LIBRARY_SETTING})"
    if not local_dir.is_dir():
        problems.append(f"{where}: '{local_dir}' is not a folder")
        return steps, signposts
    allowed = {"steps", "signposts.yaml"}
    problems.extend(
        f"{where}: '{path.name}' is not read; a local library holds steps/<area>.yaml and "
        "signposts.yaml"
        for path in sorted(local_dir.iterdir())
        if path.name not in allowed and not path.name.startswith(".")
    )
    merged = {step.id: step for step in steps}
    added: dict[str, LibraryStep] = {}
    for path in sorted((local_dir / "steps").glob("*.yaml")):
        if path.stem not in AREA_IDS:
            problems.append(f"{_LOCAL_NAME} steps/{path.name}: not a life area id")
            continue
        replacing: set[str] = set()
        for step in _load_area(path, path.stem, problems, prefix=_LOCAL_NAME, replacing=replacing):
            label = f"{_LOCAL_NAME} steps/{path.name}: {step.id}"
            if step.id in added:
                problems.append(f"{label}: another local step has this id")
                continue
            if step.id in merged and step.id not in replacing:
                problems.append(
                    f"{label}: the national library has a step with this id; give the local "
                    "step its own id, or add 'replaces: true' to correct the national one"
                )
                continue
            if step.id in replacing and step.id not in merged:
                problems.append(f"{label}: field 'replaces': no national step has this id")
                continue
            if not step.sources:
                problems.append(
                    f"{label}: field 'sources': a local step needs a public page (title, url, "
                    "says, checked_on)"
                )
            if step.id in merged:
                merged[step.id] = step.model_copy(update={"local": True})
            else:
                added[step.id] = step.model_copy(update={"local": True})
    contacts_file = local_dir / "signposts.yaml"
    if signposts is not None and contacts_file.exists():
        signposts = _merged_contacts(contacts_file, signposts, problems)
    # A team's own step comes before the national ones: at equal rank, the local one leads.
    return [*added.values(), *merged.values()], signposts


def _merged_contacts(path: Path, signposts: Signposts, problems: list[str]) -> Signposts:
    name = f"{_LOCAL_NAME} signposts.yaml"
    document = _read_yaml(path, problems)
    if document is None:
        return signposts
    if not isinstance(document, dict):
        problems.append(f"{name}: expected a list of contacts under a nation or uk_wide")
        return signposts
    changes = {}
    for nation, entries in document.items():
        if nation not in ("uk_wide", *NATION_IDS) or not isinstance(entries, list):
            problems.append(f"{name}: '{nation}': expected uk_wide or a nation, with a list")
            continue
        contacts = {c.id: c for c in getattr(signposts, nation)}
        for index, entry in enumerate(entries, start=1):
            if not isinstance(entry, dict):
                problems.append(f"{name}: {nation} entry {index}: expected a mapping of fields")
                continue
            contact = _validate(Signpost, entry, f"{name}: {nation}", entry, index, problems)
            if contact is None:
                continue
            if not contact.sources:
                problems.append(
                    f"{name}: {nation} {contact.id}: field 'sources': a local contact needs a "
                    "public page (title, url, says, checked_on)"
                )
            contacts[contact.id] = contact
        changes[nation] = tuple(contacts.values())
    return signposts.model_copy(update=changes)


def _undeclared(
    steps: list[LibraryStep], barriers: list[Barrier], rules: PlanningRules
) -> list[str]:
    """Kinds and needs named anywhere that rules.yaml does not declare, by file and entry."""
    kinds, needs = set(rules.kinds), set(rules.needs)
    problems = []
    for step in steps:
        where = f"steps/{step.area}.yaml: {step.id}"
        problems += [
            f"{where}: field 'kinds': unknown kind '{k}'; rules.yaml `kinds` declares: "
            f"{', '.join(sorted(kinds))}"
            for k in step.kinds
            if k not in kinds
        ]
        problems += [
            f"{where}: field 'needs': unknown need '{n}'; rules.yaml `needs` declares: "
            f"{', '.join(sorted(needs))}"
            for n in step.needs
            if n not in needs
        ]
    for barrier in barriers:
        problems += [
            f"barriers.yaml: {barrier.id}: field 'rules_out_kinds': unknown kind '{k}'"
            for k in barrier.rules_out_kinds
            if k not in kinds
        ]
    named = [
        ("crisis.first_kind", rules.crisis.first_kind),
        ("basic_needs.kind", rules.basic_needs.kind),
        ("work_support.kind", rules.work_support.kind),
        *(("crisis.left_out_kinds", k) for k in rules.crisis.left_out_kinds),
        *(("crisis.unless_aimed", k) for k in rules.crisis.unless_aimed),
        *(("only_with", k) for k in rules.only_with),
        *(("kinds_for_work_situations", k) for k in rules.kinds_for_work_situations),
        *(
            ("work_situation_not_in_draft", k)
            for ks in rules.work_situation_not_in_draft.values()
            for k in ks
        ),
        *(("hoped_work_not_in_draft", k) for k in rules.hoped_work_not_in_draft),
        *(("covered_by_kinds", k) for ks in rules.covered_by_kinds.values() for k in ks),
        *(("not_covered_by_kinds", k) for ks in rules.not_covered_by_kinds.values() for k in ks),
        *(("refill_not_after_kinds", k) for k in rules.refill_not_after_kinds),
        *(
            (f"slots.{slot.id}.takes", k)
            for slot in rules.slots
            for k in (*slot.takes.kinds, *slot.takes.not_kinds)
        ),
    ]
    problems += [
        f"rules.yaml field '{where}': unknown kind '{k}'" for where, k in named if k not in kinds
    ]
    return problems


def _unlabelled(areas: list[AreaLabel], strengths: list[Strength], labels: Labels) -> list[str]:
    """Every life area once in areas.yaml, and every strength group labelled."""
    problems = []
    ids = [a.id for a in areas]
    if sorted(ids) != sorted(AREA_IDS):
        problems.append(f"areas.yaml: expected each life area once ({', '.join(AREA_IDS)})")
    problems += [
        f"strengths.yaml: {s.id}: field 'group': '{s.group}' has no label in labels.yaml "
        "`strength_groups`"
        for s in strengths
        if s.group not in labels.strength_groups
    ]
    return problems


def _read_yaml(path: Path, problems: list[str]) -> Any:
    name = _display_name(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(f"{name}: file is missing")
        return None
    except (OSError, UnicodeDecodeError) as error:
        problems.append(f"{name}: cannot be read ({error})")
        return None
    try:
        return yaml.load(text, Loader=_SAFE_LOADER)
    except yaml.YAMLError as error:
        problems.append(f"{name}: not valid YAML ({_one_line(str(error))})")
        return None


def _load_area(
    path: Path,
    area: str,
    problems: list[str],
    prefix: str = "",
    replacing: set[str] | None = None,
) -> list[LibraryStep]:
    """The steps of one area's file. With `replacing` (a local file), an entry may say
    `replaces: true`, and its id is added there."""
    document = _read_yaml(path, problems)
    if document is None:
        return []
    name = f"{prefix} {_display_name(path)}".strip()
    if not isinstance(document, dict) or not isinstance(document.get("steps"), list):
        problems.append(f"{name}: expected 'area' and a list called 'steps'")
        return []
    if document.get("area") != area:
        problems.append(f"{name}: field 'area' should be '{area}', found {document.get('area')!r}")
        return []
    loaded = []
    for index, entry in enumerate(document["steps"], start=1):
        if not isinstance(entry, dict):
            problems.append(f"{name}: entry {index}: expected a mapping of fields")
            continue
        if "area" in entry and entry["area"] != area:
            problems.append(
                f"{name}: {_entry_label(entry, index)}: field 'area': "
                f"a step in this file belongs to '{area}'"
            )
            continue
        fields = dict(entry)
        if replacing is not None and fields.pop("replaces", None) is True:
            replacing.add(str(fields.get("id")))
        step = _validate(LibraryStep, {**fields, "area": area}, name, entry, index, problems)
        if step is not None:
            loaded.append(step)
    return loaded


def _load_entries(path: Path, key: str, model: type[M], problems: list[str]) -> list[M]:
    document = _read_yaml(path, problems)
    if document is None:
        return []
    name = _display_name(path)
    if not isinstance(document, dict) or not isinstance(document.get(key), list):
        problems.append(f"{name}: expected a list called '{key}'")
        return []
    loaded = []
    for index, entry in enumerate(document[key], start=1):
        if not isinstance(entry, dict):
            problems.append(f"{name}: entry {index}: expected a mapping of fields")
            continue
        item = _validate(model, entry, name, entry, index, problems)
        if item is not None:
            loaded.append(item)
    return loaded


def _load_whole(path: Path, model: type[M], problems: list[str]) -> M | None:
    document = _read_yaml(path, problems)
    if document is None:
        return None
    name = _display_name(path)
    if not isinstance(document, dict):
        problems.append(f"{name}: expected a mapping of fields")
        return None
    try:
        return model.model_validate(document)
    except ValidationError as error:
        problems.extend(f"{name}: {message}" for message in describe_errors(error))
        return None


def _validate(
    model: type[M], data: dict, file_name: str, entry: dict, index: int, problems: list[str]
) -> M | None:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        label = _entry_label(entry, index)
        problems.extend(f"{file_name}: {label}: {message}" for message in describe_errors(error))
        return None


def describe_errors(error: ValidationError) -> Iterable[str]:
    """One plain line per pydantic error: the field, what is wrong and what was given."""
    for detail in error.errors(include_url=False):
        location = ".".join(str(part) for part in detail["loc"]) or "(whole entry)"
        given = detail.get("input")
        shown = "" if isinstance(given, dict | list) else f" (got {given!r})"
        yield f"field '{location}': {detail['msg']}{shown}"


def _entry_label(entry: dict, index: int) -> str:
    entry_id = entry.get("id") or entry.get("stage") or entry.get("topic")
    return f"entry {index} ({entry_id})" if entry_id is not None else f"entry {index}"


def _display_name(path: Path) -> str:
    try:
        return str(
            path.relative_to(path.parents[1] if path.parent.name == "steps" else path.parent)
        )
    except ValueError:
        return path.name


def _one_line(text: str) -> str:
    return " ".join(text.split())
