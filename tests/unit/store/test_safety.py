"""Bad journal files are refused untouched; failed writes change nothing and succeed once the cause is gone;
edits made elsewhere are caught; files are owner-only."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import stat

import pytest

from journal.cli import run
from journal.store import schema
from journal.store.errors import (
    DiskFull,
    EditConflict,
    JournalLocked,
    JournalMissing,
    JournalReadOnly,
    JournalTooNew,
    NotAJournal,
)
from journal.store.repository import Journal
from journal.store.safety import check_integrity
from tests.unit.store.safety_helpers import (
    fill,
    full_disk,
    make_journal,
    on_every_connection,
    on_every_engine,
    read_only,
    side_files,
    snapshot,
    snapshot_file,
)

LONG_ANSWER = "Because the alarm watched levels, not the rate of change. " * 4000  # ~240 kB: needs new pages


@pytest.fixture
def fast_busy(monkeypatch):
    """Give up waiting for a locked journal after 50 ms instead of 2 s."""
    monkeypatch.setattr(schema, "BUSY_SECONDS", 0.05)


def assert_cli_error(capsys, argv, *words):
    """The command fails with exit 1 and one line `fivewhys: ...` holding `words`, without a traceback."""
    assert run(argv) == 1
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fivewhys: "), captured.err
    assert "Traceback" not in captured.err + captured.out
    for word in words:
        assert word.lower() in lines[0].lower()
    return lines[0]


# -- bad files at open -----------------------------------------------------------------------------

def test_garbage_is_refused_untouched_with_what_to_do(db_path, capsys):
    db_path.write_bytes(os.urandom(8192))
    before = db_path.read_bytes()
    with pytest.raises(NotAJournal, match="not a Five Whys journal.*restore it from a backup"):
        Journal.open(db_path)
    assert_cli_error(capsys, ["--db", str(db_path), "stats"], "not a five whys journal", "backup")
    assert db_path.read_bytes() == before
    assert side_files(db_path) == []


def test_truncated_journal_is_refused_untouched(db_path, capsys):
    make_journal(db_path, entries=40)
    db_path.write_bytes(db_path.read_bytes()[: db_path.stat().st_size // 2])
    before = db_path.read_bytes()
    with pytest.raises(NotAJournal, match="is damaged; restore it from a backup"):
        Journal.open(db_path)
    out = str(db_path.with_suffix(".json"))
    assert_cli_error(capsys, ["--db", str(db_path), "export", "json", "--out", out], "damaged", "restore")
    assert db_path.read_bytes() == before
    assert not db_path.with_suffix(".json").exists()
    assert check_integrity(db_path) is not None


def test_zero_byte_file_becomes_a_new_journal(db_path, capsys):
    db_path.touch()
    with Journal.open(db_path) as journal:
        entry_id = journal.create_entry(title="First")
        assert journal.get_entry(entry_id).title == "First"
    assert run(["--db", str(db_path), "stats"]) == 0
    assert "1 entries" in capsys.readouterr().out


def test_too_new_journal_is_refused_untouched(db_path, capsys):
    make_journal(db_path)
    with sqlite3.connect(db_path) as db:
        db.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    db.close()
    before = db_path.read_bytes()
    with pytest.raises(JournalTooNew, match="newer version.*update the app"):
        Journal.open(db_path)
    assert_cli_error(capsys, ["--db", str(db_path), "demo"], "newer version")
    assert db_path.read_bytes() == before
    assert side_files(db_path) == []


def test_another_sqlite_database_is_refused_untouched(db_path, capsys):
    with sqlite3.connect(db_path) as db:
        db.execute("CREATE TABLE photos (name TEXT)")
    db.close()
    before = db_path.read_bytes()
    with pytest.raises(NotAJournal, match="not a Five Whys journal"):
        Journal.open(db_path)
    assert_cli_error(capsys, ["--db", str(db_path), "stats"], "not a five whys journal")
    assert db_path.read_bytes() == before


def test_integrity_check_finds_a_damaged_page_that_open_does_not_notice(db_path):
    make_journal(db_path, entries=60)
    assert check_integrity(db_path) is None
    data = bytearray(db_path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    middle = (len(data) // page_size // 2) * page_size
    data[middle:middle + page_size] = b"\xa5" * page_size
    db_path.write_bytes(bytes(data))
    message = check_integrity(db_path)
    assert message is not None and "damaged" in message and "Restore backup" in message
    assert check_integrity(db_path.with_name("missing.sqlite")) is None


# -- failures while writing ------------------------------------------------------------------------

class Recorder:
    """A change listener remembering every notice."""

    def __init__(self) -> None:
        self.notices: list[frozenset[str]] = []

    def __call__(self, entry_ids: frozenset[str]) -> None:
        self.notices.append(entry_ids)


@pytest.fixture
def open_journal(db_path, fast_busy):
    journal = Journal.open(db_path)
    entry_id = fill(journal, entries=2)[0]
    recorder = Recorder()
    journal.subscribe(recorder)
    yield journal, entry_id, recorder
    journal.close()


def _assert_fails_then_succeeds(journal, entry_id, recorder, cause, error_type, words):
    before = snapshot(journal)
    with cause():
        with pytest.raises(error_type) as caught:
            journal.add_why(entry_id, question="Why?", answer=LONG_ANSWER)
        with pytest.raises(error_type):
            journal.update_entry(entry_id, title="Renamed", outcome=LONG_ANSWER)
    message = str(caught.value)
    assert message.count(". ") == 0 and message.endswith("."), message  # one sentence
    for word in words:
        assert word in message.lower()
    assert snapshot(journal) == before
    assert recorder.notices == []
    why_id = journal.add_why(entry_id, question="Why?", answer=LONG_ANSWER)
    assert journal.get_entry(entry_id).whys[-1].id == why_id
    assert recorder.notices == [frozenset({entry_id})]


def test_locked_journal_write_fails_cleanly_then_succeeds(open_journal):
    journal, entry_id, recorder = open_journal
    for begin in ("BEGIN IMMEDIATE", "BEGIN EXCLUSIVE"):
        recorder.notices.clear()
        _assert_fails_then_succeeds(journal, entry_id, recorder, lambda b=begin: held(journal.path, b),
                                    JournalLocked, ["busy", "another program"])


@contextlib.contextmanager
def held(path, begin):
    """Another program holds the journal's write lock (`begin`: BEGIN IMMEDIATE or EXCLUSIVE)."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute(begin)
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_read_only_journal_write_fails_cleanly_then_succeeds(open_journal):
    journal, entry_id, recorder = open_journal
    _assert_fails_then_succeeds(journal, entry_id, recorder, lambda: on_every_connection(journal, read_only),
                                JournalReadOnly, ["cannot be written", "read-only"])


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions (query_only covers root)")
def test_read_only_file_permissions_fail_cleanly(db_path, tmp_path):
    make_journal(db_path)
    before = db_path.read_bytes()
    db_path.chmod(0o400)
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(JournalReadOnly), Journal.open(db_path) as journal:
            journal.create_entry(title="Cannot be saved")
    finally:
        tmp_path.chmod(0o700)
        db_path.chmod(0o600)
    assert db_path.read_bytes() == before


def test_full_disk_write_fails_cleanly_then_succeeds(open_journal):
    journal, entry_id, recorder = open_journal
    _assert_fails_then_succeeds(journal, entry_id, recorder, lambda: on_every_connection(journal, full_disk),
                                DiskFull, ["disk", "full", "free some space"])


def test_vanished_folder_write_fails_cleanly_then_succeeds(open_journal, tmp_path):
    journal, entry_id, recorder = open_journal
    folder = journal.path.parent
    away = tmp_path.parent / (tmp_path.name + "-moved-away")

    class MovedAway:
        def __enter__(self):
            os.rename(folder, away)

        def __exit__(self, *exc):
            os.rename(away, folder)

    _assert_fails_then_succeeds(journal, entry_id, recorder, MovedAway, JournalMissing,
                                ["no longer", "put it back"])


def test_deleted_journal_is_not_written_to_a_ghost_file(db_path, tmp_path):
    with Journal.open(db_path) as journal:
        entry_id = journal.create_entry(title="Kept")
        keep = tmp_path / "copy.sqlite"
        shutil.copyfile(db_path, keep)
        shutil.copyfile(db_path.with_name(db_path.name + "-wal"), keep.with_name(keep.name + "-wal"))
        db_path.unlink()
        with pytest.raises(JournalMissing):
            journal.update_entry(entry_id, title="Typed while the file was gone")
        # The file is put back (a copy: another inode): the journal follows it and the write lands there.
        os.replace(keep, db_path)
        os.replace(keep.with_name(keep.name + "-wal"), db_path.with_name(db_path.name + "-wal"))
        journal.update_entry(entry_id, title="Typed while the file was gone")
    with Journal.open(db_path) as reopened:
        assert reopened.get_entry(entry_id).title == "Typed while the file was gone"


def test_failed_import_leaves_nothing_half_done(open_journal):
    from journal.domain.model import Entry, Why

    journal, _entry_id, recorder = open_journal
    before = snapshot(journal)
    entries = [Entry(title=f"Imported {n}", occurred_on=journal.get_entry(_entry_id).occurred_on,
                     whys=(Why(answer=LONG_ANSWER[: 20000 + n], mechanisms=(f"New mechanism {n}",)),))
               for n in range(30)]
    with on_every_connection(journal, full_disk), pytest.raises(DiskFull):
        journal.import_entries(entries)
    assert snapshot(journal) == before
    assert journal.list_entries(journal_filter_text("Imported")) == []
    assert recorder.notices == []
    assert journal.import_entries(entries).added == 30


def journal_filter_text(text):
    from journal.domain.model import EntryFilter

    return EntryFilter(text=text)


def test_cli_reports_locked_read_only_and_full_journals_in_one_line(db_path, capsys, fast_busy):
    make_journal(db_path)
    before = snapshot_file(db_path)
    with held(db_path, "BEGIN IMMEDIATE"):
        assert_cli_error(capsys, ["--db", str(db_path), "demo"], "busy in another program")
    with on_every_engine(read_only):
        assert_cli_error(capsys, ["--db", str(db_path), "demo"], "cannot be written")
    with on_every_engine(full_disk):
        assert_cli_error(capsys, ["--db", str(db_path), "demo"], "full")
    assert snapshot_file(db_path) == before


def test_cli_export_to_a_folder_that_cannot_exist(db_path, tmp_path, capsys):
    make_journal(db_path)
    a_file = tmp_path / "a-file.txt"
    a_file.write_text("not a folder")
    assert_cli_error(capsys, ["--db", str(db_path), "export", "json", "--out", str(a_file / "out.json")],
                     str(a_file))
    assert a_file.read_text() == "not a folder"


# -- two windows on one journal --------------------------------------------------------------------

def test_edit_made_elsewhere_is_not_silently_overwritten(db_path):
    make_journal(db_path, entries=1)
    with Journal.open(db_path) as mine, Journal.open(db_path) as theirs:
        entry = mine.list_entries()[0]
        loaded = mine.get_entry(entry.id)
        theirs.update_entry(entry.id, title="Their title")
        with pytest.raises(EditConflict, match="changed in another window") as caught:
            mine.update_entry(entry.id, expected={"title": loaded.title}, title="My title")
        assert (caught.value.field, caught.value.current) == ("title", "Their title")
        assert mine.get_entry(entry.id).title == "Their title"
        # Other fields are not in conflict; my own successive saves are not either.
        mine.update_entry(entry.id, expected={"notes": loaded.notes}, notes="My notes 1")
        mine.update_entry(entry.id, expected={"notes": "My notes 1"}, notes="My notes 2")
        mine.update_entry(entry.id, expected={"title": "Their title"}, title="My title")
        assert theirs.get_entry(entry.id).title == "My title"
        mine.update_entry(entry.id, title="Unchecked")  # no `expected`: the old behaviour
        assert theirs.get_entry(entry.id).title == "Unchecked"


def test_why_answer_changed_elsewhere_raises_conflict(db_path):
    make_journal(db_path, entries=1)
    with Journal.open(db_path) as mine, Journal.open(db_path) as theirs:
        why = mine.get_entry(mine.list_entries()[0].id).whys[0]
        theirs.update_why(why.id, answer="Their answer")
        with pytest.raises(EditConflict) as caught:
            mine.update_why(why.id, answer="My answer", expected={"answer": why.answer})
        assert caught.value.current == "Their answer"
        mine.update_why(why.id, answer="My answer", expected={"answer": "Their answer", "root_cause": False})
        assert theirs.get_entry(mine.list_entries()[0].id).whys[0].answer == "My answer"
        with pytest.raises(ValueError):
            mine.update_why(why.id, answer="x", expected={"colour": "red"})


def test_expected_values_match_after_the_store_cleaned_them(db_path):
    with Journal.open(db_path) as journal:
        entry_id = journal.create_entry(title="Half a character: \ud83d")
        journal.update_entry(entry_id, expected={"title": "Half a character: \ud83d", "valence": "negative"},
                             title="Fixed")
        assert journal.get_entry(entry_id).title == "Fixed"


# -- owner-only files ------------------------------------------------------------------------------

def test_journal_and_its_side_files_are_owner_only_even_with_a_lax_umask(tmp_path):
    from journal.store.backup import take_backup

    previous = os.umask(0)
    try:
        path = tmp_path / "new folder" / "journal.sqlite"
        with Journal.open(path) as journal:
            journal.create_entry(title="Private")
            files = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
            modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in files}
            backup = take_backup(path)
    finally:
        os.umask(previous)
    assert modes == dict.fromkeys(modes, 0o600)
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup.parent.stat().st_mode) == 0o700
