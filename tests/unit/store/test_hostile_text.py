"""Hostile text in every field is stored and returned exactly, through the store and the JSON round trip;
only what UTF-8 cannot hold (lone surrogates) is changed, in one place, and nothing crashes."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain.model import (
    Action,
    ActionStatus,
    Entry,
    EntryFilter,
    Guideline,
    Input,
    InputKind,
    Mechanism,
    Valence,
    Why,
)
from journal.exchange import jsonv1
from journal.store.errors import InvalidValue
from journal.store.repository import Journal
from journal.store.safety import clean_text
from tests.unit.store.safety_helpers import FIXED_MOMENT, on_every_connection, snapshot

HOSTILE = {
    "nul": "before\x00after",
    "controls": "".join(chr(code) for code in range(1, 32)) + "\x7f\x85\u2028\u2029\u200b\ufeff",
    "rtl": "مرحبا بالعالم \u202eevil\u202c עברית \u200fmark",
    "emoji": "👩‍👩‍👧‍👦 🏳️‍🌈 🇫🇷 👍🏽 ❤️",
    "combining": "e\u0301 a\u0308\u0323 Z̤͔ͧ̑̓ä͖̭̈̇ \u0301 starts with a mark",
    "markdown": "# Title\n\n* [link](javascript:alert(1)) `code` **bold** <!-- c -->\n```\nfence\n```\n---",
    "html": "<script>alert('x')</script><img src=x onerror=alert(1)>&amp;&lt;&#0;",
    "sql": "'); DROP TABLE entry; -- \" ` \\",
    "search syntax": 'AND OR NOT NEAR( "unbalanced * ^ col:thing -minus +plus',
    "whitespace": "  \t\n\r\n  leading and trailing \x0b\x0c ",
    "outside the BMP": "\U0001d11e \U00010000 \U0010fffd \ufffe\uffff",
    "escapes": "\\u0000 \\ud800 %s %n {0} ${x}",
}
SURROGATES = {
    "lone high": ("before\ud800after", "before\ufffdafter"),
    "lone low": ("\udfff", "\ufffd"),
    "pair as halves": ("smile \ud83d\ude00", "smile 😀"),
    "reversed pair": ("\ude00\ud83d", "\ufffd\ufffd"),
}
def _joined(*parts: str) -> str:
    return "".join(parts)


STORABLE = st.text(st.characters(codec="utf-8"), max_size=80)
SURROGATE = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, categories=["Cs"])
WITH_SURROGATES = st.builds(_joined, STORABLE, st.text(SURROGATE, min_size=1, max_size=3),
                            STORABLE, st.text(SURROGATE, max_size=2))


@pytest.fixture(scope="module")
def journals(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    with Journal.open(folder / "first.sqlite") as first, Journal.open(folder / "second.sqlite") as second:
        yield first, second


def entry_full_of(text: str, mechanism: str) -> Entry:
    """An entry with `text` in every text field, at every level of the tree."""
    action = Action(text=text, status=ActionStatus.OPEN)
    child = Why(question=text, answer=text, root_cause=True, mechanisms=(mechanism,), actions=(action,))
    return Entry(title=text, occurred_on=date(2026, 5, 10), valence=Valence.MIXED, area=text, outcome=text,
                 notes=text, inputs=(Input(InputKind.LUCK, text),),
                 whys=(Why(question=text, answer=text, children=(child,)),),
                 actions=(Action(text=text),), guidelines=(Guideline(text=text),))


def texts_of(entry: Entry) -> list[str]:
    """Every text of an entry, in a fixed order."""
    found = [entry.title, entry.area, entry.outcome, entry.notes]
    found += [i.text for i in entry.inputs] + [g.text for g in entry.guidelines]
    found += [a.text for a in entry.all_actions()]
    for why, _depth in entry.walk_whys():
        found += [why.question, why.answer]
    return found


def document(journal: Journal, entry_ids: list[str]) -> dict:
    entries = [journal.get_entry(entry_id) for entry_id in entry_ids]
    names = {name.casefold() for entry in entries for name in entry.mechanism_names()}
    mechanisms = [m for m in journal.mechanisms() if m.name.casefold() in names]
    return jsonv1.document_to_dict(entries, mechanisms, FIXED_MOMENT)


def json_round_trip(source: Journal, target: Journal, entry_ids: list[str]) -> None:
    """Export → import into `target` → export again: the two documents are equal."""
    exported = document(source, entry_ids)
    parsed = jsonv1.loads(jsonv1.dumps(exported))
    target.import_entries(parsed.entries, parsed.mechanisms)
    assert document(target, entry_ids) == exported


# -- named cases ----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_text_survives_every_field_and_the_json_round_trip(name, journals):
    first, second = journals
    text = HOSTILE[name]
    entry = entry_full_of(text, f"Mechanism {name} {text}")
    first.replace_entry(entry)
    stored = first.get_entry(entry.id)
    assert texts_of(stored) == texts_of(entry)
    assert stored.mechanism_names() == (f"Mechanism {name} {text}".strip(),)
    first.list_entries(EntryFilter(text=text))  # any text typed in the search box is safe
    json_round_trip(first, second, [entry.id])


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_text_through_the_editing_calls(name, journals):
    first, _second = journals
    text = HOSTILE[name]
    entry_id = first.create_entry(title=text, area=text)
    first.update_entry(entry_id, outcome=text, notes=text, expected={"title": text})
    first.add_input(entry_id, InputKind.TIME, text)
    why_id = first.add_why(entry_id, question=text, answer=text)
    first.update_why(why_id, answer=text + "!", expected={"answer": text})
    first.set_why_mechanisms(why_id, [f"Edited {name} {text}"])
    first.add_action(entry_id, why_id, text)
    first.add_guideline(entry_id, text)
    stored = first.get_entry(entry_id)
    assert (stored.title, stored.area, stored.outcome, stored.notes) == (text, text, text, text)
    assert stored.inputs[0].text == stored.whys[0].question == stored.guidelines[0].text == text
    assert stored.whys[0].answer == text + "!" and stored.whys[0].actions[0].text == text
    assert stored.whys[0].mechanisms == (f"Edited {name} {text}".strip(),)


@pytest.mark.parametrize("name", SURROGATES)
def test_surrogates_become_storable_text_in_every_field(name, journals):
    first, second = journals
    typed, stored_as = SURROGATES[name]
    entry = entry_full_of(typed, f"Mechanism {typed}")
    first.replace_entry(entry)
    stored = first.get_entry(entry.id)
    assert set(texts_of(stored)) == {stored_as}
    assert stored.mechanism_names() == (f"Mechanism {stored_as}",)
    entry_id = first.create_entry(title=typed)
    first.update_entry(entry_id, notes=typed, expected={"title": typed})
    assert first.get_entry(entry_id).notes == stored_as
    first.list_entries(EntryFilter(text=typed))  # searching for it is safe too
    json_round_trip(first, second, [entry.id, entry_id])


def test_a_megabyte_answer_is_kept_whole_and_found(journals):
    first, second = journals
    answer = ("The alarm watched the level, never its rate of change. " * 19000)[:1_000_000] + " needle"
    entry_id = first.create_entry(title="A long answer")
    why_id = first.add_why(entry_id, question="Why?", answer=answer)
    assert first.get_entry(entry_id).whys[0].answer == answer
    assert [s.id for s in first.list_entries(EntryFilter(text="needle"))] == [entry_id]
    first.update_why(why_id, answer=answer + " more", expected={"answer": answer})
    json_round_trip(first, second, [entry_id])


def test_text_beyond_what_sqlite_takes_is_refused_clearly(journals):
    first, _second = journals
    entry_id = first.create_entry(title="Limits")
    before = snapshot(first)

    def small_limit(connection: sqlite3.Connection) -> None:
        connection.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 50_000)

    with on_every_connection(first, small_limit), pytest.raises(InvalidValue, match="too long.*shorten it"):
        first.add_why(entry_id, answer="x" * 60_000)
    assert snapshot(first) == before


def test_clean_text_changes_only_surrogates():
    for text in HOSTILE.values():
        assert clean_text(text) is text
    for typed, stored_as in SURROGATES.values():
        assert clean_text(typed) == stored_as


# -- properties -----------------------------------------------------------------------------------

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FAST
@given(text=STORABLE, mechanism=STORABLE.filter(str.strip))
def test_any_storable_text_comes_back_exactly_and_round_trips_through_json(journals, text, mechanism):
    first, second = journals
    entry = entry_full_of(text, mechanism)
    first.replace_entry(entry)
    stored = first.get_entry(entry.id)
    assert texts_of(stored) == texts_of(entry)
    assert [name.casefold() for name in stored.mechanism_names()] == [mechanism.strip().casefold()]
    json_round_trip(first, second, [entry.id])


@FAST
@given(text=WITH_SURROGATES)
def test_any_text_is_stored_as_its_storable_form(journals, text):
    first, _second = journals
    entry_id = first.create_entry(title=text)
    first.update_entry(entry_id, notes=text, expected={"title": text})
    stored = first.get_entry(entry_id)
    assert stored.title == stored.notes == clean_text(text)
    stored.title.encode("utf-8")  # storable: no surrogate is left
    first.import_entries([entry_full_of(text, "Mechanism")], [Mechanism("Mechanism", text)])
