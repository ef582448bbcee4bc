"""Closed word lists that several modules share, each read from the one file that holds it.

A word list used by more than one extractor lives once, in one data file;
the modules that need it ask here instead of keeping a copy:

* month and weekday names (English, with the abbreviations news uses):
  ``data/time_words.csv`` (categories ``month`` and ``weekday``), the file of
  :mod:`karabakh.extract.dates`, read by the mention tagger (a month is never an
  unknown name) and the figure finder (``20 September`` is no count) too;
* reporting verbs and phrases, the cues of quotations, claims and the
  sources of figures: ``data/reporting_verbs.csv`` (:func:`reporting_verbs`,
  with :func:`reporting_forms`, :func:`reporting_noun_forms` and the one
  compiled :func:`cue_pattern`), read by the quote-mark pairing, quotes,
  figures and statements;
* describing nouns: ``data/speaker_nouns.csv``
  (:func:`karabakh.text.clauses.speaker_nouns`);
* the words of a verb group before its verb: ``data/verb_group.csv``
  (:func:`auxiliaries`, :func:`be_forms`, :func:`verb_adverbs`,
  :func:`verb_adverbials`), read by :mod:`karabakh.text.clauses` (``AUX``,
  the verb group), :mod:`karabakh.extract.claims` and
  :mod:`karabakh.extract.events`;
* the grammatical closed classes (articles, possessives, demonstratives,
  quantifiers, pronouns, prepositions, subordinators, coordinators) and their
  sub-lists (clause boundaries, prepositions that open no subject ...):
  ``data/function_words.csv`` (:func:`function_words`, :func:`function_role`),
  read by clauses, references, claims, quotes, statements, casualties, dates and
  events (its prepositions, determiners, pronouns and coordinators, with
  :func:`function_role_values` for the pronoun of a possessive);
  the number words of ``data/figure_words.csv`` (:func:`count_words`) and the
  units of ``data/time_words.csv`` (:func:`time_words`) for claims and references;
* the negators of a verb group (``not``, ``never``, ``n't``): the ``negator``
  rows of ``data/stance_words.csv`` marked ``in_verb_group``
  (:func:`verb_negators`, :func:`negation_pattern`); the other negator rows
  (``no``, ``without``, ``nothing`` ...) are read by
  :mod:`karabakh.extract.statements` only, with these.

>>> "sept" in month_names(), "monday" in weekday_names()
(True, True)
>>> reporting_forms()["told"].lemma, "claims" in reporting_noun_forms()
('tell', True)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import NamedTuple

from ..resources import read_data_csv
from ._patterns import trie_regex

__all__ = [
    "FUNCTION_CATEGORIES",
    "FUNCTION_ROLES",
    "ReportingVerb",
    "alternation",
    "auxiliaries",
    "be_forms",
    "contracted_negation",
    "count_words",
    "cue_pattern",
    "function_role",
    "function_role_values",
    "function_words",
    "interval_starts",
    "month_names",
    "negates_verb",
    "negation_pattern",
    "negator_alternation",
    "negator_substrings",
    "phrase_negators",
    "phrase_regex",
    "reporting_forms",
    "reporting_noun_forms",
    "reporting_verbs",
    "time_words",
    "verb_adverbials",
    "verb_adverbs",
    "verb_negators",
    "weekday_names",
]


@functools.cache
def _time_words(category: str) -> frozenset[str]:
    return frozenset(time_words(category))


@functools.cache
def time_words(*categories: str) -> tuple[str, ...]:
    """The words of the given categories of ``data/time_words.csv``, lower case, file order.

    >>> time_words("part_of_day")
    ('morning', 'afternoon', 'evening', 'night')
    """
    rows = read_data_csv("time_words.csv")
    out: list[str] = []
    for c in categories:
        words = [row["word"].lower() for row in rows if row["category"] == c]
        if not words:
            raise ValueError(f"time_words.csv has no category {c!r}")
        out.extend(w for w in words if w not in out)
    return tuple(out)


def month_names() -> frozenset[str]:
    """Month names and their abbreviations, lower case (``january``, ``jan``, ``sept``).

    >>> sorted(n for n in month_names() if n.startswith("sep"))
    ['sep', 'sept', 'september']
    """
    return _time_words("month")


@functools.cache
def month_abbreviations() -> frozenset[str]:
    """The month words that shorten a longer one, lower case: these take a dot ("Sept.", "Dec.").

    A month written out ("December", and "May", which has no shorter form)
    ends a sentence when a full stop follows it.

    >>> sorted(month_abbreviations() & {"may", "sept", "december", "dec"})
    ['dec', 'sept']
    """
    names = month_names()
    return frozenset(n for n in names if any(m != n and m.startswith(n) for m in names))


def interval_starts() -> frozenset[str]:
    """Prepositions that make the date after them the start of a stretch ("since Sunday").

    >>> sorted(interval_starts())
    ['from', 'since']
    """
    return _time_words("interval_start")


def weekday_names() -> frozenset[str]:
    """Weekday names, lower case (``monday`` ... ``sunday``).

    >>> len(weekday_names())
    7
    """
    return _time_words("weekday")


# ------------------------------------------------------- function words

#: the classes of ``data/function_words.csv``
FUNCTION_CATEGORIES = frozenset({
    "article", "possessive", "speaker_possessive", "demonstrative", "quantifier", "predeterminer",
    "pronoun", "preposition", "subordinator", "coordinator", "relative", "adverb", "adjective", "noun"})
#: the sub-lists of its ``roles`` column (README.md, function_words.csv, says what each is for)
FUNCTION_ROLES = frozenset({
    "boundary", "new_clause", "subordinate", "tail", "prep_start", "no_subject", "np_cut",
    "np_complement", "speaks_for", "source", "complement", "fragment_stop", "indefinite",
    "determiner", "cue_modifier", "np_stop", "addressee", "addressee_modifier", "target_prep", "locative",
    "person_pronoun", "thing_pronoun", "possessive_of", "predicate_coordinator", "place_prep", "actor_prep"})
#: the roles written ``role:<value>`` (``possessive_of:it``), each value a word of the category named
_VALUED_ROLES = {"possessive_of": "pronoun"}


_FunctionTables = tuple[Mapping[str, tuple[str, ...]], Mapping[str, tuple[str, ...]],
                        Mapping[str, Mapping[str, str]]]


@functools.cache
def _function_words() -> _FunctionTables:
    """The words of ``data/function_words.csv`` by category and by role, in file order, and the role values.

    A role of :data:`_VALUED_ROLES` is written with its value (``possessive_of:it``);
    the third table maps each of its words to that value.

    Raises:
        ValueError: naming the file and row for an unknown category or role, an
            empty word, a word written twice in one category, or a role value
            missing, unasked for, or no word of its category.
    """
    cats: dict[str, list[str]] = {c: [] for c in FUNCTION_CATEGORIES}
    roles: dict[str, list[str]] = {r: [] for r in FUNCTION_ROLES}
    values: dict[str, dict[str, str]] = {r: {} for r in _VALUED_ROLES}
    valued: list[tuple[str, str, str]] = []  # (where, role, value), checked once every category is read
    for i, row in enumerate(read_data_csv("function_words.csv"), start=1):
        word, category = (row["word"] or "").strip(), row["category"]
        where = f"karabakh/data/function_words.csv row {i}"
        if category not in FUNCTION_CATEGORIES:
            raise ValueError(f"{where}: unknown category {category!r} in {row}")
        if not word or word != word.lower() or word in cats[category]:
            raise ValueError(f"{where}: empty, capitalised or repeated word in {row}")
        cats[category].append(word)
        for cell in filter(None, (r.strip() for r in (row.get("roles") or "").split("|"))):
            role, colon, value = cell.partition(":")
            if role not in FUNCTION_ROLES:
                raise ValueError(f"{where}: unknown role {role!r} in {row}")
            if bool(colon) != (role in _VALUED_ROLES) or (colon and not value):
                raise ValueError(f"{where}: role {role!r} needs {'a' if role in _VALUED_ROLES else 'no'} "
                                 f":<value> in {row}")
            if colon:
                values[role][word] = value
                valued.append((where, role, value))
            if word not in roles[role]:
                roles[role].append(word)
    for where, role, value in valued:
        if value not in cats[_VALUED_ROLES[role]]:
            raise ValueError(f"{where}: {role}:{value}: {value!r} is no {_VALUED_ROLES[role]} of the file")
    return ({c: tuple(w) for c, w in cats.items()}, {r: tuple(w) for r, w in roles.items()}, values)


@functools.cache
def function_words(*categories: str) -> tuple[str, ...]:
    """The words of the given classes of ``data/function_words.csv``, lower case, file order.

    >>> function_words("article", "possessive")
    ('a', 'an', 'the', 'its', 'his', 'her', 'their')
    """
    table = _function_words()[0]
    unknown = set(categories) - FUNCTION_CATEGORIES
    if unknown:
        raise ValueError(f"function_words.csv has no category {sorted(unknown)}")
    out: list[str] = []
    for c in categories:
        out.extend(w for w in table[c] if w not in out)
    return tuple(out)


@functools.cache
def count_words() -> tuple[str, ...]:
    """The number words from two up of ``data/figure_words.csv`` (``unit`` and ``tens`` rows), lower case.

    >>> count_words()[:3], "one" in count_words()
    (('two', 'three', 'four'), False)
    """
    return tuple(row["phrase"].lower() for row in read_data_csv("figure_words.csv")
                 if row["role"] in ("unit", "tens") and int(row["value"]) >= 2)


@functools.cache
def function_role(role: str) -> tuple[str, ...]:
    """The words whose ``roles`` in ``data/function_words.csv`` hold ``role``, file order.

    >>> function_role("speaks_for")
    ('to', 'of', 'for')
    """
    if role not in FUNCTION_ROLES:
        raise ValueError(f"function_words.csv has no role {role!r}")
    return _function_words()[1][role]


@functools.cache
def function_role_values(role: str) -> Mapping[str, str]:
    """``{word: value}`` for a role written with a value in ``data/function_words.csv``, file order.

    >>> function_role_values("possessive_of")["its"]
    'it'
    """
    if role not in _VALUED_ROLES:
        raise ValueError(f"function_words.csv has no role with values {role!r}")
    return MappingProxyType(_function_words()[2][role])


def alternation(words: Iterable[str]) -> str:
    r"""Words or phrases of a closed list as one regex alternation, longest first, no boundaries.

    >>> alternation(["in", "in turn", "at"])
    'in\\s+turn|at|in'
    """
    return "|".join(phrase_regex(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) or "(?!)"


# ------------------------------------------------------- reporting verbs


class ReportingVerb(NamedTuple):
    """One reporting verb or phrase of ``data/reporting_verbs.csv``.

    Attributes:
        lemma: the base form (``say``, ``call for``, ``according to``).
        forms: every inflected form that is matched.
        kind: ``speech``, ``claim``, ``accusation``, ``announcement`` or
            ``call``.
        frame: how its content follows: ``that`` (a clause), ``object`` (a
            noun phrase), ``as`` (``defined X as Y``) or ``source``
            (``according to X``).
        nouns: the forms that are also common nouns (``reports``,
            ``claims``); :func:`karabakh.text.clauses.cue_is_noun` says when
            they are no cue.
        figure_forms: the forms that name the source of a casualty figure in
            their sentence (``said``, ``reported``, ``told``; not ``saying``,
            ``denied``), read by :mod:`karabakh.extract.casualties`.

    >>> reporting_verbs()[0].forms[:3]
    ('say', 'says', 'said')
    >>> {v.lemma: v.nouns for v in reporting_verbs()}["report"]
    ('report', 'reports')
    >>> reporting_verbs()[0].figure_forms
    ('say', 'says', 'said')
    """

    lemma: str
    forms: tuple[str, ...]
    kind: str
    frame: str
    nouns: tuple[str, ...] = ()
    figure_forms: tuple[str, ...] = ()


@functools.cache
def reporting_verbs() -> tuple[ReportingVerb, ...]:
    """Load the reporting verbs and phrases (cached, immutable).

    Returns:
        One :class:`ReportingVerb` per row of ``data/reporting_verbs.csv``.

    Raises:
        ValueError: when a row has an unknown ``frame`` or no forms, or a
            noun form or figure form that is not one of its forms.

    >>> {v.lemma: v.frame for v in reporting_verbs()}["according to"]
    'source'
    """
    def split(cell: str | None) -> tuple[str, ...]:
        return tuple(f.strip() for f in (cell or "").split("|") if f.strip())

    out = []
    for i, row in enumerate(read_data_csv("reporting_verbs.csv")):
        forms, nouns, figure = split(row["forms"]), split(row.get("noun_forms")), split(
            row.get("figure_forms"))
        if not forms or row["frame"] not in {"that", "object", "as", "source", "colon"}:
            raise ValueError(f"reporting_verbs.csv row {i + 1}: bad forms or frame in {row}")
        if not set(nouns) <= set(forms):
            raise ValueError(f"reporting_verbs.csv row {i + 1}: a noun form is not a form: {row}")
        if not set(figure) <= set(forms):
            raise ValueError(f"reporting_verbs.csv row {i + 1}: a figure form is not a form: {row}")
        out.append(ReportingVerb(row["lemma"], forms, row["kind"], row["frame"], nouns, figure))
    return tuple(out)


@functools.cache
def reporting_noun_forms() -> frozenset[str]:
    """The forms of reporting verbs that are also common nouns (``reports``, ``claims``).

    >>> sorted(f for f in reporting_noun_forms() if f.startswith("report"))
    ['report', 'reports']
    """
    return frozenset(f for v in reporting_verbs() for f in v.nouns)


@functools.cache
def reporting_forms() -> Mapping[str, ReportingVerb]:
    """Every form of ``data/reporting_verbs.csv`` and its verb (the first row that has it wins).

    >>> reporting_forms()["calls for"].lemma
    'call for'
    """
    table: dict[str, ReportingVerb] = {}
    for verb in reporting_verbs():
        for form in verb.forms:
            table.setdefault(form, verb)
    return table


@functools.cache
def cue_pattern() -> re.Pattern[str]:
    """Every form of the reporting verbs as whole words, case-sensitively in lower case.

    The one compiled pattern of the cues (longest form first), and ``According to``
    with its capital: ``State`` in ``Secretary of State`` is no cue.

    >>> [m.group() for m in cue_pattern().finditer("The Secretary of State said it, Baku claims.")]
    ['said', 'claims']
    """
    alts = trie_regex(reporting_forms())
    return re.compile(rf"(?<![\w’'-])(?:{alts}|According\s+to)(?![\w’'-])")


# ------------------------------------------------------- verb groups

_VERB_GROUP_CATEGORIES = frozenset({"aux", "be", "adverb", "adverbial", "past"})
_APOSTROPHES = "'’"


@functools.cache
def _verb_group_words() -> Mapping[str, tuple[str, ...]]:
    """The rows of ``data/verb_group.csv`` by category, in file order, ``<weekday>`` expanded.

    Raises:
        ValueError: naming the file and row for an unknown category, an empty
            word, a word written twice, or a placeholder other than ``<weekday>``.
    """
    out: dict[str, list[str]] = {c: [] for c in _VERB_GROUP_CATEGORIES}
    seen: set[str] = set()
    days = sorted(d.capitalize() for d in weekday_names())
    for i, row in enumerate(read_data_csv("verb_group.csv"), start=1):
        word, category = row["word"].strip(), row["category"]
        if category not in _VERB_GROUP_CATEGORIES:
            raise ValueError(f"karabakh/data/verb_group.csv row {i}: unknown category {category!r} in {row}")
        if not word or word in seen:
            raise ValueError(f"karabakh/data/verb_group.csv row {i}: empty or repeated word in {row}")
        seen.add(word)
        rest = word.replace("<weekday>", "")
        if "<" in rest or ">" in rest:
            raise ValueError(f"karabakh/data/verb_group.csv row {i}: unknown placeholder in {row}")
        if "<weekday>" in word:
            out[category].extend(word.replace("<weekday>", d) for d in days)
        else:
            out[category].append(word)
    return {c: tuple(words) for c, words in out.items()}


def auxiliaries() -> frozenset[str]:
    """Auxiliaries and modals other than *be* (``has``, ``will``, ``did``), lower case.

    >>> sorted(w for w in auxiliaries() if w.startswith("d"))
    ['did', 'do', 'does']
    """
    return frozenset(_verb_group_words()["aux"])


def be_forms() -> frozenset[str]:
    """The forms of *be* in a verb group (a participle after one is passive).

    >>> sorted(be_forms())
    ['are', 'be', 'been', 'being', 'is', 'was', 'were']
    """
    return frozenset(_verb_group_words()["be"])


def verb_adverbs() -> frozenset[str]:
    """Adverbs that stand right before the verb of their group (``also``, ``reportedly``).

    After a noun phrase one announces a verb, so the phrase is its subject.

    >>> "reportedly" in verb_adverbs(), "today" in verb_adverbs()
    (True, False)
    """
    return frozenset(_verb_group_words()["adverb"])


def verb_adverbials() -> tuple[str, ...]:
    """Adverbs and phrases of time or manner that may stand inside a verb group (``later``, ``on Monday``).

    They also stand after an object ("shelled it again"), so they announce no verb.

    >>> "on Monday" in verb_adverbials(), "in turn" in verb_adverbials()
    (True, True)
    """
    return _verb_group_words()["adverbial"]


def irregular_past() -> frozenset[str]:
    """Simple past forms that do not end in *-ed* (``went``, ``took``, ``fled``), lower case.

    A clause after a reporting verb may open with its subject and one of them,
    as with an auxiliary or an *-ed* form: "said the talks *went* well".

    >>> "fled" in irregular_past(), "said" in irregular_past()
    (True, False)
    """
    return frozenset(_verb_group_words()["past"])


@functools.cache
def verb_negators() -> frozenset[str]:
    """The negators of a verb group (``not``, ``never``, ``n't``, ``no longer``, ``cannot``), lower case.

    The ``negator`` rows of ``data/stance_words.csv`` marked ``in_verb_group``;
    ``n't`` stands for the ending of a contracted auxiliary, with either
    apostrophe. The file's other negators (``no``, ``without``) negate a noun
    phrase or a clause, not a verb group.

    Raises:
        ValueError: naming the file and row when ``in_verb_group`` is neither
            ``yes`` nor empty, or is set on a row that is no negator.

    >>> sorted(verb_negators())
    ['cannot', "n't", 'never', 'no longer', 'not']
    """
    out = set()
    for i, row in enumerate(read_data_csv("stance_words.csv"), start=1):
        mark = row.get("in_verb_group") or ""
        if mark not in ("", "yes") or (mark and row["category"] != "negator"):
            raise ValueError(f"karabakh/data/stance_words.csv row {i}: in_verb_group must be 'yes' on a "
                             f"negator row or empty: {row}")
        if mark:
            out.add(row["word"].lower().replace("’", "'"))
    return frozenset(out)


@functools.cache
def phrase_negators() -> frozenset[str]:
    """The negators of a noun phrase or a clause (``no``, ``without``, ``none``, ``nobody`` ...), lower case.

    The ``negator`` rows of ``data/stance_words.csv`` not marked
    ``in_verb_group``: a determiner or pronoun that negates what it heads ("*no*
    attack", "*No* shells hit", "*nobody* was hurt"), or a preposition ("*without*
    a deal").

    >>> sorted(phrase_negators())[:4]
    ['neither', 'no', 'no one', 'nobody']
    """
    verb = verb_negators()
    return frozenset(w for row in read_data_csv("stance_words.csv")
                     if row["category"] == "negator" and (w := row["word"].lower().replace("’", "'")) not in verb)


@functools.cache
def _negator_endings() -> tuple[str, ...]:
    return tuple(n for n in verb_negators() if n.startswith("n'"))


def negates_verb(word: str) -> bool:
    """Whether one word of a verb group negates it: ``not``, ``never``, or an auxiliary with ``n't``.

    ``word`` is one word in lower case, either apostrophe (``didn’t``, ``won't``).

    >>> [negates_verb(w) for w in ("never", "didn't", "didn’t", "n't", "nothing", "no")]
    [True, True, True, True, False, False]
    """
    word = word.replace("’", "'")
    return word in verb_negators() or any(
        word.endswith(n) and word[:-len(n)].isalpha() for n in _negator_endings())


def phrase_regex(phrase: str) -> str:
    r"""A word or phrase of a closed list as a regex: white space between words, either apostrophe.

    >>> phrase_regex("in turn"), phrase_regex("n't")
    ('in\\s+turn', "n['’]t")
    """
    parts = []
    for word in phrase.split():
        parts.append("".join(f"[{_APOSTROPHES}]" if c in _APOSTROPHES else re.escape(c) for c in word))
    return r"\s+".join(parts)


@functools.cache
def negator_alternation() -> str:
    r"""The verb-group negators as one regex alternation, no boundaries; ``n't`` also after its auxiliary.

    Longest first; ``n't`` (either apostrophe) may follow the letters of its
    auxiliary (``didn't``, ``won’t``), a standalone ``n't`` too.

    >>> re.fullmatch(negator_alternation(), "no  longer") is not None
    True
    """
    words = sorted(verb_negators(), key=lambda w: (-len(w), w))
    return "|".join(("[A-Za-z]*" if w.startswith("n'") else "") + phrase_regex(w) for w in words) or "(?!)"


@functools.cache
def contracted_negation() -> str:
    r"""An auxiliary with ``n't`` as one word (``didn't``, ``can’t``), as a regex without boundaries.

    >>> [bool(re.fullmatch(contracted_negation(), w)) for w in ("wasn’t", "won't", "n't", "not")]
    [True, True, False, False]
    """
    ends = sorted(phrase_regex(w) for w in verb_negators() if w.startswith("n'"))
    return "[A-Za-z]+(?:" + "|".join(ends) + ")" if ends else "(?!)"


@functools.cache
def negator_substrings() -> tuple[str, ...]:
    """A literal piece of every verb-group negator, lower case: a text holding none has no negator.

    The longest word of each (``longer`` of ``no longer``), with either apostrophe:
    a quick substring test before a search of :func:`negation_pattern`.

    >>> sorted(negator_substrings())
    ['cannot', 'longer', "n't", 'never', 'not', 'n’t']
    """
    out = set()
    for w in verb_negators():
        piece = max(w.split(), key=len)
        out.update({piece, piece.replace("'", "’")})
    return tuple(sorted(out))


@functools.cache
def negation_pattern() -> re.Pattern[str]:
    """Any verb-group negator as a whole word (``didn't`` whole), case ignored.

    >>> [m.group() for m in negation_pattern().finditer("It did not, and Baku didn’t; notably never.")]
    ['not', 'didn’t', 'never']
    """
    return re.compile(rf"(?<![\w-])(?:{negator_alternation()})(?![\w-])", re.IGNORECASE)
