"""The why-tree as a tree view: each why shows its question and answer; branches can be dragged."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QDropEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from journal.domain.model import Why
from journal.ui import look

WhyRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
ROOT_CAUSE = "root cause"
NO_ANSWER = "No answer yet"


MAX_ANSWER_LINES = 3
WRAP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap


def _answer_text(why: Why) -> str:
    return " ".join(why.answer.split()) or NO_ANSWER


class WhyDelegate(QStyledItemDelegate):
    """The question of a why, muted, above its answer (wrapped); a root cause gets a small badge."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        metrics = option.fontMetrics
        tree: WhyTree = self.parent()
        why = tree.why_at(index)
        width = tree.text_width(index)
        lines = 1 if why is None else min(MAX_ANSWER_LINES, self._answer_lines(option, why, width))
        return QSize(width, int(metrics.lineSpacing() * (1.8 + lines)))

    @staticmethod
    def _answer_lines(option: QStyleOptionViewItem, why: Why, width: int) -> int:
        bounds = option.fontMetrics.boundingRect(QRect(0, 0, max(width, 1), 10_000), WRAP, _answer_text(why))
        return max(1, round(bounds.height() / option.fontMetrics.lineSpacing()))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        why = self.parent().why_at(index)
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        if why is not None:
            painter.save()
            self._paint_why(painter, option, why)
            painter.restore()

    def _paint_why(self, painter: QPainter, option: QStyleOptionViewItem, why: Why) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette, metrics = option.palette, option.fontMetrics
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_color = palette.color(role)
        rect = option.rect.adjusted(metrics.averageCharWidth() // 2, metrics.lineSpacing() // 4, -4, 0)
        badge = self._paint_badge(painter, option, rect) if why.root_cause else 0
        painter.setFont(look.scaled_font(option.font, 0.9))
        painter.setPen(text_color if selected else look.muted(palette))
        question = rect.adjusted(0, 0, -badge, 0)
        painter.drawText(question, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         painter.fontMetrics().elidedText(why.question or "Why?", Qt.TextElideMode.ElideRight,
                                                          question.width()))
        answer = rect.adjusted(0, metrics.lineSpacing() + metrics.lineSpacing() // 8, 0, 0)
        answer.setHeight(metrics.lineSpacing() * MAX_ANSWER_LINES)
        painter.setFont(option.font)
        painter.setPen(text_color if why.answer.strip() else look.muted(palette))
        painter.setClipRect(option.rect)
        painter.drawText(answer, WRAP, _answer_text(why))

    def _paint_badge(self, painter: QPainter, option: QStyleOptionViewItem, rect: QRect) -> int:
        font = look.scaled_font(option.font, 0.8, bold=True)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        width = metrics.horizontalAdvance(ROOT_CAUSE) + metrics.averageCharWidth() * 2
        box = QRect(rect.right() - width, rect.top(), width, metrics.height() + 2)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(look.badge_fill(option.palette))
        painter.drawRoundedRect(box, box.height() / 2, box.height() / 2)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, ROOT_CAUSE)
        return width + metrics.averageCharWidth()


class WhyTree(QTreeWidget):
    """Shows a why-tree; `why_selected(id or "")` on selection, `why_dropped(id, parent, position)`."""

    why_selected = Signal(str)
    why_dropped = Signal(str, object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setItemDelegate(WhyDelegate(self))
        self.setAccessibleName("Why tree")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setExpandsOnDoubleClick(False)
        self.setAnimated(True)
        self._collapsed: set[str] = set()
        self._items: dict[str, QTreeWidgetItem] = {}
        self._whys: dict[str, Why] = {}
        self.itemCollapsed.connect(lambda item: self._collapsed.add(item.data(0, WhyRole)))
        self.itemExpanded.connect(lambda item: self._collapsed.discard(item.data(0, WhyRole)))
        self.currentItemChanged.connect(self._on_current)

    def show_whys(self, whys: tuple[Why, ...], selected_id: str | None) -> None:
        """Show the tree (expanded, except branches the user folded) and select a why."""
        self.blockSignals(True)
        try:
            self.clear()
            self._items, self._whys = {}, {}
            self._add(self.invisibleRootItem(), whys)
            for why_id, item in self._items.items():
                item.setExpanded(why_id not in self._collapsed)
            item = self._items.get(selected_id or "")
            self.setCurrentItem(item)
        finally:
            self.blockSignals(False)

    def _add(self, parent: QTreeWidgetItem, whys: tuple[Why, ...]) -> None:
        for why in whys:
            item = QTreeWidgetItem(parent)
            self._set(item, why)
            self._items[why.id] = item
            self._add(item, why.children)

    def text_width(self, index: Index) -> int:
        """The width a why's text has at its depth in the tree."""
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        margin = self.fontMetrics().averageCharWidth() + 4
        return max(self.fontMetrics().averageCharWidth() * 12,
                   self.viewport().width() - self.indentation() * (depth + 1) - margin)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()

    def why_at(self, index: Index) -> Why | None:
        """The why shown at a model index."""
        return self._whys.get(index.data(WhyRole) or "")

    def _set(self, item: QTreeWidgetItem, why: Why) -> None:
        self._whys[why.id] = why
        item.setData(0, WhyRole, why.id)
        item.setData(0, Qt.ItemDataRole.DisplayRole, f"{why.question} {why.answer}")
        tip = f"{why.question}\n{why.answer}" + ("\nRoot cause" if why.root_cause else "")
        item.setToolTip(0, tip)

    def update_why(self, why: Why) -> None:
        """Show a why's new text without rebuilding the tree."""
        item = self._items.get(why.id)
        if item is not None:
            self._set(item, why)

    def selected_id(self) -> str | None:
        """The id of the selected why."""
        item = self.currentItem()
        return item.data(0, WhyRole) if item is not None else None

    def select(self, why_id: str) -> None:
        """Select a why by id (tells `why_selected`)."""
        item = self._items.get(why_id)
        if item is not None:
            self.setCurrentItem(item)

    def _on_current(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        self.why_selected.emit(current.data(0, WhyRole) if current is not None else "")

    # -- drag and drop: the step changes the entry; the tree is then rebuilt from it ---------------

    def drop_target(self, target: QTreeWidgetItem | None,
                    where: QAbstractItemView.DropIndicatorPosition) -> tuple[str | None, int | None]:
        """(new parent id, position among its children) for a drop on `target` at `where`."""
        zone = QAbstractItemView.DropIndicatorPosition
        if target is None or where == zone.OnViewport:
            return None, None
        if where == zone.OnItem:
            return target.data(0, WhyRole), None
        parent = target.parent()
        siblings = parent if parent is not None else self.invisibleRootItem()
        index = siblings.indexOfChild(target) + (1 if where == zone.BelowItem else 0)
        dragged = self.currentItem()
        if dragged is not None and dragged.parent() is parent and siblings.indexOfChild(dragged) < index:
            index -= 1
        return (parent.data(0, WhyRole) if parent is not None else None), index

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        dragged = self.currentItem()
        if event.source() is not self or dragged is None:
            event.ignore()
            return
        parent_id, position = self.drop_target(self.itemAt(event.position().toPoint()),
                                               self.dropIndicatorPosition())
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        why_id = dragged.data(0, WhyRole)
        QTimer.singleShot(0, lambda: self.why_dropped.emit(why_id, parent_id, position))
