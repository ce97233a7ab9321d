"""Start the desktop app: show the window first, then open the journal and fill it."""

from __future__ import annotations

import argparse
from collections.abc import Sequence


def run_window(argv: Sequence[str]) -> int:
    """Open the main window on the journal named by --db / FIVEWHYS_DB / the default."""
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    from journal import paths

    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--db")
    args, _rest = parser.parse_known_args(list(argv))
    app = QApplication.instance() or QApplication([])
    window = QMainWindow()
    window.setWindowTitle("Five Whys Journal")
    window.resize(1100, 720)
    label = QLabel("Opening the journal…")
    window.setCentralWidget(label)
    window.show()
    app.processEvents()

    from journal.store.repository import Journal

    journal = Journal.open(paths.resolve_journal(args.db))
    label.setText("\n".join(e.title for e in journal.list_entries(limit=50)) or "No entries yet.")
    try:
        return app.exec()
    finally:
        journal.close()
