"""Counts are written as the user's locale writes numbers: 1,200 entries in English, 1.200 in German."""

import pytest
from PySide6.QtCore import QLocale

from journal.store.repository import Journal
from journal.ui import look
from tests.benchmarks.generated_journal import generated_entries
from tests.gui.conftest import make_window


@pytest.fixture
def locale():
    """Set the application's default locale for one test."""
    before = QLocale()
    yield lambda name: QLocale.setDefault(QLocale(name))
    QLocale.setDefault(before)


@pytest.mark.parametrize(("name", "expected"), [("en_US", "12,345 entries"), ("de_DE", "12.345 entries"),
                                                ("C", "12345 entries")])
def test_a_count_is_grouped_as_the_locale_groups_digits(locale, name, expected):
    locale(name)
    assert look.count_of(12345, "entry", "entries") == expected
    assert look.count_of(1, "entry", "entries") == "1 entry"


def test_the_entry_list_counts_a_big_journal_with_grouped_digits(qtbot, db_path, locale):
    entries, mechanisms = generated_entries(1200, 20, whys_per_entry=1)
    with Journal.open(db_path) as journal:
        journal.import_entries(entries, mechanisms)
    locale("en_US")
    window = make_window(qtbot, db_path)
    qtbot.waitUntil(lambda: window.entry_list.count.text() == "1,200 entries")
