"""Everything typed reaches the database within about a second, and survives a failing disk."""

from PySide6.QtCore import Qt

from journal.store.errors import JournalLocked
from journal.ui import autosave
from journal.ui.confirm_dialog import ConfirmDialog
from journal.ui.save_status import SAVED
from tests.gui.helpers import read_sql, type_into

LOCKED = ("The journal journal.sqlite is busy in another program; "
          "your text is kept and will be saved when it is free.")


def stored_title(path, entry_id):
    rows = read_sql(path, "SELECT title FROM entry WHERE id = ?", entry_id)
    return rows[0][0] if rows else None


def test_typing_a_title_is_in_the_file_a_moment_later(qtbot, window, db_path):
    window.new_entry()
    entry_id = window.editor.entry().id
    qtbot.keyClicks(window.editor.outcome.title_edit, "Missed the train")
    assert stored_title(db_path, entry_id) == ""
    qtbot.waitUntil(lambda: stored_title(db_path, entry_id) == "Missed the train", timeout=1500)
    assert window.save_status.text() == SAVED


def test_leaving_a_field_saves_at_once(qtbot, window, db_path):
    window.new_entry()
    entry_id = window.editor.entry().id
    qtbot.keyClicks(window.editor.outcome.title_edit, "Burnt the toast")
    window.editor.outcome.outcome_edit.setFocus(Qt.FocusReason.TabFocusReason)
    assert stored_title(db_path, entry_id) == "Burnt the toast"


def test_switching_entries_saves_the_pending_text(qtbot, sample_window, db_path):
    editor = sample_window.editor
    entry_id = editor.entry().id
    editor.outcome.notes_edit.setPlainText("Written just before switching")
    other = sample_window.entry_list.model.summary(3).id
    editor.show_entry(other)
    assert read_sql(db_path, "SELECT notes FROM entry WHERE id = ?", entry_id) == [
        ("Written just before switching",)]


def test_closing_the_window_saves_the_pending_text(qtbot, window, db_path):
    window.new_entry()
    entry_id = window.editor.entry().id
    qtbot.keyClicks(window.editor.outcome.title_edit, "Closed right away")
    window.close()
    assert stored_title(db_path, entry_id) == "Closed right away"


def test_a_locked_journal_keeps_the_edits_says_so_and_saves_them_later(qtbot, monkeypatch, window, db_path):
    window.new_entry()
    entry_id = window.editor.entry().id
    journal = window.journal
    real_replace = journal.replace_entry
    locked = {"on": True}

    def replace_entry(entry, expected=None):
        if locked["on"]:
            raise JournalLocked(LOCKED)
        return real_replace(entry, expected=expected)

    monkeypatch.setattr(journal, "replace_entry", replace_entry)
    monkeypatch.setattr(autosave, "RETRY_MS", 100)
    window.autosaver._retry.setInterval(100)
    type_into(qtbot, window.editor.outcome.title_edit, "Typed while locked")
    qtbot.waitUntil(lambda: window.save_status.text() == LOCKED, timeout=1500)
    assert window.autosaver.pending_entry(entry_id).title == "Typed while locked"
    assert stored_title(db_path, entry_id) == ""
    locked["on"] = False
    qtbot.waitUntil(lambda: stored_title(db_path, entry_id) == "Typed while locked", timeout=1500)
    qtbot.waitUntil(lambda: window.save_status.text() == SAVED)
    assert not window.autosaver.has_pending()


def test_closing_while_the_journal_is_locked_asks_first(qtbot, monkeypatch, window):
    window.new_entry()

    def locked(_entry, expected=None):
        raise JournalLocked(LOCKED)

    monkeypatch.setattr(window.journal, "replace_entry", locked)
    qtbot.keyClicks(window.editor.outcome.title_edit, "Unsaved")
    asked = []
    monkeypatch.setattr(ConfirmDialog, "ask",
                        classmethod(lambda cls, *args: asked.append(args) or False))
    window.close()
    assert window.isVisible()
    assert "could not be saved: the journal journal.sqlite is busy" in asked[0][2]
    assert window.autosaver.pending_entry(window.editor.entry().id).title == "Unsaved"
    monkeypatch.undo()
    window.close()
    assert not window.isVisible()


def test_charts_warm_up_waits_for_a_pause_in_typing(qtbot, monkeypatch, window):
    import journal.ui.review as review
    from journal.ui import main_window

    warmed = []
    monkeypatch.setattr(review, "warm_up_charts", lambda then, parent: warmed.append(True))
    monkeypatch.setattr(main_window, "WARM_UP_CHARTS_MS", 50)
    window.new_entry()
    qtbot.keyClicks(window.editor.outcome.title_edit, "Typing while the app settles")
    window._settle_after_start()
    assert warmed == []  # postponed: an edit waits to be saved
    qtbot.waitUntil(lambda: warmed == [True], timeout=3000)
    assert not window.autosaver.has_pending()
