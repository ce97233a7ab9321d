"""Journal JSON version 1: pure conversion between value objects and the exchange format, with checks."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from journal.domain.model import (
    Action,
    ActionStatus,
    Entry,
    Guideline,
    Input,
    InputKind,
    Mechanism,
    Valence,
    Why,
    mechanism_key,
    new_id,
    now_utc,
)
from journal.exchange.errors import FormatError

FORMAT = "fivewhys-journal"
VERSION = 1
T = TypeVar("T")


@dataclass(frozen=True)
class JournalDocument:
    """The contents of one journal file."""

    entries: tuple[Entry, ...]
    mechanisms: tuple[Mechanism, ...] = ()


# -- writing ---------------------------------------------------------------------------------

def document_to_dict(entries: Iterable[Entry], mechanisms: Sequence[Mechanism],
                     exported_at: datetime | None = None) -> dict[str, Any]:
    """The whole journal as a JSON-ready dict."""
    return {
        "format": FORMAT, "version": VERSION,
        "exported_at": _utc_text(exported_at or now_utc()),
        "mechanisms": [{"name": m.name, "description": m.description} for m in mechanisms],
        "entries": [entry_to_dict(entry) for entry in entries],
    }


def iter_text(entries: Iterable[Entry], mechanisms: Sequence[Mechanism],
              exported_at: datetime | None = None) -> Iterator[str]:
    """The same JSON text as dumps(document_to_dict(...)), one entry at a time (for big journals)."""
    head = document_to_dict((), mechanisms, exported_at)
    opening = dumps(head).rstrip()  # ends with '"entries": []\n}': open the list instead
    yield opening[: -len("[]\n}")] + "["
    for number, entry in enumerate(entries):
        lines = json.dumps(entry_to_dict(entry), ensure_ascii=False, indent=2).splitlines()
        yield ("," if number else "") + "\n" + "\n".join("    " + line for line in lines)
    yield "\n  ]\n}\n"


def dumps(document: dict[str, Any]) -> str:
    """JSON text of a document, readable and keeping every character as it is."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    """One entry in the exchange format."""
    return {
        "id": entry.id, "created_at": entry.created_at.isoformat(),
        "updated_at": entry.updated_at.isoformat(), "title": entry.title,
        "occurred_on": entry.occurred_on.isoformat(), "area": entry.area,
        "valence": entry.valence.value, "outcome": entry.outcome, "notes": entry.notes,
        "inputs": [{"kind": i.kind.value, "text": i.text} for i in entry.inputs],
        "whys": [_why_to_dict(why) for why in entry.whys],
        "actions": [_action_to_dict(action) for action in entry.actions],
        "guidelines": [{"text": g.text} for g in entry.guidelines],
    }


def _why_to_dict(why: Why) -> dict[str, Any]:
    return {
        "question": why.question, "answer": why.answer, "root_cause": why.root_cause,
        "mechanisms": list(why.mechanisms),
        "actions": [_action_to_dict(action) for action in why.actions],
        "children": [_why_to_dict(child) for child in why.children],
    }


def _action_to_dict(action: Action) -> dict[str, Any]:
    return {
        "text": action.text, "status": action.status.value,
        "due_on": action.due_on.isoformat() if action.due_on else None,
        "done_on": action.done_on.isoformat() if action.done_on else None,
    }


def _utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


# -- reading ---------------------------------------------------------------------------------

def loads(text: str) -> JournalDocument:
    """Parse and check journal JSON text; raises FormatError with a clear sentence."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise FormatError(
            f"The file is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})."
        ) from None
    except RecursionError:
        raise FormatError("The file nests too deeply to be a journal.") from None
    return document_from_dict(data)


def document_from_dict(data: Any) -> JournalDocument:
    """Check a decoded JSON value and turn it into a document."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise FormatError("This is not a Five Whys journal file (its format is not “fivewhys-journal”).")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise FormatError("The journal file has no valid version number.")
    if version > VERSION:
        raise FormatError(
            f"The journal file is version {version}, newer than this app reads (version {VERSION}); "
            "update the app to import it.")
    if version < 1:
        raise FormatError(f"The journal file has an unknown version {version}.")
    mechanisms = _list(data, "mechanisms", "the file", _mechanism_from_dict)
    _check_unique_names(mechanisms)
    entries = _list(data, "entries", "the file", _entry_from_dict)
    return JournalDocument(tuple(entries), tuple(mechanisms))


def _check_unique_names(mechanisms: Sequence[Mechanism]) -> None:
    seen: dict[str, str] = {}
    for mechanism in mechanisms:
        other = seen.setdefault(mechanism_key(mechanism.name), mechanism.name)
        if other != mechanism.name:
            raise FormatError(
                f"The mechanisms “{other}” and “{mechanism.name}” differ only in case; "
                "mechanism names must be unique ignoring case.")


def _mechanism_from_dict(data: Any, where: str) -> Mechanism:
    _object(data, where)
    name = _text(data, "name", where, required=True)
    if not name.strip():
        raise FormatError(f"{where} has an empty name.")
    return Mechanism(name=name, description=_text(data, "description", where))


def _entry_from_dict(data: Any, where: str) -> Entry:
    _object(data, where)
    where = f"{where} (“{_short(data.get('title'))}”)" if isinstance(data.get("title"), str) else where
    created = _moment(data, "created_at", where)
    return Entry(
        id=_identifier(data, where), title=_text(data, "title", where, required=True),
        occurred_on=_day(data, "occurred_on", where, required=True),
        valence=_choice(data, "valence", where, Valence, required=True),
        area=_text(data, "area", where), outcome=_text(data, "outcome", where),
        notes=_text(data, "notes", where),
        inputs=tuple(_list(data, "inputs", where, _input_from_dict)),
        whys=tuple(_list(data, "whys", where, _why_from_dict)),
        actions=tuple(_list(data, "actions", where, _action_from_dict)),
        guidelines=tuple(_list(data, "guidelines", where, _guideline_from_dict)),
        created_at=created or now_utc(),
        updated_at=_moment(data, "updated_at", where) or created or now_utc(),
    )


def _input_from_dict(data: Any, where: str) -> Input:
    _object(data, where)
    return Input(kind=_choice(data, "kind", where, InputKind, required=True),
                 text=_text(data, "text", where))


def _why_from_dict(data: Any, where: str, depth: int = 1) -> Why:
    _object(data, where)
    if depth > 200:
        raise FormatError(f"{where} nests whys more than 200 levels deep.")
    root_cause = data.get("root_cause", False)
    if not isinstance(root_cause, bool):
        raise FormatError(f"{where}: “root_cause” must be true or false.")
    names = _list(data, "mechanisms", where, _name)
    return Why(
        question=_text(data, "question", where), answer=_text(data, "answer", where),
        root_cause=root_cause, mechanisms=tuple(dict.fromkeys(names)),
        actions=tuple(_list(data, "actions", where, _action_from_dict)),
        children=tuple(_list(data, "children", where,
                             lambda child, w: _why_from_dict(child, w, depth + 1))),
    )


def _name(data: Any, where: str) -> str:
    if not isinstance(data, str) or not data.strip():
        raise FormatError(f"{where} must be a mechanism name (non-empty text).")
    return data


def _action_from_dict(data: Any, where: str) -> Action:
    _object(data, where)
    return Action(
        text=_text(data, "text", where),
        status=_choice(data, "status", where, ActionStatus) or ActionStatus.OPEN,
        due_on=_day(data, "due_on", where), done_on=_day(data, "done_on", where),
    )


def _guideline_from_dict(data: Any, where: str) -> Guideline:
    _object(data, where)
    return Guideline(text=_text(data, "text", where))


# -- field checks ----------------------------------------------------------------------------

def _object(data: Any, where: str) -> None:
    if not isinstance(data, dict):
        raise FormatError(f"{where} must be a JSON object.")


def _list(data: dict, key: str, where: str, item: Callable[[Any, str], T]) -> list[T]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise FormatError(f"In {where}, “{key}” must be a list.")
    return [item(element, f"{key}[{n}] of {where}") for n, element in enumerate(value)]


def _text(data: dict, key: str, where: str, required: bool = False) -> str:
    value = data.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        problem = "is missing" if value is None else "must be text"
        raise FormatError(f"In {where}, “{key}” {problem}.")
    return value


def _choice(data: dict, key: str, where: str, kind: type, required: bool = False) -> Any:
    value = data.get(key)
    if value is None and not required:
        return None
    allowed = ", ".join(member.value for member in kind)
    try:
        return kind(value)
    except ValueError:
        found = "is missing" if value is None else f"is “{value}”"
        raise FormatError(f"In {where}, “{key}” {found}; it must be one of {allowed}.") from None


def _day(data: dict, key: str, where: str, required: bool = False) -> Any:
    value = data.get(key)
    if value is None and not required:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        found = "is missing" if value is None else f"is “{_short(value)}”"
        raise FormatError(f"In {where}, “{key}” {found}; it must be a date like 2026-11-23.") from None


def _moment(data: dict, key: str, where: str) -> datetime | None:
    value = data.get(key)
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise FormatError(
            f"In {where}, “{key}” is “{_short(value)}”; it must be an ISO 8601 date and time.") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _identifier(data: dict, where: str) -> str:
    value = data.get("id")
    if value is None:
        return new_id()
    if not isinstance(value, str) or not value.strip() or len(value) > 200:
        raise FormatError(f"In {where}, “id” must be a short text.")
    return value


def _short(value: Any, limit: int = 40) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
