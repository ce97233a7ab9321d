"""User text in Markdown: escaping so any text stays plain text in CommonMark, and the exact way back."""

from __future__ import annotations

import html.entities
import re
from collections.abc import Iterator

# Characters that start structure anywhere on a line (CommonMark, GFM and Obsidian: emphasis, code,
# links, HTML, entities, tables, strikethrough, tags, highlights, math, comments, footnotes) get a
# backslash; characters that cannot be backslash-escaped are written as numeric character references.
_ANYWHERE = "\\`*_[]<>&|~#=$%^"
_ESCAPES = {ord(char): "\\" + char for char in _ANYWHERE} | {0: "&#0;", 10: "&#10;", 13: "&#13;"}
_ESCAPES_AND_SEMICOLON = _ESCAPES | {ord(";"): "\\;"}
# Whether a text holds any of those characters (most texts hold none and need no translate).
_ESCAPED = re.compile("[" + re.escape("".join(map(chr, _ESCAPES))) + "]")
_ESCAPED_OR_SEMICOLON = re.compile("[" + re.escape("".join(map(chr, _ESCAPES_AND_SEMICOLON))) + "]")
# Characters that start structure only at the start of a line: bullets and ordered-list markers.
_LINE_START = re.compile(r"^([-+])|^([0-9]+)([.)])")
_LINE_START_CHARS = frozenset("-+0123456789")
# Whitespace a CommonMark reader strips at the start and end of a line (spaces, tabs, Unicode Zs, ...).
_EDGE_CHARS = " \t\n\x0b\x0c\r\u2028\u2029\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_EDGE_SET = frozenset(" \t\n\x0b\x0c\r\u2028\u2029\u00a0\u1680\u202f\u205f\u3000") | frozenset(
    map(chr, range(0x2000, 0x200B)))
_LEADING = re.compile(f"^[{_EDGE_CHARS}]+")
_TRAILING = re.compile(f"[{_EDGE_CHARS}]+$")
_SURROGATE = re.compile("[\ud800-\udfff]")
_DECODE = re.compile(
    r"\\([!-/:-@\[-`{-~])"            # a backslash escape of ASCII punctuation
    r"|\\\n"                          # a hard line break
    r"|&#([0-9]{1,7});"               # a decimal character reference
    r"|&#[xX]([0-9a-fA-F]{1,6});"     # a hexadecimal character reference
    r"|&([A-Za-z][A-Za-z0-9]{1,31});"  # a named entity (only from hand-edited files)
)
_SPLIT = re.compile(r"\\.|&#?[0-9A-Za-z]+;|(;)", re.DOTALL)
REPLACEMENT = "\ufffd"
HARD_BREAK = "\\\n"


def writable(text: str) -> str:
    """The text with lone surrogates (which UTF-8 cannot hold) replaced by U+FFFD."""
    if text.isascii() or _SURROGATE.search(text) is None:  # called for every text: the common case first
        return text
    return _SURROGATE.sub(REPLACEMENT, text)


def _reference(char: str) -> str:
    return f"&#{ord(char)};"


def _references(match: re.Match[str]) -> str:
    return "".join(_reference(char) for char in match.group())


def escape_line(text: str, semicolon: bool = False) -> str:
    """One line of Markdown showing exactly `text` (a newline inside becomes a character reference);
    with `semicolon`, semicolons are escaped too (they separate names in a list)."""
    if not text:
        return text
    escaped = writable(text)
    if (_ESCAPED_OR_SEMICOLON if semicolon else _ESCAPED).search(escaped):
        escaped = escaped.translate(_ESCAPES_AND_SEMICOLON if semicolon else _ESCAPES)
    if escaped[0] in _LINE_START_CHARS:
        escaped = _LINE_START.sub(_escape_line_start, escaped, count=1)
    if escaped[0] in _EDGE_SET:
        escaped = _LEADING.sub(_references, escaped, count=1)
    if escaped[-1] in _EDGE_SET:
        escaped = _TRAILING.sub(_references, escaped, count=1)
    return escaped


def _escape_line_start(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return match.group(2) + "\\" + match.group(3)


def escape_text(text: str, indent: str, semicolon: bool = False) -> str:
    """`text` as inline Markdown whose newlines are hard breaks followed by `indent`."""
    if "\n" not in text:
        return escape_line(text, semicolon)
    core = text.strip("\n")
    if not core:
        return "&#10;" * len(text)
    lead = len(text) - len(text.lstrip("\n"))
    trail = len(text) - len(text.rstrip("\n"))
    lines = (escape_line(line, semicolon) for line in core.split("\n"))
    return "&#10;" * lead + (HARD_BREAK + indent).join(lines) + "&#10;" * trail


def escape_block(text: str) -> list[str]:
    """Lines of Markdown paragraphs showing exactly `text`: a blank line where the text has one."""
    paragraphs = re.split(r"(?<=[^\n])\n\n(?=[^\n])", text)
    lines: list[str] = []
    for paragraph in paragraphs:
        if lines:
            lines.append("")
        lines.extend(escape_text(paragraph, "").split("\n"))
    return lines


def unescape(markdown: str) -> str:
    """The text shown by inline Markdown written by escape_text (or typed by hand, as plain text)."""
    if "\\" not in markdown and "&" not in markdown:
        return markdown
    return _DECODE.sub(_decoded, markdown)


def _decoded(match: re.Match[str]) -> str:
    escaped, decimal, hexadecimal, name = match.groups()
    if escaped is not None:
        return escaped
    if decimal is not None:
        return _code_point(int(decimal))
    if hexadecimal is not None:
        return _code_point(int(hexadecimal, 16))
    if name is not None:
        return html.entities.html5.get(name + ";", match.group())
    return "\n"


def _code_point(number: int) -> str:
    # U+0000 comes back as itself: it is how this format writes NUL (CommonMark readers show U+FFFD).
    if number > 0x10FFFF or 0xD800 <= number <= 0xDFFF:
        return REPLACEMENT
    return chr(number)


def paragraph_text(lines: list[str]) -> str:
    """The text of Markdown lines (indentation already removed): hard and soft breaks become newlines."""
    return unescape("\n".join(line.strip(" \t") for line in lines))


def block_text(lines: list[str]) -> str:
    """The text of Markdown paragraphs: paragraphs are joined by a blank line."""
    return "\n\n".join(paragraph_text(group) for group in _paragraphs(lines))


def _paragraphs(lines: list[str]) -> Iterator[list[str]]:
    group: list[str] = []
    for line in lines:
        if line.strip(" \t"):
            group.append(line)
        elif group:
            yield group
            group = []
    if group:
        yield group


def split_unescaped(markdown: str) -> list[str]:
    """Split inline Markdown at each `;` that is neither escaped nor the end of a character reference."""
    pieces, start = [], 0
    for match in _SPLIT.finditer(markdown):
        if match.group(1):
            pieces.append(markdown[start:match.start()])
            start = match.end()
    pieces.append(markdown[start:])
    return pieces
