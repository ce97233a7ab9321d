"""The filter panel under the search box: area, valence, mechanism and a date range."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QPushButton, QWidget

from journal.domain.model import EntryFilter, Valence

ANY_DATE = QDate(1900, 1, 1)


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setMinimumDate(ANY_DATE)
    edit.setSpecialValueText("Any")
    edit.setDate(ANY_DATE)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setAccessibleName(name)
    return edit


def _picked_date(edit: QDateEdit) -> date | None:
    return None if edit.date() == ANY_DATE else edit.date().toPython()


class EntryFilters(QWidget):
    """Choosers for the fields of an EntryFilter (all but the text); `changed` after each choice."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.area = self._combo("Filter by area", "All areas")
        self.valence = self._combo("Filter by valence", "Any valence")
        for valence in Valence:
            self.valence.addItem(valence.value.capitalize(), valence.value)
        self.mechanism = self._combo("Filter by mechanism", "Any mechanism")
        self.since = _date_edit("From date")
        self.until = _date_edit("To date")
        self.clear = QPushButton("Clear filters")
        self.clear.setAccessibleName("Clear filters")
        self._lay_out()
        for combo in (self.area, self.valence, self.mechanism):
            combo.currentIndexChanged.connect(self.changed)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self.changed)
        self.clear.clicked.connect(self.reset)

    def _combo(self, name: str, everything: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        combo.setAccessibleName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)
        return combo

    def _lay_out(self) -> None:
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Area", self.area)
        form.addRow("Valence", self.valence)
        form.addRow("Mechanism", self.mechanism)
        dates = QHBoxLayout()
        dates.addWidget(self.since, 1)
        dates.addWidget(self.until, 1)
        form.addRow("From – to", dates)
        form.addRow("", self.clear)

    def set_choices(self, areas: list[str], mechanisms: list[str]) -> None:
        """Offer these areas and mechanisms, keeping what is chosen."""
        for combo, names in ((self.area, areas), (self.mechanism, mechanisms)):
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for name in names:
                combo.addItem(name, name)
            index = combo.findData(chosen) if chosen else 0
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)
            if chosen and index < 0:
                self.changed.emit()

    def reset(self) -> None:
        """Show every entry again."""
        for widget in (self.area, self.valence, self.mechanism, self.since, self.until):
            widget.blockSignals(True)
        for combo in (self.area, self.valence, self.mechanism):
            combo.setCurrentIndex(0)
        self.since.setDate(ANY_DATE)
        self.until.setDate(ANY_DATE)
        for widget in (self.area, self.valence, self.mechanism, self.since, self.until):
            widget.blockSignals(False)
        self.changed.emit()

    def filter_with(self, text: str) -> EntryFilter:
        """The EntryFilter chosen here, with the search text."""
        valence = self.valence.currentData()
        return EntryFilter(since=_picked_date(self.since), until=_picked_date(self.until),
                           area=self.area.currentData(), valence=Valence(valence) if valence else None,
                           mechanism=self.mechanism.currentData(), text=text.strip())

    def active_count(self) -> int:
        """How many filters are set."""
        chosen = self.filter_with("")
        return sum(value is not None for value in (chosen.since, chosen.until, chosen.area,
                                                   chosen.valence, chosen.mechanism))
