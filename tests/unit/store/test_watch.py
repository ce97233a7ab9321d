"""A journal notices writes made elsewhere (another Journal, another program) and not its own."""

import sqlite3
from contextlib import closing
from datetime import date

from journal.domain.model import Entry, Valence
from journal.store.repository import Journal


def entry(title: str) -> Entry:
    return Entry(title=title, occurred_on=date(2026, 12, 3), valence=Valence.NEGATIVE)


def test_writes_elsewhere_are_noticed_once_and_own_writes_never(db_path):
    with Journal.open(db_path) as mine, Journal.open(db_path) as other:
        mine.count_entries()
        mine.changed_elsewhere()  # opening and first reads may create the write-ahead log
        assert not mine.changed_elsewhere()
        made = mine.replace_entry(entry("Mine"))
        mine.update_entry(made.id, title="Still mine")
        assert not mine.changed_elsewhere()
        other.update_entry(made.id, title="Changed in the other window")
        assert mine.changed_elsewhere()
        assert not mine.changed_elsewhere()
        assert mine.get_entry(made.id).title == "Changed in the other window"


def test_a_write_by_another_program_is_noticed(db_path):
    with Journal.open(db_path) as mine:
        made = mine.replace_entry(entry("Before"))
        mine.changed_elsewhere()
        with closing(sqlite3.connect(db_path)) as program, program:
            program.execute("UPDATE entry SET title = 'From a script' WHERE id = ?", (made.id,))
        assert mine.changed_elsewhere()


def test_reading_elsewhere_is_not_a_change(db_path):
    with Journal.open(db_path) as mine, Journal.open(db_path) as other:
        mine.replace_entry(entry("Read by others"))
        other.list_entries()
        other.count_entries()
        mine.changed_elsewhere()
        other.list_entries()
        assert not mine.changed_elsewhere()
