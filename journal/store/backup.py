"""Journal backups with SQLite's online backup API: on demand, daily, before migrations; rotation; restore.

Automatic backups live in a `backups` folder beside the journal (owner-only), named
`<journal stem>-YYYYmmdd-HHMMSS.sqlite` in local time; each is a complete, checked, single-file database.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from journal.store import safety, schema
from journal.store.errors import (
    DiskFull,
    JournalError,
    JournalLocked,
    JournalReadOnly,
    JournalTooNew,
    NotAJournal,
)

BACKUP_FOLDER = "backups"
AUTO_INTERVAL = timedelta(days=1)
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
SIDE_FILES = ("-wal", "-shm", "-journal")
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?\.sqlite")


@dataclass(frozen=True)
class BackupInfo:
    """One automatic backup of a journal: its file, when it was taken (local time) and its size in bytes."""

    path: Path
    taken_at: datetime
    size: int


# -- one copy --------------------------------------------------------------------------------

def backup_to(journal: Path, destination: Path) -> None:
    """Copy the journal to `destination` (owner-only): consistent even while it is being written,
    checked with quick_check before it replaces any file already there."""
    _check_destination(journal, destination)
    partial = destination.with_name(destination.name + ".partial")
    try:
        with contextlib.closing(_open_source(journal)) as source:
            _copy_database(source, journal, partial, destination)
        if safety.check_integrity(partial) is not None:
            raise NotAJournal(safety.damaged_message(journal))
        with _writing(destination):
            os.replace(partial, destination)
            _fsync_folder(destination.parent)
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


def _check_destination(journal: Path, destination: Path) -> None:
    if destination.is_dir():
        raise JournalError(f"{destination} is a folder; name the backup file to write.")
    if _same_file(destination, journal):
        raise JournalError("A backup cannot be written over the journal itself; choose another file.")
    if destination.parent.exists() and not destination.parent.is_dir():
        raise JournalError(f"{destination.parent} is a file, not a folder; choose another place for "
                           "the backup.")
    if not destination.parent.exists():
        raise JournalError(f"The folder {destination.parent} does not exist; create it or choose another "
                           "place for the backup.")


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.resolve() == second.resolve() or (first.exists() and first.samefile(second))
    except OSError:
        return False


def _open_source(journal: Path) -> sqlite3.Connection:
    if not journal.exists():
        raise JournalError(f"There is no journal at {journal}.")
    with schema.translated(journal):
        safety.refuse_damaged_header(journal)
        source = safety.connect_read_only(journal)
        try:
            source.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except BaseException:
            source.close()
            raise
    return source


def _copy_database(source: sqlite3.Connection, journal: Path, partial: Path, destination: Path) -> None:
    """Write the whole database into `partial`, a single-file (rollback journal) copy, synced to disk."""
    with _writing(destination):
        os.close(os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600))
    try:
        with contextlib.closing(sqlite3.connect(partial)) as target:
            source.backup(target)
        _make_single_file(partial)
    except sqlite3.Error as error:
        damage = schema.translate(error, journal)
        if isinstance(damage, NotAJournal):
            raise damage from error
        raise _destination_error(destination, str(error)) from error
    with _writing(destination):
        _fsync_file(partial)


@contextlib.contextmanager
def _writing(destination: Path) -> Iterator[None]:
    """OSErrors while writing a backup become one sentence about the backup, not about the journal."""
    try:
        yield
    except OSError as error:
        raise _destination_error(destination, error.strerror or str(error), error.errno) from error


def _destination_error(destination: Path, detail: str, code: int | None = None) -> JournalError:
    folder = destination.parent
    if code == errno.ENOSPC or "full" in detail.lower():
        return DiskFull(f"The disk is full, so the backup {destination.name} was not written; "
                        "free some space.")
    if code in (errno.EACCES, errno.EPERM, errno.EROFS) or "readonly" in detail.lower():
        return JournalReadOnly(f"The folder {folder} cannot be written to; choose another place for "
                               "the backup.")
    if code == errno.ENOENT:
        return JournalError(f"The folder {folder} does not exist; create it or choose another place for "
                            "the backup.")
    if code == errno.ENOTDIR:
        return JournalError(f"{folder} is not a folder; choose another place for the backup.")
    return JournalError(f"The backup {destination} could not be written ({detail.rstrip('.')}).")


def _make_single_file(path: Path) -> None:
    """Switch a fresh copy to a rollback journal (the backup API copies the WAL mark), so that the file
    alone is the whole database and reading it creates no -wal/-shm files."""
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as copy:
        copy.execute("PRAGMA journal_mode = DELETE").fetchall()


def _fsync_file(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (not every file system can sync a folder, hence the suppress)."""
    with contextlib.suppress(OSError):
        _fsync_file(folder)


# -- automatic backups -----------------------------------------------------------------------

def backup_folder(journal: Path) -> Path:
    """The folder holding the journal's automatic backups."""
    return Path(journal).parent / BACKUP_FOLDER


def take_backup(journal: Path, now: datetime | None = None) -> Path:
    """Back the journal up into its backups folder now; returns the new file."""
    journal = Path(journal)
    folder = _ensure_backup_folder(backup_folder(journal))
    destination = _unused_name(folder, journal.stem, _local(now))
    backup_to(journal, destination)
    return destination


def auto_backup(journal: Path, now: datetime | None = None) -> Path | None:
    """Back the journal up if its newest backup is a day old or more (call at start-up), then rotate.

    Returns the new backup, or None when none was due or the journal is empty.
    """
    journal, now = Path(journal), _local(now)
    if not journal.exists() or journal.stat().st_size == 0:
        return None
    last = last_backup_time(journal)
    if last is not None and now - last < AUTO_INTERVAL:
        return None
    made = take_backup(journal, now)
    rotate_backups(made.parent, now)
    return made


def list_backups(journal: Path) -> list[BackupInfo]:
    """The journal's automatic backups, newest first."""
    journal = Path(journal)
    return [info for stem, info in _scan(backup_folder(journal)) if stem == journal.stem]


def last_backup_time(journal: Path) -> datetime | None:
    """When the journal's newest automatic backup was taken, or None if it has none."""
    backups = list_backups(journal)
    return backups[0].taken_at if backups else None


def rotate_backups(folder: Path, now: datetime | None = None) -> list[Path]:
    """Delete old automatic backups in `folder`, keeping for each journal every backup younger than a
    day and the newest of each of the last 7 days, 4 weeks and 12 months that have one; returns
    the deleted files. Only files named like automatic backups are ever touched."""
    now = _local(now)
    by_stem: dict[str, list[BackupInfo]] = {}
    for stem, info in _scan(Path(folder)):
        by_stem.setdefault(stem, []).append(info)
    removed = []
    for backups in by_stem.values():
        keep = _to_keep(backups, now)
        for info in backups:
            if info.path not in keep:
                with contextlib.suppress(FileNotFoundError):
                    info.path.unlink()
                    removed.append(info.path)
    return removed


def _to_keep(backups: Sequence[BackupInfo], now: datetime) -> set[Path]:
    keep = {info.path for info in backups if now - info.taken_at < AUTO_INTERVAL}
    periods: tuple[tuple[Callable[[datetime], Hashable], int], ...] = (
        (lambda moment: moment.date(), KEEP_DAILY),
        (lambda moment: moment.isocalendar()[:2], KEEP_WEEKLY),
        (lambda moment: (moment.year, moment.month), KEEP_MONTHLY),
    )
    for period_of, count in periods:
        keep |= _newest_per_period(backups, period_of, count)
    return keep


def _newest_per_period(backups: Sequence[BackupInfo], period_of: Callable[[datetime], Hashable],
                       count: int) -> set[Path]:
    """The newest backup of each of the `count` most recent periods that have one (backups: newest first)."""
    seen: set[Hashable] = set()
    kept: set[Path] = set()
    for info in backups:
        period = period_of(info.taken_at)
        if period not in seen:
            if len(seen) == count:
                break
            seen.add(period)
            kept.add(info.path)
    return kept


def _scan(folder: Path) -> list[tuple[str, BackupInfo]]:
    """(journal stem, backup) for every automatic backup in `folder`, newest first."""
    found = []
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):
        for path in folder.iterdir():
            match = _NAME.fullmatch(path.name)
            if match is None or not path.is_file():
                continue
            with contextlib.suppress(ValueError, OSError):
                taken_at = datetime.strptime(match["stamp"], _STAMP).astimezone()
                info = BackupInfo(path, taken_at, path.stat().st_size)
                found.append((match["stem"], info, int(match["n"] or 1)))
    found.sort(key=lambda item: (item[1].taken_at, item[2]), reverse=True)
    return [(stem, info) for stem, info, _n in found]


def _local(now: datetime | None) -> datetime:
    """`now` (default: the current time) as an aware local time; a naive value is taken as local."""
    return (now or datetime.now()).astimezone()


def _unused_name(folder: Path, stem: str, now: datetime, tag: str = "") -> Path:
    """`<stem>-<stamp><tag>.sqlite`, numbered -2, -3... if taken; a tag keeps it out of rotation."""
    stamp = now.strftime(_STAMP)
    candidate = folder / f"{stem}-{stamp}{tag}.sqlite"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{stamp}{tag}-{number}.sqlite"
        number += 1
    return candidate


def _ensure_backup_folder(folder: Path) -> Path:
    try:
        if not folder.is_dir():
            folder.mkdir(mode=0o700)
            os.chmod(folder, 0o700)
    except OSError as error:
        raise JournalReadOnly(f"The backups folder {folder} cannot be created ({error.strerror}); "
                              "check that the journal's folder can be written to.") from error
    return folder


# -- restore ---------------------------------------------------------------------------------

def restore_backup(backup: Path, journal: Path, now: datetime | None = None) -> Path | None:
    """Replace the journal with a copy of `backup`, atomically; returns where the replaced journal
    was kept (a backup of it, or a copy of its bytes if it was damaged), or None if there was none.

    Precondition: the journal must not be open, in this process (close the Journal first) or in any
    other; this is checked, and JournalLocked raised while it is. The backup is checked first
    (integrity_check, a known schema revision); nothing changes unless every step before the final
    rename succeeded.
    """
    backup, journal, now = Path(backup), Path(journal), _local(now)
    _verify_restorable(backup, journal)
    sound = journal.is_file() and journal.stat().st_size > 0 and safety.check_integrity(journal) is None
    staged = _stage_copy(backup, journal)
    try:
        with _restoring(journal):
            if sound:
                _switch_to_rollback_journal(journal)
            kept = _keep_current(journal, sound, now)
            if not sound:
                _move_side_files_aside(journal, kept)
            if any(_side(journal, suffix).exists() for suffix in SIDE_FILES):
                raise _still_open(journal)
            os.replace(staged, journal)
            _fsync_folder(journal.parent)
    finally:
        with contextlib.suppress(OSError):
            staged.unlink(missing_ok=True)
    return kept


def _verify_restorable(backup: Path, journal: Path) -> None:
    if not backup.is_file():
        raise JournalError(f"There is no backup file {backup}; choose another.")
    if _same_file(backup, journal):
        raise JournalError("That file is the journal itself, not a backup of it; choose a backup.")
    if backup.stat().st_size == 0 or safety.check_integrity(backup, thorough=True) is not None:
        raise NotAJournal(f"The backup {backup.name} is damaged or empty; choose another backup.")
    try:
        with schema.translated(backup):
            revision = schema.current_revision(backup)
    except NotAJournal:
        revision = None
    if revision is None:
        raise NotAJournal(f"The file {backup.name} is not a backup of a Five Whys journal; choose another.")
    if revision not in schema.REVISIONS:
        raise JournalTooNew(f"The backup {backup.name} was written by a newer version of Five Whys Journal; "
                            "update the app to restore it.")


def _stage_copy(backup: Path, journal: Path) -> Path:
    """A checked copy of `backup` in a temporary file beside the journal, ready to be renamed over it."""
    with _restoring(journal):
        journal.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor, name = tempfile.mkstemp(dir=journal.parent, prefix=f".{journal.name}.",
                                            suffix=".restoring")
        os.close(descriptor)
    staged = Path(name)
    try:
        with contextlib.closing(safety.connect_read_only(backup)) as source, \
                contextlib.closing(sqlite3.connect(staged)) as target, _restoring(journal):
            source.backup(target)
        with _restoring(journal):
            _make_single_file(staged)
            _fsync_file(staged)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    return staged


@contextlib.contextmanager
def _restoring(journal: Path) -> Iterator[None]:
    try:
        yield
    except JournalError:
        raise
    except (OSError, sqlite3.Error) as error:
        if "full" in str(error).lower() or getattr(error, "errno", None) == errno.ENOSPC:
            raise DiskFull(f"The disk holding the journal {journal.name} is full, so the backup was not "
                           "restored; free some space.") from error
        raise JournalReadOnly(f"The folder {journal.parent} cannot be written to, so the backup was not "
                              "restored there.") from error


def _keep_current(journal: Path, sound: bool, now: datetime) -> Path | None:
    """Keep the journal about to be replaced: a backup if it is sound, else a copy of its bytes."""
    if not journal.is_file() or journal.stat().st_size == 0:
        return None
    if sound:
        with contextlib.suppress(NotAJournal):
            return take_backup(journal, now)
    folder = _ensure_backup_folder(backup_folder(journal))
    copy = _unused_name(folder, journal.stem, now, tag="-damaged")
    with open(journal, "rb") as source, open(os.open(copy, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600),
                                             "wb") as target:
        shutil.copyfileobj(source, target)
    return copy


def _switch_to_rollback_journal(journal: Path) -> None:
    """Switch a sound journal to rollback mode, which SQLite allows only when no other connection has it
    open: that proves nobody is using it, and folds its WAL in and deletes it (and its -shm)."""
    try:
        with contextlib.closing(sqlite3.connect(journal, timeout=0.2, isolation_level=None)) as db:
            mode = db.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise _still_open(journal) from error
        raise
    if mode != "delete":
        raise _still_open(journal)


def _move_side_files_aside(journal: Path, kept: Path | None) -> None:
    """Move the -wal/-shm/-journal of a damaged or missing journal next to the copy kept of it."""
    for suffix in SIDE_FILES:
        side = _side(journal, suffix)
        if side.exists():
            target = _side(kept, suffix) if kept else side.with_name(side.name + ".stale")
            os.replace(side, target)


def _side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _still_open(journal: Path) -> JournalLocked:
    return JournalLocked(f"The journal {journal.name} is still open in a window or another program; close "
                         "it there, then restore the backup.")
