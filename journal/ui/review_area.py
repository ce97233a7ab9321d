"""The review tabs beside the journal: built from the review package, refreshed when looked at."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

if TYPE_CHECKING:
    from journal.store.repository import Journal


class ReviewArea(QObject):
    """Adds the review views as tabs after the first one; a view refreshes when shown after a change."""

    entry_requested = Signal(str)

    def __init__(self, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self._tabs = tabs
        self._views: list[QWidget] = []
        self._stale: set[int] = set()
        tabs.currentChanged.connect(self._on_tab)

    def set_journal(self, journal: Journal | None) -> None:
        """Replace the review views by those of `journal`."""
        for view in self._views:
            self._tabs.removeTab(self._tabs.indexOf(view))
            view.deleteLater()
        self._views, self._stale = [], set()
        if journal is None:
            return
        from journal.ui.review import build_review_views

        for title, view in build_review_views(journal):
            self._tabs.addTab(view, title)
            self._views.append(view)
            signal = getattr(view, "entry_requested", None)
            if signal is not None:
                signal.connect(self.entry_requested)

    def views(self) -> list[QWidget]:
        """The review views, in tab order."""
        return list(self._views)

    def journal_changed(self) -> None:
        """Refresh the view on show; the others when they are next shown."""
        self._stale = set(range(len(self._views)))
        self._on_tab(self._tabs.currentIndex())

    def _on_tab(self, index: int) -> None:
        view = self._tabs.widget(index)
        if view in self._views and self._views.index(view) in self._stale:
            self._stale.discard(self._views.index(view))
            view.refresh()
