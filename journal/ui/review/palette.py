"""Highlight colours for the review tables, derived from the current palette so dark themes work too."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QWidget

from journal.ui.look import mix

WARNING_HUE = QColor("#c2483a")  # the charts' accent: "came back after a fix", "overdue"


def warning_background(palette: QPalette) -> QBrush:
    """A soft warm wash over the palette's base colour."""
    return QBrush(mix(palette.color(QPalette.ColorRole.Base), WARNING_HUE, 0.16))


def warning_text(palette: QPalette) -> QBrush:
    """The warm accent, pulled towards the text colour so it stays readable on light and dark bases."""
    return QBrush(mix(WARNING_HUE, palette.color(QPalette.ColorRole.Text), 0.15))


def quiet_text(palette: QPalette) -> QBrush:
    """Text for finished things (done or dropped actions)."""
    return QBrush(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))


class Brushes(NamedTuple):
    """The highlight brushes of one palette."""

    warning_background: QBrush
    warning_text: QBrush
    quiet_text: QBrush


def brushes(palette: QPalette) -> Brushes:
    """The highlight brushes for this palette."""
    return Brushes(warning_background(palette), warning_text(palette), quiet_text(palette))


class PaletteBrushes:
    """A view's highlight brushes for its current palette: made once per palette, not once per cell, and
    made again when the palette changes (a light/dark switch), which the view's repaint then shows."""

    def __init__(self, widget: QWidget) -> None:
        self._widget = widget
        self._key: int | None = None
        self._brushes: Brushes | None = None

    def current(self) -> Brushes:
        palette = self._widget.palette()
        if self._brushes is None or palette.cacheKey() != self._key:
            self._key, self._brushes = palette.cacheKey(), brushes(palette)
        return self._brushes
