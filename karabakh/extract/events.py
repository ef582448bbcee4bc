"""Events: who did what to whom, when and where, coded and merged into event chains.

A *telling* of an event is a verb ("Azerbaijan shelled ..."), a passive ("was
blocked ... by Azerbaijan", "came under small arms fire"), a noun phrase
("yesterday's massive military attack") or a speech act with a noun-phrase
object ("launched an appeal for a ceasefire", "accuses", "calls for the
intervention of ..."). Triggers come from ``data/event_verbs.csv`` (CAMEO code,
Goldstein weight, PLOVER type, mode and context per form); the words read
around a trigger (light verbs, modal and conditional cues) from
``data/event_cues.csv``; the words of its verb group (auxiliaries, forms of
"be", adverbs) and their negators from ``data/verb_group.csv`` and
``data/stance_words.csv``, through :mod:`karabakh.text.lexicon`. Matching is case-insensitive; where
triggers overlap the longest wins, ties go to the leftmost.

Rules, per trigger, inside its clause (the stretch of the sentence between
clause breaks: ``; :``, quotation marks, and "if", "unless", "when", "which",
"who", "that", "but", "while", "otherwise"):

* **source** -- active verb: the subject, i.e. the nearest actor mention
  before the verb in the clause that is not the object of a preposition;
  passive: the actor after "by"; noun: an actor adjective or possessive in the
  noun phrase ("the Azerbaijani ultimatum"), else "by/from/of X" after it, else
  the subject of a light verb before it ("Armenia *launched* an appeal"),
  else the subject for reciprocal nouns ("during a conversation with X").
  After a noun whose root is an ``of-object`` row of ``event_cues.csv`` (force,
  arrest, expulsion, aid, criticism), "of X" is the target ("the shelling *of
  Armenian positions*", "the arrest *of Ruben Vardanyan*"), unless "on/against"
  follows X. A verb after "and" / "but" with no subject of its own takes the
  sentence's subject when that stands before it ("... said they had agreed to
  disband *but called for* guarantees"); a mention inside a claim that ends
  before the verb is not its subject ("X said *Armenia* would ... and accused
  Russia"), nor a pronoun before the claim that holds it. A noun of force right
  before a verb of force is its subject: one telling ("a drone strike hit ...").
  A pronoun is the speaker when it is a quote's speaker or inside a quote
  ("we", "they" in a claim); any other pronoun, a possessive subject ("its
  troops") and a description the dictionary does not tag ("the ministry") go
  to the shared resolver (:func:`karabakh.references.resolve_reference`).
* **target** -- active: the first actor mention after the trigger in the
  clause (direct object or after "against", "on", "with", "of", "to");
  passive: the subject: an actor mention, else words that name people no
  mention covers ("five peacekeepers", "dozens of civilians", "an official":
  id ``None``), else a pronoun for people, resolved ("he was detained"); a
  phrase of things ("the road was blocked") is no target. Coordinated targets
  give one record each.
* **modality** -- conditional ("if", "unless", "would"), threatened
  ("otherwise"), demanded ("must", "should"; a quotation that opens with a
  bare verb: "Lay down your weapons"; outside a quotation it demands nothing), denied (negation, "deny",
  or a negator of a noun phrase (``lexicon.phrase_negators``: "*no* attack",
  "ended *without* a deal", "*No* shells hit", "had *no* plans to attack"),
  "failed to"),
  planned ("will", "goal is to", "attempts at"; inside an announced claim
  ``announced``), announced (a light verb "announce" before the noun),
  reported (inside a quote or claim, ``reported_by`` = its speaker), else
  happened. A noun read through a light verb takes that verb's auxiliaries
  ("*will* launch an offensive" is planned). The cues are the ``modality:*``
  and ``modal`` rows of ``data/event_cues.csv``. The object of an appeal, a
  promise or a threat is part of that speech act and is not coded again as a deed.
* **date** -- a date in the clause, else a date modifying the event noun
  ("the 2020 war"), else the war of a relative clause ("the 2020 war in which
  ..."), else the sentence's date from :func:`karabakh.extract.dates.sentence_dates`;
  so background years never date a current event. A date more than 30 days
  before the dateline marks the event ``historical``.

Event chains (:func:`merge_events`): tellings with the same CAMEO root, the
same kind of modality (happened/reported/announced together, each other
modality apart), compatible dates (a date that only comes from the dateline
fits any stated day up to two days before it), compatible places and actors
(a named target not yet in the chain starts a new event; verbal acts need the
same speaker side) share one ``event_id``; :func:`explain_merges` shows why and
:func:`unmerge` undoes them. :func:`to_acled` gives one ACLED-style row per event.

>>> text = ("Azerbaijan shelled Stepanakert on Tuesday. The attack lasted hours. "
...         "Armenia condemned the shelling.")
>>> import karabakh as kb
>>> m = kb.tag_mentions(text, dateline="2023-09-20")
>>> d = kb.find_dates(text, "2023-09-20")
>>> for e in find_events(text, m, [], d, on="2023-09-20"):
...     print(e.event_id, repr(e.text), e.source_id, e.code, e.place_id, e.date)
E1 'shelled' AZE 194 STEPANAKERT 2023-09-19
E1 'The attack' None 190 None 2023-09-19
E2 'condemned the shelling' ARM 111 None 2023-09-19
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import itertools
import operator
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from ..records import DateRef, Event, Figure, Mention, Quote, Sentence, SentenceDate
from ..resources import read_data_csv
from ..text._patterns import SPACE_RUN
from ..text.actors import actor_info, place_info
from ..text.articles import DatelineLike, parse_dateline
from ..text.clauses import PREP_START, last_speaker_noun, subject_of
from ..text.document import Document
from ..text.lexicon import (
    alternation,
    auxiliaries,
    be_forms,
    contracted_negation,
    function_role,
    function_role_values,
    function_words,
    irregular_past,
    negates_verb,
    negation_pattern,
    negator_alternation,
    negator_substrings,
    phrase_negators,
    reporting_forms,
    verb_adverbs,
    verb_negators,
)
from ..text.quote_marks import OPENING_MARKS
from ..text.references import resolve_reference
from ..text.sentences import split_sentences
from .casualties import figure_words
from .dates import sentence_dates

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "EventVerb",
    "event_table",
    "event_verbs",
    "explain_merges",
    "find_events",
    "merge_events",
    "to_acled",
    "unmerge",
]


# ----------------------------------------------------------------- dictionaries


@dataclass(frozen=True, slots=True)
class EventVerb:
    """One row of ``event_verbs.csv``: a surface form and its codes.

    >>> v = [v for v in event_verbs() if v.form == "shelled"][0]
    >>> v.code, v.root_code, v.goldstein, v.plover_type
    ('194', '19', -10.0, 'ASSAULT')
    """

    form: str
    kind: str
    code: str
    root_code: str
    label: str
    goldstein: float
    plover_type: str
    plover_mode: str | None
    plover_context: tuple[str, ...]


@functools.cache
def event_verbs() -> tuple[EventVerb, ...]:
    """Every form of ``data/event_verbs.csv`` with its CAMEO and PLOVER codes.

    Raises:
        ValueError: naming the line of a row with an unknown kind or a code
            whose root is not its first two digits.

    >>> len(event_verbs()) > 300
    True
    """
    out: list[EventVerb] = []
    for i, row in enumerate(read_data_csv("event_verbs.csv")):
        code = row["code"]
        if row["kind"] not in ("verb", "noun", "speech", "code") or row["root_code"] != code[:2]:
            raise ValueError(f"karabakh/data/event_verbs.csv: row {i + 1}: bad kind or root ({row})")
        forms = [f.strip() for f in row["forms"].split("|") if f.strip()] or [""]
        for form in forms:
            out.append(EventVerb(
                form, row["kind"], code, row["root_code"], row["label"], float(row["goldstein"]),
                row["plover_type"], row["plover_mode"] or None,
                tuple(c.strip() for c in row["plover_context"].split(";") if c.strip())))
    return tuple(out)


@functools.cache
def _codes() -> dict[str, EventVerb]:
    """One entry per CAMEO code (its label, weight and PLOVER facts)."""
    out: dict[str, EventVerb] = {}
    for v in event_verbs():
        out.setdefault(v.code, v)
    return out


# the roles of event_cues.csv (the part before any ":"), see karabakh/data/README.md
_CUE_ROLES = frozenset({
    "light", "modality", "modal", "infinitive", "of-object", "not-event", "quantity", "military-head", "side-force",
    "unit-noun", "governs", "not-base", "modifier-stop", "mode", "subject-end", "reciprocal", "speech-root",
    "absorbing-root", "object-root"})


@functools.cache
def _cue_rows() -> tuple[tuple[str, str], ...]:
    """``(cue, role)`` per row of ``data/event_cues.csv``, in file order, cues lower case.

    Raises:
        ValueError: naming the line of a row whose role is unknown.
    """
    out: list[tuple[str, str]] = []
    for i, row in enumerate(read_data_csv("event_cues.csv")):
        role = row["role"]
        if role.split(":")[0] not in _CUE_ROLES or not row["cue"]:
            raise ValueError(f"karabakh/data/event_cues.csv: row {i + 1}: unknown role or empty cue ({row})")
        out.append((row["cue"].lower(), role))
    return tuple(out)


@functools.cache
def _cues() -> dict[str, frozenset[str]]:
    """Cue words by role (``light``, ``light:announced``, ``modality:planned`` ...)."""
    out: dict[str, set[str]] = {}
    for cue, role in _cue_rows():
        out.setdefault(role, set()).add(cue)
    return {k: frozenset(v) for k, v in out.items()}


def _cue_ordered(prefix: str) -> tuple[tuple[str, str], ...]:
    """``(cue, sub)`` for every row of role ``prefix:<sub>`` (or ``prefix``: sub ``""``), in file order."""
    return tuple((c, role[len(prefix) + 1:]) for c, role in _cue_rows()
                 if role == prefix or role.startswith(prefix + ":"))


@functools.cache
def _cue(role: str) -> frozenset[str]:
    return _cues().get(role, frozenset())


@functools.cache
def _cues_prefix(prefix: str) -> dict[str, str]:
    """``{cue: role suffix}`` for every role starting with ``prefix``."""
    out: dict[str, str] = {}
    for role, cues in _cues().items():
        if role == prefix or role.startswith(prefix + ":"):
            for c in cues:
                out[c] = role[len(prefix) + 1:] if role != prefix else ""
    return out


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@functools.cache
def _cue_pattern(role: str) -> re.Pattern[str]:
    """Any cue of ``role`` (``data/event_cues.csv``) as whole words, for lower-case text."""
    words = _cue(role)
    return re.compile(r"(?<!\w)(?:" + _alternation(words) + r")(?!\w)" if words else r"(?!)")


@functools.cache
def _cue_words(role: str) -> tuple[str, ...]:
    """The cues of ``role``: every match of :func:`_cue_pattern` holds one (for a substring test first)."""
    return tuple(sorted(_cue(role)))


def _holds(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` holds any of ``words`` (substrings)."""
    for w in words:
        if w in text:
            return True
    return False


class _Words(NamedTuple):
    """The closed word lists the coder reads, from ``data/event_cues.csv`` and the shared files (README.md).

    The grammatical classes are read from ``data/function_words.csv``: its categories
    and the roles that name the coder's subsets of them.
    """

    prep: frozenset[str]  # the preposition class: a mention after one is its object, not a subject
    target_prep: frozenset[str]  # target_prep role: a target may follow ("fired at X")
    locative: frozenset[str]  # locative role: a place follows, the targets end
    locative_or_of: frozenset[str]
    det: frozenset[str]  # articles, demonstratives and possessives (third person and the speaker's)
    pronouns: frozenset[str]  # person_pronoun and thing_pronoun roles
    people_pronouns: frozenset[str]  # person_pronoun role
    possessive: dict[str, str]  # possessive_of:<pronoun> roles: "its" -> "it", "our" -> "we" ...
    quantity: frozenset[str]  # "thousands of": figure_words.csv's one-word magnitudes and indefinites, quantity rows
    military_heads: frozenset[str]
    end_of_fighting: re.Pattern[str]  # "an end to the hostilities"
    side_forces: tuple[str, ...]  # in file order
    unit_nouns: frozenset[str]
    saying: frozenset[str]  # every form of reporting_verbs.csv
    subject_ends: frozenset[str]  # saying, coordinators, subject-end rows
    coordinators: frozenset[str]  # predicate_coordinator role of function_words.csv
    governed: dict[str, str]  # governs:<modality> rows; the one-word modality:denied cues govern "denied"
    governing: tuple[str, ...]  # the first four letters of every governor (a substring test first)
    not_base: frozenset[str]  # verb_group.csv's past rows and the not-base rows
    mod_stop: frozenset[str]  # prepositions, verb_group.csv's aux and be rows, modifier-stop rows
    mode_words: tuple[tuple[str, str], ...]  # (word, mode) in file order
    mode_keys: tuple[str, ...]
    reciprocal: frozenset[str]  # CAMEO codes
    speech_roots: frozenset[str]  # CAMEO roots
    absorbing_roots: frozenset[str]
    object_roots: frozenset[str]  # absorbing-root and object-root rows


@functools.cache
def _words() -> _Words:
    """Build :class:`_Words` once (on first use: ``import karabakh`` reads no data file).

    Raises:
        ValueError: for a possessive of ``function_words.csv`` whose pronoun has no
            ``person_pronoun`` or ``thing_pronoun`` role.
    """
    people = frozenset(function_role("person_pronoun"))
    pronouns = people | frozenset(function_role("thing_pronoun"))
    possessive = dict(function_role_values("possessive_of"))
    if not set(possessive.values()) <= pronouns:
        raise ValueError(f"karabakh/data/function_words.csv: a possessive_of pronoun without a person_pronoun or "
                         f"thing_pronoun role ({possessive})")
    prep = frozenset(function_words("preposition"))
    locative = frozenset(function_role("locative"))
    heads = _cue("military-head")
    fw = figure_words()
    saying = frozenset(reporting_forms())
    coordinators = frozenset(function_role("predicate_coordinator"))
    governed = {c: sub for c, sub in _cue_ordered("governs")}
    governed.update(dict.fromkeys((c for c in _cue("modality:denied") if " " not in c), "denied"))
    mode_words = _cue_ordered("mode")
    absorbing = _cue("absorbing-root")
    return _Words(
        prep=prep, target_prep=frozenset(function_role("target_prep")), locative=locative,
        locative_or_of=locative | {"of"},
        det=frozenset(function_words("article", "demonstrative", "possessive", "speaker_possessive")),
        pronouns=pronouns, people_pronouns=people,
        possessive=possessive,
        quantity=_cue("quantity") | {w for w in (*fw.magnitudes, *fw.indefinites) if " " not in w},
        military_heads=heads,
        end_of_fighting=re.compile(r"\b(end|stop|halt)\b.*\b(" + _alternation(heads) + r")\b"),
        side_forces=tuple(c for c, _ in _cue_ordered("side-force")), unit_nouns=_cue("unit-noun"),
        saying=saying, subject_ends=saying | coordinators | _cue("subject-end"), coordinators=coordinators,
        governed=governed, governing=tuple(sorted({w[:4] for w in governed})),
        not_base=irregular_past() | _cue("not-base"),
        mod_stop=prep | auxiliaries() | be_forms() | _cue("modifier-stop"),
        mode_words=mode_words, mode_keys=tuple(w for w, _ in mode_words),
        reciprocal=_cue("reciprocal"), speech_roots=_cue("speech-root"), absorbing_roots=absorbing,
        object_roots=absorbing | _cue("object-root"))


class _Plans(NamedTuple):
    """The patterns of the ``modality:planned`` cues, by the shapes of their rows."""

    plan: re.Pattern[str]  # "goal is to ...", "plans to", "attempts at ..." before the trigger
    agreement: re.Pattern[str]  # "agreement ... on (the)" ending the stretch before it
    plan_words: tuple[str, ...]  # every match of ``plan`` holds one
    agreement_words: tuple[str, ...]


@functools.cache
def _plans() -> _Plans:
    """Build :class:`_Plans` from the rows ``<noun> is to``, ``<verb> to|at`` and ``<noun> on``.

    Raises:
        ValueError: for a ``modality:planned`` cue of any other shape (it would be read by nothing).
    """
    rows = [c.split() for c in _cue("modality:planned")]
    goals = {r[0] for r in rows if r[1:] == ["is", "to"]}
    verbs = {r[0] for r in rows if len(r) == 2 and r[1] in ("to", "at")}
    particles = {r[1] for r in rows if len(r) == 2 and r[1] in ("to", "at")}
    tries = {r[0] for r in rows if len(r) == 2 and r[1] == "at"}
    nouns_on = {r[0] for r in rows if r[1:] == ["on"]}
    odd = sorted(" ".join(r) for r in rows if r[1:] not in (["is", "to"], ["to"], ["at"], ["on"]))
    if odd:
        raise ValueError(f"event_cues.csv: modality:planned cues of no known shape: {odd}")
    parts = []
    if goals:
        parts.append(rf"\b(?:{_alternation(goals)})\b[^.]{{0,25}}\bis\s+to(\s+\w+){{0,2}}\s*$")
    if verbs:
        parts.append(rf"\b(?:{_alternation(verbs)})\s+(?:{_alternation(particles)})\b")
    if tries:
        parts.append(rf"\b(?:{_alternation(tries)})\s+at\b[^.]{{0,40}}$")
    agreement = rf"\b(?:{_alternation(nouns_on)})\b[^.;]{{0,60}}\bon\s+(the\s+)?$" if nouns_on else r"(?!)"
    return _Plans(re.compile("|".join(parts) or r"(?!)"), re.compile(agreement),
                  tuple(sorted(goals | verbs | tries)), tuple(sorted(nouns_on)))


class _Modality(NamedTuple):
    """Every modality pattern and cue set of :func:`_code_one`, built once from ``event_cues.csv``."""

    conditional: re.Pattern[str]
    conditional_words: tuple[str, ...]
    conditional_aux: re.Pattern[str]
    modal: re.Pattern[str]
    threatened: re.Pattern[str]
    threatened_words: tuple[str, ...]
    demanded: re.Pattern[str]
    planned_aux: re.Pattern[str]
    denied: re.Pattern[str]
    denied_words: tuple[str, ...]
    plans: _Plans
    light: dict[str, str]  # light verb -> the suffix of its role ("", "announced", "adjunct")
    announcing: frozenset[str]  # the ``light:announced`` cues
    passive: frozenset[str]
    passive_or_aux: frozenset[str]
    verb_group: frozenset[str]  # what may stand before a verb in its group: aux, be, negators, "to"
    verb_aux: frozenset[str]  # an auxiliary or a form of be after a word makes it a subject ("to" is none)


@functools.cache
def _modality() -> _Modality:
    # the words of a verb group: data/verb_group.csv (not its adverbials: "shelled it again"
    # has a target) and the verb-group negators, through the lexicon; "to" is events' own
    be, aux = be_forms(), auxiliaries() | verb_adverbs()
    to = _cue("infinitive")
    return _Modality(
        _cue_pattern("modality:conditional"), _cue_words("modality:conditional"),
        _cue_pattern("modality:conditional-aux"), _cue_pattern("modal"),
        _cue_pattern("modality:threatened"), _cue_words("modality:threatened"),
        _cue_pattern("modality:demanded"), _cue_pattern("modality:planned-aux"),
        _cue_pattern("modality:denied"), _cue_words("modality:denied"), _plans(),
        _cues_prefix("light"), _cue("light:announced"), be, be | aux | to,
        be | aux | to | verb_negators(), be | aux)


def _form_regex(form: str) -> str:
    parts = []
    for word in form.split():
        if word == "*":
            parts.append(r"(?:[\w’'\-]+\s+){0,5}?[\w’'\-]+")
        else:
            parts.append(re.escape(word).replace("\\-", "[-\\s]?"))
    return r"\s+".join(parts)


@functools.cache
def _lexicon() -> tuple[dict[str, re.Pattern[str]], dict[str, tuple[EventVerb, ...]]]:
    """The forms by their first word, each group one pattern (longest form first), and the rows by form.

    Matching tries a group only at a word that can start one of its forms, so a
    long article is scanned once, word by word. The ``not-event`` phrases of
    ``event_cues.csv`` are forms with no row: they take their words from a
    shorter trigger inside them, and :func:`_lookup` gives them nothing to code.
    """
    by_form: dict[str, list[EventVerb]] = {}
    for v in event_verbs():
        if v.kind != "code":
            by_form.setdefault(v.form.lower(), []).append(v)
    # a phrase that holds a trigger word but tells no event ("shell companies", "struck a
    # balance"): as the longest form at its words it wins over the trigger and yields nothing
    for phrase in _cues().get("not-event", ()):
        if phrase in by_form:
            raise ValueError(f"karabakh/data/event_cues.csv: {phrase!r} is a not-event cue and an event form")
        by_form[phrase] = []
    by_first: dict[str, list[str]] = {}
    for form in by_form:
        first = form.split()[0]
        for key in {first, first.split("-")[0], first.replace("-", "")}:
            by_first.setdefault(key, []).append(form)
    patterns = {
        key: re.compile(r"(?:" + "|".join(_form_regex(f) for f in sorted(forms, key=lambda f: (-len(f), f)))
                        + r")(?![\w-])", re.IGNORECASE)
        for key, forms in by_first.items()
    }
    return patterns, {k: tuple(v) for k, v in by_form.items()}


def _scan(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Trigger matches in ``text[lo:hi]``: leftmost first, the longest form at a word, no overlaps."""
    out: list[tuple[int, int, str]] = []
    pos = lo
    ix = _text_index(text)
    starts, ends = ix.starts, ix.ends
    k = bisect.bisect_left(starts, lo)
    j = bisect.bisect_left(starts, hi)
    if (k and ends[k - 1] > lo) or (j and ends[j - 1] > hi):  # a word cut by the stretch: read it
        cands = [(w.start(), _first_word_pattern(w.group().lower())) for w in _WORD.finditer(text, lo, hi)]
    else:  # only the words of the text index that can start a form: the same matches, fewer tries
        h0, h1 = bisect.bisect_left(ix.hits, k), bisect.bisect_left(ix.hits, j)
        cands = [(starts[i], p) for i, p in zip(ix.hits[h0:h1], ix.pats[h0:h1], strict=True)]
    for ws, pat in cands:
        if ws < pos or pat is None:
            continue
        m = pat.match(text, ws, hi)
        if m:
            out.append((m.start(), m.end(), m.group()))
            pos = m.end()
    return out


def _first_word_pattern(word: str) -> re.Pattern[str] | None:
    """The pattern of the forms that can start at the (lower-case) ``word``, or ``None``."""
    patterns = _lexicon()[0]
    pat = patterns.get(word)
    if pat is None and "-" in word:
        pat = patterns.get(word.split("-")[0])
    return pat


@functools.cache
def _gap_forms() -> tuple[tuple[re.Pattern[str], tuple[EventVerb, ...]], ...]:
    """The forms with a gap (``*``), each compiled once, in the order of the lexicon."""
    _, by_form = _lexicon()
    return tuple((re.compile(_form_regex(form), re.IGNORECASE), rows) for form, rows in by_form.items()
                 if "*" in form)




@functools.lru_cache(maxsize=4096)
def _lookup(matched: str) -> tuple[EventVerb, ...]:
    _, by_form = _lexicon()
    key = matched.lower()
    if "  " in key or not key.isprintable():  # white space other than single spaces, to make single
        key = SPACE_RUN.sub(" ", key)
    if key in by_form:
        return by_form[key]
    for pattern, rows in _gap_forms():
        if pattern.fullmatch(matched):
            return rows
    return by_form.get(key.replace(" ", "-"), ())


# --------------------------------------------------------------- text helpers

_WORD = re.compile(r"[\w’'\-]+")
# a word or a stretch between words, the stretch kept: ``split`` alternates them, word first
_WORD_OR_GAP = re.compile(r"([^\w’'\-]+)")
# the same for a lower-case text with no letter or digit beyond ASCII (a class the regex engine tests faster)
_WORD_OR_GAP_ASCII = re.compile(r"([^a-z0-9_’'\-]+)")
_BREAK = re.compile(
    r"[;:«»“”\"!?]|,\s+(?:and|but)(?!\w)|(?<!\w)(?:if|unless|when|which|who|whom|that|but|while|whereas|"
    r"otherwise|although|because|after|before|since|as a result of)(?!\w)|\.(?=\s|$)", re.IGNORECASE)
_TARGET_STOP = re.compile(r"[,;:«»“”\"!?]|\.(?=\s|$)|(?<!\w)(?:if|unless|when|which|who|that|but|while|"
                          r"according to|following|after|because|due to)(?!\w)", re.IGNORECASE)
_STRONG = re.compile(r"[;:«»“”\"!?]|\.(?=\s|$)")


def _lower_form(pattern: re.Pattern[str], first: str) -> re.Pattern[str]:
    """A case-blind ``pattern`` of ASCII words as a case-sensitive one for lower-case text.

    ``first``: every character a match can start with (a lookahead that lets
    the regex engine skip the other positions fast). For :class:`_TextIndex.low`.
    """
    return re.compile(f"(?=[{first}])(?:{pattern.pattern})", pattern.flags & ~re.IGNORECASE)


_BREAK_LOW = _lower_form(_BREAK, ";:«»“”\"!?,.iuwtbaos")
_TARGET_STOP_LOW = _lower_form(_TARGET_STOP, ",;:«»“”\"!?.iuwtbafd")
_DATELINE_PREFIX = re.compile(r"\s*[A-Z][A-Z .'’-]{2,40}(?:,[^()\n]{0,40})?\s*\([^)\n]{1,40}\)\s*[-–—]+\s*")


@functools.cache
def _participation_pattern() -> re.Pattern[str]:
    """``(not) involved in``, ``did not take part in``: group 1 is the negator (a verb-group negator)."""
    return re.compile(rf"\b(?:({negator_alternation()})\s+)?(?:been\s+)?(?:involved|participat\w*|"
                      r"took part|take part|taking part)\s+in\b[^;:.]*$", re.IGNORECASE)


def _participation(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """``_participation_pattern().search(text, lo, hi)``, asked only where "involved" or "part" is written."""
    low = _text_index(text).low
    if low is not None and low.find("part", lo, hi) < 0 and low.find("involved", lo, hi) < 0:
        return None
    return _participation_pattern().search(text, lo, hi)


_POLITY_PLACES = {"NAGORNO_KARABAKH": "NKR_AUTHORITIES", "AZE": "AZE", "ARM": "ARM", "RUS": "RUS"}


# the patterns read per trigger, compiled once (``re.search(str, ...)`` looks each up in re's cache per call)
_AGENT_BEFORE = re.compile(r"\b(according to|by|from)\s+(the\s+)?$", re.I)
_PHASE_OF = re.compile(r"(?:\b(?:the|a|an)\s+)?\b(?:application|start|beginning|resumption|launch|continuation)"
                       r"\s+of\s+$", re.IGNORECASE)
_OBJECT_WORD = r"(?:\s+(?:for|to|with|of|on|against|addressed\s+to)?\s*(?:the|a|an)?\s*[\w’'\-]+)"
_SPEECH_OBJECT = re.compile(_OBJECT_WORD + "{1,2}")
_NOUN_OBJECT = re.compile(_OBJECT_WORD + "{1}")
_LOWER_HEAD = re.compile(r"\s+[a-z][\w\-]*")
_INTENT_HEAD = re.compile(r"\s+(?:goal|aim|objective|plan|plans|intention|decision|readiness|refusal|attempt)\b")
_ASK_INTERVENTION = re.compile(r"intervention|peacekeep|protection")
_ASK_CEASEFIRE = re.compile(r"ceasefire|truce|de-?escalat|\bstop|\bhalt|\bend\b")
_ASK_TALKS = re.compile(r"talks|negotiat|dialogue")
_ASK_MEDIATION = re.compile(r"\bmediat")
_OFFER_AID = re.compile(r"\baid\b|assist|help")
_OFFER_TALKS = re.compile(r"talks|negotiat|meet")
_DEMAND_RESIGN = re.compile(r"resign|ouster|step(ping)? down|impeach")
_DEMAND_CEASEFIRE = re.compile(r"withdraw|ceasefire|truce|de-?escalat|\bstop|\bhalt|\bend\b")
_ONLY_SPACE = re.compile(r"\s*")
_CONDEMNED_GAP = re.compile(r"\s+(?:(?:the|a|an|its|their|his|her)\s+)?(?:[\w’'\-]+\s+){0,2}?(?:of\s+)?(?:the\s+)?" r"(?:[\w’'\-]+\s+)?")
_COMMA_GAP = re.compile(r",\s+")
_COORD_TAIL = re.compile(r"(?:,|\band)\s+(?:are\s+|were\s+|is\s+|complete\s+|full\s+)?$")
_PARTICIPLE = re.compile(r"\w+(ed|en|wn|ht|ck|ut|it)\b")
_ED_FORM = re.compile(r"\w+ed")
_BY_AGENT = re.compile(r"\s+(?:[\w’'\-]+\s+){0,6}?by\s+(?:the\s+)?")
_FROM_AGENT = re.compile(r"\s+from\s+(?:the\s+)?")
_NOUN_AGENT = re.compile(r"\s+(?:(?:addressed|issued|made|sent|launched|delivered)\b[^.;:]{0,80}?\s)?" r"(by|from|of)\s+")
_OWN_OBJECT = re.compile(r"\s+(his|her)\s+\w+")
_NP_START = re.compile(r"(?:an?|the)\s")


@functools.cache
def _aux_negation() -> re.Pattern[str]:
    """An auxiliary or a form of be and a negator ("did not", "would never"), or a negated auxiliary ("didn't")."""
    aux = alternation(auxiliaries() | be_forms())
    return re.compile(rf"(?<![\w-])(?:(?:{aux})\s+(?:{negator_alternation()})|{contracted_negation()})(?![\w-])")


_ON_END = re.compile(r"\bon\s+(the\s+)?$")
_IF = re.compile(r"(?<!\w)if(?!\w)")
_THE_GAP = re.compile(r"\s+(?:the\s+)?")
_RELATIVE_END = re.compile(r"(?:,\s*)?\b(who|which|that)\s*$")
_OWNED_NOUN = re.compile(r"\s+[a-z][\w\-]*\s*")
_STRONG_CUT = re.compile(r"(?=[;:iua])(?:[;:]|(?<!\w)(?:if|unless|and he|and she|and they)(?!\w))")
_IN_THE_END = re.compile(r"\b(?:in|during)\s+the\s+$")
_WAR_AFTER = re.compile(r"[’'s]*\s+(?:war|wars|fighting|offensive|hostilities|conflict)\b")
_IN_WHICH_END = re.compile(r"\b(in which|during which|when)\s*$")
_IN_END = re.compile(r"\b(in|during)\s*$")
_DATE_PARTS = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class _TextIndex:
    """What the coder reads of one text again and again, found once.

    ``starts`` / ``ends``: the span of every word (``_WORD``); ``words``: each
    word as ``(start, end, lower-case text)``; ``hits``: the indices of the words that can
    start a trigger form, with the pattern of those forms; ``low``: the text in
    lower case when that keeps every offset and case-blind matching of ASCII
    words may be done on it (see :func:`_lower_keeps_offsets`), else ``None``.
    """

    __slots__ = ("ends", "hits", "low", "pats", "starts", "text", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        low = text.lower()
        non_ascii = set(_NON_ASCII.findall(text))
        self.low = low if _lower_keeps_offsets(text, low, non_ascii) else None
        # The words and the stretches between them alternate; their offsets are the running sum
        # of their lengths. No character changes between word and non-word by lowering alone (a
        # test checks every code point), so the words of ``low`` are the lowered words of ``text``;
        # where every word character of ``low`` is ASCII they are runs of ``[a-z0-9_’'-]``.
        if self.low is None:
            parts = _WORD_OR_GAP.split(text)
        elif any(c.isalnum() for c in non_ascii):
            parts = _WORD_OR_GAP.split(self.low)
        else:
            parts = _WORD_OR_GAP_ASCII.split(self.low)
        offsets = list(itertools.accumulate(map(len, parts), initial=0))
        self.starts: list[int] = offsets[0:-1:2]
        self.ends: list[int] = offsets[1::2]
        lowered: list[str] = parts[0::2]
        if lowered and not lowered[-1]:  # the text ends between words (or is empty)
            del self.starts[-1], self.ends[-1], lowered[-1]
        if lowered and not lowered[0]:  # the text starts between words
            del self.starts[0], self.ends[0], lowered[0]
        if self.low is None:
            lowered = [w.lower() for w in lowered]
        self.words = list(zip(self.starts, self.ends, lowered, strict=True))
        patterns = _lexicon()[0]
        present = patterns.keys() & set(lowered)
        present.update(w for w in set(lowered) if "-" in w and w.split("-")[0] in patterns)
        self.hits = [i for i, w in enumerate(lowered) if w in present]
        self.pats: list[re.Pattern[str] | None] = [_first_word_pattern(lowered[i]) for i in self.hits]


def _lower_keeps_offsets(text: str, low: str, non_ascii: set[str] | None = None) -> bool:
    """True when ``low`` may stand for ``text`` in case-blind matching of ASCII words.

    Then ``low[a:b] == text[a:b].lower()`` for every span, and a case-blind
    pattern of ASCII words matches ``text`` where its lower-case form matches
    ``low``. Not so when a character lowers to two ("İ"), when the lower form depends on
    the context (final sigma), or when a non-ASCII letter is case-blind equal to
    an ASCII one (the Kelvin sign, long s, dotless i). ``non_ascii``: the
    characters of ``text`` beyond ASCII, when the caller has them.
    """
    if len(low) != len(text):
        return False
    return all(not c.isalpha() or (c != "Σ" and not _ASCII_LETTER.match(c))
               for c in (set(_NON_ASCII.findall(text)) if non_ascii is None else non_ascii))


_ASCII_LETTER = re.compile(r"[a-z]", re.IGNORECASE)


# the index of the last text read; one entry, replaced as a whole
_LAST_INDEX: list[_TextIndex | None] = [None]
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
def _text_index(text: str) -> _TextIndex:
    """The :class:`_TextIndex` of ``text`` (kept for the last text asked about)."""
    last = _LAST_INDEX[0]
    if last is None or last.text is not text:
        last = _LAST_INDEX[0] = _TextIndex(text)
    return last


def _words_before(text: str, pos: int, n: int) -> list[tuple[int, int, str]]:
    """The last ``n`` words before ``pos`` (nearest last) with their spans, in lower case.

    Read from a window of ``12 n + 20`` characters before ``pos`` (a word cut
    by the window's start is cut there too, as is a word cut by ``pos``). The
    words come from an index of the whole text (a word of ``text[lo:pos]`` is a
    word of the text cut to the window), found once per text.
    """
    lo = max(0, pos - 12 * n - 20)
    ix = _text_index(text)
    starts, ends = ix.starts, ix.ends
    j = bisect.bisect_left(starts, pos)
    first = max(j - n, bisect.bisect_right(ends, lo))
    out = ix.words[first:j]
    if out and (starts[first] < lo or ends[j - 1] > pos):  # a word cut by the window or by ``pos``
        for k in (first, j - 1):
            a = starts[k] if starts[k] > lo else lo
            b = ends[k] if ends[k] < pos else pos
            out[k - first] = (a, b, text[a:b].lower())
    return out


def _last_break(text: str, lo: int, pos: int, *, quotes: bool = True) -> int:
    """Offset just after the last clause break in ``text[lo:pos]`` (``lo`` if none).

    With ``quotes=False`` quotation marks do not break ("'Some soldiers' were killed").
    """
    cut = lo
    for m in _BREAK.finditer(text, lo, pos):
        if quotes or m.group() not in "«»“”\"":
            cut = m.end()
    return cut


def _next_stop(text: str, pos: int, hi: int, pattern: re.Pattern[str] = _BREAK) -> int:
    m = pattern.search(text, pos, hi)
    return m.start() if m else hi


def _target_stop(text: str, pos: int, hi: int) -> int:
    """:func:`_next_stop` with ``_TARGET_STOP``, read in the lower-case text where it can be."""
    low = _text_index(text).low
    return _next_stop(low, pos, hi, _TARGET_STOP_LOW) if low is not None else _next_stop(
        text, pos, hi, _TARGET_STOP)


@dataclass
class _Ctx:
    text: str
    mentions: list[Mention]
    quotes: Sequence[Quote]
    dateline: dt.date | None
    subjects: dict[int, Mention | None]
    body_lo: int = 0
    # the clause breaks of the current sentence, found once (starts, ends, words); see _break_before
    breaks: tuple[list[int], list[int], list[str]] = ([], [], [])
    sent_lo: int = 0
    sent_hi: int = 0
    actors: list[Mention] = dataclasses.field(default_factory=list)  # of the sentence in focus
    places: list[Mention] = dataclasses.field(default_factory=list)
    _sent_low: str | None = None
    _held: dict[tuple[str, ...], bool] = dataclasses.field(default_factory=dict)
    all_mentions: Sequence[Mention] = ()
    _doc: Document | None = None

    def doc(self) -> Document:
        """The shared document model (built on first use: only a pronoun or a description needs it)."""
        if self._doc is None:
            self._doc = Document(self.text, self.dateline, mentions=self.all_mentions)
        return self._doc

    def main_subject(self, s: Sentence) -> Mention | None:
        """:func:`_main_subject` of the sentence, found on first need and kept."""
        if s.index not in self.subjects:
            self.subjects[s.index] = _main_subject(self, s)
        return self.subjects[s.index]

    def resolve(self, start: int, end: int) -> tuple[str | None, str | None]:
        """Ask the shared actor-reference resolver who ``text[start:end]`` names."""
        return resolve_reference(self.doc(), start, end, start)

    def focus(self, s: Sentence, all_mentions: list[Mention], starts: list[int],
              quotes: list[Quote]) -> None:
        """Look only at the mentions and quotes of one sentence (keeps long articles linear)."""
        lo = bisect.bisect_left(starts, s.start)
        hi = bisect.bisect_left(starts, s.end)
        self.mentions = all_mentions[lo:hi]
        self.actors = [m for m in self.mentions if m.kind == "actor"]
        self.places = [m for m in self.mentions if m.kind == "place"]
        self.quotes = quotes

    def read_breaks(self, s: Sentence) -> None:
        """Find the clause breaks of the sentence once (see :meth:`last_break`, :meth:`next_break`)."""
        low = _text_index(self.text).low
        found = list(_BREAK_LOW.finditer(low, s.start, s.end) if low is not None else
                     _BREAK.finditer(self.text, s.start, s.end))
        self.breaks = ([m.start() for m in found], [m.end() for m in found], [m.group() for m in found])
        self.sent_lo = s.start
        self.sent_hi = s.end
        self._sent_low = None
        self._held = {}

    def sentence_holds(self, words: tuple[str, ...]) -> bool:
        """Whether the lower-case sentence holds any of ``words`` (asked once per sentence and tuple)."""
        found = self._held.get(words)
        if found is None:
            if self._sent_low is None:
                low = _text_index(self.text).low
                lo, hi = self.sent_lo, self.sent_hi
                self._sent_low = low[lo:hi] if low is not None else self.text[lo:hi].lower()
            found = self._held[words] = _holds(self._sent_low, words)
        return found

    def _cached(self, pos: int) -> int | None:
        """How many of the sentence's breaks end by ``pos``, when the cache answers as a search would.

        A search that stops at ``pos`` agrees with the sentence's breaks when
        white space stands before ``pos`` (no break ends in white space) and no
        break straddles ``pos``; otherwise ``None`` (search the text again).
        """
        starts, ends, _ = self.breaks
        k = bisect.bisect_left(starts, pos)
        if k and ends[k - 1] > pos:
            return None
        if pos > self.sent_lo and not self.text[pos - 1].isspace():
            return None
        return k

    def last_break(self, pos: int, *, quotes: bool = True) -> int:
        """:func:`_last_break` from the sentence start to ``pos``, from the breaks found once."""
        k = self._cached(pos)
        if k is None:
            return _last_break(self.text, self.sent_lo, pos, quotes=quotes)
        _, ends, words = self.breaks
        for j in range(k - 1, -1, -1):
            if quotes or words[j] not in "«»“”\"":
                return ends[j]
        return self.sent_lo

    def next_break(self, pos: int, hi: int) -> int:
        """:func:`_next_stop` with ``_BREAK`` from ``pos`` to the sentence end ``hi``."""
        starts, ends, _ = self.breaks
        k = bisect.bisect_left(starts, pos)
        if k and ends[k - 1] > pos:
            return _next_stop(self.text, pos, hi)
        return starts[k] if k < len(starts) else hi

    def actors_in(self, lo: int, hi: int) -> list[Mention]:
        return [m for m in self.actors if lo <= m.start and m.end <= hi]

    def places_in(self, lo: int, hi: int) -> list[Mention]:
        return [m for m in self.places if lo <= m.start and m.end <= hi]

    def inside_mention(self, a: int, b: int) -> bool:
        return any(m.start <= a and b <= m.end and m.kind != "unknown" for m in self.mentions)

    def quote_at(self, pos: int) -> Quote | None:
        best: Quote | None = None
        for q in self.quotes:
            if q.content_start <= pos < q.content_end and (
                    best is None or q.content_end - q.content_start < best.content_end - best.content_start):
                best = q
        return best


def _prev_word(text: str, pos: int) -> str:
    w = _words_before(text, pos, 1)
    return w[0][2] if w else ""


def _is_prep_object(ctx: _Ctx, m: Mention, lo: int) -> bool:
    """True when the mention follows a preposition (not a subject)."""
    wd = _words()
    before = _words_before(ctx.text, m.start, 3)
    for s, _e, lw in reversed(before):
        if s < lo:
            break
        if lw in wd.det or lw in ("current", "only", "the"):
            continue
        if lw == "of":
            head = _words_before(ctx.text, s, 1)
            if head and (head[0][2] in wd.quantity or head[0][2][:1].isdigit()):
                return False  # "thousands of Armenians fled": the counted are the subject
        return lw in wd.prep  # "according" (to) is a preposition of function_words.csv
    return False


def _subject(ctx: _Ctx, lo: int, pos: int, *, unknown: bool = True, verb: int | None = None) -> Mention | None:
    """The nearest mention before ``pos`` in ``[lo, pos)`` that is not a prepositional object.

    With ``unknown``, a capitalised name the dictionary does not know can be the
    subject (its id stays ``None``, its words are kept). With ``verb`` (the
    offset of the verb), a mention inside a quotation or claim that does not hold
    the verb is none: "Pashinyan said *Armenia* would not be drawn into a war and
    accused Russia ..." (the claim ends before "and accused").
    """
    kinds = ("actor", "unknown") if unknown else ("actor",)
    for m in reversed([m for m in ctx.mentions if lo <= m.start and m.end <= pos and m.kind in kinds]):
        if verb is not None and _in_other_quote(ctx, m.start, verb):
            continue
        if not _is_prep_object(ctx, m, lo):
            return _genitive(ctx, m, pos)
    return None


def _in_other_quote(ctx: _Ctx, pos: int, verb: int) -> bool:
    """Whether ``pos`` is inside the content of a quotation or claim that ends before ``verb``."""
    return any(q.content_start <= pos < q.content_end <= verb for q in ctx.quotes)


def _claim_start(ctx: _Ctx, lo: int, pos: int) -> int:
    """``lo``, or the start of the content of the innermost quotation or claim holding ``pos`` if later."""
    q = ctx.quote_at(pos)
    return max(lo, q.content_start) if q is not None else lo


def _coordinated_subject(ctx: _Ctx, s: Sentence, pos: int) -> Mention | None:
    """The subject of the sentence for a predicate coordinated with its first one ("... and called for").

    The sentence's first actor that is not the object of a preposition (:func:`_main_subject`),
    when it stands before the coordinated verb at ``pos`` and outside any claim that ends before it:
    "Protesters blocked streets ... and demanded the resignation of Prime Minister Nikol Pashinyan"
    has no named subject (Pashinyan, after the verb, is its object).
    """
    m = ctx.main_subject(s)
    if m is None or m.end > pos or _in_other_quote(ctx, m.start, pos):
        return None
    return m


def _people_subject(ctx: _Ctx, lo: int, pos: int) -> Mention | None:
    """The subject words before the verb group at ``pos`` when they name people no mention covers.

    "five peacekeepers were killed", "dozens of civilians were wounded", "an official
    was detained": the phrase is headed by a group of people (the ``group`` rows of
    ``figure_words.csv``) or by a describing noun (``speaker_nouns.csv``). Its words and
    span are kept with id ``None``; a phrase of things ("the road was blocked") is none.
    A pronoun for people ("he was wounded", "“We were attacked”") is resolved as a
    source pronoun is (:func:`_resolve_pronoun`); unresolved, it keeps its words.
    """
    wd = _words()
    text = ctx.text
    while lo < pos and (text[lo].isspace() or text[lo] in OPENING_MARKS):
        lo += 1  # "“We were attacked": the quotation opens the clause
    subj = subject_of(text, lo, pos)
    if subj is None or subj.coordinated or subj.a >= subj.b or subj.b - subj.a > 80:
        return None
    words = text[subj.a:subj.b]
    if words.lower() in wd.people_pronouns:  # "he was wounded": the pronoun's actor, if it resolves
        actor, rule = _resolve_pronoun(ctx, subj.a, subj.b)
        return Mention(subj.a, subj.b, words, actor, "actor" if actor else "unknown", None, None,
                       rule=f"pronoun:{rule}")
    if not _names_people(text, subj.a, subj.b):
        return None
    return Mention(subj.a, subj.b, words, None, "unknown", None, None, rule="passive-subject")


@functools.cache
def _hedge_words() -> frozenset[str]:
    """The words of figure_words.csv's qualifiers ("at least", "nearly") and the articles."""
    return frozenset(w for q in figure_words().qualifiers for w in q.split()) | {"the", "a", "an"}


_QUOTE_MARKS = tuple("“”\"«»")


# the head of a subject ends at a preposition other than "of" ("civilians in the town"), one
# of the prepositions of data/function_words.csv
_PREP_NOT_OF = re.compile(rf"\s(?:{alternation(set(function_words('preposition')) - {'of'})})\s")
_OF = re.compile(r"\s+of\s+")


def _names_people(text: str, a: int, b: int) -> bool:
    """Is ``text[a:b]`` headed by a group of people or a describing noun?

    The head is the last word before a preposition ("civilians" of "civilians in
    the town"); after a count ("dozens of civilians", "a number of residents", "12 of
    the soldiers") it is the head of what is counted. Groups are the ``group`` rows of
    ``figure_words.csv``, counts its numbers, scales, magnitudes and indefinites.
    """
    cut = _PREP_NOT_OF.search(text, a, b)
    phrase = text[a:cut.start() if cut else b].lower()
    fw = figure_words()
    parts = _OF.split(phrase, maxsplit=1)
    if len(parts) == 2:
        count, phrase = parts
        hedges = _hedge_words()
        words = [w for w in count.split() if w not in hedges]  # "at least", "nearly", "the"
        counts = (fw.numbers, fw.scales, fw.magnitudes, fw.indefinites)
        # "a number of", "dozens of", "12 of", "some of": only counts and hedges before "of"
        counted = f"{count.strip()} of" in fw.indefinites or all(
            w.replace(",", "").isdigit() or any(w in c or f"{w} of" in c for c in counts) for w in words)
        if not counted:
            phrase = count  # "the homes of civilians": headed by its first noun
    phrase = phrase.rstrip(" ,.;:")
    words = phrase.split()
    if not words or words[0] in fw.subsets or PREP_START.match(phrase):
        return False  # "including the military": an aside, not the subject
    if words[-1] in fw.groups:
        return True
    noun = last_speaker_noun(phrase, 0, len(phrase))  # "an official", not "military actions"
    return noun is not None and noun.end() == len(phrase)


def _genitive(ctx: _Ctx, m: Mention, pos: int) -> Mention:
    """"Pashinyan's opponents staged ...": a possessive name before a noun is not the subject.

    The subject is the owned noun phrase, which the dictionary does not know:
    its words are kept with id ``None``.
    """
    gap = ctx.text[m.end:pos]
    if m.possessive and _LOWER_HEAD.match(gap) and not _INTENT_HEAD.match(gap):
        head = _LOWER_HEAD.match(gap)
        assert head is not None
        end = m.end + head.end()
        return Mention(m.start, end, ctx.text[m.start:end], None, "unknown", None, None, rule="genitive")
    return m


def _main_subject(ctx: _Ctx, s: Sentence) -> Mention | None:
    """The first actor of the sentence that is not the object of a preposition."""
    for m in ctx.actors_in(s.start, s.end):
        if not _is_prep_object(ctx, m, s.start):
            return _genitive(ctx, m, s.end)
    return None


def _force_of(ctx: _Ctx, m: Mention) -> Mention:
    """"Russian soldiers": an adjective of a state before a force noun is that state's armed forces."""
    wd = _words()
    if not m.adjective or m.entity_id is None:
        return m
    window = ctx.text[m.end:m.end + 30]
    after = window.lower().strip()
    lead = len(window) - len(window.lstrip())  # only white space stands before the noun
    for noun in wd.side_forces:
        rest = after[len(noun):].split()
        if after.startswith(noun) and not (rest and rest[0] in wd.military_heads):
            force = f"{m.entity_id}_ARMED_FORCES" if not noun.startswith("peacekeep") else \
                f"{m.entity_id}_PEACEKEEPERS"
            if actor_info(force) is not None:
                end = m.end + lead + len(noun)
                return dataclasses.replace(m, entity_id=force, end=end, text=ctx.text[m.start:end])
    return m


def _resolve_pronoun(ctx: _Ctx, start: int, end: int) -> tuple[str | None, str]:
    """A pronoun's actor id: a quote's speaker, else what the shared resolver says.

    The pronoun that is a quote's speaker is that speaker; "we" or "I" inside a
    quotation (and any pronoun in an indirect one) is its speaker; any other
    pronoun goes to :func:`karabakh.references.resolve_reference`.
    """
    word = ctx.text[start:end].lower()
    for sq in ctx.quotes:
        if sq.speaker_start == start:
            return sq.speaker_id, "quote-speaker"
    q = ctx.quote_at(start)
    if q is not None and (word in ("we", "i") or q.kind == "indirect"):
        return q.speaker_id, "enclosing-quote"
    actor, rule = ctx.resolve(start, end)
    return (actor, f"resolver:{rule}") if actor is not None else (None, "unresolved")


# ------------------------------------------------------------------ the coder


class _Trig:
    """A trigger match being coded: its span, lexicon rows, chosen row, and what the rules did to it."""

    __slots__ = ("absorbed", "end", "ext_end", "lead", "row", "rows", "start")

    def __init__(self, start: int, end: int, rows: tuple[EventVerb, ...]) -> None:
        self.start = start
        self.end = end
        self.rows = rows
        self.absorbed = False
        self.row: EventVerb | None = None
        self.ext_end = end  # where its telling ends (a compound or an object may extend it)
        self.lead: int | None = None  # an earlier start ("agreed to" before "capitulate")


def _choose(rows: tuple[EventVerb, ...], text: str, start: int) -> EventVerb:
    """Noun or verb reading of a form by the word before it."""
    wd = _words()
    if len(rows) == 1:
        return rows[0]
    prev = _prev_word(text, start)
    nounish = prev in wd.det or prev.endswith(("’s", "'s")) or prev in ("of", "for", "at", "in", "massive", "military") \
        or prev in phrase_negators() or _determined(text, start)
    if not nounish and _opens_clause(text, start):
        # "Attacks by Azerbaijani forces continued", "Shelling resumed": a plural or a gerund that opens
        # its sentence has no subject before it, so it is the noun (a bare form stays a verb: "Withdraw!")
        word = m.group().lower() if (m := _WORD.match(text, start)) else ""
        nounish = word.endswith("ing") or (word.endswith("s") and not word.endswith("ss"))
    for r in rows:
        if (r.kind == "noun") == nounish:
            return r
    return rows[0]


def _determined(text: str, start: int) -> bool:
    """Whether a determiner (or "no") stands one or two words before ``start`` with only modifiers between.

    "the large-scale attack", "an Azerbaijani attack", "no new attacks": the form is a noun.
    A word between that can head a subject (a plural: "the separatists attack"), a word of a
    verb group or a preposition ends the noun phrase.
    """
    wd = _words()
    words = [w for _s, _e, w in _words_before(text, start, 3)]
    for i in (len(words) - 2, len(words) - 3):
        if i < 0:
            break
        between = words[i + 1:]
        if any(w in wd.prep or w in _modality().verb_group or (w.endswith("s") and not w.endswith("ss"))
               or not w[:1].isalpha() for w in between):
            return False
        if f"{words[i]} {words[i + 1]}" in _modality().verb_group:
            return False  # "no longer shells": a verb group
        if words[i] in wd.det or words[i] in phrase_negators() or words[i].endswith(("’s", "'s")):
            return True
    return False


_CLAUSE_OPENERS = frozenset(".!?:;\"“”«»—–-(")


def _opens_clause(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a clause.

    Only white space stands between it and the start of the text, a sentence
    end, a colon or semicolon, a quotation mark, a dash or an opening bracket.
    """
    i = pos - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i < 0 or text[i] in _CLAUSE_OPENERS


def _mode(words: str) -> str | None:
    wd = _words()
    low = words.lower()
    for w, mode in wd.mode_words:
        if w in low:
            return mode
    return None


def _refine(code: str, obj: str) -> str:
    """A more specific code from the object of an appeal, a refusal or a promise."""
    wd = _words()
    low = obj.lower()
    if code == "020":
        if _ASK_INTERVENTION.search(low):
            return "0234"
        if _ASK_CEASEFIRE.search(low):
            return "0256"
        if _ASK_TALKS.search(low):
            return "026"
        if _ASK_MEDIATION.search(low):
            return "028"
    if code == "120":
        if _OFFER_AID.search(low):
            return "122"
        if _OFFER_TALKS.search(low):
            return "125"
    if code == "100":
        if _DEMAND_RESIGN.search(low):
            return "1041"
        if _DEMAND_CEASEFIRE.search(low):
            return "1056"
    if code == "030" and wd.end_of_fighting.search(low):
        return "0356"
    return code


def find_events(
    text: str,
    mentions: Sequence[Mention],
    quotes: Sequence[Quote],
    dates: Sequence[DateRef],
    sentences: Sequence[Sentence] | None = None,
    *,
    on: DatelineLike = None,
    figures: Sequence[Figure] | None = None,
    merge: bool = True,
    doc: Document | None = None,
) -> list[Event]:
    """Find and code the events an article tells, merged into event chains.

    Args:
        text: the article text (offsets index it).
        mentions: from :func:`karabakh.tag_mentions`.
        quotes: from :func:`karabakh.extract_quotes` (for ``reported_by`` and pronouns).
        dates: from :func:`karabakh.find_dates`.
        sentences: from :func:`karabakh.split_sentences`; split here if ``None``.
        on: the dateline (dates the sentences without a date of their own).
        figures: from :func:`karabakh.find_figures`, to link fatalities.
        merge: give tellings of one event the same ``event_id`` (see :func:`merge_events`).
        doc: the article's :class:`~karabakh.document.Document`, whose actor-reference
            resolver answers for pronouns and descriptions (built from ``text`` and
            ``mentions`` on first need if ``None``).

    Returns:
        One :class:`~karabakh.records.Event` per telling, in text order.

    >>> text = "Armenia called for talks. He promises an end to the attack if they disarm."
    >>> import karabakh as kb
    >>> ev = find_events(text, kb.tag_mentions(text), [], [])
    >>> [(e.text, e.code, e.modality) for e in ev]
    [('called for talks', '026', 'happened'), ('promises an end to the attack', '0356', 'conditional'), ('disarm', '0873', 'conditional')]
    """
    dateline = parse_dateline(on, where="find_events: on")
    sents = list(sentences) if sentences is not None else split_sentences(text)
    sdates = {s.sentence: s for s in sentence_dates(sents, dates, dateline)}
    ms = sorted((m for m in mentions), key=lambda m: m.start)
    for m in ms:
        if m.text != text[m.start:m.end]:
            raise ValueError(f"find_events: mention {m.text!r} at {m.start}-{m.end} does not match the text")
    ctx = _Ctx(text, ms, quotes, dateline, {}, all_mentions=ms, _doc=doc)
    starts = [m.start for m in ms]
    pending = sorted(quotes, key=lambda q: q.start)
    active: list[Quote] = []
    date_refs = sorted(dates, key=lambda d: d.start)
    date_starts = [d.start for d in date_refs]
    fig_refs = sorted(figures or (), key=lambda f: f.start)
    fig_starts = [f.start for f in fig_refs]
    k = 0
    out: list[Event] = []
    for s in sents:
        while k < len(pending) and pending[k].start < s.end:
            active.append(pending[k])
            k += 1
        active = [q for q in active if q.end > s.start]
        if s.is_header:
            continue
        found = _scan(text, s.start, s.end)
        if not found:
            continue
        ctx.focus(s, ms, starts, [q for q in active if q.start < s.end])
        trigs = [_Trig(a, b, rows) for a, b, words in found if (rows := _lookup(words))]
        trigs = [t for t in trigs if not ctx.inside_mention(t.start, t.end)]
        if not trigs:
            continue  # a sentence that tells no event: nothing more to read in it
        ctx.read_breaks(s)
        local_dates = date_refs[bisect.bisect_left(date_starts, s.start):bisect.bisect_left(date_starts, s.end)]
        dl = _DATELINE_PREFIX.match(text, s.start, s.end)
        ctx.body_lo = dl.end() if dl else s.start
        _absorb_quoted_labels(ctx, trigs)
        local_figs = fig_refs[bisect.bisect_left(fig_starts, s.start):bisect.bisect_left(fig_starts, s.end)]
        out.extend(_code_sentence(ctx, s, trigs, sdates.get(s.index), local_dates, local_figs))
    return _merge(out, fresh=True) if merge else out


# the roots whose words run on to their object ("calls for the intervention")
_CONTINUE = re.compile(r"\s+(?:will\s+|would\s+|to\s+)?(?:continue|continued|continues|resumed|resume|"
                       r"began|begin|started|start)\b", re.IGNORECASE)


# patterns read at an offset of the whole text (``pattern.match(text, pos)``, never a slice
# ``text[pos:]``: a copy of the rest of the article per trigger made long articles quadratic)
_BY_AFTER = re.compile(r"\s+by\s")
_OF_AFTER = re.compile(r"\s+of\s")
_ON_AFTER = re.compile(r"\s+(?:on|against)\s")  # "the attack of Azerbaijan on Karabakh": "of" is the agent
_AGAINST_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:against|with)\b")


_GOVERNOR = re.compile(r"\b(\w+)\s+(?:on\s+\w+\s+)?that\s+[^;:.]*$")


def _last_words(text: str, n: int) -> list[str]:
    """``_WORD.findall(text)[-n:]``, reading only as much of the end of ``text`` as it needs."""
    width = 16 * n
    while True:
        words = _WORD.findall(text, max(0, len(text) - width))
        if len(words) > n or width >= len(text):  # a word cut by the window is not among the last n
            return words[-n:]
        width *= 2


def _lower_words_between(text: str, lo: int, hi: int, n: int) -> list[str] | None:
    """``_last_words(text[lo:hi].lower(), n)`` read from the text index, or ``None`` where it cannot answer.

    It cannot when a word straddles ``lo`` or ``hi`` (the slice would cut it) or
    when the text has no lower-case form with the same offsets.
    """
    ix = _text_index(text)
    low, starts, ends = ix.low, ix.starts, ix.ends
    k = bisect.bisect_left(starts, lo)
    j = bisect.bisect_left(starts, hi)
    if low is None or (k and ends[k - 1] > lo) or (j and ends[j - 1] > hi):
        return None
    return [low[starts[i]:ends[i]] for i in range(max(k, j - n), j)]


def _comma_before(text: str, pos: int) -> bool:
    """True when the last character before ``pos`` that is not white space is a comma."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos > 0 and text[pos - 1] == ","


def _row(t: _Trig, text: str) -> EventVerb:
    if t.row is None:
        t.row = _choose(t.rows, text, t.start)
    return t.row


def _coordinated_speech(text: str, u: _Trig) -> bool:
    """Whether ``u`` is a finite speech act after "and" / "but": a predicate of its own, not part of an object.

    "urged Baku to allow aid into the region *and called on* both sides" tells two
    appeals; "urged Baku to halt the offensive and withdraw" one (a bare verb
    continues the infinitive).
    """
    wd = _words()
    if _row(u, text).kind != "speech" or _prev_word(text, u.start) not in wd.coordinators:
        return False
    first = text[u.start:u.end].split()[0].lower()
    return first.endswith("ed") or first in wd.not_base or (first.endswith("s") and not first.endswith("ss"))


def _absorb_quoted_labels(ctx: _Ctx, trigs: list[_Trig]) -> None:
    """Absorb a quoted label after an accusation: it characterises a deed, it is not one.

    "defined the offensive as 'an ethnic cleansing operation'" tells no second deed.
    """
    for q in ctx.quotes:
        if q.kind != "partial" or q.cue_start is None:
            continue
        cue_speech = any(t.start <= q.cue_start < t.ext_end and _row(t, ctx.text).kind == "speech"
                         and _row(t, ctx.text).root_code == "11" for t in trigs)
        if not cue_speech:
            continue
        for t in trigs:
            if q.content_start <= t.start < q.content_end:
                t.absorbed = True


def _code_sentence(ctx: _Ctx, s: Sentence, trigs: list[_Trig], sdate: SentenceDate | None,
                   dates: Sequence[DateRef], figures: Sequence[Figure]) -> list[Event]:
    wd = _words()
    text = ctx.text
    # an end of fighting needs a word of military action next to it ("until the end" is no event)
    keep: list[_Trig] = []
    for t in trigs:
        row = _row(t, text)
        if row.code == "087":
            after = _WORD.findall(text[t.end:min(s.end, t.end + 50)].lower())[:4]
            before = _WORD.findall(text[max(s.start, t.start - 60):t.start].lower())[-7:]
            if _prev_word(text, t.start) in ("until", "till", "the", "by") or \
                    wd.military_heads.isdisjoint(after + before):
                continue
        if row.code == "0234" and row.kind == "noun" and \
                _WORD.findall(text, t.end, min(s.end, t.end + 20))[:1] in ([u] for u in wd.unit_nouns):
            continue
        if row.code == "057" and row.kind == "noun" and _prev_word(text, t.start) not in wd.det | {"ceasefire"}:
            continue
        keep.append(t)
    trigs = keep
    for i, t in enumerate(trigs):
        if t.absorbed:
            continue
        row = _row(t, text)
        nxt = trigs[i + 1:]
        # compounds: "ethnic cleansing operation", "anti-terrorism measures" are one noun
        if row.kind == "noun" and nxt and _row(nxt[0], text).kind == "noun" and \
                _ONLY_SPACE.fullmatch(text[t.end:nxt[0].start]):
            t.absorbed = True
            nxt[0].start = min(nxt[0].start, t.start)
            continue
        # the object of an appeal, a promise, a demand, a refusal or a threat is not a deed
        if row.kind == "speech" and row.root_code in wd.absorbing_roots:
            stop = _target_stop(text, t.end, s.end)
            for u in nxt:
                if u.start >= stop or _coordinated_speech(text, u):
                    break  # "urged Baku to allow aid and called on both sides ...": a second speech act
                u.absorbed = True
                t.ext_end = max(t.ext_end, u.end)
        # "condemned the shelling", "accused Baku of ethnic cleansing": the condemned deed is its object
        if row.kind == "speech" and row.root_code == "11":
            for u in nxt[:2]:
                gap = text[t.end:u.start]
                if _row(u, text).kind == "noun" and _CONDEMNED_GAP.fullmatch(gap) and not _BREAK.search(gap):
                    u.absorbed = True
                    t.ext_end = max(t.ext_end, u.end)
                    break
        # "opened fire on a car, killing one person": the participle is the same telling
        if row.root_code == "19" and nxt and _row(nxt[0], text).root_code == "19" and \
                _COMMA_GAP.fullmatch(text[nxt[0].start - 2:nxt[0].start]) and \
                text[nxt[0].start:nxt[0].end].lower().endswith("ing") and not _BREAK.search(text, t.end, nxt[0].start):
            nxt[0].absorbed = True
        # "a drone strike hit a checkpoint", "No shells hit the town": a noun of force right before a verb
        # of force is its subject; one telling, the verb's, that starts at the noun (its modifiers name
        # the source, its words the mode)
        if row.kind == "noun" and row.root_code == "19" and nxt and _row(nxt[0], text).kind == "verb" and \
                _row(nxt[0], text).root_code == "19" and SPACE_RUN.fullmatch(text[t.end:nxt[0].start]):
            t.absorbed = True
            nxt[0].lead = t.start if nxt[0].lead is None else min(nxt[0].lead, t.start)
            continue
        # "agreed to capitulate": the infinitive is the event
        if row.code == "030" and nxt and SPACE_RUN.fullmatch(text[t.end:nxt[0].start]) and \
                text[t.start:t.end].lower().endswith("to"):
            t.absorbed = True
            nxt[0].lead = t.start
            continue
        # "was hit by a fire attack", "killed in the ambush": one telling, the noun gives the mode
        if row.kind in ("verb", "speech") and nxt and \
                (urow := _row(nxt[0], text)).kind == "noun" and urow.root_code == row.root_code:
            u = nxt[0]
            gapw = _WORD.findall(text[t.end:u.start].lower())
            if len(gapw) <= 4 and \
                    gapw and gapw[0] in ("by", "in", "under", "with") and "," not in text[t.end:u.start]:
                u.absorbed = True
                t.ext_end = max(t.ext_end, u.end)
        # "military actions ... are stopped", "ended the fighting": the stop is the event
        # (a few words apart, with no verb of saying between: "announced an operation ... and said it
        # would halt ..." tells the operation and a promise)
        if row.kind == "noun" and row.root_code == "19" and nxt and _row(nxt[0], text).code == "087" and \
                not _BREAK.search(text, t.end, nxt[0].start) and \
                len(gap19 := [w.lower() for w in _WORD.findall(text, t.end, nxt[0].start)]) <= 6 and \
                not any(w in wd.saying or w in _cues_prefix("light") for w in gap19):
            t.absorbed = True
        if row.code == "087" and row.kind == "verb" and nxt and _row(nxt[0], text).root_code == "19" and \
                _row(nxt[0], text).kind == "noun" and len(text[t.end:nxt[0].start].split()) <= 3 and \
                not _BREAK.search(text, t.end, nxt[0].start):
            nxt[0].absorbed = True
            t.ext_end = nxt[0].end
        # coordinated verbs or nouns of one root sharing their actor: "lay down their weapons and
        # are disarmed", "dissolution and complete disarmament"
        if nxt and not nxt[0].absorbed:
            u = nxt[0]
            urow = _row(u, text)
            between = text[t.ext_end:u.start]
            same_kind = (row.kind == urow.kind == "noun") or (row.kind in ("verb", "speech") and
                                                               urow.kind in ("verb", "speech"))
            if urow.root_code == row.root_code and same_kind and len(between.split()) <= 4 and \
                    _COORD_TAIL.search(between) and \
                    not ctx.actors_in(t.ext_end, u.start) and not _BREAK.search(between):
                u.absorbed = True
                t.ext_end = u.end
    out: list[Event] = []
    prev: Event | None = None
    live = [t for t in trigs if not t.absorbed]
    for i, t in enumerate(live):
        limit = live[i + 1].start if i + 1 < len(live) else s.end
        evs = _code_one(ctx, s, t, _row(t, text), sdate, dates, figures, prev, limit)
        out.extend(evs)
        prev = evs[0]
    return out




def _imperative(text: str, q: Quote, start: int, matched: str) -> bool:
    """Whether the verb group at ``start`` is an imperative opening the quotation ``q``.

    It opens ``q``'s content (after quotation marks, "please", "do not" / "don't"),
    and its verb is a base form: not -ed, -ing, -s, nor a past form ("struck").
    """
    wd = _words()
    lead = text[q.content_start:start].strip(" \t\n\"“”'‘’«»").lower()
    if q.content_start > start or lead not in ("", "please"):
        return False
    first = matched.split()[0] if matched.split() else ""
    return bool(first) and first.isalpha() and first not in wd.not_base and \
        not first.endswith(("ed", "ing", "ment", "tion")) and not (first.endswith("s") and not first.endswith("ss"))


def _group_words(words: Sequence[str], k: int, aux: frozenset[str]) -> int:
    """How many of the words before ``words[k]`` (1 or 2, else 0) are one word or phrase of a verb group.

    A word of ``aux``, a negated auxiliary ("didn't"), or two words that are one
    entry of ``aux`` ("no longer").
    """
    if k > 0 and (words[k - 1] in aux or negates_verb(words[k - 1])):
        return 1
    return 2 if k > 1 and f"{words[k - 2]} {words[k - 1]}" in aux else 0


def _light_verb_group(words_before: list[str], light: dict[str, str], aux: frozenset[str]) -> str:
    """The auxiliaries before a light verb that governs a noun trigger ("will launch an offensive" -> "will ").

    ``words_before``: the last words of the clause before the noun phrase (lower
    case). The light verb is one of the last three of them that are not
    determiners; the auxiliaries are the words just before it that are in ``aux``.
    """
    wd = _words()
    words = [w for w in words_before if w not in wd.det]
    for i in range(len(words) - 1, max(-1, len(words) - 4), -1):
        if words[i] in light and light[words[i]] != "adjunct":
            j = i
            while n := _group_words(words, j, aux):
                j -= n
            return "".join(w + " " for w in words[j:i])
    return ""


def _code_one(ctx: _Ctx, s: Sentence, t: _Trig, row: EventVerb, sdate: SentenceDate | None,
              dates: Sequence[DateRef], figures: Sequence[Figure], prev: Event | None,
              limit: int) -> list[Event]:
    wd = _words()
    text = ctx.text
    mc = _modality()
    light = mc.light
    trig_start = t.lead if t.lead is not None else t.start
    clause_lo = max(ctx.last_break(trig_start), ctx.body_lo)
    clause_hi = ctx.next_break(t.ext_end, s.end)
    target_hi = _target_stop(text, t.ext_end, s.end)
    target_hi = max(min(target_hi, limit), t.ext_end)
    start = trig_start
    kind = row.kind if row.kind != "code" else "verb"
    before = _words_before(text, trig_start, 6)
    aux = mc.verb_group
    passive = False
    matched = text[t.start:t.end].lower()
    if kind in ("verb", "speech"):
        k, before_words = len(before), [w for _ws, _we, w in before]
        while (n := _group_words(before_words, k, aux)) and before[k - n][0] >= clause_lo:
            k -= n
            start, word = before[k][0], before_words[k]
            if (word in mc.passive or (word[:-3] in mc.passive and negates_verb(word))) and \
                    _PARTICIPLE.match(matched):
                passive = True  # "was shelled", "wasn't shelled"
        if matched.startswith(("came under", "come under", "comes under")):
            passive = True
        elif not passive and _ED_FORM.fullmatch(matched) and (
                _BY_AFTER.match(text, t.end) or (row.kind == "speech" and _OF_AFTER.match(text, t.end)
                                                 and _comma_before(text, start))):
            passive = True  # a participle: "X, already accused of ...", "... brokered by Russia"
        if passive:
            kind = "passive"
    else:
        for ws, _we, low in reversed(before):
            if ws < clause_lo or low in wd.mod_stop or low in wd.det:
                if low in wd.det and ws >= clause_lo:
                    start = ws
                break
            start = ws
        lead = text[max(clause_lo, start - 30):start]
        phase = _PHASE_OF.search(lead) if lead.rstrip()[-2:].lower() == "of" else None  # "... of" ends it
        if phase:
            start = max(clause_lo, start - 30) + phase.start()
    end = t.ext_end
    words_before = [w for ws, _e, w in _words_before(text, start, 4) if ws >= clause_lo]
    # "took part in the attacks", "not involved in the offensive": a noun's participant, and a denial
    part = _participation(text, clause_lo, start) if kind == "noun" else None

    src: Mention | None = None
    src_rule = ""
    tgts: list[Mention] = []
    src_words: tuple[int, int] | None = None
    if kind == "passive":
        lo = max(ctx.last_break(start, quotes=False), ctx.body_lo)  # not into a dateline ("YEREVAN (...) -")
        claim = ctx.quote_at(start)
        if claim is not None and claim.kind == "indirect" and claim.content_start <= start:
            # "The ministry said five peacekeepers were killed": the speaker is no subject of
            # the reported passive; its target is inside the reported clause
            lo = max(lo, claim.content_start)
        tg = _subject(ctx, lo, start, unknown=False)
        if tg is None:
            inside = [m for m in ctx.actors_in(lo, start)
                      if not _AGENT_BEFORE.search(text[max(lo, m.start - 20):m.start])]
            tg = inside[-1] if inside else None
        reduced = start == t.start and not matched.startswith(("came", "come"))
        if tg is None and not reduced:
            tg = _people_subject(ctx, lo, start)  # "five peacekeepers were killed"
        if tg is not None and not reduced:
            tgts = [tg]
        by = _BY_AGENT.match(text, end, s.end)
        frm = _FROM_AGENT.match(text, t.ext_end, s.end)
        if frm:
            pos = frm.end()
            for m in ctx.actors_in(pos, s.end):
                if m.start - pos <= 2:
                    src, src_rule = m, "from"
                break
        if by and src is None:
            pos = by.end()
            for m in ctx.actors_in(pos, s.end):
                if m.start - pos <= 2:
                    src, src_rule = m, "by"
                    if text[start:end].lower().split()[0] not in mc.passive_or_aux:
                        end = m.end  # a reduced passive: the agent is part of its telling
                break
    elif kind == "noun":
        inner = [m for m in ctx.actors_in(start, t.start) if m.kind == "actor"]
        if inner:
            src, src_rule = inner[-1], "modifier"
        else:
            by = _NOUN_AGENT.match(text, end, s.end)
            if by:
                pos = by.end()
                cand = [m for m in ctx.actors_in(pos, min(s.end, pos + 70))
                        if not _BREAK.search(text, pos, m.start) and " and on " not in text[pos:m.start]]
                if cand and by.group(1) == "of" and row.root_code in _cue("of-object") and \
                        cand[0].start - pos <= 20 and not _ON_AFTER.match(text, cand[0].end):
                    tgts = [cand[0]]  # "the shelling of Stepanakert", "the arrest of Ruben Vardanyan"
                elif cand and (by.group(1) != "of" or cand[0].start - pos <= 50):
                    src, src_rule = cand[0], by.group(1)
            if src is None and part:
                src, src_rule = _subject(ctx, clause_lo, part.start()), "participant"
            if src is None:
                lw: list[str] = [w for w in words_before if w not in wd.det]
                lv = next((w for w in reversed(lw[-3:]) if w in light), None)
                if lv is None and len(lw) >= 2 and " ".join(lw[-2:]) in light:
                    lv = " ".join(lw[-2:])
                if lv is not None and light.get(lv) != "adjunct":
                    src, src_rule = _subject(ctx, clause_lo, start), "light-verb"
                    if src is None and (rel := _relative_antecedent(ctx, text, s, clause_lo, prev)) is not None:
                        src, src_rule = rel, "relative"
                    if src is None:
                        src_words = _pronoun_subject(text, clause_lo, start)
                elif row.code in wd.reciprocal:
                    src, src_rule = _subject(ctx, s.start, start), "reciprocal"
                elif (cont := _CONTINUE.match(text, end)) is not None:
                    end = cont.end()
        if row.code in wd.reciprocal or _AGAINST_AFTER.match(text, end):
            tgts = _targets(ctx, end, target_hi, src, strict=False) or tgts
    else:  # active verb or speech act
        src = _subject(ctx, clause_lo, start, verb=t.start)
        src_rule = "subject"
        np_ = _possessive_np(ctx, clause_lo, start)
        if np_ is not None:
            src, src_rule, src_words = np_
        if src is None and (rel := _relative_antecedent(ctx, text, s, clause_lo, prev)) is not None:
            src, src_rule = rel, "relative"
        if src is None:
            if _prev_word(text, start) in wd.coordinators:  # "... but called for guarantees"
                src, src_rule = _coordinated_subject(ctx, s, start), "coordinated"
            if src is None:
                # a pronoun before the claim that holds the verb is its speaker, not its subject:
                # "They said the army would attack"
                src_words = _pronoun_subject(text, _claim_start(ctx, clause_lo, t.start), start)
        tgts = _targets(ctx, t.end, target_hi, src)
        own = _OWN_OBJECT.match(text, t.end, target_hi)
        if not tgts and own and row.root_code in ("10", "11", "12"):
            persons = [m for m in ctx.actors_in(s.start, t.start) if m.type == "person"]
            if persons:
                tgts = [persons[-1]]
    if src is not None:
        src = _force_of(ctx, src)
    tgts = [_force_of(ctx, m) for m in tgts]
    if not tgts and kind in ("verb", "speech") and row.root_code != "19":
        for p in ctx.places_in(end, target_hi):
            if _prev_word(text, p.start) in ("of", "against") and p.entity_id in _POLITY_PLACES:
                tgts = [dataclasses.replace(p, entity_id=_POLITY_PLACES[p.entity_id], kind="actor")]
            break
    # the words of an appeal or call run to its object: "calls for the intervention"
    if kind in ("speech", "noun") and row.root_code in wd.object_roots:
        obj = (_SPEECH_OBJECT if kind == "speech" else _NOUN_OBJECT).match(text, end, target_hi)
        if obj:
            end = obj.end()
            last = _words_before(text, end, 1)
            if last and (last[0][2] in wd.coordinators or last[0][2] in _modality().verb_aux):
                cut = last[0][0]  # "a ceasefire | and", "The ceasefire | was"
                while cut > end - len(obj.group()) and text[cut - 1].isspace():
                    cut -= 1
                end = max(t.ext_end, cut)
    end = max(end, t.ext_end)

    source_id: str | None
    source_text: str | None
    ss: int | None
    se: int | None
    if src is not None:
        source_id, source_text, ss, se = src.entity_id, src.text, src.start, src.end
    elif src_words is not None:
        ss, se = src_words
        source_text = text[ss:se]
        source_id, src_rule = _resolve_pronoun(ctx, ss, se)
        src_rule = "pronoun:" + src_rule
    else:
        source_id = source_text = ss = se = None
        if kind in ("verb", "speech"):
            np_lo = _claim_start(ctx, clause_lo, t.start)  # "They said | the army would attack"
            np = text[np_lo:start].strip(" ,")
            if np and len(np.split()) <= 8 and np.split()[0].lower() in wd.det | {"most", "some", "many"} and \
                    not all(w.lower() in wd.det for w in np.split()):  # "An | agreement was reached": no subject
                ss = text.index(np, np_lo)
                se, source_text = ss + len(np), np
                # a description ("the ministry") is whoever the shared resolver says it is
                source_id, rule = ctx.resolve(ss, se)
                if source_id is not None:
                    src_rule = f"resolver:{rule}"

    # modality
    q = ctx.quote_at(t.start)
    if q is not None and q.kind == "indirect" and _NP_START.match(q.content) and \
            any(light.get(w) in ("", "announced") for w in (q.cue or "").lower().split()):
        q = None  # "announced an impeachment trial": a noun-phrase object, not a claim
    group = text[start:t.start].lower()  # the auxiliaries before the trigger, often none
    if kind == "noun":  # "will launch an offensive", "did not carry out strikes": the light verb's group
        group = _light_verb_group(words_before, light, aux) + group
    sent_before = text[s.start:start].lower()
    # the last words before the verb group: read only where a negation or denial could be among them
    denying = mc.denied_words
    near_before = ""
    negators = negator_substrings()
    if _holds(sent_before, negators) or _holds(sent_before + group, denying):
        # not across a quotation mark: "“... the world must not look away,” Pashinyan told a meeting"
        near_lo = s.start + 1 + max(map(sent_before.rfind, _QUOTE_MARKS))
        words = _lower_words_between(text, near_lo, start, 6)
        near_before = " ".join(words if words is not None else _last_words(sent_before[near_lo - s.start:], 6))
    modality = "happened"
    announcing = mc.announcing
    context: list[str] = list(row.plover_context)
    # Each test below first asks whether a word its pattern needs is there at all (a substring
    # test of the same lower-case text, so nothing it would find is missed), most are not.
    governs = text[_last_strong(text, s.start, start):start].lower() if _holds(
        sent_before, mc.conditional_words) else ""
    # the governor of a "that" clause stands after the last ; : or . (none may follow "that")
    cut = max(sent_before.rfind(";"), sent_before.rfind(":"), sent_before.rfind(".")) + 1
    gov = _GOVERNOR.search(sent_before, cut) if (
        "that" in sent_before[cut:] and ctx.sentence_holds(wd.governing)) else None
    governor = gov.group(1) if gov else ""
    neg = bool(group and negation_pattern().search(group)) or (
        _holds(near_before, negators) and bool(_aux_negation().search(near_before)))
    if part and part.group(1):
        neg = True
    if not neg and _negated_phrase(text, clause_lo, start, noun=kind == "noun"):
        neg = True  # "there was no attack", "ended without a deal", "No shells hit the town"
    conditional = mc.conditional
    plans = mc.plans
    if (governs and conditional.search(governs)) or (group and mc.conditional_aux.search(group)):
        modality = "conditional"
    elif group and mc.modal.search(group) and \
            conditional.search(text[t.end:_next_stop(text, t.end, s.end, _STRONG)]):
        modality = "conditional"
    elif (_holds(sent_before, mc.threatened_words) and mc.threatened.search(sent_before)) or \
            wd.governed.get(governor) == "threatened":
        modality = "threatened"
    elif q is not None and kind in ("verb", "speech") and src is None and src_words is None and \
            _imperative(text, q, start, matched) and not _BY_AFTER.match(text, t.end) and \
            mc.verb_aux.isdisjoint(  # "shell companies were ...": no verb
                _WORD.findall(text[t.end:t.end + 40].lower())[:4]):
        modality = "demanded"  # a quotation that opens with a bare verb: "Lay down your weapons," ...
    elif neg or (_holds(near_before + " " + group, denying) and mc.denied.search(near_before + " " + group)) or \
            wd.governed.get(governor) == "denied":
        modality = "denied"
    elif (group and mc.demanded.search(group)) or wd.governed.get(governor) == "demanded":
        modality = "demanded"
    elif (ctx.sentence_holds(plans.plan_words) and plans.plan.search(text[s.start:trig_start].lower()[-70:])) or \
            (_holds(sent_before, plans.agreement_words) and (plans.agreement.search(sent_before[-80:]) or
                                                             _ON_END.search(sent_before))):
        modality = "planned"
    elif group and mc.planned_aux.search(group):
        cue = (q.cue or "").lower() if q else ""
        modality = "announced" if any(w in announcing for w in cue.split()) else "planned"
    elif not announcing.isdisjoint([w for w in words_before if w not in wd.det][-4:]):
        modality = "announced"
    elif kind == "speech" and row.root_code == "03" and _IF.search(text[t.end:s.end]):
        modality = "conditional"
    elif q is not None:
        modality = "reported"
    if modality in ("planned", "announced", "threatened") and "future" not in context:
        context.append("future")
    if modality in ("conditional", "demanded"):
        context.append("hypothetical")

    code = row.code
    if kind == "speech" or row.code == "030":
        code = _refine(code, text[t.start:target_hi])
    mode = row.plover_mode
    m_ = _mode(text[clause_lo:clause_hi]) if (  # only an assault has a mode
        row.root_code == "19" and ctx.sentence_holds(wd.mode_keys)) else None
    if m_:
        mode = {"aerial": "aerial", "artillery": "heavy-weapons", "firearms": "firearms"}[m_]
        if code == "190":
            code = {"aerial": "195", "artillery": "194", "firearms": "193"}[m_]
    info = _codes().get(code, row)

    date, prec, drule = _date_of(text, s, trig_start, start, clause_lo, min(clause_hi, target_hi), sdate, dates,
                                 ctx.body_lo, kind == "verb")
    if date and ctx.dateline and _is_background(date, ctx.dateline):
        context.append("historical")

    place = None
    for p in ctx.places_in(end, clause_hi) + ctx.places_in(clause_lo, start):
        direct = _THE_GAP.fullmatch(text[t.end:p.start]) is not None
        if p.entity_id is not None and (direct or _prev_word(text, p.start) in wd.locative_or_of):
            place = p
            break
    pinfo = place_info(place.entity_id) if place and place.entity_id else None

    fat: Figure | None = None
    if row.root_code in ("18", "19", "20"):
        for f in figures:
            if s.start <= f.start < s.end and f.category == "killed" and f.low is not None and \
                    f.part_of is None and (fat is None or (fat.low or 0) > f.low):
                fat = f

    first = tgts[0] if tgts else None
    ev = Event(
        start=start, end=end, text=text[start:end], sentence=s.index, kind=kind,
        source_id=source_id, source_text=source_text, source_start=ss, source_end=se,
        source_rule=src_rule or None,
        target_id=first.entity_id if first else None, target_text=first.text if first else None,
        target_start=first.start if first else None, target_end=first.end if first else None,
        code=code, root_code=code[:2], label=info.label, goldstein=info.goldstein,
        plover_type=info.plover_type, plover_mode=mode, plover_context=tuple(dict.fromkeys(context)) if len(context) > 1 else tuple(context),
        place_id=place.entity_id if place else None, place_text=place.text if place else None,
        lat=pinfo.lat if pinfo else None, lon=pinfo.lon if pinfo else None,
        date=date, date_precision=prec, date_rule=drule, modality=modality,
        reported_by=q.speaker_id if q else None, reported_by_text=q.speaker_text if q else None,
        fatalities=fat.low if fat else None, fatalities_text=fat.text if fat else None,
        clause_start=clause_lo, clause_end=clause_hi, clause_text=text[clause_lo:clause_hi],
    )
    # one record per target (coordinated targets: "attacked Armenia and Russia")
    return [ev, *(_with_target(ev, m) for m in tgts[1:])]


# what ends the subject a negator heads, going right to left: a word of saying, a conjunction, a comma


@functools.cache
def _phrase_negator_re() -> re.Pattern[str]:
    """Any phrase negator as a whole word, case ignored (a guard: it finds no less than the word tests)."""
    return re.compile(rf"(?<![\w'’])(?:{alternation(phrase_negators())})(?![\w'’])", re.IGNORECASE)


def _negated_phrase(text: str, lo: int, start: int, *, noun: bool) -> bool:
    """Whether a negator of a noun phrase (``phrase_negators``: "no", "without", "nobody") negates the telling.

    A noun: the negator opens its phrase or stands just before it ("no attack on
    civilians", "without a deal"). A verb or a passive: the negator heads its subject,
    among the last four words before the verb group with no word of saying, conjunction
    or comma after it ("No shells hit the town", "said no civilians were hurt",
    "nobody was detained", "has no plans to attack"); a preposition ("without") heads no subject.
    """
    # most tellings have no negator near them: one search of the window first (the
    # four words before reach back at most 12 * 4 + 20 characters, see _words_before)
    wd = _words()
    if not _phrase_negator_re().search(text, max(lo, start - 68), start + 20):
        return False
    negators = phrase_negators()
    words = [(ws, we, w) for ws, we, w in _words_before(text, start, 4) if ws >= lo]
    if noun:
        first = _WORD.match(text, start)
        return bool(first and first.group().lower() in negators) or bool(
            words and words[-1][2] in negators) or (
            len(words) > 1 and f"{words[-2][2]} {words[-1][2]}" in negators)
    for i in range(len(words) - 1, -1, -1):
        _ws, we, w = words[i]
        if w in wd.subject_ends or w in _modality().verb_aux or "," in text[we:start]:
            return False
        two = f"{words[i - 1][2]} {w}" if i else ""
        if (w in negators or two in negators) and w not in wd.prep:
            return True
    return False


def _relative_antecedent(ctx: _Ctx, text: str, s: Sentence, clause_lo: int,
                         prev: Event | None) -> Mention | None:
    """"the Karabakh authorities, who agreed": the actor (or event's source) before who/which/that."""
    lead = text[max(s.start, clause_lo - 12):clause_lo]
    m = _RELATIVE_END.search(lead) if lead.rstrip().endswith(("who", "which", "that")) else None
    if not m:
        return None
    pos = max(s.start, clause_lo - 12) + m.start()
    for a in reversed(ctx.actors_in(s.start, pos + 1)):
        if pos - a.end <= 2:
            return a
        break
    if prev is not None and pos - prev.end <= 2 and prev.source_id is not None and prev.source_start is not None:
        for a in ctx.mentions:
            if a.start == prev.source_start:
                return a
    return None




def _possessive_np(ctx: _Ctx, lo: int, start: int) -> tuple[Mention | None, str, tuple[int, int] | None] | None:
    """A subject noun phrase with a possessor: "its units", "Our army", "Pashinyan's opponents".

    A possessive pronoun is resolved like a pronoun; with a force noun ("army",
    "units") the subject is that side's armed forces. A possessive name before
    another noun is a genitive: the subject is the noun's owner's ... unknown, so
    the words are kept with id ``None``.
    """
    wd = _words()
    text = ctx.text
    words = [(ws, we, w) for ws, we, w in _words_before(text, start, 5) if ws >= lo]
    for i, (ws, _we, lw) in enumerate(words):
        if lw in wd.possessive and len(words) - 3 <= i < len(words) - 1:  # one to two words follow it
            rest = " ".join(x[2] for x in words[i + 1:])
            pid, rule = _resolve_pronoun_word(ctx, ws, words[-1][1], wd.possessive[lw])
            force = next((f for f in wd.side_forces if rest.startswith(f)), None)
            if pid is not None and force:
                info = actor_info(pid)
                side_force = f"{info.side}_ARMED_FORCES" if info else None
                if side_force and actor_info(side_force) is not None:
                    pid = side_force
            fake = Mention(ws, words[-1][1], text[ws:words[-1][1]], pid, "actor", None, None,
                           rule="possessive-pronoun")
            return fake, "pronoun:" + rule, None
    for m in reversed(ctx.actors_in(lo, start)):
        if m.possessive and _OWNED_NOUN.fullmatch(text[m.end:start]):
            owned = text[m.start:start].rstrip()
            fake = Mention(m.start, m.start + len(owned), owned, None, "unknown", None, None, rule="genitive")
            return fake, "genitive", None
        break
    return None


def _resolve_pronoun_word(ctx: _Ctx, start: int, end: int, word: str) -> tuple[str | None, str]:
    """The possessor of ``text[start:end]`` ("its troops", "Our army").

    "our" / "my" inside a quotation (any possessive in an indirect one) is its
    speaker; otherwise the shared resolver reads the whole phrase (it gives
    "its army" as the armed forces of the antecedent's side).
    """
    q = ctx.quote_at(start)
    if q is not None and (word in ("we", "i") or q.kind == "indirect"):
        return q.speaker_id, "enclosing-quote"
    actor, rule = ctx.resolve(start, end)
    return (actor, f"resolver:{rule}") if actor is not None else (None, "unresolved")


def _pronoun_subject(text: str, lo: int, start: int) -> tuple[int, int] | None:
    """A pronoun subject: just before the verb group, or opening the clause."""
    wd = _words()
    words = [(ws, we, w) for ws, we, w in _words_before(text, start, 12) if ws >= lo]
    near = [x for x in words[-3:] if x[2] in wd.pronouns]
    if near:
        return near[-1][0], near[-1][1]
    if words and words[0][2] in wd.pronouns:
        return words[0][0], words[0][1]
    return None


def _last_strong(text: str, lo: int, pos: int) -> int:
    """Start of the stretch after the last ; or : (quotation marks do not cut it)."""
    cut = lo
    for m in _STRONG_CUT.finditer(text[lo:pos]):
        cut = lo + (m.start() if m.group().lower() in ("if", "unless") else m.end())
    return cut


def _targets(ctx: _Ctx, lo: int, hi: int, src: Mention | None, *, strict: bool = True) -> list[Mention]:
    """Actor mentions after the verb: a direct object, or after a target preposition; coordination kept.

    A mention that begins a new clause (a verb or auxiliary follows it) is not a target.
    """
    wd = _words()
    out: list[Mention] = []
    aux = _modality().verb_aux
    for m in [m for m in ctx.actors if lo <= m.start < hi]:
        if src is not None and m.entity_id == src.entity_id:
            continue
        after = _WORD.findall(ctx.text[m.end:m.end + 20].lower())
        if after and after[0] in aux:
            break
        gap = ctx.text[out[-1].end if out else lo:m.start]
        words = [w.lower() for w in _WORD.findall(gap)]
        content = [w for w in words if w not in wd.det]
        if out:
            if content in (["and"], ["or"]) or (not content and "," in gap):
                out.append(m)
                continue
            break
        if content[:1] == ["and"] and strict:
            break
        if len(content) > 4:
            break
        prep = next((w for w in reversed(content) if w in wd.prep), None)
        if prep is None or prep in wd.target_prep:
            out.append(m)
        elif prep in wd.locative or prep in ("by", "for", "from"):
            break
    return out


def _date_value(d: DateRef) -> tuple[str | None, str | None]:
    """A date's value and precision for an event (a day without its time of day)."""
    if d.value is None:
        return None, None
    if d.granularity in ("day", "part_of_day"):
        return d.value[:10], d.granularity
    return d.value, d.granularity


def _date_of(text: str, s: Sentence, trig_start: int, start: int, clause_lo: int, clause_hi: int,
             sdate: SentenceDate | None, dates: Sequence[DateRef],
             body_lo: int = -1, kind_verb: bool = False) -> tuple[str | None, str | None, str]:
    val = _date_value
    usable = [d for d in dates if d.kind == "date" and d.value is not None and body_lo <= d.start < s.end]
    if not usable:  # no date of its own in the sentence: the sentence's date
        return ((sdate.day or sdate.value), sdate.granularity, sdate.rule) if sdate is not None else (
            None, None, "unknown")
    # a date modifying the event noun: "the 2020 war", "yesterday's attack"
    for d in usable:
        if start <= d.start < trig_start or (d.end <= start and start - d.end <= 2):
            v, g = val(d)
            return v, g, "noun"
    in_clause = [d for d in usable if clause_lo <= d.start < clause_hi and not d.attributive]
    in_adjunct = [d for d in usable if trig_start < d.start < clause_hi and d.attributive and
                  len(text[trig_start:d.start].split()) <= 5 and _IN_THE_END.search(text[max(s.start, d.start - 12):d.start]) and _WAR_AFTER.match(text[d.end:d.end + 20])]
    for d in sorted(in_clause, key=lambda d: (d.start < trig_start, abs(d.start - trig_start))):
        v, g = val(d)
        return v, g, "clause"
    # "recovered territory in the 2020 war": a deed told inside a dated war
    if kind_verb:
        for d in in_adjunct:
            v, g = val(d)
            return v, g, "adjunct"
    # "... the 2020 war in which Azerbaijan recovered ..."
    lead = text[max(s.start, clause_lo - 16):clause_lo].lower()
    if ("in" in lead or "when" in lead) and (_IN_WHICH_END.search(lead + " ") or _IN_END.search(lead)):
        for d in reversed(usable):
            if d.end <= clause_lo and d.attributive:
                v, g = val(d)
                return v, g, "relative"
    # a day told earlier in the same sentence (not in its dateline prefix): "shelled X on Tuesday, and
    # drones struck Y"
    earlier = [d for d in usable if d.end <= start and not d.attributive and d.granularity in ("day", "part_of_day")]
    if earlier and body_lo > s.start:
        v, g = val(earlier[-1])
        return v, g, "sentence"
    if sdate is not None:
        if body_lo > s.start and sdate.source_start is not None and sdate.source_start < body_lo:
            v2 = [d for d in usable if d.granularity in ("day", "part_of_day") and not d.attributive]
            if v2:
                v, g = val(v2[0])
                return v, g, "sentence"
        return (sdate.day or sdate.value), sdate.granularity, sdate.rule
    return None, None, "unknown"


@functools.lru_cache(maxsize=4096)
def _is_background(value: str, dateline: dt.date) -> bool:
    """True when the date ends more than 30 days before the dateline."""
    m = _DATE_PARTS.match(value.split("/")[-1])
    if not m:
        return False
    y = int(m.group(1))
    last = value.split("/")[-1]
    if len(last) == 2 and "/" in value:  # "1992/94"
        y = int(value[:2] + last)
    mo = int(m.group(2)) if m.group(2) else 12
    day = int(m.group(3)) if m.group(3) else 28
    try:
        end = dt.date(y, mo, day)
    except ValueError:
        return False
    return (dateline - end).days > 30


# --------------------------------------------------------------------- chains

_OCCURRED = frozenset({"happened", "reported", "announced"})
#: how many of the most recently told events a telling is compared with (keeps long texts linear)
_CHAIN_WINDOW = 15


@functools.cache
def _side(actor_id: str | None) -> str | None:
    if actor_id is None:
        return None
    info = actor_info(actor_id)
    return info.side if info else actor_id


def _place_kind(place_id: str | None) -> str:
    info = place_info(place_id) if place_id else None
    return info.kind if info else ""


def _day(value: str | None) -> dt.date | None:
    if value and _ISO_DAY.fullmatch(value):
        return dt.date.fromisoformat(value)
    return None


def _dates_fit(date: str | None, weak: bool, e: Event) -> bool:
    """Whether a telling dated ``date`` (``weak``: only by the dateline) can be the event ``e`` tells."""
    if date == e.date:
        return True
    da, db = _day(date), _day(e.date)
    if da is None or db is None:
        return False
    weak_e = e.date_rule == "dateline"
    if weak and not weak_e:
        return 0 <= (da - db).days <= 2
    if weak_e and not weak:
        return 0 <= (db - da).days <= 2
    return False


class _Chain:
    """The tellings of one event so far, as the merge rules read them.

    Each distinct telling (by :func:`_telling_key`: same sides, date, place,
    speaker ...) is read once into the sets the rules ask about, so a long
    article with many tellings of one event stays linear.
    """

    __slots__ = ("dates", "event_id", "first", "hist", "keys", "places", "reporters", "said", "src_sides",
                 "tgt_sides")

    def __init__(self, event_id: str, e: Event, key: tuple[Any, ...]) -> None:
        self.event_id = event_id
        self.first = e
        self.keys: set[tuple[Any, ...]] = set()
        self.hist: set[bool] = set()  # whether each telling is background
        self.dates: set[tuple[str | None, bool]] = set()  # (date, dated only by the dateline)
        self.reporters: set[str | None] = set()
        self.said: set[tuple[str | None, str | None]] = set()  # (reported_by, side of the source)
        self.places: set[str] = set()
        self.src_sides: set[str | None] = set()
        self.tgt_sides: set[str | None] = set()
        self.add(e, key)

    def add(self, e: Event, key: tuple[Any, ...]) -> None:
        if key in self.keys:
            return
        self.keys.add(key)
        self.hist.add("historical" in e.plover_context)
        self.dates.add((e.date, e.date_rule == "dateline"))
        self.reporters.add(e.reported_by)
        if e.source_id:
            self.said.add((e.reported_by, _side(e.source_id)))
            self.src_sides.add(_side(e.source_id))
        if e.place_id:
            self.places.add(e.place_id)
        if e.target_id:
            self.tgt_sides.add(_side(e.target_id))


def _telling_key(x: Event) -> tuple[Any, ...]:
    """What the merge rules read of a telling: two with the same key are one to them."""
    return (x.root_code, "historical" in x.plover_context, x.modality, x.date, x.date_rule == "dateline",
            x.reported_by, _side(x.source_id), _side(x.target_id), x.place_id)


def _fits(chain: _Chain, e: Event) -> str | None:
    """The merge rule if ``e`` can join ``chain``, else ``None``."""
    wd = _words()
    first = chain.first
    if first.root_code != e.root_code:
        return None
    if ("historical" not in e.plover_context) in chain.hist:  # a telling of the other kind is in it
        return None
    if (e.modality in _OCCURRED) != (first.modality in _OCCURRED) or (
            e.modality not in _OCCURRED and e.modality != first.modality):
        return None
    if not any(_dates_fit(date, weak, e) for date, weak in chain.dates):
        return None
    if e.modality not in _OCCURRED and not (e.source_id and (e.reported_by, _side(e.source_id)) in chain.said):
        return None  # two threats, demands or conditions are one only when one side says both
    places = chain.places
    if e.place_id and places and e.place_id not in places:
        kinds = {_place_kind(p) for p in places | {e.place_id}}
        if not kinds & {"region", "country"}:
            return None
    src_sides = chain.src_sides
    if e.source_id and src_sides and _side(e.source_id) not in src_sides:
        return None
    if e.root_code in wd.speech_roots:
        if not e.source_id or _side(e.source_id) not in src_sides:
            return None
    if e.target_id and _side(e.target_id) not in chain.tgt_sides:
        return None
    return f"chain:root={e.root_code},dates-fit,actors-compatible"


def merge_events(events: Sequence[Event]) -> list[Event]:
    """Give tellings of the same event one ``event_id`` and say why (``merge_rule``).

    Coordinated targets of one telling share it (``same-telling``); otherwise a
    telling joins the most recent event it fits (same CAMEO root, modality of
    the same kind, dates, places and actors compatible, see the module
    docstring), preferring one told by the same speaker; else it starts one.

    >>> a = Event(0, 6, "attack", 0, "noun", code="190", root_code="19", date="2023-09-19")
    >>> b = Event(20, 32, "the offensive", 1, "noun", code="190", root_code="19",
    ...           date="2023-09-20", date_rule="dateline")
    >>> [(e.event_id, e.merge_rule) for e in merge_events([a, b])]
    [('E1', 'first'), ('E1', 'chain:root=19,dates-fit,actors-compatible')]
    """
    return _merge(events, fresh=False)


def _merge(events: Sequence[Event], *, fresh: bool) -> list[Event]:
    """:func:`merge_events`, writing the ids into the events themselves when ``fresh``.

    ``fresh`` events are ones just built by :func:`find_events`, which nobody
    else holds yet; any others get copies (a copy costs a call per field).
    """
    with_id = _set_id if fresh else _with_id
    chains: list[_Chain] = []  # the most recently told last
    out: list[Event] = []
    last_span: tuple[int, int] | None = None
    for e in events:
        key = _telling_key(e)
        if last_span == (e.start, e.end) and out:
            chains[-1].add(e, key)
            out.append(with_id(e, out[-1].event_id, "same-telling"))
            continue
        last_span = (e.start, e.end)
        best: int | None = None
        best_score = -1.0
        rule = None
        for i in range(len(chains) - 1, max(-1, len(chains) - 1 - _CHAIN_WINDOW), -1):
            if chains[i].first.root_code != e.root_code:
                continue  # as _fits would say, without the call
            r = _fits(chains[i], e)
            if r is None:
                continue
            sc = i / (len(chains) + 1) + (1.0 if e.reported_by in chains[i].reporters else 0)
            if sc > best_score:
                best, best_score, rule = i, sc, r
        if best is None:
            chains.append(_Chain(f"E{len(chains) + 1}", e, key))
            out.append(with_id(e, chains[-1].event_id, "first"))
        else:
            chain = chains.pop(best)
            chain.add(e, key)
            chains.append(chain)
            out.append(with_id(e, chain.event_id, rule))
    return out


# every field of an Event but the last two (event_id, merge_rule), read in one call
_EVENT_HEAD = operator.attrgetter(*[f.name for f in dataclasses.fields(Event)][:-2])
assert [f.name for f in dataclasses.fields(Event)][-2:] == ["event_id", "merge_rule"]


def _set_id(e: Event, event_id: str | None, merge_rule: str | None) -> Event:
    """Write the id into an event nobody else holds yet (see :func:`_merge`)."""
    object.__setattr__(e, "event_id", event_id)
    object.__setattr__(e, "merge_rule", merge_rule)
    return e


_TARGET_AT = [f.name for f in dataclasses.fields(Event)].index("target_id")


def _with_target(e: Event, m: Mention) -> Event:
    """``e`` with ``m`` as its target (``dataclasses.replace`` without its per-field bookkeeping)."""
    values = list(_EVENT_HEAD(e))
    values[_TARGET_AT:_TARGET_AT + 4] = [m.entity_id, m.text, m.start, m.end]
    make: Any = Event  # positional fields from a list, which mypy cannot count
    return make(*values, e.event_id, e.merge_rule)  # type: ignore[no-any-return]


def _with_id(e: Event, event_id: str | None, merge_rule: str | None) -> Event:
    """``dataclasses.replace(e, event_id=..., merge_rule=...)``, without its per-field bookkeeping."""
    make: Any = Event  # positional fields from a tuple, which mypy cannot count
    return make(*_EVENT_HEAD(e), event_id, merge_rule)  # type: ignore[no-any-return]


def unmerge(events: Sequence[Event], event_ids: Iterable[str] | None = None) -> list[Event]:
    """Undo merges: every telling of the given events (all, if ``None``) becomes its own event.

    New ids are ``<old id>.<n>`` so the former chain stays visible.

    >>> a = Event(0, 6, "attack", 0, "noun", code="190", root_code="19", event_id="E1", merge_rule="first")
    >>> b = dataclasses.replace(a, start=10, end=16, event_id="E1", merge_rule="chain:root=19")
    >>> [(e.event_id, e.merge_rule) for e in unmerge([a, b])]
    [('E1.1', 'unmerged'), ('E1.2', 'unmerged')]
    """
    wanted = None if event_ids is None else set(event_ids)
    count: dict[str, int] = {}
    out = []
    for e in events:
        if e.event_id is None or (wanted is not None and e.event_id not in wanted):
            out.append(e)
            continue
        count[e.event_id] = count.get(e.event_id, 0) + 1
        out.append(dataclasses.replace(e, event_id=f"{e.event_id}.{count[e.event_id]}", merge_rule="unmerged"))
    return out


def explain_merges(events: Sequence[Event]) -> pd.DataFrame:
    """One row per telling, grouped by event: its words, actors, date and the merge rule.

    >>> a = Event(0, 6, "attack", 0, "noun", code="190", root_code="19", event_id="E1", merge_rule="first")
    >>> explain_merges([a])[["event_id", "text", "merge_rule"]].values.tolist()
    [['E1', 'attack', 'first']]
    """
    import pandas as pd

    cols = ["event_id", "sentence", "start", "end", "text", "source_id", "code", "target_id", "date",
            "date_rule", "modality", "reported_by", "place_id", "merge_rule"]
    rows = [{c: getattr(e, c) for c in cols} for e in events]
    df = pd.DataFrame(rows, columns=cols)
    if df.empty:
        return df
    order = {eid: i for i, eid in enumerate(dict.fromkeys(df["event_id"]))}
    return df.sort_values(by=["event_id", "start"], key=lambda c: c.map(order) if c.name == "event_id" else c,
                          kind="stable").reset_index(drop=True)


def event_table(events: Sequence[Event]) -> pd.DataFrame:
    """One row per merged event, in the order of its first telling, with its evidence.

    Columns: ``event_id``, ``day`` (the earliest stated day, else the date of
    the first telling), ``date_precision``, ``historical``, ``source_id``,
    ``target_id`` (the first named in any telling), ``code``, ``label``,
    ``plover_type``, ``goldstein``, ``place_id``, ``modalities`` (as told, in
    order), ``reported_by`` (who tells it; ``narrator`` for the article's own
    voice), ``n_tellings``, ``sentences`` and ``tellings`` (the words of each).

    >>> a = Event(0, 6, "attack", 0, "noun", code="190", root_code="19", label="Use force",
    ...           date="2023-09-19", event_id="E1")
    >>> b = dataclasses.replace(a, start=9, end=12, text="war", sentence=2, source_id="AZE")
    >>> event_table([a, b])[["event_id", "source_id", "n_tellings", "sentences"]].values.tolist()
    [['E1', 'AZE', 2, [0, 2]]]
    """
    import pandas as pd

    groups: dict[str, list[Event]] = {}
    for e in events:
        groups.setdefault(e.event_id or f"{e.start}", []).append(e)
    rows = []
    for eid, tell in groups.items():
        stated = [t.date for t in tell if t.date and _day(t.date) and t.date_rule != "dateline"]
        day = min(stated) if stated else tell[0].date
        first = tell[0]
        rows.append({
            "event_id": eid, "day": day,
            "date_precision": next((t.date_precision for t in tell if t.date == day), first.date_precision),
            "historical": all("historical" in t.plover_context for t in tell),
            "source_id": next((t.source_id for t in tell if t.source_id), None),
            "target_id": next((t.target_id for t in tell if t.target_id), None),
            "code": first.code, "label": first.label, "plover_type": first.plover_type,
            "goldstein": first.goldstein,
            "place_id": next((t.place_id for t in tell if t.place_id), None),
            "modalities": list(dict.fromkeys(t.modality for t in tell)),
            "reported_by": list(dict.fromkeys(t.reported_by or "narrator" for t in tell)),
            "n_tellings": len({(t.start, t.end) for t in tell}),
            "sentences": sorted({t.sentence for t in tell}),
            "tellings": list(dict.fromkeys(t.text for t in tell)),
        })
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------- ACLED

ACLED_COLUMNS = ("event_id_cnty", "event_date", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "actor2", "location", "latitude",
                 "longitude", "geo_precision", "source", "notes", "fatalities")


@functools.cache
def _acled_map() -> tuple[tuple[str, str, str, str, str], ...]:
    rows = read_data_csv("cameo_acled.csv")
    return tuple((r["cameo_prefix"], r["mode"], r["disorder_type"], r["event_type"], r["sub_event_type"])
                 for r in rows)


def _acled_type(code: str, mode: str | None) -> tuple[str, str, str] | None:
    best: tuple[int, int, tuple[str, str, str]] | None = None
    mode_key = {"aerial": "aerial", "heavy-weapons": "artillery", "firearms": ""}.get(mode or "", "")
    for prefix, m, dis, et, sub in _acled_map():
        if not code.startswith(prefix) or (m and m != mode_key):
            continue
        rank = (len(prefix), 1 if m else 0)
        if best is None or rank > best[:2]:
            best = (rank[0], rank[1], (dis, et, sub))
    return best[2] if best else None


def _name(actor_id: str | None, words: str | None) -> str:
    if actor_id:
        info = actor_info(actor_id)
        return info.name if info else actor_id
    return ""


def to_acled(events: Sequence[Event], *, source: str = "", background: bool = False) -> pd.DataFrame:
    """One ACLED-style row per merged event that ACLED would record (acts, not statements).

    Columns are ACLED's (event_date, time_precision 1 = day, 2 = week or part, 3 =
    month or coarser; disorder_type, event_type, sub_event_type from
    ``data/cameo_acled.csv``; actor1, assoc_actor_1, actor2; location with
    coordinates and geo_precision 1 = town or village, 2 = region, 3 = country;
    source; notes; fatalities). Fatalities follow ACLED's rule, the lowest
    figure reported, with the hedge and every other figure in ``notes``.
    Only events that happened (or are reported or announced as done) are rows;
    threats, demands, conditions and denials are not; background events
    (``historical``) only with ``background=True``. An act of force with no
    named source has ``actor1`` "Unidentified armed group", as ACLED writes it.

    >>> e = Event(0, 6, "attack", 0, "noun", source_id="AZE", code="190", root_code="19",
    ...           date="2023-09-19", date_precision="day", event_id="E1", fatalities=32,
    ...           fatalities_text="at least 32 deaths")
    >>> row = to_acled([e]).iloc[0]
    >>> row["event_type"], row["actor1"], int(row["fatalities"]), int(row["time_precision"])
    ('Battles', 'Azerbaijan', 32, 1)
    """
    import pandas as pd

    groups: dict[str, list[Event]] = {}
    for e in events:
        groups.setdefault(e.event_id or f"{e.start}", []).append(e)
    rows: list[dict[str, Any]] = []
    for eid, tell in groups.items():
        if not any(t.modality in _OCCURRED for t in tell):
            continue
        if not background and all("historical" in t.plover_context for t in tell):
            continue
        tell = [t for t in tell if t.modality in _OCCURRED] or tell
        codes = [t.code for t in tell]
        code = next((c for c in codes if c in ("193", "194", "195")), None) or \
            max(codes, key=lambda c: (codes.count(c), -codes.index(c)))
        mode = next((t.plover_mode for t in tell if t.code == code and t.plover_mode), None)
        typ = _acled_type(code, mode)
        if typ is None:
            continue
        srcs = list(dict.fromkeys(t.source_id for t in tell if t.source_id))
        tgts = list(dict.fromkeys(t.target_id for t in tell if t.target_id))
        days = sorted(t.date for t in tell if t.date and t.date_rule not in ("dateline",) and _day(t.date))
        days = days or sorted(t.date for t in tell if t.date)
        date = days[0] if days else None
        prec = next((t.date_precision for t in tell if t.date == date), None)
        tp = 1 if prec == "day" else 2 if prec in ("part_of_day", "week") else 3
        place = next((t for t in tell if _place_kind(t.place_id) in ("village", "town", "city")), None) or \
            next((t for t in tell if t.place_id), None)
        pinfo = place_info(place.place_id) if place and place.place_id else None
        geo = 1 if pinfo and pinfo.kind in ("village", "town", "city") else 2 if pinfo and \
            pinfo.kind in ("region", "corridor") else 3 if pinfo else None
        figs = sorted({(t.fatalities, t.fatalities_text) for t in tell if t.fatalities is not None},
                      key=lambda x: x[0] or 0)
        notes = "; ".join(f"{t.text!r} ({t.modality}{', by ' + t.reported_by if t.reported_by else ''})"
                          for t in tell)
        if figs:
            notes += "; fatalities reported: " + ", ".join(str(f[1]) for f in figs)
        rows.append({
            "event_id_cnty": eid, "event_date": date, "time_precision": tp,
            "disorder_type": typ[0], "event_type": typ[1], "sub_event_type": typ[2],
            "actor1": _name(srcs[0], None) if srcs else (
                "Unidentified armed group" if code[:2] in ("18", "19", "20") else ""), "assoc_actor_1": "; ".join(
                _name(s, None) for s in srcs[1:]), "actor2": _name(tgts[0], None) if tgts else "",
            "location": pinfo.name if pinfo else "", "latitude": pinfo.lat if pinfo else None,
            "longitude": pinfo.lon if pinfo else None, "geo_precision": geo,
            "source": source or "; ".join(dict.fromkeys(t.reported_by for t in tell if t.reported_by)),
            "notes": notes, "fatalities": figs[0][0] if figs else 0,
        })
    return pd.DataFrame(rows, columns=list(ACLED_COLUMNS))
