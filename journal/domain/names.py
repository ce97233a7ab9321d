"""Mechanism names: spotting a new name that is nearly one the journal already has."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

SIMILARITY = 0.8
_WORD = re.compile(r"\w+")


def _words(name: str) -> list[str]:
    return _WORD.findall(name.casefold())


def _normal(name: str) -> str:
    return " ".join(_words(name))


def near_duplicate(name: str, existing: Iterable[str]) -> str | None:
    """The existing name that `name` nearly repeats (a typo, other punctuation or word order), or None.

    A name equal to an existing one ignoring case is that same mechanism, so it gives None.
    """
    existing = [other for other in existing if _normal(other)]
    wanted = _normal(name)
    if not wanted or any(same_name(name, other) for other in existing):
        return None
    for other in existing:
        if sorted(_words(other)) == sorted(wanted.split()):
            return other
    by_normal = {_normal(other): other for other in existing}
    close = difflib.get_close_matches(wanted, list(by_normal), n=1, cutoff=SIMILARITY)
    return by_normal[close[0]] if close else None


def same_name(first: str, second: str) -> bool:
    """Whether two mechanism names are the same ignoring case and surrounding space."""
    return first.strip().casefold() == second.strip().casefold()
