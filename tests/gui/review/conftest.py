"""The sample journal for the review view tests, and a helper to show a view offscreen."""

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


@pytest.fixture
def shown(qtbot):
    """Show a view at a desktop size and wait until it is exposed (which loads it)."""
    def show(view, width=1100, height=760):
        qtbot.addWidget(view)
        view.resize(width, height)
        view.show()
        qtbot.waitExposed(view)
        return view
    return show
