"""The chart on screen: an image drawn off the UI thread, its bars clickable, the chosen one outlined."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from journal.charts.colors import LIGHT
from journal.ui.review.palette import chart_colors

if TYPE_CHECKING:
    from journal.ui.review.chart_render import Box, RenderedChart

OUTLINE = QColor(LIGHT.ink)  # the chosen bar's outline on a light theme: the charts' ink
OUTLINE_WIDTH = 2.5
WAITING = "Drawing the chart…"


class ChartPicture(QWidget):
    """Shows a RenderedChart (stretched to fit until one of the new size arrives); emits the bar clicked.

    It asks for at least the chart's natural height, so that in a scroll area a chart that needs
    more room than the window gives scrolls instead of squeezing its rows together.
    """

    bar_clicked = Signal(int)
    resized = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self._bars: tuple[Box, ...] = ()
        self._image_size = QSize()
        self.outlined: int | None = None
        self.colors = LIGHT  # the colours the chart on screen was drawn in
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)

    def show_chart(self, chart: RenderedChart) -> None:
        image = QImage(chart.pixels, chart.width, chart.height, QImage.Format.Format_RGBA8888).copy()
        image.setDevicePixelRatio(chart.ratio)
        self.image, self._bars, self.colors = image, chart.bars, chart.colors
        self._image_size = QSize(round(chart.width / chart.ratio), round(chart.height / chart.ratio))
        self.setMinimumHeight(chart.natural_height)
        self.update()

    def natural_height(self) -> int:
        """The least height the chart on screen needs to stay readable (0 before the first chart)."""
        return self.minimumHeight()

    def drawn_size(self) -> QSize:
        """The size (device-independent pixels) the image on screen was drawn for."""
        return QSize(self._image_size)

    def set_outlined(self, index: int | None) -> None:
        self.outlined = index
        self.update()

    def bar_at(self, x: float, y: float) -> int | None:
        """The bar under a point of the widget, or None."""
        if self._image_size.isEmpty():
            return None
        sx, sy = self._image_size.width() / self.width(), self._image_size.height() / self.height()
        return next((box.index for box in self._bars if box.contains(x * sx, y * sy)), None)

    def bar_rect(self, index: int) -> QRectF:
        """Where bar `index` is on the widget (empty if there is no such bar)."""
        box = next((box for box in self._bars if box.index == index), None)
        if box is None or self._image_size.isEmpty():
            return QRectF()
        sx, sy = self.width() / self._image_size.width(), self.height() / self._image_size.height()
        return QRectF(QPointF(box.left * sx, box.top * sy), QPointF(box.right * sx, box.bottom * sy))

    # -- Qt's side ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        if self.image is None:  # in the muted colour the chart would be drawn in with this theme
            painter.setPen(QColor(chart_colors(self.palette()).muted))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, WAITING)
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(QRectF(self.rect()), self.image)
        if self.outlined is not None and not (rect := self.bar_rect(self.outlined)).isEmpty():
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(QColor(self.colors.ink), OUTLINE_WIDTH))  # the ink of the chart shown
            painter.drawRect(rect)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        index = self.bar_at(event.position().x(), event.position().y())
        if index is not None and event.button() == Qt.MouseButton.LeftButton:
            self.bar_clicked.emit(index)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        over_bar = self.bar_at(event.position().x(), event.position().y()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if over_bar else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.resized.emit()
