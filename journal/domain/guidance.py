"""Gentle guidance on why-answers: blame, generalizations, circular answers, good intentions."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from journal.domain import guidance_words as words


@dataclass(frozen=True)
class Finding:
    """A guidance note on one why-answer, about the text at answer[start:end]."""

    kind: str
    message: str
    start: int
    end: int


BLAME = "blame"
GENERALIZATION = "generalization"
CIRCULAR = "circular"
INTENTION = "intention"

BLAME_MESSAGE = "This stops at a person. What made this mistake possible, or its impact this large?"
TIME_GENERALIZATION_MESSAGE = (
    "'{word}' hides the pattern. When does it happen, and what is different on those days?"
)
PEOPLE_GENERALIZATION_MESSAGE = (
    "'{word}' hides the pattern. Who exactly, and what made this the easy path for them?"
)
CIRCULAR_QUESTION_MESSAGE = "This restates the question. What lies behind it?"
CIRCULAR_PARENT_MESSAGE = "This restates the answer above. What lies behind it?"
INTENTION_MESSAGE = (
    "Good intentions fade. What process, tool, default or check could make this happen "
    "without remembering?"
)

# Typographic apostrophes fold to "'" one character for one, so spans stay valid.
_APOSTROPHES = str.maketrans(dict.fromkeys("\u2019\u2018\u02bc\u2032\uff07`", "'"))


def _token(char: str) -> str:
    """The regex for one phrase character: a space is any whitespace, a hyphen is optional."""
    if char == " ":
        return r"\s+"
    if char == "-":
        return r"[-\s]?"
    return re.escape(char)


def _node_pattern(node: dict) -> str:
    """The regex of one trie node: its branches, optional when a phrase may end here."""
    branches = [token + _node_pattern(child) for token, child in node.items() if token]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]  # one way on: no group needed (keeps the pattern short and quick to compile)
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if "" in node else body


def _alt(phrases: Iterable[str]) -> str:
    """A non-capturing alternation of phrases, as a trie so a miss fails on its first letter."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase.lower():
            node = node.setdefault(_token(char), {})
        node[""] = {}
    return _node_pattern(trie)


def _inflections(verb: str) -> tuple[set[str], set[str]]:
    """All forms and the -ing forms of a (possibly multi-word) verb: check, checks, checked ..."""
    first, _, rest = verb.partition(" ")
    tail = " " + rest if rest else ""
    if first.endswith("y") and first[-2:-1] not in "aeiou":
        forms = {first, first[:-1] + "ies", first[:-1] + "ied"}
    elif first.endswith("e"):
        forms = {first, first + "s", first + "d"}
    elif first.endswith(("s", "sh", "ch", "x", "o")):
        forms = {first, first + "es", first + "ed"}
    else:
        forms = {first, first + "s", first + "ed", first + first[-1] + "ed"}
    stem = first[:-1] if first.endswith("e") and not first.endswith("ee") else first
    ings = {stem + "ing", first + first[-1] + "ing"}
    return {form + tail for form in forms | ings}, {form + tail for form in ings}


def _verb_forms(verbs: Iterable[str]) -> tuple[list[str], list[str]]:
    """Every form, and the -ing forms, of a list of verbs."""
    every: set[str] = set()
    ings: set[str] = set()
    for verb in verbs:
        forms, ing_forms = _inflections(verb)
        every |= forms
        ings |= ing_forms
    return sorted(every), sorted(ings)


_ALL_VERB_FORMS, _ING_FORMS = _verb_forms(words.HUMAN_VERBS)
_MECH_VERB_FORMS, _ = _verb_forms(words.MECHANISM_VERBS)
_PASTIME_FORMS, _ = _verb_forms(words.PASTIMES)

_W = r"[\w'-]+"
_NAME = r"(?-i:\b(?!(?:" + "|".join(words.NOT_NAMES) + r")\b)[A-Z][a-z]+\b)"
_DETERMINER = r"(?:my|our|his|her|their|your|the|a|an|this|that|these|those|one\s+of\s+\w+)"
_PERSON = (
    rf"(?<!by )(?:\b{_DETERMINER}\s+(?:{_W}\s+){{0,2}}?{_alt(words.PERSON_NOUNS)}(?:s|es)?\b"
    rf"(?:\s+(?:at|from|in|on|of)\s+(?:the|my|our|his|her|their)\s+{_W})?"
    rf"|\b{_alt(words.PERSON_PRONOUNS)}\b|{_NAME})"
)
_ADVERBS = rf"(?:\s+{_alt(words.ADVERBS)}\b)*"
_COPULA = (
    r"(?:'m|'s|'re|\s+(?:am|is|are|was|were|be|been|being|seems?|seemed|gets?|got|getting"
    r"|became|becomes?|can\s+be|has\s+been|have\s+been|had\s+been|feels?|felt|acts?|acted))"
)
_COPULA_NOT = (
    r"(?:(?:'m|'s|'re|\s+(?:am|is|are|was|were|can\s+be))\s+not"
    r"|\s+(?:isn't|aren't|wasn't|weren't|ain't))"
)
_NEG_AUX = (
    r"(?:didn't|did\s+not|doesn't|does\s+not|don't|do\s+not|won't|will\s+not|wouldn't"
    r"|would\s+not|never|hardly\s+ever|rarely|seldom|barely|failed\s+to|fails?\s+to"
    r"|neglected\s+to|neglects\s+to|refused\s+to|refuses?\s+to|chose\s+not\s+to"
    r"|decided\s+not\s+to|can't|cannot|can\s+not|forgot\s+to|forgets?\s+to)"
    r"(?:\s+(?:even|bother\s+to|really|properly|ever|actually|always|just))?"
)
_SHOULD = (
    r"(?:should(?:\s+not|n't)?\s+have|should've|shouldn't've|ought\s+to\s+have"
    r"|(?:was|were)\s+supposed\s+to)"
)
_PUSHED_LIVE = (
    r"(?:pushed|deployed|merged|committed|released|shipped)(?:\s+[\w-]+){0,3}?\s+(?:to|into|on)"
    r"\s+(?:main|master|prod|production|live)\b"
)
_EXCESS = (
    r"(?:(?!(?:had|have|has|got|get|gets|was|were|is|are|been|being)\b)"
    rf"(?:{_W}\s+){{0,5}}?{_alt(words.EXCESS_ENDINGS)}\b"
    rf"|(?:{_W}\s+){{0,2}}?{_alt(_PASTIME_FORMS)}\b(?:\s+{_W}){{0,4}}?"
    rf"\s+{_alt(words.LONG_HOURS)}\b)"
)
_PERSON_ACTS = (
    rf"\s+{_NEG_AUX}\s+{_alt(_ALL_VERB_FORMS)}\b"
    rf"|{_COPULA_NOT}{_ADVERBS}\s+{_alt(_ING_FORMS)}\b"
    rf"|\s+{_alt(words.FAIL_ACTS)}\b"
    rf"|\s+{_SHOULD}"
    rf"|\s+{_alt(words.WRONG_ACTS)}(?:\s+{_W}){{0,4}}?\s+wrong\b"
    rf"|\s+{_PUSHED_LIVE}"
    rf"|\s+{_EXCESS}"
    rf"|\s+(?:{_W}\s+){{0,6}}?instead\s+of\s+\w+ing\b"
    rf"|\s+(?:{_W}\s+){{0,5}}?without\s+(?:even\s+)?{_alt(_ING_FORMS)}\b"
)
_PERSON_TRAITS = (
    rf"{_COPULA}{_ADVERBS}\s+{_alt(words.TRAITS)}\b"
    rf"|{_COPULA}{_ADVERBS}\s+not{_ADVERBS}\s+{_alt(words.TRAITS_NEGATED)}\b"
    rf"|{_COPULA_NOT}{_ADVERBS}\s+{_alt(words.TRAITS_NEGATED)}\b"
)

_FLAGS = re.IGNORECASE
_LACK = (
    r"(?:no|lack\s+of|lacks?|lacked|lacking|not\s+enough|(?:don't|doesn't|didn't|do\s+not"
    r"|does\s+not|did\s+not)\s+have\s+(?:the|enough|any))"
    rf"\s+{_alt(words.QUALITIES)}\b"
)
BLAME_PHRASE_RE = re.compile(rf"\b(?:{_alt(words.BLAME_PHRASES)}\b|{_LACK})", _FLAGS)
PERSON_BLAME_RE = re.compile(
    rf"{_PERSON}{_ADVERBS}(?:{_PERSON_ACTS}|{_PERSON_TRAITS})", _FLAGS
)
SOMEONE_RE = re.compile(
    r"\b(?:someone|somebody)(?:\s+else)?\s+(?!(?:is|was|has|had|who|that|else|with|from|in|on"
    r"|at|to|for|of|like|new|needs|needed|must|could|would|can|will|has\s+to)\b)[a-z]+\b",
    _FLAGS,
)
NEGATED_BEFORE_RE = re.compile(
    r"(?:\bnot|n't|\bno|\bnever|\bnobody|\bno\s+one|\bwithout)\s+(?:[\w'-]+\s+){0,2}$", _FLAGS
)

_AUX = r"(?:'s|'re|'m|\s+(?:is|are|was|were|am|has|have|had|does|do|did|will|would|can|could"
_AUX += r"|just|still|basically|literally|almost|seems\s+to|seem\s+to|pretty\s+much))"
ALWAYS_RE = re.compile(
    rf"{_PERSON}{_AUX}*\s+(?P<word>{_alt(words.ALWAYS_WORDS)})\b(?P<rest>[^.!?;\n]*)", _FLAGS
)
PEOPLE_QUANTIFIER_RE = re.compile(
    r"\b(?P<word>everyone|everybody|nobody|no\s+one|no-one)\b(?P<rest>[^.!?;\n]*)", _FLAGS
)
OWNERSHIP_RE = re.compile(
    r"(?:\s+else)?\s*(?:(?:is|was|are|were|has\s+been|gets|got)\s+)?"
    rf"(?:{_alt(words.OWNERSHIP_WORDS)})\b",
    _FLAGS,
)
HABIT_PHRASE_RE = re.compile(rf"\b{_alt(words.HABIT_PHRASES)}\b", _FLAGS)
PERSON_RE = re.compile(_PERSON, _FLAGS)
DENIAL_RE = re.compile(
    rf"{_ADVERBS}(?:{_PERSON_TRAITS}|\s+{_alt(words.BLAME_PHRASES)}\b|{_PERSON_ACTS})", _FLAGS
)
NEGATIVE_HABIT_RE = re.compile(rf"\b{_alt(words.NEGATIVE_HABITS)}\b", _FLAGS)

_GAP_WORD = r"(?!(?:to|and|or|but|so|because|one|body|if|when|that|it|he|she|they|we|i)\b)"
_MECH_NOUN = rf"{_alt(words.MECHANISM_NOUNS)}(?:s|es)?\b"
MECHANISM_RE = re.compile(
    rf"\b{_alt(words.MECHANISM_NEGATIONS)}\s+(?:{_GAP_WORD}{_W}\s+){{0,3}}?{_MECH_NOUN}"
    rf"|\b{_MECH_NOUN}(?:\s+{_W}){{0,2}}?\s+(?:doesn't|don't|didn't|does\s+not|do\s+not"
    rf"|did\s+not|can't|cannot|won't|never|isn't|aren't|wasn't|weren't|hasn't|haven't|only)"
    rf"(?:\s+{_W})??\s+{_alt(_MECH_VERB_FORMS)}\b"
    r"|\b(?:isn't|aren't|wasn't|weren't|(?:hasn't|haven't|hadn't|not)\s+been"
    r"|(?:is|are|was|were)\s+(?:not|never)|(?:has|have|had)\s+(?:not|never)\s+been)"
    rf"(?:\s+\w+ly)?\s+{_alt(words.MECHANISM_PARTICIPLES)}\b"
    rf"|\b{_alt(words.MECHANISM_PHRASES)}\b"
    r"|\b(?:fires|goes\s+off|rings|beeps|pings|buzzes|alerts)(?:\s+\w+){0,2}?\s+times\s+an?\b",
    _FLAGS,
)
CAUSE_RE = re.compile(r"\b(?:because|since|due\s+to|cause|cos|as\s+a\s+result\s+of)\b", _FLAGS)

INTENTION_RE = re.compile(
    rf"\b{_alt(words.INTENTION_PHRASES)}\b"
    r"|\b(?:to|will|'ll|should|must|need\s+to|have\s+to|going\s+to|always|just|i|we)"
    r"\s+double[-\s]?check\b",
    _FLAGS,
)
MECHANISM_BUILDER_RE = re.compile(
    rf"\b{_alt(words.MECHANISM_BUILDERS)}\s+(?:{_W}\s+){{0,3}}?{_MECH_NOUN}"
    r"|\bautomatic(?:ally)?\b|\bautomated?\b|\bby\s+default\b",
    _FLAGS,
)

_SENTENCE_ENDS = ".!?;\n"
_REACH = 400
_TWO_WORDS_RE = re.compile(r"\w+\W+\w+")
_WORD_RE = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_CONTRACTION_RE = re.compile(r"(?:n't|'s|'re|'ve|'ll|'d|'m)$")
_STOPWORDS = frozenset(words.STOPWORDS)


def _stem(word: str) -> str:
    """A crude stem, the same for 'servers', 'server'; 'turned', 'turning', 'turn'."""
    word = words.IRREGULAR_STEMS.get(word, word)
    for suffix, replacement in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""),
                                ("es", ""), ("s", ""), ("ly", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: -len(suffix)] + replacement
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


def _content_stems(text: str) -> set[str]:
    """Stems of the words that carry meaning: no stopwords, contractions folded."""
    stems = set()
    for match in _WORD_RE.finditer(text.lower()):
        word = _CONTRACTION_RE.sub("", match.group())
        if word and word not in _STOPWORDS:
            stems.add(_stem(word))
    return stems


def _negated(text: str, start: int) -> bool:
    """Whether a negation stands just before position start ("it wasn't human error")."""
    return NEGATED_BEFORE_RE.search(text, max(0, start - 40), start) is not None


def _sentence(text: str, position: int) -> tuple[int, int]:
    """The span of the sentence holding position, looking at most _REACH characters away."""
    low = max(0, position - _REACH)
    high = min(len(text), position + _REACH)
    start = max(text.rfind(mark, low, position) for mark in _SENTENCE_ENDS)
    ends = [text.find(mark, position, high) for mark in _SENTENCE_ENDS]
    return (start + 1 if start >= 0 else low), min((end for end in ends if end >= 0), default=high)


def _clause(text: str, position: int) -> tuple[int, int]:
    """The span of the clause holding position: its sentence, cut at 'because' and the like."""
    start, stop = _sentence(text, position)
    for cause in CAUSE_RE.finditer(text, start, stop):
        if cause.end() <= position:
            start = cause.end()
        else:
            return start, cause.start()
    return start, stop


def _blames_in(text: str, start: int, stop: int) -> bool:
    """Whether text[start:stop] holds words that stop at a person."""
    patterns = (BLAME_PHRASE_RE, PERSON_BLAME_RE, SOMEONE_RE)
    return any(pattern.search(text, start, stop) for pattern in patterns)


def _explained(text: str, position: int) -> bool:
    """Whether a 'because ...' after position, in its sentence, gives a cause beyond a person."""
    _, stop = _sentence(text, position)
    cause = CAUSE_RE.search(text, position, stop)
    if cause is None or not _TWO_WORDS_RE.search(text, cause.end(), stop):
        return False
    return not _blames_in(text, cause.end(), stop)


def _first_blame(text: str) -> tuple[int, int] | None:
    """The span of the first words that stop at a person and are not explained further."""
    for pattern in (BLAME_PHRASE_RE, PERSON_BLAME_RE, SOMEONE_RE):
        for match in pattern.finditer(text):
            if not _negated(text, match.start()) and not _explained(text, match.end()):
                return match.span()
    return None


def _negative_habit(text: str, position: int) -> bool:
    """Whether the clause around position describes a failure ("stays up late", "forgets")."""
    return NEGATIVE_HABIT_RE.search(text, *_clause(text, position)) is not None


def _always_findings(text: str) -> tuple[Finding | None, tuple[int, int] | None]:
    """A person's failure said with 'always' or 'never' ("he never listens"), and its blame."""
    for match in ALWAYS_RE.finditer(text):
        word, start, end = match.group("word"), match.start("word"), match.end("word")
        if word.lower() != "never" and not _negative_habit(text, start):
            continue
        if not _explained(text, end):
            return _generalization(word, start, end), (match.start(), end)
    return None, None


def _people_findings(text: str) -> tuple[Finding | None, tuple[int, int] | None]:
    """'Everyone', 'nobody' as the subject of a failure, unless it names a missing owner."""
    for match in PEOPLE_QUANTIFIER_RE.finditer(text):
        word, start, end = match.group("word"), match.start("word"), match.end("word")
        rest = match.group("rest")
        if not rest.strip() or OWNERSHIP_RE.match(rest):
            continue
        if word.lower().startswith("no"):
            if DENIAL_RE.match(text, end, match.end()):
                continue
        elif not _negative_habit(text, start):
            continue
        if not _explained(text, end):
            return _generalization(word, start, end, people=True), (start, end)
    return None, None


def _habit_finding(text: str) -> Finding | None:
    """'As usual', 'every time' in a clause about a person's failure."""
    for match in HABIT_PHRASE_RE.finditer(text):
        start, stop = _clause(text, match.start())
        if not PERSON_RE.search(text, start, stop) or not _negative_habit(text, match.start()):
            continue
        if not _explained(text, match.end()):
            return _generalization(match.group(), match.start(), match.end())
    return None


def _generalization(word: str, start: int, end: int, people: bool = False) -> Finding:
    """A generalization finding quoting its word ("'Always' hides the pattern ...")."""
    shown = " ".join(word.split())
    template = PEOPLE_GENERALIZATION_MESSAGE if people else TIME_GENERALIZATION_MESSAGE
    return Finding(GENERALIZATION, template.format(word=shown[:1].upper() + shown[1:]), start, end)


def _person_findings(text: str) -> list[Finding]:
    """Blame and generalization findings, silenced when the answer names a mechanism."""
    if MECHANISM_RE.search(text):
        return []
    general, general_blame = _always_findings(text)
    if general is None:
        general, general_blame = _people_findings(text)
    if general is None:
        general = _habit_finding(text)
    blame = _first_blame(text) or general_blame
    findings = [Finding(BLAME, BLAME_MESSAGE, *blame)] if blame else []
    return findings + ([general] if general else [])


def _intention_finding(text: str) -> Finding | None:
    """Good intentions ("be more careful", "remember to") unless a mechanism carries them."""
    for match in INTENTION_RE.finditer(text):
        if _negated(text, match.start()):
            continue
        if MECHANISM_BUILDER_RE.search(text):
            return None
        return Finding(INTENTION, INTENTION_MESSAGE, *match.span())
    return None


def _restates(answer: set[str], reference: str) -> bool:
    """Whether answer's content words add (almost) nothing to the reference's."""
    known = _content_stems(reference)
    if not answer or not known or not answer & known:
        return False
    new = answer - known
    return not new or (len(answer) >= 5 and len(new) * 5 <= len(answer))


def _circular_finding(answer: str, question: str, parent_answer: str) -> Finding | None:
    """A finding when the answer restates its question or the answer it asks about."""
    if not (question.strip() or parent_answer.strip()):
        return None
    stems = _content_stems(answer)
    start = len(answer) - len(answer.lstrip())
    end = len(answer.rstrip())
    if _restates(stems, question):
        return Finding(CIRCULAR, CIRCULAR_QUESTION_MESSAGE, start, end)
    if _restates(stems, parent_answer):
        return Finding(CIRCULAR, CIRCULAR_PARENT_MESSAGE, start, end)
    return None


def check_answer(
    answer: str, question: str = "", parent_answer: str = "", title: str = ""
) -> list[Finding]:
    """Guidance findings for one why-answer; [] for a well-formed mechanism answer.

    The title is accepted for callers that have it; the checks do not need it yet.
    """
    if not answer or answer.isspace():
        return []
    text = answer.translate(_APOSTROPHES)
    findings = _person_findings(text)
    intention = _intention_finding(text)
    circular = _circular_finding(text, question, parent_answer)
    findings += [finding for finding in (intention, circular) if finding]
    return sorted(findings, key=lambda finding: finding.start)
