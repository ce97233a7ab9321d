"""Guards around the journal file: damage checks, its identity, text SQLite cannot hold, edit conflicts."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from journal.store.errors import EditConflict, JournalMissing, NotAJournal

SQLITE_HEADER = b"SQLite format 3\x00"
_SURROGATE = re.compile("[\ud800-\udfff]")
_HEADER_SIZE = 100
FileIdentity = tuple[int, int]


# -- damage ------------------------------------------------------------------------------------

def damaged_message(path: Path) -> str:
    """The sentence for a journal that cannot be trusted any more, saying what to do."""
    return (f"The journal {path.name} is damaged; restore it from a backup (File › Restore backup…) "
            "or open another journal.")


def not_sqlite_message(path: Path) -> str:
    """The sentence for a file that is not an SQLite database at all."""
    return (f"The file {path.name} is not a Five Whys journal (not an SQLite database); restore it "
            "from a backup (File › Restore backup…) or open another journal.")


def refuse_damaged_header(path: Path) -> None:
    """Raise NotAJournal unless `path` starts like an SQLite database and is as long as it says.

    This costs one 100-byte read, so it runs at every open; a file cut short (a copy interrupted,
    a full disk) is caught here before anything is written to it.
    """
    with open(path, "rb") as file:
        header = file.read(_HEADER_SIZE)
    if not header.startswith(SQLITE_HEADER):
        raise NotAJournal(not_sqlite_message(path))
    if len(header) < _HEADER_SIZE or _declared_size(header) > path.stat().st_size and not _has_wal(path):
        raise NotAJournal(damaged_message(path))


def _declared_size(header: bytes) -> int:
    """The database size the header vouches for (0 when the header does not vouch for one)."""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    change_counter, valid_for = header[24:28], header[92:96]
    return page_size * pages if change_counter == valid_for else 0


def _has_wal(path: Path) -> bool:
    # A checkpoint cut short may leave the file shorter than its header says until the WAL is
    # replayed, so a non-empty WAL makes the size test inconclusive (quick_check still runs).
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def check_integrity(path: Path, thorough: bool = False) -> str | None:
    """None if the journal at `path` is sound, else one sentence saying it is damaged and what to do.

    Runs SQLite's quick_check (integrity_check if `thorough`) on a read-only connection; it reads the
    whole file, about 0.05 s per 50 MB when cached and 0.6 s from a cold disk, so the window calls it
    once at start-up rather than at every open.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        refuse_damaged_header(path)
        pragma = "integrity_check" if thorough else "quick_check"
        with contextlib.closing(connect_read_only(path)) as db:
            rows = db.execute(f"PRAGMA {pragma}").fetchall()
    except NotAJournal as error:
        return str(error)
    except sqlite3.DatabaseError:
        return damaged_message(path)
    return None if rows == [("ok",)] else damaged_message(path)


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection that cannot write to `path` and leaves no -wal/-shm files behind.

    With no -wal or -journal beside it the file holds the whole database, so it is opened as
    immutable (a read-only WAL connection would otherwise create -wal and -shm files and leave them).
    """
    quiet = not any(path.with_name(path.name + side).exists() for side in ("-wal", "-journal"))
    return sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro{'&immutable=1' if quiet else ''}", uri=True)


# -- the file's identity -----------------------------------------------------------------------

def file_identity(path: Path) -> FileIdentity | None:
    """(device, inode) of the file at `path`, or None if nothing is there."""
    try:
        status = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    return status.st_dev, status.st_ino


def require_in_place(path: Path) -> FileIdentity:
    """The identity of the journal at `path`; JournalMissing if its file or folder has gone.

    SQLite keeps writing to an open file after it (or its folder) is deleted or moved, and such
    writes are lost when the app closes: so every write first checks that the file is still there.
    """
    identity = file_identity(path)
    if identity is None:
        raise JournalMissing(
            f"The journal {path.name} is no longer in {path.parent} (it was moved or deleted, or its "
            "drive was disconnected); put it back to go on saving.")
    return identity


# -- text SQLite cannot hold -------------------------------------------------------------------

def clean_text(value: str) -> str:
    """`value` with UTF-16 surrogates (e.g. from a clipboard) made storable: a high and low pair becomes
    the character it encodes, a lone half becomes U+FFFD.

    UTF-8, and so SQLite, cannot hold surrogates; every other character, NUL and controls included,
    is kept exactly.
    """
    if value.isascii() or _SURROGATE.search(value) is None:
        return value
    return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def clean_parameters(_conn: object, _cursor: object, statement: str, parameters: Any,
                     _context: object, executemany: bool) -> tuple[str, Any]:
    """SQLAlchemy before_cursor_execute hook: every text bound to the journal goes through clean_text."""
    if executemany:
        return statement, [_clean_row(row) for row in parameters]
    return statement, _clean_row(parameters)


def _clean_row(row: Any) -> Any:
    if isinstance(row, Mapping):
        return {key: _clean_value(value) for key, value in row.items()}
    if isinstance(row, (tuple, list)):
        return type(row)(_clean_value(value) for value in row)
    return row


def _clean_value(value: Any) -> Any:
    return clean_text(value) if isinstance(value, str) else value


# -- edit conflicts ----------------------------------------------------------------------------

def check_expected(row: Any, expected: Mapping[str, Any], what: str) -> None:
    """Raise EditConflict if a field of `row` no longer holds the value the caller last saw."""
    for field, seen in expected.items():
        current = getattr(row, field)
        if _comparable(current) != _comparable(seen):
            raise EditConflict(
                f"{what} was changed in another window since you opened it; reload it to see that "
                "change (your own text is kept).", field=field, current=current)


def _comparable(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    return getattr(value, "value", value)
