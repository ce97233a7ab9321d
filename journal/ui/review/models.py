"""Qt table models over plain review rows: columns say how a row shows, sorts and is highlighted."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex
_SEPARATOR = "\n"  # between the columns of a row's search text: a filter box cannot hold one


@dataclass(frozen=True)
class Column:
    """One column: its header, the text of a row, and optionally a sort key and a tooltip."""

    header: str
    text: Callable[[Any], str]
    sort_key: Callable[[Any], Any] | None = None
    tooltip: Callable[[Any], str] | None = None
    align_right: bool = False


def search_texts(columns: Sequence[Column], rows: Sequence[Any]) -> list[str]:
    """What the filter looks in, per row: every column's text, case-folded (plain Python: a worker
    thread may compute it with the rows)."""
    return [_SEPARATOR.join(column.text(row) for column in columns).casefold() for row in rows]


def sort_keys(column: Column, rows: Sequence[Any]) -> list[Any]:
    """The keys a column sorts these rows by (plain Python, like search_texts)."""
    key = column.sort_key or column.text
    return [_sortable(key(row)) for row in rows]


class RowTableModel(QAbstractTableModel):
    """A read-only table over a list of plain rows, sorted and filtered by the model itself.

    `decorate(row, column, role)` adds colours and fonts. Sorting and filtering run in Python over
    keys computed once per row: a QSortFilterProxyModel would call data() back through Python for
    every comparison, which takes seconds on tens of thousands of rows. Both keep the selection.
    """

    def __init__(self, columns: Sequence[Column],
                 decorate: Callable[[Any, int, int], Any] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._rows: list[Any] = []
        self._sorted: list[int] = []  # positions in _rows, every row, in the sorted order
        self._shown: list[int] = []  # ...those the filter lets through: the table's rows
        self._order: tuple[int, Qt.SortOrder] | None = None
        self._needle = ""
        self._texts: list[str] | None = None
        self._keys: dict[int, list[Any]] = {}
        self._decorate = decorate or (lambda _row, _column, _role: None)

    # -- contents -----------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Any], texts: Sequence[str] | None = None,
                 keys: Mapping[int, Sequence[Any]] | None = None) -> None:
        """Show these rows, sorted and filtered as before. For many rows a worker thread can make their
        filter `texts` (search_texts) and the `keys` of some columns (sort_keys): else the UI thread
        makes them when they are first needed."""
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = list(texts) if texts is not None else None
        self._keys = {column: list(column_keys) for column, column_keys in (keys or {}).items()}
        self._sorted = self._sorted_from(list(range(len(self._rows))))
        self._shown = self._filtered()
        self.endResetModel()

    def replace_rows(self, new_rows: Mapping[int, Any]) -> None:
        """Swap the rows at these table rows for new ones, in place: they move at the next sort."""
        for row, new in new_rows.items():
            position = self._shown[row]
            self._rows[position] = new
            if self._texts is not None:
                self._texts[position] = search_texts(self.columns, [new])[0]
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        if new_rows:
            self._keys = {}

    def rows(self) -> list[Any]:
        """Every row, whether the filter shows it or not, in the order given."""
        return list(self._rows)

    def is_empty(self) -> bool:
        """Whether there are no rows at all (shown or filtered out)."""
        return not self._rows

    def shown_rows(self) -> list[Any]:
        """The rows the table shows, in its order."""
        return [self._rows[position] for position in self._shown]

    def row_at(self, row: int) -> Any:
        return self._rows[self._shown[row]]

    def table_rows(self, positions: Iterable[int]) -> list[int]:
        """Where the rows at these positions of the list given to set_rows are in the table (if shown)."""
        row_of = {position: row for row, position in enumerate(self._shown)}
        return [row_of[position] for position in positions if position in row_of]

    def rows_where(self, wanted: Callable[[Any], bool]) -> list[int]:
        """The table rows (in the shown order) whose row satisfies `wanted`."""
        rows = self._rows
        return [row for row, position in enumerate(self._shown) if wanted(rows[position])]

    # -- sorting and filtering ----------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column's key. Stable, as QSortFilterProxyModel is: rows with equal keys keep the
        order they had (so sorting by one column, then another, orders by both)."""
        self._order = (column, order) if 0 <= column < len(self.columns) else None
        self._sorted = self._sorted_from(self._sorted)
        self._rearrange()

    def set_filter(self, text: str) -> None:
        """Show only rows with `text` in some column, ignoring case ("" shows all)."""
        needle = text.casefold()
        if needle != self._needle:
            self._needle = needle
            self._rearrange()

    def _sorted_from(self, order: list[int]) -> list[int]:
        if self._order is not None:
            column, direction = self._order
            order.sort(key=self._sort_keys(column).__getitem__,
                       reverse=direction == Qt.SortOrder.DescendingOrder)
        return order

    def _filtered(self) -> list[int]:
        if not self._needle:
            return list(self._sorted)
        if self._texts is None:
            self._texts = search_texts(self.columns, self._rows)
        texts, needle = self._texts, self._needle
        return [position for position in self._sorted if needle in texts[position]]

    def _sort_keys(self, column: int) -> list[Any]:
        if column not in self._keys:
            self._keys[column] = sort_keys(self.columns[column], self._rows)
        return self._keys[column]

    def _rearrange(self) -> None:
        """Re-sort and re-filter, moving persistent indexes (the selection, the current row) along."""
        self.layoutAboutToBeChanged.emit()
        before = self._shown
        self._shown = self._filtered()
        persistent = self.persistentIndexList()
        if persistent:
            now_at = {position: row for row, position in enumerate(self._shown)}
            moved = [self._moved(index, before, now_at) for index in persistent]
            self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _moved(self, index: QModelIndex, before: list[int], now_at: dict[int, int]) -> QModelIndex:
        row = now_at.get(before[index.row()]) if 0 <= index.row() < len(before) else None
        return QModelIndex() if row is None else self.index(row, index.column())

    # -- Qt's side ----------------------------------------------------------------------------

    def rowCount(self, parent: Index | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        row, column = self._rows[self._shown[index.row()]], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            return _sortable((column.sort_key or column.text)(row))
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return self._decorate(row, index.column(), role)


def _sortable(value: Any) -> Any:
    """One kind of key per column: dates become ordinals, None sorts first, tuples become text keys, and
    text compares ignoring case."""
    if isinstance(value, date):
        return value.toordinal()
    if value is None:
        return -1
    if isinstance(value, tuple):
        value = "\x1f".join(f"{part:012d}" if isinstance(part, int) else str(part) for part in value)
    if isinstance(value, str):
        return value.casefold()
    return value


def day_text(day: date | None) -> str:
    """A date as the tables show it (ISO, so columns line up and sort as read)."""
    return day.isoformat() if day else ""
