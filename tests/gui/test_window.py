"""The window as a whole: shortcuts, opening journals (and refusing bad ones), samples, export, back-up."""

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal import paths
from journal.ui.confirm_dialog import ConfirmDialog
from journal.ui.file_dialogs import FileDialogs
from journal.ui.open_error_dialog import OpenErrorDialog
from tests.gui.conftest import make_window

CTRL = Qt.KeyboardModifier.ControlModifier


def answer_with(monkeypatch, dialog, name, value):
    """Make a dialog's ask method answer `value`, recording what it was asked."""
    asked = []
    monkeypatch.setattr(dialog, name, classmethod(lambda cls, *args: asked.append(args) or value))
    return asked


def test_the_title_names_the_app_and_the_journal(window):
    assert window.windowTitle() == "Five Whys Journal — journal.sqlite"


def test_ctrl_n_starts_an_entry_with_the_cursor_in_its_title(qtbot, sample_window):
    step = sample_window.editor.step_buttons.button(2)
    step.click()
    qtbot.keyClick(sample_window, Qt.Key.Key_N, CTRL)
    assert sample_window.editor.current_step() is sample_window.editor.outcome
    assert QApplication.focusWidget() is sample_window.editor.outcome.title_edit
    assert sample_window.entry_list.model.rowCount() == 10
    assert sample_window.entry_list.current_entry_id() == sample_window.editor.entry().id


def test_ctrl_f_goes_to_the_search_box_and_ctrl_q_closes_the_window(qtbot, sample_window):
    qtbot.keyClick(sample_window, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is sample_window.entry_list.search
    qtbot.keyClick(sample_window.entry_list.search, Qt.Key.Key_Q, CTRL)
    assert not sample_window.isVisible()


def test_alt_and_a_number_move_between_steps(qtbot, sample_window):
    qtbot.keyClick(sample_window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert sample_window.editor.current_step() is sample_window.editor.whys


def test_an_empty_journal_offers_the_sample_entries(qtbot, window):
    assert window.banner.isVisible()
    window.banner.add_button.click()
    assert not window.banner.isVisible()
    assert window.entry_list.model.rowCount() == 9
    assert window.editor.entry() is not None


def test_a_file_that_is_not_a_journal_is_refused_untouched_and_another_can_be_opened(
        qtbot, monkeypatch, tmp_path):
    bad = tmp_path / "notes.sqlite"
    bad.write_bytes(b"just some text, not a database")
    good = tmp_path / "good.sqlite"
    asked = answer_with(monkeypatch, OpenErrorDialog, "ask", True)
    answer_with(monkeypatch, FileDialogs, "ask_open_journal", good)
    window = make_window(qtbot, None)
    assert window.open_journal(bad)
    assert asked[0][1].startswith("The file notes.sqlite is not a Five Whys journal")
    assert bad.read_bytes() == b"just some text, not a database"
    assert window.journal.path == good
    assert paths.remembered_journal() == good


def test_refusing_to_pick_another_journal_leaves_the_window_empty(qtbot, monkeypatch, tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"x" * 200)
    answer_with(monkeypatch, OpenErrorDialog, "ask", False)
    window = make_window(qtbot, None)
    assert not window.open_journal(bad)
    assert window.journal is None
    assert not window.actions.new_entry.isEnabled()


def test_the_window_opens_the_journal_used_last_time(qtbot, tmp_path, monkeypatch):
    from journal.ui.launch import named_journal, window_journal_path

    monkeypatch.delenv(paths.ENV_DB, raising=False)
    used = tmp_path / "elsewhere.sqlite"
    make_window(qtbot, used).close()
    assert window_journal_path([]) == used
    assert window_journal_path(["--db", str(tmp_path / "named.sqlite")]) == tmp_path / "named.sqlite"
    assert named_journal(["--db", "x.sqlite"]) and not named_journal([])


def test_deleting_an_entry_asks_first(qtbot, monkeypatch, sample_window):
    entry = sample_window.editor.entry()
    answer_with(monkeypatch, ConfirmDialog, "ask", False)
    sample_window.actions.delete_entry.trigger()
    assert sample_window.journal.get_entry(entry.id) is not None
    asked = answer_with(monkeypatch, ConfirmDialog, "ask", True)
    sample_window.actions.delete_entry.trigger()
    assert entry.title in asked[0][2]
    assert sample_window.journal.get_entry(entry.id) is None
    assert sample_window.entry_list.model.rowCount() == 8
    assert sample_window.editor.entry() is None


def test_export_json_runs_in_the_background_and_writes_every_entry(
        qtbot, monkeypatch, sample_window, tmp_path):
    target = tmp_path / "export.json"
    answer_with(monkeypatch, FileDialogs, "ask_json_file", target)
    sample_window.actions.export_json.trigger()
    assert sample_window.progress.isVisible()
    with qtbot.waitSignal(sample_window.export_job.finished, timeout=10_000):
        pass
    assert not sample_window.progress.isVisible()
    document = json.loads(target.read_text(encoding="utf-8"))
    assert len(document["entries"]) == 9 and len(document["mechanisms"]) == 7
    assert "Exported 9 entries" in sample_window.statusBar().currentMessage()


def test_export_markdown_writes_a_folder_that_imports_back(qtbot, monkeypatch, sample_window, tmp_path):
    folder = tmp_path / "markdown"
    answer_with(monkeypatch, FileDialogs, "ask_markdown_folder", folder)
    sample_window.actions.export_markdown.trigger()
    job = sample_window.export_job
    qtbot.waitUntil(lambda: not job.running(), timeout=10_000)
    message = sample_window.statusBar().currentMessage()
    assert sorted(path.name for path in folder.glob("*.md"))[-1] == "Mechanisms.md"
    assert len(list(folder.glob("*.md"))) == 10
    assert "Exported 9 entries" in message
    from journal.exchange.markdown_files import read_markdown

    document = read_markdown(folder)
    assert len(document.entries) == 9 and len(document.mechanisms) == 7


def test_back_up_writes_a_journal_copy(qtbot, monkeypatch, sample_window, tmp_path):
    from journal.store.repository import Journal

    target = tmp_path / "copy.sqlite"
    answer_with(monkeypatch, FileDialogs, "ask_backup_file", target)
    sample_window.actions.backup.trigger()
    with Journal.open(target) as copy:
        assert copy.count_entries() == 9


def test_the_window_is_on_screen_before_the_store_is_imported(tmp_path):
    script = (
        "import sys, time\n"
        "start = time.perf_counter()\n"
        "from journal.ui.launch import build_window\n"
        "app, window = build_window([])\n"
        "app.processEvents()\n"
        "shown = time.perf_counter() - start\n"
        "print(window.isVisible(), 'sqlmodel' in sys.modules, 'matplotlib' in sys.modules, round(shown, 2))\n"
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path), "PATH": "/usr/bin:/bin",
           "PYTHONPATH": str(Path(__file__).parents[2])}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                            timeout=60, check=True)
    visible, store_loaded, charts_loaded, _seconds = result.stdout.split()
    assert (visible, store_loaded, charts_loaded) == ("True", "False", "False")


def test_every_review_tab_fits_a_1024_pixel_wide_window(qtbot, sample_window):
    sample_window.resize(1024, 600)
    for index in range(1, sample_window.tabs.count()):
        sample_window.tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda: sample_window.tabs.currentWidget().minimumSizeHint().width() > 0)
        assert sample_window.minimumSizeHint().width() <= 1024, sample_window.tabs.tabText(index)
        assert sample_window.width() == 1024
