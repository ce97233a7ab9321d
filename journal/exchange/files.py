"""Thin file readers and writers for exchange files: atomic writes and one-sentence errors."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from journal.domain.model import Entry, Mechanism
from journal.exchange import jsonv1
from journal.exchange.errors import ExchangeError, FormatError
from journal.exchange.jsonv1 import JournalDocument


def read_text(path: Path) -> str:
    """The UTF-8 text of a file, or an ExchangeError saying why it cannot be read."""
    if not path.exists():
        raise ExchangeError(f"There is no file {path}.")
    if path.is_dir():
        raise ExchangeError(f"{path} is a folder, not a file.")
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ExchangeError(f"{path.name} is not UTF-8 text.") from None
    except OSError as error:
        raise ExchangeError(f"{path} cannot be read: {error.strerror}.") from None


def write_text_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text as a whole file or nothing (see write_bytes_atomic)."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write a whole file or nothing: a temporary file beside it is synced, then renamed over it."""
    write_pieces_atomic(path, [data])


def write_pieces_atomic(path: Path, pieces: Iterable[bytes]) -> None:
    """Like write_bytes_atomic, for content made piece by piece (never all in memory at once)."""
    with writing_to(path):
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(descriptor, "wb") as file:
                for piece in pieces:
                    file.write(piece)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise


def ensure_folder(folder: Path) -> None:
    """Create an export folder if missing, or explain why it cannot be used."""
    with writing_to(folder / "x"):
        if folder.exists() and not folder.is_dir():
            raise ExchangeError(f"{folder} is a file, not a folder.")
        folder.mkdir(parents=True, exist_ok=True)


@contextlib.contextmanager
def writing_to(path: Path) -> Iterator[None]:
    """Turn a failure to write `path` into an ExchangeError with one sentence."""
    try:
        yield
    except ExchangeError:
        raise
    except OSError as error:
        raise ExchangeError(write_failure(path, error)) from None


def write_failure(path: Path, error: OSError) -> str:
    """One sentence saying why `path` could not be written."""
    if error.errno == errno.ENOSPC:
        return f"The disk is full; {path.name} was not written."
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"The folder {path.parent} cannot be written to."
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        return f"The folder {path.parent} does not exist."
    if error.errno == errno.EISDIR:
        return f"{path} is a folder, not a file."
    return f"{path} could not be written: {error.strerror}."


def read_document(path: Path) -> JournalDocument:
    """Read a journal JSON file, a Markdown file or a folder of Markdown files into a document
    (FormatError or ExchangeError if it cannot be)."""
    if path.is_dir() or path.suffix.lower() in (".md", ".markdown"):
        from journal.exchange.markdown_files import read_markdown

        return read_markdown(path)
    text = read_text(path)
    try:
        return jsonv1.loads(text)
    except FormatError as error:
        raise FormatError(f"{path.name}: {error}") from None


def write_json(path: Path, entries: Iterable[Entry], mechanisms: Sequence[Mechanism]) -> int:
    """Write the entries and mechanisms as one journal JSON file, atomically, entry by entry;
    returns how many entries it wrote."""
    if path.is_dir():
        raise ExchangeError(f"{path} is a folder; name the JSON file to write.")
    counted = _Counted(entries)
    write_pieces_atomic(path, (text.encode("utf-8") for text in jsonv1.iter_text(counted, mechanisms)))
    return counted.count


class _Counted:
    """An iterable that counts what has been taken from it."""

    def __init__(self, items: Iterable[Entry]) -> None:
        self._items, self.count = items, 0

    def __iter__(self) -> Iterator[Entry]:
        for item in self._items:
            self.count += 1
            yield item
