"""Edits that could not be saved, kept aside in a JSON v1 file until the journal can take them back.

When the window must close while the journal refuses writes (a full disk, a lock, another window's
change), the user's last edits are written here instead of being dropped; the next time that journal
opens, the window offers to put them back.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from journal.domain.model import Entry, now_utc
from journal.exchange import jsonv1
from journal.exchange.errors import ExchangeError
from journal.exchange.files import read_text, write_text_atomic, writing_to

PREFIX = "unsaved-"
JOURNAL_KEY = "unsaved_for"  # extra key in the JSON v1 document: which journal the edits belong to


@dataclass(frozen=True)
class KeptAside:
    """One file of edits kept aside: where it is, when it was written and the entries in it."""

    path: Path
    written_at: datetime
    entries: tuple[Entry, ...]
    order: int = 0  # when the file was written, in nanoseconds: sorts files of the same second


def keep_aside(journal_path: Path, entries: Sequence[Entry], folders: Sequence[Path]) -> Path:
    """Write `entries` to a new file in the first of `folders` that takes it, and return its path.

    Raises ExchangeError (the first folder's reason) if none of them can be written.
    """
    written_at = now_utc()
    document = jsonv1.document_to_dict(entries, (), written_at)
    document[JOURNAL_KEY] = _identity(journal_path)
    text = jsonv1.dumps(document)
    name = f"{PREFIX}{written_at:%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:8]}.json"
    reasons = []
    for folder in folders:
        try:
            _owner_only_folder(folder)
            write_text_atomic(folder / name, text)
            return folder / name
        except ExchangeError as error:
            reasons.append(str(error))
    raise ExchangeError(reasons[0] if reasons else "There is no folder to keep the changes in.")


def kept_aside(journal_path: Path, folders: Sequence[Path]) -> list[KeptAside]:
    """The files of edits kept aside for this journal, oldest first; unreadable files are left alone."""
    identity = _identity(journal_path)
    found = []
    for folder in folders:
        for path in sorted(folder.glob(f"{PREFIX}*.json")) if folder.is_dir() else ():
            kept = _read(path, identity)
            if kept is not None:
                found.append(kept)
    return sorted(found, key=lambda kept: (kept.written_at, kept.order))


def discard(kept: KeptAside) -> None:
    """Delete a file of kept edits (once they are back in the journal, or the user let them go)."""
    with writing_to(kept.path):
        kept.path.unlink(missing_ok=True)


def _read(path: Path, identity: str) -> KeptAside | None:
    try:
        data = json.loads(read_text(path))
        if not isinstance(data, dict) or data.get(JOURNAL_KEY) != identity:
            return None
        document = jsonv1.document_from_dict(data)
        written_at = datetime.fromisoformat(str(data.get("exported_at")).replace("Z", "+00:00"))
        order = path.stat().st_mtime_ns
    except (ExchangeError, ValueError, OSError):
        return None
    return KeptAside(path, written_at, document.entries, order)


def _identity(journal_path: Path) -> str:
    return str(Path(journal_path).expanduser().resolve())


def _owner_only_folder(folder: Path) -> None:
    """Create the folder readable by its owner only (the edits are private text), or say why not."""
    with writing_to(folder / "x"):
        if folder.exists() and not folder.is_dir():
            raise ExchangeError(f"{folder} is a file, not a folder.")
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if hasattr(os, "getuid") and folder.stat().st_uid != os.getuid():
            raise ExchangeError(f"The folder {folder} belongs to another user.")
