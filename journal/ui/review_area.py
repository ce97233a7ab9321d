"""The review tabs beside the journal: each view built when first shown, refreshed when looked at."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from journal.ui.lazy_widget import LazyWidget

if TYPE_CHECKING:
    from journal.store.repository import Journal


class ReviewArea(QObject):
    """Adds the review views as tabs after the first one; a built view refreshes when shown after a change."""

    entry_requested = Signal(str)

    def __init__(self, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self._tabs = tabs
        self._pages: list[LazyWidget] = []
        self._stale: set[LazyWidget] = set()
        tabs.currentChanged.connect(self._on_tab)

    def set_journal(self, journal: Journal | None) -> None:
        """Replace the review tabs by those of `journal` (their views are built when first shown)."""
        for page in self._pages:
            self._tabs.removeTab(self._tabs.indexOf(page))
            page.deleteLater()
        self._pages, self._stale = [], set()
        if journal is None:
            return
        from journal.ui.review import review_view_builders

        for title, build in review_view_builders(journal):
            page = LazyWidget(partial(self._build_view, build))
            self._tabs.addTab(page, title)
            self._pages.append(page)

    def _build_view(self, build: Callable[[], QWidget]) -> QWidget:
        view = build()
        signal = getattr(view, "entry_requested", None)
        if signal is not None:
            signal.connect(self.entry_requested)
        return view

    def views(self) -> list[QWidget]:
        """The review views built so far (each when its tab was first shown), in tab order."""
        return [view for view in (page.built() for page in self._pages) if view is not None]

    def journal_changed(self) -> None:
        """Refresh the view on show, the other built ones when they are next shown (the rest read the
        journal when they are built)."""
        self._stale = {page for page in self._pages if page.built() is not None}
        self._on_tab(self._tabs.currentIndex())

    def _on_tab(self, index: int) -> None:
        page = self._tabs.widget(index)
        if page in self._stale:
            self._stale.discard(page)
            page.built().refresh()
