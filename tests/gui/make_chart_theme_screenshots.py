"""Screenshots of the Charts tab in a light and a dark theme (Pareto with a bar chosen, and the timeline).

Run with `python -m tests.gui.make_chart_theme_screenshots [OUT_DIR]` (default /tmp/shots-charttheme); it
works on a temporary sample journal with the Fusion style, switches by setting the application's palette
(as a desktop theme switch does), and also saves the Pareto chart as a file while dark (it stays light).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from tests.gui.make_screenshots import _isolate


def main(out: Path) -> None:
    folder = _isolate()
    from PySide6.QtWidgets import QApplication

    from journal.ui.launch import build_window
    from journal.ui.review.charts_view import ChartsView
    from tests.gui.palettes import dark_palette

    QApplication.setStyle("Fusion")
    app, window = build_window([])
    light = QApplication.palette()
    out.mkdir(parents=True, exist_ok=True)
    window.open_journal(folder / "journal.sqlite")
    window.add_samples()
    window.resize(1200, 820)
    tabs = window.tabs
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i) == "Charts"))
    view = _wait_for_view(app, window, ChartsView)

    def shot(name: str, kind: str) -> None:
        view.set_kind(kind)
        _settle(app, view)
        if kind == "pareto":
            view.show_bar(1)
            _settle(app, view)
        window.grab().save(str(out / f"{name}.png"))

    shot("1-pareto-light", "pareto")
    shot("2-timeline-light", "timeline")
    app.setPalette(dark_palette())
    shot("3-timeline-dark", "timeline")  # switched while the timeline is on screen
    shot("4-pareto-dark", "pareto")
    from journal.ui.review import chart_render

    saved = out / "5-pareto-saved-while-dark.png"
    chart_render.save("pareto", view._data, view.filters.entry_filter(), saved)
    app.setPalette(light)
    shot("6-pareto-light-again", "pareto")
    window.close()


def _wait_for_view(app, window, kind: type):
    while not any(isinstance(view, kind) for view in window.review.views()):
        app.processEvents()
    return next(view for view in window.review.views() if isinstance(view, kind))


def _settle(app, view) -> None:
    """Until the chart on screen is drawn for the view's room and theme (redraws wait for a short timer)."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        app.processEvents()
        if view.picture.image is not None and not view.is_loading() and not view._out_of_date():
            time.sleep(0.3)  # a debounced redraw may still be due
            app.processEvents()
            if not view.is_loading() and not view._out_of_date():
                return
        time.sleep(0.02)
    raise TimeoutError("the chart was not drawn")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/shots-charttheme"))
