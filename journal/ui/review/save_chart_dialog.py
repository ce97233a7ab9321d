"""Asking where to save a chart: a PNG or SVG file name (replaced in tests through `ask`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

_FILTERS = {"PNG image (*.png)": ".png", "SVG image (*.svg)": ".svg"}


class SaveChartDialog:
    """The platform's save dialog, limited to PNG and SVG."""

    @classmethod
    def ask(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        """The file the user chose (with a .png or .svg suffix), or None if they cancelled."""
        name, chosen_filter = QFileDialog.getSaveFileName(
            parent, "Save chart", str(suggested), ";;".join(_FILTERS))
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in _FILTERS.values():
            path = path.with_name(path.name + _FILTERS.get(chosen_filter, ".png"))
        return path
