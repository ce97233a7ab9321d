"""Consistent copies of a journal made with SQLite's online backup API."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from journal.store.errors import JournalError
from journal.store.schema import translated


def backup_to(journal: Path, destination: Path) -> None:
    """Copy the journal to `destination` (owner-only), consistent even while it is being written."""
    if destination.is_dir():
        raise JournalError(f"{destination} is a folder; name the backup file to write.")
    if destination.resolve() == journal.resolve():
        raise JournalError("A backup cannot be written over the journal itself.")
    partial = destination.with_name(destination.name + ".partial")
    with translated(journal):
        _write_partial(journal, partial)
        os.replace(partial, destination)


def _write_partial(journal: Path, partial: Path) -> None:
    try:
        partial.unlink(missing_ok=True)
        os.close(os.open(partial, os.O_CREAT | os.O_WRONLY, 0o600))
        source = sqlite3.connect(f"{journal.as_uri()}?mode=ro", uri=True)
        with contextlib.closing(source), contextlib.closing(sqlite3.connect(partial)) as target:
            source.backup(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
