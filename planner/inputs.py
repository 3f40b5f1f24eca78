"""Turn untrusted input (files, form answers) into validated models, or one plain message."""

from __future__ import annotations

import json
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from goal_library.models import Library
from planner.errors import InputError
from planner.models import Plan, Profile, ReviewAnswers

# The largest plan, profile or outcomes JSON Right Steps reads, whether a file, the plan inside
# a PDF or a saved version: far above any real plan, and small enough to parse at once.
MAX_PLAN_BYTES = 2_000_000
# The largest saved file (PDF or JSON) that is opened at all; the app's upload limit matches.
MAX_SAVED_FILE_BYTES = 5 * 1024 * 1024

M = TypeVar("M", bound=BaseModel)

_PLAIN_MESSAGES = {
    "missing": "missing; please fill it in",
    "extra_forbidden": "not a field this file can have",
    "int_type": "needs to be a whole number",
    "string_type": "needs to be text",
    "bool_type": "needs to be true or false",
    "list_type": "needs to be a list",
    "dict_type": "needs to be a mapping of names to values",
    "date_from_datetime_parsing": "needs to be a date like 2026-12-07",
    "date_parsing": "needs to be a date like 2026-12-07",
    "date_type": "needs to be a date like 2026-12-07",
}


def profile_from_data(data: Any, library: Library) -> Profile:
    return _validate(Profile, data, library, "profile")


def plan_from_data(data: Any, library: Library) -> Plan:
    return _validate(Plan, data, library, "plan")


def review_answers_from_bytes(raw: bytes, plan: Plan, library: Library) -> ReviewAnswers:
    """Review answers whose step ids are all in the plan being reviewed."""
    answers = _validate(ReviewAnswers, json_from_bytes(raw, "outcomes"), library, "outcomes")
    known = {step.id for step in plan.steps}
    unknown = sorted((set(answers.outcomes) | set(answers.outcome_words)) - known)
    if unknown:
        raise InputError(
            f"the outcomes name step(s) not in this plan: {', '.join(unknown)}; "
            f"the plan's steps are: {', '.join(sorted(known))}"
        )
    return answers


def profile_from_bytes(raw: bytes, library: Library) -> Profile:
    return profile_from_data(json_from_bytes(raw, "profile"), library)


def plan_from_bytes(raw: bytes, library: Library) -> Plan:
    return plan_from_data(json_from_bytes(raw, "plan"), library)


def json_from_bytes(raw: bytes, what: str) -> Any:
    """Parse JSON text, refusing empty, huge, binary or malformed input with a plain reason."""
    if len(raw) > MAX_PLAN_BYTES:
        raise InputError(
            f"the {what} file is too big ({len(raw):,} bytes; the limit is {MAX_PLAN_BYTES:,})"
        )
    if not raw.strip():
        raise InputError(f"the {what} file is empty")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"the {what} file is not text (it may be a binary file)") from error
    if "\x00" in text:
        raise InputError(f"the {what} file is not text (it may be a binary file)")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"the {what} file is not valid JSON "
            f"(line {error.lineno}, column {error.colno}: {error.msg})"
        ) from error
    except RecursionError as error:
        raise InputError(f"the {what} file is nested too deeply to read") from error
    except ValueError as error:
        # Python refuses to read an integer of thousands of digits (a guard against slow input).
        raise InputError(f"the {what} file holds a number too long to be a count") from error


def plain_errors(error: ValidationError) -> list[str]:
    """One short line per problem, naming the field and what is allowed."""
    lines = []
    for detail in error.errors(include_url=False):
        field = ".".join(str(part) for part in detail["loc"] if part != "[key]") or "the file"
        lines.append(f"{field}: {_plain_message(detail)}")
    return lines


def _validate(model: type[M], data: Any, library: Library, what: str) -> M:
    if not isinstance(data, dict):
        raise InputError(f"the {what} needs to be a JSON object with named fields")
    try:
        return model.model_validate(data, context={"library": library})
    except ValidationError as error:
        raise InputError(f"the {what} is not valid: " + "; ".join(plain_errors(error))) from error


def _plain_message(detail: Any) -> str:
    kind = detail["type"]
    context = detail.get("ctx") or {}
    given = detail.get("input")
    shown = "" if isinstance(given, dict | list) or kind == "missing" else f" (got {_short(given)})"
    if kind in _PLAIN_MESSAGES:
        return _PLAIN_MESSAGES[kind] + shown
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"out of range{shown}; {_range_hint(detail)}"
    if kind == "string_too_long":
        return f"too long: at most {context.get('max_length'):,} characters"
    if kind == "string_too_short":
        return "empty; please fill it in"
    if kind == "too_long":
        return f"too many items: at most {context.get('max_length')}"
    if kind == "literal_error":
        return f"not one of the allowed values{shown}; allowed: {context.get('expected')}"
    if kind == "value_error":
        return str(context.get("error", detail["msg"]))
    return f"{detail['msg'].lower()}{shown}"


def _range_hint(detail: Any) -> str:
    field = str(detail["loc"][-1]) if detail["loc"] else ""
    if field == "confidence":
        return "use a number from 0 to 10"
    if field in ("stage", "grade") or detail["loc"][:1] == ("area_stages",):
        return "use a stage from 1 to 5"
    return detail["msg"].lower()


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
