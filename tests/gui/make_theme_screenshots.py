"""Screenshots of a light/dark switch while the window runs: the window and the Actions tab, light, then dark.

Run with `python -m tests.gui.make_theme_screenshots [OUT_DIR]` (default /tmp/shots-theme); it works on a
temporary journal with the Fusion style, switches by setting the application's palette (as a desktop
theme switch does) and never touches the user's data.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from tests.gui.make_screenshots import _isolate

SHOWN_DAY = date(2026, 10, 15)  # five of the sample actions are overdue on this day


def main(out: Path) -> None:
    folder = _isolate()
    from PySide6.QtWidgets import QApplication

    from journal.ui.launch import build_window
    from journal.ui.review.actions_view import ActionsView
    from tests.gui.palettes import dark_palette

    ActionsView.clock = staticmethod(lambda: SHOWN_DAY)
    QApplication.setStyle("Fusion")
    app, window = build_window([])
    light = QApplication.palette()
    out.mkdir(parents=True, exist_ok=True)

    def shot(name: str, tab: int | None = None) -> None:
        if tab is not None:
            window.tabs.setCurrentIndex(tab)
        _settle(app, window)
        window.statusBar().clearMessage()
        window.grab().save(str(out / f"{name}.png"))

    window.open_journal(folder / "journal.sqlite")
    shot("0-empty-light")
    app.setPalette(dark_palette())
    shot("1-empty-dark")
    app.setPalette(light)
    window.add_samples()
    window.entry_list.select_entry(window.entry_list.model.summary(0).id)
    window.conflict_banner.show_conflict(deleted=False)
    shot("2-main-light")
    shot("3-actions-light", 3)
    app.setPalette(dark_palette())  # while the Actions tab is on screen
    shot("4-actions-dark")
    shot("5-main-dark", 0)
    window.editor.go_to_step(2)
    shot("6-whys-dark")
    shot("7-mechanisms-dark", 2)
    shot("8-charts-dark", 1)  # the chart is drawn on the dark base, in light ink
    app.setPalette(light)
    shot("9-whys-light-again", 0)
    window.close()


def _settle(app, window) -> None:
    from journal.ui.review.loader import wait_for_loads

    for _ in range(6):
        app.processEvents()
        wait_for_loads()
    for view in window.review.views():
        while view.is_loading():
            app.processEvents()
    app.processEvents()  # the layouts that the loads changed


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/shots-theme"))
