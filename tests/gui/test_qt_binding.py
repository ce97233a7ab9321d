"""The Qt binding itself: PySide6 6.12.0 lost a reference to True on every Python slot call and
aborted the interpreter after a few thousand keystrokes; the pinned version must not."""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    said = Signal(str)


def test_slot_calls_do_not_leak_references_to_true(qtbot):
    emitter = _Emitter()
    heard = []
    emitter.said.connect(heard.append)
    before = sys.getrefcount(True)
    for _ in range(2000):
        emitter.said.emit("x")
    assert len(heard) == 2000
    assert before - sys.getrefcount(True) < 100
