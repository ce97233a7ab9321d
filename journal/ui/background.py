"""One slow call (a damage check, a backup) on a worker thread; its result comes back by signal."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from journal.exchange.errors import ExchangeError
from journal.store.errors import JournalError

UNEXPECTED = "Something unexpected went wrong ({error}); the journal was not changed."


class _Worker(QObject):
    """Runs the call on the worker thread; touches no widget."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, call: Callable[[], Any]) -> None:
        super().__init__()
        self._call = call

    @Slot()
    def run(self) -> None:
        try:
            result = self._call()
        except (JournalError, ExchangeError) as error:
            self.failed.emit(str(error))
        except Exception as error:  # a bug: say so in one sentence, keep the details in the log
            logging.getLogger(__name__).exception("background call failed")
            self.failed.emit(UNEXPECTED.format(error=error))
        else:
            self.done.emit(result)


class BackgroundCall(QObject):
    """`call()` on its own QThread: `done(result)` or `failed(sentence)` arrive on the UI thread."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, call: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thread = QThread(self)
        self.worker = _Worker(call)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self._started = self._delivered = False
        self.worker.done.connect(self._deliver_done)
        self.worker.failed.connect(self._deliver_failed)
        for ended in (self.worker.done, self.worker.failed):  # direct: wait() must not need the UI loop
            ended.connect(self.thread.quit, Qt.ConnectionType.DirectConnection)
        self.thread.finished.connect(self.worker.deleteLater)

    def start(self) -> None:
        """Begin the call in the background."""
        self._started = True
        self.thread.start()

    def running(self) -> bool:
        """Whether the call has started and its result has not been delivered yet."""
        return self._started and not self._delivered

    def _deliver_done(self, result: object) -> None:
        self._delivered = True
        self.done.emit(result)

    def _deliver_failed(self, message: str) -> None:
        self._delivered = True
        self.failed.emit(message)

    def wait(self) -> None:
        """Block until the call has ended (before closing or replacing the journal it reads)."""
        self.thread.wait()
