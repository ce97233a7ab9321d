"""Markdown files on disk: export one file per entry into a folder, import a folder or one file."""

from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from dataclasses import dataclass, field
from pathlib import Path

from journal.domain.model import Entry, Mechanism
from journal.exchange import files, folder_writer, markdown
from journal.exchange import markdown_names as names
from journal.exchange.errors import ExchangeError, FormatError
from journal.exchange.folder_writer import Writer
from journal.exchange.jsonv1 import JournalDocument
from journal.exchange.markdown_parse import MarkdownFormatError

Progress = Callable[[int, int], None]
_OUR_ID = re.compile(r"^id: ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$", re.MULTILINE)


@dataclass
class _Folder:
    """What is already in an export folder: every name, and the files an earlier export wrote."""

    taken: set[str] = field(default_factory=set)  # markdown_names.name_key of every name in the folder
    entries: dict[str, tuple[str, str]] = field(default_factory=dict)  # entry id -> (file name, text)
    mechanisms: tuple[str, str] | None = None  # (file name, text) of the mechanisms file


# -- export -----------------------------------------------------------------------------------

def write_markdown_folder(folder: Path, entries: Iterable[Entry], progress: Progress | None = None,
                          *, mechanisms: Sequence[Mechanism] = ()) -> list[Path]:
    """One .md file per entry in `folder` (created if missing); progress(done, total) now and then.

    A file an earlier export wrote for the same entry (same id) is replaced, under a new name if the
    title or date changed; other files are left alone and their names avoided. With `mechanisms`,
    they are written with their descriptions to "Mechanisms.md". Returns the entries' paths in order.
    The entries may come one by one (e.g. as the journal reads them): each is rendered and handed to
    the writer at once; with `progress`, they are counted first.
    """
    _check_not_under_a_file(folder)
    files.ensure_folder(folder)
    existing = _scan(folder)
    if progress is not None and not isinstance(entries, Sized):
        entries = list(entries)
    total = len(entries) if isinstance(entries, Sized) else 0
    step = max(1, total // 100)
    _report(progress, 0, total)
    plan = _Plan(existing)
    paths, stale = [], []
    with _without_cycle_collection(), folder_writer.open_writer(folder) as writer:
        for done, entry in enumerate(entries, start=1):
            name = plan.name(entry)
            paths.append(_write_entry(folder, entry, name, existing, writer))
            earlier = existing.entries.get(entry.id)
            if earlier and earlier[0] != name:
                stale.append(folder / earlier[0])
            if done % step == 0 and done < total:
                _report(progress, done, total)
        if mechanisms:
            _write_mechanisms(mechanisms, existing, writer)
    for path in stale:  # only once the entries' new files are safely written
        _remove(path)
    _report(progress, total, total)
    return paths


@contextlib.contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector: entries hold no reference cycles, so reference counting frees
    each as soon as it is written, and the collector would only rescan the many young objects of
    every entry (a fifth of the time it takes to read and render them)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def _check_not_under_a_file(folder: Path) -> None:
    for place in (folder, *folder.parents):
        if place.exists():
            if not place.is_dir():
                raise ExchangeError(f"{place} is a file, so the folder {folder} cannot be made there."
                                    if place != folder else f"{folder} is a file, not a folder.")
            return


class _Plan:
    """The file name of each entry in turn: its earlier file's name while that still fits, else a new one."""

    def __init__(self, existing: _Folder) -> None:
        self._existing, self._reused = existing, set()

    def name(self, entry: Entry) -> str:
        earlier = self._existing.entries.get(entry.id)
        if earlier and names.name_key(earlier[0]) not in self._reused and names.is_name_for(
                earlier[0], markdown.entry_stem(entry), markdown.SUFFIX):
            self._reused.add(names.name_key(earlier[0]))
            return earlier[0]
        return markdown.entry_file_name(entry, self._existing.taken)


def _write_entry(folder: Path, entry: Entry, name: str, existing: _Folder, writer: Writer) -> Path:
    text = markdown.render_entry(entry)
    if existing.entries.get(entry.id) != (name, text):
        writer.write(name, text)
    return folder / name


def _write_mechanisms(mechanisms: Sequence[Mechanism], existing: _Folder, writer: Writer) -> None:
    text = markdown.render_mechanisms(mechanisms)
    if existing.mechanisms is None:
        name = names.unique_name(markdown.MECHANISMS_STEM, markdown.SUFFIX, existing.taken)
        existing.mechanisms = (name, "")
    if existing.mechanisms[1] != text:
        writer.write(existing.mechanisms[0], text)


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as error:
        raise ExchangeError(f"The old file {path.name} could not be removed: {error.strerror}.") from None


def _scan(folder: Path) -> _Folder:
    """Every name in the folder, and which of its .md files hold our entries or mechanisms."""
    found = _Folder()
    for path in _listing(folder):
        found.taken.add(names.name_key(path.name))
        if not _is_markdown(path):
            continue
        text, kind, ident = _identify(path)
        if kind == "mechanisms":
            found.mechanisms = found.mechanisms or (path.name, text)
        elif kind == "entry":
            found.entries.setdefault(ident, (path.name, text))
    return found


def _identify(path: Path) -> tuple[str, str, str]:
    """A file's text and what it holds: ("entry", id), ("mechanisms", "") or ("", "") if not ours."""
    try:
        text = files.read_text(path)
    except ExchangeError:
        return "", "", ""
    head = text[: text.find("\n---\n", 3) + 1] if text.startswith("---\n") else ""
    fast = _OUR_ID.search(head)
    if fast and "\nvalence:" in head:  # as written by render_entry: no need to read the YAML
        return text, "entry", fast.group(1)
    try:
        front = markdown.split_front_matter(text)[0]
    except FormatError:
        return text, "", ""
    if front.get("fivewhys") == markdown.MECHANISMS_KIND:
        return text, "mechanisms", ""
    ident = front.get("id")
    return (text, "entry", ident) if isinstance(ident, str) and "valence" in front else (text, "", "")


def _listing(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError as error:
        raise ExchangeError(f"The folder {folder} cannot be read: {error.strerror}.") from None


def _is_markdown(path: Path) -> bool:
    return path.suffix.lower() == markdown.SUFFIX and not path.name.startswith(".") and path.is_file()


# -- import -----------------------------------------------------------------------------------

def read_markdown(path: Path) -> JournalDocument:
    """The entries (and mechanisms) of a folder of .md files or of one .md file; every file is read
    and checked before anything is returned, so a bad file stops the whole import."""
    entries: list[Entry] = []
    mechanisms: list[Mechanism] = []
    origin: dict[str, str] = {}
    for file in _markdown_files(path):
        parsed = _parse(file)
        if isinstance(parsed, Entry):
            _check_new_id(parsed, file.name, origin)
            entries.append(parsed)
        else:
            mechanisms.extend(parsed)
    _check_unique_names(mechanisms)
    return JournalDocument(tuple(entries), tuple(mechanisms))


def _markdown_files(path: Path) -> list[Path]:
    if path.is_dir():
        found = [file for file in _listing(path) if _is_markdown(file)]
        if not found:
            raise ExchangeError(f"There are no Markdown (.md) files in {path}.")
        return found
    if not path.exists():
        raise ExchangeError(f"There is no file or folder {path}.")
    return [path]


def _parse(file: Path) -> Entry | tuple[Mechanism, ...]:
    text = files.read_text(file)
    try:
        return markdown.parse_file(text)
    except MarkdownFormatError as error:
        where = f"{file.name}, line {error.line}" if error.line else file.name
        raise FormatError(f"{where}: {error.problem}.") from None


def _check_new_id(entry: Entry, name: str, origin: dict[str, str]) -> None:
    other = origin.setdefault(entry.id, name)
    if other != name:
        raise FormatError(f"{other} and {name} hold the same entry (id {entry.id}); "
                          "remove one of them or give one a new id.")


def _check_unique_names(mechanisms: Iterable[Mechanism]) -> None:
    seen: dict[str, str] = {}
    for mechanism in mechanisms:
        other = seen.setdefault(mechanism.name.strip().casefold(), mechanism.name)
        if other != mechanism.name:
            raise FormatError(f"The mechanisms “{other}” and “{mechanism.name}” are listed twice "
                              "(names must be unique ignoring case).")
