"""File names of exported entries: safe on Linux, macOS and Windows, bounded and unique."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.model import Entry
from journal.exchange.markdown import entry_file_name
from journal.exchange.markdown_names import MAX_BYTES, MAX_CHARS, is_name_for, name_key, unique_name

WINDOWS_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
RESERVED = re.compile(r"(CON|PRN|AUX|NUL|COM[1-9¹²³]|LPT[1-9¹²³])(\..*)?", re.IGNORECASE)


def name_for(title: str, taken: set[str] | None = None, day: date = date(2026, 5, 12)) -> str:
    return entry_file_name(Entry(title=title, occurred_on=day), set() if taken is None else taken)


def assert_safe(name: str) -> None:
    assert name.endswith(".md") and not name.startswith(".")
    assert not WINDOWS_FORBIDDEN.search(name), name
    assert ".." not in name and name == name.strip() and not name.endswith((".", " "))
    assert all(unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Zl", "Zp") or char in "\u200c\u200d"
               for char in name), ascii(name)
    assert not RESERVED.fullmatch(name.split(".")[0].strip())
    assert len(name) <= MAX_CHARS and len(name.encode("utf-8")) <= MAX_BYTES


def test_a_plain_title_gives_its_date_and_title():
    assert name_for("Every server except the listed ones was shut down") == (
        "2026-05-12 Every server except the listed ones was shut down.md")


def test_separators_and_characters_windows_forbids_are_replaced():
    assert name_for('A/B test: "why?" <fast> | *now*') == "2026-05-12 A-B test- why fast - now.md"
    assert name_for("..\\..\\etc\\passwd") == "2026-05-12 …-…-etc-passwd.md"
    assert name_for("Wait... what.  ") == "2026-05-12 Wait… what.md"
    assert name_for("tab\there\nnew line\u202eevil\x00") == "2026-05-12 tab here new line evil.md"


def test_an_empty_or_unusable_title_is_untitled():
    assert name_for("") == "2026-05-12 Untitled.md"
    assert name_for("?*<>") == "2026-05-12 Untitled.md"
    assert name_for(" . . ") == "2026-05-12 Untitled.md"


def test_reserved_windows_names_are_never_produced():
    for stem in ("CON", "nul", "Com1", "lpt9", "aux.tar", "COM¹"):
        name = unique_name(stem, ".md", set())
        assert_safe(name)
        assert name.split(".")[0].endswith("_")


def test_long_titles_are_cut_on_a_character_boundary_within_both_limits():
    for unit in ("word ", "漢", "🙂", unicodedata.normalize("NFC", "e\u0301\u0302"), "👩\u200d💻"):
        name = name_for(unit * 200)
        assert_safe(name)
        stem = name.removesuffix(".md").removeprefix("2026-05-12 ")
        assert stem and (unit * 200).startswith(stem)
        if unit != "word ":
            assert len(stem) % len(unit) == 0, "a character cluster was cut"
    assert len(name_for("漢" * 200).encode()) == 240 - 1  # 3-byte characters: the byte limit binds
    for shift in range(4):
        stem = name_for("x" * shift + "q\u0301" * 200).removesuffix(".md")
        assert unicodedata.category(stem[-1]) == "Mn" and stem[-2] == "q"
        stem = name_for("x" * shift + "👩\u200d💻" * 100).removesuffix(".md")
        assert stem[-1] != "\u200d"


def test_numbered_names_also_fit():
    taken: set[str] = set()
    names = [name_for("x" * 300, taken) for _ in range(12)]
    assert names[1].endswith(" (2).md") and names[11].endswith(" (12).md")
    for name in names:
        assert_safe(name)
    assert len({name_key(name) for name in names}) == 12


def test_names_are_unique_ignoring_case_and_unicode_normalization():
    taken: set[str] = set()
    first = name_for("Café", taken)
    assert name_for("CAFÉ", taken) == "2026-05-12 CAFÉ (2).md"
    assert name_for("Cafe\u0301", taken) == "2026-05-12 Café (3).md"
    assert first == "2026-05-12 Café.md"
    assert name_for("Café", taken, date(2026, 5, 13)) == "2026-05-13 Café.md"


def test_is_name_for_recognises_a_numbered_name_and_a_title_ending_in_a_number():
    assert is_name_for("2026-05-12 Retry (2).md", "2026-05-12 Retry", ".md")
    assert is_name_for("2026-05-12 Retry (2).md", "2026-05-12 Retry (2)", ".md")
    assert is_name_for("2026-05-12 retry.MD", "2026-05-12 Retry", ".md")
    assert not is_name_for("2026-05-12 Retry later.md", "2026-05-12 Retry", ".md")
    assert not is_name_for("2026-05-12 Retry.txt", "2026-05-12 Retry", ".md")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=150), min_size=1, max_size=6), st.dates())
def test_any_titles_give_safe_distinct_names_that_can_be_created(tmp_path_factory, titles, day):
    folder = tmp_path_factory.mktemp("names")
    taken: set[str] = set()
    names = [name_for(title, taken, day) for title in titles]
    assert len({name_key(name) for name in names}) == len(names)
    for name in names:
        assert_safe(name)
        assert name.startswith(day.isoformat())  # a title of one base and 200 marks may vanish
        (folder / name).write_text("x", encoding="utf-8")
    assert sorted(path.name for path in folder.iterdir()) == sorted(names)
