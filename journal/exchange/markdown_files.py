"""Markdown files on disk: export one file per entry into a folder, import a folder or one file."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from journal.domain.model import Entry, Mechanism
from journal.exchange import files, markdown
from journal.exchange import markdown_names as names
from journal.exchange.errors import ExchangeError, FormatError
from journal.exchange.jsonv1 import JournalDocument
from journal.exchange.markdown_parse import MarkdownFormatError

Progress = Callable[[int, int], None]


@dataclass
class _Folder:
    """What is already in an export folder: every name, and the files an earlier export wrote."""

    taken: set[str] = field(default_factory=set)  # markdown_names.name_key of every name in the folder
    entries: dict[str, tuple[str, str]] = field(default_factory=dict)  # entry id -> (file name, text)
    mechanisms: tuple[str, str] | None = None  # (file name, text) of the mechanisms file


# -- export -----------------------------------------------------------------------------------

def write_markdown_folder(folder: Path, entries: Sequence[Entry], progress: Progress | None = None,
                          *, mechanisms: Sequence[Mechanism] = ()) -> list[Path]:
    """One .md file per entry in `folder` (created if missing); progress(done, total) now and then.

    A file an earlier export wrote for the same entry (same id) is replaced, under a new name if the
    title or date changed; other files are left alone and their names avoided. With `mechanisms`,
    they are written with their descriptions to "Mechanisms.md". Returns the entries' paths in order.
    """
    _check_not_under_a_file(folder)
    files.ensure_folder(folder)
    existing = _scan(folder)
    total, step = len(entries), max(1, len(entries) // 100)
    _report(progress, 0, total)
    paths = []
    for done, (entry, name) in enumerate(zip(entries, _plan(entries, existing), strict=True), start=1):
        paths.append(_write_entry(folder, entry, name, existing))
        if done % step == 0 or done == total:
            _report(progress, done, total)
    if mechanisms:
        _write_mechanisms(folder, mechanisms, existing)
    return paths


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


def _plan(entries: Sequence[Entry], existing: _Folder) -> list[str]:
    """The file name of each entry: its earlier file's name while that still fits, else a new one."""
    planned, reused = [], set()
    for entry in entries:
        earlier = existing.entries.get(entry.id)
        stem = markdown.entry_stem(entry)
        if earlier and names.name_key(earlier[0]) not in reused and names.is_name_for(
                earlier[0], stem, markdown.SUFFIX):
            reused.add(names.name_key(earlier[0]))
            planned.append(earlier[0])
        else:
            planned.append(markdown.entry_file_name(entry, existing.taken))
    return planned


def _write_entry(folder: Path, entry: Entry, name: str, existing: _Folder) -> Path:
    text = markdown.render_entry(entry)
    earlier = existing.entries.get(entry.id)
    path = folder / name
    if earlier != (name, text):
        files.write_text_atomic(path, text)
    if earlier and earlier[0] != name:
        _remove(folder / earlier[0])
    return path


def _write_mechanisms(folder: Path, mechanisms: Sequence[Mechanism], existing: _Folder) -> None:
    text = markdown.render_mechanisms(mechanisms)
    if existing.mechanisms is None:
        name = names.unique_name(markdown.MECHANISMS_STEM, markdown.SUFFIX, existing.taken)
        existing.mechanisms = (name, "")
    if existing.mechanisms[1] != text:
        files.write_text_atomic(folder / existing.mechanisms[0], text)


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
        text, front = _front_matter_of(path)
        if front.get("fivewhys") == markdown.MECHANISMS_KIND:
            found.mechanisms = found.mechanisms or (path.name, text)
        elif isinstance(front.get("id"), str) and "valence" in front:
            found.entries.setdefault(front["id"], (path.name, text))
    return found


def _listing(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError as error:
        raise ExchangeError(f"The folder {folder} cannot be read: {error.strerror}.") from None


def _is_markdown(path: Path) -> bool:
    return path.suffix.lower() == markdown.SUFFIX and not path.name.startswith(".") and path.is_file()


def _front_matter_of(path: Path) -> tuple[str, dict]:
    """A file's text and front matter; nothing for a file that is not readable Markdown of ours."""
    try:
        text = files.read_text(path)
        return text, markdown.split_front_matter(text)[0]
    except (ExchangeError, FormatError):
        return "", {}


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
