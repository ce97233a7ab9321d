"""One slow call (a damage check, a backup, an export) on a worker thread; its result comes back by signal.

The worker is a plain Python thread that never touches Qt; a timer on the UI thread picks its result
up. (A QObject living on a QThread is destroyed on that thread when it ends; Qt then holds its
signal-slot lock while PySide waits for the GIL, and a UI thread holding the GIL that asks for that
lock, as connect() does, waits for ever: the window froze, about once in fifty test runs.)
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from journal.exchange.errors import ExchangeError
from journal.store.errors import JournalError

UNEXPECTED = "Something unexpected went wrong ({error}); the journal was not changed."
POLL_MS = 15  # how often the UI thread looks for the result while a call runs


class BackgroundCall(QObject):
    """`call()` on its own thread: `done(result)` or `failed(sentence)` arrive on the UI thread."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, call: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._call = call
        self._thread: threading.Thread | None = None
        self._outcome: tuple[bool, Any] | None = None  # (succeeded, result or sentence), set by the worker
        self._delivered = False
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._look)

    def start(self) -> None:
        """Begin the call in the background."""
        self._thread = threading.Thread(target=self._run, name="background-call", daemon=True)
        self._thread.start()
        self._poll.start()

    def running(self) -> bool:
        """Whether the call has started and its result has not been delivered yet."""
        return self._thread is not None and not self._delivered

    def wait(self) -> None:
        """Block until the call has ended (before closing or replacing the journal it reads)."""
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        """On the worker thread: run the call and keep its outcome (no Qt here)."""
        try:
            self._outcome = (True, self._call())
        except Exception as error:
            self._outcome = (False, sentence_for(error))

    def _look(self) -> None:
        """On the UI thread: pass on what the call has reported so far, and its outcome once there."""
        outcome = self._outcome  # read first: what the call reported before ending is then all noted
        self._report()
        if outcome is None:
            return
        self._poll.stop()
        self._delivered = True
        succeeded, value = outcome
        (self.done if succeeded else self.failed).emit(value)

    def _report(self) -> None:
        """Hook for calls that report progress while they run (see ExportJob)."""


def sentence_for(error: BaseException) -> str:
    """What to tell the user about a call that failed: the journal's own sentence, or one for a bug.

    A bug's details go to the log; the user gets one sentence saying the journal was not changed.
    """
    if isinstance(error, (JournalError, ExchangeError)):
        return str(error)
    logging.getLogger(__name__).error("background call failed", exc_info=error)
    return UNEXPECTED.format(error=error)


def import_in_background(*modules: str) -> threading.Thread:
    """Import `modules` on a worker thread now, so that the UI thread finds them loaded later.

    For start-up, while the UI thread only waits: the store and the guidance rules take ~0.7 s to
    import, mostly pure Python, which would otherwise freeze the window that already shows the
    newest entries. Only modules that create no QObject when imported belong here. A module that
    fails to import here fails again, and is reported, where it is really used. Join the thread
    before that use: a UI thread importing a module still loading here waits for it, frozen.
    """
    thread = threading.Thread(target=_import_all, args=(modules,), name="import-ahead", daemon=True)
    thread.start()
    return thread


def _import_all(modules: tuple[str, ...]) -> None:
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - the import that counts is the UI thread's own
            logging.getLogger(__name__).debug("importing %s ahead failed", name, exc_info=True)
