"""Two windows on one journal: an edit is never silently written over another window's, and the user
chooses which version wins (theirs stays one undo away from being mine again)."""

import pytest

from journal.ui.confirm_dialog import ConfirmDialog
from journal.ui.conflict_banner import CHANGED, DELETED
from journal.ui.main_window import DELETION_ACCEPTED, OTHER_VERSION_SHOWN
from journal.ui.save_status import SAVED
from tests.gui.conftest import make_window
from tests.gui.helpers import read_sql, type_into

CONFLICT = "This entry was changed in another window since you opened it."


def close_anyway(_cls, _parent, _title, _text, confirm):
    """When the test ends, a window still in conflict is closed anyway; any other question is a bug."""
    assert confirm == "Close without saving"
    return True


@pytest.fixture
def windows(qtbot, monkeypatch, db_path):
    """Two windows with their own connections to one journal, both showing its newest entry."""
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(close_anyway))
    first = make_window(qtbot, db_path)
    first.add_samples()
    second = make_window(qtbot, db_path)
    assert first.editor.entry().id == second.editor.entry().id
    return first, second


def stored_title(path, entry_id):
    rows = read_sql(path, "SELECT title FROM entry WHERE id = ?", entry_id)
    return rows[0][0] if rows else None


def write_title(qtbot, window, title):
    """Type a title in `window` and try to save it at once; whether it was saved."""
    type_into(qtbot, window.editor.outcome.title_edit, title)
    return window.autosaver.flush()


def collide(qtbot, first, second, db_path):
    """The second window saves a title, then the first one, which had not seen it, tries to."""
    entry_id = first.editor.entry().id
    assert write_title(qtbot, second, "Theirs")
    assert not write_title(qtbot, first, "Mine")
    assert stored_title(db_path, entry_id) == "Theirs"
    return entry_id


def test_an_edit_from_another_window_is_not_overwritten_and_the_user_is_told(qtbot, windows, db_path):
    first, second = windows
    entry_id = collide(qtbot, first, second, db_path)
    assert first.conflict_banner.isVisible() and first.conflict_banner.text.text() == CHANGED
    assert first.save_status.text() == CONFLICT
    assert not second.conflict_banner.isVisible()
    qtbot.keyClicks(first.editor.outcome.title_edit, " and more")
    first.autosaver.flush()
    assert stored_title(db_path, entry_id) == "Theirs"
    assert first.editor.outcome.title_edit.text() == "Mine and more"
    assert first.autosaver.pending_entry(entry_id).title == "Mine and more"


def test_keep_my_version_saves_it_and_the_other_window_is_then_warned_in_turn(qtbot, windows, db_path):
    first, second = windows
    entry_id = collide(qtbot, first, second, db_path)
    first.conflict_banner.keep_button.click()
    assert stored_title(db_path, entry_id) == "Mine"
    assert not first.conflict_banner.isVisible()
    assert first.save_status.text() == SAVED and not first.autosaver.has_pending()
    assert not write_title(qtbot, second, "Theirs again")
    assert second.conflict_banner.isVisible()
    assert stored_title(db_path, entry_id) == "Mine"


def test_show_the_other_version_loads_it_and_undo_brings_mine_back(qtbot, windows, db_path):
    first, second = windows
    entry_id = collide(qtbot, first, second, db_path)
    first.conflict_banner.theirs_button.click()
    assert first.editor.outcome.title_edit.text() == "Theirs"
    assert first.editor.heading.text() == "Theirs"
    assert first.statusBar().currentMessage() == OTHER_VERSION_SHOWN
    assert not first.conflict_banner.isVisible() and not first.autosaver.has_pending()
    assert stored_title(db_path, entry_id) == "Theirs"
    assert first.actions.undo.isEnabled()
    first.actions.undo.trigger()
    assert first.editor.outcome.title_edit.text() == "Mine"
    assert stored_title(db_path, entry_id) == "Mine"
    assert not first.conflict_banner.isVisible()


def test_an_entry_deleted_in_another_window_can_be_kept_or_let_go(qtbot, monkeypatch, windows, db_path):
    first, second = windows
    entry_id = first.editor.entry().id
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *args: True))
    second.delete_entry()
    assert stored_title(db_path, entry_id) is None
    assert not write_title(qtbot, first, "Still mine")
    assert first.conflict_banner.text.text() == DELETED
    assert stored_title(db_path, entry_id) is None
    first.conflict_banner.keep_button.click()
    assert stored_title(db_path, entry_id) == "Still mine"
    assert first.entry_list.model.row_of(entry_id) is not None

    second.editor.show_entry(None)
    second.entry_list.refresh()
    second.entry_list.select_entry(entry_id)
    second.delete_entry()
    assert not write_title(qtbot, first, "Never mind")
    first.conflict_banner.theirs_button.click()
    assert first.editor.entry() is None
    assert first.statusBar().currentMessage() == DELETION_ACCEPTED
    assert stored_title(db_path, entry_id) is None


def test_an_entry_in_conflict_waits_while_others_are_saved(qtbot, windows, db_path):
    first, second = windows
    entry_id = collide(qtbot, first, second, db_path)
    other_id = first.entry_list.model.summary(1).id
    first.entry_list.select_entry(other_id)
    assert first.editor.entry().id == other_id
    assert not first.conflict_banner.isVisible()
    assert not write_title(qtbot, first, "Another entry, saved")
    assert stored_title(db_path, other_id) == "Another entry, saved"
    assert first.autosaver.has_pending(entry_id) and not first.autosaver.has_pending(other_id)
    first.entry_list.select_entry(entry_id)
    assert first.editor.outcome.title_edit.text() == "Mine"
    assert first.conflict_banner.isVisible()


def test_closing_with_an_unresolved_conflict_asks_first(qtbot, monkeypatch, windows, db_path):
    first, second = windows
    entry_id = collide(qtbot, first, second, db_path)
    asked = []
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *args: asked.append(args) or False))
    first.close()
    assert first.isVisible()
    assert asked[0][2] == ("Your last changes could not be saved: this entry was changed in another window "
                           "since you opened it. Close anyway? They will be kept aside and offered back the "
                           "next time journal.sqlite is opened.")
    first.conflict_banner.keep_button.click()
    first.close()
    assert not first.isVisible() and len(asked) == 1
    assert stored_title(db_path, entry_id) == "Mine"
