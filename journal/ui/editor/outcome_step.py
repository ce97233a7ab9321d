"""Step 1: the outcome as a measurement: title, when, area, valence, what happened, notes."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from journal.domain.model import Entry, Valence
from journal.ui import look
from journal.ui.editor.step import Change, Lookups, Step

HINT = ("An outcome is a measurement of a moment in time, not a verdict. "
        "Describe what a camera would record: numbers, facts.")


class OutcomeStep(Step):
    """The entry's own fields."""

    title = "Outcome"

    def __init__(self, lookups: Lookups, parent: QWidget | None = None) -> None:
        super().__init__(HINT, lookups, parent)
        self._build()
        self._connect()

    def _build(self) -> None:
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("What happened, in a few words")
        self.title_edit.setFont(look.scaled_font(self.font(), 1.25, bold=True))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.area_combo = QComboBox()
        self.area_combo.setEditable(True)
        self.area_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.area_combo.lineEdit().setPlaceholderText("work, home, …")
        self.valence_combo = QComboBox()
        for valence in Valence:
            self.valence_combo.addItem(valence.value.capitalize(), valence.value)
        self.outcome_edit = QPlainTextEdit()
        self.outcome_edit.setPlaceholderText(
            "For example: the site was down for 47 minutes; 212 of 220 servers stopped.")
        self.outcome_edit.setTabChangesFocus(True)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText("Anything else worth keeping")
        self.notes_edit.setTabChangesFocus(True)
        self.outcome_edit.setMaximumHeight(look.line_height(self.outcome_edit, 12))
        self.notes_edit.setMaximumHeight(look.line_height(self.notes_edit, 6))
        for widget, name in ((self.title_edit, "Title"), (self.date_edit, "When it happened"),
                             (self.area_combo, "Area"), (self.valence_combo, "Valence"),
                             (self.outcome_edit, "Outcome"), (self.notes_edit, "Notes")):
            widget.setAccessibleName(name)
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Title", self.title_edit)
        details = QHBoxLayout()
        details.addWidget(self.date_edit)
        details.addSpacing(self.fontMetrics().averageCharWidth() * 2)
        details.addWidget(_label("Area", self.area_combo))
        details.addWidget(self.area_combo, 1)
        details.addSpacing(self.fontMetrics().averageCharWidth() * 2)
        details.addWidget(_label("Valence", self.valence_combo))
        details.addWidget(self.valence_combo)
        form.addRow("When", details)
        form.addRow("Outcome", self.outcome_edit)
        form.addRow("Notes", self.notes_edit)
        self.body.addLayout(form)
        self.body.addStretch(1)

    def _connect(self) -> None:
        self.title_edit.textChanged.connect(lambda text: self.edit(lambda e: replace(e, title=text)))
        self.date_edit.dateChanged.connect(
            lambda value: self.edit(lambda e: replace(e, occurred_on=value.toPython())))
        self.area_combo.currentTextChanged.connect(
            lambda text: self.edit(lambda e: replace(e, area=text.strip())))
        self.valence_combo.currentIndexChanged.connect(self._valence_chosen)
        self.outcome_edit.textChanged.connect(lambda: self._plain_edited("outcome", self.outcome_edit))
        self.notes_edit.textChanged.connect(lambda: self._plain_edited("notes", self.notes_edit))

    def _plain_edited(self, name: str, edit: QPlainTextEdit) -> None:
        text = edit.toPlainText()
        self.edit(lambda e: replace(e, **{name: text}))

    def _valence_chosen(self, index: int) -> None:
        valence = Valence(self.valence_combo.itemData(index))
        self.edit(lambda e: replace(e, valence=valence), Change.CHOICE)

    def fill(self, entry: Entry) -> None:
        _set_text(self.title_edit, entry.title)
        self.date_edit.setDate(QDate(entry.occurred_on))
        self._fill_areas(entry.area)
        self.valence_combo.setCurrentIndex(self.valence_combo.findData(entry.valence.value))
        _set_plain(self.outcome_edit, entry.outcome)
        _set_plain(self.notes_edit, entry.notes)

    def _fill_areas(self, area: str) -> None:
        suggestions = [name for name in self.lookups.areas() if name != area]
        self.area_combo.clear()
        self.area_combo.addItems([area, *suggestions] if area else suggestions)
        self.area_combo.setEditText(area)

    def focus_first(self) -> None:
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.title_edit.selectAll()


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def _set_text(edit: QLineEdit, text: str) -> None:
    if edit.text() != text:
        edit.setText(text)


def _set_plain(edit: QPlainTextEdit, text: str) -> None:
    if edit.toPlainText() != text:
        edit.setPlainText(text)
