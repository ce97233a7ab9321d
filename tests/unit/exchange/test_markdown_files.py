"""Markdown folders on disk: export, re-export, import through a real journal and the command line."""

from __future__ import annotations

import ctypes
import errno
import gc
import json
import os
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from journal import paths
from journal.cli import run
from journal.domain.model import Entry
from journal.exchange import folder_writer, folder_writer_child, jsonv1
from journal.exchange.errors import ExchangeError, FormatError
from journal.exchange.files import read_document
from journal.exchange.jsonv1 import entry_to_dict
from journal.exchange.markdown import render_entry
from journal.exchange.markdown_files import read_markdown, write_markdown_folder
from journal.store.repository import Journal

EXPORTED_AT = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def sample():
    return read_document(paths.SAMPLE_JOURNAL)


def markdown_names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.suffix == ".md")


def journal_json(journal: Journal) -> dict:
    return jsonv1.document_to_dict(journal.all_entries(), journal.mechanisms(), exported_at=EXPORTED_AT)


# -- export -----------------------------------------------------------------------------------

def test_one_file_per_entry_named_by_date_and_title(tmp_path, sample):
    folder = tmp_path / "new" / "export"
    written = write_markdown_folder(folder, sample.entries)
    assert [path.parent for path in written] == [folder] * len(sample.entries)
    assert markdown_names(folder) == sorted(path.name for path in written)
    assert "2026-05-12 Every server except the listed ones was shut down.md" in markdown_names(folder)
    assert [p.read_text(encoding="utf-8") for p in written] == [render_entry(e) for e in sample.entries]
    assert not [p for p in folder.iterdir() if p.name.startswith(".")], "temporary files left behind"


def test_progress_is_reported_from_zero_to_all(tmp_path, sample):
    calls: list[tuple[int, int]] = []
    write_markdown_folder(tmp_path, sample.entries, progress=lambda done, total: calls.append((done, total)))
    total = len(sample.entries)
    assert calls[0] == (0, total) and calls[-1] == (total, total)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_entries_coming_one_by_one_are_counted_for_the_progress(tmp_path, sample):
    calls: list[tuple[int, int]] = []
    written = write_markdown_folder(tmp_path, iter(sample.entries), progress=lambda *call: calls.append(call))
    total = len(sample.entries)
    assert calls[0] == (0, total) and calls[-1] == (total, total) and len(written) == total
    assert [p.read_text(encoding="utf-8") for p in written] == [render_entry(e) for e in sample.entries]


def test_an_export_read_straight_from_the_journal_writes_what_a_list_would(tmp_path, sample):
    with Journal.open(tmp_path / "j.sqlite") as journal:
        journal.import_entries(sample.entries, sample.mechanisms)
        streamed = write_markdown_folder(tmp_path / "streamed", journal.all_entries())
        listed = write_markdown_folder(tmp_path / "listed", list(journal.all_entries()))
    assert [p.name for p in streamed] == [p.name for p in listed]
    assert [p.read_bytes() for p in streamed] == [p.read_bytes() for p in listed]


def test_the_cycle_collector_is_paused_only_while_entries_are_written(tmp_path, sample):
    seen = []

    def entries():
        for entry in sample.entries:
            seen.append(gc.isenabled())
            yield entry
        raise RuntimeError("the journal went away")

    with pytest.raises(RuntimeError, match="went away"):
        write_markdown_folder(tmp_path, entries())
    assert seen == [False] * len(sample.entries) and gc.isenabled()
    gc.disable()
    try:
        write_markdown_folder(tmp_path, sample.entries)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_export_then_import_gives_the_same_entries(tmp_path, sample):
    write_markdown_folder(tmp_path, sample.entries)
    document = read_markdown(tmp_path)
    by_id = {entry.id: entry_to_dict(entry) for entry in document.entries}
    assert by_id == {entry.id: entry_to_dict(entry) for entry in sample.entries}
    assert document.mechanisms == ()


def test_a_second_export_replaces_the_entries_files_and_keeps_everything_else(tmp_path, sample):
    entries = list(sample.entries)
    first = write_markdown_folder(tmp_path, entries)
    (tmp_path / "My own notes.md").write_text("# Mine\n", encoding="utf-8")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG")
    untouched = first[1].stat().st_mtime_ns, first[1].stat().st_ino
    renamed = replace(entries[0], title="A new title")
    edited = replace(entries[2], notes="Edited notes")
    entries[0], entries[2] = renamed, edited
    second = write_markdown_folder(tmp_path, entries)
    assert second[0].name == "2026-05-12 A new title.md" and not first[0].exists()
    assert second[1] == first[1] and (first[1].stat().st_mtime_ns, first[1].stat().st_ino) == untouched
    assert second[2] == first[2] and "Edited notes" in second[2].read_text(encoding="utf-8")
    assert (tmp_path / "My own notes.md").read_text(encoding="utf-8") == "# Mine\n"
    assert (tmp_path / "picture.png").exists()
    assert len(markdown_names(tmp_path)) == len(entries) + 1


def test_names_already_used_by_other_files_are_avoided(tmp_path, sample):
    entry = sample.entries[0]
    taken = tmp_path / f"{entry.occurred_on} {entry.title.upper()}.md"
    taken.write_text("someone else's file", encoding="utf-8")
    twin = replace(entry, id="another-id")
    written = write_markdown_folder(tmp_path, [entry, twin])
    assert [path.name.removesuffix(".md")[-3:] for path in written] == ["(2)", "(3)"]
    assert taken.read_text(encoding="utf-8") == "someone else's file"


def test_mechanisms_and_descriptions_go_to_their_own_file(tmp_path, sample):
    write_markdown_folder(tmp_path, sample.entries, mechanisms=sample.mechanisms)
    assert (tmp_path / "Mechanisms.md").exists()
    document = read_markdown(tmp_path)
    assert document.mechanisms == sample.mechanisms and len(document.entries) == len(sample.entries)
    (tmp_path / "Mechanisms.md").unlink()
    (tmp_path / "Mechanisms.md").write_text("a user's own file", encoding="utf-8")
    write_markdown_folder(tmp_path, sample.entries, mechanisms=sample.mechanisms)
    assert (tmp_path / "Mechanisms (2).md").exists()
    assert (tmp_path / "Mechanisms.md").read_text(encoding="utf-8") == "a user's own file"


def test_a_file_where_the_folder_should_be_is_one_clear_error(tmp_path, sample):
    target = tmp_path / "export.md"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(ExchangeError, match=r"export\.md is a file, not a folder\.$"):
        write_markdown_folder(target, sample.entries)
    with pytest.raises(ExchangeError, match=r"export\.md is a file, so the folder .*inner cannot be made"):
        write_markdown_folder(target / "deeper" / "inner", sample.entries)
    assert target.read_text(encoding="utf-8") == "x"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_a_read_only_folder_is_one_clear_error(tmp_path, sample):
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(ExchangeError, match="cannot be written to"):
            write_markdown_folder(tmp_path, sample.entries)
    finally:
        tmp_path.chmod(0o700)


def test_a_full_disk_is_one_clear_error_and_leaves_no_temporary_files(tmp_path, sample, monkeypatch):
    monkeypatch.setattr(folder_writer, "child_command", lambda: None)  # writes in this process
    real_write = os.write
    written = []

    def write(descriptor, data):
        if written:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(len(data))
        return real_write(descriptor, data)

    monkeypatch.setattr(os, "write", write)
    with pytest.raises(ExchangeError, match=r"^The disk is full; 2026-.*\.md was not written\.$"):
        write_markdown_folder(tmp_path, sample.entries)
    assert len(markdown_names(tmp_path)) == 1 and not [p for p in tmp_path.iterdir() if p.name[0] == "."]


# -- import -----------------------------------------------------------------------------------

def test_one_markdown_file_can_be_imported(tmp_path, sample):
    path = write_markdown_folder(tmp_path, sample.entries[:2])[1]
    document = read_document(path)
    assert [entry_to_dict(e) for e in document.entries] == [entry_to_dict(sample.entries[1])]


def test_a_bad_file_stops_the_whole_import_with_its_name_and_line(tmp_path, sample):
    write_markdown_folder(tmp_path, sample.entries)
    bad = tmp_path / "2026-01-01 Broken.md"
    bad.write_text("---\ndate: 2026-01-01\nvalence: negative\n---\n\n# Broken\n\n## Whys\n\n- no why\n",
                   encoding="utf-8")
    with pytest.raises(FormatError, match=r"^2026-01-01 Broken\.md, line 10: a why must begin with"):
        read_markdown(tmp_path)


def test_files_that_are_not_ours_or_not_text_are_named(tmp_path):
    (tmp_path / "Shopping.md").write_text("- milk\n- eggs\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"^Shopping\.md: it is not a Five Whys entry"):
        read_markdown(tmp_path)
    (tmp_path / "Shopping.md").write_bytes(b"\xff\xfe not utf-8")
    with pytest.raises(ExchangeError, match=r"Shopping\.md is not UTF-8 text"):
        read_markdown(tmp_path)


def test_two_files_of_one_entry_are_refused(tmp_path, sample):
    path = write_markdown_folder(tmp_path, sample.entries[:1])[0]
    (tmp_path / "copy.md").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(FormatError, match="hold the same entry"):
        read_markdown(tmp_path)


def test_an_empty_or_missing_folder_is_named(tmp_path):
    with pytest.raises(ExchangeError, match="There are no Markdown"):
        read_markdown(tmp_path)
    with pytest.raises(ExchangeError, match="There is no file or folder"):
        read_markdown(tmp_path / "missing")


def test_hidden_and_other_files_are_not_imported(tmp_path, sample):
    write_markdown_folder(tmp_path, sample.entries[:1])
    (tmp_path / ".half-written.md.123.tmp").write_text("junk", encoding="utf-8")
    (tmp_path / ".hidden.md").write_text("junk", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("junk", encoding="utf-8")
    assert len(read_markdown(tmp_path).entries) == 1


def test_a_journal_exported_and_imported_again_is_the_same_journal(tmp_path, sample):
    folder = tmp_path / "markdown"
    with Journal.open(tmp_path / "first.sqlite") as first:
        first.import_entries(sample.entries, sample.mechanisms)
        write_markdown_folder(folder, list(first.all_entries()), mechanisms=first.mechanisms())
        expected = journal_json(first)
    with Journal.open(tmp_path / "second.sqlite") as second:
        document = read_document(folder)
        report = second.import_entries(document.entries, document.mechanisms)
        assert (report.added, report.skipped) == (len(sample.entries), 0)
        assert journal_json(second) == expected
        assert second.import_entries(document.entries, document.mechanisms).skipped == len(sample.entries)


def test_a_hand_edited_title_date_and_tick_reach_the_journal(tmp_path, sample):
    entry = sample.entries[0]
    path = write_markdown_folder(tmp_path / "md", [entry])[0]
    text = path.read_text(encoding="utf-8").replace(f"# {entry.title}", "# Renamed by hand")
    path.write_text(text.replace("date: 2026-05-12", "date: 2026-05-13").replace("- [ ]", "- [x]"),
                    encoding="utf-8")
    with Journal.open(tmp_path / "j.sqlite") as journal:
        journal.import_entries(read_document(tmp_path / "md").entries)
        back = journal.get_entry(entry.id)
    assert (back.title, back.occurred_on) == ("Renamed by hand", date(2026, 5, 13))
    assert all(action.status.value == "done" for action in back.all_actions())


# -- the command line -------------------------------------------------------------------------

def test_export_and_import_from_the_command_line(tmp_path, capsys):
    first, second, folder = tmp_path / "first.sqlite", tmp_path / "second.sqlite", tmp_path / "out"
    assert run(["--db", str(first), "demo"]) == 0
    assert run(["--db", str(first), "export", "markdown", "--out", str(folder)]) == 0
    assert f"Exported 9 entries to {folder}." in capsys.readouterr().out
    assert len(markdown_names(folder)) == 10 and (folder / "Mechanisms.md").exists()
    assert run(["import", str(folder), "--db", str(second)]) == 0
    assert "Imported 9 entries." in capsys.readouterr().out
    for db in (first, second):
        assert run(["--db", str(db), "export", "json", "--out", str(db.with_suffix(".json"))]) == 0
    exported = [json.loads(db.with_suffix(".json").read_text(encoding="utf-8")) for db in (first, second)]
    assert exported[0]["entries"] == exported[1]["entries"]
    assert exported[0]["mechanisms"] == exported[1]["mechanisms"]  # descriptions too


@pytest.mark.parametrize(("name", "text", "message"), [
    ("2026-01-01 Bad.md", "---\ndate: [2026\n---\n# Bad\n",
     "fivewhys: 2026-01-01 Bad.md, line 3: the front matter is not valid YAML"),
    ("Groceries.md", "# Groceries\n\n- milk\n", "fivewhys: Groceries.md: it is not a Five Whys entry"),
])
def test_a_bad_markdown_folder_leaves_the_journal_as_it_was(tmp_path, capsys, name, text, message):
    db, folder = tmp_path / "j.sqlite", tmp_path / "in"
    assert run(["--db", str(db), "demo"]) == 0
    with Journal.open(db) as journal:
        fresh = [replace(entry, id=f"new-{n}") for n, entry in enumerate(journal.all_entries())]
        write_markdown_folder(folder, fresh)
    (folder / name).write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert run(["--db", str(db), "import", str(folder)]) == 1
    error = capsys.readouterr().err
    assert error.startswith(message) and error.count("\n") == 1
    with Journal.open(db) as journal:
        assert journal.count_entries() == 9


def test_exporting_onto_a_file_fails_with_one_sentence(tmp_path, capsys):
    db, target = tmp_path / "j.sqlite", tmp_path / "notes.txt"
    target.write_text("keep me", encoding="utf-8")
    assert run(["--db", str(db), "demo"]) == 0
    capsys.readouterr()
    assert run(["--db", str(db), "export", "markdown", "--out", str(target)]) == 1
    assert capsys.readouterr().err == f"fivewhys: {target} is a file, not a folder.\n"
    assert target.read_text(encoding="utf-8") == "keep me"


def test_a_json_file_is_still_read_as_json(tmp_path, sample):
    path = tmp_path / "backup.json"
    text = jsonv1.dumps(jsonv1.document_to_dict(sample.entries, sample.mechanisms))
    path.write_text(text, encoding="utf-8")
    assert read_document(path).mechanisms == sample.mechanisms


def test_an_entry_built_in_memory_survives_the_files(tmp_path):
    entry = Entry(title="Tabs\tand\r\nreturns | pipes", occurred_on=date(2026, 2, 3), notes="  leading\n")
    write_markdown_folder(tmp_path, [entry])
    assert [entry_to_dict(e) for e in read_markdown(tmp_path).entries] == [entry_to_dict(entry)]


def test_a_failed_flush_to_disk_is_reported(tmp_path, sample, monkeypatch):
    def failing_syncfs(descriptor: int) -> int:
        ctypes.set_errno(errno.EIO)
        return -1

    monkeypatch.setattr(folder_writer, "child_command", lambda: None)  # writes in this process
    monkeypatch.setattr(folder_writer_child, "_syncfs", lambda: failing_syncfs)
    with pytest.raises(ExchangeError, match=r"could not be saved to disk: Input/output error\.$"):
        write_markdown_folder(tmp_path, sample.entries[:1])
