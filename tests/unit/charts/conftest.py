"""Journals for the chart tests: the sample journal (the generated `fifty` is in tests/conftest.py)."""

import pytest

from journal import paths
from journal.exchange.files import read_document
from journal.store.repository import Journal


@pytest.fixture
def sample(db_path):
    document = read_document(paths.SAMPLE_JOURNAL)
    with Journal.open(db_path) as journal:
        journal.import_entries(document.entries, document.mechanisms)
        yield journal
