"""Paints an entry row: the title, then its date and area in muted text, with a small valence mark."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from journal.ui import look
from journal.ui.entry_list_model import SummaryRole, display_title

if TYPE_CHECKING:
    from journal.domain.model import EntrySummary

Index = QModelIndex | QPersistentModelIndex


def subtitle(summary: EntrySummary) -> str:
    """The second line of a row: when, where and which way it went."""
    parts = [summary.occurred_on.strftime("%d %b %Y").lstrip("0"), summary.area, summary.valence.value]
    return "  ·  ".join(part for part in parts if part)


def mark_rect(row: QRect, metrics: QFontMetrics) -> QRect:
    """Where a row's valence mark goes: a small dot before the title, centred on its first line."""
    pad = metrics.averageCharWidth()
    mark = max(6, metrics.height() * 5 // 11)
    top = row.top() + metrics.lineSpacing() // 3 + (metrics.height() - mark) // 2
    return QRect(row.left() + pad, top, mark, mark)


class EntryRowDelegate(QStyledItemDelegate):
    """Two calm lines per entry; follows the palette (light or dark) and the font size."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        metrics = option.fontMetrics
        return QSize(metrics.averageCharWidth() * 30, int(metrics.lineSpacing() * 2.9))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        summary: EntrySummary | None = index.data(SummaryRole)
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        if summary is None:
            return
        painter.save()
        self._paint_text(painter, option, summary)
        painter.restore()

    def _paint_text(self, painter: QPainter, option: QStyleOptionViewItem, summary: EntrySummary) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        metrics = option.fontMetrics
        pad = metrics.averageCharWidth()
        mark = mark_rect(option.rect, metrics)
        rect = option.rect.adjusted(pad * 2 + mark.width(), metrics.lineSpacing() // 3, -pad, 0)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(look.valence_color(palette, summary.valence))
        painter.drawEllipse(mark)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(text_role))
        title_font = look.scaled_font(option.font, 1.0, bold=True)
        painter.setFont(title_font)
        title = painter.fontMetrics().elidedText(display_title(summary), Qt.TextElideMode.ElideRight,
                                                 rect.width())
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, title)
        painter.setFont(look.scaled_font(option.font, 0.92))
        second = rect.adjusted(0, metrics.lineSpacing() + metrics.lineSpacing() // 6, 0, 0)
        color = palette.color(text_role)
        painter.setPen(color if selected else look.muted(palette))
        painter.drawText(second, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         painter.fontMetrics().elidedText(subtitle(summary), Qt.TextElideMode.ElideRight,
                                                          second.width()))
