"""A Qt table model over the journal's entry summaries, newest first, loaded a page at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from journal.domain.model import EntryFilter, EntrySummary
    from journal.store.repository import Journal

PAGE = 100
EntryIdRole = Qt.ItemDataRole.UserRole + 1
SummaryRole = Qt.ItemDataRole.UserRole + 2
DateRole = Qt.ItemDataRole.UserRole + 3
AreaRole = Qt.ItemDataRole.UserRole + 4
ValenceRole = Qt.ItemDataRole.UserRole + 5
COLUMNS = ("Title", "Date", "Area", "Valence")
UNTITLED = "Untitled entry"
Index = QModelIndex | QPersistentModelIndex


def display_title(summary: EntrySummary) -> str:
    """The title as the list shows it."""
    return summary.title.strip() or UNTITLED


def _display(summary: EntrySummary, column: int) -> str:
    return (display_title(summary), summary.occurred_on.isoformat(), summary.area,
            summary.valence.value)[column]


class EntryListModel(QAbstractTableModel):
    """Rows of EntrySummary for the current filter; more rows are fetched as the view scrolls."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._journal: Journal | None = None
        self._filter: EntryFilter | None = None  # None: every entry
        self._rows: list[EntrySummary] = []
        self._total = 0

    # -- loading ------------------------------------------------------------------------------

    def set_journal(self, journal: Journal | None) -> None:
        """Show the entries of `journal` (None: nothing)."""
        self._journal = journal
        self.refresh(keep_loaded=False)

    def show_preview(self, rows: list[EntrySummary]) -> None:
        """Show rows read before the journal is open; opening it replaces them (the same rows)."""
        if self._journal is not None:
            return
        self.beginResetModel()
        self._rows, self._total = list(rows), len(rows)
        self.endResetModel()

    def is_preview(self) -> bool:
        """Whether the rows are a preview (no journal open yet)."""
        return self._journal is None and bool(self._rows)

    def set_filter(self, entry_filter: EntryFilter) -> None:
        """Show only the entries matching `entry_filter`."""
        self._filter = entry_filter
        self.refresh(keep_loaded=False)

    def entry_filter(self) -> EntryFilter:
        """The filter the rows match."""
        from journal.domain.model import EntryFilter

        return self._filter or EntryFilter()

    def refresh(self, keep_loaded: bool = True) -> None:
        """Read the rows again (after the journal changed), keeping as many rows loaded as before."""
        wanted = max(PAGE, len(self._rows)) if keep_loaded else PAGE
        rows, total = self._query(wanted, 0), self._count()
        if [r.id for r in rows] == [r.id for r in self._rows]:
            self._rows, self._total = rows, total
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(COLUMNS) - 1))
            return
        self.beginResetModel()
        self._rows, self._total = rows, total
        self.endResetModel()

    def _query(self, limit: int, offset: int) -> list[EntrySummary]:
        if self._journal is None:
            return []
        return self._journal.list_entries(self.entry_filter(), limit=limit, offset=offset)

    def _count(self) -> int:
        return 0 if self._journal is None else self._journal.count_entries(self.entry_filter())

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid():
            return
        more = self._query(PAGE, len(self._rows))
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # -- reading ------------------------------------------------------------------------------

    def total(self) -> int:
        """How many entries match the filter (loaded or not)."""
        return self._total

    def summary(self, row: int) -> EntrySummary:
        """The summary shown in `row`."""
        return self._rows[row]

    def row_of(self, entry_id: str) -> int | None:
        """The row of an entry among the loaded rows, or None."""
        return next((row for row, s in enumerate(self._rows) if s.id == entry_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(COLUMNS)):
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _display(summary, index.column())
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{display_title(summary)}, {summary.occurred_on.isoformat()}"
        return {EntryIdRole: summary.id, SummaryRole: summary, DateRole: summary.occurred_on,
                AreaRole: summary.area, ValenceRole: summary.valence.value}.get(role)
