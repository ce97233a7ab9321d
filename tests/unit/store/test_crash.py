"""Crash safety: a writer killed by SIGKILL at random moments never damages the journal nor loses a write."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
from collections import defaultdict
from pathlib import Path

import pytest

from journal.store.repository import Journal
from tests.unit.store.crash_writer import WRITES_PER_ENTRY, answer, notes

ROUNDS = 25
MAX_DELAY = 0.3
ROOT = Path(__file__).resolve().parents[3]
WRITER = Path(__file__).with_name("crash_writer.py")


class WriterServer:
    """The crash_writer.py process: forks writers on request and tells their pids and saved writes."""

    def __init__(self, journal: Path) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.process = subprocess.Popen(
            [sys.executable, str(WRITER), str(journal)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            text=True, env=env, cwd=ROOT)
        assert self.readline() == "ready"

    def readline(self) -> str:
        line = self.process.stdout.readline()
        assert line, "the writer process ended unexpectedly"
        return line.strip()

    def crash_round(self, seed: int, delay: float) -> list[tuple[str, int]]:
        """Start a writer, SIGKILL it after `delay` seconds; the writes it reported as saved."""
        self.process.stdin.write(f"go {seed}\n")
        self.process.stdin.flush()
        kind, pid = self.readline().split()
        assert kind == "child"
        assert self.readline() == "opened"  # the kill lands among writes, not during start-up
        killer = threading.Timer(delay, os.kill, (int(pid), signal.SIGKILL))
        killer.start()
        saved = []
        while (line := self.readline()) != f"ended {pid}":
            word, entry_id, n = line.split()
            assert word == "saved", line
            saved.append((entry_id, int(n)))
        killer.join()
        return saved

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=10)
        self.process.stdout.close()


@pytest.mark.slow
def test_writes_reported_saved_survive_sigkill_and_the_file_stays_sound(tmp_path):
    journal_path = tmp_path / "journal.sqlite"
    rng = random.Random(20261123)
    confirmed: dict[str, int] = defaultdict(lambda: -1)
    server = WriterServer(journal_path)
    try:
        for round_number in range(ROUNDS):
            for entry_id, n in server.crash_round(round_number, rng.uniform(0.0, MAX_DELAY)):
                confirmed[entry_id] = max(confirmed[entry_id], n)
    finally:
        server.close()

    writes = sum(n + 1 for n in confirmed.values())
    print(f"crash test: {ROUNDS} rounds, {writes} writes confirmed in {len(confirmed)} entries")
    assert writes > ROUNDS, "too few writes were confirmed for the test to mean anything"
    assert _integrity(journal_path) == "ok"
    with Journal.open(journal_path) as journal:
        for entry_id, last in confirmed.items():
            _assert_writes_present(journal, entry_id, last)
        _assert_search_index_sound(journal_path)


def _integrity(path: Path) -> str:
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        return db.execute("PRAGMA integrity_check").fetchone()[0]


def _assert_writes_present(journal: Journal, entry_id: str, last: int) -> None:
    """Every write up to `last` is there; at most one more (committed, then killed before it said so)."""
    entry = journal.get_entry(entry_id)
    assert entry is not None, f"entry {entry_id} was reported saved but is missing"
    answers = [why.answer for why in entry.whys]
    expected = [answer(n) for n in range(1, last + 1) if n % 2]
    assert answers[:len(expected)] == expected
    assert len(answers) - len(expected) <= 1
    newest_notes = max((n for n in range(2, last + 1) if n % 2 == 0), default=None)
    if newest_notes is not None:
        allowed = {notes(newest_notes)} | ({notes(last + 1)} if last + 1 < WRITES_PER_ENTRY else set())
        assert entry.notes in allowed


def _assert_search_index_sound(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO entry_search (entry_search) VALUES ('integrity-check')")
        indexed = db.execute("SELECT count(*) FROM entry_search").fetchone()[0]
        entries = db.execute("SELECT count(*) FROM entry").fetchone()[0]
    assert indexed == entries
