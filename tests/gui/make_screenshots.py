"""Screenshots for the docs: the main window on the sample journal, and the why-tree of the outage entry.

Run with `python -m tests.gui.make_screenshots [OUT_DIR]` (default docs/screenshots); it works on a
temporary journal and never touches the user's data.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

SERVER_TITLE = "Every server except the listed ones was shut down"
BLAMEFUL = "The support engineer should have caught the inverted list."


def _isolate() -> Path:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(tempfile.mkdtemp(prefix="fivewhys-shots-"))
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[variable] = str(folder / variable.lower())
    return folder


def _select(window, title: str) -> None:
    model = window.entry_list.model
    row = next(r for r in range(model.rowCount()) if model.summary(r).title == title)
    window.entry_list.select_entry(model.summary(row).id)


def _settle(app) -> None:
    for _ in range(5):
        app.processEvents()


def main(out: Path) -> None:
    folder = _isolate()
    from PySide6.QtTest import QTest

    from journal.ui.launch import build_window

    app, window = build_window([])
    window.open_journal(folder / "journal.sqlite")
    window.add_samples()
    _select(window, SERVER_TITLE)
    window.statusBar().clearMessage()
    _settle(app)
    out.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out / "main-window.png"))
    whys = window.editor.whys
    window.editor.go_to_step(2)
    top = window.editor.entry().whys[0]
    whys.tree.select(top.children[0].id)
    whys.details.another_button.click()
    whys.details.answer.setPlainText(BLAMEFUL)
    QTest.qWait(400)
    window.autosaver.flush()
    window.statusBar().clearMessage()
    _settle(app)
    window.grab().save(str(out / "why-tree.png"))
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots"))
