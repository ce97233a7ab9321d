"""Reads for the review views on a worker thread: the newest result is shown, older ones are dropped."""

from __future__ import annotations

import atexit
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDeadlineTimer, QObject, Signal

from journal.ui.background import BackgroundCall

SWITCH_INTERVAL_S = 0.001
_RUNNING: set[BackgroundCall] = set()  # kept alive until their thread ends, whatever became of the view
_set_up = False


def _forget_finished() -> None:
    """Let go of the calls whose thread has wholly ended.

    Not merely isFinished(): a thread that is finishing still deletes its worker, which needs the
    GIL, while destroying its QThread waits for it with the GIL held: a deadlock. wait() with no
    time to wait answers only once the thread is done, and lets go of the GIL while it asks.
    """
    for job in [job for job in _RUNNING if job.thread.wait(QDeadlineTimer(0))]:
        _RUNNING.discard(job)


def wait_for_loads() -> None:
    """Block until every load started so far has ended (before the journal they read goes away)."""
    for call in list(_RUNNING):
        call.wait()


def _first_load() -> None:
    """Set up, once, what background loads need: waiting for them at exit, and a fair GIL."""
    global _set_up  # noqa: PLW0603
    if not _set_up:
        _set_up = True
        atexit.register(wait_for_loads)  # a thread still reading when Python shuts down would crash it
        _share_the_gil()


def _share_the_gil() -> None:
    """Let the UI thread back in sooner while a worker runs Python.

    Every call from Qt into Python (a cell's data, a paint) takes the GIL; with Python's default
    5 ms between hand-overs, a busy worker makes each such call wait, and a table's paint of a few
    hundred of them stutters. 1 ms keeps the window's longest stall during a load near half.
    """
    if sys.getswitchinterval() > SWITCH_INTERVAL_S:
        sys.setswitchinterval(SWITCH_INTERVAL_S)


def _new_job(call: Callable[[], object]) -> BackgroundCall:
    _first_load()
    _forget_finished()  # the results of those still on their way are ignored anyway
    job = BackgroundCall(call)  # no parent: its thread must not die with the view that asked
    _RUNNING.add(job)
    return job


def run_in_background(call: Callable[[], object]) -> None:
    """Start `call` on a worker thread and forget it (it must only read, and touch no widget)."""
    _new_job(call).start()


class Loader(QObject):
    """Runs `load(call)` calls in the background, one result at a time.

    `arrived(result)` or `failed(sentence)` come on the UI thread, for the latest call only: a call
    started before another is left to finish, and what it returns is ignored. A call must only read
    (the journal, plain data) and touch no widget. The calls outlive a Loader deleted while they
    run; their results then go nowhere.
    """

    arrived = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._latest: BackgroundCall | None = None
        self._waiting = False

    def load(self, call: Callable[[], Any]) -> None:
        """Start `call` on a worker thread; any earlier call's result will be ignored."""
        job = _new_job(call)
        job.done.connect(self._on_done)
        job.failed.connect(self._on_failed)
        self._latest, self._waiting = job, True
        job.start()

    def is_loading(self) -> bool:
        """Whether the latest call has not delivered its result yet."""
        return self._waiting

    def _on_done(self, result: object) -> None:
        if self._take(self.sender()):
            self.arrived.emit(result)

    def _on_failed(self, message: str) -> None:
        if self._take(self.sender()):
            self.failed.emit(message)

    def _take(self, job: QObject | None) -> bool:
        """Whether `job` is the latest call (which then counts as delivered)."""
        if job is None or job is not self._latest:
            return False
        self._waiting = False
        return True
