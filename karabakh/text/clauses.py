"""Clause helpers: the subject of a verb, its auxiliaries, its object, its voice.

A public-internal module of the text layer (not re-exported by ``karabakh``):
quotes, figures (sources), events and statements ask it the same questions
about a clause, and it answers from the text alone with rules written for
news English. Offsets index the text given; nothing is normalised.

Contract (every function takes ``text`` -- a ``str`` or a
:class:`~karabakh.text.document.Document`, whose ``text`` is read -- and offsets):

* :func:`subject_of` ``(text, clause_start, verb_start)`` -> :class:`Subject`
  or ``None``: the noun phrase the verb at ``verb_start`` has as its subject,
  auxiliaries and adverbs of time set aside (``Later the governor has
  said``), an appositive name kept (``The President of Azerbaijan, Ilham
  Aliyev, said``), two coordinated subjects joined (``Macron and Scholz
  said``); ``coordinated=True`` with an empty span when the verb has no
  subject of its own and shares the previous verb's (``... and called for``).
* :func:`verb_group` ``(text, clause_start, verb_start, verb_end)`` ->
  :class:`VerbGroup`: the auxiliaries and negation before the verb
  (``has not yet said``, ``didn’t say``), and the voice (``passive`` after a
  form of *be*). The words are data: ``data/verb_group.csv`` and the verb-group
  negators of ``data/stance_words.csv``, read through :mod:`karabakh.text.lexicon`.
* :func:`object_after` ``(text, verb_end, limit)`` -> the noun phrase right
  after a verb (``said the ministry``, ``denied the claims``) or ``None``.
* :func:`coordinated` ``(text, start, verb_start)``: ``True`` when only a
  comma or ``and`` (and auxiliaries) stand between ``start`` and the verb.
* :func:`head_noun` ``(text, a, b)``: the describing noun heading a phrase
  (``the Armenian foreign ministry`` -> ``foreign ministry``), from
  ``data/speaker_nouns.csv`` (:func:`speaker_nouns`).
* :func:`cue_is_noun` ``(text, cs, ce)``: ``True`` when a reporting-verb form
  that is also a noun (``reports``, ``claims``, ``calls for``) is used as one
  (``reports of``, ``Baku's claims``, ``a field report``).
* :func:`np_ok`, :func:`trim`, :func:`strip_aux`, :func:`np_after`,
  :func:`speaks_for_in`: the building blocks.

Every search is bounded by the offsets given (a sentence at most), so the
time of a call is linear in the length of that window.

>>> t = "Later the Armenian foreign ministry has not said that it agreed."
>>> s = subject_of(t, 0, t.index("said"))
>>> t[s.a:s.b], t[slice(*head_noun(t, s.a, s.b))]
('the Armenian foreign ministry', 'foreign ministry')
>>> v = verb_group(t, 0, t.index("said"), t.index("said") + 4)
>>> t[v.start:v.end], v.negated, v.voice
('has not said', True, 'active')
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import TYPE_CHECKING, NamedTuple

from ..resources import read_data_csv
from ._patterns import SPACE_RUN, trie_regex
from .lexicon import (
    alternation,
    auxiliaries,
    be_forms,
    function_role,
    function_words,
    irregular_past,
    negation_pattern,
    negator_alternation,
    reporting_forms,
    reporting_noun_forms,
    verb_adverbials,
    verb_adverbs,
    verb_negators,
)
from .sentences import ends_abbreviation

if TYPE_CHECKING:
    from .document import Document

__all__ = [
    "AUX",
    "BOUNDARY_WORDS",
    "CLAUSE_START",
    "DETERMINERS",
    "FINITE",
    "NAME_WORDS",
    "NP_STOP",
    "PREP_START",
    "WORD_BEFORE",
    "SpeakerNoun",
    "Subject",
    "VerbGroup",
    "coordinated",
    "cue_is_noun",
    "head_noun",
    "last_speaker_noun",
    "names_a_person",
    "np_after",
    "np_ok",
    "object_after",
    "speaker_noun_key",
    "speaker_noun_re",
    "speaker_nouns",
    "speaks_for_in",
    "strip_aux",
    "subject_of",
    "trim",
    "verb_group",
]


_COMMA = re.compile(",")
#: a name of two to four capitalised words ("Jane Roe", "Gegham Stepanyan"), as a regex:
#: the name between commas after a person's description is theirs (quotes, claims)
NAME_WORDS = r"(?:[A-Z][\w’'.-]+\s+){1,3}[A-Z][\w’'.-]+"


class SpeakerNoun(NamedTuple):
    """One reading of a describing noun of ``data/speaker_nouns.csv``.

    Attributes:
        types: the actor types the noun may describe (``ministry``, ``person`` ...).
        match: a word the actor's name or role must contain (``foreign``), ``-``
            for people never in the dictionary (``a source``), or empty.
        speaks_for: a spokesperson noun (speaks on behalf of another actor).
        key: the row's noun (``aide`` for "adviser"): forms of one row describe
            the same office, so "the adviser" finds "X, an aide to ...".
    """

    types: frozenset[str]
    match: str
    speaks_for: bool = False
    key: str = ""


@functools.cache
def speaker_nouns() -> dict[str, tuple[SpeakerNoun, ...]]:
    """Describing nouns (lower case, single spaces) and their readings (cached).

    >>> "spokesman" in speaker_nouns(), speaker_nouns()["spokesman"][0].speaks_for
    (True, True)
    """
    table: dict[str, list[SpeakerNoun]] = {}
    for row in read_data_csv("speaker_nouns.csv"):
        noun = SpeakerNoun(
            frozenset(row["types"].split("|")),
            row["match"].lower(),
            (row.get("speaks_for") or "").strip().lower() == "y",
            row["noun"].strip().lower(),
        )
        for form in row["forms"].split("|"):
            table.setdefault(form.strip().lower(), []).append(noun)
    return {k: tuple(v) for k, v in table.items()}


@functools.cache
def speaker_noun_re() -> re.Pattern[str]:
    """One regex of every describing noun, case-insensitive; the longest form wins.

    Built as a prefix trie (:func:`karabakh.text._patterns.trie_regex`): the
    forms that match at one position lie on one path of the trie, so the
    longest is the one a longest-first alternation would find, and a position
    is rejected after a character or two instead of trying every form.
    """
    alts = trie_regex(speaker_nouns())
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)


def speaker_noun_key(m: re.Match[str]) -> str:
    """The :func:`speaker_nouns` key of a :func:`speaker_noun_re` match: lower case, single spaces.

    >>> speaker_noun_key(speaker_noun_re().search("The Foreign  Ministry said"))
    'foreign ministry'
    """
    return SPACE_RUN.sub(" ", m.group().lower())


def last_speaker_noun(text: str, a: int, b: int) -> re.Match[str] | None:
    """The last describing noun (:func:`speaker_noun_re`) inside ``text[a:b]``, or ``None``.

    >>> last_speaker_noun("The ministry's spokesman said", 0, 29).group()
    'spokesman'
    """
    last = None
    for m in speaker_noun_re().finditer(text, a, b):
        last = m
    return last


def names_a_person(key: str) -> bool:
    """Can the describing noun ``key`` (:func:`speaker_noun_key`) name a person?

    "ombudsman" and "spokeswoman" can, "ministry" and "presidency" cannot.

    >>> names_a_person("ombudsman"), names_a_person("ministry")
    (True, False)
    """
    return any("person" in n.types for n in speaker_nouns().get(key, ()))


def _text(text: str | Document) -> str:
    return text if isinstance(text, str) else text.text


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    """``(a, b)`` without white space around it and a final comma."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] == ","):
        b -= 1
    return a, b


def _aux_alternation() -> str:
    """The alternation of :data:`AUX`, from ``data/verb_group.csv`` and the verb-group negators."""
    return alternation((auxiliaries() | verb_adverbs()).union(verb_adverbials())) + "|" + negator_alternation()


#: auxiliaries and adverbs between a subject and its verb ("has", "reportedly", "not",
#: "later", "on Monday"): every row of ``data/verb_group.csv`` but the forms of *be*, and
#: the verb-group negators (:func:`karabakh.text.lexicon.verb_negators`); case-sensitive
AUX = _aux_alternation()
_TRAILING_AUX = re.compile(rf"(?:\s+|^)(?:{AUX})\s*$")
# the last auxiliary before the end, after white space (or at the start of the text)
# as _TRAILING_AUX finds it, without trying every start in a run of white space
_LAST_AUX = re.compile(rf"(?:(?<=\s)|^)(?:{AUX})$")
_AUX_WINDOW = 40  # longer than any auxiliary or adverb of AUX with one space inside
# the words that can end a match of AUX (each alternative's last word: "has", "turn" of
# "in turn", "Monday" of "on Monday"): a phrase ending in another word of letters ends
# in no auxiliary, and strip_aux need not search for one
_AUX_LAST_WORDS = frozenset(
    w.split()[-1] for w in (auxiliaries() | verb_adverbs() | verb_negators()).union(verb_adverbials()))
_LEADING_AUX = re.compile(rf"(?i:{AUX})\s+")
#: words that open a new clause (subordinators, coordinators): a subject search stops at them
#: (the ``boundary`` role of ``data/function_words.csv``)
BOUNDARY_WORDS = list(function_role("boundary"))
# the words as a prefix trie: the scan of a whole text rejects most positions at once
_BOUNDARY = re.compile(rf"[,;:()]|(?<![\w-])(?i:{trie_regex(BOUNDARY_WORDS)})(?![\w-])")
#: a finite verb form: an auxiliary or a form of *be* (``data/verb_group.csv``), "seem", "appear"
FINITE = re.compile(
    rf"(?<![\w-])(?:{alternation(auxiliaries() | be_forms())}|seems?|appears?)(?![\w-])"
)
#: a phrase that opens with a preposition (the ``prep_start`` role) is no noun phrase
PREP_START = re.compile(rf"^(?:{alternation(function_role('prep_start'))})\b", re.I)
#: a preposition that ends the head of a noun phrase (the ``np_cut`` role)
PREP_IN_NP = re.compile(rf"\s(?:{alternation(function_role('np_cut'))})\s")
#: words before a cue form that make it a noun: the determiners of ``data/function_words.csv``
#: and the words of its ``determiner`` role (prepositions, "first", "latest")
DETERMINERS = frozenset(
    function_words("article", "demonstrative", "possessive", "speaker_possessive", "quantifier")
    + function_role("determiner")
)
#: where a noun phrase after a verb ends: an auxiliary or a form of *be*, the words of the
#: ``np_stop`` role of ``data/function_words.csv`` (prepositions, "that", "and", "last"), and
#: "yesterday", "today" (adverbials of ``data/verb_group.csv``)
NP_STOP = re.compile(
    rf"\s(?:{alternation(auxiliaries() | be_forms())}|{alternation(function_role('np_stop'))}"
    r"|yesterday|today)\b"
)
# a clause after a cue: a pronoun, or a subject of up to five words (or of a head word and a
# prepositional phrase: "talks with representatives of the population would be held", up to
# eight), then a finite verb
_NP_WORD = r"(?:\d[\d,.]*\d|[\w’'.-]+)\s+"
_NO_PREP = rf"(?!(?:{alternation(function_role('no_subject'))})(?![\w-]))"
_FINITE_AUX = alternation((auxiliaries() | be_forms()) - {"be", "been", "being", "shall"})
CLAUSE_START = re.compile(
    rf"^\s*(?:(?:{alternation(function_words('pronoun'))})\s|(?:(?:" + _NO_PREP + _NP_WORD + r"){1,5}"
    r"|" + _NO_PREP + _NP_WORD + r"(?:" + _NO_PREP + _NP_WORD
    + rf")?(?:{alternation(function_role('np_complement'))})\s+"
    r"(?:(?!(?:that|which|who|to)(?![\w-]))" + _NP_WORD + r"){1,5})"
    rf"(?:(?:{_FINITE_AUX})\s|[a-z]{{3,}}ed\b|(?:" + alternation(irregular_past()) + r")\b))",
    re.IGNORECASE,
)
_QUOTE_CHARS = re.compile(r"[«»“”„\"‘‚‹›]|(?<!\w)’|’(?!\w)")  # not the ’ of "Baku’s"

# a term of one to three words in marks after a word of the phrase
_QUOTED_TERM = re.compile(r"(?<=\w )[“«\"‘]([\w’'-]+(?: [\w’'-]+){0,2})[”»\"’](?= )")

WORD_BEFORE = re.compile(r"([\w’'-]+)[ \t]+$")


def np_ok(text: str, a: int, b: int) -> bool:
    """True when ``text[a:b]`` can be a noun phrase.

    It has 1-10 words, no finite verb, no quote mark, and does not open with
    a preposition.

    >>> np_ok("the ministry", 0, 12), np_ok("was hit", 0, 7)
    (True, False)
    """
    phrase = text[a:b].strip()
    if not phrase or len(phrase.split()) > 10 or _QUOTE_CHARS.search(phrase):
        return False
    return not FINITE.search(phrase) and not PREP_START.match(phrase)


def strip_aux(text: str, a: int, b: int) -> int:
    """Return the end of ``text[a:b]`` without trailing auxiliaries and adverbs.

    Only the last few words are read at each step (a window of
    ``_AUX_WINDOW`` characters before the white space that ends the phrase),
    so a call costs the words and spaces it strips, not the length of
    ``text[a:b]``.

    >>> t = "the ministry has also already said"
    >>> t[:strip_aux(t, 0, t.index("said"))]
    'the ministry'
    """
    while b > a:
        e = b
        while e > a and text[e - 1].isspace():
            e -= 1
        lo = max(a, e - _AUX_WINDOW)
        space = text.rfind(" ", lo, e)
        word = text[space + 1 if space >= 0 else lo : e]  # the last word, if no other space
        if word.isalpha() and word not in _AUX_LAST_WORDS:
            b = e
            break
        m = _LAST_AUX.search(text, lo, e)
        if not m or m.start() == m.end() or (m.start() == a and a > 0):
            b = e
            break
        b = m.start()
    while b > a and text[b - 1].isspace():
        b -= 1
    return b


class Subject(NamedTuple):
    """The subject of a verb: its span and whether it is shared (coordination).

    Attributes:
        a: start of the subject phrase.
        b: end of the subject phrase.
        coordinated: the verb has no subject of its own and shares the
            previous verb's (``a == b`` then, at the ``and`` or comma).
    """

    a: int
    b: int
    coordinated: bool  # no subject of its own: shares the previous cue's speaker


def subject_of(text: str | Document, s0: int, cue_start: int) -> Subject | None:
    """Find the subject phrase of the verb at ``cue_start`` in the clause from ``s0``.

    Args:
        text: the text (or a Document).
        s0: where the clause or sentence starts.
        cue_start: where the verb starts.

    Returns:
        The :class:`Subject`, or ``None`` when no noun phrase stands there.

    >>> t = "Pashinyan, already accused of delays, assured today that it holds."
    >>> s = subject_of(t, 0, t.index("assured"))
    >>> t[s.a:s.b]
    'Pashinyan'
    >>> subject_of("Armenia claims X and calls for Y", 0, 21)
    Subject(a=17, b=17, coordinated=True)
    """
    text = _text(text)
    if _QUOTED_TERM.search(text, s0, cue_start):
        # a scare-quoted word inside the subject ("The self-styled “parliament” of the
        # enclave said") is part of it, not a quotation (issue 12 item 5): read the
        # clause with those marks as spaces (same offsets)
        local = _QUOTED_TERM.sub(lambda m: f" {m.group(1)} ", text[s0:cue_start])
        found = subject_of(local, 0, len(local))
        if found is None:
            return None
        return Subject(found.a + s0, found.b + s0, found.coordinated)
    b = strip_aux(text, s0, cue_start)
    if b <= s0:
        return None
    if text[b - 1] == ",":
        # "X, apposition, cue": the subject is the first phrase of the clause
        segments = []
        pos = s0
        for m in _COMMA.finditer(text[s0 : b - 1]):
            segments.append((pos, s0 + m.start()))
            pos = s0 + m.end()
        segments.append((pos, b - 1))
        for k, (x, y) in enumerate(segments):
            x, y = trim(text, x, y)
            lead = _LEADING_AUX.match(text, x, y) if k == 0 else None
            while lead is not None and lead.end() < y:  # "Later the governor, X, said"
                x = lead.end()
                lead = _LEADING_AUX.match(text, x, y)
            if np_ok(text, x, y):
                if k + 1 < len(segments):
                    nx, ny = trim(text, *segments[k + 1])
                    if 0 < len(text[nx:ny].split()) <= 4 and text[nx : nx + 1].isupper():
                        return Subject(x, ny, False)
                    if speaks_for_in(text, nx, ny) and np_ok(text, x, ny):
                        return Subject(x, ny, False)  # Jane Doe, a spokeswoman for X,
                return Subject(x, y, False)
            if k == 0 and k + 1 < len(segments) and _long_title(text, x, y):
                # "The head of the press service of the defence ministry, Jane Doe, said"
                nx, ny = trim(text, *segments[k + 1])
                if 0 < len(text[nx:ny].split()) <= 4 and text[nx : nx + 1].isupper():
                    if np_ok(text, nx, ny):
                        return Subject(x, ny, False)
            if len(text[x:y].split()) > 3:
                return None
        return None

    last = _last_boundary(text, s0, b)
    a = last.end if last else s0
    a, b2 = trim(text, a, b)
    lead = _LEADING_AUX.match(text, a, b2)
    while lead is not None and lead.end() < b2:  # "Later the governor said"
        a = lead.end()
        lead = _LEADING_AUX.match(text, a, b2)
    if a >= b2:
        if last is not None and last.word in {"and", "but", ","}:
            return Subject(last.start, last.start, True)
        return None
    word = text[a:b2].lower()
    if word in {"who", "which"} and last is not None:
        return subject_of(text, s0, last.start)
    if not np_ok(text, a, b2):
        return None
    if last is not None and last.word == "and":
        a = _joint_start(text, s0, last, cue_start, a)
    return Subject(a, b2, False)


def _long_title(text: str, a: int, b: int) -> bool:
    """A job title longer than :func:`np_ok` allows (up to 20 words), no verb, no quote."""
    phrase = text[a:b].strip()
    n = len(phrase.split())
    return 10 < n <= 20 and not _QUOTE_CHARS.search(phrase) and not FINITE.search(phrase) \
        and not PREP_START.match(phrase)


class _Boundary(NamedTuple):
    start: int
    end: int
    word: str  # lower case


@functools.lru_cache(maxsize=8)
def _boundaries(text: str) -> tuple[list[int], list[_Boundary]]:
    """Every clause boundary of ``text`` (found once per text; bisected by end)."""
    found = [_Boundary(m.start(), m.end(), m.group().lower()) for m in _BOUNDARY.finditer(text)]
    return [x.end for x in found], found


_NEAR_BOUNDARY = 128  # characters before the verb read first for its clause boundary


def _last_boundary(text: str, a: int, b: int) -> _Boundary | None:
    """The last clause boundary inside ``text[a:b]``: a short scan, else O(log n).

    The last ``_NEAR_BOUNDARY`` characters are read first (a subject is a few
    words after a comma, ``and`` or ``that``): a boundary found there is the
    last one, as no match of ``_BOUNDARY`` (a mark or a whole word) straddles
    another, and the scan reaches one character past ``b`` so that a word ending
    at ``b`` sees what follows it. Only when there is none and the clause
    starts earlier is the index of the whole text (built once) asked.
    """
    lo = max(a, b - _NEAR_BOUNDARY)
    before = last = None
    for m in _BOUNDARY.finditer(text, lo, b + 1):
        before, last = last, m
    if last is not None and last.end() > b:  # a mark at b, or a word running past it
        last = before
    if last is not None:
        return _Boundary(last.start(), last.end(), last.group().lower())
    if lo == a:
        return None
    ends, found = _boundaries(text)
    k = bisect.bisect_right(ends, b) - 1
    return found[k] if k >= 0 and found[k].start >= a else None


_SINGULAR_CUE = re.compile(r"[a-z]+[^s\W]s\b")


def _joint_start(text: str, s0: int, and_: _Boundary, cue_start: int, a: int) -> int:
    """Start of ``X and Y`` when both are the subject of the cue (``Macron and Scholz said``).

    The phrase before ``and`` must look like a name or a description (capitalised
    or ending in a describing noun: "The Armenian ministry and ...") and the cue
    must not be a singular form (``says``, ``claims``).
    """
    if _SINGULAR_CUE.match(text, cue_start):
        return a
    prev = _last_boundary(text, s0, and_.start)
    pa, pb = trim(text, prev.end if prev else s0, and_.start)
    lead = _LEADING_AUX.match(text, pa, pb)
    while lead is not None and lead.end() < pb:
        pa = lead.end()
        lead = _LEADING_AUX.match(text, pa, pb)
    words = text[pa:pb].split()
    if not words or len(words) > 8 or not np_ok(text, pa, pb):
        return a
    if not (words[0][:1].isupper() or words[0].lower() in {"the", "both"}):
        return a
    last_word = words[-1]
    nouns = speaker_nouns()
    if last_word[:1].isupper() or last_word.lower() in nouns:
        return pa
    return a


def speaks_for_in(text: str, a: int, b: int) -> bool:
    """True when ``text[a:b]`` holds a spokesperson noun (``a spokeswoman for the ICRC``)."""
    for m in speaker_noun_re().finditer(text, a, b):
        key = speaker_noun_key(m)
        if any(n.speaks_for for n in speaker_nouns()[key]):
            return True
    return False


_NP_END = re.compile(r"[,;:.!?“”«»\"(]")


def np_after(text: str, a: int, limit: int) -> tuple[int, int] | None:
    """The speaker phrase right after an inverted cue (``said the ministry``)."""
    b = a
    m = _NP_END.search(text, a, limit)
    while m and m.group() == "." and ends_abbreviation(text, m.start(), titles_only=True):
        m = _NP_END.search(text, m.end(), limit)  # "said Sen. Jane Roe", "Lt. Gen. A. B. Petrov"
    b = m.start() if m else limit
    stop = NP_STOP.search(text, a, b)
    if stop:
        b = stop.start()
    a, b = trim(text, a, b)
    if a >= b or not np_ok(text, a, b):
        return None
    return a, b


_BE_FORMS = alternation(be_forms())
_BE = re.compile(rf"(?<![\w-])(?:{_BE_FORMS})\s+(?:\w+ly\s+)?$")
# a form of be and a negator ("was not", "is never", "wasn't") right before the verb
_BE_NOT = re.compile(rf"(?<![\w-])(?:{_BE_FORMS})\s*(?:{negator_alternation()})\s+$")
# "yet" too ("has not yet said"): no word of AUX, since it also joins clauses ("and yet")
_AUX_WORDS = re.compile(rf"(?:\s+|^)(?:{AUX}|{_BE_FORMS}|yet)\s*$")
_COORD_GAP = re.compile(rf"(?:,|\band|\bbut)\s*(?:(?:{AUX})\s+)*$")


class VerbGroup(NamedTuple):
    """A verb with its auxiliaries: span, negation and voice.

    Attributes:
        start: start of the first auxiliary (or of the verb).
        end: end of the verb.
        negated: a verb-group negator (``not``, ``never``, ``no longer``,
            ``cannot``, an auxiliary with ``n't``: :func:`karabakh.text.lexicon.verb_negators`)
            stands among the auxiliaries.
        voice: ``passive`` after a form of *be* (``was reported``), else ``active``.
    """

    start: int
    end: int
    negated: bool
    voice: str


def verb_group(text: str | Document, s0: int, verb_start: int, verb_end: int) -> VerbGroup:
    """The auxiliaries, negation and voice of the verb at ``verb_start:verb_end``.

    Only the words right before the verb are read (at most 60 characters).

    >>> t = "The report was not denied."
    >>> verb_group(t, 0, 19, 25)
    VerbGroup(start=11, end=25, negated=True, voice='passive')
    """
    text = _text(text)
    lo = max(s0, verb_start - 60)
    a = verb_start
    while a > lo:
        m = _AUX_WORDS.search(text, lo, a)
        if not m or m.start() == m.end():
            break
        a = m.start()
    while a < verb_start and text[a].isspace():
        a += 1
    negated = negation_pattern().search(text, a, verb_start) is not None
    passive = _BE.search(text, lo, verb_start) is not None or bool(
        _BE_NOT.search(text[lo:verb_start])
    )
    return VerbGroup(a, verb_end, negated, "passive" if passive else "active")


def object_after(text: str | Document, verb_end: int, limit: int) -> tuple[int, int] | None:
    """The noun phrase right after a verb, up to punctuation or a clause word.

    >>> t = "Baku denied the claims on Tuesday."
    >>> t[slice(*object_after(t, 11, len(t)))]
    'the claims'
    """
    return np_after(_text(text), verb_end, limit)


def coordinated(text: str | Document, start: int, verb_start: int) -> bool:
    """True when the verb at ``verb_start`` is coordinated with an earlier one.

    Only a comma, ``and`` or ``but`` (and auxiliaries) may stand between
    ``start`` (the end of the earlier verb's clause) and the verb.

    >>> t = "Armenia denied it and has also called for talks."
    >>> coordinated(t, 0, t.index("called"))
    True
    """
    text = _text(text)
    b = strip_aux(text, start, verb_start)
    return _COORD_GAP.search(text, max(start, b - 5), verb_start) is not None


def head_noun(text: str | Document, a: int, b: int) -> tuple[int, int] | None:
    """The describing noun heading ``text[a:b]`` (before any ``of``/``in`` ...).

    >>> t = "the foreign ministry in Baku"
    >>> head_noun(t, 0, len(t))
    (4, 20)
    """
    text = _text(text)
    cut = PREP_IN_NP.search(text, a, b)
    head_end = cut.start() if cut else b
    last = None
    for m in speaker_noun_re().finditer(text, a, b):
        if m.start() < head_end:
            last = m
    return last.span() if last else None


# ------------------------------------------- reporting verbs used as nouns

_OF_AFTER = re.compile(r"\s+of\b")
_POSSESSIVE_WORD = re.compile(r"(?:['’]s|s['’])$")
#: modifiers that make a cue form after them a noun ("fresh claims", "media reports"): the
#: ``cue_modifier`` role of ``data/function_words.csv``
_NOUN_MODIFIERS = frozenset(function_role("cue_modifier"))


@functools.lru_cache(maxsize=1024)
def _noun_form(form: str) -> bool:
    """Is the lower-case ``form`` (white space runs read as one space) a noun form of a cue?"""
    nouns = reporting_noun_forms()
    return form in nouns or SPACE_RUN.sub(" ", form) in nouns


def cue_is_noun(text: str, cs: int, ce: int, determiners: bool = False) -> bool:
    """True when the cue form at ``cs:ce`` is used as a noun ("reports of", "called claims").

    Only the forms listed as nouns in ``reporting_verbs.csv`` are concerned; they
    are nouns before "of" and after a possessive, a number, a participle or
    another cue form, a few modifiers, and (with ``determiners``) a determiner.
    Quotes and the sources of figures ask it of every cue they read.

    >>> t = "A field report dated 16 July said Baku reports more."
    >>> cue_is_noun(t, 8, 14), cue_is_noun(t, t.index("reports"), t.index(" more"))
    (True, False)
    """
    if not _noun_form(text[cs:ce].lower()):
        return False
    if _OF_AFTER.match(text, ce):
        return True
    prev = WORD_BEFORE.search(text, max(0, cs - 40), cs)
    if prev is None:
        return False
    word = prev.group(1)
    low = word.lower()
    if word[:1].isupper() and not _POSSESSIVE_WORD.search(word):
        k = prev.start(1)  # the last character before the name that is not white space
        while k > 0 and text[k - 1].isspace():
            k -= 1
        if k > 0 and text[k - 1] not in ".!?:;”\"»(":
            return False  # a name, the subject of the verb ("Baku reports")
    if word.islower() and low not in speaker_nouns():
        two_back = WORD_BEFORE.search(text, max(0, prev.start(1) - 20), prev.start(1))
        if two_back is not None and two_back.group(1).lower() in {"a", "an", "the", "its", "their"}:
            return True  # "a joint call", "the daily report"
    return (
        (word.islower() and low.endswith(("ed", "ing")))
        or low in reporting_forms()
        or low in _NOUN_MODIFIERS
        or low.isdigit()
        or bool(_POSSESSIVE_WORD.search(word))
        or (determiners and low in DETERMINERS)
    )
