"""Guidance findings under an answer, shown gently while typing: small muted notes, never a dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from journal.ui.editor.step import clear_layout
from journal.ui.hint_label import HintLabel

CHECK_DELAY_MS = 250


def check_answer(answer: str, question: str, parent_answer: str, title: str) -> list[Any]:
    """The guidance findings for an answer; none while the guidance module is not installed."""
    try:
        from journal.domain import guidance
    except ImportError:
        return []
    return list(guidance.check_answer(answer, question=question, parent_answer=parent_answer, title=title))


class FindingsView(QWidget):
    """Lists the findings for the answer being typed, a moment after the typing pauses."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._texts: tuple[str, str, str, str] = ("", "", "", "")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self._check)
        self.messages: list[str] = []
        self.setAccessibleName("Guidance on this answer")
        self.setVisible(False)

    def check_soon(self, answer: str, question: str, parent_answer: str, title: str) -> None:
        """Check the answer once the typing pauses."""
        self._texts = (answer, question, parent_answer, title)
        self._timer.start()

    def check_now(self, answer: str, question: str, parent_answer: str, title: str) -> None:
        """Check the answer now."""
        self._texts = (answer, question, parent_answer, title)
        self._check()

    def _check(self) -> None:
        self._timer.stop()
        answer = self._texts[0]
        findings = check_answer(*self._texts) if answer.strip() else []
        self._show([finding.message for finding in findings])

    def _show(self, messages: list[str]) -> None:
        if messages == self.messages:
            return
        self.messages = messages
        clear_layout(self._layout)
        for message in messages:
            self._layout.addWidget(HintLabel(message))
        self.setVisible(bool(messages))
