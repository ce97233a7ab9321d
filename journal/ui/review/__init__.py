"""The review views (Charts, Mechanisms, Actions, Guidelines) that the main window shows as tabs."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from journal.store.repository import Journal


def build_review_views(journal: Journal) -> list[tuple[str, QWidget]]:
    """(tab title, view) pairs for the main window's review area, in tab order.

    Each view has `refresh()` (called after the journal changes) and a Signal
    `entry_requested(str)` carrying the id of an entry the user wants to open.
    A view reads the journal when it is first shown, and on refresh only while it is shown;
    matplotlib is imported when the Charts view is first shown.
    """
    from journal.ui.review.actions_view import ActionsView
    from journal.ui.review.charts_view import ChartsView
    from journal.ui.review.guidelines_view import GuidelinesView
    from journal.ui.review.mechanisms_view import MechanismsView

    return [("Charts", ChartsView(journal)), ("Mechanisms", MechanismsView(journal)),
            ("Actions", ActionsView(journal)), ("Guidelines", GuidelinesView(journal))]
