"""Backups in the window: a damage check and a daily backup at start-up off the UI thread, "Last backup"
in the status bar, File › Restore backup…, and a damaged journal offered its backups instead of opening."""

import threading
from datetime import datetime, timedelta

import pytest

from journal.store import backup
from journal.store.backup import list_backups, take_backup
from journal.store.repository import Journal
from journal.ui.backup_text import file_size, full_time, relative_time
from journal.ui.confirm_dialog import ConfirmDialog
from journal.ui.damaged_journal_dialog import OTHER, RESTORE, DamagedJournalDialog
from journal.ui.file_dialogs import FileDialogs
from journal.ui.main_window import MainWindow
from journal.ui.notice_dialog import NoticeDialog
from journal.ui.open_error_dialog import OpenErrorDialog
from journal.ui.restore_dialog import RestoreDialog
from tests.gui.conftest import make_window
from tests.unit.store.safety_helpers import make_journal


def answer(monkeypatch, dialog, name, value):
    """Make a dialog method answer `value` (a callable gets the arguments), recording what it was asked."""
    asked = []

    def reply(_cls, *args):
        asked.append(args)
        return value(*args) if callable(value) else value

    monkeypatch.setattr(dialog, name, classmethod(reply))
    return asked


def damage(path):
    """Overwrite a page in the middle of the journal, as a failing disk would."""
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    middle = (len(data) // page_size // 2) * page_size
    data[middle:middle + page_size] = b"\xa5" * page_size
    path.write_bytes(bytes(data))


def started(qtbot, path):
    """A window going through the start-up path (damage check, open, daily backup) on `path`."""
    window = make_window(qtbot, None)
    window.start_journal(path)
    return window


def count_entries(path):
    with Journal.open(path, before_migration=None) as journal:
        return journal.count_entries()


# -- start-up --------------------------------------------------------------------------------------

def test_start_up_checks_then_opens_then_backs_up_off_the_ui_thread(qtbot, monkeypatch, db_path):
    make_journal(db_path, entries=3)
    threads = []
    real_auto_backup = backup.auto_backup

    def auto_backup(path, now=None):
        threads.append(threading.current_thread())
        return real_auto_backup(path, now)

    monkeypatch.setattr(backup, "auto_backup", auto_backup)
    window = started(qtbot, db_path)
    assert window.journal is None and window.statusBar().currentMessage() == "Opening the journal…"
    qtbot.waitUntil(lambda: window.journal is not None, timeout=3000)
    assert window.entry_list.model.rowCount() == 3
    qtbot.waitUntil(lambda: len(list_backups(db_path)) == 1, timeout=3000)
    qtbot.waitUntil(lambda: window.backup_status.text() == "Last backup: just now", timeout=3000)
    assert threads and threads[0] is not threading.main_thread()
    assert window.backup_status.isVisible()


def test_a_backup_taken_today_is_not_taken_again(qtbot, db_path):
    make_journal(db_path, entries=1)
    first = take_backup(db_path, datetime.now() - timedelta(hours=3))
    window = started(qtbot, db_path)
    qtbot.waitUntil(lambda: window.journal is not None, timeout=3000)
    qtbot.waitUntil(lambda: not window.backups.running(), timeout=3000)
    assert [info.path for info in list_backups(db_path)] == [first]
    assert window.backup_status.text().startswith("Last backup: ")
    assert window.backup_status.text() != "Last backup: just now"


def test_a_backup_that_cannot_be_made_is_said_in_one_sentence(qtbot, db_path):
    make_journal(db_path, entries=1)
    (db_path.parent / "backups").write_text("a file where the backups folder should be")
    window = started(qtbot, db_path)
    qtbot.waitUntil(lambda: "backups folder" in window.statusBar().currentMessage(), timeout=3000)
    message = window.statusBar().currentMessage()
    assert message.startswith("The backups folder") and message.count(". ") == 0 and message.endswith(".")
    assert window.backup_status.text() == "Last backup: none yet"
    assert window.journal is not None


def test_a_damaged_journal_is_not_opened_and_a_backup_can_be_restored(qtbot, monkeypatch, db_path):
    make_journal(db_path, entries=60)
    good = take_backup(db_path, datetime.now() - timedelta(days=2))
    damage(db_path)
    damaged_bytes = db_path.read_bytes()
    seen_while_asking = []
    asked = answer(monkeypatch, DamagedJournalDialog, "ask",
                   lambda *_args: seen_while_asking.append(window.journal) or RESTORE)
    offered = answer(monkeypatch, RestoreDialog, "ask", lambda _parent, _name, backups: backups[0])
    confirmed = answer(monkeypatch, ConfirmDialog, "ask", True)
    window = started(qtbot, db_path)
    qtbot.waitUntil(lambda: window.journal is not None, timeout=5000)
    assert "journal.sqlite is damaged" in asked[0][1] and seen_while_asking == [None]
    assert [info.path for info in offered[0][2]] == [good]
    assert "The current journal is kept as a backup first." in confirmed[0][2]
    assert window.journal.count_entries() == 60
    kept = [path for path in (db_path.parent / "backups").iterdir() if "-damaged" in path.name]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged_bytes
    assert window.statusBar().currentMessage().startswith("Restored the backup taken ")


def test_a_damaged_journal_can_be_left_alone_for_another(qtbot, monkeypatch, db_path, tmp_path):
    make_journal(db_path, entries=60)
    take_backup(db_path)
    damage(db_path)
    damaged_bytes = db_path.read_bytes()
    answer(monkeypatch, DamagedJournalDialog, "ask", OTHER)
    answer(monkeypatch, FileDialogs, "ask_open_journal", tmp_path / "other.sqlite")
    window = started(qtbot, db_path)
    qtbot.waitUntil(lambda: window.journal is not None, timeout=5000)
    assert window.journal.path == tmp_path / "other.sqlite"
    assert db_path.read_bytes() == damaged_bytes


def test_a_damaged_journal_without_backups_gets_the_plain_refusal(qtbot, monkeypatch, db_path):
    make_journal(db_path, entries=60)
    damage(db_path)
    asked = answer(monkeypatch, OpenErrorDialog, "ask", False)
    window = started(qtbot, db_path)
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    assert "damaged" in asked[0][1]
    assert window.journal is None and not window.actions.restore_backup.isEnabled()


# -- File › Restore backup… ------------------------------------------------------------------------

@pytest.fixture
def backed_up_window(qtbot, sample_window, db_path):
    """The sample journal, its newest backup holding the 9 sample entries, and one entry added since
    (the daily backup taken when the window opened holds the empty journal)."""
    qtbot.waitUntil(lambda: len(list_backups(db_path)) == 1 and not sample_window.backups.running(),
                    timeout=3000)
    take_backup(db_path)
    sample_window.new_entry()
    sample_window.autosaver.commit(sample_window.editor.entry())
    assert sample_window.journal.count_entries() == 10
    return sample_window


def test_restore_goes_back_to_the_backup_and_keeps_the_journal_as_it_was(qtbot, monkeypatch, backed_up_window,
                                                                          db_path):
    window = backed_up_window
    old_journal = window.journal
    offered = answer(monkeypatch, RestoreDialog, "ask", lambda _parent, _name, backups: backups[0])
    answer(monkeypatch, ConfirmDialog, "ask", True)
    window.actions.restore_backup.trigger()
    assert offered[0][1] == "journal.sqlite"
    assert window.journal is not old_journal
    assert window.journal.count_entries() == 9
    assert window.entry_list.model.rowCount() == 9
    backups = list_backups(db_path)
    assert len(backups) == 3 and count_entries(backups[0].path) == 10
    assert window.backup_status.text() == "Last backup: just now"


def test_restore_can_be_cancelled_at_each_step(qtbot, monkeypatch, backed_up_window):
    window = backed_up_window
    journal = window.journal
    answer(monkeypatch, RestoreDialog, "ask", None)
    window.actions.restore_backup.trigger()
    answer(monkeypatch, RestoreDialog, "ask", lambda _parent, _name, backups: backups[0])
    answer(monkeypatch, ConfirmDialog, "ask", False)
    window.actions.restore_backup.trigger()
    assert window.journal is journal and journal.count_entries() == 10


def test_restore_refused_while_another_program_has_the_journal_open(qtbot, monkeypatch, backed_up_window,
                                                                     db_path):
    window = backed_up_window
    answer(monkeypatch, RestoreDialog, "ask", lambda _parent, _name, backups: backups[0])
    answer(monkeypatch, ConfirmDialog, "ask", True)
    told = answer(monkeypatch, NoticeDialog, "tell", None)
    with Journal.open(db_path) as elsewhere:
        elsewhere.count_entries()
        window.actions.restore_backup.trigger()
    assert told[0][1] == "Backup not restored"
    assert told[0][2] == ("The journal journal.sqlite is still open in a window or another program; close it "
                          "there, then restore the backup.")
    assert window.journal is not None and window.journal.count_entries() == 10


# -- the words and the widgets ---------------------------------------------------------------------

def test_backup_times_and_sizes_read_naturally():
    now = datetime(2026, 3, 10, 15, 30).astimezone()
    assert relative_time(now - timedelta(seconds=20), now) == "just now"
    assert relative_time(now - timedelta(minutes=1), now) == "1 minute ago"
    assert relative_time(now - timedelta(minutes=42), now) == "42 minutes ago"
    assert relative_time(now - timedelta(hours=6), now) == "today at 09:30"
    assert relative_time(now - timedelta(hours=20), now) == "yesterday at 19:30"
    assert relative_time(now - timedelta(days=9), now) == "1 March 2026"
    assert full_time(now - timedelta(hours=1), now) == "Today, 14:30"
    assert full_time(now - timedelta(days=1), now) == "Yesterday, 15:30"
    assert full_time(now - timedelta(days=3), now) == "Saturday 7 March 2026, 15:30"
    assert [file_size(n) for n in (812, 4_300, 96_000, 999_700, 1_400_000, 25_000_000)] == [
        "812 bytes", "4.3 KB", "96 KB", "1.0 MB", "1.4 MB", "25 MB"]


def test_the_restore_dialog_lists_backups_newest_first_with_time_and_size(qtbot, db_path):
    make_journal(db_path, entries=2)
    for days in (3, 1):
        take_backup(db_path, datetime.now() - timedelta(days=days))
    dialog = RestoreDialog("journal.sqlite", list_backups(db_path))
    qtbot.addWidget(dialog)
    rows = [dialog.table.topLevelItem(row) for row in range(dialog.table.topLevelItemCount())]
    assert len(rows) == 2 and rows[0].text(0).startswith("Yesterday, ")
    assert rows[0].text(1).endswith("KB")
    assert dialog.chosen() == list_backups(db_path)[0] and dialog.restore_button.isEnabled()
    dialog.table.setCurrentItem(rows[1])
    assert dialog.chosen() == list_backups(db_path)[1]
    empty = RestoreDialog("journal.sqlite", [])
    qtbot.addWidget(empty)
    assert not empty.restore_button.isEnabled() and empty.chosen() is None


def test_the_restore_menu_needs_a_journal(qtbot):
    window = make_window(qtbot, None)
    assert isinstance(window, MainWindow)
    assert not window.actions.restore_backup.isEnabled()
    assert not window.restore_backup()
