"""The review views (Charts, Mechanisms, Actions, Guidelines) that the main window shows as tabs."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QWidget

    from journal.store.repository import Journal


def review_view_builders(journal: Journal) -> list[tuple[str, Callable[[], QWidget]]]:
    """(tab title, function building the view) pairs for the main window's review area, in tab order.

    Each view has `refresh()` (called after the journal changes) and a Signal
    `entry_requested(str)` carrying the id of an entry the user wants to open.
    A view's module is imported when the view is built; a view reads the journal when it is first
    shown, and on refresh only while it is shown; matplotlib is imported when the Charts view is
    first shown.
    """
    return [("Charts", partial(_charts, journal)), ("Mechanisms", partial(_mechanisms, journal)),
            ("Actions", partial(_actions, journal)), ("Guidelines", partial(_guidelines, journal))]


def warm_up_charts(then: Callable[[], object], parent: QObject) -> None:
    """Import matplotlib and the chart builders on a worker thread, ahead of the Charts tab.

    The first look at Charts otherwise waits about half a second for that import (off the UI
    thread, but before the first chart). Call it once the window is idle after a journal opened.
    `then` is called on the UI thread once the import is done (not if it failed; `parent` keeps the
    wait alive).
    """
    from journal.ui.review.chart_render import warm_up
    from journal.ui.review.loader import Loader

    loader = Loader(parent)
    loader.arrived.connect(lambda _nothing: (loader.deleteLater(), then()))
    loader.failed.connect(lambda _sentence: loader.deleteLater())
    loader.load(warm_up)


def build_review_views(journal: Journal) -> list[tuple[str, QWidget]]:
    """(tab title, view) pairs, every view built now, in tab order."""
    return [(title, build()) for title, build in review_view_builders(journal)]


def _charts(journal: Journal) -> QWidget:
    from journal.ui.review.charts_view import ChartsView

    return ChartsView(journal)


def _mechanisms(journal: Journal) -> QWidget:
    from journal.ui.review.mechanisms_view import MechanismsView

    return MechanismsView(journal)


def _actions(journal: Journal) -> QWidget:
    from journal.ui.review.actions_view import ActionsView

    return ActionsView(journal)


def _guidelines(journal: Journal) -> QWidget:
    from journal.ui.review.guidelines_view import GuidelinesView

    return GuidelinesView(journal)
