"""Casualty and displacement figures: numbers with their hedges, ranges, groups and sources.

:func:`find_figures` reads counts of people (and of places and things) the
way English news states them and returns one :class:`~karabakh.records.Figure`
per count, with its span, bounds, hedge, group, subset link, source and trend.
Its own word lists are in ``karabakh/data/figure_words.csv``; the month names
(``time_words.csv``) and the reporting verbs of its sources (the
``figure_forms`` of ``reporting_verbs.csv``) are the shared lists of
:mod:`karabakh.text.lexicon`.

How a figure is found
    A fast scan finds where a hedge, a quantity word or a digit starts; one
    compiled expression then reads, from there, a *quantity*: an optional hedge ("at
    least", "more than", "around" ...), then a number in digits ("7,000",
    European "7.000", "1.5 million", "7 thousand"), in words ("thirty-two",
    "a dozen", "two hundred and fifty"), a range ("between 20 and 30",
    "20 to 30", "20-30", "20–30", "two or three"), a plural of magnitude
    ("dozens", "hundreds of", "tens of thousands of") or an indefinite
    ("some", "several", "many", "a few"); then up to three modifiers
    ("Russian", "ethnic", "wounded", "of the") and a counted noun: a group
    ("children", "soldiers", "military personnel"), a thing ("locations")
    or a casualty noun ("deaths", "injuries", "refugees"). "a"/"an" count as
    one only before a singular group and with a casualty word; "no",
    "not a single", "no one", "nobody" count as zero (``qualifier="none"``)
    only with a casualty word ("no civilians were killed", "no casualties"). A bare
    plural group with a casualty verb and no number ("personnel in the car
    were killed") is a figure with ``qualifier="unspecified"``. A number
    with no counted noun is a figure only with a casualty word ("killing
    32", "200 were injured", "the death toll rose to 45"), or after
    "a population of" / "home to" (a count of people: ``other``, group
    ``people``). "a 13-year-old" is a counted person (a child under 18).
    A proportion ("half of the population", "two-thirds of", "80 percent
    of", "one in three residents") is a share, not a count: it is a figure
    only with a casualty word, with both bounds ``None`` and
    ``qualifier="proportion"`` (the share is in ``text``).

What is not a figure
    A number with no counted noun and no casualty word ("one day", "three
    weeks", "20 percent"); a casualty noun with no number ("casualties on
    both sides": only "no casualties" is a figure, a zero); a plain four-digit 1800-2100 without a hedge (a
    year: "the 2020 war", "the 1992-94 war"); a number after a month name
    ("September 20"); ordinals ("second largest", "20th"); money; a number
    glued to a word ("10-year-old" is a modifier). Indefinites ("some
    people") and "a"/"an" are figures only with a casualty word.

How the category is decided (first rule that applies wins)
    1. a casualty noun as the counted noun ("32 deaths", "200 injured");
    2. a thing noun: ``other`` ("16 locations were evacuated");
    3. a casualty verb after the noun, across auxiliaries, a closing quote
       mark, an aside between commas ("including ...", "a woman", "officials
       said") and a short prepositional phrase ("were killed", "have fled",
       "in the car were killed", "to flee"),
       unless the verb has an object of its own (then it is active); a
       figure coordinated with the next one shares its verb ("7 thousand
       people and 16 locations were evacuated") unless a toll phrase
       already gives it a category ("the toll rose to 68, and 105 remain
       missing"). Movement verbs ("left", "arrived", "crossed") mean
       displacement except for armed groups ("peacekeepers arrived") and
       after "be" ("50 people are left"). In a partitive ("15 of the
       wounded died") the verb wins over the noun;
    4. a casualty adjective among the modifiers ("two wounded soldiers");
    5. an active casualty verb just before ("killing 32 people"), shared
       by a coordinated next figure ("killed 3 soldiers and 2 civilians");
    6. a toll phrase before it in the clause ("the death toll rose to 32");
    7. a subset takes its parent's category;
    8. otherwise a number with a counted noun is ``other`` (a count of
       people with no casualty word, e.g. a population); a figure with no
       number and no casualty word is not reported.

Subsets
    A figure right after "including", "among them", "of whom" ... is a
    subset of the nearest earlier non-subset figure of the same sentence;
    ``part_of`` holds that parent's ``start`` offset (not a list index).
    A following group figure joined by "and"/a comma continues the subset
    list ("including two children and three women"); a casualty noun does
    not ("..., including two children, and more than 200 injuries").
    "two of them civilians" is a subset of the figure before it. A number
    with no noun followed by "of the/its/X's" and a second count ("over
    100,000 of the region's 120,000 Armenians have fled") is a subset of
    that second count, which is the whole: the part takes the verb, the
    whole (a population) is ``other``. A number that is not a figure
    ("in the past 24 hours") is never a parent.

Hedged ranges, typos and unreadable numbers
    "At least 30, and possibly as many as 80, people": a lower hedge, then
    "and/or (possibly) as many as / up to" a second number, is one figure
    with ``low`` 30, ``high`` 80 and the first hedge as ``qualifier``
    ("range" without one). A hedge with a word missing ("more 9,400",
    ``typo`` rows) is read as the full hedge ("more than") and the figure's
    ``problem`` says so. A run of more than 30 digits is no count that
    :func:`parse_number` reads (Python refuses ints of over 4,300 digits):
    the figure is kept with both bounds ``None``, ``qualifier="unparsed"``
    and a ``problem``; the rest of the article is read as usual.

"Dozens of them", "two of them"
    A quantity followed by "of them"/"of whom" is a subset of the nearest
    earlier whole of its sentence, or, at the start of a sentence, of the
    last whole of the sentence before. Its group is the one its predicate
    names ("Dozens of them were children"), else its whole's group.
    "The number of people who crossed ... reached 9,400": the number takes
    the verb's category and the group of "the number of <group> who <verb>".

Bounds (after ACLED's practice: record the stated figure, keep the hedge)
    exact and "a total of": ``low == high``; lower hedges ("at least",
    "more than", "over", "or more", "200-plus"): ``low`` = the stated
    number (not 201: the qualifier says whether it is exclusive), ``high``
    ``None``; upper hedges ("up to", "as many as", "fewer than", "under"):
    ``low`` ``None``, ``high`` = the number; approximations ("around",
    "about", "some", "roughly", "approximately", "an estimated", "nearly",
    "almost"): ``low == high`` = the number (no invented band); ranges:
    ``low``/``high`` the two ends (a scale on the second end applies to a
    first end that has none: "20 to 30 thousand" is 20,000-30,000);
    plurals of magnitude: ``low`` = twice the unit ("dozens" 24,
    "scores" 40, "hundreds" 200, "thousands" 2,000), ``high`` ``None``;
    indefinites, bare plurals, proportions and trends: both ``None``; "no",
    "nobody": ``low == high == 0`` with ``qualifier="none"``. A gapped clause
    shares the hedge of the clause it continues: in "at least 200 people
    were killed and 400 wounded" (number + participle, "people were"
    elided) 400 is "at least" too; "and 400 were wounded" (a clause of its
    own) stays exact.

Trends
    "the death toll could rise" (a toll phrase, optional modals, a rise
    verb, no number after it) is a Figure with the toll's category, both
    bounds ``None``, ``qualifier="trend"`` and ``trend="could rise"``. A toll
    with a number ("the death toll rose to 32") is an ordinary figure whose
    ``trend`` is "rose".

Sources (``source_id``, ``source_text``)
    1. inside the content of a quote (``quotes`` given) that has a speaker:
       the innermost such quote's ``speaker_id``;
    2. else the attribution cue of the same sentence nearest the figure:
       "according to X", "X said/reported/announced ...", "said X",
       "reported by X", where X is a tagged mention (its ``entity_id``
       when it is an actor). "according to initial estimates" with no
       actor gives ``source_id=None`` and ``source_text="initial estimates"``;
    3. else, when no cue of the sentence names a tagged actor, the words of
       the subject of a reporting verb ("..., the region's health ministry
       said", "Officials said", "..., said the ministry") as
       ``source_text`` with ``source_id=None``; pronouns and quantities
       ("Dozens reported dead") are not sources, nor is the hearer of
       "told" ("told Reuters");
    4. else ``None``: the article states the figure itself.
    With ``mentions=None`` the mentions come from
    :func:`karabakh.text.actors.tag_mentions` when that module is importable.
    Quotes are never computed here: without ``quotes`` only rule 2 applies.

Dates
    With ``dates`` (the :class:`~karabakh.records.DateRef` list of the dates
    extractor), ``date`` is the ``YYYY-MM-DD`` day of the day-level date
    expression (a day, or part of a day: "overnight", "Tuesday evening") in
    the figure's sentence nearest the figure, except a date that starts a
    stretch ("since Sunday": the start of what the count covers, not its day;
    "have crossed since Sunday, the government said on Tuesday" is Tuesday's;
    with no other date it is the day the stretch runs to, the ``anchor`` of
    "since Sunday", the dateline's day); month- and year-level
    expressions are usually background ("blocked in November 2022") and are
    not used. Without ``dates``, ``date`` is ``None``.

Sentences are those of the document's one rule-based index
(:attr:`karabakh.text.document.Document.sentences`: a start after ``. ! ?``
followed by a capital or a digit, not after an abbreviation such as "Gen."
or an initial; at every paragraph and after a wire dateline; a quotation of
several sentences is one sentence, so a figure in its last sentence takes the
day its first one names).

>>> [(f.text, f.category, f.low, f.high, f.qualifier, f.group)
...  for f in find_figures("At least 32 people were killed and more than 200 injured.",
...                        mentions=[])]
[('At least 32 people', 'killed', 32, None, 'at least', 'people'),
 ('more than 200 injured', 'injured', 200, None, 'more than', None)]
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from ..records import DateRef, Figure, Mention, Quote
from ..resources import read_data_csv
from ..text._patterns import Trie, build_trie, trie_to_regex
from ..text.actors import tag_mentions
from ..text.clauses import WORD_BEFORE
from ..text.document import Document
from ..text.lexicon import (
    alternation,
    be_forms,
    function_words,
    interval_starts,
    month_names,
    reporting_verbs,
)
from ..text.sentences import sentence_spans

__all__ = ["figure_words", "find_figures", "parse_number"]

_DATA = "figure_words.csv"

_ROLES = frozenset(
    {
        "unit", "tens", "scale", "magnitude", "indefinite", "qualifier", "post_qualifier",
        "modifier", "group", "thing", "noun", "verb_after", "verb_before", "aux", "toll",
        "trend", "level", "previous", "modal", "subset", "follow", "zero", "armed", "casualty_only", "rate", "source_noun",
        "typo",
    }
)
_BOUNDS = frozenset({"lower", "upper", "approx", "exact"})


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().split())


@dataclass(frozen=True)
class FigureWords:
    """The word lists of ``figure_words.csv``, by role (immutable mappings).

    Keys are lower-case phrases with single spaces. See
    ``karabakh/data/README.md`` for what ``value`` and ``extra`` mean per role.
    Two lists are the shared ones of :mod:`karabakh.text.lexicon`, not rows of
    this file: ``reporting`` (the ``figure_forms`` of ``reporting_verbs.csv``)
    and ``months`` (``time_words.csv``).

    >>> figure_words().numbers["thirty"]
    30
    """

    numbers: Mapping[str, int]
    number_kinds: Mapping[str, str]
    scales: Mapping[str, int]
    magnitudes: Mapping[str, tuple[int, str]]
    indefinites: Mapping[str, str]
    qualifiers: Mapping[str, tuple[str, str]]
    typos: Mapping[str, tuple[str, str]]
    post_qualifiers: Mapping[str, tuple[str, str]]
    modifiers: Mapping[str, tuple[str | None, str | None]]
    groups: Mapping[str, tuple[str, bool]]
    things: Mapping[str, str]
    nouns: Mapping[str, str]
    verbs_after: Mapping[str, str]
    verbs_before: Mapping[str, str]
    tolls: Mapping[str, str]
    trends: Mapping[str, str]
    levels: frozenset[str]
    previous: frozenset[str]
    aux: frozenset[str]
    modals: frozenset[str]
    subsets: frozenset[str]
    reporting: frozenset[str]
    months: frozenset[str]
    follow: frozenset[str]
    zeros: Mapping[str, tuple[str, str | None]]
    movement_verbs: frozenset[str]
    armed: frozenset[str]
    casualty_only: frozenset[str]
    rates: frozenset[str]
    source_nouns: frozenset[str]


@functools.cache
def figure_words() -> FigureWords:
    """Load and check ``karabakh/data/figure_words.csv`` (cached, immutable).

    Returns:
        The word lists by role.

    Raises:
        ValueError: naming the phrase when a row has an unknown role, a bad
            number or bound, or a duplicate (phrase, role).

    >>> w = figure_words()
    >>> w.qualifiers["at least"], w.groups["children"], w.nouns["deaths"]
    (('at least', 'lower'), ('children', True), 'killed')
    """
    by_role: dict[str, dict[str, tuple[str, str]]] = {r: {} for r in _ROLES}
    for row in read_data_csv(_DATA):
        phrase, role = _norm(row["phrase"]), row["role"]
        if role not in _ROLES:
            raise ValueError(f"{_DATA}: unknown role {role!r} for {row['phrase']!r}")
        if not phrase:
            raise ValueError(f"{_DATA}: empty phrase with role {role!r}")
        if phrase in by_role[role]:
            raise ValueError(f"{_DATA}: duplicate {role} {row['phrase']!r}")
        by_role[role][phrase] = (row["value"], row["extra"])

    def ints(role: str) -> dict[str, int]:
        out = {}
        for phrase, (value, _) in by_role[role].items():
            if not value.isdigit():
                raise ValueError(f"{_DATA}: {role} {phrase!r} needs a whole number, not {value!r}")
            out[phrase] = int(value)
        return out

    def hedges(role: str) -> dict[str, tuple[str, str]]:
        for phrase, (_, bound) in by_role[role].items():
            if bound not in _BOUNDS:
                raise ValueError(f"{_DATA}: {role} {phrase!r} has bound {bound!r}")
        return dict(by_role[role])

    def frozen(d: Mapping[str, object]) -> Mapping[str, object]:
        return MappingProxyType(dict(d))

    units, tens = ints("unit"), ints("tens")
    for phrase, (_, plural) in by_role["group"].items():
        if plural not in {"plural", "singular"}:
            raise ValueError(f"{_DATA}: group {phrase!r} must be plural or singular")
    magnitudes = ints("magnitude")
    return FigureWords(
        numbers=MappingProxyType({**units, **tens}),
        number_kinds=MappingProxyType(
            {**{k: ("teen" if v >= 10 else "unit") for k, v in units.items()},
             **{k: "tens" for k in tens}}
        ),
        scales=MappingProxyType(ints("scale")),
        magnitudes=MappingProxyType(
            {k: (v, by_role["magnitude"][k][1] or k) for k, v in magnitudes.items()}
        ),
        indefinites=MappingProxyType({k: v or k for k, (v, _) in by_role["indefinite"].items()}),
        qualifiers=MappingProxyType(hedges("qualifier")),
        typos=MappingProxyType(hedges("typo")),
        post_qualifiers=MappingProxyType(hedges("post_qualifier")),
        modifiers=MappingProxyType(
            {k: (v or None, e or None) for k, (v, e) in by_role["modifier"].items()}
        ),
        groups=MappingProxyType({k: (v, e == "plural") for k, (v, e) in by_role["group"].items()}),
        things=MappingProxyType({k: v for k, (v, _) in by_role["thing"].items()}),
        nouns=MappingProxyType({k: v for k, (v, _) in by_role["noun"].items()}),
        verbs_after=MappingProxyType({k: v for k, (v, _) in by_role["verb_after"].items()}),
        verbs_before=MappingProxyType({k: v for k, (v, _) in by_role["verb_before"].items()}),
        tolls=MappingProxyType({k: v for k, (v, _) in by_role["toll"].items()}),
        trends=MappingProxyType({k: v for k, (v, _) in by_role["trend"].items()}),
        levels=frozenset(by_role["level"]),
        previous=frozenset(by_role["previous"]),
        aux=frozenset(by_role["aux"]),
        modals=frozenset(by_role["modal"]),
        subsets=frozenset(by_role["subset"]),
        # the shared lists: the verbs of a figure's source are the figure_forms of
        # reporting_verbs.csv, the months are in time_words.csv
        reporting=frozenset(f for v in reporting_verbs() for f in v.figure_forms),
        months=month_names(),
        follow=frozenset(by_role["follow"]),
        zeros=MappingProxyType({k: (v, e or None) for k, (v, e) in by_role["zero"].items()}),
        movement_verbs=frozenset(k for k, (_, e) in by_role["verb_after"].items()
                                 if e == "movement"),
        armed=frozenset(by_role["armed"]),
        casualty_only=frozenset(by_role["casualty_only"]),
        rates=frozenset(by_role["rate"]),
        source_nouns=frozenset(by_role["source_noun"]),
    )


# --------------------------------------------------------------------------- patterns


def _build_trie(phrases: Iterable[str]) -> Trie:
    return build_trie({p.lower() for p in phrases})


def _alt(phrases: Iterable[str]) -> str:
    """A regex matching any of the phrases (lower case), built as a trie.

    A space in a phrase matches any run of white space. The trie (shared
    prefixes factored out) keeps Python's backtracking engine fast on long
    lists; a longer phrase is tried before its own prefix, so the longest
    phrase wins.
    """
    return trie_to_regex(_build_trie(phrases))


def _scan_alt(phrases: Iterable[str], *, not_after: str | None = None) -> str:
    r"""Like :func:`_alt`, for a pattern compiled *without* IGNORECASE.

    Each first letter is a literal branch in both cases and the rest of the
    phrase is case-insensitive: Python's engine rejects a branch that starts
    with a literal after one character comparison, without entering it,
    which it cannot do for a case-insensitive letter.

    A pattern that opens with a look-behind (``(?<![\w-])`` before the
    words) is still tried at every character of the text. With
    ``not_after`` (a character class), that guard is put after each first
    letter instead, as a look-behind over two characters (``c(?<![\w-].)``
    holds where ``(?<![\w-])c`` does): the pattern then opens with literals,
    and the engine's search loop skips to the next character that is one of
    the first letters. That pays when the phrases start with a few letters
    only (the tolls: c, d, n, t); for a long list (the anchors start with 19
    letters) nearly every character is tried anyway, and the two-character
    look-behind makes each try dearer.
    """
    trie = _build_trie(phrases)
    guard = f"(?<!{not_after}(?s:.))" if not_after else ""
    branches = []
    for ch in sorted(trie):
        rest = trie_to_regex(trie[ch])
        for c in sorted({ch, ch.upper()}):
            branches.append(re.escape(c) + guard + (f"(?i:{rest})" if rest else ""))
    return "(?:" + "|".join(branches) + ")"


# Digits: 7,000 | 7.000 (European thousands) | 7 000 with no-break spaces | 32 | 1.5
_DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+(?![\d,])|\d{1,3}(?:\.\d{3})+(?![\d.])"
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])|\d+(?:[.,]\d+)?)"
    r"(?![\w%€$£]|[.,]\d|-(?!plus\b)[^\W\d])"
)
_CAP = r"(?-i:[A-Z][a-z’'-]*[a-z])"
_YEAR_OLD = r"(?:\d+|[a-z]+(?:-[a-z]+)?)-(?:year|month)-old"
_CLOSE = r"[”\"»’)]"


@dataclass(frozen=True)
class _Patterns:
    figure: re.Pattern[str]
    anchor: re.Pattern[str]
    digit_anchor: re.Pattern[str]
    bare: re.Pattern[str]
    mods_before: re.Pattern[str]
    right: re.Pattern[str]
    active_object: re.Pattern[str]
    left_verb: re.Pattern[str]
    toll_before: re.Pattern[str]
    trend_only: re.Pattern[str]
    number_after: re.Pattern[str]
    subset_before: re.Pattern[str]
    coord_gap: re.Pattern[str]
    subset_cont_gap: re.Pattern[str]
    month_before: re.Pattern[str]
    no_before: re.Pattern[str]
    according: re.Pattern[str]
    reporting: re.Pattern[str]
    subject_gap: re.Pattern[str]
    object_gap: re.Pattern[str]
    source_words: re.Pattern[str]
    trend_in: re.Pattern[str]
    previous_gap: re.Pattern[str]
    toll_group: re.Pattern[str]
    inverted_toll: re.Pattern[str]
    bare_follow: re.Pattern[str]
    ratio_before: re.Pattern[str]
    predicate_group: re.Pattern[str]
    count_before: re.Pattern[str]
    population_before: re.Pattern[str]
    partitive_gap: re.Pattern[str]
    gapped: re.Pattern[str]
    subject_words: re.Pattern[str]
    inverted_subject: re.Pattern[str]
    after_comma: re.Pattern[str]
    quantity_word: re.Pattern[str]


@functools.cache
def _patterns() -> _Patterns:
    w = figure_words()
    word_num = _alt(w.numbers)
    scale = _alt(w.scales)
    nw = rf"(?:{word_num}|{scale})"
    # "and" is allowed only after a scale word: "two hundred and fifty".
    join = r"(?:(?:(?<=hundred)|(?<=thousand)|(?<=million))\s+and\s+|\s+|-)"
    words = (
        rf"(?<![\w-])(?:(?:{word_num})(?:{join}{nw})*"
        rf"|(?:a|an|one|half\s+a)\s+(?:{scale})(?:{join}{nw})*)(?![\w-])"
    )
    digits = rf"{_DIGITS}(?:[\s-]+(?:{scale})\b)?"
    num = rf"(?:(?<![\w$€£¥.,:/#+-]){digits}|{words})"
    num2 = rf"(?:(?<![\w$€£¥.,:/#+]){digits}|{words})"
    qual = _alt(w.qualifiers)
    mods = rf"(?:{_alt(w.modifiers)}|{_CAP}|{_YEAR_OLD})"
    heads = _alt(list(w.groups) + list(w.things) + list(w.nouns))
    singular = _alt([g for g, (_, plural) in w.groups.items() if not plural])
    groups = _alt(w.groups)
    post_words = _alt(p for p in w.post_qualifiers if p != "plus")
    zero_pron = _alt(p for p, (_, g) in w.zeros.items() if g)
    zero_det = _alt(p for p, (_, g) in w.zeros.items() if not g)
    np = (
        rf"(?:(?P<mods>(?:\s+{mods}){{0,4}})\s+(?P<head>{heads}|{_YEAR_OLD}s?)(?![\w-])"
        rf"(?:\s+(?:and|or|&)\s+(?P<head2>{groups})(?![\w-]))?)?"
    )
    # a share, not a count: "half of", "two-thirds of", "80 percent of", "one in three"
    prop = (
        r"(?:(?:half|(?:a|one)[\s-]+(?:third|quarter|fifth)|(?:two|three|four)[\s-]+"
        r"(?:thirds|quarters|fifths)|\d+(?:[.,]\d+)?\s*(?:%|per\s*cent))(?=\s+of\s)"
        rf"|(?:\d+|{word_num})\s+(?:in|out\s+of)\s+(?:\d+|{word_num})(?![\w-]))"
    )
    upper = _alt(p for p, (_, b) in w.qualifiers.items() if b == "upper")
    typo = _alt(w.typos)
    figure = rf"""
        (?<![\w-])(?:(?P<qual>{qual})\s+|(?P<typo>{typo})\s+(?=\d))?
        (?:
            between\s+(?P<b1>{num})\s+and\s+(?P<b2>{num})
          | (?P<h1>{num})\s*,?\s+(?:and|or|but)\s+
            (?:(?:possibly|perhaps|maybe|probably|even|likely|reportedly)\s+)?
            (?:{upper})\s+(?P<h2>{num2})\s*,?(?=\s)
          | (?P<r1>{num})(?:\s*[-–—]\s*|\s+(?:to|or)\s+)(?P<r2>{num2})
          | (?<![\w$€£¥.,:/#+-])(?P<prop>{prop})
          | (?P<n>{num})
          | (?<![\w-])(?P<mag>{_alt(w.magnitudes)})(?:\s+of{_NOT_DEFINITE})?(?![\w-])
          | (?<![\w-])(?P<indef>{_alt(w.indefinites)})(?![\w-])
          | (?<![\w-])(?P<art>an?)(?=(?:\s+{mods}){{0,3}}\s+(?:{singular}|{_YEAR_OLD})(?![\w-]))
          | (?<![\w-])(?P<zero>{zero_pron})(?![\w-])
          | (?<![\w-])(?P<zero_det>{zero_det})(?=(?:\s+{mods}){{0,3}}\s+(?:{heads})(?![\w-]))
        )
        (?P<post>\s+(?:{post_words})(?![\w-])|-plus(?![\w-])|\+)?
        (?P<anaph>(?:(?<=\bof)|\s+of)\s+(?:them|whom)(?![\w-]))?
        {np}
    """
    # "Officials were told ...": a bare plural of casualty_only is never a figure of its own
    bare_groups = (p for p, (_, pl) in w.groups.items() if pl and p not in w.casualty_only)
    bare = rf"(?<![\w-])(?:{_scan_alt(bare_groups)})(?![\w-])"
    mods_before = rf"(?:(?<![\w-]){mods}\s+){{1,3}}\Z"
    anchor_words_list = [
        *w.numbers, *w.magnitudes, *w.indefinites, *w.qualifiers, *w.zeros, *w.typos,
        "a", "an", "half", "between",
    ]
    anchor = rf"(?<![\w-])(?:{_scan_alt(anchor_words_list)})(?!\w)"
    aux = _alt(w.aux)
    subset = _alt(w.subsets)
    right = rf"""
        (?:\s*{_CLOSE})?
        (?:\s*,\s*(?:(?:{subset})(?![\w-])[^,.;:!?]{{0,80}}|[^,.;:!?\d“”"«»]{{1,50}}),)?
        (?:\s*\([^()]{{0,80}}\))?
        (?:\s+(?:in|on|at|inside|near|from|aboard|of|with)\s+
            (?:(?:the|a|an|this|that|their|its|them)\s+)?[\w’'-]+(?:\s+[\w’'-]+){{0,2}}?)?
        (?:\s+(?:{_alt(w.rates)})(?![\w-]))?
        (?:\s+(?:{aux})(?![\w-]))*
        \s+(?P<verb>{_alt(w.verbs_after)})(?![\w-])
    """
    quantity_start = rf"(?:\d|(?:{word_num}|{_alt(w.indefinites)}|{_alt(w.magnitudes)}|{qual})\b)"
    active_object = rf"\s+(?:(?:the|a|an|their|its)\s+)?(?:{quantity_start}|(?:{heads})\b)"
    left_verb = rf"(?<![\w-])(?P<verb>{_alt(w.verbs_before)})\s+\Z"
    toll = _alt(w.tolls)
    # "the death toll rose to 32"; a longer gap only when a trend or level verb ends it:
    # "the death toll from Monday's fuel depot explosion near Stepanakert climbed to 68"
    level = _alt(list(w.trends) + list(w.levels))
    toll_before = (
        rf"(?<![\w-])(?P<toll>{toll})(?![\w-])(?P<gap>[^.;:!?\d]{{0,50}}"
        rf"|[^.;:!?\d]{{0,{_LONG_TOLL_GAP}}}(?<![\w-])(?:{level})\s+(?:(?:to|at)\s+)?)\Z"
    )
    trend = _alt(w.trends)
    modal = _alt(w.modals)
    toll_scan = _scan_alt(w.tolls, not_after=r"[\w-]")
    trend_only = (
        # the guard after the first letter: the engine skips to a c, d, n or t (_scan_alt)
        rf"(?P<toll>{toll_scan})"
        rf"(?i:(?P<trend>(?:\s+(?:{modal}))*\s+(?:{trend}))(?![\w-]))"
    )
    number_after = (
        rf"\s+(?:(?:to|by|from|at|of)\s+)?(?:(?:{qual})\s+)?(?:\d|(?:{word_num})\b)"
    )
    trend_in = rf"(?<![\w-])(?P<trend>(?:(?:{modal})\s+)*(?:{trend}))(?![\w-])"
    subset_before = rf"(?<![\w-])(?:{subset})[\s,:]+\Z"
    months = _alt(w.months)
    reporting = _alt(w.reporting)
    i, x = re.IGNORECASE, re.IGNORECASE | re.VERBOSE
    return _Patterns(
        figure=re.compile(figure, x),
        bare=re.compile(bare),
        mods_before=re.compile(mods_before, i),
        anchor=re.compile(anchor),
        digit_anchor=re.compile(r"\d(?<![\w$€£¥.,:/#+-]\d)"),  # the digit first: a fast skip
        right=re.compile(right, x),
        active_object=re.compile(active_object, i),
        left_verb=re.compile(left_verb, i),
        toll_before=re.compile(toll_before, i),
        trend_only=re.compile(trend_only),
        number_after=re.compile(number_after, i),
        subset_before=re.compile(subset_before, i),
        coord_gap=re.compile(r"\s*,?\s*(?:and|or|as\s+well\s+as|plus)\s+", i),
        subset_cont_gap=re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)", i),
        month_before=re.compile(rf"(?<![\w-])(?:{months})(?:\.|(?![\w-]))\s*\Z", i),
        no_before=re.compile(r"(?<![\w-])no\s+\Z", i),
        # "according to (a statement from) X": the source is X
        according=re.compile(
            r"(?<![\w-])according\s+to\s+"
            rf"(?:(?:(?:an?|the)\s+)?(?:[\w-]+\s+)?(?:{_alt(w.source_nouns)})\s+"
            r"(?:(?:released|issued|published|compiled)\s+)?(?:from|by|of)\s+)?",
            i,
        ),
        reporting=re.compile(rf"(?<![\w-])(?:{reporting})(?![\w-])", i),
        subject_gap=re.compile(
            r"[’'s]*\s*(?:,\s*)?(?:(?:has|have|had|also|officially|later|earlier|today|"
            r"yesterday|on\s+\w+)\s+)*",
            i,
        ),
        object_gap=re.compile(r"\s*(?:by\s+)?(?:the\s+)?", i),
        source_words=re.compile(r"(?:the\s+)?[\w’'-]+(?:\s+(?!said|says|reported)[\w’'-]+){0,4}",
                                i),
        trend_in=re.compile(trend_in, i),
        # "the number of displaced people ... stood at 93,000": the toll counts people
        toll_group=re.compile(rf"\s+(?:(?:{mods})\s+){{0,2}}(?P<group>{groups})(?![\w-])", i),
        # "bringing to 13 the number of people killed": the toll after its number
        inverted_toll=re.compile(
            rf"\s+(?:the\s+)?(?:(?:total|overall|official)\s+)?(?:(?P<toll>{toll})(?![\w-])"
            rf"|number\s+of\s+(?:(?:{mods})\s+){{0,2}}(?P<group>{groups})\s+"
            rf"(?:(?:who|that)\s+)?(?:(?:{aux})\s+)*(?P<verb>{_alt(w.verbs_after)})(?![\w-]))",
            i,
        ),
        # "rose to 28,120 by Tuesday morning, up from 13,350": the toll's earlier value
        previous_gap=re.compile(
            rf"[^.;:!?\d]{{0,40}}?(?<![\w-])(?:{_alt(w.previous)})\s+\Z", i
        ),
        bare_follow=re.compile(rf"\s*(?:[^\w\s]|\Z)|\s+(?:{_alt(w.follow)})(?![\w-])", i),
        # "Dozens of them were children": the group a partitive's predicate names
        predicate_group=re.compile(
            rf"\s+(?:were|are|was|is)\s+(?:(?:{mods})\s+){{0,2}}(?P<group>{groups})(?![\w-])", i
        ),
        # "the number of people who crossed ... reached 9,400": a count of those who did
        count_before=re.compile(
            rf"(?<![\w-])number\s+of\s+(?P<group>{groups})\s+(?:(?:who|that)\s+)?"
            rf"(?:(?:{aux})\s+)*(?P<verb>{_alt(w.verbs_after)})(?![\w-])"
            rf"(?P<gap>[^.;:!?\d]{{0,60}}"
            rf"|[^.;:!?\d]{{0,{_LONG_TOLL_GAP}}}(?<![\w-])(?:{level})\s+(?:(?:to|at)\s+)?)\Z",
            i,
        ),
        # "one in three residents", "two out of five": a proportion, not a count
        ratio_before=re.compile(rf"(?<![\w-])(?:\d+|{word_num})\s+(?:in|out\s+of)\s+\Z", i),
        # "a population of about 120,000", "home to some 120,000"
        population_before=re.compile(
            r"(?<![\w-])(?:population\s+(?:of|was|is|stood\s+at|numbered|numbering)"
            r"|home\s+to)\s+\Z",
            i,
        ),
        # "Over 100,000 of the region's 120,000 ...": the first is part of the second
        partitive_gap=re.compile(
            r"\s+of\s+(?:(?:the|its|their|our|an?|[\w-]+[’']s?)\s+){1,3}", i
        ),
        # "... were killed and 400 wounded": a gapped clause, number + participle
        gapped=re.compile(r"\s*,?\s*and\s+\Z", i),
        # a source with no tagged actor: "..., the region's health ministry said"
        subject_words=re.compile(
            r"(?:\A|[,;:—–(”\"»]\s*|\A\s*)"
            r"(?P<src>(?:(?!(?:and|or|but|that|which|who|he|she|they|it|we|i|you|this|there|"
            r"has|have|had|was|were|is|are|been|also|not|it’s|it's)\s)[\w’'-]+\s+){0,4}"
            r"(?!(?:and|or|but|that|which|who|he|she|they|it|we|i|you|this|there|also|then)\s)"
            r"[\w’'-]+)\s+\Z",
            i,
        ),
        inverted_subject=re.compile(
            r"\s+(?P<src>(?:the|an?)\s+[\w’'-]+(?:\s+[\w’'-]+){0,3})\s*(?:[.,;]|\Z)", i
        ),
        after_comma=re.compile(r"[,”\"»’]\s*\Z"),
        quantity_word=re.compile(
            rf"\d|(?<![\w-])(?:{word_num}|{_alt(w.magnitudes)}|{_alt(w.indefinites)})(?![\w-])",
            i,
        ),
    )


# --------------------------------------------------------------------------- numbers


#: "dozens of the wounded": the "of" is the partitive's, read with its determiner
#: (a definite determiner of ``data/function_words.csv``: "the", a demonstrative, a possessive)
_NOT_DEFINITE = rf"(?!\s+(?:the|{alternation(function_words('demonstrative', 'possessive', 'speaker_possessive'))})(?![\w-]))"


def _parse_words(phrase: str) -> int | float | None:
    w = figure_words()
    tokens = [t for t in re.split(r"[\s-]+", phrase.lower()) if t and t != "and"]
    total, current = 0, 0.0
    last: str | None = None
    if tokens[:2] == ["half", "a"]:
        current, last, tokens = 0.5, "scale", tokens[2:]
    elif tokens and tokens[0] in {"a", "an"}:
        current, last, tokens = 1.0, "unit", tokens[1:]
    for tok in tokens:
        if tok in w.numbers:
            kind = w.number_kinds[tok]
            if last in {"unit", "teen"} or (last == "tens" and kind != "unit"):
                return None
            current += w.numbers[tok]
            last = kind
        elif tok in w.scales:
            s = w.scales[tok]
            if current == 0:
                current = 1
            if s < 1000:
                current *= s
            else:
                total += int(current * s)
                current = 0
            last = "scale"
        else:
            return None
    value = total + current
    return int(value) if value == int(value) else value


def parse_number(phrase: str) -> int | float | None:
    """Parse a number written in digits and/or words; ``None`` when it is not one.

    Digits take "," as a thousands separator, "." too when every group after
    it has three digits (European "7.000"); with a scale word a single "." or
    "," is a decimal point ("1.5 million", "1,5 million").

    Args:
        phrase: e.g. ``"7,000"``, ``"7.000"``, ``"1.5 million"``,
            ``"thirty-two"``, ``"a dozen"``, ``"two hundred and fifty"``.

    Returns:
        An ``int`` for whole numbers, a ``float`` otherwise, ``None`` when
        the phrase is not a number.

    >>> [parse_number(p) for p in ["7,000", "7.000", "1.5 million", "7 thousand",
    ...                            "thirty-two", "a dozen", "two hundred and fifty", "2.5",
    ...                            "half a million", "one two"]]
    [7000, 7000, 1500000, 7000, 32, 12, 250, 2.5, 500000, None]
    """
    w = figure_words()
    s = " ".join(phrase.replace("\u00a0", " ").replace("\u202f", " ").split())
    m = re.fullmatch(r"(\d[\d.,]*(?:\s\d{3})*)(?:[\s-]+([a-zA-Z]+))?", s)
    if m is None:
        return _parse_words(s) if s else None
    digits, scale_word = m.group(1), m.group(2)
    if _too_long(digits):
        return None
    scale = 1
    if scale_word is not None:
        if scale_word.lower() not in w.scales:
            return None
        scale = w.scales[scale_word.lower()]
    digits = digits.replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits):
        value: float = int(digits.replace(",", ""))
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", digits) and scale == 1:
        value = int(digits.replace(".", ""))
    elif re.fullmatch(r"\d+(?:[.,]\d+)?", digits):
        value = float(digits.replace(",", ".")) if re.search(r"[.,]", digits) else int(digits)
    else:
        return None
    value *= scale
    return int(value) if value == int(value) else value


# --------------------------------------------------------------------------- sentences

# one sentence index for every extractor: the Document's (find_figures reads doc.sentences)


# --------------------------------------------------------------------------- candidates


@dataclass
class _Cand:
    start: int
    end: int
    low: int | None
    high: int | None
    qualifier: str
    group: str | None
    noun_cat: str | None = None
    thing: bool = False
    mod_cat: str | None = None
    verb_after: str | None = None
    verb_before: str | None = None
    toll_cat: str | None = None
    trend: str | None = None
    needs_category: bool = False
    has_head: bool = True
    bare_ok: bool = True
    is_subset: bool = False
    parent: _Cand | None = None
    partitive: str | None = None  # "of them ..." (anaphoric) / "of the ..." (definite)
    problem: str | None = None
    sentence: int = 0
    category: str | None = None


def _bounds(
    value_low: int | None, value_high: int | None, qualifier: str | None, bound: str | None
) -> tuple[int | None, int | None, str]:
    if qualifier is None:
        return value_low, value_high, "exact" if value_low == value_high else "range"
    if value_low != value_high:
        return value_low, value_high, qualifier
    if bound == "lower":
        return value_low, None, qualifier
    if bound == "upper":
        return None, value_high, qualifier
    return value_low, value_high, qualifier


#: Longer runs of digits are not read as numbers (Python refuses to convert
#: more than 4,300 digits to an int; no count of people needs more than a few).
_MAX_DIGITS = 30


def _too_long(number: str) -> bool:
    return sum(ch.isdigit() for ch in number) > _MAX_DIGITS


def _whole(value: int | float | None) -> int | None:
    if value is None or value != int(value):
        return None
    return int(value)


def _is_year(m: re.Match[str], group: str) -> bool:
    s = m.group(group)
    return s is not None and bool(re.fullmatch(r"1[89]\d\d|20\d\d|2100", s))


def _quantity(m: re.Match[str], text: str, pats: _Patterns) -> _Cand | None:
    w = figure_words()
    qual_text = m.group("qual")
    qual = bound = problem = None
    if qual_text:
        qual, bound = w.qualifiers[_norm(qual_text)]
    elif m.group("typo"):  # "more 9,400": a word is missing; read it as "more than"
        qual, bound = w.typos[_norm(m.group("typo"))]
        problem = f"hedge {m.group('typo')!r} without its second word, read as {qual!r}"
    low: int | None
    high: int | None
    needs_category = False
    if pats.month_before.search(text, max(0, m.start() - 12), m.start()):
        return None  # a date: "September 20", "Sept. 20-21"
    if pats.no_before.search(text, max(0, m.start() - 4), m.start()):
        return None  # "no one"
    if pats.ratio_before.search(text, max(0, m.start() - 20), m.start()):
        return None  # "one in three residents": a proportion, not a count
    if m.group("n") is not None and _too_long(m.group("n")):
        low = high = None  # parse_number cannot read it; keep the figure and say so
        qualifier = "unparsed"
        problem = f"a run of {len(m.group('n'))} digits is too long to be read as a count"
    elif m.group("h1") is not None:  # "at least 30, and possibly as many as 80, people"
        lo, hi = parse_number(m.group("h1")), parse_number(m.group("h2"))
        low, high = _whole(lo), _whole(hi)
        if low is None or high is None or low > high:
            return None
        qualifier = qual or "range"
    elif m.group("b1") is not None or m.group("r1") is not None:
        a, b = ("b1", "b2") if m.group("b1") is not None else ("r1", "r2")
        if qual is None and _is_year(m, a):
            return None
        lo, hi = parse_number(m.group(a)), parse_number(m.group(b))
        if lo is None or hi is None:
            return None
        first_scaled = re.search(r"[a-z]", m.group(a), re.IGNORECASE) or re.search(
            r"[.,]\d{3}", m.group(a)
        )
        scale_word = re.search(r"([a-z]+)\s*\Z", m.group(b), re.IGNORECASE)
        if not first_scaled and scale_word and scale_word.group(1).lower() in w.scales:
            s = w.scales[scale_word.group(1).lower()]
            if lo * s <= hi:
                lo = lo * s
        low, high = _whole(lo), _whole(hi)
        if low is None or high is None or low > high:
            return None
        low, high, qualifier = _bounds(low, high, qual, bound)
    elif m.group("n") is not None:
        if qual is None and _is_year(m, "n"):
            return None
        if re.match(r"0\d", m.group("n")):
            return None
        value = _whole(parse_number(m.group("n")))
        if value is None:
            return None
        post = m.group("post")
        if post and qual is None:
            qual, bound = w.post_qualifiers[_norm(post.strip(" -+")) or "plus"]
        low, high, qualifier = _bounds(value, value, qual, bound)
    elif m.group("prop") is not None:
        low = high = None
        qualifier = "proportion"
        needs_category = True
    elif m.group("mag") is not None:
        unit, qualifier = w.magnitudes[_norm(m.group("mag"))]
        low, high = 2 * unit, None
    elif m.group("indef") is not None:
        low = high = None
        qualifier = w.indefinites[_norm(m.group("indef"))]
        needs_category = True
        if qual_text:
            return None
    elif m.group("zero") is not None or m.group("zero_det") is not None:
        zero = m.group("zero") or m.group("zero_det")
        qualifier = w.zeros[_norm(zero)][0]
        low = high = 0
        needs_category = True
    else:  # "a"/"an" before a singular group
        low = high = 1
        qualifier = qual or "exact"
        if qual is not None:
            low, high, qualifier = _bounds(1, 1, qual, bound)
        needs_category = True
    head = m.group("head")
    cand = _Cand(
        start=m.start(), end=m.end(), low=low, high=high, qualifier=qualifier,
        group=None, needs_category=needs_category, has_head=bool(head),
        # a bare number followed by a noun we do not count ("two hours") is a
        # figure only when a casualty verb follows it
        bare_ok=bool(head) or bool(m.group("anaph"))
        or bool(pats.bare_follow.match(text, m.end())),
        problem=problem,
    )
    _classify_np(cand, m.group("mods") or "", head, m.group("head2"))
    if m.group("anaph"):
        cand.partitive = "anaphoric"  # "dozens of them", "two of them civilians"
        if head is None:
            said = pats.predicate_group.match(text, m.end())
            if said:  # "Dozens of them were children": the predicate names the group
                cand.group = w.groups[_norm(said.group("group"))][0]
    if m.group("zero") is not None:
        cand.group = w.zeros[_norm(m.group("zero"))][1]
    if head is None and cand.low is not None and pats.population_before.search(
        text, max(0, m.start() - 30), m.start()
    ):  # "a population of about 120,000": a count of people
        cand.group, cand.has_head, cand.bare_ok = "people", True, True
    return cand


def _age_group(head: str) -> str:
    """"a 13-year-old" is a child, "a 70-year-old" a person (UN: under 18 is a child)."""
    age = parse_number(re.split(r"-(?:year|month)", head, maxsplit=1, flags=re.I)[0])
    return "children" if age is not None and age < 18 else "people"


def _classify_np(cand: _Cand, mods: str, head: str | None, head2: str | None = None) -> None:
    w = figure_words()
    mod_group = None
    part = re.match(r"\s*of\s+(them|whom|those|these)?", mods, re.IGNORECASE)
    if part:
        cand.partitive = "anaphoric" if part.group(1) else "definite"
    for mod in re.findall(r"of\s+(?:the|them|those|these)|[\w’'-]+", mods, re.IGNORECASE):
        cat, grp = w.modifiers.get(_norm(mod), (None, None))
        if cat and cand.mod_cat is None:
            cand.mod_cat = cat
        if grp:
            mod_group = grp
    if head is None:
        return
    h = _norm(head)
    if h in w.nouns:
        cand.noun_cat = w.nouns[h]
        cand.group = mod_group
    elif h in w.things:
        cand.thing = True
        cand.group = w.things[h]
    elif re.search(r"-(?:year|month)-olds?\Z", h):
        cand.group = _age_group(h)
    else:
        group = w.groups.get(h) or w.groups.get(head.strip())
        cand.group = group[0] if group else None
        if h in w.casualty_only:  # "two officials said": a figure only with a casualty word
            cand.needs_category = True
        other = (w.groups.get(_norm(head2)) or w.groups.get(head2.strip())) if head2 else None
        if cand.group and other and other[0] != cand.group:
            cand.group = f"{cand.group} and {other[0]}"


# --------------------------------------------------------------------------- find_figures


def find_figures(
    text: str | Document,
    mentions: Sequence[Mention] | None = None,
    quotes: Sequence[Quote] | None = None,
    dates: Sequence[DateRef] | None = None,
) -> list[Figure]:
    """Find casualty, displacement and other counts with their hedges and sources.

    Args:
        text: the article text (offsets index it unchanged), or the
            :class:`~karabakh.text.document.Document` of it (its mentions and
            its sentence index are used; :func:`karabakh.analyze` passes it).
        mentions: actor mentions (:func:`karabakh.text.actors.tag_mentions`); when
            ``None`` they are the document's, or are computed with
            :func:`karabakh.text.actors.tag_mentions`. Pass ``[]`` to skip.
        quotes: quotes (:func:`karabakh.extract.quotes.extract_quotes`); a figure
            inside a quote's content takes its speaker. Optional.
        dates: date expressions (:func:`karabakh.extract.dates.find_dates`); a
            day-level date in the figure's sentence fills ``date``. Optional.

    Returns:
        Figures in text order, none overlapping. See the module docstring
        for the rules and the bounds policy.

    Raises:
        ValueError: if ``text`` is not a string.

    >>> text = ("According to the separatists, around 7 thousand people and "
    ...         "16 locations were evacuated. The death toll could rise.")
    >>> for f in find_figures(text, mentions=[]):
    ...     print(f.text, f.category, f.low, f.high, f.qualifier, f.group, f.trend)
    around 7 thousand people evacuated 7000 7000 around people None
    16 locations other 16 16 exact locations None
    death toll could rise killed None None trend None could rise
    """
    if isinstance(text, Document):
        doc = text
        if mentions is None:
            mentions = doc.mentions
    elif isinstance(text, str):
        if mentions is None:
            mentions = tag_mentions(text)
        doc = Document(text, mentions=mentions)
    else:
        raise ValueError(f"find_figures: text must be a string, not {type(text).__name__}")
    text = doc.text
    pats = _patterns()
    # the document's sentences: a quotation of several sentences is one
    spans = sentence_spans(doc.sentences)
    starts = [s for s, _ in spans]

    def sentence_of(pos: int) -> int:
        return max(0, bisect.bisect_right(starts, pos) - 1)

    cands: list[_Cand] = []
    pos = 0
    for start in _anchor_starts(text, pats):
        if start < pos:
            continue  # inside a figure already read
        m = pats.figure.match(text, start)
        if m is None or m.end() <= start:
            continue
        cand = _quantity(m, text, pats)
        if cand is None:
            # "Sept 21 - Five Russian peacekeepers": the date's range is no figure, but
            # a quantity inside it may be one, so the scan goes on from the next anchor
            continue
        pos = m.end()
        cand.sentence = sentence_of(cand.start)
        _context(cand, text, spans[cand.sentence], pats)
        cands.append(cand)
    taken = [(c.start, c.end) for c in cands]
    for m in pats.bare.finditer(text):
        sentence = sentence_of(m.start())
        s_start, s_end = spans[sentence]
        verb = pats.right.match(text, m.end(), s_end)
        if verb is None or pats.active_object.match(text, verb.end(), s_end):
            continue
        mods = pats.mods_before.search(text, max(s_start, m.start() - 60), m.start())
        start = _skip_determiners(text, mods.start() if mods else m.start(), m.start())
        if _NUMBER_OF.search(text, max(s_start, start - 12), start):
            # "the number of (displaced) people who crossed ... reached 9,400": the count
            # follows
            continue
        if _overlaps(taken, start, m.end()):
            continue
        cand = _Cand(
            start=start, end=m.end(), low=None, high=None,
            qualifier="unspecified", group=None, needs_category=True,
        )
        _classify_np(cand, text[start : m.start()], m.group())
        cand.sentence = sentence
        _context(cand, text, spans[sentence], pats)
        cands.append(cand)
    cands.sort(key=lambda c: c.start)
    _link_subsets(cands, text, pats, spans)
    _link_partitives(cands, text, pats)
    _share_coordinated(cands, text, pats)
    _link_previous(cands, text, pats)
    for cand in cands:
        cand.category = _category(cand)
    kept = [c for c in cands if c.category is not None]
    for cand in kept:
        if cand.parent is not None and cand.parent.category is None:
            cand.parent = None  # the enclosing phrase is not a figure itself
    trends = _trend_records(text, pats, kept, sentence_of)
    kept.extend(trends)
    kept.sort(key=lambda c: c.start)
    sources = _Sources(text, spans, mentions, quotes, pats)
    day_dates = _day_dates(dates)
    figures: list[Figure] = []
    for cand in kept:
        assert cand.category is not None
        source_id, source_text = sources.source(cand.start, cand.end, cand.sentence)
        figures.append(
            Figure(
                start=cand.start,
                end=cand.end,
                text=text[cand.start : cand.end],
                category=cand.category,
                low=cand.low,
                high=cand.high,
                qualifier=cand.qualifier,
                group=cand.group,
                part_of=cand.parent.start if cand.parent is not None else None,
                source_id=source_id,
                source_text=source_text,
                date=_date_for(cand, text, spans, day_dates),
                trend=cand.trend,
                problem=cand.problem,
            )
        )
    return figures


def _anchor_starts(text: str, pats: _Patterns) -> list[int]:
    """Where a figure can start: a hedge, a number or a quantity word, in text order.

    Every figure starts with one of them, so a fast scan for those
    (``pats.anchor``, ``pats.digit_anchor``) finds every place the full
    expression (``pats.figure``) can match; it is then matched there only.
    """
    return sorted(
        [a.start() for a in pats.anchor.finditer(text)]
        + [a.start() for a in pats.digit_anchor.finditer(text)]
    )


_DETERMINERS = frozenset(function_words(
    "article", "demonstrative", "possessive", "speaker_possessive", "predeterminer"))


def _skip_determiners(text: str, start: int, head_start: int) -> int:
    for m in re.finditer(r"[\w’'-]+\s+", text[start:head_start]):
        if m.group().strip().lower() in _DETERMINERS:
            start = start + m.end()
        else:
            break
    return start


def _overlaps(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of ``spans`` (sorted, non-overlapping)."""
    i = bisect.bisect_left(spans, (end,))
    return i > 0 and spans[i - 1][1] > start


def _context(cand: _Cand, text: str, sentence: tuple[int, int], pats: _Patterns) -> None:
    w = figure_words()
    s_start, s_end = sentence
    m = pats.right.match(text, cand.end, s_end)
    if (
        m
        and not pats.active_object.match(text, m.end(), s_end)
        and not _BE_LEFT.search(text, m.start(), m.end())
        # "peacekeepers arrived", "troops left": a movement of armed men, not an exodus
        and not (_norm(m.group("verb")) in w.movement_verbs
                 and (cand.group in w.armed or cand.group in w.casualty_only))
    ):
        cand.verb_after = w.verbs_after[_norm(m.group("verb"))]
    lo = max(s_start, cand.start - 60)
    m = pats.left_verb.search(text, lo, cand.start)
    if m:
        cand.verb_before = w.verbs_before[_norm(m.group("verb"))]
    m = pats.count_before.search(
        text, max(s_start, cand.start - _LONG_TOLL_GAP - 80), cand.start
    )
    if m and cand.group is None and not cand.has_head:
        cand.toll_cat = w.verbs_after[_norm(m.group("verb"))]
        cand.group = w.groups[_norm(m.group("group"))][0]
        return
    m = pats.toll_before.search(
        text, max(s_start, cand.start - _LONG_TOLL_GAP - 30), cand.start
    )
    if m:
        cand.toll_cat = w.tolls[_norm(m.group("toll"))]
        g = pats.toll_group.match(text, m.end("toll")) or pats.toll_group.search(m.group("toll"))
        if g and cand.group is None and not cand.has_head:
            cand.group = w.groups[_norm(g.group("group"))][0]
        t = pats.trend_in.search(m.group("gap"))
        if t:
            cand.trend = _norm(t.group("trend"))
    elif not cand.has_head and _TO_BEFORE.search(text, max(s_start, cand.start - 4), cand.start):
        m = pats.inverted_toll.match(text, cand.end, s_end)
        if m and m.group("toll"):
            cand.toll_cat = w.tolls[_norm(m.group("toll"))]
            g = pats.toll_group.match(text, m.end("toll")) or pats.toll_group.search(
                m.group("toll")
            )
        elif m:
            cand.toll_cat, g = w.verbs_after[_norm(m.group("verb"))], m
        if m:
            cand.bare_ok = True
        if m and g and cand.group is None:
            cand.group = w.groups[_norm(g.group("group"))][0]


#: the longest stretch between a toll phrase and its number when a trend or level
#: verb ends it ("the number of refugees who have entered Armenia from ... rose to")
_LONG_TOLL_GAP = 120

_TO_BEFORE = re.compile(r"(?<![\w-])to\s+\Z", re.IGNORECASE)

_NUMBER_OF = re.compile(r"(?<![\w-])number\s+of\s+\Z", re.IGNORECASE)

# "only 50 people are left": "left" after a form of "be" means "remain", not "departed"
_BE_LEFT = re.compile(rf"(?<![\w-])(?:{alternation(be_forms())})\s+left\Z", re.IGNORECASE)


def _share_coordinated(cands: list[_Cand], text: str, pats: _Patterns) -> None:
    for a, b in zip(reversed(cands[:-1]), reversed(cands[1:]), strict=True):
        if a.sentence != b.sentence or a.is_subset != b.is_subset:
            continue  # "..., among them 10 civilians, and 400 others wounded"
        if a.verb_after is None and b.verb_after is not None and a.toll_cat is None:
            if pats.coord_gap.fullmatch(text, a.end, b.start):
                a.verb_after = b.verb_after
    for a, b in itertools.pairwise(cands):
        if a.sentence != b.sentence or a.is_subset != b.is_subset:
            continue
        if b.verb_before is None and a.verb_before is not None:
            if b.noun_cat is None and pats.coord_gap.fullmatch(text, a.end, b.start):
                b.verb_before = a.verb_before
    hedges = {q for q, _ in figure_words().qualifiers.values()} - {"exact"}
    for a, b in itertools.pairwise(cands):
        # "At least 200 people were killed and 400 wounded": a gapped clause
        # (number + participle, "people were" elided) shares the hedge too.
        if (
            a.sentence == b.sentence
            and a.verb_after is not None
            and a.qualifier in hedges
            and b.qualifier == "exact"
            and b.start - a.end < 90
            and pats.gapped.search(text, max(a.end, b.start - 8), b.start)
            and pats.right.match(text, a.end, b.start)
            and _is_gapped(b, text, pats)
        ):
            b.qualifier = a.qualifier
            if a.high is None:
                b.high = None
            elif a.low is None:
                b.low = None


def _link_previous(cands: list[_Cand], text: str, pats: _Patterns) -> None:
    """"The toll rose to 68, up from 32": a bare number after "up from" is the toll's earlier value.

    It takes the toll's category and group; it has no trend of its own.
    """
    for a, b in itertools.pairwise(cands):
        if (
            a.sentence == b.sentence
            and a.toll_cat is not None
            and not b.has_head
            and b.low is not None
            and b.toll_cat is None
            and pats.previous_gap.fullmatch(text, a.end, b.start)
        ):
            b.toll_cat, b.group, b.bare_ok = a.toll_cat, b.group or a.group, True


def _is_gapped(cand: _Cand, text: str, pats: _Patterns) -> bool:
    """"400 wounded" or "400 others wounded": a number and a participle, no auxiliary."""
    if cand.noun_cat is not None and cand.group is None:
        return True
    m = pats.right.match(text, cand.end)
    return bool(m and cand.verb_after and m.group().split() == m.group("verb").split())


def _link_subsets(
    cands: list[_Cand], text: str, pats: _Patterns, spans: Sequence[tuple[int, int]]
) -> None:
    before: list[_Cand] = []  # earlier candidates of the current sentence
    previous: _Cand | None = None  # the last whole of the sentence before
    for cand in cands:
        if before and before[-1].sentence != cand.sentence:
            wholes = [c for c in before if not c.is_subset]
            previous = wholes[-1] if wholes and before[-1].sentence == cand.sentence - 1 else None
            before = []
        s_start = spans[cand.sentence][0] if spans else 0
        if pats.subset_before.search(text, max(s_start, cand.start - 30), cand.start):
            cand.is_subset = True
        elif cand.partitive == "anaphoric" and before:
            cand.is_subset = True  # "..., two of them civilians"
        elif (
            cand.partitive == "anaphoric"
            and previous is not None
            and not text[s_start : cand.start].strip(" \t\n“\"‘'(")
        ):  # "... 5,000 civilians. Dozens of them needed help.": the last sentence's whole
            cand.is_subset, cand.parent = True, previous
            cand.group = cand.group or previous.group
            before.append(cand)
            continue
        elif (
            before
            and before[-1].is_subset
            and cand.noun_cat is None
            and not cand.thing
            and cand.verb_after is None
            and cand.group != "others"
            and pats.subset_cont_gap.fullmatch(text, before[-1].end, cand.start)
        ):
            cand.is_subset = True
        if cand.is_subset:
            parents = [c for c in before if not c.is_subset]
            cand.parent = parents[-1] if parents else None
        if cand.partitive == "anaphoric" and cand.parent is not None and cand.group is None:
            cand.group = cand.parent.group  # "5,000 civilians ... dozens of them": civilians
        if cand.bare_ok:  # "in the past 24 hours, among them ...": not a parent
            before.append(cand)


def _link_partitives(cands: list[_Cand], text: str, pats: _Patterns) -> None:
    """"Over 100,000 of the region's 120,000 Armenians have fled": a part and its whole.

    The first count (no noun of its own) is a subset of the second and takes
    the verb; the second is the whole (a population: ``other`` unless its
    own noun says more).
    """
    for a, b in itertools.pairwise(cands):
        if (
            a.sentence == b.sentence
            and not a.has_head
            and a.parent is None
            and b.low is not None
            and pats.partitive_gap.fullmatch(text, a.end, b.start)
        ):
            a.is_subset, a.parent = True, b
            a.group = a.group or b.group
            if a.verb_after is None:
                a.verb_after, b.verb_after = b.verb_after, None


def _category(cand: _Cand) -> str | None:
    if cand.partitive == "definite" and cand.verb_after:
        return cand.verb_after  # "15 of the wounded died": the verb says what happened
    if cand.noun_cat:
        return cand.noun_cat
    if cand.thing:
        return "other"
    if cand.verb_after:
        return cand.verb_after
    if not cand.bare_ok:
        return None
    for cat in (cand.mod_cat, cand.verb_before, cand.toll_cat):
        if cat:
            return cat
    if cand.parent is not None:
        return _category(cand.parent)
    if cand.needs_category or not cand.has_head:
        return None
    return "other"


def _trend_records(
    text: str, pats: _Patterns, kept: list[_Cand], sentence_of: Callable[[int], int]
) -> list[_Cand]:
    w = figure_words()
    out = []
    taken = [(c.start, c.end) for c in kept]
    for m in pats.trend_only.finditer(text):
        if pats.number_after.match(text, m.end()) or _overlaps(taken, m.start(), m.end()):
            continue
        cand = _Cand(
            start=m.start(), end=m.end(), low=None, high=None,
            qualifier="trend", group=None,
        )
        cand.category = w.tolls[_norm(m.group("toll"))]
        cand.trend = _norm(m.group("trend"))
        cand.sentence = sentence_of(m.start())
        out.append(cand)
    return out


class _Sources:
    """Attribution of a span to a quote speaker or a cue in its sentence."""

    def __init__(
        self,
        text: str,
        spans: Sequence[tuple[int, int]],
        mentions: Sequence[Mention],
        quotes: Sequence[Quote] | None,
        pats: _Patterns,
    ) -> None:
        self.text = text
        self.spans = spans
        self.pats = pats
        self.mentions = sorted(mentions, key=lambda mm: mm.start)
        self.mention_starts = [mm.start for mm in self.mentions]
        # Quotes with a speaker, by content start; a figure is looked up among
        # those starting at most ``max_len`` before it (no quadratic scan).
        self.quotes = sorted(
            (q for q in quotes or () if q.speaker_id is not None),
            key=lambda q: q.content_start,
        )
        self.quote_starts = [q.content_start for q in self.quotes]
        self.max_len = max((q.content_end - q.content_start for q in self.quotes), default=0)
        self.cache: dict[int, list[tuple[int, str | None, str | None]]] = {}

    def source(self, start: int, end: int, sentence: int) -> tuple[str | None, str | None]:
        lo = bisect.bisect_left(self.quote_starts, start - self.max_len)
        hi = bisect.bisect_right(self.quote_starts, start)
        inside = [q for q in self.quotes[lo:hi] if end <= q.content_end]
        if inside:  # the innermost quote with a speaker
            q = min(inside, key=lambda q: q.content_end - q.content_start)
            return q.speaker_id, q.speaker_text
        cues = self._cues(sentence)
        if not cues:
            return None, None
        _, sid, stext = min(cues, key=lambda c: abs(c[0] - start))
        return sid, stext

    def _mention_at(self, pos: int, stop: int) -> Mention | None:
        i = bisect.bisect_left(self.mention_starts, pos)
        if i < len(self.mentions) and self.mentions[i].start < stop:
            return self.mentions[i]
        return None

    def _mention_ending(self, lo: int, hi: int) -> Mention | None:
        i = bisect.bisect_left(self.mention_starts, hi) - 1
        while i >= 0 and self.mentions[i].start >= lo:
            mm = self.mentions[i]
            if mm.end <= hi and self.pats.subject_gap.fullmatch(self.text, mm.end, hi):
                return mm
            i -= 1
        return None

    def _cues(self, sentence: int) -> list[tuple[int, str | None, str | None]]:
        if sentence in self.cache:
            return self.cache[sentence]
        if not self.spans:
            return []
        s_start, s_end = self.spans[sentence]
        text, pats = self.text, self.pats
        cues: list[tuple[int, str | None, str | None]] = []
        for m in pats.according.finditer(text, s_start, s_end):
            mm = self._mention_at(m.end(), m.end() + 5)
            if mm is not None and pats.object_gap.fullmatch(text, m.end(), mm.start):
                cues.append((m.start(), _actor_id(mm), mm.text))
                continue
            words = pats.source_words.match(text, m.end(), s_end)
            if words:
                cues.append((m.start(), None, words.group()))
        unnamed: list[tuple[int, str | None, str | None]] = []
        for m in pats.reporting.finditer(text, s_start, s_end):
            mm = self._mention_ending(max(s_start, m.start() - 40), m.start())
            told = _norm(m.group()) == "told"  # "told Reuters": the hearer, not the source
            if mm is None and not told:
                after = self._mention_at(m.end(), m.end() + 8)
                if after is not None and pats.object_gap.fullmatch(text, m.end(), after.start):
                    mm = after
            if mm is not None:
                cues.append((m.start(), _actor_id(mm), mm.text))
                continue
            # no tagged actor: keep the subject's words ("officials", "the health ministry")
            lo = max(s_start, m.start() - 60)
            words = pats.subject_words.search(text[lo : m.start()])
            if words and (words.start("src") > 0 or lo == s_start):
                src = words.group("src")
            else:  # inverted after a comma or a quote: "..., said the ministry."
                inv = pats.inverted_subject.match(text, m.end(), s_end)
                src = inv.group("src") if inv and not told and pats.after_comma.search(
                    text, max(s_start, m.start() - 3), m.start()) else None
            if src and not pats.quantity_word.search(src):
                unnamed.append((m.start(), None, src))
        if not cues:
            cues = unnamed
        self.cache[sentence] = cues
        return cues


def _actor_id(mention: Mention) -> str | None:
    return mention.entity_id if mention.kind == "actor" else None


def _day_dates(dates: Sequence[DateRef] | None) -> list[DateRef]:
    """Dates whose value names a day (``2023-09-19``, ``2023-09-19TEV``), by start."""
    if not dates:
        return []
    return sorted(
        (d for d in dates if d.value is not None and _DAY.match(d.value)),
        key=lambda d: d.start,
    )


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?![\d/])")


def _after_word(text: str, pos: int, words: frozenset[str]) -> bool:
    """Does one of ``words`` (lower case) stand right before ``pos``?"""
    m = WORD_BEFORE.search(text, max(0, pos - 30), pos)
    return m is not None and m.group(1).lower() in words


def _date_for(
    cand: _Cand, text: str, spans: Sequence[tuple[int, int]], dates: Sequence[DateRef]
) -> str | None:
    if not dates or not spans:
        return None
    s_start, s_end = spans[cand.sentence]
    inside = [d for d in dates if s_start <= d.start < s_end]
    if not inside:
        return None
    # "crossed since Sunday, the government said on Tuesday": a count given since a day
    # holds at the report, so a date that starts a stretch yields to any other
    opens = interval_starts()
    points = [d for d in inside if not _after_word(text, d.start, opens)]
    if not points:
        # "27 bodies have been brought to the morgue since Tuesday": the count holds at
        # the report, the day the stretch was counted from (the date's anchor), not Tuesday
        since = min(inside, key=lambda d: abs(d.start - cand.start))
        return since.anchor[:10] if since.anchor and _DAY.match(since.anchor) else None
    best = min(points, key=lambda d: abs(d.start - cand.start))
    return best.value[:10] if best.value else None
