"""The filter row of the Charts view: date range, area and valence, read as an EntryFilter."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from journal.domain.model import EntryFilter, Valence

_ANY_DAY = QDate(1900, 1, 1)


class OptionalDateEdit(QDateEdit):
    """A date field whose lowest value reads "any" and means no bound."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(_ANY_DAY)
        self.setSpecialValueText("any")
        self.clear_day()

    def day(self) -> date | None:
        value = self.date()
        return None if value == _ANY_DAY else date(value.year(), value.month(), value.day())

    def set_day(self, day: date | None) -> None:
        self.setDate(_ANY_DAY if day is None else QDate(day.year, day.month, day.day))

    def clear_day(self) -> None:
        self.setDate(_ANY_DAY)


class ChartFilterBar(QWidget):
    """From / to dates, area and valence; `changed` fires whenever one of them does."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.since, self.until = OptionalDateEdit(self), OptionalDateEdit(self)
        self.area = QComboBox(self)
        self.area.addItem("All areas", None)
        self.area.setMinimumContentsLength(10)
        self.valence = QComboBox(self)
        self.valence.addItem("All outcomes", None)
        for valence in Valence:
            self.valence.addItem(valence.value.capitalize(), valence)
        self.reset_button = QPushButton("Reset filters", self)
        self._lay_out()
        self._connect()

    def _lay_out(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for text, widget in (("From", self.since), ("to", self.until), ("Area", self.area),
                             ("Valence", self.valence)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            layout.addWidget(label)
            layout.addWidget(widget)
        layout.addWidget(self.reset_button)

    def _connect(self) -> None:
        self.since.dateChanged.connect(self.changed)
        self.until.dateChanged.connect(self.changed)
        self.area.currentIndexChanged.connect(self.changed)
        self.valence.currentIndexChanged.connect(self.changed)
        self.reset_button.clicked.connect(self.reset)

    def entry_filter(self) -> EntryFilter:
        return EntryFilter(since=self.since.day(), until=self.until.day(), area=self.area.currentData(),
                           valence=self.valence.currentData())

    def set_areas(self, areas: Sequence[str]) -> None:
        """Offer these areas, keeping the chosen one if it is still there (quietly: the caller redraws)."""
        chosen = self.area.currentData()
        self.area.blockSignals(True)
        self.area.clear()
        self.area.addItem("All areas", None)
        for area in areas:
            self.area.addItem(area, area)
        self.area.setCurrentIndex(max(0, self.area.findData(chosen)) if chosen else 0)
        self.area.blockSignals(False)

    def reset(self) -> None:
        """Back to everything, with one `changed` at the end."""
        widgets = (self.since, self.until, self.area, self.valence)
        for widget in widgets:
            widget.blockSignals(True)
        self.since.clear_day()
        self.until.clear_day()
        self.area.setCurrentIndex(0)
        self.valence.setCurrentIndex(0)
        for widget in widgets:
            widget.blockSignals(False)
        self.changed.emit()
