"""Highlight colours for the review tables, derived from the current palette so dark themes work too."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QBrush, QColor, QPalette

WARNING_HUE = QColor("#c2483a")  # the charts' accent: "came back after a fix", "overdue"


def _blend(base: QColor, tint: QColor, amount: float) -> QColor:
    return QColor.fromRgbF(*(b + (t - b) * amount for b, t in
                             zip(base.getRgbF()[:3], tint.getRgbF()[:3], strict=True)))


def warning_background(palette: QPalette) -> QBrush:
    """A soft warm wash over the palette's base colour."""
    return QBrush(_blend(palette.color(QPalette.ColorRole.Base), WARNING_HUE, 0.16))


def warning_text(palette: QPalette) -> QBrush:
    """The warm accent, pulled towards the text colour so it stays readable on light and dark bases."""
    return QBrush(_blend(WARNING_HUE, palette.color(QPalette.ColorRole.Text), 0.15))


def quiet_text(palette: QPalette) -> QBrush:
    """Text for finished things (done or dropped actions)."""
    return QBrush(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))


class Brushes(NamedTuple):
    """The three highlight brushes of one palette, made once per load rather than once per cell."""

    warning_background: QBrush
    warning_text: QBrush
    quiet_text: QBrush


def action_brushes(palette: QPalette) -> Brushes:
    return Brushes(warning_background(palette), warning_text(palette), quiet_text(palette))
