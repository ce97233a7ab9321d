"""The start-up preview of the newest entries: the same rows the repository lists, never a write."""

from datetime import date

from journal.store.preview import newest_entries
from journal.store.repository import Journal


def test_the_preview_lists_what_the_repository_lists(db_path):
    with Journal.open(db_path) as journal:
        for day in (3, 1, 2):
            journal.create_entry(f"day {day}", date(2026, 1, day), area="home")
        expected = journal.list_entries(limit=2)
    assert newest_entries(db_path, 2) == expected


def test_the_preview_gives_nothing_for_doubtful_files(tmp_path):
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"not a database" * 100)
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    for path in (tmp_path / "missing.sqlite", garbage, empty, tmp_path):
        assert newest_entries(path, 10) == []
    assert garbage.read_bytes() == b"not a database" * 100


def test_the_preview_does_not_import_the_orm():
    import subprocess
    import sys

    code = ("import sys; from pathlib import Path; from journal.store.preview import newest_entries; "
            "newest_entries(Path('missing'), 1); "
            "print(any(m.split('.')[0] in ('sqlalchemy', 'sqlmodel') for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
