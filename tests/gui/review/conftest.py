"""The sample journal for the review view tests, and helpers to show a view offscreen and let it load."""

import pytest

from journal import paths
from journal.exchange.files import read_document
from journal.store.repository import Journal
from journal.ui.review.loader import wait_for_loads


@pytest.fixture
def sample(db_path):
    document = read_document(paths.SAMPLE_JOURNAL)
    with Journal.open(db_path) as journal:
        journal.import_entries(document.entries, document.mechanisms)
        yield journal
        wait_for_loads()  # no view still reading it when it closes


@pytest.fixture
def settle(qtbot):
    """Wait until a view has shown what its latest load read (views read on a worker thread)."""
    def wait(view):
        qtbot.waitUntil(lambda: not view.is_loading())
        return view
    return wait


@pytest.fixture
def shown(qtbot, settle):
    """Show a view at a desktop size, wait until it is exposed (which loads it) and has loaded."""
    def show(view, width=1100, height=760):
        qtbot.addWidget(view)
        view.resize(width, height)
        view.show()
        qtbot.waitExposed(view)
        return settle(view)
    return show
