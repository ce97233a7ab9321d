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
    """
    return []
