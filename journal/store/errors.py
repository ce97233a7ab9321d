"""Errors the user must see, each carrying one clear sentence, and their translation from SQLite's."""

from __future__ import annotations

from pathlib import Path


class JournalError(Exception):
    """A problem the user must be told about; str() is one clear sentence. Anything else is a bug."""


class NotAJournal(JournalError):
    """The file is not a journal database, or it is damaged."""


class JournalTooNew(JournalError):
    """The journal was written by a newer version of the app; it is left untouched."""


class JournalLocked(JournalError):
    """Another program holds the journal's write lock."""


class JournalReadOnly(JournalError):
    """The journal file or its folder cannot be written."""


class DiskFull(JournalError):
    """There is no space left to write the journal."""


class InvalidValue(JournalError):
    """A value the journal cannot take (an unknown kind, an empty mechanism name, ...)."""


class JournalMissing(JournalError):
    """The journal file (or its folder) is no longer where it was opened; nothing was written."""


class EditConflict(JournalError):
    """The item was changed elsewhere since the caller loaded it; nothing was written.

    `field` names the first field that differs and `current` holds its value in the journal now.
    """

    def __init__(self, message: str, field: str = "", current: object = None) -> None:
        super().__init__(message)
        self.field = field
        self.current = current


_SQLITE_MESSAGES: tuple[tuple[str, type[JournalError], str], ...] = (
    ("database is locked", JournalLocked,
     "The journal {name} is busy in another program; your text is kept and will be saved when it is free."),
    ("readonly database", JournalReadOnly,
     "The journal {name} cannot be written (the file or its folder is read-only)."),
    ("disk is full", DiskFull, "The disk holding the journal {name} is full; free some space to save."),
    ("file is not a database", NotAJournal, "The file {name} is not a Five Whys journal, or it is "
     "damaged; restore it from a backup (File › Restore backup…) or open another journal."),
    ("malformed", NotAJournal, "The journal {name} is damaged; restore it from a backup "
     "(File › Restore backup…) or open another journal."),
    ("too big", InvalidValue, "A text is too long to be saved in the journal {name}; shorten it."),
    ("unable to open database", JournalReadOnly,
     "The journal {name} cannot be opened (its folder is missing or not accessible)."),
    ("disk i/o error", JournalReadOnly,
     "The journal {name} could not be read or written (a disk error, or its folder vanished)."),
)


def translate(error: BaseException, path: Path) -> JournalError | None:
    """The user-facing error for an SQLite failure on the journal at `path`, or None if it is a bug."""
    text = str(getattr(error, "orig", None) or error).lower()
    for fragment, kind, sentence in _SQLITE_MESSAGES:
        if fragment in text:
            return kind(sentence.format(name=path.name))
    return None
