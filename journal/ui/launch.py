"""Start the desktop app: show the window first, then open the journal and fill it."""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Sequence
from pathlib import Path

# For tests/benchmarks/bench.py only: with this set to 1 the app prints `shown <epoch seconds>` once
# the window is on screen, `previewed <epoch seconds> <rows>` when the newest entries are on screen
# (read before the store loads), `listed <epoch seconds> <rows>` once the journal is open and its
# newest entries are in the list, then quits.
BENCH_EXIT = "FIVEWHYS_BENCH_EXIT"


def _db_argument(argv: Sequence[str]) -> str | None:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--db")
    args, _rest = parser.parse_known_args(list(argv))
    return args.db


def window_journal_path(argv: Sequence[str]) -> Path:
    """The journal the window opens: --db, FIVEWHYS_DB, the last one used, or the default."""
    from journal import paths

    return paths.window_journal(_db_argument(argv))


def named_journal(argv: Sequence[str]) -> bool:
    """Whether the journal was named by --db or FIVEWHYS_DB (and so is not remembered for next time)."""
    from journal import paths

    return paths.explicit_journal(_db_argument(argv)) is not None


def build_window(argv: Sequence[str]):
    """Create the application (if needed) and the main window shell, shown, with nothing opened yet."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    app.setApplicationName("Five Whys Journal")
    app.setApplicationDisplayName("Five Whys Journal")
    from journal.ui.main_window import MainWindow

    window = MainWindow()
    window.resize(1200, 780)
    window.show()
    return app, window


def run_window(argv: Sequence[str]) -> int:
    """Open the main window on the journal named by --db / FIVEWHYS_DB / the last used / the default.

    The window is on screen first; the journal is checked for damage on a worker thread, then opened,
    then backed up (once a day) on a worker thread again.
    """
    from PySide6.QtCore import QTimer

    app, window = build_window(argv)
    window.statusBar().showMessage("Opening the journal…")
    app.processEvents()
    benchmark = os.environ.get(BENCH_EXIT) == "1"
    if benchmark:
        print(f"shown {time.time()}", flush=True)
        _report_when_listed(window)
    path = window_journal_path(argv)
    remember = not named_journal(argv)
    QTimer.singleShot(0, lambda: window.start_journal(path, remember=remember))
    return app.exec()


def _report_when_listed(window) -> None:
    """Benchmark only: say when the preview rows show, and once the journal is open and its first
    page listed, say so and quit."""
    open_journal = window.open_journal
    model = window.entry_list.model
    model.modelReset.connect(lambda: model.is_preview()
                             and print(f"previewed {time.time()} {model.rowCount()}", flush=True))

    def open_then_report(path: Path, remember: bool = True) -> bool:
        opened = open_journal(path, remember)
        print(f"listed {time.time()} {window.entry_list.model.rowCount()}", flush=True)
        window.close()
        return opened

    window.open_journal = open_then_report
