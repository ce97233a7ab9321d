"""Many whole files written into one folder by a child process, so the file system's work (creating
10,000 files takes seconds) runs beside the caller's rendering instead of after it.

A thread would not do: a thread making many short system calls waits for the GIL after each while
the caller renders, and ends up slower than writing in line. Where no child can be started (a frozen
app, no Python executable), the same writes happen in this process.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Protocol

from journal.exchange import files
from journal.exchange.errors import ExchangeError
from journal.exchange.folder_writer_child import HEADER, PIPE_BUFFER, Folder

CHILD_SCRIPT = Path(__file__).with_name("folder_writer_child.py")


class Writer(Protocol):
    """Writes whole files into its folder; finish() makes them durable (or raises ExchangeError)."""

    def write(self, name: str, text: str) -> None: ...

    def finish(self) -> None: ...

    def abort(self) -> None: ...


@contextlib.contextmanager
def open_writer(folder: Path) -> Iterator[Writer]:
    """A writer for `folder`: every file is written to a temporary name and renamed into place only
    once whole; on leaving the block normally all of them are flushed to disk with one sync, and any
    failure is an ExchangeError with one sentence. Leaving by an exception stops the writing."""
    writer = _start(folder)
    try:
        yield writer
    except BaseException:
        writer.abort()
        raise
    writer.finish()


def child_command() -> list[str] | None:
    """How to start the child writer, or None where this app cannot start one."""
    if getattr(sys, "frozen", False) or not sys.executable or not CHILD_SCRIPT.is_file():
        return None
    return [sys.executable, "-I", "-S", str(CHILD_SCRIPT)]


def _start(folder: Path) -> Writer:
    command = child_command()
    if command is not None:
        try:
            return ProcessWriter(folder, command)
        except OSError:
            pass
    return InProcessWriter(folder)


class ProcessWriter:
    """Sends the files to the child writer through a pipe; a full pipe makes the caller wait."""

    def __init__(self, folder: Path, command: list[str]) -> None:
        self._folder = folder
        self._process = subprocess.Popen(
            [*command, str(folder)], bufsize=PIPE_BUFFER, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
        self._pipe: IO[bytes] = self._process.stdin  # type: ignore[assignment]

    def write(self, name: str, text: str) -> None:
        encoded, data = name.encode("utf-8"), text.encode("utf-8")
        try:
            self._pipe.write(HEADER.pack(len(encoded), len(data)) + encoded + data)
        except OSError:  # the child stopped: it has said why
            raise self._outcome() or self._stopped() from None

    def finish(self) -> None:
        with contextlib.suppress(OSError):
            self._pipe.write(HEADER.pack(0, 0))
        failure = self._outcome()
        if failure is not None:
            raise failure

    def abort(self) -> None:
        self._process.communicate()  # closes the pipe: the child stops at the end of its input

    def _outcome(self) -> ExchangeError | None:
        """Wait for the child; None if it reports every file written and flushed, else the error."""
        output, _ = self._process.communicate()
        report = _report(output)
        if report.get("ok"):
            return None
        if report.get("failed") == "write":
            error = OSError(report["errno"], report["strerror"])
            return ExchangeError(files.write_failure(self._folder / (report["name"] or "x"), error))
        if report.get("failed") == "sync":
            return ExchangeError(_not_saved(self._folder, report["strerror"]))
        return self._stopped()

    def _stopped(self) -> ExchangeError:
        return ExchangeError(f"Writing the files in {self._folder} stopped unexpectedly.")


class InProcessWriter:
    """The same writes, made in this process."""

    def __init__(self, folder: Path) -> None:
        self._path = folder
        with files.writing_to(folder / "x"):
            self._folder = Folder(str(folder))

    def write(self, name: str, text: str) -> None:
        with files.writing_to(self._path / name):
            self._folder.write(name, text.encode("utf-8"))

    def finish(self) -> None:
        try:
            self._folder.sync()
        except OSError as error:
            raise ExchangeError(_not_saved(self._path, error.strerror)) from None
        finally:
            self._folder.close()

    def abort(self) -> None:
        self._folder.close()


def _report(output: bytes) -> dict[str, Any]:
    """The child's last line of output as a dict (empty if it said nothing readable)."""
    lines = output.decode("utf-8", "replace").splitlines()
    try:
        report = json.loads(lines[-1]) if lines else {}
    except ValueError:
        return {}
    return report if isinstance(report, dict) else {}


def _not_saved(folder: Path, problem: str | None) -> str:
    return f"The files in {folder} could not be saved to disk: {problem}."
