"""Editing an entry's why-tree and lists as pure functions on frozen value objects, and question wording."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

from journal.domain.model import Action, Entry, Why

Item = TypeVar("Item")
_AUXILIARIES = frozenset({
    "am", "is", "are", "was", "were", "has", "have", "had", "do", "does", "did",
    "can", "could", "will", "would", "should", "must", "may", "might",
})
_NEGATED = {"won't": "will", "can't": "can", "shan't": "shall"}
_CLAUSE_END = re.compile(r"[,;:]|\b(?:which|that|because|so|and|but|when|while)\b", re.IGNORECASE)
_MAX_SUBJECT_WORDS = 8
_PRONOUNS = frozenset({"i", "we", "you", "they", "he", "she", "it", "someone", "nobody", "everyone"})
_PLURAL_PRONOUNS = frozenset({"i", "we", "you", "they"})
_DETERMINERS = frozenset({"the", "my", "our", "your", "his", "her", "their", "its", "this", "that",
                          "a", "an"})
_IRREGULAR_PAST = {
    "forgot": "forget", "went": "go", "left": "leave", "took": "take", "made": "make", "ran": "run",
    "broke": "break", "got": "get", "said": "say", "told": "tell", "thought": "think", "bought": "buy",
    "brought": "bring", "came": "come", "felt": "feel", "found": "find", "gave": "give", "kept": "keep",
    "knew": "know", "lost": "lose", "met": "meet", "paid": "pay", "sent": "send", "slept": "sleep",
    "spent": "spend", "stood": "stand", "wrote": "write", "woke": "wake", "ate": "eat", "fell": "fall",
    "began": "begin", "chose": "choose", "drove": "drive", "grew": "grow",
    "heard": "hear", "held": "hold", "led": "lead", "meant": "mean", "overslept": "oversleep",
    "rode": "ride", "sat": "sit", "saw": "see", "sold": "sell", "spoke": "speak", "stuck": "stick",
    "swam": "swim", "taught": "teach", "threw": "throw", "understood": "understand", "won": "win",
}
_IRREGULAR_PRESENT = {"has": "have", "does": "do", "goes": "go"}
_SILENT_E_ENDINGS = ("ate", "ete", "use", "ose", "ize", "ise", "ange", "ave", "ive", "ove", "ure", "ide",
                     "ake", "ore", "ase", "ice", "uce", "ine", "ame", "one", "ire", "ote", "ute", "ple",
                     "ble", "dge", "rge", "nce", "rse", "ade", "ode")
_PROPER_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
})


# -- question wording ---------------------------------------------------------------------------

def first_question(title: str) -> str:
    """The first why of an entry, worded from its title ("Why was every server shut down?")."""
    return question_about(title) or "Why did this happen?"


def question_about(statement: str) -> str:
    """A why-question about a statement or answer, readable where the wording allows.

    "All the servers were turned off." -> "Why were all the servers turned off?";
    with no auxiliary verb to move, the statement is asked about as it is: "Why <statement>?".
    """
    text = _plain_statement(statement)
    if not text:
        return ""
    if text.lower().startswith("why ") and statement.rstrip().endswith("?"):
        return statement.strip()
    return _inverted(text) or _with_do_support(text) or f"Why {_lower_first(text)}?"


def _plain_statement(statement: str) -> str:
    text = " ".join(statement.split()).rstrip(" .!?")
    return re.sub(r"^because\s+", "", text, flags=re.IGNORECASE)


def _inverted(text: str) -> str | None:
    """'X was Y' -> 'Why was x Y?' when an auxiliary follows a short subject in the first clause."""
    clause_end = _CLAUSE_END.search(text)
    clause = text[:clause_end.start()] if clause_end else text
    words = text.split()
    for index in range(1, min(len(clause.split()), _MAX_SUBJECT_WORDS + 1)):
        auxiliary, negated = _auxiliary(words[index])
        if auxiliary is not None:
            subject = _lower_first(" ".join(words[:index]))
            tail = " ".join(["not"] * negated + words[index + 1:])
            return f"Why {auxiliary} {subject}{' ' + tail if tail else ''}?"
    return None


def _with_do_support(text: str) -> str | None:
    """'I forgot X' -> 'Why did I forget X?', 'The kid stays up' -> 'Why does the kid stay up?'.

    Only for a clear subject (a pronoun, or a determiner and one noun) and a verb whose base form
    is known or follows a regular spelling rule; otherwise None.
    """
    words = text.split()
    size = _subject_size(words)
    if size == 0 or len(words) <= size:
        return None
    verb = words[size].lower()
    changed = _base_of_past(verb)
    auxiliary = "did"
    if changed is None and words[0].lower() not in _PLURAL_PRONOUNS:
        changed, auxiliary = _base_of_present(verb), "does"
    if changed is None:
        return None
    subject = _lower_first(" ".join(words[:size]))
    return f"Why {auxiliary} {subject} {' '.join([changed, *words[size + 1:]])}?"


def _subject_size(words: list[str]) -> int:
    first = words[0].lower()
    if first in _PRONOUNS:
        return 1
    if first in _DETERMINERS and len(words) > 2:
        return 2
    return 0


def _base_of_past(verb: str) -> str | None:
    if verb in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[verb]
    if not verb.endswith("ed") or len(verb) < 5:
        return None
    stem = verb[:-2]
    if stem.endswith("i"):
        return stem[:-1] + "y"
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsfz":
        return stem[:-1]
    return stem + "e" if (stem + "e").endswith(_SILENT_E_ENDINGS) else stem


def _base_of_present(verb: str) -> str | None:
    if verb in _IRREGULAR_PRESENT:
        return _IRREGULAR_PRESENT[verb]
    if not verb.endswith("s") or verb.endswith(("ss", "us", "is")) or len(verb) < 4:
        return None
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if verb.endswith(("sses", "shes", "ches", "xes", "zes")):
        return verb[:-2]
    return verb[:-1]


def _auxiliary(word: str) -> tuple[str | None, bool]:
    lowered = word.lower().replace("’", "'")
    if lowered in _NEGATED:
        return _NEGATED[lowered], True
    if lowered.endswith("n't") and lowered[:-3] in _AUXILIARIES:
        return lowered[:-3], True
    return (lowered, False) if lowered in _AUXILIARIES else (None, False)


def _lower_first(text: str) -> str:
    """Lower the first letter unless the first word is "I", an acronym or a day or month name."""
    first = text.split(None, 1)[0] if text else ""
    keep = (first == "I" or first.startswith(("I'", "I’")) or (len(first) > 1 and first[1].isupper())
            or first.lower().strip(",.") in _PROPER_WORDS)
    return text if not first or keep else text[0].lower() + text[1:]


# -- finding things in the tree -----------------------------------------------------------------

def find_why(whys: tuple[Why, ...], why_id: str) -> Why | None:
    """The why with this id anywhere in the tree, or None."""
    for why in whys:
        if why.id == why_id:
            return why
        found = find_why(why.children, why_id)
        if found is not None:
            return found
    return None


def parent_of(whys: tuple[Why, ...], why_id: str) -> tuple[Why | None, int] | None:
    """(parent why or None for the top level, index among its siblings), or None if absent."""
    for index, why in enumerate(whys):
        if why.id == why_id:
            return None, index
    for why in whys:
        found = _parent_below(why, why_id)
        if found is not None:
            return found
    return None


def _parent_below(parent: Why, why_id: str) -> tuple[Why, int] | None:
    for index, child in enumerate(parent.children):
        if child.id == why_id:
            return parent, index
    for child in parent.children:
        found = _parent_below(child, why_id)
        if found is not None:
            return found
    return None


def branch_ids(why: Why) -> set[str]:
    """The ids of a why and of every why below it."""
    return {node.id for node, _depth in why.walk()}


# -- changing the tree --------------------------------------------------------------------------

def _map_whys(whys: tuple[Why, ...], change: Callable[[Why], Why]) -> tuple[Why, ...]:
    """Apply `change` to every why bottom-up (children first), keeping unchanged objects."""
    result = []
    for why in whys:
        children = _map_whys(why.children, change)
        node = why if children == why.children else replace(why, children=children)
        result.append(change(node))
    return tuple(result)


def update_why(entry: Entry, why_id: str, **changes: Any) -> Entry:
    """The entry with one why's fields changed (question, answer, root_cause, mechanisms, actions)."""
    def change(why: Why) -> Why:
        return replace(why, **changes) if why.id == why_id else why
    return replace(entry, whys=_map_whys(entry.whys, change))


def add_why(entry: Entry, parent_id: str | None, why: Why, position: int | None = None) -> Entry:
    """The entry with `why` added under `parent_id` (None: top level), at the end unless placed."""
    if parent_id is None:
        return replace(entry, whys=insert_item(entry.whys, why, position))

    def change(node: Why) -> Why:
        if node.id != parent_id:
            return node
        return replace(node, children=insert_item(node.children, why, position))
    return replace(entry, whys=_map_whys(entry.whys, change))


def delete_why(entry: Entry, why_id: str) -> Entry:
    """The entry without this why and its branch."""
    def prune(whys: tuple[Why, ...]) -> tuple[Why, ...]:
        return tuple(replace(w, children=prune(w.children)) if w.children else w
                     for w in whys if w.id != why_id)
    return replace(entry, whys=prune(entry.whys))


def move_why(entry: Entry, why_id: str, parent_id: str | None, position: int | None = None) -> Entry:
    """The entry with a why (and its branch) moved under another parent, or reordered.

    Moving a why below itself, or to a parent that does not exist, leaves the entry as it is.
    """
    why = find_why(entry.whys, why_id)
    if why is None or parent_id in branch_ids(why):
        return entry
    if parent_id is not None and find_why(entry.whys, parent_id) is None:
        return entry
    return add_why(delete_why(entry, why_id), parent_id, why, position)


def shift_why(entry: Entry, why_id: str, offset: int) -> Entry:
    """The entry with a why moved `offset` places among its siblings (kept within the list)."""
    place = parent_of(entry.whys, why_id)
    if place is None:
        return entry
    parent, index = place
    siblings = entry.whys if parent is None else parent.children
    target = max(0, min(index + offset, len(siblings) - 1))
    return move_why(entry, why_id, None if parent is None else parent.id, target)


def insert_item(items: tuple[Item, ...], item: Item, position: int | None = None) -> tuple[Item, ...]:
    """The tuple with `item` inserted at `position` (the end when None)."""
    position = len(items) if position is None else max(0, min(position, len(items)))
    return items[:position] + (item,) + items[position:]


# -- flat lists: inputs, guidelines, entry-level actions ---------------------------------------

def update_item(items: tuple[Item, ...], item_id: str, **changes: Any) -> tuple[Item, ...]:
    """The tuple with the item of this id changed."""
    return tuple(replace(item, **changes) if item.id == item_id else item for item in items)


def remove_item(items: tuple[Item, ...], item_id: str) -> tuple[Item, ...]:
    """The tuple without the item of this id."""
    return tuple(item for item in items if item.id != item_id)


def shift_item(items: tuple[Item, ...], item_id: str, offset: int) -> tuple[Item, ...]:
    """The tuple with the item of this id moved `offset` places (kept within the list)."""
    index = next((i for i, item in enumerate(items) if item.id == item_id), None)
    if index is None:
        return items
    rest = items[:index] + items[index + 1:]
    return insert_item(rest, items[index], max(0, min(index + offset, len(rest))))


# -- actions, wherever they live ------------------------------------------------------------------

def add_action(entry: Entry, why_id: str | None, action: Action) -> Entry:
    """The entry with an action added to a why, or to the entry itself when `why_id` is None."""
    if why_id is None:
        return replace(entry, actions=entry.actions + (action,))
    why = find_why(entry.whys, why_id)
    return entry if why is None else update_why(entry, why_id, actions=why.actions + (action,))


def update_action(entry: Entry, action_id: str, **changes: Any) -> Entry:
    """The entry with one action's fields changed, wherever it is."""
    def change(why: Why) -> Why:
        actions = update_item(why.actions, action_id, **changes)
        return why if actions == why.actions else replace(why, actions=actions)
    return replace(entry, actions=update_item(entry.actions, action_id, **changes),
                   whys=_map_whys(entry.whys, change))


def delete_action(entry: Entry, action_id: str) -> Entry:
    """The entry without this action."""
    def change(why: Why) -> Why:
        actions = remove_item(why.actions, action_id)
        return why if actions == why.actions else replace(why, actions=actions)
    return replace(entry, actions=remove_item(entry.actions, action_id),
                   whys=_map_whys(entry.whys, change))
