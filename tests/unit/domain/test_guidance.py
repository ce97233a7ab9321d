"""Guidance checks on why-answers: blame recall, false alarms, each kind, spans and robustness."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain import guidance
from journal.domain.guidance import Finding, check_answer
from tests.unit.domain.guidance_cases import BLAME, CASES, HELDOUT_CASES, MECHANISM

KINDS = {"blame", "generalization", "circular", "intention"}
ACCUSING = ("you failed", "your fault", "stupid", "idiot", "lazy", "careless", "blame", "fault")


def _figures(cases: list[tuple[str, str]]) -> tuple[float, float, list[str], list[str]]:
    """Blame recall, mechanism false-alarm rate, and the answers behind each miss."""
    missed = [t for label, t in cases if label == BLAME and not _kinds(t) & {"blame"}]
    alarms = [t for label, t in cases if label == MECHANISM and _kinds(t)]
    blame_count = sum(label == BLAME for label, _ in cases)
    mechanism_count = sum(label == MECHANISM for label, _ in cases)
    return 1 - len(missed) / blame_count, len(alarms) / mechanism_count, missed, alarms


def _kinds(answer: str, **context: str) -> set[str]:
    return {finding.kind for finding in check_answer(answer, **context)}


def _only(answer: str, kind: str, **context: str) -> Finding:
    found = [finding for finding in check_answer(answer, **context) if finding.kind == kind]
    assert len(found) == 1, (answer, check_answer(answer, **context))
    return found[0]


# --- the labelled set -------------------------------------------------------------------------


def test_labelled_set_is_large_balanced_and_unique():
    labels = [label for label, _ in CASES]
    texts = [text for _, text in CASES]
    assert len(CASES) >= 160
    assert set(labels) == {BLAME, MECHANISM}
    assert 0.4 <= labels.count(BLAME) / len(CASES) <= 0.6
    assert len(set(texts)) == len(texts)
    assert not {text for _, text in HELDOUT_CASES} & set(texts)


def test_blame_recall_and_mechanism_false_alarms():
    recall, false_alarms, missed, alarms = _figures(CASES)
    summary = f"blame recall {recall:.3f}, mechanism false alarms {false_alarms:.3f}"
    print(f"\nlabelled set ({len(CASES)} answers): {summary}")
    assert recall >= 0.9, f"{summary}; missed: {missed}"
    assert false_alarms <= 0.1, f"{summary}; false alarms: {alarms}"


def test_heldout_figures_stay_reasonable():
    """Answers written before the rules and never tuned on: a looser, honest floor."""
    recall, false_alarms, missed, alarms = _figures(HELDOUT_CASES)
    summary = f"blame recall {recall:.3f}, mechanism false alarms {false_alarms:.3f}"
    print(f"\nheld-out set ({len(HELDOUT_CASES)} answers): {summary}")
    assert recall >= 0.75, f"{summary}; missed: {missed}"
    assert false_alarms <= 0.15, f"{summary}; false alarms: {alarms}"


# --- blame ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "trigger"),
    [
        ("Human error.", "human error"),
        ("Someone should have caught that error.", "should have"),
        ("Dave just didn't bother to test it.", "didn't bother"),
        ("I'm bad with money.", "bad with"),
        ("She got distracted.", "distracted"),
        ("It\u2019s my fault, I rushed it.", "my fault"),
        ("Priya typed the wrong server name.", "wrong"),
        ("Because Sam is unreliable.", "unreliable"),
        ("I WAS LAZY AND SKIPPED THE REVIEW.", "lazy"),
    ],
)
def test_blame_span_points_at_the_trigger(answer, trigger):
    finding = _only(answer, "blame")
    assert trigger.lower() in answer[finding.start : finding.end].lower()
    assert finding.message == guidance.BLAME_MESSAGE


@pytest.mark.parametrize(
    "answer",
    [
        "There was no checklist so I forgot the charger.",
        "The engineer had no way to preview the change before it ran.",
        "The engineer made a typo, and the tool had no confirmation step.",
        "It wasn't human error; the button sits right next to delete.",
        "Nobody was careless; the label on the two bottles was the same.",
        "I was late because the bus only runs every 30 minutes.",
        "The page uses lazy loading, so the footer jumps on slow connections.",
        "The deadline was set by the client without asking us.",
    ],
)
def test_mechanisms_negations_and_explained_causes_are_not_blame(answer):
    assert check_answer(answer) == []


def test_a_person_cause_after_because_stays_blame():
    assert "blame" in _kinds("My son didn't do his homework because he's lazy.")


# --- generalization ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "word"),
    [
        ("My kid always stays up late.", "always"),
        ("He never listens.", "never"),
        ("My partner is always late.", "always"),
        ("Everyone in this family leaves the lights on.", "Everyone"),
        ("Nobody bothered to feed the cat.", "Nobody"),
        ("As usual, Tom was late.", "As usual"),
        ("I forget my keys every time I rush.", "every time"),
    ],
)
def test_generalization_about_people(answer, word):
    finding = _only(answer, "generalization")
    assert answer[finding.start : finding.end] == word
    assert finding.message.startswith(f"'{word[0].upper()}{word[1:]}' hides the pattern.")


@pytest.mark.parametrize(
    "answer",
    [
        "The backup job never ran because the cron entry was commented out.",
        "The pager sends alerts to a shared inbox that nobody is assigned to watch.",
        "The cat feeder has to be filled by hand every morning.",
        "We always review before merging.",
    ],
)
def test_always_and_never_about_things_or_good_habits_are_fine(answer):
    assert "generalization" not in _kinds(answer)


# --- circular ---------------------------------------------------------------------------------


def test_circular_with_question():
    answer = "Because the site was down."
    finding = _only(answer, "circular", question="Why did the site go down?")
    assert finding.message == guidance.CIRCULAR_QUESTION_MESSAGE
    assert answer[finding.start : finding.end] == answer


def test_circular_with_parent_answer():
    answer = "  The servers got turned off.  "
    finding = _only(answer, "circular", parent_answer="All the servers were turned off.")
    assert finding.message == guidance.CIRCULAR_PARENT_MESSAGE
    assert answer[finding.start : finding.end] == "The servers got turned off."


@pytest.mark.parametrize(
    ("answer", "question", "parent"),
    [
        ("All the servers were turned off.", "Why did the site go down?", ""),
        (
            "A script was run which shut them off.",
            "Why were the servers turned off?",
            "All the servers were turned off.",
        ),
        ("Because the site was down.", "", ""),
    ],
)
def test_answers_that_add_a_cause_are_not_circular(answer, question, parent):
    assert "circular" not in _kinds(answer, question=question, parent_answer=parent)


# --- intention --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "trigger"),
    [
        ("I need to be more careful next time.", "careful"),
        ("Try harder at practice.", "try harder"),
        ("Remember to lock the door.", "remember to"),
        ("I'll pay more attention to the budget.", "attention"),
        ("We should double-check the config before deploying.", "double-check"),
        ("Make sure to pack the charger.", "make sure"),
        ("Don\u2019t forget the permission slip.", "forget"),
    ],
)
def test_intention(answer, trigger):
    finding = _only(answer, "intention")
    assert trigger in answer[finding.start : finding.end].lower()
    assert finding.message == guidance.INTENTION_MESSAGE


@pytest.mark.parametrize(
    "answer",
    [
        "Add a checklist so we remember to pack the charger.",
        "Set up a direct debit so I don't forget the bill.",
        "There is no double-check step for refunds.",
    ],
)
def test_intentions_carried_by_a_mechanism_are_fine(answer):
    assert "intention" not in _kinds(answer)


# --- robustness and shape ---------------------------------------------------------------------


@pytest.mark.parametrize("answer", ["", " ", "\n\t  \n", "\u3000"])
def test_empty_text_has_no_findings(answer):
    assert check_answer(answer, question="Why did the site go down?") == []


def test_huge_text_does_not_crash_and_keeps_spans_in_bounds():
    answer = ("The tool has a checklist. " * 2000 + "Dave forgot because he was lazy. ") * 2
    answer = answer[:100_000].ljust(100_000, "x")
    findings = check_answer(answer, question="Why did it fail?", parent_answer="It failed.")
    assert all(0 <= f.start <= f.end <= len(answer) for f in findings)
    assert check_answer("Dave forgot. " + "y" * 100_000)[0].kind == "blame"


def test_any_unicode_keeps_spans_on_the_original_text():
    answer = "\U0001f634 Ich bin müde \u2014 I overslept again \u65e5\u672c \U0001f634"
    finding = _only(answer, "blame")
    assert answer[finding.start : finding.end] == "overslept"


def test_at_most_one_finding_per_kind():
    answer = "I forgot. He never listens. Be more careful. Everyone is lazy. I messed up."
    kinds = [finding.kind for finding in check_answer(answer)]
    assert len(kinds) == len(set(kinds))


def test_messages_are_kind_and_never_accuse():
    answers = [text for _, text in CASES] + ["Because the site was down.", "Be more careful."]
    findings = [
        finding
        for answer in answers
        for finding in check_answer(answer, question="Why did the site go down?")
    ]
    assert {finding.kind for finding in findings} == KINDS
    for message in {finding.message for finding in findings}:
        assert not re.search(rf"\b(?:{'|'.join(ACCUSING)})\b", message, re.IGNORECASE), message
        assert message.endswith("?")


def test_finding_is_json_friendly_and_frozen():
    finding = check_answer("Human error.")[0]
    assert dataclasses.asdict(finding) == {
        "kind": "blame",
        "message": guidance.BLAME_MESSAGE,
        "start": 0,
        "end": 11,
    }
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.kind = "other"  # type: ignore[misc]


def test_title_is_accepted():
    assert check_answer("Human error.", title="Site went down")[0].kind == "blame"


@settings(max_examples=300, deadline=None)
@given(answer=st.text(), question=st.text(), parent=st.text(), title=st.text())
def test_never_raises_and_spans_stay_in_bounds(answer, question, parent, title):
    findings = check_answer(answer, question=question, parent_answer=parent, title=title)
    assert all(finding.kind in KINDS for finding in findings)
    assert all(0 <= finding.start <= finding.end <= len(answer) for finding in findings)


def test_phrase_alternations_group_only_where_phrases_part():
    pattern = guidance._alt(["just", "justice", "simply", "so-called"])
    assert pattern == r"(?:just(?:ice)?|s(?:imply|o[-\s]?called))"
    assert re.fullmatch(pattern, "so called") and not re.fullmatch(pattern, "justic")
