"""Reading entry Markdown back: front matter, sections, nested list items and their labelled fields."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, TypeVar

import yaml

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
    new_id,
    now_utc,
)
from journal.exchange.errors import FormatError
from journal.exchange.markdown_text import block_text, paragraph_text, split_unescaped, unescape

SECTIONS = {"outcome": "Outcome", "inputs": "Inputs", "whys": "Whys", "actions": "Actions",
            "guidelines": "Guidelines", "notes": "Notes"}
MAX_DEPTH = 200


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """PyYAML's safe loader, leaving dates as text so a wrong one gets a clear message here."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
}
_HEADING = re.compile(r"(#{1,6})(?:[ \t]+(.*?))?[ \t]*")
_CLOSING_HASHES = re.compile(r"(?:^|[ \t]+)#+$")
_MARKER = re.compile(r"( *)[-*+](?:([ \t]+)(.*))?")
_LABEL = re.compile(r"\*\*(why|answer|root cause|mechanisms?)[ \t]*[?:.]?\*\*[:.]?[ \t]*", re.IGNORECASE)
_INPUT_LABEL = re.compile(r"\*\*([^*]+?)[ \t]*:?\*\*:?[ \t]*")
_LABEL_KEYS = {"why": "why", "answer": "answer", "root cause": "root cause", "mechanism": "mechanisms",
               "mechanisms": "mechanisms"}
_BOX = re.compile(r"\[([ xX-])\](?:[ \t]+|$)")
_NOTES = re.compile(r"(?:^|[ \t]+)\*\(([^*()\n]*)\)\*[ \t]*$")
_BOX_STATUS = {" ": ActionStatus.OPEN, "x": ActionStatus.DONE, "X": ActionStatus.DONE,
               "-": ActionStatus.DROPPED}
T = TypeVar("T")
Lines = list[tuple[int, str]]  # (line number in the file, text)


class MarkdownFormatError(FormatError):
    """A Markdown document that cannot be read as an entry; knows the line when there is one."""

    def __init__(self, problem: str, line: int | None = None) -> None:
        self.problem, self.line = problem, line
        where = f"Line {line}: {problem}" if line else problem[:1].upper() + problem[1:]
        super().__init__(where)


# -- front matter -----------------------------------------------------------------------------

def split_front_matter(text: str) -> tuple[dict[str, Any], Lines]:
    """The YAML front matter as a dict, and the numbered lines of the body after it."""
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines[0].rstrip(" \t") != "---":
        raise MarkdownFormatError(
            "it is not a Five Whys entry: it does not begin with front matter (a “---” line)")
    end = next((n for n in range(1, len(lines)) if lines[n].rstrip(" \t") in ("---", "...")), None)
    if end is None:
        raise MarkdownFormatError("its front matter has no closing “---” line")
    front = _load_yaml("\n".join(lines[1:end]))
    return front, [(n + 1, lines[n]) for n in range(end + 1, len(lines))]


def _load_yaml(text: str) -> dict[str, Any]:
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or "it cannot be read"
        raise MarkdownFormatError(f"the front matter is not valid YAML ({problem})",
                                  mark.line + 2 if mark else None) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise MarkdownFormatError("the front matter must be “key: value” lines")
    return data


def _front_text(front: dict[str, Any], key: str) -> str:
    value = front.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise MarkdownFormatError(f"“{key}” in the front matter must be text")
    return value


def _front_day(front: dict[str, Any]) -> date:
    value = front.get("date")
    if isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    text = str(value).strip()
    try:
        return date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text).date()
    except ValueError:
        found = "is missing" if value is None else f"is “{value}”"
        raise MarkdownFormatError(f"“date” in the front matter {found}; "
                                  "it must be a date like 2026-11-23") from None


def _front_valence(front: dict[str, Any]) -> Valence:
    value = front.get("valence")
    try:
        return Valence(str(value).strip().lower())
    except ValueError:
        found = "is missing" if value is None else f"is “{value}”"
        allowed = ", ".join(v.value for v in Valence)
        raise MarkdownFormatError(f"“valence” in the front matter {found}; "
                                  f"it must be one of {allowed}") from None


def _front_moment(front: dict[str, Any], key: str) -> datetime | None:
    value = front.get(key)
    if value is None:
        return None
    try:
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value).strip())
    except ValueError:
        raise MarkdownFormatError(f"“{key}” in the front matter is “{value}”; "
                                  "it must be a date and time like 2026-11-23T12:00:00+00:00") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _front_id(front: dict[str, Any]) -> str:
    value = front.get("id")
    if value is None:
        return new_id()
    if not isinstance(value, str) or not value.strip() or len(value) > 200:
        raise MarkdownFormatError("“id” in the front matter must be a short text")
    return value


# -- sections ---------------------------------------------------------------------------------

def _heading_text(content: str | None) -> str:
    return unescape(_CLOSING_HASHES.sub("", (content or "").strip(" \t")))


def _split_sections(body: Lines, known: dict[str, str] | None) -> tuple[str | None, dict[str, Lines]]:
    """The `# title` (if any) and the lines under each `## heading` (keys: casefolded or as written);
    each section's lines begin with its heading line."""
    title: str | None = None
    sections: dict[str, Lines] = {}
    current: Lines | None = None
    for number, line in body:
        match = _HEADING.fullmatch(line)
        level = len(match.group(1)) if match else 0
        if level == 1 and title is None and current is None:
            title = _heading_text(match.group(2))
        elif level == 2:
            current = sections.setdefault(_section_key(match.group(2), number, known, sections), [])
            current.append((number, ""))
        elif current is not None:
            current.append((number, line))
        elif line.strip():
            raise MarkdownFormatError("text stands before the first “## ” section; "
                                      "move it under a section such as “## Notes”", number)
    return title, sections


def _section_key(content: str | None, number: int, known: dict[str, str] | None,
                 sections: dict[str, Lines]) -> str:
    name = _heading_text(content)
    key = name.strip().casefold() if known is not None else name
    if known is not None and key not in known:
        raise MarkdownFormatError(f"“## {name}” is not a section of an entry; the sections are "
                                  f"{', '.join(known.values())}", number)
    if key in sections:
        raise MarkdownFormatError(f"there is a second “## {name}” section", number)
    return key


# -- nested lists -----------------------------------------------------------------------------

@dataclass
class Item:
    """A list item: its text lines (indentation removed; "" between paragraphs), their line numbers
    in the file, and nested items."""

    numbers: list[int]
    lines: list[str]
    children: list[Item] = field(default_factory=list)

    @property
    def number(self) -> int:
        return self.numbers[0]


@dataclass(frozen=True)
class _Marker:
    indent: int
    content: int  # the column where the item's text starts
    text: str


def _marker(line: str) -> _Marker | None:
    body = line.lstrip(" \t")
    if not body or body[0] not in "-*+" or body[1:2] not in ("", " ", "\t"):
        return None
    match = _MARKER.fullmatch(_expand_indent(line) if "\t" in line[: len(line) - len(body)] else line)
    if match is None:
        return None
    indent, spaces, text = len(match.group(1)), (match.group(2) or "").expandtabs(4), match.group(3) or ""
    width = len(spaces) if 1 <= len(spaces) <= 4 and text else 1
    return _Marker(indent, indent + 1 + width, text.strip(" \t"))


def _expand_indent(line: str) -> str:
    body = line.lstrip(" \t")
    return line[: len(line) - len(body)].expandtabs(4) + body


def _indent(line: str) -> int:
    expanded = _expand_indent(line)
    return len(expanded) - len(expanded.lstrip(" "))


def _skip_blank(lines: Lines, at: int) -> int:
    while at < len(lines) and not lines[at][1].strip(" \t"):
        at += 1
    return at


def _items(lines: Lines, at: int, min_indent: int, depth: int) -> tuple[list[Item], int]:
    items: list[Item] = []
    while (at := _skip_blank(lines, at)) < len(lines):
        marker = _marker(lines[at][1])
        if marker is None or marker.indent < min_indent:
            break
        if depth > MAX_DEPTH:
            raise MarkdownFormatError(f"lists nest more than {MAX_DEPTH} levels deep", lines[at][0])
        item, at = _item(lines, at, marker, depth)
        items.append(item)
    return items, at


def _item(lines: Lines, at: int, marker: _Marker, depth: int) -> tuple[Item, int]:
    item = Item([lines[at][0]], [marker.text])
    at += 1
    while at < len(lines):
        line = lines[at][1]
        if not line.strip(" \t"):
            after = _skip_blank(lines, at)
            if after == len(lines) or not _continues(lines[after][1], marker.content):
                break
            item.lines.append("")
            item.numbers.append(lines[at][0])
            at = after
        elif _marker(line) is not None:
            break
        else:
            item.lines.append(line.strip(" \t"))
            item.numbers.append(lines[at][0])
            at += 1
    item.children, at = _items(lines, at, marker.content, depth + 1)
    return item, at


def _continues(line: str, column: int) -> bool:
    """Whether a line after a blank line is one more paragraph of the item whose text starts at `column`."""
    return _marker(line) is None and _indent(line) >= column


def list_items(lines: Lines, section: str) -> list[Item]:
    """The items of a section that holds one list, or a FormatError at the first line that is not."""
    items, at = _items(lines, 0, 0, 1)
    at = _skip_blank(lines, at)
    if at < len(lines):
        raise MarkdownFormatError(f"under “## {section}” every line must belong to a list item "
                                  "(a line starting with “- ”)", lines[at][0])
    return items


def _leaf(item: Item, kind: str) -> Item:
    if item.children:
        raise MarkdownFormatError(f"{kind} cannot have list items under it", item.children[0].number)
    return item


# -- entry parts ------------------------------------------------------------------------------

def parse_entry_parts(front: dict[str, Any], body: Lines) -> Entry:
    """The entry described by front matter and body lines."""
    if "date" not in front and "valence" not in front:
        raise MarkdownFormatError(
            "it is not a Five Whys entry: its front matter has no “date” and no “valence”")
    heading, sections = _split_sections(body, SECTIONS)
    title = heading if heading is not None else _front_text(front, "title")
    created = _front_moment(front, "created")

    def listed(key: str, read: Callable[[Item], T]) -> tuple[T, ...]:
        return tuple(read(item) for item in list_items(sections.get(key, []), SECTIONS[key]))

    return Entry(
        id=_front_id(front), title=title, occurred_on=_front_day(front), valence=_front_valence(front),
        area=_front_text(front, "area"), outcome=_block(sections, "outcome"),
        notes=_block(sections, "notes"), inputs=listed("inputs", _input),
        whys=listed("whys", lambda item: _why(item, 1)), actions=listed("actions", _action),
        guidelines=listed("guidelines", _guideline), created_at=created or now_utc(),
        updated_at=_front_moment(front, "updated") or created or now_utc(),
    )


def _block(sections: dict[str, Lines], key: str) -> str:
    return block_text([line for _number, line in sections.get(key, [])])


def _input(item: Item) -> Input:
    match = _INPUT_LABEL.match(_leaf(item, "an input").lines[0])
    kind = match.group(1).strip().lower() if match else ""
    if kind not in {k.value for k in InputKind}:
        raise MarkdownFormatError("an input must begin with its kind: “**Process:**”, “**Action:**”, "
                                  "“**Luck:**” or “**Time:**”", item.number)
    return Input(kind=InputKind(kind), text=paragraph_text([item.lines[0][match.end():], *item.lines[1:]]))


def _guideline(item: Item) -> Guideline:
    return Guideline(text=paragraph_text(_leaf(item, "a guideline").lines))


def _action(item: Item) -> Action:
    match = _BOX.match(_leaf(item, "an action").lines[0])
    if match is None:
        raise MarkdownFormatError("an action must begin with “[ ]” (open), “[x]” (done) or “[-]” (dropped)",
                                  item.number)
    lines = [item.lines[0][match.end():], *item.lines[1:]]
    notes = _NOTES.search(lines[-1])
    status, due_on, done_on = _BOX_STATUS[match.group(1)], None, None
    if notes:
        lines[-1] = lines[-1][: notes.start()]
        for note in (part.strip() for part in notes.group(1).split(",")):
            status, due_on, done_on = _action_note(note, item.numbers[-1], status, due_on, done_on)
    return Action(text=paragraph_text(lines), status=status, due_on=due_on, done_on=done_on)


def _action_note(note: str, number: int, status: ActionStatus, due_on: date | None,
                 done_on: date | None) -> tuple[ActionStatus, date | None, date | None]:
    word, _space, value = note.partition(" ")
    word = word.lower()
    if word == "dropped" and not value:
        return ActionStatus.DROPPED, due_on, done_on
    if word in ("due", "done"):
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            raise MarkdownFormatError(f"“{value.strip()}” after “{word}” is not a date like 2026-11-23",
                                      number) from None
        return (status, day, done_on) if word == "due" else (status, due_on, day)
    raise MarkdownFormatError(f"“{note}” is not understood after an action; "
                              "write “due 2026-06-15”, “done 2026-06-15” or “dropped”", number)


# -- whys -------------------------------------------------------------------------------------

def _why(item: Item, depth: int) -> Why:
    fields = _why_fields(item)
    if "root cause" in fields and fields["root cause"][1].strip():
        raise MarkdownFormatError("“**Root cause**” stands alone; put the mechanisms after "
                                  "“**Mechanisms:**”", fields["root cause"][0])
    actions, children = [], []
    for child in item.children:
        if _BOX.match(child.lines[0]):
            actions.append(_action(child))
        elif _is_why(child):
            children.append(_why(child, depth + 1))
        else:
            raise MarkdownFormatError("under a why, a list item must be a why (“**Why?** …”) "
                                      "or an action (“[ ] …”)", child.number)
    mechanisms = fields.get("mechanisms")
    return Why(
        question=_field_text(fields, "why"), answer=_field_text(fields, "answer"),
        root_cause="root cause" in fields, mechanisms=_mechanism_names(*mechanisms) if mechanisms else (),
        actions=tuple(actions), children=tuple(children),
    )


def _field_text(fields: dict[str, tuple[int, str]], label: str) -> str:
    return paragraph_text(fields[label][1].split("\n")) if label in fields else ""


def _is_why(item: Item) -> bool:
    match = _LABEL.match(item.lines[0])
    return match is not None and match.group(1).lower() == "why"


def _why_fields(item: Item) -> dict[str, tuple[int, str]]:
    """Question, answer, root-cause mark and mechanisms: the line and raw Markdown of each field."""
    if not _is_why(item):
        raise MarkdownFormatError("a why must begin with “**Why?**”", item.number)
    fields: dict[str, tuple[int, list[str]]] = {}
    current: list[str] = []
    for number, line in zip(item.numbers, item.lines, strict=True):
        match = _LABEL.match(line)
        if match is None:
            current.append(line)
            continue
        label = _LABEL_KEYS[match.group(1).lower()]
        if label in fields:
            raise MarkdownFormatError(f"this why has a second “{match.group().strip()}” line", number)
        if current:
            current[-1] = _without_hard_break(current[-1])
        current = [line[match.end():]]
        fields[label] = (number, current)
    return {label: (number, "\n".join(lines)) for label, (number, lines) in fields.items()}


def _without_hard_break(line: str) -> str:
    """The line without the backslash that ends it with a hard break (an escaped one stays)."""
    backslashes = len(line) - len(line.rstrip("\\"))
    return line[:-1] if backslashes % 2 else line


def _mechanism_names(number: int, raw: str) -> tuple[str, ...]:
    names = [unescape(piece.strip(" \t\n")) for piece in split_unescaped(raw)]
    if not all(name.strip() for name in names):
        raise MarkdownFormatError("a mechanism name is empty (names are separated by “;”)", number)
    return tuple(dict.fromkeys(names))


# -- the mechanisms file ----------------------------------------------------------------------

def parse_mechanism_parts(_front: dict[str, Any], body: Lines) -> tuple[Mechanism, ...]:
    """The mechanisms of the mechanisms file: each `## name` with its description below."""
    _title, sections = _split_sections(body, None)
    mechanisms: dict[str, Mechanism] = {}
    for name, lines in sections.items():
        number = lines[0][0]
        if not name.strip():
            raise MarkdownFormatError("a mechanism has an empty name", number)
        other = mechanisms.setdefault(name.strip().casefold(), Mechanism(name, block_text(
            [line for _n, line in lines])))
        if other.name != name:
            raise MarkdownFormatError(f"the mechanisms “{other.name}” and “{name}” differ only in case; "
                                      "names must be unique ignoring case", number)
    return tuple(mechanisms.values())
