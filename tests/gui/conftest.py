"""Fixtures for the window tests: a main window on a journal in tmp_path, and dialogs that never block."""

from pathlib import Path

import pytest

from journal import paths
from journal.ui import main_window
from journal.ui.confirm_dialog import ConfirmDialog
from journal.ui.damaged_journal_dialog import DamagedJournalDialog
from journal.ui.file_dialogs import FileDialogs
from journal.ui.main_window import MainWindow
from journal.ui.move_why_dialog import MoveWhyDialog
from journal.ui.notice_dialog import NoticeDialog
from journal.ui.open_error_dialog import OpenErrorDialog
from journal.ui.restore_dialog import RestoreDialog

GUI_TESTS = Path(__file__).parent


def pytest_collection_modifyitems(items):
    """The offscreen platform warns that it cannot raise, grab or resize windows: harmless here."""
    for item in items:
        if GUI_TESTS in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support"))


def _unexpected(*_args, **_kwargs):
    raise AssertionError("a dialog opened that the test did not expect")


@pytest.fixture(autouse=True)
def no_real_dialogs(monkeypatch):
    """A modal dialog would hang a test: each test says what its dialogs answer."""
    for name in ("ask_open_journal", "ask_new_journal", "ask_json_file", "ask_markdown_folder",
                 "ask_backup_file"):
        monkeypatch.setattr(FileDialogs, name, classmethod(_unexpected))
    for dialog in (ConfirmDialog, OpenErrorDialog, MoveWhyDialog, DamagedJournalDialog, RestoreDialog):
        monkeypatch.setattr(dialog, "ask", classmethod(_unexpected))
    monkeypatch.setattr(NoticeDialog, "tell", classmethod(_unexpected))


@pytest.fixture(autouse=True)
def unsaved_folders(monkeypatch, tmp_path_factory):
    """Edits kept aside go to this test's own folders (the second one is the fallback)."""
    folders = [tmp_path_factory.mktemp("unsaved"), tmp_path_factory.mktemp("unsaved-fallback")]
    monkeypatch.setattr(paths, "unsaved_folders", lambda: folders)
    return folders


@pytest.fixture(autouse=True)
def no_watching_unless_asked(monkeypatch):
    """Windows look for writes elsewhere only in the tests about that, so that two-window tests decide
    themselves when one window learns of the other's edits."""
    monkeypatch.setattr(main_window, "WATCH_MS", 3_600_000)


def make_window(qtbot, path: Path | None) -> MainWindow:
    """A shown main window, with the journal at `path` open if given."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1200, 780)
    window.show()
    qtbot.waitExposed(window)
    if path is not None:
        assert window.open_journal(path)
    return window


@pytest.fixture
def window(qtbot, db_path):
    """A main window on an empty journal."""
    return make_window(qtbot, db_path)


@pytest.fixture
def sample_window(window):
    """A main window on a journal holding the sample entries."""
    window.add_samples()
    return window
