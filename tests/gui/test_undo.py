"""Undo and redo of edits, by the Edit menu and by the keyboard, with the database following."""

from datetime import date

from PySide6.QtCore import Qt

from journal.domain.model import Entry
from journal.ui.undo import UndoHistory
from tests.gui.helpers import read_sql, step_button


def test_history_steps_back_and_forward_per_entry():
    history = UndoHistory()
    first, second, third = (Entry(title, occurred_on=date(2026, 1, 1), id="e")
                            for title in ("one", "two", "three"))
    history.record(first)
    history.record(second)
    assert history.undo(third) == second
    assert history.undo(second) == first
    assert history.undo(first) is None
    assert history.redo(first) == second
    assert history.can_redo("e") and history.can_undo("e")
    history.record(first)
    assert not history.can_redo("e")
    history.forget("e")
    assert not history.can_undo("e")


def test_undo_and_redo_of_typing_and_of_tree_changes(qtbot, window, db_path):
    window.new_entry()
    editor = window.editor
    entry_id = editor.entry().id
    qtbot.keyClicks(editor.outcome.title_edit, "Lost the keys")
    window.autosaver.flush()
    step_button(window, 2).click()
    editor.whys.first_button.click()
    assert len(editor.entry().whys) == 1
    window.actions.undo.trigger()
    assert editor.entry().whys == ()
    assert read_sql(db_path, "SELECT count(*) FROM why WHERE entry_id = ?", entry_id) == [(0,)]
    window.actions.undo.trigger()
    assert editor.entry().title == ""
    assert editor.outcome.title_edit.text() == ""
    assert read_sql(db_path, "SELECT title FROM entry WHERE id = ?", entry_id) == [("",)]
    window.actions.redo.trigger()
    assert editor.outcome.title_edit.text() == "Lost the keys"
    window.actions.redo.trigger()
    assert editor.whys.tree.topLevelItemCount() == 1
    assert read_sql(db_path, "SELECT question FROM why WHERE entry_id = ?", entry_id) == [
        ("Why lost the keys?",)]


def test_ctrl_z_in_a_text_field_undoes_the_entry_edit_and_ctrl_y_redoes_it(qtbot, window, db_path):
    window.new_entry()
    editor = window.editor
    title = editor.outcome.title_edit
    qtbot.keyClicks(title, "First words")
    window.autosaver.flush()
    qtbot.keyClicks(title, ", then more")
    qtbot.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert title.text() == "First words"
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(title, Qt.Key.Key_Z, ctrl | shift)
    assert title.text() == "First words, then more"
    qtbot.keyClick(editor.outcome.title_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor.outcome.title_edit, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert editor.outcome.title_edit.text() == "First words, then more"
    assert read_sql(db_path, "SELECT title FROM entry") == [("First words, then more",)]


def test_undo_is_kept_per_entry(qtbot, sample_window):
    editor = sample_window.editor
    first = editor.entry().id
    notes = editor.entry().notes
    editor.outcome.notes_edit.setPlainText("changed")
    other = sample_window.entry_list.model.summary(2).id
    sample_window.entry_list.select_entry(other)
    assert not sample_window.actions.undo.isEnabled()
    sample_window.entry_list.select_entry(first)
    assert sample_window.actions.undo.isEnabled()
    sample_window.actions.undo.trigger()
    assert editor.outcome.notes_edit.toPlainText() == notes
    assert sample_window.journal.get_entry(first).notes == notes
