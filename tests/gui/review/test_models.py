"""The review table model sorts and filters as the QSortFilterProxyModel it replaced, and keeps selections."""

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

from journal.store import review_queries as queries
from journal.store.repository import Journal
from journal.ui.review.actions_view import ActionsView
from journal.ui.review.models import ROW_ROLE, SORT_ROLE, RowTableModel
from tests.benchmarks.generated_journal import generated_entries

TODAY = date(2023, 6, 15)
ASCENDING, DESCENDING = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    entries, mechanisms = generated_entries(60, 12, whys_per_entry=4)
    with Journal.open(tmp_path_factory.mktemp("models") / "j.sqlite", before_migration=None) as journal:
        journal.import_entries(entries, mechanisms)
        yield journal


@pytest.fixture
def actions(generated, qtbot, monkeypatch):
    """An Actions view's columns and its rows, with the view's notion of today and of Status order."""
    monkeypatch.setattr(ActionsView, "clock", staticmethod(lambda: TODAY))
    view = ActionsView(generated)
    qtbot.addWidget(view)
    items = queries.all_actions(generated, TODAY)
    view.today, view._positions = TODAY, {item.id: n for n, item in enumerate(items)}
    return view, items


def old_way(columns, items):
    """What the views used before: a plain source model under a QSortFilterProxyModel on SORT_ROLE."""
    source = RowTableModel(columns)
    source.set_rows(items)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(source)
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.rowCount()  # as a view would: the proxy maps its columns before it can sort them
    return source, proxy


def shown(model) -> list:
    return [model.index(row, 0).data(ROW_ROLE).id for row in range(model.rowCount())]


def test_each_column_sorts_both_ways_as_the_proxy_did(actions, qtmodeltester):
    view, items = actions
    _source, proxy = old_way(view.model.columns, items)
    model = RowTableModel(view.model.columns)
    model.set_rows(items)
    for column in range(len(model.columns)):
        for order in (ASCENDING, DESCENDING):
            proxy.sort(column, order)
            model.sort(column, order)
            assert shown(model) == shown(proxy), (model.columns[column].header, order)
    qtmodeltester.check(model)


@pytest.mark.parametrize("text", ["fix", "FOR CASE 00", "overdue", "2021-0", "open", "no such words", ""])
def test_the_filter_keeps_the_rows_the_proxy_kept(actions, text):
    view, items = actions
    _source, proxy = old_way(view.model.columns, items)
    model = RowTableModel(view.model.columns)
    model.set_rows(items)
    proxy.sort(2, DESCENDING)
    model.sort(2, DESCENDING)
    proxy.setFilterFixedString(text)
    model.set_filter(text)
    assert shown(model) == shown(proxy)


def test_sorting_and_filtering_keep_the_selection(actions, qtbot):
    view, items = actions
    table = QTableView()
    qtbot.addWidget(table)
    model = RowTableModel(view.model.columns)
    model.set_rows(items)
    table.setModel(model)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    chosen = {items[3].id, items[10].id}
    for row in model.rows_where(lambda item: item.id in chosen):
        table.selectionModel().select(model.index(row, 0), table.selectionModel().SelectionFlag.Select
                                      | table.selectionModel().SelectionFlag.Rows)

    def selected() -> set[str]:
        return {index.data(ROW_ROLE).id for index in table.selectionModel().selectedRows()}

    model.sort(0, DESCENDING)
    assert selected() == chosen
    model.set_filter(items[3].text)
    assert selected() == {items[3].id} | ({items[10].id} if items[3].text in items[10].text else set())
    model.set_filter("")
    assert items[3].id in selected()


def test_rows_replaced_in_place_keep_their_place_until_the_next_sort(actions, qtbot):
    view, items = actions
    model = RowTableModel(view.model.columns)
    model.set_rows(items)
    model.sort(1, ASCENDING)
    first = model.row_at(0)
    with qtbot.waitSignal(model.dataChanged):
        model.replace_rows({0: replace(first, text="Renamed action")})
    assert model.row_at(0).text == "Renamed action" and model.index(0, 0).data() == "Renamed action"
