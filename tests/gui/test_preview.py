"""The start-up preview: the newest entries are listed before the store has loaded, then replaced."""

import sqlite3
from datetime import date

from journal.store.repository import Journal
from journal.ui.open_error_dialog import OpenErrorDialog
from tests.gui.conftest import make_window
from tests.gui.test_window import answer_with


def _journal_with_entries(path, count):
    with Journal.open(path) as journal:
        return [journal.create_entry(f"Entry {n}", date(2026, 1, n + 1)) for n in range(count)]


def test_the_newest_entries_show_before_the_journal_is_open(qtbot, db_path):
    ids = _journal_with_entries(db_path, 3)
    window = make_window(qtbot, None)
    model = window.entry_list.model
    window.start_journal(db_path, remember=False)
    assert window.journal is None and model.is_preview()
    assert [model.summary(row).id for row in range(model.rowCount())] == ids[::-1]
    assert window.entry_list.count.text() == "Opening…"
    window.entry_list.view.setCurrentIndex(model.index(1, 0))  # a click while previewing opens nothing
    assert window.editor.entry() is None
    qtbot.waitUntil(lambda: window.journal is not None, timeout=10_000)
    assert not model.is_preview() and model.rowCount() == 3
    assert window.entry_list.count.text() == "3 entries"


def test_a_refused_journal_leaves_no_preview_behind(qtbot, monkeypatch, db_path):
    _journal_with_entries(db_path, 2)
    with sqlite3.connect(db_path) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999_future'")
    asked = answer_with(monkeypatch, OpenErrorDialog, "ask", False)
    window = make_window(qtbot, None)
    window.start_journal(db_path, remember=False)
    assert window.entry_list.model.rowCount() == 2
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert window.journal is None and window.entry_list.model.rowCount() == 0
