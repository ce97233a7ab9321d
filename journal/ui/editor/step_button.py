"""A step of the entry editor's step bar: its label, underlined when chosen, painted from the palette."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QStyle, QStyleOptionFocusRect, QToolButton, QWidget

from journal.ui import look

LINE = 2  # the underline's thickness in pixels


def underline_color(palette: QPalette, checked: bool, hovered: bool) -> QColor | None:
    """The chosen step's line is the highlight colour; a hovered one shows it half as strong."""
    highlight = palette.color(QPalette.ColorRole.Highlight)
    if checked:
        return highlight
    if hovered:
        return look.mix(palette.color(QPalette.ColorRole.Window), highlight, 0.5)
    return None


class StepButton(QToolButton):
    """A flat checkable label with an underline, drawn at paint time from the current palette.

    Painted here rather than by a style sheet: Qt stops passing palette changes to widgets under a
    style sheet, so a sheet on the editor would keep the old theme's colours after a light/dark switch.
    """

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(text)
        self.setCheckable(True)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)  # repainted as the pointer comes and goes

    def sizeHint(self) -> QSize:  # noqa: N802
        metrics = self.fontMetrics()
        em = metrics.height()  # what a style sheet's "em" measures
        text = metrics.size(Qt.TextFlag.TextShowMnemonic, self.text())
        return QSize(text.width() + int(1.8 * em), text.height() + int(0.7 * em) + LINE)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        palette, bounds = self.palette(), self.rect()
        line = underline_color(palette, self.isChecked(), self.underMouse() and self.isEnabled())
        if line is not None:
            painter.fillRect(QRect(0, bounds.height() - LINE, bounds.width(), LINE), line)
        text = bounds.adjusted(0, 0, 0, -LINE)
        self.style().drawItemText(painter, text, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextShowMnemonic,
                                  palette, self.isEnabled(), self.text(), QPalette.ColorRole.WindowText)
        if self.hasFocus():
            focus = QStyleOptionFocusRect()
            focus.initFrom(self)
            focus.rect = text.adjusted(2, 2, -2, -2)
            self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus, painter, self)
