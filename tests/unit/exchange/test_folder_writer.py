"""Whole files written into a folder by the child process (and in this process where it cannot run)."""

from __future__ import annotations

import io
import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from journal.exchange import folder_writer
from journal.exchange.errors import ExchangeError
from journal.exchange.folder_writer import InProcessWriter, ProcessWriter, open_writer
from journal.exchange.folder_writer_child import HEADER, Folder, serve

KINDS = ["child", "in-process"]


@pytest.fixture(params=KINDS)
def kind(request, monkeypatch):
    """Each test runs with the child writer and with the in-process one."""
    if request.param == "in-process":
        monkeypatch.setattr(folder_writer, "child_command", lambda: None)
    return request.param


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.startswith("."))


def record(name: str, data: bytes) -> bytes:
    encoded = name.encode("utf-8")
    return HEADER.pack(len(encoded), len(data)) + encoded + data


def test_files_are_written_whole_with_their_exact_bytes(tmp_path, kind):
    texts = {"2026-05-12 Ünïcödé – “quotes”.md": "---\ntitle: x\n---\n\n# Ünïcödé\n", "empty.md": "",
             "big.md": "line\n" * 100_000}
    with open_writer(tmp_path) as writer:
        assert isinstance(writer, ProcessWriter if kind == "child" else InProcessWriter)
        for name, text in texts.items():
            writer.write(name, text)
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == {
        name: text.encode("utf-8") for name, text in texts.items()}
    assert stat.S_IMODE((tmp_path / "empty.md").stat().st_mode) == 0o600


def test_a_file_written_again_replaces_the_old_one(tmp_path, kind):
    (tmp_path / "a.md").write_text("old", encoding="utf-8")
    with open_writer(tmp_path) as writer:
        writer.write("a.md", "new")
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "new" and leftovers(tmp_path) == []


def test_a_folder_in_the_way_is_one_sentence_and_leaves_no_temporary_file(tmp_path, kind):
    (tmp_path / "b.md").mkdir()
    (tmp_path / "b.md" / "inside").write_text("x", encoding="utf-8")
    folder_in_the_way = pytest.raises(ExchangeError, match=r"^.*/b\.md is a folder, not a file\.$")
    with folder_in_the_way, open_writer(tmp_path) as writer:
        writer.write("a.md", "first")
        writer.write("b.md", "second")
        writer.write("c.md", "third")
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "first"
    assert not (tmp_path / "c.md").exists() and leftovers(tmp_path) == []


def test_a_folder_removed_while_writing_is_one_sentence(tmp_path, kind):
    folder = tmp_path / "export"
    folder.mkdir()
    gone = pytest.raises(ExchangeError, match=rf"^The folder {folder} does not exist\.$")
    with gone, open_writer(folder) as writer:
        folder.rmdir()
        writer.write("a.md", "text")


def test_an_export_stopped_by_an_error_keeps_only_whole_files(tmp_path, kind):
    with pytest.raises(RuntimeError, match="rendering failed"), open_writer(tmp_path) as writer:
        writer.write("a.md", "whole")
        raise RuntimeError("rendering failed")
    assert [path.name for path in tmp_path.iterdir()] == ["a.md"]
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "whole"


def test_input_ending_inside_a_file_writes_nothing_under_its_name(tmp_path):
    """What the child does when the app dies while sending a file: no part of it reaches the folder."""
    command = folder_writer.child_command()
    assert command is not None
    stream = record("a.md", b"whole") + record("b.md", b"x" * 100)[:-40]
    finished = subprocess.run([*command, str(tmp_path)], input=stream, capture_output=True, check=False)
    assert finished.returncode == 1 and finished.stdout == b""
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.md"]


def test_the_child_reports_a_failed_flush_to_disk(tmp_path):
    class Unflushable(Folder):
        def sync(self) -> None:
            raise OSError(5, "Input/output error")

    stream = io.BytesIO(record("a.md", b"text") + HEADER.pack(0, 0))
    report = serve(Unflushable(str(tmp_path)), stream)
    assert report == {"failed": "sync", "errno": 5, "strerror": "Input/output error", "name": ""}


def fake_child(report: dict | None) -> list[str]:
    """A child that reads its input and answers `report` (or dies without a word)."""
    answer = f"print({json.dumps(json.dumps(report))})" if report else "sys.exit(3)"
    return [sys.executable, "-c", f"import sys; sys.stdin.buffer.read(); {answer}"]


def test_a_flush_failure_in_the_child_is_one_sentence(tmp_path):
    report = {"failed": "sync", "errno": 5, "strerror": "Input/output error", "name": ""}
    writer = ProcessWriter(tmp_path, fake_child(report))
    writer.write("a.md", "text")
    with pytest.raises(ExchangeError, match=rf"^The files in {tmp_path} could not be saved to disk: "
                                            r"Input/output error\.$"):
        writer.finish()


def test_a_full_disk_in_the_child_is_one_sentence(tmp_path):
    report = {"failed": "write", "errno": 28, "strerror": "No space left on device", "name": "a.md"}
    writer = ProcessWriter(tmp_path, fake_child(report))
    with pytest.raises(ExchangeError, match=r"^The disk is full; a\.md was not written\.$"):
        writer.finish()


@pytest.mark.parametrize("command", [fake_child(None), [sys.executable, "-c", "print('Traceback: oops')"]])
def test_a_child_that_stops_without_a_report_is_one_sentence(tmp_path, command):
    writer = ProcessWriter(tmp_path, command)
    with pytest.raises(ExchangeError, match=rf"^Writing the files in {tmp_path} stopped unexpectedly\.$"):
        writer.write("a.md", "text")
        writer.finish()


def test_where_no_child_can_start_the_files_are_written_here(tmp_path, monkeypatch):
    monkeypatch.setattr(folder_writer, "child_command", lambda: [str(tmp_path / "no-such-python")])
    with open_writer(tmp_path) as writer:
        assert isinstance(writer, InProcessWriter)
        writer.write("a.md", "text")
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "text"


def test_a_frozen_app_writes_in_its_own_process(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert folder_writer.child_command() is None


def test_the_child_script_needs_only_the_standard_library():
    text = Path(folder_writer.CHILD_SCRIPT).read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines()]
    imported = {line.split()[1].split(".")[0] for line in lines if line.startswith(("import ", "from "))}
    assert imported - {"__future__"} <= set(sys.stdlib_module_names), imported
