"""Background loads of the review views: the newest result wins, failures are said, views may go first."""

import threading

from journal.store.errors import JournalError
from journal.ui.review.actions_view import ActionsView
from journal.ui.review.base import LOADING
from journal.ui.review.loader import Loader, wait_for_loads


def test_a_newer_load_makes_an_older_result_be_ignored(qtbot):
    loader = Loader()
    arrived = []
    loader.arrived.connect(arrived.append)
    release = threading.Event()
    loader.load(lambda: release.wait(5) and "old")  # still reading when the newer load starts
    loader.load(lambda: "new")
    qtbot.waitUntil(lambda: arrived == ["new"])
    assert not loader.is_loading()
    release.set()
    wait_for_loads()
    qtbot.wait(20)  # the old result, delivered now, must be dropped
    assert arrived == ["new"] and not loader.is_loading()


def test_a_failed_load_says_why_in_one_sentence(qtbot):
    loader = Loader()

    def refuse():
        raise JournalError("The journal is locked by another program.")

    with qtbot.waitSignal(loader.failed) as failed:
        loader.load(refuse)
    assert failed.args == ["The journal is locked by another program."] and not loader.is_loading()


def test_a_view_closed_while_it_loads_is_left_alone(sample, qtbot):
    view = ActionsView(sample)
    release = threading.Event()
    view.fetch = lambda: (lambda: release.wait(5) and [])  # a slow first page
    view.show()
    assert view.is_loading()
    view.close()
    view.deleteLater()
    qtbot.waitUntil(lambda: not _alive(view))
    release.set()
    wait_for_loads()  # the thread ends normally; its result goes nowhere
    qtbot.wait(20)


def _alive(widget) -> bool:
    from shiboken6 import isValid

    return isValid(widget)


def test_several_refreshes_at_once_make_one_load(sample, shown, settle, monkeypatch):
    view = shown(ActionsView(sample))
    fetched = []
    original = view.fetch
    monkeypatch.setattr(view, "fetch", lambda: fetched.append(1) or original())
    for _ in range(5):
        view.refresh()  # as five writes in a row would
    settle(view)
    assert fetched == [1] and view.model.rowCount() == 14


def test_the_first_load_says_it_is_loading(sample, qtbot, settle):
    view = ActionsView(sample)
    qtbot.addWidget(view)
    release = threading.Event()
    original = view.fetch

    def slow():
        read = original()
        return lambda: release.wait(5) and read()

    view.fetch = slow
    view.show()
    qtbot.waitExposed(view)
    assert view.loading_note.isVisible() and view.loading_note.text() == LOADING
    buttons = (view.done_button, view.dropped_button, view.reopen_button)
    assert not any(button.isEnabled() for button in buttons)
    view.fetch = original
    release.set()
    settle(view)
    assert not view.loading_note.isVisible() and view.model.rowCount() == 14


def test_a_view_that_fails_to_show_its_data_says_so_and_stops_loading(sample, shown, settle, monkeypatch):
    def broken(data):
        raise KeyError("a bug in showing")

    monkeypatch.setattr(ActionsView, "show_data", lambda self, data: broken(data))
    view = shown(ActionsView(sample))
    settle(view)
    assert not view.loading_note.isVisible() and not view.is_loading()
    assert view.status.text() == (
        "Something unexpected went wrong ('a bug in showing'); the journal was not changed.")
