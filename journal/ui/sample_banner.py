"""A quiet banner on an empty journal offering the sample entries; never in the way."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QWidget

from journal.ui import look
from journal.ui.editor.step import tool_button

TEXT = ("Your journal is empty. Add the sample entries to see how a why-tree grows from an outcome "
        "to its mechanisms, or record an outcome of your own.")


class SampleBanner(QFrame):
    """`add_samples` or `new_entry` when a button is clicked; hides itself when dismissed."""

    add_samples = Signal()
    new_entry = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        look.make_banner(self)
        text = QLabel(TEXT)
        text.setWordWrap(True)
        self.add_button = QPushButton("Add sample entries")
        self.add_button.setAccessibleName("Add sample entries")
        self.new_button = QPushButton("New entry")
        self.new_button.setAccessibleName("Start with a new entry")
        close = tool_button(QStyle.StandardPixmap.SP_TitleBarCloseButton, "Dismiss")
        layout = QHBoxLayout(self)
        layout.addWidget(text, 1)
        layout.addWidget(self.add_button)
        layout.addWidget(self.new_button)
        layout.addWidget(close)
        self.add_button.clicked.connect(self.add_samples)
        self.new_button.clicked.connect(self.new_entry)
        close.clicked.connect(self.hide)
        self.setAccessibleName("Sample journal offer")
