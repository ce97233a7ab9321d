"""Colours and fonts derived from the system palette, so light and dark themes both read well."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from journal.domain.model import Valence

_VALENCE_HUES = {"negative": 8, "positive": 140, "mixed": 42}  # by Valence value


def mix(first: QColor, second: QColor, share_of_second: float) -> QColor:
    """A colour between two others."""
    keep = 1.0 - share_of_second
    return QColor.fromRgbF(first.redF() * keep + second.redF() * share_of_second,
                           first.greenF() * keep + second.greenF() * share_of_second,
                           first.blueF() * keep + second.blueF() * share_of_second)


def is_dark(palette: QPalette) -> bool:
    """Whether the palette is a dark theme."""
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def muted(palette: QPalette) -> QColor:
    """Secondary text: between the text and the background."""
    return mix(palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), 0.42)


def valence_color(palette: QPalette, valence: Valence) -> QColor:
    """A calm mark for a valence, lighter on dark themes."""
    lightness = 165 if is_dark(palette) else 120
    return QColor.fromHsl(_VALENCE_HUES[str(valence)], 120, lightness)


def soft_highlight(palette: QPalette) -> QColor:
    """A faint tint of the highlight colour for banners and badges."""
    return mix(palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Highlight), 0.14)


def make_banner(frame: QFrame) -> None:
    """Give a frame the calm tinted panel look that banners share."""
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    frame.setAutoFillBackground(True)
    palette = frame.palette()
    palette.setColor(QPalette.ColorRole.Window, soft_highlight(palette))
    frame.setPalette(palette)


def fill_notice_banner(frame: QFrame, icon: QStyle.StandardPixmap, detail: str,
                       buttons: list[QPushButton]) -> QLabel:
    """Lay out a banner that asks for a choice: an icon, a bold heading over a muted detail line, then
    the buttons; returns the heading label for the caller to fill."""
    make_banner(frame)
    picture = QLabel()
    picture.setPixmap(frame.style().standardIcon(icon).pixmap(frame.fontMetrics().height() * 2))
    heading = QLabel()
    heading.setFont(scaled_font(frame.font(), 1.0, bold=True))
    heading.setWordWrap(True)
    under = QLabel(detail)
    make_muted(under)
    under.setWordWrap(True)
    words = QVBoxLayout()
    words.addWidget(heading)
    words.addWidget(under)
    layout = QHBoxLayout(frame)
    layout.addWidget(picture)
    layout.addLayout(words, 1)
    for button in buttons:
        layout.addWidget(button)
    return heading


def scaled_font(base: QFont, factor: float, bold: bool = False) -> QFont:
    """`base` made larger or smaller by `factor` (never a fixed pixel size)."""
    font = QFont(base)
    if base.pointSizeF() > 0:
        font.setPointSizeF(base.pointSizeF() * factor)
    font.setBold(bold)
    return font


def make_muted(widget: QWidget, factor: float = 1.0) -> None:
    """Show a label's text in the muted colour, optionally smaller."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, muted(palette))
    palette.setColor(QPalette.ColorRole.Text, muted(palette))
    widget.setPalette(palette)
    if factor != 1.0:
        widget.setFont(scaled_font(widget.font(), factor))


def line_height(widget: QWidget, lines: float) -> int:
    """The height of `lines` lines of the widget's font, plus its frame."""
    return int(widget.fontMetrics().lineSpacing() * lines + 2 * widget.fontMetrics().height() * 0.45)
