"""Journal JSON v1: lossless round trips through a real journal, and clear refusals of bad files."""

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain.model import Action, ActionStatus, Entry, Guideline, Input, InputKind, Valence, Why
from journal.exchange import jsonv1
from journal.exchange.errors import FormatError
from journal.paths import SAMPLE_JOURNAL
from journal.store.repository import Journal

# Any text SQLite can hold as UTF-8: everything but lone surrogates (which cannot be encoded at all).
texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
names = texts.filter(lambda s: s.strip() != "")


def _why(children):
    return st.builds(Why, question=texts, answer=texts, root_cause=st.booleans(),
                     mechanisms=st.lists(names, max_size=2).map(tuple),
                     actions=st.lists(st.builds(Action, text=texts, status=st.sampled_from(ActionStatus),
                                                due_on=st.none() | st.dates()), max_size=2).map(tuple),
                     children=children)


whys = st.recursive(_why(st.just(())), lambda kids: _why(st.lists(kids, max_size=3).map(tuple)),
                    max_leaves=8)
entries = st.builds(
    Entry, title=texts, occurred_on=st.dates(), valence=st.sampled_from(Valence), area=texts,
    outcome=texts, notes=texts,
    inputs=st.lists(st.builds(Input, kind=st.sampled_from(InputKind), text=texts), max_size=3).map(tuple),
    whys=st.lists(whys, max_size=3).map(tuple),
    guidelines=st.lists(st.builds(Guideline, text=texts), max_size=2).map(tuple),
)


def _comparable(document: dict) -> dict:
    """A document without the export moment, mechanisms in a case-insensitive canonical order."""
    document = dict(document)
    document.pop("exported_at")
    return document


def _round_trip(tmp_path, document_text: str, name: str) -> dict:
    with Journal.open(tmp_path / f"{name}.sqlite") as journal:
        document = jsonv1.loads(document_text)
        journal.import_entries(document.entries, document.mechanisms)
        return jsonv1.document_to_dict(journal.all_entries(), journal.mechanisms())


def test_the_sample_journal_survives_import_export_import(tmp_path):
    first = _round_trip(tmp_path, SAMPLE_JOURNAL.read_text(encoding="utf-8"), "one")
    second = _round_trip(tmp_path, jsonv1.dumps(first), "two")
    assert _comparable(first) == _comparable(second)
    assert len(first["entries"]) == 9 and len(first["mechanisms"]) == 7
    original = json.loads(SAMPLE_JOURNAL.read_text(encoding="utf-8"))
    by_id = {e["id"]: e for e in first["entries"]}
    for entry in original["entries"]:
        assert by_id[entry["id"]]["whys"] == jsonv1.entry_to_dict(
            jsonv1.document_from_dict({**original, "entries": [entry]}).entries[0])["whys"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(entries, min_size=1, max_size=3, unique_by=lambda e: e.id))
def test_any_texts_and_tree_shapes_round_trip(tmp_path_factory, generated):
    folder = tmp_path_factory.mktemp("rt")
    exported = jsonv1.dumps(jsonv1.document_to_dict(generated, []))
    back = _round_trip(folder, exported, "j")
    expected = {e["id"]: e for e in json.loads(exported)["entries"]}
    got = {e["id"]: e for e in back["entries"]}
    assert got.keys() == expected.keys()
    for entry_id, entry in expected.items():
        assert _folded(got[entry_id]) == _folded(entry)


def _folded(entry: dict) -> dict:
    """Mechanism names matched ignoring case take the journal's first spelling: compare them folded."""
    def fold(why):
        names = list(dict.fromkeys(n.strip().casefold() for n in why["mechanisms"]))
        return {**why, "mechanisms": names, "children": [fold(c) for c in why["children"]]}
    return {**entry, "whys": [fold(w) for w in entry["whys"]]}


def test_an_entry_already_in_the_journal_is_not_duplicated(tmp_path):
    text = SAMPLE_JOURNAL.read_text(encoding="utf-8")
    with Journal.open(tmp_path / "j.sqlite") as journal:
        document = jsonv1.loads(text)
        assert journal.import_entries(document.entries, document.mechanisms).added == 9
        report = journal.import_entries(document.entries, document.mechanisms)
        assert (report.added, report.skipped) == (0, 9)
        assert journal.count_entries() == 9


def test_mechanisms_merge_by_name_ignoring_case(tmp_path):
    entry = {"title": "t", "occurred_on": "2026-01-01", "valence": "negative",
             "whys": [{"answer": "a", "mechanisms": ["NO ALARM"]}]}
    document = {"format": "fivewhys-journal", "version": 1, "entries": [entry],
                "mechanisms": [{"name": "No alarm", "description": "d"}]}
    with Journal.open(tmp_path / "j.sqlite") as journal:
        parsed = jsonv1.document_from_dict(document)
        journal.import_entries(parsed.entries, parsed.mechanisms)
        assert [m.name for m in journal.mechanisms()] == ["No alarm"]
        assert journal.mechanism_stats()[0].entries == 1


def test_unknown_keys_are_ignored_and_defaults_filled():
    document = jsonv1.document_from_dict({
        "format": "fivewhys-journal", "version": 1, "colour": "blue",
        "entries": [{"title": "t", "occurred_on": "2026-01-01", "valence": "positive", "mood": 3}]})
    entry = document.entries[0]
    assert (entry.title, entry.occurred_on, entry.valence, entry.whys) == (
        "t", date(2026, 1, 1), Valence.POSITIVE, ())


def _doc(**entry_changes):
    entry = {"title": "t", "occurred_on": "2026-01-01", "valence": "negative", **entry_changes}
    return {"format": "fivewhys-journal", "version": 1, "entries": [entry]}


@pytest.mark.parametrize(("document", "words"), [
    ({"format": "other", "version": 1}, "not a Five Whys journal file"),
    ({"format": "fivewhys-journal", "version": 2, "entries": []}, "newer than this app"),
    ({"format": "fivewhys-journal", "version": "1"}, "version"),
    ([1, 2], "not a Five Whys journal file"),
    ({"format": "fivewhys-journal", "version": 1, "entries": {}}, "must be a list"),
    (_doc(title=None), "“title” is missing"),
    (_doc(occurred_on="yesterday"), "must be a date"),
    (_doc(valence="awful"), "negative, positive, mixed"),
    (_doc(inputs=[{"kind": "fate", "text": "x"}]), "process, action, luck, time"),
    (_doc(actions=[{"text": "x", "status": "maybe"}]), "open, done, dropped"),
    (_doc(whys=[{"answer": 5}]), "must be text"),
    (_doc(whys=[{"root_cause": "yes"}]), "true or false"),
    (_doc(whys=[{"mechanisms": [""]}]), "mechanism name"),
    ({"format": "fivewhys-journal", "version": 1, "entries": [],
      "mechanisms": [{"name": "Alarm"}, {"name": "alarm"}]}, "differ only in case"),
])
def test_bad_documents_are_refused_with_a_sentence(document, words):
    with pytest.raises(FormatError, match=words) as raised:
        jsonv1.document_from_dict(document)
    message = str(raised.value)
    assert message.endswith(".") and "\n" not in message


@pytest.mark.parametrize("text", ["", "{", '{"format": "fivewhys-journal", "version": 1, "entries": [',
                                  "[" * 100000])
def test_malformed_json_is_refused_with_a_sentence(text):
    with pytest.raises(FormatError, match="not valid JSON|nests too deeply"):
        jsonv1.loads(text)


def test_the_streamed_text_is_the_same_document():
    from datetime import UTC, datetime

    document = jsonv1.loads(SAMPLE_JOURNAL.read_text(encoding="utf-8"))
    moment = datetime(2026, 1, 1, tzinfo=UTC)
    streamed = "".join(jsonv1.iter_text(iter(document.entries), document.mechanisms, moment))
    assert streamed == jsonv1.dumps(jsonv1.document_to_dict(document.entries, document.mechanisms, moment))
    empty = "".join(jsonv1.iter_text(iter(()), document.mechanisms, moment))
    assert json.loads(empty) == jsonv1.document_to_dict((), document.mechanisms, moment)
