"""The benchmark hook: with FIVEWHYS_BENCH_EXIT=1 the app reports its window and list, then quits."""

import subprocess
import sys
from datetime import date
from pathlib import Path

from journal.store.repository import Journal
from journal.ui.launch import BENCH_EXIT


def test_the_app_reports_when_shown_and_listed_then_quits(tmp_path):
    db = tmp_path / "journal.sqlite"
    with Journal.open(db) as journal:
        for day in range(1, 4):
            journal.create_entry(f"Entry {day}", date(2026, 1, day))
    env = {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "PATH": "/usr/bin:/bin", BENCH_EXIT: "1",
           "PYTHONPATH": str(Path(__file__).parents[2])}
    main = Path(__file__).parents[2] / "main.py"
    result = subprocess.run([sys.executable, str(main), "--db", str(db)], capture_output=True, text=True,
                            env=env, timeout=60, check=True)
    lines = [line.split() for line in result.stdout.splitlines()]
    assert [line[0] for line in lines] == ["shown", "previewed", "listed"]
    assert float(lines[0][1]) <= float(lines[1][1]) <= float(lines[2][1])
    assert lines[1][2] == "3" and lines[2][2] == "3"
