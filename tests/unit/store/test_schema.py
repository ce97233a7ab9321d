"""Creating, migrating and refusing journal files."""

import sqlite3
from datetime import date

import pytest

from journal.store import schema
from journal.store.errors import JournalError, JournalTooNew, NotAJournal
from journal.store.repository import Journal


def test_revisions_match_the_alembic_scripts():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(schema._MIGRATIONS))
    scripts = ScriptDirectory.from_config(config)
    walked = [script.revision for script in scripts.walk_revisions()]
    assert tuple(reversed(walked)) == schema.REVISIONS
    assert scripts.get_current_head() == schema.HEAD


def test_tables_match_the_migrations(db_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    import journal.store.tables  # noqa: F401  (registers the tables)

    Journal.open(db_path).close()
    engine = schema.make_engine(db_path)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    engine.dispose()
    assert [d for d in diff if "entry_search" not in str(d)] == []


def test_an_old_journal_upgrades_with_its_data(db_path):
    schema._create_owner_only(db_path)
    schema.upgrade(db_path, "0001_tables")
    with sqlite3.connect(db_path) as old:
        old.execute("INSERT INTO entry VALUES ('e1', 'Kettle left on', '2025-01-02', 'home', 'negative', "
                    "'Boiled dry', '', '2025-01-02T08:00:00+00:00', '2025-01-02T08:00:00+00:00')")
        old.execute("INSERT INTO why VALUES ('w1', 'e1', NULL, 0, 'Why?', 'No automatic shut-off', 1)")
        old.execute("INSERT INTO mechanism VALUES ('m1', 'No auto shut-off', 'no auto shut-off', '')")
        old.execute("INSERT INTO why_mechanism VALUES ('w1', 'm1', 0)")
    assert schema.current_revision(db_path) == "0001_tables"
    backups = []
    with Journal.open(db_path, before_migration=backups.append) as journal:
        assert backups == [db_path]
        assert schema.current_revision(db_path) == schema.HEAD
        entry = journal.get_entry("e1")
        assert entry.title == "Kettle left on" and entry.occurred_on == date(2025, 1, 2)
        assert entry.whys[0].answer == "No automatic shut-off"
        assert entry.whys[0].mechanisms == ("No auto shut-off",)
        assert [(s.name, s.entries) for s in journal.mechanism_stats()] == [("No auto shut-off", 1)]
        from journal.domain.model import EntryFilter

        assert [e.id for e in journal.list_entries(EntryFilter(text="shut"))] == ["e1"]


def test_a_newer_journal_is_refused_untouched(db_path):
    Journal.open(db_path).close()
    with sqlite3.connect(db_path) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = db_path.read_bytes()
    with pytest.raises(JournalTooNew, match="newer version"):
        Journal.open(db_path)
    assert db_path.read_bytes() == before


@pytest.mark.parametrize("content", [b"not a database at all", b"SQLite format 3\x00" + b"\x00" * 50])
def test_a_file_that_is_not_a_journal_is_refused_untouched(db_path, content):
    db_path.write_bytes(content)
    with pytest.raises(NotAJournal):
        Journal.open(db_path)
    assert db_path.read_bytes() == content


def test_another_sqlite_database_is_refused(db_path):
    with sqlite3.connect(db_path) as db:
        db.execute("CREATE TABLE notes (x)")
    with pytest.raises(NotAJournal, match="not a Five Whys journal"):
        Journal.open(db_path)


def test_a_folder_is_refused_and_a_missing_folder_is_created(tmp_path):
    with pytest.raises(JournalError, match="is a folder"):
        Journal.open(tmp_path)
    nested = tmp_path / "a" / "b" / "journal.sqlite"
    Journal.open(nested).close()
    assert nested.exists() and nested.parent.stat().st_mode & 0o777 == 0o700
