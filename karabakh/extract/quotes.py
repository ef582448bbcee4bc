"""Quotations and reported claims, attributed to actors.

:func:`extract_quotes` finds three kinds of :class:`~karabakh.records.Quote`:

* ``direct``: a quotation in marks that stands as its own sentence or clause
  (``“We will stop,” she said.`` / ``Moscow accuses: «...»``);
* ``partial``: a quoted fragment inside a sentence of the writer's
  (``defined the offensive as “an ethnic cleansing operation”``,
  ``said that «...»``, ``promises an end “if ...”``);
* ``indirect``: reported speech without marks (``X said that ...``,
  ``according to X, ...``, ``X claims that ...``, ``X announced a truce``).

Quote marks (offsets never shift; the text is only read):

1. Candidates are ``« » “ ” „ " ‘ ’ ‹ › '``. ``’`` and ``'`` between two
   letters or digits are apostrophes (``Baku’s``, ``don’t``), as is a
   trailing ``’`` after ``s`` when no single quotation is open
   (``the Armenians’ homes``).
2. A mark opens when it is left-flanking (no space after, space or
   punctuation before) and closes when it is right-flanking; when context
   cannot tell, the glyph decides (« „ “ ‘ open, » ” ’ close, ``"`` toggles).
   Any opening mark may be closed by any closing mark of the same weight
   (« closed by ” is accepted); single marks nest inside double ones.
3. A quotation continues across sentences. At a paragraph break with a
   quotation still open, it continues when the next paragraph starts with an
   opening mark (the English convention of reopening each paragraph of one
   quotation); otherwise it is *unclosed*: it is kept up to the end of the
   paragraph, with ``speaker_id=None`` and a ``problem``. A closing mark with
   no opening mark keeps the words from the start of the paragraph (or the
   previous quotation) with a ``problem`` too. Nothing is ever dropped and
   nothing raises on real text.
4. A quotation that contains an attribution clause ending a sentence
   (``... were killed, the ministry reported. On Tuesday ...``) lost its
   marks around the attribution: it is split there, each part keeping a
   ``problem`` that says so.

Cues come from ``data/reporting_verbs.csv`` (every form written out; matched
case-sensitively in lower case, so ``State`` in ``Secretary of State`` is not
a cue). A form that is also a noun (``reports``, ``claims``, ``calls for``:
the ``noun_forms`` column) is no cue before ``of`` or after a possessive, a
number, a lower-case participle, another cue form or a few modifiers
(``called reports of ...``, ``Baku's claims``, ``repeated calls for``);
``Baku reports that`` stays a cue. A quotation's cue and speaker are looked
for, in this order: an attribution found inside it (rule 4); for a quotation
continued into a new paragraph (rule 3) that opens right after an attributed
quotation, that attribution (``speaker_rule='previous'``: the news
convention is that the same speaker goes on); right after it in the same
sentence (``,” the ministry said`` / ``,” said Baerbock``; not after a
quotation that ended its sentence with a full stop); before it in the same
sentence (the last cue not inside another quotation and not a noun, with its
subject, or ``by X`` after a nominal cue such as ``an appeal ... by X``); the
attribution of the quotation just before, when only white space separates
them (``“...,” she said. “...”``); the next sentence when it reads ``X said
this/so`` ; the previous paragraph when it ends with a colon; a headline-like fragment
before a colon that starts with a name and has no verb (``Aliyev on the
offensive: “...”``: the name, no cue, and a ``problem`` that says so). A
cue of the ``colon`` frame (``addressed the nation:``, ``continued``,
``as one official put it``) introduces only quotations, never a claim. A
partial quotation followed by ``, a charge X denies`` keeps the cue before
it. An ``-ing`` cue after a comma (``..., the ministry said, adding that
...``) shares the speaker of the cue before it in the sentence, for a
quotation and for a claim. When the
speaker after the quotation is a possessive pronoun's staff (``“...”, his
spokesman said``) and a cue with a subject stands before the quotation in
the same sentence (``Guterres called for “...”, his spokesman said``), the
claim is that subject's, and the ``problem`` notes the channel ("reported
through 'his spokesman said'").

Speakers (never a guess; unresolved gives ``speaker_id=None`` and a
``problem``; a resolved speaker may carry a ``problem`` too, as a note):

* an actor mention (from :func:`karabakh.text.actors.tag_mentions`) in the
  speaker phrase: a person wins (``The President of Azerbaijan, Ilham
  Aliyev``), otherwise the first non-adjective actor before any
  preposition (``The Armenians of Nagorno Karabakh``). A person matched on
  the surname alone right after an unknown given name (``Hayk Vardanyan``
  when only ``Vardanyan`` is an alias) is another person: ``None``;
* a name the dictionary does not know (a ``kind="unknown"`` mention in the
  speaker phrase, or its appositive: ``Deputy Foreign Minister Jane Doe``)
  is the speaker: ``None``, ``speaker_text`` names that person and the
  ``problem`` reads "speaker is not in the dictionary: 'Jane Doe'" (never
  another holder of the title);
* spokespersons (``speaks_for`` nouns of ``data/speaker_nouns.csv``:
  spokesman, press secretary, press service, office) speak for the actor
  named before the noun or after ``for``/``of`` (``Armenian government
  spokeswoman Jane Doe``, ``a spokesman for the ministry``, ``Aliyev's
  office``) or for the antecedent of a possessive pronoun (``his
  spokesman``): the words are attributed to that actor with
  ``speaker_rule='spokesperson-for'`` and a ``problem`` that names the
  spokesperson. A spokesperson who is in the dictionary (``Kremlin
  spokesman Dmitry Peskov``) is the speaker;
* ``he``/``she`` (and ``his``/``her``) refer to the most recent sentence
  that names a person (earlier speakers and mentions alike); in it a speaker
  wins over other mentions; when it names two different persons and no
  single speaker the pronoun is ambiguous: ``None``. Gender is not in the
  dictionary, so he and she are treated alike. ``it``/``they`` resolve to
  the most recent body (any non-person actor), preferring earlier speakers
  over other mentions. A pronoun whose antecedent is an unknown name gives
  ``None`` with that name as ``speaker_text``; one whose antecedent is an
  unknown spokesperson gives the actor spoken for;
* a describing noun (``the ministry``, ``the politician``, ``German
  minister``; ``data/speaker_nouns.csv``) resolves to the most recent actor
  of a matching type, role and side, speakers first. The side comes from a
  country adjective or name in the phrase, or else from a place that also
  names an actor (``the foreign ministry in Baku``: Baku is ``AZE_GOV``, so
  the side is AZE). When no earlier actor matches and the phrase has one
  side, the dictionary decides (``speaker_rule='dictionary'``): the one
  non-person actor of that side whose type and name fit the noun
  (``foreign ministry`` -> ``AZE_MFA``); if several fit, those whose name
  contains the noun, then the actor the place names (``officials in
  Stepanakert``); still several, or none: ``None`` -- unless the phrase
  names its country or capital as an actor (``Baku's ministry``), which is
  then the speaker, with a note. A party or agency named in the phrase is
  the speaker (``the FRA leadership``). ``its``/``his`` + an institution
  noun (``its defence ministry``) is looked up the same way with the
  antecedent's side;
* ``a statement from X`` / ``a report by X``: the speaker is X;
* a cue coordinated with an earlier one in the same sentence (``Armenia
  claims that ... and calls for ...``) shares its speaker;
* an indefinite description (``an official``, ``a diplomat``) introduces an
  unnamed speaker: ``None``, and so is a later ``the official``; so does a
  bare plural without a determiner or a side (``Officials said``,
  ``Witnesses said``) and a noun for people who are never in the dictionary
  (``a source``, ``residents``: ``match`` ``-`` in ``speaker_nouns.csv``);
* a describing noun whose most recent match stands in a sentence that names
  another actor the noun fits (``The Armenian foreign ministry and the
  Azerbaijani foreign ministry ... The ministry said``) is ambiguous:
  ``None``. A lower-case word before a generic ``ministry`` must be in the
  actor's name (``the health ministry`` is no foreign ministry);
* several speakers joined by ``and`` (``Macron and Scholz said``, ``“...,”
  Borrell and Blinken said``) are no one speaker: ``None``, with a
  ``problem`` naming each (``several speakers: Emmanuel Macron
  (MACRON_EMMANUEL) and Olaf Scholz (SCHOLZ_OLAF)``), so that a researcher
  can split the statement by hand. A singular cue (``says``) never takes two
  subjects.

The subject of a cue is the phrase after the last clause boundary (comma,
``and``, ``when``, ``that`` ...) before it, auxiliaries and adverbs of time
set aside (before or after it: ``Later the governor said``); when a comma
comes right before the cue (``Pashinian, already accused of ..., assured
today``) the subject is the first phrase of the clause, with an appositive
name after it (``The President of Azerbaijan, Ilham Aliyev, ...``). A cue
that is passive (``reported by``, ``was said``; but ``was quoted as
saying`` is a cue of its own), nominal (``the report``, ``an observation
post``) or a secondary source (``as reported by``) makes no claim of its
own. A news agency told (``told Reuters``) is the channel, not the speaker,
and an addressee after ``told`` is not part of the claim (``told reporters
the talks had failed``). ``what it called`` takes ``it`` as the subject.

Wire copy: a dateline opening a paragraph (``YEREVAN, Sept 25 (Reuters) -``,
``BAKU, Azerbaijan (AP) —``) is a sentence of its own, so a quotation after it
is direct and no dateline enters a claim. A claim whose attribution ends the
sentence (``Troops took the heights, the defence ministry said in a
statement.`` / ``..., said the ministry.``) is the text before the comma,
when what follows the cue is only an adjunct (``in a statement``, ``on
Tuesday``, ``on X, formerly Twitter``) and the claim does not open with a
subordinating word or a preposition (``After the talks ended, X said
nothing`` is no claim). An attribution in the middle of the claim (``The
road, the ministry said, will reopen``) keeps the whole sentence as the
content, with a ``problem``. A claim ends where ``, and`` / ``, while`` /
``;`` start a clause with a cue of its own.
A quotation that opens a parenthesis (``(“...,” she said.)``) is direct.

>>> text = "“We will not leave,” the minister said. “Never.”"
>>> [(q.kind, q.content, q.cue) for q in extract_quotes(text, mentions=[])]
[('direct', 'We will not leave', 'said'), ('direct', 'Never.', 'said')]
>>> text = "The foreign ministry in Baku said residents were free to stay."
>>> [(q.speaker_id, q.speaker_rule) for q in extract_quotes(text)]
[('AZE_MFA', 'dictionary')]
>>> q = extract_quotes("“Buses are coming,” said Armenian government spokeswoman Jane Doe.")[0]
>>> (q.speaker_id, q.speaker_rule, q.speaker_text)
('ARM_GOV', 'spokesperson-for', 'Jane Doe')
>>> q.problem
"speaker is not in the dictionary: 'Jane Doe'; the words are attributed to
 Government of Armenia, on whose behalf the speaker speaks"
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, NamedTuple

from ..records import Mention, Quote
from ..resources import read_data_csv
from ..text._patterns import trie_regex
from ..text.actors import actor_info
from ..text.articles import header_match, parse_dateline
from ..text.clauses import (
    AUX,
    CLAUSE_START,
    DETERMINERS,
    FINITE,
    NP_STOP,
    PREP_START,
    WORD_BEFORE,
    np_after,
    np_ok,
    speaker_nouns,
    speaks_for_in,
    strip_aux,
    subject_of,
    trim,
)
from ..text.document import Document
from ..text.references import POSSESSIVE_PRONOUN, Antecedent, Resolution, Resolver
from ..text.sentences import SENT_END, SentenceIndex, paragraph_breaks

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ReportingVerb", "extract_quotes", "quote_spans", "quotes_table", "reporting_verbs"]


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
            ``claims``); the module docstring says when they are no cue.

    >>> reporting_verbs()[0].forms[:3]
    ('say', 'says', 'said')
    >>> {v.lemma: v.nouns for v in reporting_verbs()}["report"]
    ('report', 'reports')
    """

    lemma: str
    forms: tuple[str, ...]
    kind: str
    frame: str
    nouns: tuple[str, ...] = ()


# ---------------------------------------------------------------- loaders


@functools.cache
def reporting_verbs() -> tuple[ReportingVerb, ...]:
    """Load the reporting verbs and phrases (cached, immutable).

    Returns:
        One :class:`ReportingVerb` per row of ``data/reporting_verbs.csv``.

    Raises:
        ValueError: when a row has an unknown ``frame`` or no forms.

    >>> {v.lemma: v.frame for v in reporting_verbs()}["according to"]
    'source'
    """
    out = []
    for i, row in enumerate(read_data_csv("reporting_verbs.csv")):
        forms = tuple(f.strip() for f in row["forms"].split("|") if f.strip())
        nouns = tuple(f.strip() for f in (row.get("noun_forms") or "").split("|") if f.strip())
        if not forms or row["frame"] not in {"that", "object", "as", "source", "colon"}:
            raise ValueError(f"reporting_verbs.csv row {i + 1}: bad forms or frame in {row}")
        if not set(nouns) <= set(forms):
            raise ValueError(f"reporting_verbs.csv row {i + 1}: a noun form is not a form: {row}")
        out.append(ReportingVerb(row["lemma"], forms, row["kind"], row["frame"], nouns))
    return tuple(out)


@functools.cache
def _noun_forms() -> frozenset[str]:
    return frozenset(f for v in reporting_verbs() for f in v.nouns)


@functools.cache
def _verb_of_form() -> dict[str, ReportingVerb]:
    table: dict[str, ReportingVerb] = {}
    for verb in reporting_verbs():
        for form in verb.forms:
            table.setdefault(form, verb)
    return table


@functools.cache
def _cue_re() -> re.Pattern[str]:
    alts = trie_regex(_verb_of_form())
    return re.compile(rf"(?<![\w’'-])(?:{alts}|According\s+to)(?![\w’'-])")



# ------------------------------------------------------------ quote marks

_MARK = re.compile(r"[«»“”„‟\"‘’‚‹›']")
_DOUBLE = frozenset("«»“”„‟\"")
_OPEN_GLYPH = frozenset("«„“‟‘‚‹")
_CLOSE_GLYPH = frozenset("»”’›")
_BEFORE_OPEN = frozenset("([{—–-/:;,…") | _DOUBLE | frozenset("‘’'‹›‚")
_AFTER_CLOSE = frozenset(")]}—–-.,;:!?…") | _DOUBLE | frozenset("‘’'‹›")


@dataclass(frozen=True, slots=True)
class QuotationSpan:
    """A top-level quotation found from the marks (offsets of marks and content)."""

    open: int | None  # offset of the opening mark; None for a lone closing mark
    close: int | None  # offset of the closing mark; None when never closed
    cstart: int
    cend: int
    problem: str | None = None
    unbalanced: bool = False
    inner: tuple[int, int, int, int] | None = None  # speaker phrase and cue found inside
    reopened: bool = False  # continues into a paragraph that reopens it with a mark

    @property
    def start(self) -> int:
        return self.open if self.open is not None else self.cstart

    @property
    def end(self) -> int:
        return self.close + 1 if self.close is not None else self.cend


def _role(text: str, i: int) -> str:
    """Classify the mark at ``i``: ``open``, ``close``, ``toggle`` or ``apostrophe``."""
    c = text[i]
    p = text[i - 1] if i > 0 else " "
    n = text[i + 1] if i + 1 < len(text) else " "
    if c in "’'" and p.isalnum() and n.isalnum():
        return "apostrophe"
    left = not n.isspace() and n not in ",.;:!?)]}" and (p.isspace() or p in _BEFORE_OPEN)
    right = not p.isspace() and (n.isspace() or n in _AFTER_CLOSE)
    if left and not right:
        if c in "’'" and n.isdigit():
            return "apostrophe"
        return "open"
    if right and not left:
        return "close"
    if c in _OPEN_GLYPH:
        return "open"
    if c in _CLOSE_GLYPH:
        return "close"
    return "toggle"


def _pair(text: str) -> list[QuotationSpan]:
    """Pair quote marks into top-level quotations (see the module rules)."""
    breaks = paragraph_breaks(text)
    spans: list[QuotationSpan] = []
    stack: list[tuple[int, bool]] = []  # (offset, is_double)
    para_start = 0
    last_end = 0
    skip: set[int] = set()
    b_index = 0
    reopened = False

    def close_paragraph(at: int) -> None:
        nonlocal last_end, reopened
        reopened = False
        kept = [pos for pos, dbl in stack if dbl or text[pos] != "'"]
        opened = kept[0] if kept else None
        if opened is not None:
            a, b = trim(text, opened + 1, at)
            spans.append(
                QuotationSpan(
                    opened,
                    None,
                    a,
                    b,
                    f"opening mark {text[opened]!r} at {opened} is never closed; "
                    "the quotation is taken to run to the end of the paragraph",
                    unbalanced=True,
                )
            )
            last_end = at
        stack.clear()

    for m in _MARK.finditer(text):
        i = m.start()
        while b_index < len(breaks) and breaks[b_index][0] <= i:
            pb_start, pb_end = breaks[b_index]
            b_index += 1
            if stack and any(dbl for _, dbl in stack):
                j = pb_end
                if j < len(text) and text[j] in _DOUBLE and _role(text, j) == "open":
                    skip.add(j)  # the paragraph reopens the same quotation
                    reopened = True
                    continue
            close_paragraph(pb_start)
            para_start = pb_end
            last_end = max(last_end, para_start)
        if i in skip:
            continue
        c = text[i]
        role = _role(text, i)
        if role == "apostrophe":
            continue
        double = c in _DOUBLE
        if not double:
            single_open = bool(stack) and not stack[-1][1]
            if role == "toggle":
                role = "close" if single_open else "open"
            if role == "close":
                if not single_open:
                    continue  # an apostrophe (Armenians’) or a stray mark
                pos, _ = stack.pop()
                if not stack:
                    a, b = trim(text, pos + 1, i)
                    spans.append(QuotationSpan(pos, i, a, b))
                    last_end = i + 1
                continue
            if c == "’" and _p_is_letter(text, i):
                continue
            stack.append((i, False))
            continue
        has_double = any(dbl for _, dbl in stack)
        if role == "toggle":
            role = "close" if has_double else "open"
        if role == "open":
            stack.append((i, True))
            continue
        if not has_double:
            a, b = trim(text, max(para_start, last_end), i)
            spans.append(
                QuotationSpan(
                    None,
                    i,
                    a,
                    b,
                    f"closing mark {c!r} at {i} has no opening mark; the quotation is "
                    "taken to start at the paragraph (or previous quotation)",
                    unbalanced=True,
                )
            )
            last_end = i + 1
            continue
        while not stack[-1][1]:
            stack.pop()  # single marks left open inside a double quotation
        pos, _ = stack.pop()
        if not stack:
            a, b = trim(text, pos + 1, i)
            spans.append(QuotationSpan(pos, i, a, b, reopened=reopened))
            reopened = False
            last_end = i + 1
    for pb_start, pb_end in breaks[b_index:]:
        if stack:
            j = pb_end
            if j < len(text) and text[j] in _DOUBLE and _role(text, j) == "open":
                continue
            close_paragraph(pb_start)
    end = len(text)
    while end > 0 and text[end - 1].isspace():
        end -= 1
    close_paragraph(end)
    return spans


def _p_is_letter(text: str, i: int) -> bool:
    return i > 0 and text[i - 1].isalpha()


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` content spans of the top-level quotations.

    Pairs the quote marks as described in the module docstring, without
    cues or speakers; spans never include the marks themselves.

    Args:
        text: any text.

    Returns:
        Content spans in text order (white space and a final comma trimmed).

    >>> t = "«Peace» now, he said. “We agree,” they replied. Baku’s goal."
    >>> [t[a:b] for a, b in quote_spans(t)]
    ['Peace', 'We agree']
    """
    return [(s.cstart, s.cend) for s in pair_quote_marks(text)]


def pair_quote_marks(text: str) -> list[QuotationSpan]:
    """The top-level quotations of ``text`` with their marks, problems and inner cues.

    What :func:`quote_spans` returns, with everything the attribution needs:
    rules 1-4 of the module docstring. A :class:`~karabakh.text.document.Document`
    keeps the result as ``doc.quotation_marks``.

    >>> [(q.open, q.close, q.problem is None) for q in pair_quote_marks("“Yes,” he said.")]
    [(0, 5, True)]
    """
    return _split_attributions(text, _pair(text))



_PASSIVE_BEFORE = re.compile(r"(?<![\w-])(?:is|are|was|were|be|been|being|as|it\s+is)\s+$")
_BY_AGENT = re.compile(r"(?<![\w-])by\s+(?P<np>[^,;:.!?“”«»\"]{2,80})")
_ANAPHOR = re.compile(r"\s*(?:this|so|these\s+words|it|that)\b")
_THAT = re.compile(r"^[^.!?;:“”«»\"]{0,60}?(?<![\w-])that\s+")


@dataclass(frozen=True, slots=True)
class _Raw:
    kind: str
    cstart: int
    cend: int
    start: int
    end: int
    cue: tuple[int, int] | None = None
    np: tuple[int, int] | None = None
    how: str = "none"  # np, coordinated, previous, none
    problem: str | None = None
    unbalanced: bool = False




_AFTER_CUE_OK = re.compile(r"\s*(?:,|$)")
_MAX_ATTRIBUTION = 400  # characters from the comma to the cue of ", X said."


def _attribution_at_end(
    text: str, cue_re: re.Pattern[str], lo: int, dot: int, next_start: int
) -> tuple[int, tuple[int, int], tuple[int, int], int] | None:
    """Does the sentence ``text[lo:dot]`` (inside a quotation) end in ", X cue[, ...]"?

    Returns ``(comma, speaker phrase, cue, next_start)`` for the last such
    comma, or ``None``. Each comma is looked at once, against the first cue
    after it, and only within ``_MAX_ATTRIBUTION`` characters of that cue.
    """
    cues = []
    for c in cue_re.finditer(text, lo, dot):
        verb = _verb_of_form().get(re.sub(r"\s+", " ", c.group()))
        if verb is not None and verb.frame != "source":
            cues.append(c)
    if not cues:
        return None
    starts = [c.start() for c in cues]
    opening = max(text.rfind("“", lo, dot), text.rfind("«", lo, dot))
    seg_start = text.rfind(",", lo, dot)
    while seg_start != -1:
        k = bisect.bisect_left(starts, seg_start + 1)
        cue = cues[k] if k < len(cues) else None
        if cue is not None and cue.start() - seg_start > _MAX_ATTRIBUTION:
            return None  # earlier commas are farther still
        if cue is not None and opening <= seg_start:
            before = text[seg_start + 1 : cue.start()].strip()
            np: tuple[int, int] | None = None
            if before and np_ok(text, seg_start + 1, cue.start()):
                x, y = trim(text, seg_start + 1, cue.start())
                np = (x, strip_aux(text, x, y))
            elif not before:
                np = np_after(text, cue.end(), dot)
            if np and _AFTER_CUE_OK.match(text, cue.end(), dot):
                return (seg_start, np, cue.span(), next_start)
        seg_start = text.rfind(",", lo, seg_start)
    return None


def _split_attributions(text: str, spans: list[QuotationSpan]) -> list[QuotationSpan]:
    """Split quotations that swallowed an attribution clause (rule 4)."""
    out: list[QuotationSpan] = []
    cue_re = _cue_re()
    for sp in spans:
        pieces = [sp]
        while True:
            cur = pieces[-1]
            found = None
            sent_lo = cur.cstart
            for s in SENT_END.finditer(text, cur.cstart, cur.cend):
                dot = s.start()
                found = _attribution_at_end(text, cue_re, sent_lo, dot, s.end())
                if found:
                    break
                sent_lo = s.end()
            if not found:
                break
            comma, np, cue_span, next_start = found
            problem = (
                f"the attribution {text[np[0] : cue_span[1]]!r} stands inside the quotation "
                "marks; the marks around it are taken as missing and the quotation split there"
            )
            a1, b1 = trim(text, cur.cstart, comma)
            first = replace(
                cur, close=None, cstart=a1, cend=b1, problem=problem, inner=(*np, *cue_span)
            )
            second = replace(cur, open=None, cstart=next_start, problem=problem, inner=None)
            pieces[-1:] = [first, second]
        out.extend(pieces)
    return out


def _cue_ok(text: str, m: re.Match[str], s0: int) -> bool:
    """False for passive, nominal and second-hand uses of a cue word."""
    if m.group()[0].isupper():
        return m.start() == s0 or text[s0 : m.start()].strip() in {"", "And", "But"}
    before = text[max(s0, m.start() - 40) : m.start()]
    if _PASSIVE_BEFORE.search(before):
        return False
    prev = re.search(r"([\w’'-]+)\W*$", before)
    if prev and prev.group(1).lower() in DETERMINERS and m.group().lower() != "according to":
        return False
    if _nominal(text, m.start(), m.end()):
        return False
    return not re.match(r"\s+by\b", text[m.end() : m.end() + 4])


_OF_AFTER = re.compile(r"\s+of\b")
_POSSESSIVE_WORD = re.compile(r"(?:['’]s|s['’])$")
_NOUN_MODIFIERS = frozenset(
    "new fresh false media press all both many several other such member whole entire "
    "independent sovereign".split()
)


def _nominal(text: str, cs: int, ce: int, determiners: bool = False) -> bool:
    """True when the cue form at ``cs:ce`` is used as a noun ("reports of", "called claims").

    Only the forms listed as nouns in ``reporting_verbs.csv`` are concerned; they
    are nouns before "of" and after a possessive, a number, a participle or
    another cue form, a few modifiers, and (with ``determiners``) a determiner.
    """
    form = text[cs:ce].lower()
    nouns = _noun_forms()
    if form not in nouns:
        if not any(c.isspace() for c in form) or re.sub(r"\s+", " ", form) not in nouns:
            return False
    if _OF_AFTER.match(text, ce):
        return True
    prev = WORD_BEFORE.search(text, max(0, cs - 40), cs)
    if prev is None:
        return False
    word = prev.group(1)
    low = word.lower()
    if word[:1].isupper() and not _POSSESSIVE_WORD.search(word):
        before = text[: prev.start(1)].rstrip()
        if before and before[-1] not in ".!?:;”\"»(":
            return False  # a name, the subject of the verb ("Baku reports")
    if word.islower() and low not in speaker_nouns():
        two_back = WORD_BEFORE.search(text, max(0, prev.start(1) - 20), prev.start(1))
        if two_back is not None and two_back.group(1).lower() in {"a", "an", "the", "its", "their"}:
            return True  # "a joint call", "the daily report"
    return (
        (word.islower() and low.endswith(("ed", "ing")))
        or low in _verb_of_form()
        or low in _NOUN_MODIFIERS
        or low.isdigit()
        or bool(_POSSESSIVE_WORD.search(word))
        or (determiners and low in DETERMINERS)
    )


class _CueIndex:
    """Every cue of a text, found once; ``between(a, b)`` lists those in ``text[a:b]``."""

    def __init__(self, text: str) -> None:
        self.matches = list(_cue_re().finditer(text))
        self.starts = [m.start() for m in self.matches]
        self.ends = [m.end() for m in self.matches]

    def between(self, a: int, b: int) -> list[re.Match[str]]:
        """The cues that start at or after ``a`` and end at or before ``b``."""
        i = bisect.bisect_left(self.starts, a)
        j = bisect.bisect_right(self.ends, b)
        return self.matches[i:j] if i < j else []


def _last_word(text: str, lo: int, pos: int) -> str | None:
    r"""The last word of ``text[lo:pos]`` (letters, digits, ``’'-``), reading only its end.

    The same word as ``re.search(r"([\w’'-]+)\W*$", text[lo:pos])`` finds.
    """
    k = pos
    while k > lo and not (text[k - 1].isalnum() or text[k - 1] == "_"):
        k -= 1
    if k == lo:
        return None
    a = k
    while a > lo and (text[a - 1].isalnum() or text[a - 1] in "_’'-"):
        a -= 1
    b = k
    while b < pos and (text[b].isalnum() or text[b] in "_’'-"):
        b += 1
    return text[a:b]


def _cue_before(
    text: str, s0: int, qstart: int, inside_quote: object, cues: _CueIndex
) -> tuple[tuple[int, int], tuple[int, int] | None, str] | None:
    """The cue before a quotation in its sentence: ``(cue, speaker phrase, how)``.

    The last cue not inside another quotation and not used as a noun wins; a
    nominal cue after a determiner (``an appeal ... by X``) takes its ``by``
    agent, or, without one, gives way to an earlier cue (``denied the claims``).
    """
    assert callable(inside_quote)
    for last in reversed(cues.between(s0, qstart)):
        if inside_quote(last.start()) or _nominal(text, last.start(), last.end()):
            continue
        verb = _verb_of_form().get(re.sub(r"\s+", " ", last.group()).lower())
        if verb is not None and verb.frame == "colon" and ":" not in text[last.end() : qstart]:
            continue  # "addressed the nation:" introduces a quotation; "continued" alone not
        prev_word = _last_word(text, s0, last.start())
        if prev_word and prev_word.lower() in DETERMINERS:
            agent = _BY_AGENT.search(text, last.end(), qstart)
            if agent:
                x = agent.start("np")
                stop = NP_STOP.search(text, x, agent.end("np"))
                y = stop.start() if stop else agent.end("np")
                x, y = trim(text, x, y)
                return last.span(), (x, y), "np"
            if last.group().lower() in _noun_forms():
                continue
            return None
        if last.group().endswith("ing") and text[s0 : last.start()].rstrip().endswith(","):
            # "..., the ministry said, adding that there was “no reason” to ..."
            earlier = _cue_before(text, s0, last.start(), inside_quote, cues)
            if earlier is not None and earlier[1] is not None:
                return last.span(), earlier[1], earlier[2]
        subj = subject_of(text, s0, last.start())
        if subj is not None and not subj.coordinated:
            return last.span(), (subj.a, subj.b), "np"
        if subj is not None:
            return last.span(), None, "coordinated"
        if last.group()[0].isupper() or last.group() == "according to":
            np = np_after(text, last.end(), qstart)
            if np:
                return last.span(), np, "np"
        return None
    return None


_PARTICIPLE_COMMA = re.compile(r",\s*[a-z]+ing\b")
_ADDRESSEE = re.compile(
    r"\s*(?:(?:the|a|an|state|local|foreign)\s+)?(?:[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*"
    r"|reporters|journalists|lawmakers|parliament|deputies|legislators|correspondents|"
    r"(?:a\s+|the\s+)?(?:news|press)\s+conference|(?:a\s+|the\s+)?briefing)\s+"
)
_NUMBER_FIRST = re.compile(
    r"\s+(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|"
    r"thousands|several|many|most|all)\s+(?:of\s+)?(?:the\s+)?"
    r"(?!(?:days?|weeks?|months?|years?|hours?|minutes?|times)\b)[a-z]+\s+[a-z]"
)
_COLON_QUOTE = re.compile(r":\s*[«“„\"‘]")


def _content_after(text: str, verb: ReportingVerb, ce: int, s_end: int) -> tuple[int, int] | None:
    rest = text[ce:s_end]
    m = _THAT.match(rest)
    if m and _PARTICIPLE_COMMA.search(rest, 0, m.end()):
        m = None  # "said on Tuesday, adding that ...": that "that" is the participle's
    addressee = _ADDRESSEE.match(rest) if verb.lemma == "tell" and m is None else None
    if rest.lstrip().startswith(":"):
        a = ce + rest.index(":") + 1
    elif addressee and CLAUSE_START.match(rest[addressee.end() :]):
        a = ce + addressee.end()  # "told reporters the talks had failed"
    elif verb.frame == "that":
        if CLAUSE_START.match(rest) or _NUMBER_FIRST.match(rest):
            a = ce
        elif m:
            a = ce + m.end()
        else:
            return None
    elif verb.frame == "as":
        if not re.search(r"\sas\s", rest):
            return None
        a = ce
    else:
        a = ce + m.end() if m and len(rest[: m.end()].split()) <= 4 else ce
        first = rest.lstrip()[:1]
        head = text[a:s_end].lstrip()
        if not first or not (first.isalnum() or first in "“«\"„‘$€£"):
            return None
        if PREP_START.match(head):
            return None
        if re.match(r"not\b", head):
            return None
    a, b = trim(text, a, s_end)
    colon = _COLON_QUOTE.search(text, a, b)
    if colon:  # "rejected the criticism: “...”": the quotation is a record of its own
        b = colon.start()
    while b > a and text[b - 1] in ".!?;:":
        b -= 1
    if len(text[a:b].split()) < 2:
        return None
    return a, b


def extract_quotes(
    text: str | Document,
    mentions: Sequence[Mention] | None = None,
    *,
    dateline: dt.date | str | None = None,
    on: dt.date | str | None = None,
) -> list[Quote]:
    """Find every quotation and reported claim, with its cue and speaker.

    Args:
        text: the article text (for an :class:`~karabakh.Article`, pass
            ``article.text``), or a :class:`~karabakh.text.document.Document`
            (whose mentions, quotations and sentences are then reused);
            offsets index the text unchanged.
        mentions: actor mentions of ``text``; when ``None`` they are found
            with :func:`karabakh.text.actors.tag_mentions`. Pass ``[]`` to extract
            without any actor dictionary (every speaker is then ``None``).
        dateline: the article's date, passed to ``tag_mentions`` to resolve
            title phrases ("the president of Azerbaijan") when ``mentions``
            is ``None``; by default a leading ``date YYYY-MM-DD`` header is
            used.
        on: deprecated alias of ``dateline``.

    Returns:
        Quotes in text order (by content start). ``speaker_id`` is an actor
        id or ``None`` with a ``problem`` saying why.

    Raises:
        ValueError: if ``text`` is not a string or a Document.

    >>> t = "Moscow accuses: «A car was hit.” Armenia claims that it has no troops there."
    >>> [(q.kind, q.content, q.cue, q.speaker_text) for q in extract_quotes(t, [])]
    [('direct', 'A car was hit.', 'accuses', 'Moscow'),
     ('indirect', 'it has no troops there', 'claims', 'Armenia')]
    """
    doc = as_document(text, mentions, dateline, on, where="extract_quotes")
    return _extract(doc, doc.mentions if mentions is None else mentions)


def as_document(
    text: str | Document,
    mentions: Sequence[Mention] | None,
    dateline: dt.date | str | None,
    on: dt.date | str | None,
    *,
    where: str,
) -> Document:
    """The :class:`Document` an extractor works on, from its plain-text arguments.

    ``on`` is the deprecated spelling of ``dateline`` (a ``DeprecationWarning``);
    a string date is parsed with :func:`karabakh.parse_dateline`.

    >>> as_document("Calm.", [], "2023-09-20", None, where="x").dateline
    datetime.date(2023, 9, 20)
    """
    if on is not None:
        warnings.warn(
            f"{where}: on= is deprecated, use dateline=", DeprecationWarning, stacklevel=3
        )
        if dateline is None:
            dateline = on
    if isinstance(text, Document):
        return text
    if not isinstance(text, str):
        raise ValueError(f"{where}: text must be a str, not {type(text).__name__}")
    return Document(text, parse_dateline(dateline, where=f"{where}: dateline"), mentions)


def _extract(doc: Document, mentions: Sequence[Mention]) -> list[Quote]:
    text = doc.text
    spans = doc.quotation_marks
    sents = doc.sentences
    raws: list[_Raw] = []
    used: set[int] = set()  # offsets of cues already used by a quotation
    qbounds = [(s.start, s.end) for s in spans]
    qstarts = [a for a, _ in qbounds]

    def inside_quote(pos: int) -> bool:
        k = bisect.bisect_right(qstarts, pos) - 1
        return k >= 0 and qbounds[k][0] <= pos < qbounds[k][1]

    cues = _CueIndex(text)
    for k, sp in enumerate(spans):
        raws.append(_attribute(text, sp, k, spans, sents, raws, used, inside_quote, cues))
    claim_ends = _ClaimEnds(text, cues.matches)
    raws.extend(_claims(doc, raws, used, inside_quote, cues.matches, claim_ends))

    return _resolve_all(text, mentions, spans, raws, sents)


def _claims(
    doc: Document,
    raws: Sequence[_Raw],
    used: set[int],
    inside_quote: Callable[[int], bool],
    cues: Sequence[re.Match[str]],
    claim_ends: _ClaimEnds,
) -> list[_Raw]:
    """The indirect claims: reported speech without marks, one per usable cue.

    ``raws`` are the quotations' attributions (their cues are not reused for a
    claim, except by a trailing attribution); the claims found are returned
    in text order of their cues.
    """
    text = doc.text
    sents = doc.sentences
    raws = list(raws)
    n_quotes = len(raws)
    quote_cues = sorted((r.cue[0], i) for i, r in enumerate(raws) if r.cue is not None)
    consumed: list[tuple[int, int]] = []
    last_claim: dict[int, int] = {}  # sentence start -> index in raws of last claim there
    for m in cues:
        cs, ce = m.span()
        if inside_quote(cs) or any(a <= cs < b for a, b in consumed[-4:]):
            continue
        s0 = sents.start_of(cs)
        s1 = sents.end_of(cs)
        if not _cue_ok(text, m, s0):
            continue
        form = re.sub(r"\s+", " ", m.group()).lower()
        verb = _verb_of_form().get(form)
        if verb is None:
            verb = next(v for v in reporting_verbs() if v.frame == "source")
        if verb.frame == "colon":
            continue
        content = None
        if cs not in used and verb.frame != "source":
            content = _content_after(text, verb, ce, claim_ends.end(ce, s1))
        if content is None and verb.frame != "source":
            # "Claim, the ministry said [in a statement]." (also when the cue
            # attributes a quotation inside the claim)
            trail = None
            if text.rfind(",", s0, cs) >= 0:
                trail = _trailing_claim(text, s0, cs, ce, s1, inside_quote)
            if trail is not None:
                (ca, cb), tnp, why = trail
                raws.append(
                    _Raw("indirect", ca, cb, ca, max(cb, ce, tnp[1]), (cs, ce), tnp, "np", why)
                )
                last_claim[s0] = len(raws) - 1
                consumed.append(tnp)
            continue
        if form.endswith("ing") and text[s0:cs].rstrip().endswith(","):
            # "..., the ministry said, adding that ...": the speaker of the cue before
            j = bisect.bisect_left(quote_cues, (cs, -1)) - 1
            options = [raws[quote_cues[j][1]]] if j >= 0 and quote_cues[j][0] >= s0 else []
            if s0 in last_claim:
                options.append(raws[last_claim[s0]])
            prev_raw = max(
                (r for r in options if r.cue is not None and s0 <= r.cue[0] < cs),
                key=lambda r: r.cue[0] if r.cue else -1,
                default=None,
            )
            if prev_raw is not None and content is not None and not inside_quote(content[0]):
                how = "coordinated" if prev_raw.np is not None else "none"
                raws.append(
                    _Raw("indirect", content[0], content[1], cs, content[1], (cs, ce),
                         prev_raw.np, how)
                )
                last_claim[s0] = len(raws) - 1
                continue
        if verb.frame == "source":
            raw = _according_to(text, cs, ce, s0, s1, inside_quote)
            if raw is not None:
                consumed.append(raw.np or (cs, ce))
                raws.append(raw)
                last_claim[s0] = len(raws) - 1
            continue
        subj = subject_of(text, s0, cs)
        if subj is not None and form.endswith("ing") and _VERB_FIRST.match(text, subj.a):
            # "Shahramanyan signed a decree saying ...": the subject of the verb
            subj = subject_of(text, s0, subj.a)
        if subj is None or content is None:
            continue
        if any(inside_quote(p) for p in (content[0], content[1] - 1)):
            continue
        if subj.coordinated:
            prev = last_claim.get(s0)
            if prev is None:
                continue
            np = raws[prev].np
            how = "coordinated"
            start = cs
        else:
            np = (subj.a, subj.b)
            how = "np"
            start = subj.a
        raws.append(
            _Raw("indirect", content[0], content[1], start, content[1], (cs, ce), np, how)
        )
        last_claim[s0] = len(raws) - 1
        consumed.append((subj.a, subj.b))

    return raws[n_quotes:]


_VERB_FIRST = re.compile(r"[a-z]+ed\s+(?:a|an|the|its|his|her|their)\s")
_COORDINATION = re.compile(r"(?:,|\band)\s*(?:(?:" + AUX + r")\s+)*$")


_FRAGMENT_STOP = re.compile(r"\s(?:on|about|over|to|at|in|after|before)\s")
_NEW_CLAUSE = re.compile(r";|,\s*(?:and|but|while|whereas)\s")


class _ClaimEnds:
    """Where a claim ends: before a coordinated cue or a new clause (see :meth:`end`).

    Built once per text from every cue and every clause boundary: whether
    each cue is coordinated with the cue before it is decided once, so a query
    jumps to the next coordinated cue or clause boundary instead of comparing
    the cue with every later cue of its sentence.
    """

    def __init__(self, text: str, cues: Sequence[re.Match[str]]) -> None:
        self.text = text
        self.cues = cues
        self.starts = [c.start() for c in cues]
        self.ends = [c.end() for c in cues]
        clauses = list(_NEW_CLAUSE.finditer(text))
        self.c_starts = [c.start() for c in clauses]
        self.c_ends = [c.end() for c in clauses]
        n = len(cues)
        # coordination of cue j with the cue before it: no cue form ends in an
        # auxiliary, so from any earlier claim verb the gap (and its "and" or
        # comma, when there is one after that cue) is the same
        self.coord = [(False, -1)] + [self._coordination(self.ends[j - 1], j) for j in range(1, n)]
        self.next_coord = [n] * (n + 1)
        for j in range(n - 1, -1, -1):
            self.next_coord[j] = j if self.coord[j][0] else self.next_coord[j + 1]
        self.steps = 0  # positions visited over all queries (for the stress tests)

    def _coordination(self, lo: int, j: int) -> tuple[bool, int]:
        """Is cue ``j`` coordinated with the verb ending at ``lo``; the last "and"/comma."""
        text = self.text
        nxt = self.starts[j]
        gap = text[strip_aux(text, lo, nxt) - 5 : nxt]
        if _COORDINATION.search(gap):
            return True, max(text.rfind(" and ", lo, nxt), text.rfind(",", lo, nxt))
        return False, -1

    def _clause_before(self, j: int) -> int:
        last = bisect.bisect_right(self.c_ends, self.starts[j]) - 1
        return self.c_starts[last]

    def end(self, ce: int, s1: int) -> int:
        """Where the content of the cue ending at ``ce`` ends, in the sentence ending at ``s1``.

        Walking the later cues of the sentence in order: the first that is
        coordinated (``..., and calls for``) ends it at the ``and`` or comma;
        the first that has a ``;`` / ``, and`` / ``, while`` before it (a clause
        with a subject of its own) ends it at the last of these; otherwise the
        sentence end.
        """
        n = len(self.cues)
        j = bisect.bisect_left(self.starts, ce)
        if j >= n or self.ends[j] > s1:
            return s1
        k = bisect.bisect_left(self.c_starts, ce)
        # the first cue with a clause boundary between ce and it
        jc = bisect.bisect_left(self.starts, self.c_ends[k]) if k < len(self.c_ends) else n
        self.steps += 1
        coordinated, end = self._coordination(ce, j)
        while True:
            if coordinated and end > ce:
                return end
            if j >= jc:
                return self._clause_before(j)
            j = min(self.next_coord[j + 1], jc)
            if j >= n or self.ends[j] > s1:
                return s1
            self.steps += 1
            coordinated, end = self.coord[j]
            if coordinated and end < 0:
                nxt = self.starts[j]
                end = max(self.text.rfind(" and ", ce, nxt), self.text.rfind(",", ce, nxt))


_SUBORDINATE = re.compile(
    r"(?i:after|before|when|while|as|if|although|though|because|since|once|until|unless|"
    r"whether|despite|in|on|at|during|for|from|with|by|to)\b"
)
# what may follow "..., the ministry said" at the end of a wire-style lead:
# nothing, or an adjunct ("in a statement", "on Tuesday", "late on Friday")
_TAIL_OK = re.compile(
    r"\s*(?:(?:in|on|at|during|after|before|to|via|through|from|late|early|earlier|later|"
    r"overnight|yesterday|today|tonight|this|last|without|while|when|citing|separately|"
    r"also|again|repeatedly|publicly|officially)\b[^,;:“”«»\"]*)?(?:[.!?]|,|$)"
)
_TAIL_CLAUSE = re.compile(
    r"\s*,\s*(?:will|would|is|are|was|were|has|have|had|could|can|may|might|must|should|"
    r"did|does|do|remains?|remained)\b"
)


_INDEFINITE_START = re.compile(r"(?:a|an)\s")
_SPEAKER_START = re.compile(r"[A-Z]|(?:the|a|an|its|his|her|their)\s")
_RELATIVE = re.compile(r",\s*(?:who|which|whose)\b")


def _trailing_claim(
    text: str, s0: int, cs: int, ce: int, s1: int, inside_quote: object
) -> tuple[tuple[int, int], tuple[int, int], str | None] | None:
    """``Claim, the ministry said [in a statement].`` / ``Claim, said the ministry.``.

    Returns the claim's span, the speaker phrase and a problem (when the
    attribution interrupts the claim), or ``None`` when the sentence is not
    built that way.
    """
    assert callable(inside_quote)
    if text[cs].isupper():
        return None
    before = text[s0:cs].rstrip()
    if before.endswith(","):  # inverted: "..., said the ministry."
        np = np_after(text, ce, s1)
        if np is None or not _SPEAKER_START.match(text, np[0]):
            return None
        if _RELATIVE.search(text, s0, cs):
            return None  # "Power, who visited ..., announced $11 million"
        comma = s0 + len(before) - 1
        tail_at = np[1]
    else:
        subj = subject_of(text, s0, cs)
        if subj is None or subj.coordinated:
            return None
        lead = text[s0 : subj.a].rstrip()
        if not lead.endswith(","):
            return None
        np = (subj.a, subj.b)
        comma = s0 + len(lead) - 1
        tail_at = ce
    problem = None
    if _TAIL_CLAUSE.match(text, tail_at, s1) and np[0] > comma:
        # "The road, the ministry said, will reopen": the attribution interrupts
        # the claim; the content keeps the whole sentence (never drop the words)
        ca, cb = trim(text, s0, s1)
        while cb > ca and text[cb - 1] in ".!?;:":
            cb -= 1
        problem = (
            f"the attribution {text[min(np[0], cs) : max(np[1], ce)]!r} interrupts the claim; "
            "the content is the whole sentence, attribution included"
        )
        if inside_quote(ca) or inside_quote(cb - 1) or _SUBORDINATE.match(text, ca):
            return None
        return (ca, cb), np, problem
    if not _TAIL_OK.match(text, tail_at, s1):
        return None
    ca, cb = trim(text, s0, comma)
    while cb > ca and text[cb - 1] in ",;:":
        cb -= 1
    if len(text[ca:cb].split()) < 3 or _SUBORDINATE.match(text, ca):
        return None
    if inside_quote(ca) or inside_quote(cb - 1):
        return None
    return (ca, cb), np, problem


def _according_to(
    text: str, cs: int, ce: int, s0: int, s1: int, inside_quote: object
) -> _Raw | None:
    """``According to X, claim.`` or ``claim, according to X.``."""
    stop = re.compile(r"[,;:.!?]").search(text, ce, s1)
    np_end = stop.start() if stop else s1
    a, b = trim(text, ce, np_end)
    if a >= b or len(text[a:b].split()) > 10:
        return None
    assert callable(inside_quote)
    before = text[s0:cs].strip()
    if not before or before in {"And", "But"} or before.endswith(","):
        if before and before.endswith(",") and before not in {"And", "But"}:
            ca, cb = trim(text, s0, cs)
            cb = cb - 1 if text[cb - 1 : cb] == "," else cb
        else:
            ca, cb = trim(text, np_end + 1, s1)
    else:
        return None
    while cb > ca and text[cb - 1] in ".!?;:,":
        cb -= 1
    if len(text[ca:cb].split()) < 2 or inside_quote(ca) or inside_quote(cb - 1):
        return None
    return _Raw("indirect", ca, cb, min(cs, ca), max(b, cb), (cs, ce), (a, b), "np")


def _attribute(
    text: str,
    sp: QuotationSpan,
    k: int,
    spans: Sequence[QuotationSpan],
    sents: SentenceIndex,
    raws: Sequence[_Raw],
    used: set[int],
    inside_quote: object,
    cues: _CueIndex,
) -> _Raw:
    """Find the cue and speaker phrase of one quotation."""
    assert callable(inside_quote)
    s0 = sents.start_of(sp.start)
    s1 = sents.end_of(max(sp.end - 1, sp.start))
    before = text[s0 : sp.start]
    before_s = before.strip()
    header = header_match(before)
    if header:
        before_s = before[header.end() :].strip()
    prev_end = spans[k - 1].end if k else 0
    before_s = before_s.lstrip("([").lstrip()  # a quotation that opens a parenthesis
    direct = not before_s or before_s.endswith(":") or (s0 >= prev_end and before_s == ",")
    kind = "direct" if direct else "partial"
    problem = sp.problem

    def make(cue: tuple[int, int] | None, np: tuple[int, int] | None, how: str) -> _Raw:
        if cue:
            used.add(cue[0])
        pts = [sp.start, sp.end] + [x for x in (cue or ()) + (np or ())]
        return _Raw(
            kind, sp.cstart, sp.cend, min(pts), max(pts), cue, np, how, problem, sp.unbalanced
        )

    if sp.unbalanced and sp.inner is None:
        return make(None, None, "none")
    if sp.inner is not None:
        x, y, cs, ce = sp.inner
        return make((cs, ce), (x, y), "np")
    # 0. a quotation continued into a new paragraph right after an attributed one
    if sp.reopened and k and raws and not before_s:
        prev = raws[-1]
        after_prev = sents.end_of(max(prev.end, spans[k - 1].end) - 1)
        if prev.cue is not None and after_prev == s0:
            return make(prev.cue, prev.np, "previous")
    # 1. after the quotation, same sentence
    after_found: tuple[tuple[int, int], tuple[int, int]] | None = None
    next_open = spans[k + 1].start if k + 1 < len(spans) else len(text)
    limit = min(s1, next_open)
    ends_sentence = text[sp.cend - 1 : sp.cend] == "." and not text[sp.end : sp.end + 1] == ","
    if not ends_sentence and sp.end < limit:
        after = text[sp.end : limit]
        lead = len(after) - len(after.lstrip(" \t,"))
        a0 = sp.end + lead
        cue = None
        for c in cues.between(a0, limit):
            if _nominal(text, c.start(), c.end()):
                continue
            cpos = text.rfind(",", a0, c.start())
            clause = text[cpos + 1 if cpos >= 0 else a0 : c.start()].split()
            if not (clause and clause[0].lower() in {"who", "which", "whose", "where"}):
                cue = c
                break
        if cue and _verb_of_form().get(re.sub(r"\s+", " ", cue.group()).lower()):
            if cue.start() == a0:
                np = np_after(text, cue.end(), limit)
                if np:
                    after_found = (cue.span(), np)
            else:
                x, y = trim(text, a0, strip_aux(text, a0, cue.start()))
                comma = re.search(r"[,;:]", text[x:y])
                if comma and speaks_for_in(text, x + comma.end(), y) and np_ok(text, x, y):
                    pass  # “...,” Jane Doe, a spokeswoman for the ICRC, said
                elif comma:  # “...,” Pashinyan, 48, said / the official, who ..., added
                    first_ok = np_ok(text, x, x + comma.start())
                    last_comma = text.rfind(",", x, y)
                    if not first_ok and _TAIL_OK.match(text, cue.end(), limit):
                        # “sovereignty” over the region, the ministry said.
                        x, y = trim(text, last_comma + 1, y)
                    else:
                        y = x + comma.start()
                if text.startswith("as ", x) or text.startswith("As ", x):
                    x += 3  # “...,” as one official put it
                if x < y and np_ok(text, x, y):
                    after_found = (cue.span(), (x, y))
    if (
        after_found is not None
        and kind == "partial"
        and _INDEFINITE_START.match(text, after_found[1][0])
    ):
        found = _cue_before(text, s0, sp.start, inside_quote, cues)
        if found is not None and found[1] is not None:
            return make(*found)  # “...”, a charge Baku denies: the cue before is the claim's
    if after_found is not None:
        (cs, ce), (x, y) = after_found
        if POSSESSIVE_PRONOUN.match(text, x):
            # “...”, his spokesman said: the claim is the in-sentence subject's
            found = _cue_before(text, s0, sp.start, inside_quote, cues)
            if found is not None and found[1] is not None:
                note = (
                    f"reported through {text[min(x, cs) : max(y, ce)]!r}; attributed to the "
                    f"subject of {text[found[0][0] : found[0][1]]!r}"
                )
                problem = note if problem is None else f"{problem}; {note}"
                return make(*found)
        return make((cs, ce), (x, y), "np")
    # 2. before the quotation, same sentence
    found = _cue_before(text, s0, sp.start, inside_quote, cues)
    if found is not None:
        return make(*found)
    # 3. the quotation just before, when only white space separates them
    if k and raws and not before_s:
        prev = raws[-1]
        after_prev = sents.end_of(max(prev.end, spans[k - 1].end) - 1)
        if prev.cue is not None and after_prev == s0:
            return make(prev.cue, prev.np, "previous")
    # 4. the next sentence, "X said this"
    if not before_s and s1 < len(text):
        s2 = sents.end_of(s1)
        for c in cues.between(s1, s2):
            if _ANAPHOR.match(text, c.end()):
                x, y = trim(text, s1, strip_aux(text, s1, c.start()))
                if x < y and np_ok(text, x, y):
                    return make(c.span(), (x, y), "np")
            break
    # 5. a previous paragraph ending with a colon
    if not before_s:
        back = s0
        while back > 0 and text[back - 1].isspace():
            back -= 1
        if back > 0 and text[back - 1] == ":":
            p0 = sents.start_of(back - 1)
            for c in cues.between(p0, back):
                last = c
            if last is not None and last.start() >= p0:
                subj = subject_of(text, p0, last.start())
                if subj is not None and not subj.coordinated:
                    return make(last.span(), (subj.a, subj.b), "np")
    # 6. a headline-like fragment before a colon: "Aliyev on the offensive: “...”"
    if before_s.endswith(":") and len(before_s.split()) <= 8:
        x = s0 + len(before) - len(before.lstrip())
        colon = s0 + len(before.rstrip()) - 1
        if header:
            x = s0 + header.end()
        stop = _FRAGMENT_STOP.search(text, x, colon)
        x, y = trim(text, x, stop.start() if stop else colon)
        fragment = text[x:colon]
        if (
            x < y
            and text[x].isupper()
            and text[x:y].split()[0].lower() not in DETERMINERS
            and np_ok(text, x, y)
            and not FINITE.search(fragment)
            and _cue_re().search(fragment) is None
        ):
            note = "no reporting verb: the speaker is the name heading the fragment before the colon"
            problem = note if problem is None else f"{problem}; {note}"
            return make(None, (x, y), "np")
    if problem is None:
        problem = "no reporting cue found near the quotation"
    return make(None, None, "none")


def _resolve_all(
    text: str,
    mentions: Sequence[Mention],
    spans: Sequence[QuotationSpan],
    raws: list[_Raw],
    sents: SentenceIndex,
) -> list[Quote]:
    """Resolve the speakers in text order of their phrases and build the records."""
    # a fresh resolver: what it remembers of this run's speakers stays in this run
    resolver = Resolver(text, mentions, [(q.cstart, q.cend) for q in spans], sents)
    cache: dict[tuple[int, int], Resolution] = {}
    results: list[Quote] = []
    last = Resolution(None, None, "the speaker of the earlier cue is unknown", None)
    for raw in sorted(raws, key=lambda r: (r.np[0] if r.np else r.start, r.cstart)):
        problem = raw.problem
        res = Resolution(None, None, None, None)
        if raw.np is not None:
            if raw.np not in cache:
                cache[raw.np] = resolver.resolve(raw.np[0], raw.np[1], raw.np[0])
            res = cache[raw.np]
            if raw.how == "previous" and res.actor is not None:
                res = res._replace(rule="previous")
            elif raw.how == "coordinated" and res.actor is not None:
                res = res._replace(rule="coordinated")
        elif raw.how in {"previous", "coordinated"}:
            res = last._replace(rule=raw.how if last.actor else None)
        elif problem is None:
            problem = "no speaker found"
        if res.actor is not None or res.person is not None:
            who = Antecedent(res.actor, res.person, res.title)
            resolver.remember(raw.np[0] if raw.np else raw.start, who)
            last = res
        if res.actor is not None and res.note:
            problem = res.note if problem is None else f"{problem}; {res.note}"
        elif res.actor is None and problem is None:
            problem = res.problem or "speaker not resolved"
        spk = raw.np
        if res.person is not None:
            spk = (res.person.start, res.person.end)
        elif res.mention is not None and raw.how == "np":
            spk = (res.mention.start, res.mention.end)
        results.append(
            Quote(
                start=raw.start,
                end=raw.end,
                text=text[raw.start : raw.end],
                kind=raw.kind,
                content=text[raw.cstart : raw.cend],
                content_start=raw.cstart,
                content_end=raw.cend,
                speaker_id=res.actor.id if res.actor else None,
                speaker_text=text[spk[0] : spk[1]] if spk else None,
                speaker_start=spk[0] if spk else None,
                speaker_end=spk[1] if spk else None,
                cue=text[raw.cue[0] : raw.cue[1]] if raw.cue else None,
                cue_start=raw.cue[0] if raw.cue else None,
                cue_end=raw.cue[1] if raw.cue else None,
                problem=problem,
                speaker_rule=res.rule if res.actor else None,
            )
        )
    results.sort(key=lambda q: (q.content_start, q.kind == "indirect"))
    return results


def quotes_table(quotes: Sequence[Quote]) -> pd.DataFrame:
    """A table a researcher can read: one row per quote, speaker named.

    Args:
        quotes: the result of :func:`extract_quotes`.

    Returns:
        A DataFrame with columns ``speaker`` (the actor's canonical name, or
        the speaker's words in brackets when unresolved, or ``(none)``),
        ``speaker_id``, ``side``, ``type``, ``kind``, ``cue``, ``content``,
        ``words`` (of the content), ``speaker_rule``, ``problem`` and
        ``content_start``.

    >>> t = "“We are ready,” Lavrov said. “Me too,” a resident said."
    >>> quotes_table(extract_quotes(t))[["speaker", "side", "kind", "words"]].values.tolist()
    [['Sergei Lavrov', 'RUS', 'direct', 3], ['[a resident]', nan, 'direct', 2]]
    """
    import pandas as pd

    rows = []
    for q in quotes:
        info = actor_info(q.speaker_id) if q.speaker_id else None
        if info is not None:
            speaker = info.name
        elif q.speaker_text:
            speaker = f"[{q.speaker_text}]"
        else:
            speaker = "(none)"
        rows.append(
            {
                "speaker": speaker,
                "speaker_id": q.speaker_id,
                "side": info.side if info else None,
                "type": info.type if info else None,
                "kind": q.kind,
                "cue": q.cue,
                "content": q.content,
                "words": len(q.content.split()),
                "speaker_rule": q.speaker_rule,
                "problem": q.problem,
                "content_start": q.content_start,
            }
        )
    columns = ["speaker", "speaker_id", "side", "type", "kind", "cue", "content", "words",
               "speaker_rule", "problem", "content_start"]
    return pd.DataFrame(rows, columns=columns)
