"""The window catches up with writes made elsewhere (`fivewhys import` in a terminal, another window)
within moments, without touching what the user is typing."""

import pytest

from journal.cli import run
from journal.ui import main_window
from journal.ui.confirm_dialog import ConfirmDialog
from tests.gui.conftest import make_window
from tests.gui.helpers import type_into


@pytest.fixture
def window(qtbot, monkeypatch, db_path):
    monkeypatch.setattr(main_window, "WATCH_MS", 50)
    made = make_window(qtbot, db_path)
    made.add_samples()
    return made


def test_entries_imported_from_the_command_line_appear_in_the_list(qtbot, window, db_path, tmp_path):
    assert window.entry_list.model.rowCount() == 9
    document = tmp_path / "more.json"
    document.write_text('{"format": "fivewhys-journal", "version": 1, "mechanisms": [], "entries": [{"title":'
                        ' "Imported in a terminal", "occurred_on": "2026-12-02", "valence": "mixed"}]}',
                        encoding="utf-8")
    assert run(["--db", str(db_path), "import", str(document)]) == 0
    qtbot.waitUntil(lambda: window.entry_list.model.rowCount() == 10, timeout=3000)
    titles = [window.entry_list.model.summary(row).title for row in range(10)]
    assert "Imported in a terminal" in titles


def test_the_entry_shown_follows_an_edit_made_in_another_window(qtbot, window, db_path):
    other = make_window(qtbot, db_path)
    entry_id = window.editor.entry().id
    assert other.editor.entry().id == entry_id
    type_into(qtbot, other.editor.outcome.title_edit, "Renamed in the other window")
    assert other.autosaver.flush()
    qtbot.waitUntil(lambda: window.editor.outcome.title_edit.text() == "Renamed in the other window",
                    timeout=3000)
    assert window.entry_list.model.summary(0).title == "Renamed in the other window"


def test_text_being_typed_is_never_replaced_by_an_edit_elsewhere(qtbot, monkeypatch, window, db_path):
    other = make_window(qtbot, db_path)
    window.autosaver._debounce.setInterval(60_000)  # keep this window's typing unsaved for the test
    window.autosaver._max_wait.setInterval(60_000)
    type_into(qtbot, window.editor.outcome.title_edit, "Still typing here")
    type_into(qtbot, other.editor.outcome.title_edit, "Saved elsewhere")
    assert other.autosaver.flush()
    qtbot.waitUntil(lambda: window.entry_list.model.summary(0).title == "Saved elsewhere", timeout=3000)
    assert window.editor.outcome.title_edit.text() == "Still typing here"
    assert not window.autosaver.flush()  # the conflict is found and the user will be asked to choose
    assert window.conflict_banner.isVisible()
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *args: True))  # closing at the end
