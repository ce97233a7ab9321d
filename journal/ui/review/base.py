"""What every review view shares: the entry_requested signal, a status line, and refreshing only when seen."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

if TYPE_CHECKING:
    from journal.store.repository import Journal


class ReviewView(QWidget):
    """A review tab. `refresh()` reloads now if the view is shown, or as soon as it is shown next."""

    entry_requested = Signal(str)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self._stale = True
        self.status = QLabel()
        self.status.setObjectName("reviewStatus")
        self.status.setWordWrap(True)

    def refresh(self) -> None:
        """Reload from the journal (now when visible, else on the next show)."""
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        self._stale = False
        self.load()

    def load(self) -> None:
        """Read the journal and fill the view (each view implements it)."""
        raise NotImplementedError

    def say(self, message: str) -> None:
        """Tell the user what just happened (or why it did not), in the view's status line."""
        self.status.setText(message)


def set_up_table(view: QTableView, model: Any, multi: bool = False, sortable: bool = False,
                 stretch: int | None = None) -> None:
    """Read-only rows, selected whole, first column stretched."""
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSortingEnabled(sortable)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch is None)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setHighlightSections(False)


def fit_columns(view: QTableView, widest: int = 360) -> None:
    """Size columns to their contents, none wider than `widest` pixels (a stretching one takes the rest)."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count()):
        if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Interactive:
            header.resizeSection(column, min(header.sectionSize(column), widest))
