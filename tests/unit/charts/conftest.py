"""Journals for the chart tests: the sample journal and a generated one with 50 mechanisms."""

import pytest

from journal import paths
from journal.exchange.files import read_document
from journal.store.repository import Journal
from tests.benchmarks.generated_journal import generated_entries


@pytest.fixture
def sample(db_path):
    document = read_document(paths.SAMPLE_JOURNAL)
    with Journal.open(db_path) as journal:
        journal.import_entries(document.entries, document.mechanisms)
        yield journal


@pytest.fixture(scope="module")
def fifty(tmp_path_factory):
    """300 entries over 50 mechanisms, some of them 60 characters long."""
    entries, mechanisms = generated_entries(300, 50, whys_per_entry=4)
    with Journal.open(tmp_path_factory.mktemp("fifty") / "fifty.sqlite") as journal:
        journal.import_entries(entries, mechanisms)
        yield journal
