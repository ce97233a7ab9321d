"""When the journal refuses writes (another program holds its lock, the file turns read-only), what is
typed is kept, the reason is shown, and it reaches the file once it can; closing first asks."""

import contextlib
import sqlite3

import pytest

from journal import paths
from journal.store import schema
from journal.ui.confirm_dialog import ConfirmDialog
from journal.ui.save_status import SAVED
from tests.gui.conftest import make_window
from tests.gui.helpers import read_sql, type_into
from tests.unit.store.safety_helpers import on_every_connection, read_only

BUSY = ("The journal journal.sqlite is busy in another program; your text is kept and will be saved when "
        "it is free.")
READ_ONLY = "The journal journal.sqlite cannot be written (the file or its folder is read-only)."


@pytest.fixture
def window(qtbot, monkeypatch, db_path):
    """A window on an empty journal that gives up on a held lock after 50 ms and retries every 100 ms."""
    monkeypatch.setattr(schema, "BUSY_SECONDS", 0.05)
    made = make_window(qtbot, db_path)
    made.autosaver._retry.setInterval(100)
    made.new_entry()
    return made


@contextlib.contextmanager
def held_lock(path):
    """Another program holds the journal's write lock until the block ends."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def stored(path, entry_id):
    rows = read_sql(path, "SELECT title, notes FROM entry WHERE id = ?", entry_id)
    return rows[0] if rows else None


def test_text_typed_while_another_program_holds_the_lock_is_saved_once_it_lets_go(qtbot, window, db_path):
    entry_id = window.editor.entry().id
    outcome = window.editor.outcome
    with held_lock(db_path):
        type_into(qtbot, outcome.title_edit, "Typed while locked")
        qtbot.waitUntil(lambda: window.save_status.text() == BUSY, timeout=3000)
        assert window.save_status.icon.isVisibleTo(window)
        outcome.notes_edit.setFocus()
        qtbot.keyClicks(outcome.notes_edit, "and notes too")
        window.autosaver.flush()
        assert stored(db_path, entry_id) == ("", "")
        assert window.autosaver.pending_entry(entry_id).notes == "and notes too"
    everything = ("Typed while locked", "and notes too")
    qtbot.waitUntil(lambda: stored(db_path, entry_id) == everything, timeout=3000)
    qtbot.waitUntil(lambda: window.save_status.text() == SAVED)
    assert not window.autosaver.has_pending()


def test_closing_while_writes_fail_asks_and_staying_keeps_the_text(qtbot, monkeypatch, window, db_path):
    entry_id = window.editor.entry().id
    asked = []
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *args: asked.append(args) or False))
    with on_every_connection(window.journal, read_only):
        type_into(qtbot, window.editor.outcome.title_edit, "Not lost")
        window.close()
        assert window.isVisible()
        assert asked[0][2] == (f"Your last changes could not be saved: t{READ_ONLY[1:-1]}. Close anyway? They"
                               " will be kept aside and offered back the next time journal.sqlite is opened.")
        assert asked[0][3] == "Close without saving"
        assert window.editor.outcome.title_edit.text() == "Not lost"
    window.close()
    assert not window.isVisible() and len(asked) == 1
    assert stored(db_path, entry_id)[0] == "Not lost"


def test_closing_anyway_keeps_the_edits_aside_and_the_next_window_puts_them_back(
        qtbot, monkeypatch, window, db_path, unsaved_folders):
    entry_id = window.editor.entry().id
    asked = []
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *args: asked.append(args) or True))
    with held_lock(db_path):
        type_into(qtbot, window.editor.outcome.title_edit, "Given up for now")
        window.close()
        assert not window.isVisible()
    assert BUSY[1:-1] in asked[0][2] and len(asked) == 1
    assert stored(db_path, entry_id)[0] == ""
    [kept_file] = list(unsaved_folders[0].iterdir())
    assert kept_file.stat().st_mode & 0o777 == 0o600

    again = make_window(qtbot, db_path)
    banner = again.kept_banner
    assert banner is not None and banner.isVisible()
    assert "kept aside: “Given up for now”." in banner.text.text()
    banner.put_back_button.click()
    assert stored(db_path, entry_id)[0] == "Given up for now"
    assert not banner.isVisible() and not kept_file.exists()
    assert again.editor.outcome.title_edit.text() == "Given up for now"
    again.editor.undo()  # the version the journal had before is one undo away
    assert again.editor.outcome.title_edit.text() == ""


def test_kept_edits_can_be_let_go(qtbot, monkeypatch, window, db_path, unsaved_folders):
    entry_id = window.editor.entry().id
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *args: True))
    with held_lock(db_path):
        type_into(qtbot, window.editor.outcome.title_edit, "Not wanted after all")
        window.close()
    again = make_window(qtbot, db_path)
    again.kept_banner.let_go_button.click()
    assert not again.kept_banner.isVisible() and not list(unsaved_folders[0].iterdir())
    assert stored(db_path, entry_id)[0] == ""
    other = make_window(qtbot, db_path)
    assert other.kept_banner is None


def test_edits_go_to_the_fallback_folder_and_if_that_fails_too_closing_asks_again(
        qtbot, monkeypatch, window, db_path, unsaved_folders, tmp_path):
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    monkeypatch.setattr(paths, "unsaved_folders", lambda: [blocked, unsaved_folders[1]])
    asked = []
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *args: asked.append(args) or True))
    with held_lock(db_path):
        type_into(qtbot, window.editor.outcome.title_edit, "Into the fallback")
        window.close()
    assert not window.isVisible() and len(asked) == 1
    assert len(list(unsaved_folders[1].iterdir())) == 1
    assert make_window(qtbot, db_path).kept_banner.isVisible()

    monkeypatch.setattr(paths, "unsaved_folders", lambda: [blocked])
    asked.clear()
    stay_after_keeping_fails = classmethod(lambda cls, *args: asked.append(args) or len(asked) == 1)
    monkeypatch.setattr(ConfirmDialog, "ask", stay_after_keeping_fails)
    last = make_window(qtbot, db_path)
    last.new_entry()
    entry_id = last.editor.entry().id
    with held_lock(db_path):
        type_into(qtbot, last.editor.outcome.title_edit, "Nowhere to go")
        last.close()
        assert last.isVisible()  # kept aside failed, and the user chose to stay
    assert asked[1][1] == "Changes not kept"
    assert asked[1][2].startswith(
        f"Your changes could not be kept aside either: {blocked} is a file, not a folder.")
    last.close()  # the lock is gone: saved, and closed without asking
    assert not last.isVisible() and len(asked) == 2
    assert stored(db_path, entry_id)[0] == "Nowhere to go"


def test_opening_another_journal_while_writes_fail_asks_first(qtbot, monkeypatch, window, db_path, tmp_path):
    asked = []
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *args: asked.append(args) or False))
    with held_lock(db_path):
        type_into(qtbot, window.editor.outcome.title_edit, "Kept")
        assert not window.open_journal(tmp_path / "other.sqlite")
        assert "Open the other journal anyway? They will be kept aside" in asked[0][2]
    assert window.journal.path == db_path
    assert window.editor.outcome.title_edit.text() == "Kept"
    window.autosaver.flush()
    assert stored(db_path, window.editor.entry().id)[0] == "Kept"
