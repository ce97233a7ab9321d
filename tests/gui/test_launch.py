"""Starting the window: which command lines skip the parser, and what waits until after the first frame."""

import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from journal.app import opens_window_only
from journal.store.repository import Journal

CHECKOUT = Path(__file__).parents[2]

# Not needed for the first frame: imported once the window is on screen, or when first used.
AFTER_THE_FIRST_FRAME = ("journal.cli", "journal.domain.model", "journal.store.repository",
                         "sqlalchemy", "matplotlib", "journal.ui.editor.whys_step",
                         "journal.ui.editor.actions_step", "journal.ui.entry_filters",
                         "journal.ui.review.charts_view", "journal.ui.restore_dialog")


@pytest.mark.parametrize(("argv", "window_only"), [
    ([], True),
    (["--db", "/tmp/j.sqlite"], True),
    (["--db=/tmp/j.sqlite"], True),
    (["--db", "stats"], True),
    (["stats"], False),
    (["--db", "/tmp/j.sqlite", "stats"], False),
    (["--db"], False),
    (["--db="], False),
    (["--db", "--help"], False),
    (["--help"], False),
    (["--dbx", "/tmp/j.sqlite"], False),
])
def test_only_a_plain_window_start_skips_the_command_line_parser(argv, window_only):
    assert opens_window_only(argv) is window_only


def _run_script(script: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(CHECKOUT),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(script)], capture_output=True, text=True,
                          timeout=60, cwd=CHECKOUT, env=env)


def test_the_first_frame_waits_for_nothing_it_does_not_show(tmp_path):
    done = _run_script(f"""
        import sys
        from journal.app import opens_window_only
        assert opens_window_only(["--db", "journal.sqlite"])
        from journal.ui.launch import build_window
        app, window = build_window([])
        app.processEvents()
        print(window.isVisible(), window.editor.editing.built() is None)
        print(*[name for name in {AFTER_THE_FIRST_FRAME!r} if name in sys.modules])
    """, tmp_path)
    shown, imported_early = done.stdout.splitlines()
    assert shown == "True True", done.stderr
    assert imported_early == ""


def test_the_store_and_the_guidance_rules_load_off_the_ui_thread_while_the_journal_is_checked(tmp_path):
    journal = tmp_path / "journal.sqlite"
    with Journal.open(journal) as opened:
        opened.create_entry("The release ran late", date(2026, 1, 2))
    done = _run_script(f"""
        import sys, threading
        loaded_on = {{}}
        class NoteWhereLoaded:  # looks first for every module imported, finds none, notes the thread
            def find_spec(self, name, path=None, target=None):
                if name in ("journal.store.repository", "journal.domain.guidance"):
                    loaded_on.setdefault(name, threading.current_thread().name)
        sys.meta_path.insert(0, NoteWhereLoaded())
        from journal.ui.launch import build_window
        app, window = build_window([])
        window.start_journal(__import__("pathlib").Path({str(journal)!r}), remember=False)
        while window.journal is None or window.editor.entry() is None:
            app.processEvents()
        print(sorted(loaded_on.items()), window.editor.entry().title)
    """, tmp_path)
    assert done.stdout.strip() == (
        "[('journal.domain.guidance', 'import-ahead'), ('journal.store.repository', 'import-ahead')] "
        "The release ran late"), done.stderr


def test_matplotlib_is_imported_on_a_worker_once_the_journal_has_been_open_a_while(tmp_path):
    """Then what start-up made is set aside from the garbage collector."""
    journal = tmp_path / "journal.sqlite"
    Journal.open(journal).close()
    done = _run_script(f"""
        import sys, threading, time
        loaded_on = {{}}
        class NoteWhereLoaded:
            def find_spec(self, name, path=None, target=None):
                if name.startswith("matplotlib"):
                    loaded_on.setdefault("matplotlib", threading.current_thread().name)
        sys.meta_path.insert(0, NoteWhereLoaded())
        from journal.ui import main_window
        main_window.WARM_UP_CHARTS_MS = 50
        from journal.ui.launch import build_window
        app, window = build_window([])
        window.start_journal(__import__("pathlib").Path({str(journal)!r}), remember=False)
        while window.journal is None:
            app.processEvents()
        print("open", "matplotlib.figure" in sys.modules)
        import gc
        frozen_at_open = gc.get_freeze_count()
        deadline = time.monotonic() + 30
        while gc.get_freeze_count() == frozen_at_open and time.monotonic() < deadline:
            app.processEvents()
        print(loaded_on, "matplotlib.figure" in sys.modules, frozen_at_open, gc.get_freeze_count() > 10_000)
    """, tmp_path)
    opened, warmed = done.stdout.splitlines()
    assert opened == "open False", done.stderr
    assert warmed == "{'matplotlib': 'review-load_0'} True 0 True", done.stderr
