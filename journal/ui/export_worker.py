"""Exports run on a worker thread; progress and the outcome come back to the window by signal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from journal.ui.background import BackgroundCall

if TYPE_CHECKING:
    from journal.domain.model import Entry, EntryFilter
    from journal.store.repository import Journal

JSON, MARKDOWN = "json", "markdown"
Progress = Callable[[int, int], None]


def export_entries(journal: Journal, kind: str, target: Path, progress: Progress,
                   entry_filter: EntryFilter | None = None) -> str:
    """Read whole entries (all, unless filtered) and write them (runs on the worker thread; touches no
    widget); a summary."""
    from journal.domain.model import EntryFilter

    entries = _read(journal, entry_filter or EntryFilter(), progress)
    _write(journal, kind, target, entries, progress)
    noun = "entry" if len(entries) == 1 else "entries"
    return f"Exported {len(entries)} {noun} to {target}."


def _read(journal: Journal, entry_filter: EntryFilter, progress: Progress) -> list[Entry]:
    total = journal.count_entries(entry_filter)
    entries: list[Entry] = []
    for entry in journal.all_entries(entry_filter):
        entries.append(entry)
        progress(len(entries), 2 * total)
    return entries


def _write(journal: Journal, kind: str, target: Path, entries: list[Entry], progress: Progress) -> None:
    total = len(entries)
    if kind == JSON:
        from journal.exchange.files import write_json

        write_json(target, entries, journal.mechanisms())
    else:
        from journal.exchange.markdown_files import write_markdown_folder

        write_markdown_folder(target, entries, mechanisms=journal.mechanisms(),
                              progress=lambda done, _all: progress(total + done, 2 * total))
    progress(2 * total, 2 * total)


class ExportJob(BackgroundCall):
    """An export on its own thread: `progress(done, total)`, then `finished(summary)` or `failed(why)`."""

    progress = Signal(int, int)
    finished = Signal(str)

    def __init__(self, journal: Journal, kind: str, target: Path, parent: QObject | None = None) -> None:
        super().__init__(lambda: export_entries(journal, kind, target, self.progress.emit), parent)
        self.done.connect(self.finished.emit)
