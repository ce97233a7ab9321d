"""Spotting near-duplicate mechanism names."""

from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.names import near_duplicate, same_name

EXISTING = ["No alarm on rate of change", "Bulk operations have no guardrail",
            "Screens in the bedroom at night"]


def test_a_typo_points_to_the_existing_name():
    assert near_duplicate("No alarm on rate of chnage", EXISTING) == "No alarm on rate of change"


def test_the_same_words_in_another_order_point_to_the_existing_name():
    assert near_duplicate("rate of change on no alarm", EXISTING) == "No alarm on rate of change"


def test_other_punctuation_is_a_near_duplicate_because_the_store_would_keep_both():
    assert near_duplicate("No alarm on rate-of-change", EXISTING) == "No alarm on rate of change"


def test_the_same_name_ignoring_case_is_not_a_near_duplicate():
    assert near_duplicate("no ALARM on rate of change ", EXISTING) is None


def test_a_different_name_is_not_pointed_out():
    assert near_duplicate("Pitch not tested with a real customer first", EXISTING) is None


def test_empty_names_are_never_near_duplicates():
    assert near_duplicate("  ", EXISTING) is None
    assert near_duplicate("Anything", ["", " "]) is None


def test_same_name_ignores_case_and_surrounding_space():
    assert same_name(" Bulk operations HAVE no guardrail", "bulk operations have no guardrail")
    assert not same_name("Bulk operation", "Bulk operations")


@settings(max_examples=60)
@given(st.lists(st.text(min_size=1, max_size=30), max_size=6), st.text(max_size=30))
def test_a_suggestion_is_always_one_of_the_existing_names_and_never_the_name_itself(existing, name):
    suggestion = near_duplicate(name, existing)
    if suggestion is not None:
        assert suggestion in existing
        assert not same_name(suggestion, name)
