"""Colours for the review tabs (table highlights, the chart on screen), derived from the palette so that
dark themes work too."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QWidget

from journal.charts.colors import LIGHT, ChartColors
from journal.ui.look import is_dark, mix, muted

WARNING_HUE = QColor(LIGHT.accent_text)  # the charts' accent: "came back after a fix", "overdue"
CHART_GRID_SHARE = 0.16  # a dark chart's grid: this much of the text colour over the base
CHART_ACCENT_TEXT_SHARE = 0.25  # the accent as text on a dark chart: lightened to 4.7:1 on a #1f1f1f base


def warning_background(palette: QPalette) -> QBrush:
    """A soft warm wash over the palette's base colour."""
    return QBrush(mix(palette.color(QPalette.ColorRole.Base), WARNING_HUE, 0.16))


def warning_text(palette: QPalette) -> QBrush:
    """The warm accent, pulled towards the text colour so it stays readable on light and dark bases."""
    return QBrush(mix(WARNING_HUE, palette.color(QPalette.ColorRole.Text), 0.15))


def quiet_text(palette: QPalette) -> QBrush:
    """Text for finished things (done or dropped actions)."""
    return QBrush(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))


def chart_colors(palette: QPalette) -> ChartColors:
    """The colours to draw a chart in on screen: the print colours on a light theme; on a dark one the
    palette's base colour, its text as ink, muted text, a faint grid and label boxes in the base colour.
    The series keep their hues; only the accent, where it is text, is lightened for contrast."""
    if not is_dark(palette):
        return LIGHT
    base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    return ChartColors(background=base.name(), ink=text.name(), muted=muted(palette).name(),
                       grid=mix(base, text, CHART_GRID_SHARE).name(), label_box=base.name(),
                       legend=text.name(),
                       accent_text=mix(WARNING_HUE, text, CHART_ACCENT_TEXT_SHARE).name())


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
