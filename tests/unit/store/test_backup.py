"""Backups: consistent owner-only copies, daily and before migrations, rotation, a restore losing nothing."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from datetime import date, datetime, timedelta

import pytest

from journal.cli import run
from journal.store import schema
from journal.store.backup import (
    auto_backup,
    backup_folder,
    backup_to,
    last_backup_time,
    list_backups,
    restore_backup,
    rotate_backups,
    take_backup,
)
from journal.store.errors import JournalError, JournalLocked, JournalReadOnly, JournalTooNew, NotAJournal
from journal.store.repository import Journal
from journal.store.safety import check_integrity
from tests.unit.store.safety_helpers import make_journal, side_files, snapshot_file, unwritable_folder

NOON = datetime(2026, 3, 10, 12, 0)


def titles(path):
    with Journal.open(path, before_migration=None) as journal:
        return sorted(summary.title for summary in journal.list_entries())


def revision(path):
    with sqlite3.connect(path) as db:
        found = db.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    db.close()
    return found


# -- one copy --------------------------------------------------------------------------------------

def test_backup_is_a_consistent_owner_only_single_file_even_while_the_journal_is_open(db_path, tmp_path):
    destination = tmp_path / "copies" / "copy.sqlite"
    destination.parent.mkdir()
    with Journal.open(db_path) as journal:
        journal.create_entry(title="Only in the WAL so far")
        assert db_path.with_name(db_path.name + "-wal").stat().st_size > 0
        backup_to(db_path, destination)
    assert destination.read_bytes()[18:20] == b"\x01\x01"  # rollback journal: the file alone is the copy
    assert check_integrity(destination) is None
    assert sorted(p.name for p in destination.parent.iterdir()) == ["copy.sqlite"]
    assert stat.S_IMODE(destination.stat().st_mode) == 0o600
    assert titles(destination) == ["Only in the WAL so far"]


@pytest.mark.parametrize("case", ["folder", "journal itself", "symlink to journal", "missing parent",
                                  "parent is a file", "unwritable folder"])
def test_backup_command_refuses_bad_destinations_in_one_line(case, db_path, tmp_path, capsys):
    make_journal(db_path)
    a_file = tmp_path / "a-file.txt"
    a_file.write_text("keep me")
    link = tmp_path / "link.sqlite"
    link.symlink_to(db_path)
    locked = unwritable_folder(tmp_path)
    if case == "unwritable folder" and locked is None:
        pytest.skip("no folder here is unwritable for this user")
    out, words = {
        "folder": (tmp_path, ["is a folder"]),
        "journal itself": (db_path, ["journal itself"]),
        "symlink to journal": (link, ["journal itself"]),
        "missing parent": (tmp_path / "no such folder" / "b.sqlite", ["does not exist"]),
        "parent is a file": (a_file / "b.sqlite", ["not a folder"]),
        "unwritable folder": ((locked or tmp_path) / "b.sqlite", ["cannot be written"]),
    }[case]
    before = db_path.read_bytes()
    listing = sorted(os.listdir(tmp_path))
    assert run(["--db", str(db_path), "backup", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("fivewhys: ") and err.count("\n") == 1 and "Traceback" not in err
    assert all(word in err for word in words), err
    assert db_path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == listing
    assert a_file.read_text() == "keep me"


def test_backup_command_writes_a_copy_and_refuses_a_missing_journal(db_path, tmp_path, capsys):
    make_journal(db_path)
    assert run(["--db", str(db_path), "backup", "--out", str(tmp_path / "copy.sqlite")]) == 0
    assert "Backed up" in capsys.readouterr().out
    assert titles(tmp_path / "copy.sqlite") == titles(db_path)
    missing = tmp_path / "missing.sqlite"
    assert run(["--db", str(missing), "backup", "--out", str(tmp_path / "other.sqlite")]) == 1
    assert "There is no journal" in capsys.readouterr().err
    assert not missing.exists() and not (tmp_path / "other.sqlite").exists()


def test_a_damaged_journal_never_replaces_a_good_backup(db_path, tmp_path):
    make_journal(db_path, entries=60)
    good = tmp_path / "good.sqlite"
    backup_to(db_path, good)
    good_bytes = good.read_bytes()
    data = bytearray(db_path.read_bytes())
    data[len(data) // 2: len(data) // 2 + 4096] = b"\xa5" * 4096
    db_path.write_bytes(bytes(data))
    with pytest.raises(NotAJournal, match="damaged"):
        backup_to(db_path, good)
    assert good.read_bytes() == good_bytes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.sqlite", "journal.sqlite"]


# -- automatic backups -----------------------------------------------------------------------------

def test_auto_backup_once_a_day_in_an_owner_only_folder(db_path):
    assert auto_backup(db_path, NOON) is None  # no journal yet
    db_path.touch()
    assert auto_backup(db_path, NOON) is None  # an empty journal has nothing to keep
    make_journal(db_path)
    first = auto_backup(db_path, NOON)
    assert first == backup_folder(db_path) / "journal-20260310-120000.sqlite"
    assert auto_backup(db_path, NOON + timedelta(hours=23, minutes=59)) is None
    second = auto_backup(db_path, NOON + timedelta(days=1))
    assert second.name == "journal-20260311-120000.sqlite"
    assert [info.path for info in list_backups(db_path)] == [second, first]
    assert last_backup_time(db_path) == (NOON + timedelta(days=1)).astimezone()
    assert stat.S_IMODE(backup_folder(db_path).stat().st_mode) == 0o700
    assert {stat.S_IMODE(p.stat().st_mode) for p in (first, second)} == {0o600}
    assert titles(second) == titles(db_path)


def test_backups_in_the_same_second_do_not_overwrite_each_other(db_path):
    make_journal(db_path)
    first, second = take_backup(db_path, NOON), take_backup(db_path, NOON)
    assert (first.name, second.name) == ("journal-20260310-120000.sqlite", "journal-20260310-120000-2.sqlite")
    assert [info.path for info in list_backups(db_path)] == [second, first]


def test_listing_keeps_to_the_journals_own_backups(db_path):
    make_journal(db_path)
    made = take_backup(db_path, NOON)
    folder = backup_folder(db_path)
    for name in ("journal-work-20260311-120000.sqlite", "notes.txt", "journal-20261399-120000.sqlite",
                 "journal-20260312-120000-damaged.sqlite"):
        (folder / name).write_text("not mine")
    infos = list_backups(db_path)
    assert [info.path for info in infos] == [made]
    assert infos[0].size == made.stat().st_size
    assert last_backup_time(db_path.with_name("elsewhere.sqlite")) is None


def _touch_backups(folder, stem, moments):
    folder.mkdir(exist_ok=True)
    for moment in moments:
        (folder / f"{stem}-{moment:%Y%m%d-%H%M%S}.sqlite").write_bytes(b"x")


def test_rotation_keeps_7_daily_4_weekly_12_monthly_and_the_last_day(tmp_path):
    folder = tmp_path / "backups"
    daily = [datetime(2026, 1, 1, 12) + timedelta(days=n) for n in range(89)]  # to 2026-03-30
    today = [datetime(2026, 3, 31, hour) for hour in (9, 12, 20)]
    _touch_backups(folder, "journal", daily + today)
    _touch_backups(folder, "other", [datetime(2025, 1, 1, 12)])
    (folder / "notes.txt").write_text("mine")
    removed = rotate_backups(folder, datetime(2026, 3, 31, 21))
    kept = sorted(p.name for p in folder.iterdir())
    expected_days = ["20260131-120000", "20260228-120000",  # monthly: January, February
                     "20260315-120000", "20260322-120000",  # weekly: ISO weeks 11 and 12 (Sundays)
                     "20260325-120000", "20260326-120000", "20260327-120000", "20260328-120000",
                     "20260329-120000", "20260330-120000",  # daily, with week 13 and March's newest
                     "20260331-090000", "20260331-120000", "20260331-200000"]  # younger than a day
    assert kept == sorted([f"journal-{day}.sqlite" for day in expected_days]
                          + ["notes.txt", "other-20250101-120000.sqlite"])
    assert len(removed) == len(daily) + len(today) - len(expected_days)
    assert rotate_backups(folder, datetime(2026, 3, 31, 21)) == []  # deterministic: nothing more to do


def test_a_year_of_daily_backups_settles_to_a_bounded_spread(tmp_path):
    folder = tmp_path / "backups"
    start = datetime(2025, 1, 1, 8)
    for day in range(400):
        now = start + timedelta(days=day)
        _touch_backups(folder, "journal", [now])
        rotate_backups(folder, now)
    kept = sorted(p.name for p in folder.iterdir())
    assert 7 + 4 + 12 - 6 <= len(kept) <= 7 + 4 + 12  # periods overlap: the newest counts for all three
    assert kept[-1] == f"journal-{start + timedelta(days=399):%Y%m%d-%H%M%S}.sqlite"
    assert kept[0] == "journal-20250331-080000.sqlite"  # the newest of the twelfth month back (2026-02 first)


# -- backup before a migration ---------------------------------------------------------------------

def _journal_at_first_revision(path):
    from alembic import command
    from alembic.config import Config

    path.touch(mode=0o600)
    config = Config()
    config.set_main_option("script_location", str(schema._MIGRATIONS))
    engine = schema.make_engine(path)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, schema.REVISIONS[0])
    engine.dispose()
    assert revision(path) == schema.REVISIONS[0]


def test_opening_an_old_journal_backs_it_up_before_migrating(db_path):
    _journal_at_first_revision(db_path)
    with Journal.open(db_path) as journal:
        journal.create_entry(title="After the update")
    (backup,) = list_backups(db_path)
    assert revision(backup.path) == schema.REVISIONS[0]
    assert revision(db_path) == schema.HEAD


def test_no_migration_without_a_backup(db_path):
    _journal_at_first_revision(db_path)
    backup_folder(db_path).write_text("a file where the backups folder should be")
    before = db_path.read_bytes()
    with pytest.raises(JournalReadOnly, match="backups folder"):
        Journal.open(db_path)
    assert db_path.read_bytes() == before
    assert revision(db_path) == schema.REVISIONS[0]


# -- restore ---------------------------------------------------------------------------------------

def test_restore_brings_the_backup_back_and_keeps_the_replaced_journal(db_path):
    make_journal(db_path, entries=2)
    backup = take_backup(db_path, NOON)
    with Journal.open(db_path) as journal:
        journal.create_entry(title="Written after the backup")
    kept = restore_backup(backup, db_path, NOON + timedelta(hours=1))
    assert titles(db_path) == ["Outcome 0", "Outcome 1"]
    assert "Written after the backup" in titles(kept)
    assert kept in [info.path for info in list_backups(db_path)]
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert side_files(db_path) == []
    assert [p.name for p in db_path.parent.iterdir() if p.name.startswith(".")] == []  # no staged copy left
    with Journal.open(db_path) as journal:  # a working journal again, in WAL mode
        journal.create_entry(title="After the restore")
        assert side_files(db_path) == ["journal.sqlite-shm", "journal.sqlite-wal"]


def test_restore_refuses_while_the_journal_is_open_here_or_elsewhere(db_path):
    make_journal(db_path)
    backup = take_backup(db_path, NOON)
    with Journal.open(db_path) as journal:
        journal.create_entry(title="Open in a window")
        before = snapshot_file(db_path)
        with pytest.raises(JournalLocked, match="still open.*close it"):
            restore_backup(backup, db_path)
        assert journal.count_entries() == 4  # the open journal goes on working
    other = sqlite3.connect(db_path)
    other.execute("SELECT count(*) FROM entry").fetchone()
    try:
        with pytest.raises(JournalLocked):
            restore_backup(backup, db_path)
    finally:
        other.close()
    assert snapshot_file(db_path) == before


@pytest.mark.parametrize("case", ["garbage", "truncated", "empty", "too new", "not a journal", "the journal",
                                  "missing"])
def test_restore_refuses_a_bad_backup_and_changes_nothing(case, db_path, tmp_path):
    make_journal(db_path, entries=30)
    candidate = tmp_path / "candidate.sqlite"
    backup_to(db_path, candidate)
    if case == "garbage":
        candidate.write_bytes(os.urandom(20000))
    elif case == "truncated":
        candidate.write_bytes(candidate.read_bytes()[: candidate.stat().st_size // 2])
    elif case == "empty":
        candidate.write_bytes(b"")
    elif case == "too new":
        with sqlite3.connect(candidate) as db:
            db.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
        db.close()
    elif case == "not a journal":
        candidate.unlink()
        with sqlite3.connect(candidate) as db:
            db.execute("CREATE TABLE photos (name TEXT)")
        db.close()
    elif case == "the journal":
        candidate = db_path
    else:
        candidate.unlink()
    before = db_path.read_bytes()
    expected = {"too new": JournalTooNew, "the journal": JournalError, "missing": JournalError}
    with pytest.raises(expected.get(case, NotAJournal)) as caught:
        restore_backup(candidate, db_path)
    message = str(caught.value)
    assert message.endswith(".") and ("update the app" if case == "too new" else "choose") in message
    assert db_path.read_bytes() == before
    assert list_backups(db_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == (
        ["journal.sqlite"] if case == "missing" else ["candidate.sqlite", "journal.sqlite"])


def test_restore_over_a_damaged_journal_keeps_its_bytes_and_moves_its_wal_aside(db_path):
    make_journal(db_path)
    backup = take_backup(db_path, NOON)
    garbage = os.urandom(6000)
    db_path.write_bytes(garbage)
    db_path.with_name(db_path.name + "-wal").write_bytes(b"stale frames of the old file")
    kept = restore_backup(backup, db_path, NOON + timedelta(hours=2))
    assert kept.name == "journal-20260310-140000-damaged.sqlite"
    assert kept.read_bytes() == garbage
    assert kept.with_name(kept.name + "-wal").read_bytes() == b"stale frames of the old file"
    assert side_files(db_path) == []
    assert titles(db_path) == ["Outcome 0", "Outcome 1", "Outcome 2"]
    assert [info.path for info in list_backups(db_path)] == [backup]  # the damaged copy is not offered


def test_restore_keeps_writes_that_were_only_in_the_wal_of_a_crashed_session(db_path, tmp_path):
    make_journal(db_path)
    backup = take_backup(db_path, NOON)
    crashed = tmp_path / "crashed" / "journal.sqlite"
    crashed.parent.mkdir()
    with Journal.open(db_path) as journal:
        journal.create_entry(title="Saved just before the crash")
        for suffix in ("", "-wal"):  # the files as a killed process leaves them
            shutil.copyfile(f"{db_path}{suffix}", f"{crashed}{suffix}")
    assert crashed.with_name("journal.sqlite-wal").stat().st_size > 0
    kept = restore_backup(backup, crashed, NOON + timedelta(hours=3))
    assert "Saved just before the crash" in titles(kept)
    assert "Saved just before the crash" not in titles(crashed)


def test_restore_into_a_missing_journal_moves_a_stale_wal_aside(tmp_path):
    source = tmp_path / "source.sqlite"
    make_journal(source)
    backup = take_backup(source, NOON)
    target = tmp_path / "gone" / "journal.sqlite"
    target.parent.mkdir()
    target.with_name("journal.sqlite-wal").write_bytes(b"left over")
    assert restore_backup(backup, target) is None
    assert titles(target) == titles(source)
    assert target.with_name("journal.sqlite-wal.stale").read_bytes() == b"left over"
    assert occurred_days(target) == [date(2026, 1, 1), date(2026, 1, 2), date(2026, 1, 3)]


def occurred_days(path):
    with Journal.open(path) as journal:
        return sorted(summary.occurred_on for summary in journal.list_entries())
