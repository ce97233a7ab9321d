"""Signals to Python slots must not wear away Python's True (a PySide6 6.12.0 bug)."""

import sys

from PySide6.QtCore import QObject, Signal

from journal.ui import pyside_guard


class Sender(QObject):
    fired = Signal(object)


def test_many_signals_leave_true_with_a_safe_reference_count():
    pyside_guard.top_up()
    sender = Sender()
    calls = []
    sender.fired.connect(calls.append)
    for number in range(20_000):
        sender.fired.emit(number)
    assert len(calls) == 20_000
    assert sys.getrefcount(True) > 1000
    pyside_guard.top_up()
    assert not pyside_guard.affected() or sys.getrefcount(True) >= pyside_guard.RESERVE
