"""The main window: builds the list, the editor and the review tabs, and wires them together."""

from __future__ import annotations

import gc
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
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
from journal.store.errors import JournalError, NotAJournal
from journal.ui.autosave import Autosaver
from journal.ui.background import BackgroundCall, import_in_background
from journal.ui.backup_keeper import BackupKeeper
from journal.ui.backup_status import BackupStatus
from journal.ui.backup_text import full_time
from journal.ui.conflict_banner import ConflictBanner
from journal.ui.editor.entry_editor import EntryEditor
from journal.ui.entry_list import EntryList
from journal.ui.export_worker import JSON, MARKDOWN, ExportJob
from journal.ui.journal_bridge import JournalBridge
from journal.ui.review_area import ReviewArea
from journal.ui.sample_banner import SampleBanner
from journal.ui.save_status import SaveStatus
from journal.ui.undo import UndoHistory
from journal.ui.window_actions import WindowActions

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from journal.domain.model import Entry
    from journal.store.backup import BackupInfo
    from journal.store.repository import Journal
    from journal.ui.kept_aside_banner import KeptAsideBanner

APP_TITLE = "Five Whys Journal"
MESSAGE_MS = 6000
# A save on the UI thread waits this long for another program's lock, then the Autosaver keeps the
# edit and retries: a short wait keeps typing smooth while a lock is held.
UI_BUSY_SECONDS = 0.2
OTHER_VERSION_SHOWN = "Showing the version saved in the other window; Edit › Undo brings yours back."
DELETION_ACCEPTED = "The entry deleted in the other window is gone here too."
# How often the window looks for writes made elsewhere (another window, `fivewhys import`): a few stats.
WATCH_MS = 1500
# Once the journal has been open this long after start-up, and no typing waits to be saved, matplotlib
# is imported on a worker thread, so the first look at Charts need not wait for it (~0.4 s); then what
# start-up made is set aside from the garbage collector. The import holds Python's lock for up to ~80 ms
# at a time: a pause in typing is the time for it.
WARM_UP_CHARTS_MS = 2000


class MainWindow(QMainWindow):
    """Entry list on the left, the entry on the right, review one tab away."""

    def __init__(self) -> None:
        super().__init__()
        self.journal: Journal | None = None
        self.export_job: ExportJob | None = None
        self.startup_check: BackgroundCall | None = None
        self._closed = False
        self.autosaver = Autosaver(self)
        self.history = UndoHistory()
        self.bridge = JournalBridge(self)
        self.watch_timer = QTimer(self)
        self.watch_timer.setInterval(WATCH_MS)
        self._build()
        self._connect()
        self._show_journal_state()

    def _build(self) -> None:
        self.setWindowTitle(APP_TITLE)
        self.entry_list = EntryList()
        self.editor = EntryEditor(self.autosaver, self.history)
        self.banner = SampleBanner()
        self.banner.setVisible(False)
        self.conflict_banner = ConflictBanner()
        self.kept_banner: KeptAsideBanner | None = None  # built when there is something to offer back
        editor_pane = QWidget()
        editor_column = QVBoxLayout(editor_pane)
        editor_column.setContentsMargins(0, 0, 0, 0)
        editor_column.addWidget(self.conflict_banner)
        editor_column.addWidget(self.editor, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.entry_list)
        splitter.addWidget(editor_pane)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 870])
        splitter.setChildrenCollapsible(False)
        journal_page = QWidget()
        self._page = QVBoxLayout(journal_page)
        self._page.addWidget(self.banner)
        self._page.addWidget(splitter, 1)
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
        self.backup_status = BackupStatus()
        self.backups = BackupKeeper(self.backup_status, self)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.backup_status)
        self.statusBar().addPermanentWidget(self.save_status)

    def _connect(self) -> None:
        actions = self.actions
        actions.new_journal.triggered.connect(self.new_journal)
        actions.open_journal.triggered.connect(self.choose_journal)
        actions.export_markdown.triggered.connect(lambda: self.export(MARKDOWN))
        actions.export_json.triggered.connect(lambda: self.export(JSON))
        actions.backup.triggered.connect(self.back_up)
        actions.restore_backup.triggered.connect(self.restore_backup)
        actions.quit.triggered.connect(self.close)
        actions.undo.triggered.connect(self.editor.undo)
        actions.redo.triggered.connect(self.editor.redo)
        actions.find.triggered.connect(self.find)
        actions.new_entry.triggered.connect(self.new_entry)
        actions.delete_entry.triggered.connect(self.delete_entry)
        self.entry_list.entry_chosen.connect(self.editor.show_entry)
        self.entry_list.new_entry_requested.connect(self.new_entry)
        self.editor.entry_edited.connect(lambda _entry: self._show_entry_state())
        self.autosaver.conflict.connect(lambda _entry_id: self._show_entry_state())
        self.conflict_banner.keep_mine.connect(self.keep_my_version)
        self.conflict_banner.show_theirs.connect(self.show_other_version)
        self.backups.failed.connect(lambda message: self.statusBar().showMessage(message, MESSAGE_MS))
        self.bridge.changed.connect(self._journal_changed)
        self.watch_timer.timeout.connect(self.look_for_changes_elsewhere)
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

    def start_journal(self, path: Path, remember: bool = True) -> None:
        """The start-up path: check the journal for damage off the UI thread, then open it."""
        self.statusBar().showMessage("Opening the journal…")
        self._preview(path)
        self.startup_check = BackgroundCall(lambda: _check_with_imports_ahead(path), self)
        self.startup_check.done.connect(lambda damage: self._open_checked(path, remember, damage))
        self.startup_check.failed.connect(lambda _message: self._open_checked(path, remember, None))
        self.startup_check.start()

    def _preview(self, path: Path) -> None:
        """List the newest entries at once, read without the store (which takes ~0.5 s to load)."""
        from journal.store.preview import newest_entries
        from journal.ui.entry_list_model import PAGE

        self.entry_list.model.show_preview(newest_entries(path, PAGE))

    def _open_checked(self, path: Path, remember: bool, damage: str | None) -> None:
        if self._closed:
            return
        if damage is None:
            if self.open_journal(path, remember):
                QTimer.singleShot(WARM_UP_CHARTS_MS, self._settle_after_start)
        else:
            self._refuse(path, damage, remember, damaged=True)

    def _settle_after_start(self) -> None:
        """Start-up's last steps, in a pause in typing: matplotlib imported, then the collector spared."""
        if self._closed or self.journal is None:
            return
        if self.autosaver.has_pending():
            QTimer.singleShot(WARM_UP_CHARTS_MS, self._settle_after_start)  # typing: wait for a pause
            return
        from journal.ui.review import warm_up_charts

        warm_up_charts(then=_spare_the_collector, parent=self)

    def open_journal(self, path: Path, remember: bool = True) -> bool:
        """Open the journal at `path`; on failure say why and offer another (False if none opened).

        It becomes the journal opened next time unless `remember` is False (one named by --db).
        """
        from journal.store.repository import Journal

        if self.journal is not None and not self._may_leave("Open the other journal anyway?",
                                                            "Open without saving"):
            return False
        try:
            journal = Journal.open(path, busy_seconds=UI_BUSY_SECONDS)
        except JournalError as error:
            return self._refuse(path, str(error), remember, damaged=isinstance(error, NotAJournal))
        self._use(journal)
        if remember:
            paths.remember_journal(journal.path)
        self.statusBar().clearMessage()
        return True

    def _refuse(self, path: Path, message: str, remember: bool, damaged: bool) -> bool:
        """Say why the journal at `path` cannot be opened; offer its backups if it is damaged."""
        from journal.store.backup import list_backups
        from journal.ui.damaged_journal_dialog import OTHER, RESTORE, DamagedJournalDialog
        from journal.ui.open_error_dialog import OpenErrorDialog

        self.statusBar().clearMessage()
        if self.journal is None:
            self.entry_list.model.set_journal(None)  # drop a preview of the refused file
        if damaged and list_backups(path):
            choice = DamagedJournalDialog.ask(self, message)
            if choice == RESTORE:
                return self._restore_into(path, remember)
            return self.choose_journal() if choice == OTHER else False
        if OpenErrorDialog.ask(self, message):
            return self.choose_journal()
        return False

    def choose_journal(self) -> bool:
        """Ask for a journal file and open it."""
        from journal.ui.file_dialogs import FileDialogs

        path = FileDialogs.ask_open_journal(self, self._folder())
        return self.open_journal(path) if path else False

    def new_journal(self) -> bool:
        """Ask where to create a journal, then open it (an existing file there is opened, not replaced)."""
        from journal.ui.file_dialogs import FileDialogs

        path = FileDialogs.ask_new_journal(self, self._folder())
        return self.open_journal(path) if path else False

    def _folder(self) -> Path | None:
        return self.journal.path.parent if self.journal else None

    def _use(self, journal: Journal | None) -> None:
        self.autosaver.flush()
        self.backups.wait()
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
        self.backups.watch(journal.path if journal else None)
        if journal is None:
            self.watch_timer.stop()
        else:
            self.watch_timer.start()
        self.banner.setVisible(journal is not None and journal.count_entries() == 0)
        if journal is not None and self.entry_list.model.rowCount():
            self.entry_list.select_entry(self.entry_list.model.summary(0).id)
        self._offer_kept_aside()

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
        from journal.domain.model import Entry

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
        from journal.ui.confirm_dialog import ConfirmDialog

        entry = self.editor.entry()
        if entry is None or self.journal is None:
            return
        title = entry.title.strip() or "this untitled entry"
        if not ConfirmDialog.ask(self, "Delete entry", f"Delete “{title}” and everything in it?",
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

    def look_for_changes_elsewhere(self) -> None:
        """Catch up with writes made by another window or program (the list, the entry, review)."""
        if self.journal is not None and self.journal.changed_elsewhere():
            self._journal_changed(frozenset())

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
        if entry is not None and self.autosaver.in_conflict(entry_id):
            self.conflict_banner.show_conflict(deleted=self.autosaver.deleted_elsewhere(entry_id))
        else:
            self.conflict_banner.hide()

    # -- an entry changed in another window -------------------------------------------------------

    def keep_my_version(self) -> None:
        """Save the version in this window over the one written elsewhere."""
        entry = self.editor.entry()
        if entry is not None and self.autosaver.keep_mine(entry.id):
            self.statusBar().showMessage("Your version is saved.", MESSAGE_MS)
        self._show_entry_state()

    def show_other_version(self) -> None:
        """Show the version written elsewhere; this window's version stays one undo away."""
        entry = self.editor.entry()
        if entry is None:
            return
        mine = self.autosaver.pending_entry(entry.id)
        try:
            theirs = self.autosaver.take_theirs(entry.id)
        except JournalError as error:
            self.statusBar().showMessage(str(error), MESSAGE_MS)
            return
        if mine is not None and theirs is not None:
            self.history.record(mine)
        self.editor.reload(theirs)
        self.entry_list.refresh()
        self.statusBar().showMessage(OTHER_VERSION_SHOWN if theirs else DELETION_ACCEPTED, MESSAGE_MS)
        self._show_entry_state()

    def _focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        if self.journal is not None and self.autosaver.has_pending():
            self.autosaver.flush()

    # -- files ------------------------------------------------------------------------------------

    def export(self, kind: str) -> None:
        """Ask where to, then export every entry in the background with a progress bar."""
        from journal.ui.file_dialogs import FileDialogs

        if self.journal is None or (self.export_job and self.export_job.running()):
            return
        ask = FileDialogs.ask_json_file if kind == JSON else FileDialogs.ask_markdown_folder
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
        from journal.ui.file_dialogs import FileDialogs

        if self.journal is None:
            return
        target = FileDialogs.ask_backup_file(self, self._folder())
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

    def restore_backup(self) -> bool:
        """Let the user pick one of the open journal's automatic backups and go back to it."""
        return self.journal is not None and self._restore_into(self.journal.path, remember=False)

    def _restore_into(self, path: Path, remember: bool) -> bool:
        """Ask for a backup of the journal at `path` and, once confirmed, replace the journal with it.

        The journal is closed while its file is replaced, then opened again (the restored one if all
        went well, the untouched one if not).
        """
        from journal.store.backup import list_backups, restore_backup
        from journal.ui.notice_dialog import NoticeDialog
        from journal.ui.restore_dialog import RestoreDialog

        chosen = RestoreDialog.ask(self, path.name, list_backups(path))
        if chosen is None or not self._confirm_restore(path, chosen):
            return False
        was_open = self.journal is not None
        self._use(None)
        try:
            restore_backup(chosen.path, path)
        except JournalError as error:
            NoticeDialog.tell(self, "Backup not restored", str(error))
            return was_open and self.open_journal(path, remember)
        opened = self.open_journal(path, remember)
        if opened:
            self.statusBar().showMessage(f"Restored the backup taken {self._when(chosen)}.", MESSAGE_MS)
        return opened

    def _confirm_restore(self, path: Path, chosen: BackupInfo) -> bool:
        from journal.ui.confirm_dialog import ConfirmDialog

        question = (f"Replace the journal {path.name} with the backup taken {self._when(chosen)}? "
                    "The current journal is kept as a backup first.")
        return (ConfirmDialog.ask(self, "Restore backup", question, "Restore")
                and self._may_leave("Restore the backup anyway?", "Restore without saving"))

    @staticmethod
    def _when(backup: BackupInfo) -> str:
        return full_time(backup.taken_at, datetime.now().astimezone()).lower()

    # -- closing --------------------------------------------------------------------------------

    def _may_leave(self, question: str, confirm: str) -> bool:
        """True if every edit is saved, or the user accepts leaving what could not be saved aside."""
        from journal.ui.confirm_dialog import ConfirmDialog

        if self.autosaver.flush():
            return True
        reason = self.save_status.problem.rstrip(".") or "they are still waiting to be written"
        reason = reason[:1].lower() + reason[1:] if reason[1:2].islower() else reason
        text = (f"Your last changes could not be saved: {reason}. {question} They will be kept aside and "
                f"offered back the next time {self.journal.path.name} is opened.")
        if not ConfirmDialog.ask(self, "Changes not saved", text, confirm):
            return False
        return self._keep_unsaved_aside(question)

    def _keep_unsaved_aside(self, question: str) -> bool:
        """Write the unsaved edits to a file beside the journals; if even that fails, ask once more."""
        from journal.exchange.errors import ExchangeError
        from journal.exchange.unsaved import keep_aside
        from journal.ui.confirm_dialog import ConfirmDialog

        try:
            keep_aside(self.journal.path, self.autosaver.unsaved_entries(), paths.unsaved_folders())
            return True
        except ExchangeError as error:
            return ConfirmDialog.ask(self, "Changes not kept", f"Your changes could not be kept aside "
                                     f"either: {error} {question} They will be lost.", "Lose the changes")

    # -- edits kept aside -----------------------------------------------------------------------

    def _offer_kept_aside(self) -> None:
        """Show the banner offering back edits kept aside for this journal (hide it if there are none)."""
        from journal.exchange.unsaved import kept_aside

        kept = kept_aside(self.journal.path, paths.unsaved_folders()) if self.journal else []
        if kept or self.kept_banner is not None:
            self._kept_banner().show_kept(kept)

    def _kept_banner(self) -> KeptAsideBanner:
        from journal.ui.kept_aside_banner import KeptAsideBanner

        if self.kept_banner is None:
            self.kept_banner = KeptAsideBanner()
            self.kept_banner.put_back.connect(self.put_back_kept)
            self.kept_banner.let_go.connect(self.let_kept_go)
            self._page.insertWidget(0, self.kept_banner)
        return self.kept_banner

    def put_back_kept(self) -> None:
        """Write the kept edits into the journal (Undo brings each entry's previous version back)."""
        from journal.exchange.errors import ExchangeError
        from journal.exchange.unsaved import discard, kept_aside

        put_back: list[str] = []
        try:
            for kept in kept_aside(self.journal.path, paths.unsaved_folders()):
                for entry in kept.entries:
                    before = self.journal.get_entry(entry.id)
                    self.journal.replace_entry(entry)
                    if before is not None:
                        self.history.record(before)
                    put_back.append(entry.id)
                discard(kept)
        except (JournalError, ExchangeError) as error:
            self.statusBar().showMessage(str(error), MESSAGE_MS)
            return
        self._offer_kept_aside()
        if put_back:
            self.open_entry(put_back[0])
        count = len(set(put_back))
        self.statusBar().showMessage(f"Put back the kept changes of {count} entr"
                                     + ("y." if count == 1 else "ies."), MESSAGE_MS)

    def let_kept_go(self) -> None:
        """Delete the kept edits, after asking."""
        from journal.exchange.errors import ExchangeError
        from journal.exchange.unsaved import discard, kept_aside
        from journal.ui.confirm_dialog import ConfirmDialog

        text = "Delete the changes kept aside? The entries stay as the journal has them; there is no undo."
        if not ConfirmDialog.ask(self, "Let the changes go", text, "Delete the changes"):
            return
        try:
            for kept in kept_aside(self.journal.path, paths.unsaved_folders()):
                discard(kept)
        except ExchangeError as error:
            self.statusBar().showMessage(str(error), MESSAGE_MS)
        self._offer_kept_aside()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._may_leave("Close anyway?", "Close without saving"):
            event.ignore()
            return
        if self.export_job is not None:
            self.export_job.wait()
        if self.startup_check is not None:
            self.startup_check.wait()
        self._use(None)
        self._closed = True
        event.accept()


def _spare_the_collector() -> None:
    """Set what start-up made (modules, classes, widgets: ~140,000 objects) aside from the garbage
    collector, whose full passes over them paused the window for 60-120 ms now and then.

    No collection first: one found nothing to free at this point, and took 100-160 ms itself.
    """
    gc.freeze()


def _check_with_imports_ahead(path: Path) -> str | None:
    """On a worker: the journal's damage check, while another worker imports what opening it needs.

    The check waits on the disk and the import on Python, so side by side they take the time of the
    longer one; the UI thread then opens the journal without a pause for imports.
    """
    from journal.store.safety import check_integrity

    ahead = import_in_background("journal.store.repository", "journal.domain.guidance")
    damage = check_integrity(path)
    ahead.join()
    return damage
