"""Edits kept aside when the journal refused them: written privately, found again for the right journal
only, exactly as typed, and never confused by other files."""

import os
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings

from journal.domain.model import Entry, Valence, Why
from journal.exchange import jsonv1, unsaved
from journal.exchange.errors import ExchangeError
from tests.unit.exchange.test_jsonv1 import entries


def entry(title: str, answer: str = "") -> Entry:
    return Entry(title=title, occurred_on=date(2026, 12, 3), valence=Valence.NEGATIVE,
                 whys=(Why(question="Why?", answer=answer, mechanisms=("No checklist",)),))


def test_kept_edits_come_back_for_their_journal_only(tmp_path):
    folder = tmp_path / "unsaved"
    mine, other = tmp_path / "mine.sqlite", tmp_path / "other.sqlite"
    first = unsaved.keep_aside(mine, [entry("First", "\x00 RTL \u202e emoji 🧭 " + "x" * 100_000)], [folder])
    unsaved.keep_aside(other, [entry("Someone else's")], [folder])
    second = unsaved.keep_aside(mine, [entry("Second"), entry("Third")], [folder])
    kept = unsaved.kept_aside(mine, [folder])
    assert [k.path for k in kept] == [first, second]
    assert [[e.title for e in k.entries] for k in kept] == [["First"], ["Second", "Third"]]
    assert kept[0].entries[0].whys[0].answer.endswith("x" * 100_000)
    assert kept[0].entries[0].whys[0].answer.startswith("\x00 RTL \u202e emoji 🧭")
    assert kept[0].written_at <= kept[1].written_at
    assert folder.stat().st_mode & 0o777 == 0o700 and first.stat().st_mode & 0o777 == 0o600


def test_the_same_journal_named_another_way_is_still_found(tmp_path, monkeypatch):
    unsaved.keep_aside(tmp_path / "a" / ".." / "journal.sqlite", [entry("Kept")], [tmp_path / "unsaved"])
    monkeypatch.chdir(tmp_path)
    assert len(unsaved.kept_aside(tmp_path / "journal.sqlite", [tmp_path / "unsaved"])) == 1
    assert len(unsaved.kept_aside("journal.sqlite", [tmp_path / "unsaved"])) == 1


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edited=entries)
def test_any_entry_comes_back_exactly(tmp_path, edited):
    folder = tmp_path / "any"
    path = unsaved.keep_aside(tmp_path / "j.sqlite", [edited], [folder])
    [kept] = [k for k in unsaved.kept_aside(tmp_path / "j.sqlite", [folder]) if k.path == path]
    as_json_keeps_it = jsonv1.document_from_dict(jsonv1.document_to_dict([edited], ())).entries
    assert [jsonv1.entry_to_dict(e) for e in kept.entries] == [
        jsonv1.entry_to_dict(e) for e in as_json_keeps_it]
    assert kept.entries[0].title == edited.title and kept.entries[0].notes == edited.notes
    unsaved.discard(kept)
    assert not path.exists()


def test_damaged_or_foreign_files_are_left_alone(tmp_path):
    folder = tmp_path / "unsaved"
    good = unsaved.keep_aside(tmp_path / "j.sqlite", [entry("Good")], [folder])
    (folder / "unsaved-broken.json").write_text('{"format": "fivewhys-journal", "ver')
    (folder / "unsaved-latin1.json").write_bytes(b"\xff\xfe not text")
    (folder / "unsaved-list.json").write_text("[]")
    (folder / "notes.json").write_text(good.read_text())  # not named like a kept file
    tampered = good.read_text().replace('"valence": "negative"', '"valence": "awful"')
    (folder / "unsaved-tampered.json").write_text(tampered)
    assert [k.path for k in unsaved.kept_aside(tmp_path / "j.sqlite", [folder])] == [good]
    assert (folder / "unsaved-broken.json").exists()
    assert unsaved.kept_aside(tmp_path / "j.sqlite", [tmp_path / "missing"]) == []


def test_an_unusable_folder_falls_back_to_the_next_and_then_says_why(tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    fallback = tmp_path / "fallback"
    path = unsaved.keep_aside(tmp_path / "j.sqlite", [entry("Saved somewhere")], [blocked, fallback])
    assert path.parent == fallback
    with pytest.raises(ExchangeError) as error:
        unsaved.keep_aside(tmp_path / "j.sqlite", [entry("Nowhere")], [blocked])
    assert str(error.value) == f"{blocked} is a file, not a folder."
    assert blocked.read_text() == "a file where the folder should be"


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() == 0, reason="root writes in read-only folders")
def test_a_read_only_folder_is_refused_in_one_sentence(tmp_path):
    folder = tmp_path / "read-only"
    folder.mkdir(mode=0o500)
    with pytest.raises(ExchangeError, match="cannot be written to"):
        unsaved.keep_aside(tmp_path / "j.sqlite", [entry("x")], [folder])
