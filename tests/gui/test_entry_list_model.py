"""The entry list model: a well-behaved Qt model, newest first, fetched a page at a time."""

from datetime import date

import pytest

from journal.domain.model import EntryFilter, Valence
from journal.store.repository import Journal
from journal.ui import entry_list_model
from journal.ui.entry_list_model import EntryIdRole, EntryListModel, SummaryRole


@pytest.fixture
def journal(db_path):
    with Journal.open(db_path) as opened:
        for day in range(1, 8):
            opened.create_entry(title=f"Entry {day}", occurred_on=date(2026, 3, day),
                                valence=Valence.POSITIVE if day % 2 else Valence.NEGATIVE, area="home")
        yield opened


def test_the_model_passes_the_qt_model_tester(qtmodeltester, journal):
    model = EntryListModel()
    model.set_journal(journal)
    qtmodeltester.check(model)
    model.set_filter(EntryFilter(valence=Valence.NEGATIVE))
    qtmodeltester.check(model)


def test_rows_are_newest_first_with_their_roles(journal):
    model = EntryListModel()
    model.set_journal(journal)
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == [
        f"Entry {day}" for day in range(7, 0, -1)]
    first = model.index(0, 0)
    assert first.data(SummaryRole).occurred_on == date(2026, 3, 7)
    assert first.data(EntryIdRole) == first.data(SummaryRole).id
    assert model.index(0, 3).data() == "positive"


def test_rows_are_fetched_a_page_at_a_time(monkeypatch, journal):
    monkeypatch.setattr(entry_list_model, "PAGE", 3)
    model = EntryListModel()
    model.set_journal(journal)
    assert (model.rowCount(), model.total(), model.canFetchMore()) == (3, 7, True)
    model.fetchMore()
    model.fetchMore()
    assert (model.rowCount(), model.canFetchMore()) == (7, False)


def test_refresh_keeps_the_loaded_rows_and_shows_new_titles(monkeypatch, journal):
    monkeypatch.setattr(entry_list_model, "PAGE", 3)
    model = EntryListModel()
    model.set_journal(journal)
    model.fetchMore()
    journal.update_entry(model.summary(4).id, title="Renamed")
    model.refresh()
    assert model.rowCount() == 6
    assert model.index(4, 0).data() == "Renamed"


def test_an_empty_title_is_shown_as_untitled(journal):
    journal.create_entry(title="  ", occurred_on=date(2026, 4, 1))
    model = EntryListModel()
    model.set_journal(journal)
    assert model.index(0, 0).data() == "Untitled entry"
