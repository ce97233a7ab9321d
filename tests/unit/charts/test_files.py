"""Saving charts: PNG and SVG files written whole, one clear sentence when the file cannot be written."""

import os
import struct
from datetime import date

import pytest

from journal import cli
from journal.charts.files import EXPORT_DPI, save_chart
from journal.domain.model import EntryFilter
from journal.exchange.errors import ExchangeError


@pytest.fixture
def folder(tmp_path):
    """An empty folder for the charts (the journal's own files live beside it)."""
    path = tmp_path / "charts"
    path.mkdir()
    return path


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("kind", ["pareto", "timeline", "inputs", "outcomes"])
def test_each_chart_saves_as_png(sample, folder, kind):
    out = folder / f"{kind}.png"
    save_chart(sample, kind, out, EntryFilter())
    width, height = png_size(out.read_bytes())
    assert width == 10 * EXPORT_DPI and height >= 3 * EXPORT_DPI
    assert [p.name for p in folder.iterdir()] == [out.name]  # no temporary file left behind


def test_a_chart_saves_as_svg_with_named_bars(sample, tmp_path):
    out = tmp_path / "pareto.SVG"
    save_chart(sample, "pareto", out, EntryFilter(area="home"))
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<?xml") and "<svg" in text
    assert text.count('id="pareto-bar-') == 3  # home: three mechanisms


def test_saving_replaces_an_existing_file_whole(sample, folder):
    out = folder / "chart.png"
    out.write_bytes(b"old")
    save_chart(sample, "inputs", out, EntryFilter())
    png_size(out.read_bytes())
    assert [p.name for p in folder.iterdir()] == ["chart.png"]


@pytest.mark.parametrize("name", ["chart.jpg", "chart", "chart.png.txt"])
def test_an_unknown_suffix_is_refused_in_one_sentence(sample, folder, name):
    with pytest.raises(ExchangeError) as caught:
        save_chart(sample, "pareto", folder / name, EntryFilter())
    assert str(caught.value) == f"A chart can be saved as .png or .svg, not as “{name}”."
    assert list(folder.iterdir()) == []


def test_a_missing_folder_is_refused(sample, tmp_path):
    out = tmp_path / "nowhere" / "chart.png"
    with pytest.raises(ExchangeError, match=r"^The folder .*nowhere does not exist\.$"):
        save_chart(sample, "pareto", out, EntryFilter())


def test_a_folder_in_place_of_the_file_is_refused(sample, tmp_path):
    (tmp_path / "chart.png").mkdir()
    with pytest.raises(ExchangeError, match="is a folder; name the image file to write"):
        save_chart(sample, "pareto", tmp_path / "chart.png", EntryFilter())


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only folders")
def test_a_read_only_folder_is_refused(sample, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    with pytest.raises(ExchangeError, match="cannot be written to"):
        save_chart(sample, "pareto", folder / "chart.png", EntryFilter())


def test_the_command_line_saves_a_filtered_chart(sample, tmp_path, capsys):
    out = tmp_path / "timeline.png"
    status = cli.run(["--db", str(sample.path), "chart", "timeline", "--out", str(out),
                      "--since", "2026-10-01", "--until", "2026-11-30", "--valence", "negative"])
    assert status == 0
    assert capsys.readouterr().out == f"Saved the timeline chart to {out}.\n"
    png_size(out.read_bytes())


def test_the_command_line_reports_a_bad_suffix_in_one_line(sample, tmp_path, capsys):
    status = cli.run(["--db", str(sample.path), "chart", "pareto", "--out", str(tmp_path / "c.gif")])
    assert status == 1
    assert capsys.readouterr().err == "fivewhys: A chart can be saved as .png or .svg, not as “c.gif”.\n"


def test_an_empty_selection_still_saves_a_friendly_chart(sample, tmp_path):
    out = tmp_path / "empty.png"
    save_chart(sample, "outcomes", out, EntryFilter(since=date(2040, 1, 1)))
    png_size(out.read_bytes())
