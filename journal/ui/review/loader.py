"""Reads for the review views on worker threads: the newest result is shown, older ones are dropped.

The workers are plain Python threads that never touch Qt: a timer on the UI thread picks their results
up, for the reason given in journal.ui.background (no QObject may end its life on a worker thread).
"""

from __future__ import annotations

import concurrent.futures
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from journal.ui.background import sentence_for

WORKERS = 2  # a chart may be drawn while a table loads; more would only share the same two cores
POLL_MS = 10  # how often the UI thread looks for a finished load (only while one is on its way)
SWITCH_INTERVAL_S = 0.001
_pool: concurrent.futures.ThreadPoolExecutor | None = None
_pending: set[concurrent.futures.Future] = set()


def _workers() -> concurrent.futures.ThreadPoolExecutor:
    global _pool  # noqa: PLW0603
    if _pool is None:
        _share_the_gil()
        _pool = concurrent.futures.ThreadPoolExecutor(WORKERS, thread_name_prefix="review-load")
    return _pool


def _share_the_gil() -> None:
    """Let the UI thread back in sooner while a worker runs Python.

    Every call from Qt into Python (a cell's data, a paint) takes the GIL; with Python's default
    5 ms between hand-overs, a busy worker makes each such call wait, and a table's paint of a few
    hundred of them stutters. 1 ms keeps the window's longest stall during a load near half.
    """
    if sys.getswitchinterval() > SWITCH_INTERVAL_S:
        sys.setswitchinterval(SWITCH_INTERVAL_S)


def _submit(call: Callable[[], Any]) -> concurrent.futures.Future:
    future = _workers().submit(call)
    _pending.add(future)
    future.add_done_callback(_pending.discard)
    return future


def wait_for_loads() -> None:
    """Block until every load started so far has ended (before the journal they read goes away)."""
    concurrent.futures.wait(list(_pending))


class Loader(QObject):
    """Runs `load(call)` calls in the background, one result at a time.

    `arrived(result)` or `failed(sentence)` come on the UI thread, for the latest call only: a call
    started before another is cancelled if it has not begun, else left to finish, and what it
    returns is ignored. A call must only read (the journal, plain data) and touch no widget. A call
    may outlive its Loader; its result then goes nowhere.
    """

    arrived = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._latest: concurrent.futures.Future | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._look)

    def load(self, call: Callable[[], Any]) -> None:
        """Start `call` on a worker thread; any earlier call's result will be ignored."""
        if self._latest is not None:
            self._latest.cancel()  # only if it has not started
        self._latest = _submit(call)
        self._poll.start()

    def is_loading(self) -> bool:
        """Whether the latest call has not delivered its result yet."""
        return self._latest is not None

    def _look(self) -> None:
        future = self._latest
        if future is None or not future.done():
            return
        self._latest = None
        self._poll.stop()
        error = future.exception()
        if error is None:
            self.arrived.emit(future.result())
        else:
            self.failed.emit(sentence_for(error))
