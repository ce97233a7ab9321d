"""Exports run on a worker thread; progress and the outcome come back to the window by signal."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal, Slot

from journal.domain.model import Entry, EntryFilter
from journal.exchange.errors import ExchangeError
from journal.store.errors import JournalError

if TYPE_CHECKING:
    from journal.store.repository import Journal

JSON, MARKDOWN = "json", "markdown"


class ExportWorker(QObject):
    """Reads whole entries and writes them; touches no widget (it lives on the worker thread)."""

    progress = Signal(int, int)
    finished = Signal(str)
    failed = Signal(str)

    def __init__(self, journal: Journal, kind: str, target: Path,
                 entry_filter: EntryFilter = EntryFilter()) -> None:
        super().__init__()
        self._journal, self._kind, self._target, self._filter = journal, kind, target, entry_filter

    @Slot()
    def run(self) -> None:
        """Do the export, then emit `finished(summary)` or `failed(sentence)`."""
        try:
            entries = self._read()
            self._write(entries)
        except (JournalError, ExchangeError) as error:
            self.failed.emit(str(error))
        else:
            noun = "entry" if len(entries) == 1 else "entries"
            self.finished.emit(f"Exported {len(entries)} {noun} to {self._target}.")

    def _read(self) -> list[Entry]:
        total = self._journal.count_entries(self._filter)
        entries: list[Entry] = []
        for entry in self._journal.all_entries(self._filter):
            entries.append(entry)
            self.progress.emit(len(entries), 2 * total)
        return entries

    def _write(self, entries: list[Entry]) -> None:
        total = len(entries)
        if self._kind == JSON:
            from journal.exchange.files import write_json

            write_json(self._target, entries, self._journal.mechanisms())
        else:
            from journal.exchange.markdown_files import write_markdown_folder

            write_markdown_folder(self._target, entries, mechanisms=self._journal.mechanisms(),
                                  progress=lambda done, _all: self.progress.emit(total + done, 2 * total))
        self.progress.emit(2 * total, 2 * total)


class ExportJob(QObject):
    """One export on its own QThread; forwards the worker's signals and cleans up after itself."""

    progress = Signal(int, int)
    finished = Signal(str)
    failed = Signal(str)

    def __init__(self, journal: Journal, kind: str, target: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thread = QThread(self)
        self.worker = ExportWorker(journal, kind, target)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progress.connect(self.progress)
        self.worker.finished.connect(self.finished)
        self.worker.failed.connect(self.failed)
        for done in (self.worker.finished, self.worker.failed):
            done.connect(self.thread.quit)
        self.thread.finished.connect(self.worker.deleteLater)

    def start(self) -> None:
        """Begin the export in the background."""
        self.thread.start()

    def running(self) -> bool:
        """Whether the export is still going."""
        return self.thread.isRunning()

    def wait(self) -> None:
        """Block until the export has ended (used when the window closes)."""
        self.thread.quit()
        self.thread.wait()
