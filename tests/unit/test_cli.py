"""The command line end to end: real journals in temporary folders, real files, one-sentence errors."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from journal import cli
from journal.paths import SAMPLE_JOURNAL

ROOT = Path(__file__).resolve().parents[2]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = cli.run(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def assert_one_sentence_error(status: int, err: str, *words: str) -> None:
    assert status == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fivewhys: "), err
    assert "Traceback" not in err
    for word in words:
        assert word in lines[0]


def test_import_export_import_gives_the_same_journal(tmp_path, capsys):
    one, two = tmp_path / "one.sqlite", tmp_path / "two.sqlite"
    assert run(capsys, "--db", str(one), "import", str(SAMPLE_JOURNAL))[1] == "Imported 9 entries.\n"
    assert run(capsys, "export", "json", "--out", str(tmp_path / "a.json"), "--db", str(one))[0] == 0
    assert run(capsys, "--db", str(two), "import", str(tmp_path / "a.json"))[0] == 0
    assert run(capsys, "--db", str(two), "export", "json", "--out", str(tmp_path / "b.json"))[0] == 0
    a, b = (json.loads((tmp_path / n).read_text(encoding="utf-8")) for n in ("a.json", "b.json"))
    a.pop("exported_at"), b.pop("exported_at")
    assert a == b and len(a["entries"]) == 9
    status, out, _ = run(capsys, "--db", str(two), "import", str(tmp_path / "a.json"))
    assert status == 0 and "0 entries (9 already in the journal)" in out


def test_stats_json_counts_and_respects_dates(tmp_path, capsys):
    db = str(tmp_path / "j.sqlite")
    run(capsys, "--db", db, "demo")
    status, out, _ = run(capsys, "--db", db, "stats", "--json")
    stats = json.loads(out)
    assert status == 0 and stats["entries"] == 9
    first = stats["mechanisms"][0]
    # Counted by hand from the sample: the checklist mechanism appears in 3 entries, once each.
    assert first == {"name": "Manual step with no checklist", "entries": 3, "whys": 3,
                     "first_seen": "2026-05-12", "last_seen": "2026-11-14"}
    counts = [m["entries"] for m in stats["mechanisms"]]
    assert counts == sorted(counts, reverse=True) and len(counts) == 7
    status, out, _ = run(capsys, "stats", "--json", "--since", "2026-10-01", "--until", "2026-11-20",
                         "--db", db)
    window = {m["name"]: m["entries"] for m in json.loads(out)["mechanisms"]}
    assert json.loads(out)["entries"] == 4
    assert window == {"Screens in the bedroom at night": 2, "No shared calendar at home": 2,
                      "Manual step with no checklist": 1, "Pitch not tested with a real customer first": 1}


def test_the_environment_variable_names_the_journal(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("FIVEWHYS_DB", str(tmp_path / "env.sqlite"))
    assert run(capsys, "demo")[0] == 0
    assert (tmp_path / "env.sqlite").exists()


def test_backup_is_a_consistent_owner_only_copy(tmp_path, capsys):
    db, copy = tmp_path / "j.sqlite", tmp_path / "copy.sqlite"
    run(capsys, "--db", str(db), "demo")
    assert run(capsys, "--db", str(db), "backup", "--out", str(copy))[0] == 0
    assert copy.stat().st_mode & 0o777 == 0o600
    status, out, _ = run(capsys, "--db", str(copy), "stats", "--json")
    assert json.loads(out)["entries"] == 9


@pytest.mark.parametrize(("content", "words"), [
    ("{not json", ["not valid JSON"]),
    ('{"format": "fivewhys-journal", "version": 9, "entries": []}', ["newer"]),
    ('{"format": "something-else"}', ["not a Five Whys journal file"]),
    ('{"format": "fivewhys-journal", "version": 1, "entries": [{"title": "t"}]}', ["occurred_on"]),
    ('{"format": "fivewhys-journal", "version": 1, "entries": [{"title": 1, "occurred_on": "2026-01-01",'
     ' "valence": "negative"}]}', ["must be text"]),
    ('{"format": "fivewhys-journal", "version": 1, "entries": [{"title": "t", "occurred_on": "2026-01-01",'
     ' "valence": "negative", "inputs": [{"kind": "karma"}]}]}', ["karma"]),
])
def test_bad_import_files_leave_the_journal_unchanged(tmp_path, capsys, content, words):
    db = tmp_path / "j.sqlite"
    run(capsys, "--db", str(db), "demo")
    before = run(capsys, "--db", str(db), "export", "json", "--out", str(tmp_path / "before.json"))
    assert before[0] == 0
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    status, _, err = run(capsys, "--db", str(db), "import", str(bad))
    assert_one_sentence_error(status, err, *words)
    run(capsys, "--db", str(db), "export", "json", "--out", str(tmp_path / "after.json"))
    strip = [json.loads((tmp_path / n).read_text(encoding="utf-8")) for n in ("before.json", "after.json")]
    for document in strip:
        document.pop("exported_at")
    assert strip[0] == strip[1]


def test_an_import_that_fails_half_way_adds_nothing(tmp_path, capsys):
    db = tmp_path / "j.sqlite"
    document = json.loads(SAMPLE_JOURNAL.read_text(encoding="utf-8"))
    document["entries"][5]["whys"][0]["answer"] = ["not", "text"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    status, _, err = run(capsys, "--db", str(db), "import", str(bad))
    assert_one_sentence_error(status, err, "answer")
    assert json.loads(run(capsys, "--db", str(db), "stats", "--json")[1])["entries"] == 0


def test_missing_files_folders_and_non_journals_get_one_sentence(tmp_path, capsys):
    status, _, err = run(capsys, "--db", str(tmp_path / "j.sqlite"), "import", str(tmp_path / "nope.json"))
    assert_one_sentence_error(status, err, "There is no file")
    status, _, err = run(capsys, "--db", str(tmp_path), "stats")
    assert_one_sentence_error(status, err, "is a folder")
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"\x00garbage" * 100)
    status, _, err = run(capsys, "--db", str(garbage), "stats")
    assert_one_sentence_error(status, err, "not a Five Whys journal")
    assert garbage.read_bytes() == b"\x00garbage" * 100
    status, _, err = run(capsys, "--db", str(tmp_path / "j.sqlite"), "export", "json", "--out", str(tmp_path))
    assert_one_sentence_error(status, err, "is a folder")
    (tmp_path / "file").write_text("x")
    status, _, err = run(capsys, "--db", str(tmp_path / "j.sqlite"), "export", "json",
                         "--out", str(tmp_path / "file" / "out.json"))
    assert_one_sentence_error(status, err)


def test_main_py_equals_the_installed_command(tmp_path):
    env = {**os.environ, "FIVEWHYS_DB": str(tmp_path / "j.sqlite")}
    demo = subprocess.run([sys.executable, str(ROOT / "main.py"), "demo"], env=env, capture_output=True,
                          text=True, check=False)
    assert demo.returncode == 0 and demo.stdout == "Added 9 sample entries.\n"
    bad = subprocess.run([sys.executable, str(ROOT / "main.py"), "import", str(tmp_path)], env=env,
                         capture_output=True, text=True, check=False)
    assert bad.returncode == 1 and bad.stderr.startswith("fivewhys: ") and "Traceback" not in bad.stderr


def test_check_reports_findings_as_json_lines(capsys, monkeypatch):
    import io

    status, out, _ = run(capsys, "check", "--json", "Dave forgot to run the tests",
                         "There was no alarm on the number of servers shutting down")
    blame, mechanism = (json.loads(line) for line in out.splitlines())
    assert status == 0
    assert [f["kind"] for f in blame["findings"]] == ["blame"]
    assert blame["text"][blame["findings"][0]["start"]:blame["findings"][0]["end"]]
    assert mechanism == {"text": "There was no alarm on the number of servers shutting down", "findings": []}
    monkeypatch.setattr("sys.stdin", io.StringIO("I was lazy\nThe checklist has no step for it\n"))
    status, out, _ = run(capsys, "check", "--json")
    kinds = [[f["kind"] for f in json.loads(line)["findings"]] for line in out.splitlines()]
    assert status == 0 and kinds == [["blame"], []]
