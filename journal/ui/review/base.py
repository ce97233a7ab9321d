"""What every review view shares: entry_requested, a status line, loading in the background when seen."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QTableView,
    QWidget,
)

from journal.ui.background import sentence_for
from journal.ui.review.loader import Loader

if TYPE_CHECKING:
    from journal.store.repository import Journal

LOADING = "Loading…"
NOTE_AFTER_MS = 250  # a reload quicker than this shows no note (it would only flicker)
FIT_ROWS = 120  # rows measured (beyond those in sight) when columns are fitted: all would take long


class ReviewView(QWidget):
    """A review tab that reads the journal on a worker thread, and only while it is shown.

    Each view says what to read (`fetch()` returns a call for the worker: it reads, touches no
    widget) and how to show what that call returned (`show_data(data)`, on the UI thread).
    `refresh()` reloads soon if the view is shown (several refreshes in a row make one load), or
    when it is shown next; a newer load makes an older one's result be ignored. While a load runs
    the view keeps what it showed, with a "Loading…" note when that takes a moment.
    """

    entry_requested = Signal(str)
    loaded = Signal()  # the latest load's data is on screen (or its failure is said)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self._stale = True
        self._shown_once = False
        self.status = QLabel()
        self.status.setObjectName("reviewStatus")
        self.status.setWordWrap(True)
        self.loading_note = QLabel(LOADING)
        self.loading_note.setObjectName("reviewLoading")
        self.loading_note.setEnabled(False)  # drawn in the palette's quiet text colour
        self.loading_note.hide()
        self.loader = Loader(self)
        self.loader.arrived.connect(self._arrived)
        self.loader.failed.connect(self._failed)
        self._reload_soon = single_shot(self, 0, self.reload)
        self._note_soon = single_shot(self, NOTE_AFTER_MS, self.loading_note.show)

    def footer(self) -> QWidget:
        """The status line with the loading note, for the bottom of the view's layout."""
        footer = QWidget(self)
        row = QHBoxLayout(footer)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.loading_note)
        row.addWidget(self.status, 1)
        return footer

    def refresh(self) -> None:
        """Reload from the journal (soon when visible, else on the next show)."""
        self._stale = True
        if self.isVisible():
            self._reload_soon.start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """Start reading the journal now."""
        self._reload_soon.stop()
        self._stale = False
        self.loader.load(self.fetch())
        if self._shown_once:
            self._note_soon.start()
        else:
            self.loading_note.show()

    def is_loading(self) -> bool:
        """Whether a load is about to start or on its way (what the view shows may be out of date)."""
        return self._reload_soon.isActive() or self.loader.is_loading()

    def fetch(self) -> Callable[[], Any]:
        """What to read: a call that the worker thread runs (each view implements it)."""
        raise NotImplementedError

    def show_data(self, data: Any) -> None:
        """Fill the view with what the call from `fetch()` returned (each view implements it)."""
        raise NotImplementedError

    def _arrived(self, data: object) -> None:
        self._shown_once = True
        try:
            self.show_data(data)  # which may start another load (of the rest, after a first part)
        except Exception as error:  # a bug: one sentence here, the details in the log, no endless "Loading…"
            self.say(sentence_for(error))
        self._loaded()

    def _failed(self, message: str) -> None:
        self.say(message)
        self._loaded()

    def _loaded(self) -> None:
        if not self.loader.is_loading():
            self._note_soon.stop()
            self.loading_note.hide()
            self.loaded.emit()

    def say(self, message: str) -> None:
        """Tell the user what just happened (or why it did not), in the view's status line."""
        self.status.setText(message)


def single_shot(parent: QObject, milliseconds: int, slot: Callable[[], object]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(milliseconds)
    timer.timeout.connect(slot)
    return timer


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
    """Size columns to their contents, none wider than `widest` pixels (a stretching one takes the rest).

    Measured here on the rows in sight and the next FIT_ROWS, with the cells' fonts: Qt's own fitting
    asks each cell's every role through Python, some ten times slower.
    """
    model, header = view.model(), view.horizontalHeader()
    first = max(0, view.rowAt(0))
    rows = range(first, min(model.rowCount(), first + FIT_ROWS + view.viewport().height() // 20))
    padding = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1) + 2
    metrics: dict[str, QFontMetrics] = {"": view.fontMetrics()}
    for column in range(model.columnCount()):
        if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Interactive:
            cells = (model.index(row, column) for row in rows)
            width = max((_text_width(cell, metrics) for cell in cells), default=0) + padding
            header.resizeSection(column, min(max(width, header.sectionSizeHint(column)), widest))


def _text_width(cell: QModelIndex, metrics: dict[str, QFontMetrics]) -> int:
    font = cell.data(Qt.ItemDataRole.FontRole)
    key = "" if font is None else font.key()
    if key not in metrics:
        metrics[key] = QFontMetrics(font)
    return metrics[key].horizontalAdvance(cell.data() or "")


def select_rows(view: QTableView, rows: list[int]) -> None:
    """Select these rows (and no others) in one go: runs of rows become one range each."""
    model, selection = view.model(), QItemSelection()
    last = model.columnCount() - 1
    for first, end in _runs(sorted(rows)):
        selection.select(model.index(first, 0), model.index(end, last))
    view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted rows as (first, last) pairs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
