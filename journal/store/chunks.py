"""Ids a few hundred at a time, for the IN (...) lists of the store's queries."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

IDS_AT_ONCE = 500  # ids bound in one IN (...): well under SQLite's limit on variables


def id_chunks(ids: Sequence[str]) -> Iterator[tuple[str, ...]]:
    """`ids` in order, IDS_AT_ONCE at a time."""
    for start in range(0, len(ids), IDS_AT_ONCE):
        yield tuple(ids[start:start + IDS_AT_ONCE])
