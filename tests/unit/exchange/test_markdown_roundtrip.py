"""Markdown export read back two ways: by our parser (exact round trip) and by a CommonMark parser."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from journal.domain.model import Action, ActionStatus, Entry, Guideline, Input, InputKind, Valence, Why
from journal.exchange.jsonv1 import entry_to_dict
from journal.exchange.markdown import parse_entry, render_entry

# markdown-it's CommonMark preset stops nesting blocks at 20 levels (about 9 levels of whys) as a
# safety limit of its own; CommonMark itself sets none, so the reader here allows deeper trees.
COMMONMARK = MarkdownIt("commonmark", {"maxNesting": 400})
ALLOWED_NODES = {"root", "heading", "paragraph", "inline", "text", "hardbreak", "strong", "em",
                 "bullet_list", "list_item"}
HOSTILE = ["# x", "- ", "1. ", "+ ", "> ", "|a|b|", "`code`", "*", "_", "[link](x)", "<script>", "&amp;",
           "---", "===", "\\", "  ", "\t", "\n", "\r", "\r\n", "~~~", "```", "[[wiki]]", "#tag", "==hi==",
           "$x$", "%%c%%", "[^1]", "![i](x)", "<http://x>", "&#32;", ";", "**Why?**", "[ ]",
           "*(due 2026-01-01)*", "_em_", "*em*", "__strong__", "x<b>y</b>", "<!-- c -->", "\u00a0",
           "\u2028", "\x85", "é", "🙂", "\ufeff", "    code"]


# -- strategies -------------------------------------------------------------------------------

days = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
optional_days = st.none() | days
moments = st.builds(
    lambda day, seconds, minutes: datetime.combine(day, datetime.min.time(), timezone(
        timedelta(minutes=minutes))) + timedelta(seconds=seconds),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 1, 1)),
    st.integers(0, 86399), st.integers(-14 * 60, 14 * 60))


def entries(excluded: str = "") -> st.SearchStrategy[Entry]:
    """Entries full of hostile text; `excluded` characters never appear in their texts."""
    chars = st.characters(exclude_categories=("Cs",), exclude_characters=excluded)
    hostile = st.lists(st.sampled_from([h for h in HOSTILE if not set(h) & set(excluded)])
                       | st.text(chars, max_size=6), max_size=5).map("".join)
    texts = st.text(chars, max_size=24) | hostile
    names = texts.filter(lambda name: name.strip())
    actions = st.builds(Action, text=texts, status=st.sampled_from(ActionStatus), due_on=optional_days,
                        done_on=optional_days)

    def whys(children: st.SearchStrategy[tuple[Why, ...]]) -> st.SearchStrategy[Why]:
        return st.builds(Why, question=texts, answer=texts, root_cause=st.booleans(),
                         mechanisms=st.lists(names, max_size=3, unique=True).map(tuple),
                         actions=st.lists(actions, max_size=2).map(tuple), children=children)

    trees = st.recursive(whys(st.just(())), lambda inner: whys(st.lists(inner, max_size=3).map(tuple)),
                         max_leaves=8)
    return st.builds(
        Entry, title=texts, occurred_on=days, valence=st.sampled_from(Valence), area=texts,
        outcome=texts, notes=texts,
        inputs=st.lists(st.builds(Input, kind=st.sampled_from(InputKind), text=texts), max_size=3).map(tuple),
        whys=st.lists(trees, max_size=3).map(tuple), actions=st.lists(actions, max_size=3).map(tuple),
        guidelines=st.lists(st.builds(Guideline, text=texts), max_size=2).map(tuple),
        id=st.uuids().map(str) | names.filter(lambda name: len(name) <= 200),
        created_at=moments, updated_at=moments,
    )


# -- an independent reader on top of markdown-it (CommonMark) and PyYAML's pure-Python loader --

def split_document(document: str) -> tuple[dict[str, Any], str]:
    lines = document.split("\n")
    assert lines[0] == "---"
    end = lines.index("---", 1)
    return yaml.load("\n".join(lines[1:end]), Loader=yaml.SafeLoader), "\n".join(lines[end + 1:])


def walk(node: SyntaxTreeNode):
    yield node
    for child in node.children:
        yield from walk(child)


def plain(node: SyntaxTreeNode) -> str:
    """The text of inline content that must be plain: text and hard breaks only."""
    parts = []
    for child in node.children:
        assert child.type in ("text", "hardbreak"), f"user text produced a {child.type}"
        parts.append(child.content if child.type == "text" else "\n")
    return "".join(parts)


def labelled(paragraph: SyntaxTreeNode) -> list[tuple[str, str]]:
    """A paragraph as (label, text) pairs: strong or em text opens a part, plain text follows it."""
    parts: list[tuple[str, str]] = [("", "")]
    for child in paragraph.children[0].children:
        if child.type in ("strong", "em"):
            parts.append((child.type + ":" + plain(child), ""))
        else:
            label, text = parts[-1]
            parts[-1] = (label, text + plain_one(child))
    return parts if parts[0] != ("", "") else parts[1:]


def plain_one(node: SyntaxTreeNode) -> str:
    assert node.type in ("text", "hardbreak"), f"user text produced a {node.type}"
    return node.content if node.type == "text" else "\n"


def fields(parts: list[tuple[str, str]]) -> dict[str, str]:
    """Labelled fields of a why: each value loses the space after its label and the break before the next."""
    result = {}
    for index, (label, text) in enumerate(parts):
        if index < len(parts) - 1:
            assert text.endswith("\n")
            text = text[:-1]
        result[label] = text[1:] if text.startswith(" ") else text
    return result


def item_paragraph(item: SyntaxTreeNode) -> SyntaxTreeNode | None:
    blocks = [child.type for child in item.children]
    assert blocks in ([], ["paragraph"], ["paragraph", "bullet_list"]), blocks
    return item.children[0] if blocks else None


def sublist(item: SyntaxTreeNode) -> list[SyntaxTreeNode]:
    return item.children[1].children if len(item.children) == 2 else []


def read_action(item: SyntaxTreeNode) -> dict[str, Any]:
    parts = labelled(item_paragraph(item))
    text = parts[0][1]
    box, rest = text[:3], text[3:]
    notes = parts[1][0].removeprefix("em:") if len(parts) == 2 else ""
    if notes:
        assert rest.endswith(" ")
        rest = rest[:-1]
    rest = rest[1:] if rest.startswith(" ") else rest
    words = dict(note.split(" ") for note in notes.strip("()").split(", ") if " " in note)
    status = {"[ ]": "open", "[x]": "done", "[-]": "dropped"}[box]
    assert ("dropped" in notes) == (status == "dropped")
    return {"text": rest, "status": status, "due_on": words.get("due"), "done_on": words.get("done")}


def read_why(item: SyntaxTreeNode, depth: int, depths: list[int]) -> dict[str, Any]:
    depths.append(depth)
    found = fields(labelled(item_paragraph(item)))
    assert list(found)[:2] == ["strong:Why?", "strong:Answer:"], list(found)
    assert set(found) <= {"strong:Why?", "strong:Answer:", "strong:Root cause", "strong:Mechanisms:"}
    assert found.get("strong:Root cause", "") == ""
    children = sublist(item)
    actions = [read_action(c) for c in children if labelled(item_paragraph(c))[0][0] == ""]
    whys = [read_why(c, depth + 1, depths) for c in children if labelled(item_paragraph(c))[0][0]]
    return {"question": found["strong:Why?"], "answer": found["strong:Answer:"],
            "root_cause": "strong:Root cause" in found, "mechanisms": found.get("strong:Mechanisms:", ""),
            "actions": actions, "children": whys}


def read_with_commonmark(document: str) -> tuple[dict[str, Any], dict[str, Any], int]:
    """What a CommonMark reader sees: front matter, the entry's parts, and the why list's depth."""
    front, body = split_document(document)
    root = SyntaxTreeNode(COMMONMARK.parse(body))
    types = {node.type for node in walk(root)}
    assert types <= ALLOWED_NODES, types - ALLOWED_NODES
    blocks = root.children
    assert blocks[0].type == "heading" and blocks[0].tag == "h1"
    sections: dict[str, list[SyntaxTreeNode]] = {}
    for node in blocks[1:]:
        if node.type == "heading":
            assert node.tag == "h2"
            sections[plain(node.children[0])] = []
        else:
            sections[list(sections)[-1]].append(node)
    depths: list[int] = [0]
    seen = {
        "title": plain(blocks[0].children[0]),
        "outcome": paragraphs(sections.get("Outcome", [])), "notes": paragraphs(sections.get("Notes", [])),
        "inputs": [input_item(i) for i in items(sections, "Inputs")],
        "whys": [read_why(i, 1, depths) for i in items(sections, "Whys")],
        "actions": [read_action(i) for i in items(sections, "Actions")],
        "guidelines": [{"text": plain(p.children[0]) if (p := item_paragraph(i)) else ""}
                       for i in items(sections, "Guidelines")],
    }
    return front, seen, max(depths)


def paragraphs(nodes: list[SyntaxTreeNode]) -> str:
    assert all(node.type == "paragraph" for node in nodes)
    return "\n\n".join(plain(node.children[0]) for node in nodes)


def items(sections: dict[str, list[SyntaxTreeNode]], name: str) -> list[SyntaxTreeNode]:
    nodes = sections.get(name, [])
    assert len(nodes) <= 1 and all(node.type == "bullet_list" for node in nodes)
    return nodes[0].children if nodes else []


def input_item(item: SyntaxTreeNode) -> dict[str, str]:
    (label, text), = fields(labelled(item_paragraph(item))).items()
    return {"kind": label.removeprefix("strong:").rstrip(":").lower(), "text": text}


def expected_view(entry: Entry) -> dict[str, Any]:
    """The entry as the CommonMark reader should see it (mechanism names joined as displayed)."""
    data = entry_to_dict(entry)
    for key in ("id", "created_at", "updated_at", "occurred_on", "area", "valence"):
        del data[key]
    strip_mechanisms(data["whys"], entry.whys)
    return data


def strip_mechanisms(data: list[dict[str, Any]], whys: tuple[Why, ...]) -> None:
    for item, why in zip(data, whys, strict=True):
        item["mechanisms"] = "; ".join(why.mechanisms)
        strip_mechanisms(item["children"], why.children)


# NUL and U+000B cannot be shown by a CommonMark reader (see test_nul_and_edge_controls_...): our own
# parser gets them back, so only the first property covers them.
NOT_FOR_COMMONMARK = "\x00\x0b"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries())
def test_render_then_parse_gives_the_same_entry_for_any_text(entry):
    assert entry_to_dict(parse_entry(render_entry(entry))) == entry_to_dict(entry)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries(excluded=NOT_FOR_COMMONMARK))
def test_a_commonmark_reader_sees_exactly_the_structure_and_texts_written(entry):
    document = render_entry(entry)
    assert entry_to_dict(parse_entry(document)) == entry_to_dict(entry)
    front, seen, depth = read_with_commonmark(document)
    assert seen == expected_view(entry)
    assert depth == entry.tree_depth()
    assert front["title"] == entry.title and front["area"] == entry.area
    assert front["date"] == entry.occurred_on and front["valence"] == entry.valence.value
    assert front["id"] == entry.id and front["mechanisms"] == list(entry.mechanism_names())
    assert datetime.fromisoformat(front["created"]) == entry.created_at
    assert "fivewhys" in front["tags"] and all(" " not in tag for tag in front["tags"])


# -- examples ---------------------------------------------------------------------------------

def hostile_entry() -> Entry:
    why = Why(question="<script>alert(1)</script>", answer="- not a list\n1. nor this\n> nor a quote",
              root_cause=True, mechanisms=("A; B", "`tick` | pipe"),
              actions=(Action(text="[x] fake box *(due 2020-01-01)*", due_on=date(2026, 6, 15)),),
              children=(Why(question="---", answer="===\n  indented\n\ttab\\"),))
    return Entry(title="# x *y* _z_ [l](u) &amp; ", occurred_on=date(2026, 5, 12),
                 outcome="\n\nfirst\n\n\nsecond  \n", notes="```\ncode\n```",
                 whys=(why,), created_at=datetime(2026, 5, 12, 9, 30, tzinfo=UTC))


def test_hostile_text_stays_text_and_html_is_escaped():
    entry = hostile_entry()
    document = render_entry(entry)
    _front, seen, depth = read_with_commonmark(document)
    assert seen == expected_view(entry) and depth == 2
    html = COMMONMARK.render(split_document(document)[1])
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert entry_to_dict(parse_entry(document)) == entry_to_dict(entry)


def test_nul_and_edge_controls_come_back_exactly_though_commonmark_shows_a_replacement():
    entry = Entry(title="a\x00b", occurred_on=date(2026, 1, 1), notes="\x0bline\x0b")
    document = render_entry(entry)
    assert "&#0;" in document and "&#11;line&#11;" in document
    assert entry_to_dict(parse_entry(document)) == entry_to_dict(entry)
    _front, seen, _depth = read_with_commonmark(document)
    assert seen["title"] == "a\ufffdb"


def test_lone_surrogates_are_written_as_the_replacement_character():
    entry = Entry(title="bad \ud800 half", occurred_on=date(2026, 1, 1), area="x\udfffy")
    document = render_entry(entry)
    document.encode("utf-8")
    back = parse_entry(document)
    assert back.title == "bad \ufffd half" and back.area == "x\ufffdy"


def test_a_deep_tree_keeps_its_shape():
    why = Why(question="the deepest", answer="a mechanism")
    for level in range(29):
        why = Why(question=f"why {level}?", answer=f"answer {level}", children=(why,))
    entry = Entry(title="deep", occurred_on=date(2026, 1, 1), whys=(why,))
    document = render_entry(entry)
    assert parse_entry(document).tree_depth() == 30
    _front, seen, depth = read_with_commonmark(document)
    assert depth == 30 and seen == expected_view(entry)
