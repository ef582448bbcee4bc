"""Actors' positions, coded as discourse network analysis (Leifeld's DNA) codes them.

A :class:`~karabakh.records.Statement` is (actor, concept, agreement) with its
evidence. :func:`find_statements` derives statements from the quotations and
claims that :func:`karabakh.extract.quotes.extract_quotes` found (the quote's speaker
is the actor) and, when given, from speech-act events. The concepts are the
disputed questions of ``data/concepts.csv`` (:func:`load_concepts`), each with
cue phrases that state it (``cues``: agreement +1) or state its opposite
(``counter_cues``: -1). The rules, in order:

1. **Own words only.** A cue counts for the innermost quotation or claim
   whose content holds it; the writer's own sentences are nobody's
   statement. A reported claim loses a trailing background clause of the
   writer (``", following the ... operation that regained control"``).
2. **Clauses.** Negation and stance look inside the clause of the cue:
   bounded by ``. ; ! ? :`` and by contrast words (``but``, ``however``,
   ``otherwise`` ...: ``data/stance_words.csv``), so in "are not targeted,
   but only legitimate military objectives are destroyed" the ``not``
   stays in the first clause.
3. **Negation flips.** A negator (``not``, ``no``, ``never``, ``n't`` ...;
   not ``not only``) in the five words before the cue or inside its gaps
   (``~``) flips the agreement: "Armenia did not participate" rejects the
   counter-cue "Armenia ... participated" and so agrees that Armenia was no
   party. So do ``rather than`` / ``instead of`` right before the cue, a
   rejecting stance verb in the clause (``rejected``, ``refused``,
   ``denied``), and a rejecting cue of the quotation itself ("Baku
   *denied* targeting civilians").
4. **Scare quotes block.** The concept's words inside quotation marks that
   stand inside the speaker's own content or after a determiner ("the
   “anti-terrorist” operation") give agreement 0 (rule ``scare-quotes``);
   after a distancing phrase ("so-called", "what it called") -1 (rule
   ``distancing``). A speaker's own words quoted by the writer ("defined
   it as “an ethnic cleansing operation”") are the speaker's and agree.
5. **Attributed positions are kept apart.** When an actor other than the
   speaker is the subject of a stance verb in the clause ("the Karabakh
   authorities, who agreed to capitulate"; "accuses Yerevan of refusing
   talks"), the statement is that actor's with ``voice="attributed"`` and
   ``reported_by`` the speaker, never the speaker's own.
6. **Unknown is recorded.** A speaker the dictionary does not know keeps
   its words with ``actor_id=None``; a known person's name glued to a
   following word ("Ararat Mirzoyandenuncia", a translation artefact) is
   resolved by its full alias (rule ``+glued-name``).

Researchers correct the coding with :func:`apply_corrections`; the
aggregates are :func:`positions`, :func:`actor_network`,
:func:`to_graphml` and :func:`statement_table`.

>>> from karabakh import tag_mentions, extract_quotes
>>> text = 'Baku said civilians are not targeted, but only military targets are hit.'
>>> m = tag_mentions(text); q = extract_quotes(text, m)
>>> [(s.actor_id, s.concept_id, s.agreement) for s in find_statements(text, m, q)]
[('AZE_GOV', 'civilians_not_targeted', 1)]
"""

from __future__ import annotations

import bisect
import csv
import functools
import io
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..records import Mention, Quote, Statement
from ..resources import read_data_csv
from ..text.actors import actor_info, load_actors
from ..text.document import Document
from ..text.lexicon import function_words, reporting_forms, reporting_verbs

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

__all__ = [
    "SIDE_ORDER",
    "Concept",
    "actor_graph",
    "actor_network",
    "actor_tone",
    "apply_corrections",
    "compile_cue",
    "corrections_table",
    "find_statements",
    "load_concepts",
    "position_map",
    "position_matrix",
    "positions",
    "statement_table",
    "to_graphml",
]

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_WORD = r"[\w'’\-]"
_GAP_WORDS = 5
#: Pairs of sides that are opponents in this conflict (for ``reported_by_opponent``).
_OPPONENTS = frozenset({frozenset({"AZE", "ARM"}), frozenset({"AZE", "NKR"})})
_OPEN = "«“„‘‹\"'"
_CLOSE = "»”“’›\"'"
#: a word before a quoted term that makes it a noun phrase's: the determiners of
#: ``data/function_words.csv``, or a capital's possessive
_DETERMINERS = frozenset(
    function_words("article", "possessive", "speaker_possessive", "demonstrative")) | {"baku's", "yerevan's"}


@dataclass(frozen=True)
class Concept:
    """One disputed question of ``data/concepts.csv``.

    Attributes:
        concept_id: stable snake-case id (``counter_terrorism``).
        label: a short label for charts.
        description: what agreeing with the concept means.
        cues: cue phrases that state the concept (agreement +1).
        counter_cues: cue phrases that state its opposite (-1).
        requires: a cue word that must occur in the evidence too (e.g.
            ``peacekeep*``), or ``""``.

    >>> load_concepts()[0].concept_id
    'counter_terrorism'
    """

    concept_id: str
    label: str
    description: str
    cues: tuple[str, ...]
    counter_cues: tuple[str, ...]
    requires: str = ""


def _word_regex(token: str, where: str) -> str:
    alts = []
    for alt in token.split("/"):
        if not alt or not re.search(r"\w", alt):
            raise ValueError(f"{where}: empty word in cue token {token!r}")
        parts = []
        for ch in alt:
            if ch == "*":
                parts.append(_WORD + "*")
            elif ch == "-":
                parts.append(r"[-‐‑–\s]?")
            elif ch in "'’":
                parts.append("['’]")
            else:
                parts.append(re.escape(ch))
        alts.append("".join(parts))
    return "(?:" + "|".join(alts) + ")"


def compile_cue(cue: str, where: str = "cue") -> re.Pattern[str]:
    """Compile one cue phrase of ``concepts.csv`` (syntax in ``data/README.md``).

    >>> bool(compile_cue("civilian* ~ target*").search("civilians are not targeted"))
    True
    """
    tokens = cue.split()
    if not tokens or tokens[0] == "~" or tokens[-1] == "~":
        raise ValueError(f"{where}: cue {cue!r} is empty or starts or ends with '~'")
    out: list[str] = []
    gap = False
    n_gap = 0
    for tok in tokens:
        if tok == "~":
            gap = True
            continue
        if out:
            if gap:
                out.append(rf"(?P<g{n_gap}>(?:[^\w.;!?:]+{_WORD}+){{0,{_GAP_WORDS}}}?)[^\w.;!?:]+")
                n_gap += 1
            else:
                out.append(r"[\s\-‐‑]+")
        out.append(_word_regex(tok, where))
        gap = False
    return re.compile(r"(?<!\w)" + "".join(out) + r"(?!\w)", re.IGNORECASE)


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(c.strip() for c in (cell or "").split("|") if c.strip())


def _read_csv(path: Path) -> list[dict[str, str]]:
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: cannot read ({exc})") from None
    lines = [ln for ln in raw.splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    if not reader.fieldnames:
        raise ValueError(f"{path}: no header row")
    return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in reader]


def _concepts_from_rows(rows: list[dict[str, str]], where: str) -> tuple[Concept, ...]:
    out: list[Concept] = []
    seen: set[str] = set()
    for i, row in enumerate(rows, start=1):
        cid = row.get("concept_id", "")
        here = f"{where} row {i} ({cid or 'no id'})"
        if not _ID.match(cid):
            raise ValueError(f"{here}: concept_id must be snake case, got {cid!r}")
        if cid in seen:
            raise ValueError(f"{here}: duplicate concept_id {cid!r}")
        seen.add(cid)
        cues, counter = _split(row.get("cues")), _split(row.get("counter_cues"))
        if not cues and not counter:
            raise ValueError(f"{here}: no cues and no counter_cues")
        for cue in (*cues, *counter, *_split(row.get("requires"))):
            compile_cue(cue, here)
        out.append(Concept(cid, row.get("label") or cid, row.get("description", ""), cues,
                           counter, row.get("requires", "")))
    return tuple(out)


@functools.cache
def _default_concepts() -> tuple[Concept, ...]:
    return _concepts_from_rows(read_data_csv("concepts.csv"), "karabakh/data/concepts.csv")


def load_concepts(path: str | os.PathLike[str] | None = None) -> tuple[Concept, ...]:
    """Load the concepts: the shipped ``data/concepts.csv`` or a researcher's own file.

    Args:
        path: a CSV file with the columns of ``data/concepts.csv``
            (``concept_id``, ``label``, ``description``, ``cues``,
            ``counter_cues``, optional ``requires``); ``None`` for the shipped one.

    Returns:
        The concepts in file order.

    Raises:
        ValueError: naming the file and row for a bad id, a duplicate, a row
            without cues or a malformed cue.

    >>> [c.concept_id for c in load_concepts()][:3]
    ['counter_terrorism', 'ethnic_cleansing', 'civilians_not_targeted']
    """
    if path is None:
        return _default_concepts()
    p = Path(path)
    return _concepts_from_rows(_read_csv(p), str(p))


@dataclass(frozen=True)
class _Compiled:
    concept: Concept
    patterns: tuple[tuple[re.Pattern[str], int, str], ...]  # (regex, polarity, cue)
    requires: re.Pattern[str] | None
    # per pattern, the literal words it cannot match without (see _literal_needs)
    needs: tuple[tuple[tuple[str, ...], ...], ...] = ()


def _literal_needs(cue: str) -> tuple[tuple[str, ...], ...]:
    """What the casefolded text must contain for ``compile_cue(cue)`` to match.

    Per word of the cue, the literal ASCII start of each of its ``/``
    alternatives (up to ``*``, ``-``, an apostrophe or a non-ASCII letter);
    a word with an alternative that has no literal start needs nothing. A
    cheap ``in`` test on these skips most cue regexes in most clauses.

    >>> _literal_needs("civilian*/people ~ target*")
    (('civilian', 'people'), ('target',))
    """
    needs = []
    for tok in cue.split():
        if tok == "~":
            continue
        alts = []
        for alt in tok.split("/"):
            lit = ""
            for ch in alt:
                if ch in "*-'’" or not ch.isascii():
                    break
                lit += ch
            alts.append(lit.casefold())
        if all(alts):
            needs.append(tuple(alts))
    return tuple(needs)


def _prefilter_text(clause: str) -> str | None:
    """The clause as :func:`_may_match` reads it, or ``None`` (then every regex runs).

    Casefolded, "ſ" and "K" become the ASCII letter they match when case is
    ignored, "İ" becomes "i" plus a combining dot, which is dropped; "ı" also
    matches "i" but stays itself, so a clause with it is not prefiltered.

    >>> _prefilter_text("CEASEFİRE"), _prefilter_text("ceasefıre")
    ('ceasefire', None)
    """
    low = clause.casefold().replace("\u0307", "")
    return None if "ı" in low else low


def _may_match(low: str | None, needs: tuple[tuple[str, ...], ...]) -> bool:
    if low is None:
        return True
    for alts in needs:
        for a in alts:
            if a in low:
                break
        else:
            return False
    return True


@functools.cache
def _compiled(concepts: tuple[Concept, ...]) -> tuple[_Compiled, ...]:
    out = []
    for c in concepts:
        pats = tuple((compile_cue(q), 1, q) for q in c.cues) + tuple(
            (compile_cue(q), -1, q) for q in c.counter_cues)
        req = None
        if c.requires:
            req = re.compile("|".join(compile_cue(r).pattern for r in _split(c.requires)),
                             re.IGNORECASE)
        out.append(_Compiled(c, pats, req, tuple(_literal_needs(q) for _p, _pol, q in pats)))
    return tuple(out)


_WORD_RUN = re.compile(r"\w+")


class _CueIndex:
    """The concepts' cue patterns, indexed by a word each of them cannot match without.

    Each pattern is keyed by one of its :func:`_literal_needs` (the one whose
    shortest literal is longest, so the rarest); a clause's candidates are the
    patterns with a key literal inside one of its words (split at white
    space), and :func:`_may_match` then tests their other needs, as before. So
    one pass over a clause's words replaces a test of every pattern against
    every clause (the answer per word is kept, for words of up to 40
    characters: the vocabulary of news repeats).

    ``entries`` are ``(concept, pattern, polarity, needs)`` in the order of the
    concepts and of their cues, the order the statements are coded in.
    """

    _MAX_WORDS = 100_000  # the per-word answers kept before the cache starts afresh
    _MAX_WORD_LEN = 40  # longer words are looked at each time, not kept

    def __init__(self, compiled: tuple[_Compiled, ...]) -> None:
        self.entries = [(comp, pattern, polarity, needs) for comp in compiled
                        for (pattern, polarity, _cue), needs in zip(comp.patterns, comp.needs,
                                                                    strict=True)]
        self.keys: dict[str, list[int]] = {}
        always = []
        #: per entry, the needs left for :func:`_may_match` once the entry is a candidate
        self.rest: list[tuple[tuple[str, ...], ...]] = []
        for k, (_comp, _pattern, _polarity, needs) in enumerate(self.entries):
            key = max(needs, key=lambda alts: min(map(len, alts)), default=())
            if not key or not all(_WORD_RUN.fullmatch(a) for a in key):
                always.append(k)  # no literal need, or one a word split would not find
                self.rest.append(needs)
                continue
            i = needs.index(key)
            self.rest.append(needs[:i] + needs[i + 1:])  # a candidate has its key
            for a in key:
                self.keys.setdefault(a, []).append(k)
        self.always = frozenset(always)
        # any key at all: most new words have none, and one search says so
        self._any_key = re.compile(_alternation(list(self.keys), re.escape, ignore_case=False)
                                   if self.keys else r"(?!)")
        self._by_word: dict[str, frozenset[int]] = {}

    def _word_hits(self, word: str) -> frozenset[int]:
        hits = frozenset(k for key, ks in self.keys.items() if key in word for k in ks
                         ) if self._any_key.search(word) else frozenset()
        if len(word) <= self._MAX_WORD_LEN:
            if len(self._by_word) >= self._MAX_WORDS:
                self._by_word.clear()
            self._by_word[word] = hits
        return hits

    def candidates(self, low: str | None) -> list[int]:
        """The entries that can match a clause whose :func:`_prefilter_text` is ``low``, in order.

        The same entries, in the same order, as testing :func:`_may_match` on each:

        >>> index = _cue_index(load_concepts())
        >>> low = _prefilter_text("Baku called the anti-terrorist measures legitimate.")
        >>> index.candidates(low) == [k for k, e in enumerate(index.entries) if _may_match(low, e[3])]
        True
        >>> [index.entries[k][0].concept.concept_id for k in index.candidates(low)]
        ['counter_terrorism']
        """
        if low is None:
            return list(range(len(self.entries)))
        by_word, rest = self._by_word, self.rest
        found = set(self.always)
        # a key is word characters only: it stands inside a token split at white
        # space exactly when it stands inside one of the token's runs of them
        for word in set(low.split()):
            hits = by_word.get(word)
            found.update(self._word_hits(word) if hits is None else hits)
        return sorted(k for k in found if not rest[k] or _may_match(low, rest[k]))


@functools.cache
def _cue_index(concepts: tuple[Concept, ...]) -> _CueIndex:
    return _CueIndex(_compiled(concepts))


@dataclass(frozen=True)
class _StanceWords:
    negator: re.Pattern[str]
    stance: tuple[tuple[re.Pattern[str], int, str], ...]
    #: any stance word at all: one search that lets a clause with none skip the
    #: per-word scans (the same alternatives, so it finds a match wherever one does)
    stance_any: re.Pattern[str]
    distancing: re.Pattern[str]
    contrast: re.Pattern[str]
    flip_before: re.Pattern[str]
    #: every contrast word is one word of ASCII letters (see _ClauseMarks)
    contrast_is_words: bool = False


def _phrase(word: str) -> str:
    parts = [re.escape(w) if w != "*" else r"\w+" for w in word.split()]
    return r"\s+".join(parts)


def _word_start(words: Iterable[str]) -> str:
    r"""``(?<!\w)`` and a look-ahead at the first letters of ``words``, to open their alternation.

    The look-ahead asks only what the first letter of some alternative asks
    (a class of letters matches, case ignored, just what those letters
    match), so the pattern matches the same; but at a word that starts with
    none of them the search moves on at once instead of trying every
    alternative, which is what an alternation of many words costs when case
    is ignored.

    >>> _word_start(["not", "never", "without"])
    '(?<!\\w)(?=[nw])'
    """
    firsts = {w[:1] for w in words}
    if not firsts or not all(c.isascii() and c.isalpha() for c in firsts):
        return r"(?<!\w)"
    return r"(?<!\w)(?=[" + "".join(sorted(firsts)) + "])"


def _alternation(words: Sequence[str], piece: Callable[[str], str], *, ignore_case: bool) -> str:
    """``(?:piece(w1)|piece(w2)|...)`` with the words grouped by their first letter.

    It matches what the plain alternation matches, and the same way: at any
    offset only the alternatives of one letter can match (one letter's
    group, case ignored or not as the pattern will be), and they are tried
    in their own order; the others are left after one test of their letter,
    not one test each. Words that open with no letter keep the plain alternation.

    >>> _alternation(["agree", "deny", "accept"], re.escape, ignore_case=True)
    '(?:a(?:gree|ccept)|d(?:eny))'
    """
    groups: dict[str, list[str]] = {}
    for w in words:
        head, rx = w[:1], piece(w)
        key = head.lower() if ignore_case else head
        if not (head.isascii() and head.isalnum() and rx[:1] == head):
            return "(?:" + "|".join(map(piece, words)) + ")"
        groups.setdefault(key, []).append(rx[1:])
    return "(?:" + "|".join(key + "(?:" + "|".join(rests) + ")"
                            for key, rests in groups.items()) + ")"


@functools.cache
def _stance_words() -> _StanceWords:
    rows = read_data_csv("stance_words.csv")
    by: dict[str, list[dict[str, str]]] = {}
    for i, row in enumerate(rows, start=1):
        if row["category"] not in {"negator", "stance", "distancing", "contrast"}:
            raise ValueError(f"karabakh/data/stance_words.csv row {i}: unknown category {row}")
        by.setdefault(row["category"], []).append(row)

    def alt(cat: str, exclude: Iterable[str] = ()) -> str:
        words = sorted((r["word"] for r in by[cat] if r["word"] not in exclude), key=len,
                       reverse=True)
        return _word_start(words) + _alternation(words, _phrase, ignore_case=True)

    neg_words = [r["word"] for r in by["negator"] if r["word"] != "n't"]
    negator = re.compile(
        r"n['’]t\b|" + _word_start(neg_words) + _alternation(neg_words, _phrase, ignore_case=True)
        + r"(?!\w)(?!\s+(?:only|just|least|doubt)\b)", re.IGNORECASE)
    stance = tuple(
        (re.compile(r"(?<!\w)" + _phrase(r["word"]) + r"(?!\w)", re.IGNORECASE),
         int(r["polarity"]), r["word"])
        for r in by["stance"])
    stance_words = [r["word"] for r in by["stance"]]
    return _StanceWords(
        negator=negator,
        stance=stance,
        stance_any=re.compile(_word_start(stance_words)
                              + _alternation(stance_words, _phrase, ignore_case=True) + r"(?!\w)",
                              re.IGNORECASE),
        distancing=re.compile(alt("distancing") + r"\s*$", re.IGNORECASE),
        contrast=re.compile(alt("contrast", ("rather than", "instead of")) + r"(?!\w)",
                            re.IGNORECASE),
        flip_before=re.compile(_word_start(["rather than", "instead of"])
                               + r"(?:rather than|instead of)\s+(?:\w+\s+){0,2}$", re.IGNORECASE),
        contrast_is_words=all(r["word"].isascii() and r["word"].isalpha() for r in by["contrast"]
                              if r["word"] not in ("rather than", "instead of")),
    )


@functools.cache
def _glued_index() -> dict[str, tuple[tuple[str, str], ...]]:
    """(folded alias of two or more words, actor id) of every person, by the alias's first three characters."""
    out: dict[str, list[tuple[str, str]]] = {}
    for info in load_actors().values():
        if info.type != "person":
            continue
        for alias in info.aliases:
            if len(alias.split()) >= 2:
                folded = alias.casefold()
                out.setdefault(folded[:3], []).append((folded, info.actor_id))
    return {head: tuple(aliases) for head, aliases in out.items()}


def _glued_actor(speaker_text: str) -> str | None:
    folded = speaker_text.casefold()
    # an alias of two words has three characters or more: those that start ``folded``
    found = {aid for alias, aid in _glued_index().get(folded[:3], ())
             if folded.startswith(alias) and len(folded) > len(alias)
             and folded[len(alias)].isalpha() and " " not in folded[len(alias):]}
    return found.pop() if len(found) == 1 else None


def actor_side(actor_id: str | None) -> str | None:
    """The side of an actor id in the actors dictionary, or ``None`` if unknown or ``None``.

    >>> actor_side(None) is None
    True
    """
    if actor_id is None:
        return None
    info = actor_info(actor_id)
    return info.side if info else None


def _opponents(a: str | None, b: str | None) -> bool:
    sa, sb = actor_side(a), actor_side(b)
    return sa is not None and sb is not None and frozenset({sa, sb}) in _OPPONENTS


_BACKGROUND = re.compile(r",\s+(?:following|after|amid|despite|days after|hours after)\b",
                         re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;!?:](?=\s|$|[»”\"’])")


@functools.cache
def _rejecting_cues() -> frozenset[str]:
    """Cue verbs that reject what they report ("denied that ..."): they flip the agreement.

    The reporting verbs (``reporting_verbs.csv``) that are ``stance`` words of
    polarity -1 (``stance_words.csv``): deny, reject, dismiss in every form.
    """
    forms = reporting_forms()
    return frozenset(word for _, polarity, word in _stance_words().stance
                     if polarity < 0 and word in forms)


class _ClauseMarks:
    """A unit's clause-end marks and contrast words, found once, for :meth:`clause_start`.

    A unit with many cues is then not read again from its start for each.
    """

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self.text, self.lo = text, lo
        #: offsets of the :data:`_CLAUSE_END` marks in ``[lo, hi)``
        self.stops = [b.start() for b in _CLAUSE_END.finditer(text, lo, hi)]
        sw = _stance_words()
        #: the contrast words of ``[lo, hi)`` as (start, end), when all are words
        #: of letters (or ``None``, and each cue searches its own clause)
        self.contrasts: list[tuple[int, int]] | None = None
        self.contrast_ends: list[int] = []
        if sw.contrast_is_words:
            self.contrasts = [c.span() for c in sw.contrast.finditer(text, lo, hi)]
            self.contrast_ends = [e for _s, e in self.contrasts]

    def clause_start(self, m_start: int) -> int:
        """Where the clause of a cue at ``m_start`` starts: after the last mark or contrast word before it.

        The same offsets as searching ``[lo, m_start)`` itself. A mark right
        before the cue counts even with no space after it (that search ends
        at the cue). A contrast word is letters between non-letters, so no two
        overlap and none ends at the cue, which follows a non-word character:
        the unit's contrast words that end before the cue are those the
        search finds.

        >>> t = "One. Two: but three"
        >>> _ClauseMarks(t, 0, len(t)).clause_start(14), _ClauseMarks(t, 0, len(t)).clause_start(10)
        (13, 9)
        """
        text, start = self.text, self.lo
        k = bisect.bisect_left(self.stops, m_start - 1)
        if k:
            start = self.stops[k - 1] + 1
        if m_start - 1 >= self.lo and text[m_start - 1] in ".;!?:":
            start = m_start
        if self.contrasts is None:
            for b in _stance_words().contrast.finditer(text, start, m_start):
                start = b.end()
            return start
        k = bisect.bisect_right(self.contrast_ends, m_start)
        if k and self.contrasts[k - 1][0] >= start:
            start = self.contrasts[k - 1][1]
        return start


def _last_words(text: str, start: int, end: int, n: int) -> int:
    """Offset where the last ``n`` words of ``text[start:end]`` begin (``start`` if it has fewer).

    Split from the right, so only the last words are read.

    >>> _last_words("  one two  three", 0, 16, 2), _last_words("  one two", 0, 9, 2)
    (6, 2)
    >>> _last_words("  one two", 0, 9, 3), _last_words(" one", 1, 4, 1)
    (0, 1)
    """
    piece = text[start:end]
    parts = piece.rsplit(None, n)
    if len(parts) <= n:  # n words or fewer: the first word, or the start
        return start + (len(piece) - len(piece.lstrip()) if len(parts) == n else 0)
    # parts[0] ends where the word before the last n ends
    return start + len(piece) - len(piece[len(parts[0]):].lstrip())


def _in_marks(text: str, lo: int, m_start: int, m_end: int, hi: int) -> int | None:
    """Offset of an opening mark just before the cue when the cue stands in marks."""
    i = m_start - 1
    while i >= lo and text[i] == " ":
        i -= 1
    if i < lo or text[i] not in _OPEN:
        return None
    j = m_end
    tail = text[m_end:min(hi, m_end + 40)]
    close = re.search(r"[»”“’›\"']", tail)
    if close is None or len(tail[: close.start()].split()) > 3:
        return None
    j = m_end + close.start()
    if "." in text[m_end:j]:
        return None
    return i


@dataclass(frozen=True)
class _Unit:
    """One stretch of a speaker's own words."""

    lo: int
    hi: int
    ev_start: int
    ev_end: int
    evidence: str
    actor_id: str | None
    actor_text: str | None
    actor_start: int | None
    actor_end: int | None
    cue: str | None
    rule: str
    partial_open: int | None  # offset of the opening mark of a short partial quote


def _units(text: str, quotes: Sequence[Quote], doc: Document) -> list[tuple[_Unit, Quote]]:
    out = []
    for q in quotes:
        lo, hi = q.content_start, q.content_end
        if q.kind == "indirect":
            bg = _BACKGROUND.search(text, lo, hi)
            if bg:
                hi = bg.start()
        actor_id, rule = q.speaker_id, "quote" if q.kind != "indirect" else "claim"
        if actor_id is None and q.speaker_text:
            glued = _glued_actor(q.speaker_text)
            if glued:
                actor_id, rule = glued, rule + "+glued-name"
        partial_open = None
        if q.kind == "partial" and len(q.content.split()) <= 4 and q.content_start > 0:
            k = q.content_start - 1
            while k > 0 and text[k] == " ":
                k -= 1
            if text[k] in _OPEN:
                partial_open = k
                # a short quoted term: the claim it stands in runs from the cue
                # (or the sentence start) to the end of the sentence
                sent_lo = doc.sentences.start_of(k)
                if q.cue_end is not None and sent_lo <= q.cue_end <= k:
                    sent_lo = q.cue_end
                lo = sent_lo + (len(text[sent_lo:k]) - len(text[sent_lo:k].lstrip()))
                hi = _words_end(text, q.content_end, doc.sentences.end_of(q.content_end))
        out.append((_Unit(lo, hi, q.content_start, q.content_end,
                          "claim" if q.kind == "indirect" else "quote",
                          actor_id, q.speaker_text, q.speaker_start, q.speaker_end,
                          q.cue, rule, partial_open), q))
    return out


@functools.cache
def _bare_verbs() -> re.Pattern[str]:
    forms = sorted({f for v in reporting_verbs() if v.frame == "that"
                    and v.kind in {"speech", "claim", "announcement"} for f in v.forms
                    if " " not in f}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])" + _alternation(forms, re.escape, ignore_case=False)
                      + r"(?![\w-])(?:\s+that\b)?")


def _words_end(text: str, lo: int, end: int) -> int:
    """Where the words of the sentence ``text[lo:end]`` end, its final ``. ! ?`` left out.

    White space and closing marks after it are left out too; read backwards, so
    the time is linear in what is left out.
    """
    while end > lo and text[end - 1].isspace():
        end -= 1
    k = end
    while k > lo and text[k - 1] in "»”\"’)":
        k -= 1
    return k - 1 if k > lo and text[k - 1] in ".!?" else end


def _bare_claims(text: str, mentions: Sequence[Mention], spans: _QuoteSpans,
                 doc: Document) -> list[tuple[_Unit, Quote]]:
    """Reported claims without marks or "that" that the quote extractor left out.

    ``<actor> said <clause>`` where no quotation or claim covers the verb:
    the actor is the last actor mention in the six words before the verb,
    the claim runs to the end of the sentence (rule ``bare-claim``). The
    sentence is the document's (``doc.sentence_span``), as for every extractor.
    """
    out = []
    for v in _bare_verbs().finditer(text):
        if spans.touches(v.start()):
            continue
        sent_start, sent_end = doc.sentence_span(v.start())
        near = _last_words(text, sent_start, v.start(), 6)
        who = _mentions_in(mentions, near, v.start())
        if not who:
            continue
        hi = _words_end(text, v.end(), sent_end)
        lo = v.end() + (len(text[v.end():hi]) - len(text[v.end():hi].lstrip()))
        if hi - lo < 3:
            continue
        sp = who[-1]
        fake = Quote(sp.start, hi, text[sp.start:hi], "indirect", text[lo:hi], lo, hi,
                     sp.entity_id, sp.text, sp.start, sp.end, v.group(0).split()[0])
        out.append((_Unit(lo, hi, lo, hi, "claim", sp.entity_id, sp.text, sp.start, sp.end,
                          fake.cue, "bare-claim", None), fake))
    return out


class _QuoteSpans:
    """The article's quotations, found by span in logarithmic time (keeps long articles linear).

    ``covers(s, e)``: some quotation's content holds ``[s, e)``; ``touches(pos)``:
    ``pos`` is inside some quotation or its content; ``by_content``: the
    quotations by content start, for :func:`_inner`.
    """

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.by_content = sorted(quotes, key=lambda q: q.content_start)
        self.content_starts = [q.content_start for q in self.by_content]
        self.content_end_max = _running_max(q.content_end for q in self.by_content)
        spans = sorted([(q.start, q.end) for q in quotes] + [(q.content_start, q.content_end) for q in quotes])
        self.span_starts = [a for a, _ in spans]
        self.span_end_max = _running_max(b for _, b in spans)

    def covers(self, start: int, end: int) -> bool:
        k = bisect.bisect_right(self.content_starts, start)
        return k > 0 and self.content_end_max[k - 1] >= end

    def touches(self, pos: int) -> bool:
        k = bisect.bisect_right(self.span_starts, pos)
        return k > 0 and self.span_end_max[k - 1] > pos


def _running_max(values: Iterable[int]) -> list[int]:
    out: list[int] = []
    top = -1
    for v in values:
        top = v if v > top else top
        out.append(top)
    return out


class _Actors(list):  # type: ignore[type-arg]
    """The mentions, with their named, non-adjective actors indexed by start (see :func:`_mentions_in`)."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        super().__init__(mentions)
        self.actors = [m for m in self if m.kind == "actor" and m.entity_id and not m.adjective]
        self.starts = [m.start for m in self.actors]
        self.in_order = all(a <= b for a, b in zip(self.starts, self.starts[1:], strict=False))


def _inner(spans: _QuoteSpans, q: Quote, start: int, end: int) -> bool:
    """True when a quotation nested in ``q`` holds ``[start, end)``.

    Only the quotations whose content starts between ``q``'s content start and
    ``start`` are read (no other can hold the stretch).
    """
    lo = bisect.bisect_left(spans.content_starts, q.content_start)
    hi = bisect.bisect_right(spans.content_starts, start)
    for o in spans.by_content[lo:hi]:
        if o is q:
            continue
        if (q.content_start <= o.content_start and o.content_end <= q.content_end
                and o.content_end - o.content_start < q.content_end - q.content_start
                and o.content_start <= start and end <= o.content_end
                and not (o.kind == "partial" and len(o.content.split()) <= 4)):
            return True
    return False


def _mentions_in(mentions: Sequence[Mention], start: int, end: int) -> list[Mention]:
    """The named, non-adjective actor mentions inside ``[start, end)``, in order."""
    if isinstance(mentions, _Actors) and mentions.in_order:
        lo = bisect.bisect_left(mentions.starts, start)
        hi = bisect.bisect_right(mentions.starts, end)
        return [m for m in mentions.actors[lo:hi] if m.end <= end]
    return [m for m in mentions if m.kind == "actor" and m.entity_id
            and start <= m.start and m.end <= end and not m.adjective]


def find_statements(
    text: str,
    mentions: Sequence[Mention],
    quotes: Sequence[Quote],
    events: Sequence[Any] | None = None,
    *,
    concepts: Sequence[Concept] | None = None,
    article_id: str | None = None,
    doc: Document | None = None,
) -> list[Statement]:
    """Derive the actors' statements (actor, concept, agreement) with their evidence.

    Args:
        text: the text the mentions and quotes index (the article text).
        mentions: actor mentions (from :func:`karabakh.text.actors.tag_mentions`).
        quotes: quotations and claims (from :func:`karabakh.extract.quotes.extract_quotes`).
        events: optional speech-act events (:func:`karabakh.extract.events.find_events`);
            records with ``source_id``, the clause span (``clause_start``/``clause_end``,
            else ``start``/``end``) and a ``plover_type`` of a speech act
            (``ACCUSE``, ``REJECT``, ``REQUEST``, ``AGREE``, ``THREATEN``,
            ``SUPPORT``, ``DEMAND``, ``DISAPPROVE``) add statements from
            their clause when no quotation already covers the cue.
        concepts: the concepts (default :func:`load_concepts`).
        article_id: recorded on each statement (keys corrections).
        doc: the article's :class:`~karabakh.text.document.Document` (its text is
            ``text``), whose sentence index bounds the claims found here without a
            quote (built from ``text`` and ``mentions`` if ``None``).

    Returns:
        Statements sorted by evidence start and cue; one per actor, concept,
        agreement, voice and evidence.

    >>> text = 'Yerevan said Armenia did not participate in the fighting.'
    >>> from karabakh import tag_mentions, extract_quotes
    >>> m = tag_mentions(text)
    >>> st = find_statements(text, m, extract_quotes(text, m))
    >>> [(s.actor_id, s.concept_id, s.agreement, s.rule) for s in st]
    [('ARM_GOV', 'armenia_not_party', 1, 'claim:counter-cue+negation')]
    """
    index = _cue_index(tuple(concepts) if concepts is not None else load_concepts())
    sw = _stance_words()
    found: dict[tuple[Any, ...], Statement] = {}
    if doc is None:
        doc = Document(text, mentions=mentions)
    elif doc.text != text:
        raise ValueError("find_statements: doc.text is not the text given")
    mentions = _Actors(mentions)
    spans = _QuoteSpans(quotes)
    units = _units(text, quotes, doc) + _bare_claims(text, mentions, spans, doc)
    for unit, q in units:
        _code_unit(text, unit, index, sw, mentions, found, article_id, doc,
                   skip=lambda s, e, q=q: _inner(spans, q, s, e))
    if events:
        _code_events(text, events, index, sw, mentions, found, article_id, spans, doc)
    return _merge(text, sorted(found.values(), key=lambda s: (s.start, s.cue_start, s.concept_id)))


def _merge(text: str, statements: list[Statement]) -> list[Statement]:
    """One statement for the same position told in two pieces of one sentence.

    "said there was no need for foreign mediation, calling the conflict an
    internal affair": two claims of one speaker, one statement whose
    evidence spans both (rule ``+merged``).
    """
    out: list[Statement] = []
    # Only a statement ending at most 40 characters before this one can take it
    # in: the statements kept, as (end, index) in order, are found by bisection
    # (each statement looks at those few, not at every statement before it).
    ends: list[tuple[int, int]] = []
    for st in statements:
        near = ends[bisect.bisect_left(ends, (st.start - 40, -1)):
                    bisect.bisect_right(ends, (st.start, len(out)))]
        for e, i in sorted(near, key=lambda ei: ei[1]):
            prev = out[i]
            same = (prev.actor_id, prev.concept_id, prev.agreement, prev.voice,
                    prev.reported_by) == (st.actor_id, st.concept_id, st.agreement, st.voice,
                                          st.reported_by)
            between = text[prev.end:st.start]
            if same and prev.actor_id is not None and not _SENTENCE_STOP.search(between):
                out[i] = replace(prev, end=st.end, text=text[prev.start:st.end],
                                 rule=prev.rule + "+merged")
                del ends[bisect.bisect_left(ends, (e, i))]
                bisect.insort(ends, (st.end, i))
                break
        else:
            bisect.insort(ends, (st.end, len(out)))
            out.append(st)
    return out


_SENTENCE_STOP = re.compile(r"[.!?;]")
_MARKS = re.compile(r"[«»“”„‘’‹›\"']")


def _code_events(text: str, events: Sequence[Any], index: _CueIndex,
                 sw: _StanceWords, mentions: Sequence[Mention],
                 found: dict[tuple[Any, ...], Statement], article_id: str | None,
                 spans: _QuoteSpans, doc: Document) -> None:
    speech = {"ACCUSE", "REJECT", "REQUEST", "AGREE", "THREATEN", "SUPPORT", "DEMAND",
              "DISAPPROVE", "CONSULT"}
    coded: set[tuple[Any, ...]] = set()
    for ev in events:
        kind = getattr(ev, "plover_type", None)
        start = getattr(ev, "clause_start", None) or getattr(ev, "start", None)
        end = getattr(ev, "clause_end", None) or getattr(ev, "end", None)
        if kind not in speech or start is None or end is None:
            continue
        # the writer's own account of talks is nobody's statement; a promise on
        # a condition states the condition, not a position on what is promised
        if getattr(ev, "source_id", None) is None or "conditional" in str(
                getattr(ev, "modality", "")):
            continue
        unit = _Unit(start, end, start, end, "event", getattr(ev, "source_id", None),
                     getattr(ev, "source_text", None), getattr(ev, "source_start", None),
                     getattr(ev, "source_end", None), None, f"event:{kind}", None)
        # a second speech act of the same clause and source (an ACCUSE and a
        # REJECT of one sentence) would code statements of the same keys, which
        # the first act's keep: only the rule's name of the act differs
        same = (unit.lo, unit.hi, unit.actor_id, unit.actor_text, unit.actor_start, unit.actor_end)
        if same in coded:
            continue
        coded.add(same)
        _code_unit(text, unit, index, sw, mentions, found, article_id, doc, skip=spans.covers)


def _code_unit(text: str, unit: _Unit, index: _CueIndex, sw: _StanceWords,
               mentions: Sequence[Mention], found: dict[tuple[Any, ...], Statement],
               article_id: str | None, doc: Document, skip: Any) -> None:
    lo, hi = unit.lo, unit.hi
    required: dict[str, bool] = {}  # per concept, whether its ``requires`` word is there
    marks: _ClauseMarks | None = None  # found at the unit's first cue
    for k in index.candidates(_prefilter_text(text[lo:hi])):
        comp, pattern, polarity, _needs = index.entries[k]
        cid = comp.concept.concept_id
        if comp.requires is not None:
            if cid not in required:
                required[cid] = comp.requires.search(text, lo, hi) is not None
            if not required[cid]:
                continue
        for m in pattern.finditer(text, lo, hi):
            gaps = [g for name, g in m.groupdict().items() if name.startswith("g") and g]
            if any(sw.contrast.search(g) for g in gaps):
                continue
            if skip(m.start(), m.end()):
                continue
            if marks is None:
                marks = _ClauseMarks(text, lo, hi)
            st = _code_match(text, unit, cid, polarity, m, gaps, sw, mentions, article_id, marks)
            for one in _what_x_called(text, unit, st, mentions, doc):
                key = (one.actor_id, one.concept_id, one.agreement, one.voice, one.start,
                       one.end, one.reported_by)
                found.setdefault(key, one)


_WHAT_X_CALLED = re.compile(r"\bwhat\s+(.{1,40}?)\s+(?:calls|called|describes as|described as|terms|termed)\s*[«“„‘‹\"']?\s*$",
                            re.IGNORECASE)


def _what_x_called(text: str, unit: _Unit, st: Statement,
                   mentions: Sequence[Mention], doc: Document) -> list[Statement]:
    """Distancing: "Y condemned what X called “anti-terrorist measures”": X's own term, Y's distancing.

    The quotation is X's words (X agrees, own voice); Y, the last actor before
    ``what`` in the sentence, rejects the term (rule ``distancing``).
    """
    if not st.rule.endswith("distancing") or unit.actor_start is None:
        return [st]
    head = text[max(0, st.cue_start - 60):st.cue_start]
    w = _WHAT_X_CALLED.search(head)
    if w is None:
        return [st]
    what_at = st.cue_start - len(head) + w.start()
    if not (what_at <= unit.actor_start < st.cue_start):
        return [st]
    sent_start = doc.sentences.start_of(what_at)
    other = [x for x in _mentions_in(mentions, sent_start, what_at)
             if x.entity_id != unit.actor_id]
    rule = st.rule.replace("+distancing", "")
    mine = replace(st, agreement=1 if ":cue" in rule else -1, rule=rule + "+own-term")
    out = [mine]
    if other:
        y = other[-1]
        out.append(replace(st, actor_id=y.entity_id, actor_text=y.text, actor_start=y.start,
                           actor_end=y.end, agreement=-1, rule=rule + "+distancing"))
    return out


def _code_match(text: str, unit: _Unit, concept_id: str, polarity: int, m: re.Match[str],
                gaps: list[str], sw: _StanceWords, mentions: Sequence[Mention],
                article_id: str | None, marks: _ClauseMarks) -> Statement:
    lo, hi = unit.lo, unit.hi
    cstart = marks.clause_start(m.start())
    rules = ["cue" if polarity > 0 else "counter-cue"]
    agreement = polarity
    # 3. negation before the cue (last five words of its clause) or in its gaps
    before_from = _last_words(text, cstart, m.start(), _GAP_WORDS)
    negs = len(sw.negator.findall(text, before_from, m.start())) + sum(
        len(sw.negator.findall(g)) for g in gaps)
    if negs % 2:
        agreement, rules = -agreement, [*rules, "negation"]
    # "rather than" and at most two more words end at the cue: the last four words hold it
    if sw.flip_before.search(text, _last_words(text, cstart, m.start(), 4), m.start()):
        agreement, rules = -agreement, [*rules, "rather-than"]
    # stance verbs in the clause, and their subject
    voice, reported_by = "own", None
    actor_id, actor_text = unit.actor_id, unit.actor_text
    actor_start, actor_end = unit.actor_start, unit.actor_end
    stance_hit: tuple[int, int, int, str] | None = None
    stance_from = _last_words(text, cstart, m.start(), 8)
    for spat, spol, sword in sw.stance if sw.stance_any.search(text, stance_from, m.start()) else ():
        for sm in spat.finditer(text, stance_from, m.start()):
            if stance_hit is None or sm.start() > stance_hit[0]:
                stance_hit = (sm.start(), sm.end(), spol, sword)
    if stance_hit is not None:
        s0, _s1, spol, sword = stance_hit
        if spol < 0:
            agreement = -agreement
        rules.append(f"stance:{sword}")
        subject_from = _last_words(text, cstart, s0, 6)
        subj = [x for x in _mentions_in(mentions, subject_from, s0) if x.entity_id != unit.actor_id]
        if subj:
            who = subj[-1]
            voice, reported_by = "attributed", unit.actor_id
            actor_id, actor_text, actor_start, actor_end = who.entity_id, who.text, who.start, who.end
            rules.append("attributed")
    if unit.cue and unit.cue.casefold() in _rejecting_cues() and voice == "own":
        agreement, rules = -agreement, [*rules, f"cue-verb:{unit.cue.casefold()}"]
    # 4. scare quotes and distancing
    ev_start, ev_end = unit.ev_start, unit.ev_end
    inside = unit.ev_start <= m.start() and m.end() <= unit.ev_end
    mark = _in_marks(text, lo, m.start(), m.end(), hi)
    if unit.partial_open is not None and (mark == unit.partial_open or (mark is None and inside)):
        # the speaker's own quoted term, unless it stands after a determiner, a
        # possessive or a distancing phrase ("the “anti-terrorist” operation")
        before = text[max(0, unit.partial_open - 40):unit.partial_open].rstrip()
        last = before.split()[-1].casefold() if before.split() else ""
        mark = None
        if last in _DETERMINERS or re.search(r"\w['’]s?$", last) or sw.distancing.search(before):
            mark = unit.partial_open
    if unit.partial_open is not None and (mark is not None or not inside):
        ev_start, ev_end = lo, hi  # the claim the term stands in is the evidence
    if mark is not None:
        before = text[max(0, mark - 40):mark].rstrip()
        if sw.distancing.search(before):
            agreement, rules = -1, [*rules, "distancing"]
        else:
            agreement, rules = 0, [*rules, "scare-quotes"]
    elif sw.distancing.search(_MARKS.sub("", text[max(lo, m.start() - 40):m.start()]).rstrip()):
        agreement, rules = -1, [*rules, "distancing"]
    return Statement(
        start=ev_start,
        end=ev_end,
        text=text[ev_start:ev_end],
        actor_id=actor_id,
        actor_text=actor_text,
        actor_start=actor_start,
        actor_end=actor_end,
        concept_id=concept_id,
        agreement=agreement,
        evidence=unit.evidence,
        cue_start=m.start(),
        cue_end=m.end(),
        cue_text=m.group(0),
        voice=voice,
        reported_by=reported_by,
        reported_by_opponent=voice == "attributed" and _opponents(actor_id, reported_by),
        rule=unit.rule.split("+")[0] + ":" + "+".join(rules)
        + ("+glued-name" if "glued-name" in unit.rule else ""),
        article_id=article_id,
    )


# --- researcher corrections ---------------------------------------------------

_CORRECTION_COLUMNS = ("article_id", "action", "concept_id", "actor_id", "evidence_start",
                       "evidence_end", "agreement", "new_actor_id", "note")


def _int(value: str, where: str, name: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"{where}: {name} must be an integer, got {value!r}") from None


def apply_corrections(
    statements: Sequence[Statement],
    csv_path: str | os.PathLike[str],
    *,
    text: str | None = None,
) -> list[Statement]:
    r"""Apply the researcher's own coding on top of the statements the rules derived.

    The corrections file (see ``data/corrections_example.csv`` and
    ``data/README.md``) has one row per decision, keyed by ``article_id``
    and the evidence span (``evidence_start``, ``evidence_end``) with the
    ``concept_id`` (and ``actor_id``, when the rules found more than one
    actor there):

    * ``remove``: the statement is kept, marked ``status="removed"`` (so
      :func:`positions` and the networks leave it out, and what the rules
      said is still there to see);
    * ``change``: a new ``agreement`` and/or ``new_actor_id``;
      ``rule_agreement`` keeps what the rules said, ``status="changed"``;
    * ``add``: a statement the rules missed (``status="added"``,
      ``rule="researcher"``, ``evidence="researcher"``).

    Every row carries a ``note`` (why), copied onto the statement.
    Corrections are never written into the rules' records: the input list
    is not modified.

    Args:
        statements: the statements derived by :func:`find_statements`.
        csv_path: the corrections CSV (``#`` lines are comments).
        text: the article text; needed for ``add`` rows (the evidence words
            are taken from it) and used to check the spans.

    Returns:
        The corrected statements, sorted as :func:`find_statements` sorts.

    Raises:
        ValueError: naming the file and line for a missing column, an
            unknown action, a bad number, an ``add`` without the text, or a
            ``remove``/``change`` that matches no statement.

    >>> import tempfile, pathlib
    >>> st = [Statement(0, 4, "Baku", "AZE_GOV", "Baku", 0, 4, "ceasefire_and_talks", 1,
    ...                 "claim", 0, 4, "Baku", article_id="a1")]
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "fix.csv"
    >>> _ = p.write_text("article_id,action,concept_id,actor_id,evidence_start,evidence_end,"
    ...                  "agreement,new_actor_id,note\n"
    ...                  "a1,change,ceasefire_and_talks,AZE_GOV,0,4,-1,,conditional\n")
    >>> [(s.agreement, s.rule_agreement, s.status, s.note) for s in apply_corrections(st, p)]
    [(-1, 1, 'changed', 'conditional')]
    """
    path = Path(csv_path)
    rows = _read_csv_lines(path)
    out = list(statements)
    for line, row in rows:
        where = f"{path} line {line}"
        missing = [c for c in ("action", "concept_id", "evidence_start", "evidence_end", "note")
                   if c not in row]
        if missing:
            raise ValueError(f"{where}: missing column(s) {missing}")
        action = row["action"].lower()
        start = _int(row["evidence_start"], where, "evidence_start")
        end = _int(row["evidence_end"], where, "evidence_end")
        if not 0 <= start < end:
            raise ValueError(f"{where}: bad evidence span {start}-{end}")
        if text is not None and end > len(text):
            raise ValueError(f"{where}: evidence span {start}-{end} is past the end of the text")
        art, cid, actor = row.get("article_id") or None, row["concept_id"], row.get("actor_id") or None
        note = row["note"] or None
        agreement = None
        if row.get("agreement"):
            agreement = _int(row["agreement"], where, "agreement")
            if agreement not in (-1, 0, 1):
                raise ValueError(f"{where}: agreement must be -1, 0 or 1, got {agreement}")
        if action == "add":
            if text is None:
                raise ValueError(f"{where}: an 'add' needs the article text (text=...)")
            if actor is None or agreement is None:
                raise ValueError(f"{where}: an 'add' needs actor_id and agreement")
            out.append(Statement(start, end, text[start:end], actor, None, None, None, cid,
                                 agreement, "researcher", start, end, text[start:end],
                                 rule="researcher", article_id=art, status="added", note=note))
            continue
        if action not in ("remove", "change"):
            raise ValueError(f"{where}: action must be add, remove or change, got {action!r}")
        hits = [i for i, s in enumerate(out)
                if s.start == start and s.end == end and s.concept_id == cid
                and (art is None or s.article_id == art) and (actor is None or s.actor_id == actor)
                and s.status != "removed"]
        if not hits:
            raise ValueError(f"{where}: no statement {art or ''} {start}-{end} {cid} "
                             f"{actor or ''} to {action}")
        for i in hits:
            s = out[i]
            before = s.rule_agreement if s.status != "rules" else s.agreement
            if action == "remove":
                out[i] = replace(s, status="removed", rule_agreement=before, note=note)
            else:
                new_actor = row.get("new_actor_id") or None
                if agreement is None and new_actor is None:
                    raise ValueError(f"{where}: a 'change' needs agreement or new_actor_id")
                out[i] = replace(s, agreement=s.agreement if agreement is None else agreement,
                                 actor_id=new_actor or s.actor_id, status="changed",
                                 rule_agreement=before, note=note)
    return sorted(out, key=lambda s: (s.article_id or "", s.start, s.cue_start, s.concept_id))


def _read_csv_lines(path: Path) -> list[tuple[int, dict[str, str]]]:
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: cannot read ({exc})") from None
    numbered = [(i, ln) for i, ln in enumerate(raw.splitlines(), start=1)
                if ln.strip() and not ln.startswith("#")]
    if not numbered:
        raise ValueError(f"{path}: no header row")
    reader = csv.reader([ln for _i, ln in numbered])
    header = [h.strip() for h in next(reader)]
    out = []
    for (line, _ln), values in zip(numbered[1:], reader, strict=True):
        if len(values) != len(header):
            raise ValueError(f"{path} line {line}: {len(values)} fields, header has {len(header)}")
        out.append((line, {h: v.strip() for h, v in zip(header, values, strict=True)}))
    return out


def corrections_table(statements: Sequence[Statement]) -> pd.DataFrame:
    """The researcher's decisions in ``statements`` as rows of a corrections file.

    Writing this frame with ``to_csv(path, index=False)`` and applying it to
    the rules' statements again gives the same result (the round trip).

    >>> st = [Statement(0, 4, "Baku", "AZE_GOV", "Baku", 0, 4, "ceasefire_and_talks", 0,
    ...                 "claim", 0, 4, "Baku", article_id="a1", status="changed",
    ...                 rule_agreement=1, note="conditional")]
    >>> corrections_table(st)[["action", "agreement", "note"]].values.tolist()
    [['change', 0, 'conditional']]
    """
    import pandas as pd

    rows = []
    for s in statements:
        if s.status == "rules":
            continue
        action = {"removed": "remove", "changed": "change", "added": "add"}[s.status]
        rows.append({"article_id": s.article_id or "", "action": action,
                     "concept_id": s.concept_id,
                     "actor_id": (s.actor_id or "") if action != "change" else "",
                     "evidence_start": s.start, "evidence_end": s.end,
                     "agreement": s.agreement if action != "remove" else "",
                     "new_actor_id": (s.actor_id or "") if action == "change" else "",
                     "note": s.note or ""})
    return pd.DataFrame(rows, columns=list(_CORRECTION_COLUMNS))


# --- positions and networks -----------------------------------------------------

#: Order of sides in tables and charts: the two parties, Karabakh, then the others.
SIDE_ORDER = ("AZE", "NKR", "ARM", "RUS", "TUR", "IRN", "USA", "EU", "DEU", "FRA", "GBR", "UN",
              "INT")


def _live(statements: Sequence[Statement], voice: str | None) -> list[Statement]:
    return [s for s in statements if s.status != "removed" and s.actor_id is not None
            and (voice is None or s.voice == voice)]


def _side_key(actor_id: str) -> tuple[int, str]:
    side = actor_side(actor_id) or "INT"
    return (SIDE_ORDER.index(side) if side in SIDE_ORDER else len(SIDE_ORDER), actor_id)


def positions(statements: Sequence[Statement], *, voice: str | None = "own") -> pd.DataFrame:
    """Each actor's position on each concept: mean agreement in -1..+1, with counts.

    Removed statements and statements without an actor id are left out;
    by default only the actors' own words count (``voice="own"``; ``None``
    counts attributed positions too).

    Args:
        statements: statements (after :func:`apply_corrections`, if any).
        voice: ``"own"``, ``"attributed"`` or ``None`` for both.

    Returns:
        One row per actor and concept, ordered by side then actor: ``actor_id``,
        ``side``, ``concept_id``, ``mean`` (-1..+1), ``n`` statements,
        ``agree``, ``reject``, ``neutral`` (counts of +1, -1 and 0).

    >>> st = [Statement(0, 4, "Baku", "AZE_GOV", "Baku", 0, 4, "ceasefire_and_talks", a,
    ...                 "claim", 0, 4, "Baku") for a in (1, 1, -1)]
    >>> positions(st)[["actor_id", "concept_id", "mean", "n", "agree", "reject"]].round(2).values.tolist()
    [['AZE_GOV', 'ceasefire_and_talks', 0.33, 3, 2, 1]]
    """
    import pandas as pd

    cols = ["actor_id", "side", "concept_id", "mean", "n", "agree", "reject", "neutral"]
    groups: dict[tuple[str, str], list[int]] = {}
    for s in _live(statements, voice):
        assert s.actor_id is not None
        groups.setdefault((s.actor_id, s.concept_id), []).append(s.agreement)
    rows = []
    for (actor, concept), ags in sorted(groups.items(), key=lambda kv: (_side_key(kv[0][0]),
                                                                        kv[0][1])):
        rows.append({"actor_id": actor, "side": actor_side(actor), "concept_id": concept,
                     "mean": sum(ags) / len(ags), "n": len(ags),
                     "agree": ags.count(1), "reject": ags.count(-1), "neutral": ags.count(0)})
    return pd.DataFrame(rows, columns=cols)


def position_matrix(statements: Sequence[Statement], *, voice: str | None = "own") -> pd.DataFrame:
    """The actor x concept matrix of mean agreement (NaN where an actor said nothing).

    Rows are ordered by side (``SIDE_ORDER``), columns in the order of
    ``data/concepts.csv``.

    >>> st = [Statement(0, 4, "Baku", "AZE_GOV", "Baku", 0, 4, "ceasefire_and_talks", -1,
    ...                 "claim", 0, 4, "Baku")]
    >>> position_matrix(st).loc["AZE_GOV", "ceasefire_and_talks"]
    np.float64(-1.0)
    """
    frame = positions(statements, voice=voice)
    order = [c.concept_id for c in load_concepts()]
    if frame.empty:
        import pandas as pd

        return pd.DataFrame(dtype=float)
    wide = frame.pivot(index="actor_id", columns="concept_id", values="mean")
    cols = [c for c in order if c in wide.columns] + [c for c in wide.columns if c not in order]
    rows = sorted(wide.index, key=_side_key)
    return wide.loc[rows, cols]


_KINDS = ("congruence", "conflict", "affiliation")


def actor_network(
    statements: Sequence[Statement], kind: str = "congruence", *, voice: str | None = "own"
) -> pd.DataFrame:
    """An edge list in the manner of DNA: congruence, conflict or affiliation.

    Each actor's stance on a concept is the sign of its mean agreement
    (+1 or -1; a mean of 0, neutral mentions included, is no stance).

    * ``congruence``: actors linked when they take the same stance on a
      concept; ``weight`` = number of such concepts;
    * ``conflict``: actors linked when they take opposite stances;
    * ``affiliation``: the two-mode actor-concept network; one edge per
      actor and concept with ``weight`` = number of statements and
      ``agreement`` = mean agreement.

    Args:
        statements: statements (removed ones and those without an actor are left out).
        kind: ``"congruence"``, ``"conflict"`` or ``"affiliation"``.
        voice: as in :func:`positions`.

    Returns:
        Columns ``source``, ``target``, ``weight``, ``agreement`` (mean, for
        affiliation; the shared stance for congruence, ``NaN`` for conflict) and
        ``concepts`` (the concepts behind the edge, ``|``-separated).

    Raises:
        ValueError: for an unknown ``kind``.

    >>> st = [Statement(0, 4, "x", a, "x", 0, 4, "diplomatic_solution", g, "claim", 0, 4, "x")
    ...       for a, g in (("DEU", 1), ("EU", 1), ("AZE", -1))]
    >>> actor_network(st, "congruence")[["source", "target", "weight"]].values.tolist()
    [['EU', 'DEU', 1]]
    >>> sorted(actor_network(st, "conflict")["target"])
    ['DEU', 'EU']
    """
    import pandas as pd

    if kind not in _KINDS:
        raise ValueError(f"kind must be one of {_KINDS}, not {kind!r}")
    frame = positions(statements, voice=voice)
    cols = ["source", "target", "weight", "agreement", "concepts"]
    if frame.empty:
        return pd.DataFrame(columns=cols)
    if kind == "affiliation":
        rows = [{"source": r["actor_id"], "target": r["concept_id"], "weight": int(r["n"]),
                 "agreement": float(r["mean"]), "concepts": r["concept_id"]}
                for r in frame.to_dict("records")]
        return pd.DataFrame(rows, columns=cols)
    stance: dict[str, dict[str, int]] = {}
    for r in frame.to_dict("records"):
        mean = float(r["mean"])
        if mean != 0:
            stance.setdefault(str(r["actor_id"]), {})[str(r["concept_id"])] = 1 if mean > 0 else -1
    actors = sorted(stance, key=_side_key)
    rows = []
    for i, a in enumerate(actors):
        for b in actors[i + 1:]:
            shared = sorted(set(stance[a]) & set(stance[b]))
            if kind == "congruence":
                hit = [c for c in shared if stance[a][c] == stance[b][c]]
            else:
                hit = [c for c in shared if stance[a][c] != stance[b][c]]
            if hit:
                agreement = (sum(stance[a][c] for c in hit) / len(hit)
                             if kind == "congruence" else float("nan"))
                rows.append({"source": a, "target": b, "weight": len(hit),
                             "agreement": agreement, "concepts": "|".join(hit)})
    return pd.DataFrame(rows, columns=cols)


def actor_graph(
    statements: Sequence[Statement], kind: str = "congruence", *, voice: str | None = "own"
) -> nx.Graph[str]:
    """The network of :func:`actor_network` as a :class:`networkx.Graph`.

    Nodes carry ``kind`` (``actor`` or ``concept``), ``label`` and, for
    actors, ``side``; edges carry ``weight``, ``agreement`` and ``concepts``
    (all plain strings and numbers, so the graph writes to GraphML).

    >>> st = [Statement(0, 4, "x", a, "x", 0, 4, "diplomatic_solution", 1, "claim", 0, 4, "x")
    ...       for a in ("DEU", "EU")]
    >>> g = actor_graph(st, "affiliation")
    >>> sorted(g.nodes), g.nodes["DEU"]["side"], g["DEU"]["diplomatic_solution"]["weight"]
    (['DEU', 'EU', 'diplomatic_solution'], 'DEU', 1)
    """
    import math

    import networkx as nx

    edges = actor_network(statements, kind, voice=voice)
    g: nx.Graph[str] = nx.Graph(kind=kind)
    labels = {c.concept_id: c.label for c in load_concepts()}
    actors = {s.actor_id for s in _live(statements, voice)}
    for r in edges.to_dict("records"):
        for node in (str(r["source"]), str(r["target"])):
            if node in g:
                continue
            if kind == "affiliation" and node not in actors:
                g.add_node(node, kind="concept", label=labels.get(node, node), side="")
            else:
                info = actor_info(node)
                g.add_node(node, kind="actor", label=info.name if info else node,
                           side=actor_side(node) or "")
        agreement = float(r["agreement"])
        g.add_edge(str(r["source"]), str(r["target"]), weight=int(r["weight"]),
                   agreement=0.0 if math.isnan(agreement) else agreement,
                   concepts=str(r["concepts"]))
    return g


def to_graphml(graph: nx.Graph[str], path: str | os.PathLike[str]) -> Path:
    """Write a graph of :func:`actor_graph` as GraphML, for visone, Gephi or networkx.

    >>> import tempfile, pathlib, networkx as nx
    >>> st = [Statement(0, 4, "x", a, "x", 0, 4, "diplomatic_solution", 1, "claim", 0, 4, "x")
    ...       for a in ("DEU", "EU")]
    >>> p = to_graphml(actor_graph(st), pathlib.Path(tempfile.mkdtemp()) / "g.graphml")
    >>> list(nx.read_graphml(p).edges)
    [('EU', 'DEU')]
    """
    import networkx as nx

    p = Path(path)
    nx.write_graphml(graph, p)
    return p


def statement_table(statements: Sequence[Statement]) -> pd.DataFrame:
    """A DNA-style statement table: one row per statement, for export or import elsewhere.

    Columns follow the Discourse Network Analyzer's statement export
    (``id``, ``document``, ``start``, ``stop``, ``text``, ``coder``,
    ``organization``, ``concept``, ``agreement``) plus what the rules
    recorded (``actor_text``, ``evidence``, ``cue``, ``voice``,
    ``reported_by``, ``rule``, ``status``, ``rule_agreement``, ``note``).
    ``coder`` is ``rules`` or ``researcher``. Write it with ``to_csv``.

    >>> st = [Statement(0, 4, "Baku", "AZE_GOV", "Baku", 0, 4, "ceasefire_and_talks", 1,
    ...                 "claim", 0, 4, "Baku", article_id="a1")]
    >>> statement_table(st).loc[0, ["document", "organization", "concept", "coder"]].tolist()
    ['a1', 'AZE_GOV', 'ceasefire_and_talks', 'rules']
    """
    import pandas as pd

    rows = []
    for i, s in enumerate(statements, start=1):
        rows.append({
            "id": i, "document": s.article_id or "", "start": s.start, "stop": s.end,
            "text": s.text, "coder": "rules" if s.status == "rules" else "researcher",
            "organization": s.actor_id or "", "concept": s.concept_id,
            "agreement": s.agreement, "actor_text": s.actor_text or "",
            "evidence": s.evidence, "cue": s.cue_text, "voice": s.voice,
            "reported_by": s.reported_by or "", "rule": s.rule, "status": s.status,
            "rule_agreement": "" if s.rule_agreement is None else s.rule_agreement,
            "note": s.note or "",
        })
    cols = ["id", "document", "start", "stop", "text", "coder", "organization", "concept",
            "agreement", "actor_text", "evidence", "cue", "voice", "reported_by", "rule",
            "status", "rule_agreement", "note"]
    return pd.DataFrame(rows, columns=cols)


def position_map(statements: Sequence[Statement], *, voice: str | None = "own") -> pd.DataFrame:
    """Two-dimensional map of the actors' positions: PCA of the actor x concept matrix.

    The matrix of :func:`position_matrix` (mean agreement, 0 where an actor
    said nothing on a concept) is centred by concept and reduced by a
    singular value decomposition (principal component analysis in plain
    numpy: the matrix is a few dozen cells, and agreement in -1..+1 is not
    the table of counts that correspondence analysis needs). Actors close on
    the map take similar positions.

    Args:
        statements: statements (removed ones and those without an actor are left out).
        voice: as in :func:`positions`.

    Returns:
        One row per actor: ``actor_id``, ``side``, ``x``, ``y``, ``n``
        (statements). ``attrs["explained"]`` holds the share of variance of
        the two axes and ``attrs["loadings"]`` a frame of each concept's
        ``x``/``y`` direction. With one actor or one concept the axes are 0.

    >>> st = [Statement(0, 1, "x", a, "x", 0, 1, c, g, "claim", 0, 1, "x")
    ...       for a, c, g in (("AZE", "counter_terrorism", 1), ("ARM", "counter_terrorism", -1),
    ...                       ("ARM", "ethnic_cleansing", 1), ("DEU", "ethnic_cleansing", 1))]
    >>> m = position_map(st)
    >>> list(m.actor_id), bool(m.set_index("actor_id").x.abs().max() > 0)
    (['AZE', 'ARM', 'DEU'], True)
    """
    import numpy as np
    import pandas as pd

    matrix = position_matrix(statements, voice=voice)
    cols = ["actor_id", "side", "x", "y", "n"]
    if matrix.empty:
        out = pd.DataFrame(columns=cols)
        out.attrs.update(explained=(0.0, 0.0), loadings=pd.DataFrame(columns=["x", "y"]))
        return out
    values = matrix.fillna(0.0).to_numpy(dtype=float)
    centred = values - values.mean(axis=0, keepdims=True)
    u, s, vt = np.linalg.svd(centred, full_matrices=False)
    k = min(2, len(s))
    coords = np.zeros((len(matrix), 2))
    coords[:, :k] = u[:, :k] * s[:k]
    # a deterministic sign: the first actor of the first side on the left
    for j in range(k):
        if coords[0, j] > 0:
            coords[:, j] *= -1
            vt[j] *= -1
    total = float((s ** 2).sum())
    explained = tuple(float(s[j] ** 2 / total) if total and j < k else 0.0 for j in range(2))
    counts = positions(statements, voice=voice).groupby("actor_id")["n"].sum()
    out = pd.DataFrame({"actor_id": list(matrix.index),
                        "side": [actor_side(a) for a in matrix.index],
                        "x": coords[:, 0], "y": coords[:, 1],
                        "n": [int(counts.get(a, 0)) for a in matrix.index]}, columns=cols)
    load = np.zeros((len(matrix.columns), 2))
    load[:, :k] = vt[:k].T
    out.attrs.update(explained=explained,
                     loadings=pd.DataFrame(load, index=list(matrix.columns), columns=["x", "y"]))
    return out


def actor_tone(text: str, mentions: Sequence[Mention], quotes: Sequence[Quote]) -> pd.DataFrame:
    """Each speaker's lexical tone toward each other actor, from the VADER lexicon.

    A separate, lexical measure, not a position: for every quotation or claim
    with a known speaker, each sentence of its content that names another
    actor is scored with VADER's compound score (-1 negative .. +1
    positive), and the scores are averaged per (speaker, named actor).
    The lexicon comes from :func:`karabakh.resources.ensure_nltk_data`,
    offline.

    Returns:
        Columns ``speaker_id``, ``target_id``, ``tone`` (mean compound), ``n``
        (sentences), ordered by the speaker's side.

    >>> t = "Baku said Yerevan was guilty of a terrible, cruel provocation."
    >>> from karabakh import tag_mentions, extract_quotes
    >>> m = tag_mentions(t)
    >>> tone = actor_tone(t, m, extract_quotes(t, m))
    >>> tone[["speaker_id", "target_id"]].values.tolist(), bool(tone.tone.iloc[0] < 0)
    ([['AZE_GOV', 'ARM_GOV']], True)
    """
    import pandas as pd
    from nltk.sentiment import SentimentIntensityAnalyzer

    from ..resources import ensure_nltk_data

    ensure_nltk_data()
    sia = SentimentIntensityAnalyzer()
    scores: dict[tuple[str, str], list[float]] = {}
    for q in quotes:
        if q.speaker_id is None:
            continue
        for piece in re.finditer(r"[^.!?]+[.!?]?", text[q.content_start:q.content_end]):
            lo = q.content_start + piece.start()
            hi = q.content_start + piece.end()
            named = {m.entity_id for m in _mentions_in(mentions, lo, hi)} - {q.speaker_id}
            if not named:
                continue
            compound = float(sia.polarity_scores(piece.group(0))["compound"])
            for target in named:
                assert target is not None
                scores.setdefault((q.speaker_id, target), []).append(compound)
    rows = [{"speaker_id": a, "target_id": b, "tone": sum(v) / len(v), "n": len(v)}
            for (a, b), v in sorted(scores.items(), key=lambda kv: (_side_key(kv[0][0]),
                                                                    _side_key(kv[0][1])))]
    return pd.DataFrame(rows, columns=["speaker_id", "target_id", "tone", "n"])
