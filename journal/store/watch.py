"""Noticing writes made to a journal elsewhere (another window, `fivewhys import` in a terminal), cheaply:
by the sizes and times of the database file and its write-ahead log, with no query."""

from __future__ import annotations

import os
from pathlib import Path

Stamp = tuple[int, int] | None
WATCHED_SUFFIXES = ("", "-wal")


def file_stamps(path: Path) -> tuple[Stamp, ...]:
    """(size, modification time in ns) of the journal and its write-ahead log; None for a missing or
    empty file (SQLite creates an empty log on the first read, which changes nothing)."""
    return tuple(_stamp(f"{path}{suffix}") for suffix in WATCHED_SUFFIXES)


def _stamp(name: str) -> Stamp:
    try:
        status = os.stat(name)
    except OSError:
        return None
    return (status.st_size, status.st_mtime_ns) if status.st_size else None


class ChangeWatch:
    """Remembers the journal's files as this process last left them; anything else is a change elsewhere.

    A write elsewhere that lands in the same moment as one of ours goes unnoticed until the next one:
    noticing is a courtesy (the list and the entry shown catch up), never what keeps data safe.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._known = file_stamps(path)

    def wrote(self) -> None:
        """Note that this process has just committed a write."""
        self._known = file_stamps(self.path)

    def changed_elsewhere(self) -> bool:
        """Whether the files changed since our last write or the last time this said so."""
        now = file_stamps(self.path)
        if now == self._known:
            return False
        self._known = now
        return True
