"""Entries as Markdown files (YAML front matter, CommonMark body) and back: pure render and parse."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
from typing import Any

import yaml

from journal.domain.model import Action, ActionStatus, Entry, Mechanism, Why
from journal.exchange import markdown_names as names
from journal.exchange.markdown_parse import parse_entry_parts, parse_mechanism_parts, split_front_matter
from journal.exchange.markdown_text import escape_block, escape_line, escape_text, writable

# The format, one file per entry:
#   front matter (YAML): title, date, area, valence, mechanisms, tags, id, created, updated. On import
#     the body is what counts for the title and the why-tree; mechanisms and tags are an index for vault
#     tools; date, area, valence, id, created and updated are read from here.
#   # Title
#   ## Outcome / ## Notes: paragraphs.   ## Inputs: `- **Process:** text`.   ## Guidelines: `- text`.
#   ## Whys: a nested list, one item per why: `- **Why?** question`, `**Answer:** answer`,
#     `**Root cause**`, `**Mechanisms:** a; b` on lines joined by hard breaks; under it its actions,
#     then the whys asked of its answer.   ## Actions: `- [ ] text *(due 2026-06-15)*`, `- [x] ...
#     *(done 2026-05-28)*`, `- [-] ... *(dropped)*`.
# Empty sections are left out. User text is escaped (markdown_text) so it never becomes structure.
SUFFIX = ".md"
MECHANISMS_STEM = "Mechanisms"
MECHANISMS_KIND = "mechanisms"  # the value of `fivewhys:` in the front matter of the mechanisms file
INPUT_LABELS = {"process": "Process", "action": "Action", "luck": "Luck", "time": "Time"}
BOXES = {ActionStatus.OPEN: " ", ActionStatus.DONE: "x", ActionStatus.DROPPED: "-"}
_TAG_UNSAFE = re.compile(r"[^\w/-]+")
_ODD_BREAKS = re.compile("[\x85\u2028\u2029]")
_STR, _SEQ, _MAP, _TIMESTAMP = (f"tag:yaml.org,2002:{tag}" for tag in ("str", "seq", "map", "timestamp"))
# The C emitter is ~6x faster than PyYAML's pure-Python one.
_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

__all__ = ["entry_file_name", "parse_entry", "parse_file", "parse_mechanisms", "render_entry",
           "render_mechanisms", "split_front_matter"]


# -- file names -------------------------------------------------------------------------------

def entry_stem(entry: Entry) -> str:
    """The file name of an entry without number or extension: its date and cleaned title."""
    return f"{entry.occurred_on.isoformat()} {names.clean(entry.title) or 'Untitled'}"


def entry_file_name(entry: Entry, taken: set[str]) -> str:
    """A safe, unique file name like "2026-05-12 Title.md"; `taken` holds markdown_names.name_key()
    of the names already in use and gets the new one's key."""
    return names.unique_name(entry_stem(entry), SUFFIX, taken)


# -- rendering --------------------------------------------------------------------------------

def render_entry(entry: Entry) -> str:
    """One entry as a Markdown document: front matter, then the title and one section per part."""
    lines = ["---", *_front_matter(entry), "---", "", "# " + escape_line(entry.title), ""]
    for heading, body in _sections(entry):
        if body:
            lines += [f"## {heading}", "", *body, ""]
    return "\n".join(lines)


def render_mechanisms(mechanisms: Sequence[Mechanism]) -> str:
    """The journal's mechanisms as one Markdown document: a section per mechanism, its description."""
    front = {"title": "Mechanisms", "tags": ["fivewhys"], "fivewhys": MECHANISMS_KIND}
    lines = ["---", *_yaml_lines(front), "---", "", "# Mechanisms", ""]
    for mechanism in mechanisms:
        lines += ["## " + escape_line(mechanism.name), ""]
        if mechanism.description:
            lines += [*escape_block(mechanism.description), ""]
    return "\n".join(lines)


def _front_matter(entry: Entry) -> list[str]:
    return _yaml_lines(_front_matter_data(entry))


def _front_matter_data(entry: Entry) -> dict[str, Any]:
    return {
        "title": writable(entry.title), "date": entry.occurred_on, "area": writable(entry.area),
        "valence": entry.valence.value, "mechanisms": [writable(n) for n in entry.mechanism_names()],
        "tags": _tags(entry), "id": writable(entry.id), "created": entry.created_at.isoformat(),
        "updated": entry.updated_at.isoformat(),
    }


def _yaml_lines(data: dict[str, Any]) -> list[str]:
    """`data` (texts, dates, lists of texts) as YAML lines, by PyYAML's safe serializer and emitter.

    The nodes are built here as yaml.safe_dump's representer would build them, which halves the time.
    """
    stream = io.StringIO()
    dumper = _DUMPER(stream, allow_unicode=True, width=4096)
    try:
        dumper.open()
        dumper.serialize(_node(data))
        dumper.close()
    finally:
        dumper.dispose()
    return stream.getvalue().rstrip("\n").split("\n")


def _node(value: Any) -> yaml.Node:
    if isinstance(value, str):
        # YAML line breaks other than \n are kept only inside double quotes by every emitter.
        return yaml.ScalarNode(_STR, value, style='"' if _ODD_BREAKS.search(value) else None)
    if isinstance(value, dict):
        return yaml.MappingNode(_MAP, [(_node(k), _node(v)) for k, v in value.items()], flow_style=False)
    if isinstance(value, list):
        return yaml.SequenceNode(_SEQ, [_node(item) for item in value], flow_style=False)
    return yaml.ScalarNode(_TIMESTAMP, value.isoformat())


def _tags(entry: Entry) -> list[str]:
    """Obsidian-style tags: no spaces, not only digits."""
    tags = ["fivewhys"]
    for word in (entry.area, entry.valence.value):
        tag = _TAG_UNSAFE.sub("-", writable(word).strip()).strip("-")
        if tag and not tag.isdigit() and tag not in tags:
            tags.append(tag)
    return tags


def _sections(entry: Entry) -> Iterator[tuple[str, list[str]]]:
    yield "Outcome", escape_block(entry.outcome) if entry.outcome else []
    yield "Inputs", [_item(f"**{INPUT_LABELS[i.kind.value]}:**", i.text, "") for i in entry.inputs]
    yield "Whys", [line for why in entry.whys for line in _why_lines(why, "")]
    yield "Actions", [_action_line(action, "") for action in entry.actions]
    yield "Guidelines", [_item("", guideline.text, "") for guideline in entry.guidelines]
    yield "Notes", escape_block(entry.notes) if entry.notes else []


def _item(label: str, text: str, pad: str) -> str:
    """A list item `- label text` at `pad`, the text's lines continuing under it."""
    content = label + _value(text, pad + "  ", spaced=bool(label))
    return f"{pad}- {content}" if content else f"{pad}-"


def _value(text: str, indent: str, spaced: bool = True) -> str:
    if not text:
        return ""
    return (" " if spaced else "") + escape_text(text, indent)


def _why_lines(why: Why, pad: str) -> Iterator[str]:
    inner = pad + "  "
    fields = [f"**Why?**{_value(why.question, inner)}", f"**Answer:**{_value(why.answer, inner)}"]
    if why.root_cause:
        fields.append("**Root cause**")
    if why.mechanisms:
        listed = "; ".join(escape_text(name, inner, semicolon=True) for name in why.mechanisms)
        fields.append(f"**Mechanisms:** {listed}")
    yield f"{pad}- " + ("\\\n" + inner).join(fields)
    for action in why.actions:
        yield _action_line(action, inner)
    for child in why.children:
        yield from _why_lines(child, inner)


def _action_line(action: Action, pad: str) -> str:
    notes = ["dropped"] if action.status is ActionStatus.DROPPED else []
    if action.due_on:
        notes.append(f"due {action.due_on.isoformat()}")
    if action.done_on:
        notes.append(f"done {action.done_on.isoformat()}")
    line = f"{pad}- [{BOXES[action.status]}]{_value(action.text, pad + '  ')}"
    return line + (f" *({', '.join(notes)})*" if notes else "")


# -- parsing ----------------------------------------------------------------------------------

def parse_entry(text: str) -> Entry:
    """The entry a Markdown document describes (FormatError with the line and the problem if none)."""
    front, body = split_front_matter(text)
    return parse_entry_parts(front, body)


def parse_mechanisms(text: str) -> tuple[Mechanism, ...]:
    """The mechanisms listed by a document written by render_mechanisms."""
    front, body = split_front_matter(text)
    return parse_mechanism_parts(front, body)


def parse_file(text: str) -> Entry | tuple[Mechanism, ...]:
    """An entry, or the mechanisms when the document is the mechanisms file."""
    front, body = split_front_matter(text)
    if front.get("fivewhys") == MECHANISMS_KIND:
        return parse_mechanism_parts(front, body)
    return parse_entry_parts(front, body)
