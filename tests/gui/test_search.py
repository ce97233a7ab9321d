"""Finding entries: live full-text search as you type, and the filters."""

from PySide6.QtCore import QDate

from journal.ui.entry_list_model import SummaryRole


def titles(window):
    model = window.entry_list.model
    return [model.index(row, 0).data(SummaryRole).title for row in range(model.rowCount())]


def test_typing_a_word_from_a_why_answer_finds_the_entry(qtbot, sample_window):
    entry_list = sample_window.entry_list
    assert len(titles(sample_window)) == 9
    qtbot.keyClicks(entry_list.search, "permission")
    qtbot.waitUntil(lambda: titles(sample_window) == ["Every server except the listed ones was shut down"])
    assert entry_list.count.text() == "1 entry"


def test_clearing_the_search_shows_everything_again(qtbot, sample_window):
    search = sample_window.entry_list.search
    qtbot.keyClicks(search, "zzzunfindable")
    qtbot.waitUntil(lambda: titles(sample_window) == [])
    search.clear()
    qtbot.waitUntil(lambda: len(titles(sample_window)) == 9)


def test_filters_by_area_valence_mechanism_and_dates(sample_window):
    entry_list = sample_window.entry_list
    entry_list.filter_button.click()
    filters = entry_list.filters
    filters.area.setCurrentIndex(filters.area.findData("home"))
    assert len(titles(sample_window)) == 3
    filters.reset()
    filters.valence.setCurrentIndex(filters.valence.findData("positive"))
    assert set(titles(sample_window)) == {"Sales pitch to the logistics firm won the contract",
                                          "Quarterly release shipped on time with no incidents"}
    assert entry_list.filter_button.text() == "Filters (1)"
    filters.reset()
    filters.mechanism.setCurrentIndex(filters.mechanism.findData("No alarm on rate of change"))
    expected = {entry.title for entry in sample_window.journal.all_entries()
                if "No alarm on rate of change" in entry.mechanism_names()}
    assert "Every server except the listed ones was shut down" in expected
    assert set(titles(sample_window)) == expected
    filters.reset()
    filters.since.setDate(QDate(2026, 10, 1))
    filters.until.setDate(QDate(2026, 10, 31))
    assert titles(sample_window) == ["Sales pitch to the logistics firm won the contract",
                                     "The kid stayed up until 23:10 on a school night"]


def test_choosing_an_entry_in_the_list_opens_it(sample_window):
    entry_list = sample_window.entry_list
    row = titles(sample_window).index("Grant pitch rejected at the first round")
    entry_list.view.setCurrentIndex(entry_list.model.index(row, 0))
    assert sample_window.editor.outcome.title_edit.text() == "Grant pitch rejected at the first round"
