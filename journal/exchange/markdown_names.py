"""File names that are safe on Linux, macOS and Windows, bounded in length and unique in a folder."""

from __future__ import annotations

import itertools
import re
import unicodedata

MAX_CHARS = 120  # the whole name, extension included
MAX_BYTES = 240  # in UTF-8; leaves room under the usual 255-byte limit for a temporary ".name.XXXXXXXX"
_TO_DASH = str.maketrans({"/": "-", "\\": "-", "|": "-", ":": "-"})
_DROPPED = re.compile(r'[<>"?*]')
_SPACES = re.compile(r"\s+")
_DOTS = re.compile(r"\.{2,}")
_JOINERS = "\u200c\u200d"  # zero-width (non-)joiners: needed by emoji and some scripts
_NUMBERED = re.compile(r"(?s)(.*?)(?: \(([0-9]{1,6})\))?")
_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"]
    + [f"{port}{n}" for port in ("COM", "LPT") for n in [*"123456789", "¹", "²", "³"]]
)


def clean(text: str) -> str:
    """`text` made fit for a file name: no separators, controls or characters Windows forbids."""
    text = unicodedata.normalize("NFC", text)
    if not text.isprintable():
        text = "".join(char if char.isprintable() or char in _JOINERS else " " for char in text)
    text = _DROPPED.sub(" ", text.translate(_TO_DASH))
    text = _DOTS.sub("…", _SPACES.sub(" ", text))
    return text.strip(" .")


def name_key(name: str) -> str:
    """How a case-insensitive, normalizing file system (Windows, macOS) tells names apart."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", name).casefold())


def fitted(stem: str, tail: str) -> str:
    """`stem` + `tail`, the stem cut on a character boundary so the name fits MAX_CHARS and MAX_BYTES."""
    budget = MAX_BYTES - len(tail.encode())
    cut = stem[: MAX_CHARS - len(tail)].encode()[:budget].decode("utf-8", "ignore")
    while cut and len(cut) < len(stem) and _continues_cluster(stem[len(cut)]):
        cut = cut[:-1]
    cut = cut.rstrip(_JOINERS).rstrip(" .")
    base = cut.split(".")[0]
    if base.rstrip(" ").upper() in _RESERVED:  # Windows reserves "NUL" and "nul.tar" alike
        cut = base + "_" + cut[len(base):]
    return cut + tail


def _continues_cluster(char: str) -> bool:
    return unicodedata.category(char).startswith("M") or char in _JOINERS


def _tail(number: int, suffix: str) -> str:
    return suffix if number == 1 else f" ({number}){suffix}"


def unique_name(stem: str, suffix: str, taken: set[str]) -> str:
    """A fitted name not in `taken` (keys from name_key), numbered " (2)", " (3)"... as needed.

    The name's key is added to `taken`.
    """
    for number in itertools.count(1):
        name = fitted(stem, _tail(number, suffix))
        key = name_key(name)
        if key not in taken:
            taken.add(key)
            return name
    raise AssertionError("unreachable")


def is_name_for(name: str, stem: str, suffix: str) -> bool:
    """Whether `name` is one unique_name could have given for `stem` (with or without a number)."""
    if not name.lower().endswith(suffix.lower()):
        return False
    match = _NUMBERED.fullmatch(name[: len(name) - len(suffix)])
    numbers = {1, int(match.group(2))} if match and match.group(2) else {1}
    key = name_key(name)
    return any(name_key(fitted(stem, _tail(number, suffix))) == key for number in numbers)
