"""The main window: builds the list, the editor and the review tabs, and wires them together."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QProgressBar,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from journal import paths
from journal.domain.model import Entry
from journal.store.errors import JournalError
from journal.ui.autosave import Autosaver
from journal.ui.confirm_dialog import ConfirmDialog
from journal.ui.editor.entry_editor import EntryEditor
from journal.ui.entry_list import EntryList
from journal.ui.export_worker import JSON, MARKDOWN, ExportJob
from journal.ui.file_dialogs import FileDialogs
from journal.ui.journal_bridge import JournalBridge
from journal.ui.open_error_dialog import OpenErrorDialog
from journal.ui.review_area import ReviewArea
from journal.ui.sample_banner import SampleBanner
from journal.ui.save_status import SaveStatus
from journal.ui.undo import UndoHistory
from journal.ui.window_actions import WindowActions

if TYPE_CHECKING:
    from journal.store.repository import Journal

APP_TITLE = "Five Whys Journal"
MESSAGE_MS = 6000


class MainWindow(QMainWindow):
    """Entry list on the left, the entry on the right, review one tab away."""

    file_dialogs = FileDialogs
    open_error_dialog = OpenErrorDialog
    confirm_dialog = ConfirmDialog

    def __init__(self) -> None:
        super().__init__()
        self.journal: Journal | None = None
        self.export_job: ExportJob | None = None
        self.autosaver = Autosaver(self)
        self.history = UndoHistory()
        self.bridge = JournalBridge(self)
        self._build()
        self._connect()
        self._show_journal_state()

    def _build(self) -> None:
        self.setWindowTitle(APP_TITLE)
        self.entry_list = EntryList()
        self.editor = EntryEditor(self.autosaver, self.history)
        self.banner = SampleBanner()
        self.banner.setVisible(False)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.entry_list)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 870])
        splitter.setChildrenCollapsible(False)
        journal_page = QWidget()
        page = QVBoxLayout(journal_page)
        page.addWidget(self.banner)
        page.addWidget(splitter, 1)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(journal_page, "Journal")
        self.review = ReviewArea(self.tabs)
        self.setCentralWidget(self.tabs)
        self.actions = WindowActions(self)
        self.save_status = SaveStatus()
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setMaximumWidth(self.fontMetrics().averageCharWidth() * 30)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.save_status)

    def _connect(self) -> None:
        actions = self.actions
        actions.new_journal.triggered.connect(self.new_journal)
        actions.open_journal.triggered.connect(self.choose_journal)
        actions.export_markdown.triggered.connect(lambda: self.export(MARKDOWN))
        actions.export_json.triggered.connect(lambda: self.export(JSON))
        actions.backup.triggered.connect(self.back_up)
        actions.quit.triggered.connect(self.close)
        actions.undo.triggered.connect(self.editor.undo)
        actions.redo.triggered.connect(self.editor.redo)
        actions.find.triggered.connect(self.find)
        actions.new_entry.triggered.connect(self.new_entry)
        actions.delete_entry.triggered.connect(self.delete_entry)
        self.entry_list.entry_chosen.connect(self.editor.show_entry)
        self.entry_list.new_entry_requested.connect(self.new_entry)
        self.editor.entry_edited.connect(lambda _entry: self._show_entry_state())
        self.bridge.changed.connect(self._journal_changed)
        self.autosaver.committed.connect(self._record_undo)
        self.autosaver.problem.connect(self.save_status.show_problem)
        self.autosaver.saved.connect(lambda _id: self._show_entry_state())
        self.review.entry_requested.connect(self.open_entry)
        self.tabs.currentChanged.connect(lambda _index: self.autosaver.flush())
        self.banner.add_samples.connect(self.add_samples)
        self.banner.new_entry.connect(self.new_entry)
        app = QApplication.instance()
        app.focusChanged.connect(self._focus_changed)
        app.aboutToQuit.connect(self.autosaver.flush)

    # -- journals -------------------------------------------------------------------------------

    def open_journal(self, path: Path, remember: bool = True) -> bool:
        """Open the journal at `path`; on failure say why and offer another (False if none opened).

        It becomes the journal opened next time unless `remember` is False (one named by --db).
        """
        from journal.store.repository import Journal

        try:
            journal = Journal.open(path)
        except JournalError as error:
            if self.open_error_dialog.ask(self, str(error)):
                return self.choose_journal()
            return False
        self._use(journal)
        if remember:
            paths.remember_journal(journal.path)
        self.statusBar().clearMessage()
        return True

    def choose_journal(self) -> bool:
        """Ask for a journal file and open it."""
        path = self.file_dialogs.ask_open_journal(self, self._folder())
        return self.open_journal(path) if path else False

    def new_journal(self) -> bool:
        """Ask where to create a journal, then open it (an existing file there is opened, not replaced)."""
        path = self.file_dialogs.ask_new_journal(self, self._folder())
        return self.open_journal(path) if path else False

    def _folder(self) -> Path | None:
        return self.journal.path.parent if self.journal else None

    def _use(self, journal: Journal | None) -> None:
        self.autosaver.flush()
        old, self.journal = self.journal, journal
        self.bridge.watch(journal)
        self.autosaver.set_journal(journal)
        self.history.forget()
        self.entry_list.set_journal(journal)
        self.editor.set_journal(journal)
        self.review.set_journal(journal)
        if old is not None:
            old.close()
        self._show_journal_state()
        self.banner.setVisible(journal is not None and journal.count_entries() == 0)
        if journal is not None and self.entry_list.model.rowCount():
            self.entry_list.select_entry(self.entry_list.model.summary(0).id)

    def _show_journal_state(self) -> None:
        name = f" — {self.journal.path.name}" if self.journal else ""
        self.setWindowTitle(f"{APP_TITLE}{name}")
        for action in self.actions.needing_journal():
            action.setEnabled(self.journal is not None)
        self.entry_list.setEnabled(self.journal is not None)
        self._show_entry_state()

    def add_samples(self) -> None:
        """Add the sample entries (the same import as `fivewhys demo`)."""
        from journal.exchange.errors import ExchangeError
        from journal.exchange.files import read_document

        try:
            document = read_document(paths.SAMPLE_JOURNAL)
            report = self.journal.import_entries(document.entries, document.mechanisms)
        except (JournalError, ExchangeError) as error:
            self.statusBar().showMessage(str(error), MESSAGE_MS)
            return
        self.banner.hide()
        self.statusBar().showMessage(f"Added {report.added} sample entries.", MESSAGE_MS)
        if self.entry_list.model.rowCount():
            self.entry_list.select_entry(self.entry_list.model.summary(0).id)

    # -- entries --------------------------------------------------------------------------------

    def new_entry(self) -> None:
        """Record a new outcome: a fresh entry dated today, cursor in its title."""
        if self.journal is None:
            return
        self.autosaver.flush()
        entry = Entry(title="", occurred_on=date.today())
        self.tabs.setCurrentIndex(0)
        self.banner.hide()
        self.autosaver.commit(entry, record=False)
        self.editor.start_entry(entry)
        if self.entry_list.model.row_of(entry.id) is None:
            self.entry_list.clear_search()
        self.entry_list.select_entry(entry.id)
        self.editor.outcome.focus_first()

    def open_entry(self, entry_id: str) -> None:
        """Show an entry asked for by a review view."""
        self.tabs.setCurrentIndex(0)
        self.entry_list.select_entry(entry_id)
        self.editor.show_entry(entry_id)

    def delete_entry(self) -> None:
        """Delete the entry being edited, after asking."""
        entry = self.editor.entry()
        if entry is None or self.journal is None:
            return
        title = entry.title.strip() or "this untitled entry"
        if not self.confirm_dialog.ask(self, "Delete entry", f"Delete “{title}” and everything in it?",
                                       "Delete"):
            return
        self.autosaver.flush()
        try:
            self.journal.delete_entry(entry.id)
        except JournalError as error:
            self.statusBar().showMessage(str(error), MESSAGE_MS)
            return
        self.history.forget(entry.id)
        self.editor.show_entry(None)

    def find(self) -> None:
        """Go to the search box."""
        self.tabs.setCurrentIndex(0)
        self.entry_list.focus_search()

    # -- keeping everything in step -------------------------------------------------------------

    def _journal_changed(self, entry_ids: frozenset[str]) -> None:
        self.entry_list.refresh()
        self.editor.journal_changed(entry_ids)
        self.review.journal_changed()

    def _record_undo(self, before: Entry | None, _after: Entry) -> None:
        if before is not None:
            self.history.record(before)
        self._show_entry_state()

    def _show_entry_state(self) -> None:
        entry = self.editor.entry()
        entry_id = entry.id if entry else None
        self.actions.undo.setEnabled(self.history.can_undo(entry_id) or self.autosaver.has_pending(entry_id))
        self.actions.redo.setEnabled(self.history.can_redo(entry_id))
        self.actions.delete_entry.setEnabled(entry is not None)
        self.save_status.show_pending(self.autosaver.has_pending())

    def _focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        if self.journal is not None and self.autosaver.has_pending():
            self.autosaver.flush()

    # -- files ------------------------------------------------------------------------------------

    def export(self, kind: str) -> None:
        """Ask where to, then export every entry in the background with a progress bar."""
        if self.journal is None or (self.export_job and self.export_job.running()):
            return
        ask = self.file_dialogs.ask_json_file if kind == JSON else self.file_dialogs.ask_markdown_folder
        target = ask(self, self._folder())
        if target is None:
            return
        self.autosaver.flush()
        self.export_job = ExportJob(self.journal, kind, target, self)
        self.export_job.progress.connect(self._show_progress)
        self.export_job.finished.connect(self._export_done)
        self.export_job.failed.connect(self._export_done)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.statusBar().showMessage("Exporting…")
        self.export_job.start()

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _export_done(self, message: str) -> None:
        self.progress.setVisible(False)
        self.statusBar().showMessage(message, MESSAGE_MS)

    def back_up(self) -> None:
        """Ask for a file and write a consistent copy of the journal there."""
        if self.journal is None:
            return
        target = self.file_dialogs.ask_backup_file(self, self._folder())
        if target is None:
            return
        self.autosaver.flush()
        from journal.store.backup import backup_to

        try:
            backup_to(self.journal.path, target)
        except JournalError as error:
            self.statusBar().showMessage(str(error), MESSAGE_MS)
            return
        self.statusBar().showMessage(f"Backed up the journal to {target}.", MESSAGE_MS)

    # -- closing --------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.autosaver.flush() and not self.confirm_dialog.ask(
                self, "Changes not saved", f"{self.save_status.problem} Close anyway and lose them?",
                "Close without saving"):
            event.ignore()
            return
        if self.export_job is not None:
            self.export_job.wait()
        self._use(None)
        event.accept()
