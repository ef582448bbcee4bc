"""Sentences and tokens with character spans.

Sentences come from NLTK's punkt span tokenizer with its trained English
parameters (never trained on the article at hand). The text is first cut into
paragraphs at blank lines, so a heading without a full stop does not merge
with the next paragraph; a leading ``date YYYY-MM-DD`` header becomes its own
segment with ``is_header=True``.

Offsets index the text given, unchanged. No-break and thin spaces (U+00A0,
U+2009, U+202F: :data:`SPACES`) are spaces like any other: they separate
sentences, and an abbreviation before one ends no sentence either.

Abbreviations (``data/abbreviations.csv``, beside punkt's English list) and
initials keep a name whole: a title before a name (``Sen. Jane Roe``, ``Lt.
Gen. A. B. Petrov``, ``Gov. Roe's office``) never ends a sentence, in punkt's
sentences (two pieces cut after a title or an initial are joined again) as in
the rule-based index.

The extractors share a second, rule-based index (:class:`SentenceIndex`):
sentence starts after ``. ! ?`` followed by a capital or a digit (not after
an abbreviation or an initial: see :func:`ends_abbreviation`), at every
paragraph start and after a
wire-service dateline (``YEREVAN, Sept 25 (Reuters) -``), optionally
ignoring the starts that fall inside given spans (quotations). It is built
once per :class:`~karabakh.text.document.Document`; punkt's sentences are what the
JSON reports.

>>> [s.text for s in split_sentences("date 2023-09-20 Sept. 20 was calm. It was not.")]
['date 2023-09-20', 'Sept. 20 was calm.', 'It was not.']
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence
from typing import Any

from ..records import Sentence, Token
from ..resources import ensure_nltk_data, read_data_csv
from .articles import header_match
from .lexicon import month_abbreviations

__all__ = [
    "MAX_SENTENCE",
    "SPACES",
    "SentenceIndex",
    "abbreviations",
    "ends_abbreviation",
    "paragraph_breaks",
    "sentence_spans",
    "sentence_starts",
    "split_sentences",
    "tokenize",
]

#: the characters that separate words on one line: space, tab, no-break space
#: (U+00A0), thin space (U+2009) and narrow no-break space (U+202F)
SPACES = " \t\u00a0\u2009\u202f"
_SP = "[ \t\u00a0\u2009\u202f]"
# (?<![ \t]): tried once per run of spaces, not at each space of it (linear time).
# That look-behind is checked after the first character, a space or a line break
# (the pattern opens with a character class, so the engine skips to the next one
# instead of trying every position); then the first character says what follows.
_BREAK_FIRST = "[ \t\u00a0\u2009\u202f\r\n]"
_PARAGRAPH_BREAK = re.compile(
    rf"{_BREAK_FIRST}(?<!{_SP}{_BREAK_FIRST})"
    rf"(?:(?<={_SP}){_SP}*\r?\n|(?<=\r)\n|(?<=\n))(?:{_SP}*\r?\n)+"
)
# Words keep inner apostrophes (’ or '), hyphens and dots of abbreviations;
# everything else that is not space is a one-character token.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|\d+(?:[.,]\d+)+|\w+(?:[’'\-]\w+)*|[^\w\s]")


@functools.cache
def _punkt() -> Any:
    ensure_nltk_data()
    from nltk.tokenize import PunktTokenizer

    return PunktTokenizer("english")


def _paragraph_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    pos = start
    for m in _PARAGRAPH_BREAK.finditer(text, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def split_sentences(text: str) -> list[Sentence]:
    r"""Split text into sentences with ``start``/``end`` offsets.

    Args:
        text: the article text (for an :class:`~karabakh.Article`, pass
            ``article.text``).

    Returns:
        Sentences in order; a leading ``date YYYY-MM-DD`` header is the first
        segment, marked ``is_header=True``. Blank text gives ``[]``.

    >>> text = "“We will stop,” he said. The U.S. agreed.\n\nNo more."
    >>> [(s.text, s.paragraph) for s in split_sentences(text)]
    [('“We will stop,” he said.', 0), ('The U.S. agreed.', 0), ('No more.', 1)]
    """
    sentences: list[Sentence] = []
    body_start = 0
    m = header_match(text)
    if m:
        hs, he = m.span(1)
        sentences.append(Sentence(0, hs, he, text[hs:he], 0, is_header=True))
        body_start = m.end(1)
    tokenizer = _punkt()
    for p_index, (p_start, p_end) in enumerate(_paragraph_spans(text, body_start, len(text))):
        chunk = text[p_start:p_end]
        pieces: list[tuple[int, int]] = []
        for s, e in tokenizer.span_tokenize(chunk):
            a, b = p_start + s, p_start + e
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a == b:
                continue
            if pieces and _joins(text, pieces[-1][1], a):
                pieces[-1] = (pieces[-1][0], b)  # "Lt. Gen. A." + "B. Petrov said ..."
            else:
                pieces.append((a, b))
        for a, b in pieces:
            sentences.append(Sentence(len(sentences), a, b, text[a:b], p_index))
    return sentences


def _joins(text: str, prev_end: int, start: int) -> bool:
    """Does the piece ending at ``prev_end`` run on into the one at ``start``?

    Yes when it ends with a title abbreviation or an initial before a capital
    ("Sen." + "Jane Roe said ...", "A." + "B. Petrov").
    """
    if text[prev_end - 1] != "." or not text[start : start + 1].isupper():
        return False
    return ends_abbreviation(text, prev_end - 1, titles_only=True)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Split text (or ``text[start:end]``) into word and punctuation tokens with spans.

    Words keep inner apostrophes and hyphens (``Baku’s``, ``Nagorno-Karabakh``),
    numbers keep their separators (``7,000``, ``1.5``) and dotted
    abbreviations their final dot (``U.S.``); quote marks and
    other punctuation are one-character tokens. Offsets index ``text``.

    >>> [t.text for t in tokenize("«Baku’s goal», said the U.S. envoy.")]
    ['«', 'Baku’s', 'goal', '»', ',', 'said', 'the', 'U.S.', 'envoy', '.']
    """
    stop = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, stop)]


# ------------------------------------------------- the rule-based index

_BLANK_LINE = re.compile(r"\r?\n[ \t]*\r?\n\s*")
_LEADING_BLANK_LINE = re.compile(r"[ \t]*\r?\n\s*")
_NEWLINE = re.compile(r"\r?\n\s*")
#: the end of a sentence: ``. ! ?`` (closing marks allowed, after a narrow no-break space
#: too: ``provocation.\u202f»``) before a capital or digit
SENT_END = re.compile(  # "(?<![.!?])[.!?]+", its look-behind after the first mark: a fast skip
    rf"[.!?](?<![.!?][.!?])[.!?]*(?:{_SP}?[”\"»’')\]])*{_SP}+(?=[“«\"„‘'(\[]{{0,2}}{_SP}?[A-Z0-9])"
)
# a wire-service dateline opening a paragraph: "YEREVAN, Sept 25 (Reuters) - ",
# "BAKU, Azerbaijan (AP) — ", "(Reuters) - "; it ends a "sentence" of its own
_DATELINE = re.compile(
    r"[ \t]*(?:[A-Z][A-Z.'’-]+(?:[ \t/][A-Z][A-Z.'’-]+){0,3}"  # "STEPANAKERT/YEREVAN" too
    r"(?:,[ \t]*(?:\d{1,2}[ \t]+)?[A-Z][\w.-]*(?:[ \t][A-Z][\w.-]*)?(?:[ \t]+\d{1,2})?(?:,[ \t]*\d{4})?){0,2}"
    r"[ \t]*"  # ", Sept 26", ", 14 December", ", Armenia, Sept 24"
    r"(?:\([A-Z][\w .&/-]{0,30}\)[ \t]*)?|\([A-Z][\w .&/-]{0,30}\)[ \t]*)[-—–]{1,2}[ \t]+"
)


@functools.cache
def _punkt_abbreviations() -> frozenset[str]:
    from punkt.data import english

    return frozenset(a.lower() for a in english.ABBREV_TYPES)


@functools.cache
def abbreviations() -> dict[str, str]:
    """The abbreviations of ``data/abbreviations.csv``: lower-case form -> kind.

    ``kind`` is ``title`` (before a name: ``sen``, ``lt``, ``gov``) or
    ``other`` (``u.s``); see ``karabakh/data/README.md``. Month
    abbreviations are the shortened month rows of ``time_words.csv``
    (:func:`karabakh.lexicon.month_abbreviations`).

    Raises:
        ValueError: for a row with an unknown kind or an empty abbreviation.

    >>> abbreviations()["sen"], abbreviations()["u.s"]
    ('title', 'other')
    """
    out: dict[str, str] = {}
    for i, row in enumerate(read_data_csv("abbreviations.csv")):
        form = row["abbreviation"].strip().lower().rstrip(".")
        if not form or row["kind"] not in {"title", "other"}:
            raise ValueError(f"abbreviations.csv row {i + 1}: bad abbreviation or kind in {row}")
        out[form] = row["kind"]
    return out


def ends_abbreviation(text: str, dot: int, *, titles_only: bool = False) -> bool:
    """Is the ``.`` at ``text[dot]`` the dot of an abbreviation or an initial?

    An initial is one letter (``A.`` of ``A. B. Petrov``); an abbreviation is
    one of punkt's English list (any case), or of ``data/abbreviations.csv``
    or a month abbreviation of ``time_words.csv`` written with a capital (``Sen.``,
    ``Gov.``, ``Sept.``, ``U.S.``; ``no.`` in lower case is the word; a month
    written out, "in December.", ends its sentence). With ``titles_only``, only an initial in
    capitals or a title of the data file counts: what comes before a name.

    >>> t = "Lt. Gen. A. B. Petrov said no. Gov. Roe agreed."
    >>> [t[:i].split()[-1] for i, c in enumerate(t) if c == "." and ends_abbreviation(t, i)]
    ['Lt', 'Gen', 'A', 'B', 'Gov']
    """
    if dot >= len(text) or text[dot] != ".":
        return False
    w = dot
    while w > 0 and (text[w - 1].isalpha() or text[w - 1] == "."):
        w -= 1
    word = text[w:dot]
    low = word.lower()
    if not word:
        return False
    if len(word) == 1:
        return word.isupper() or not titles_only
    kind = abbreviations().get(low)
    if titles_only:
        return kind == "title" and word[0].isupper()
    known = kind is not None or low in month_abbreviations()
    return low in _punkt_abbreviations() or (known and word[0].isupper())


def paragraph_breaks(text: str) -> list[tuple[int, int]]:
    r"""The ``(start, end)`` spans of the paragraph breaks of ``text``.

    Blank lines separate paragraphs; a text without any blank line is cut at
    every line break instead. A break at the very end is not a break.

    >>> paragraph_breaks("One.\n\nTwo.\nStill two.")
    [(4, 6)]
    >>> paragraph_breaks("One.\nTwo.")
    [(4, 5)]
    """
    pattern = _BLANK_LINE if _BLANK_LINE.search(text) else _NEWLINE
    return [m.span() for m in pattern.finditer(text) if m.end() < len(text)]


def sentence_starts(text: str) -> list[int]:
    """Offsets where a sentence starts, by the rules of :class:`SentenceIndex`.

    Computed once per text (the last few texts are kept): every extractor
    that asks about the same article shares the result.

    >>> t = "BAKU (AP) — Troops moved. Gen. Doe said so. U.S. aid came."
    >>> [t[i:i + 6] for i in sentence_starts(t)]
    ['BAKU (', 'Troops', 'Gen. D', 'U.S. a']
    """
    return list(_sentence_starts(text))


@functools.lru_cache(maxsize=8)
def _sentence_starts(text: str) -> tuple[int, ...]:
    starts = [0]
    header = header_match(text)
    if header:
        starts.append(header.end())
    # a text that opens with a line of white space only (an article's masked text, whose
    # ``date`` header is blanked) starts a paragraph after it, as the header would
    lead = None if header else _LEADING_BLANK_LINE.match(text)
    if lead and lead.end() < len(text):
        starts.append(lead.end())
    for m in SENT_END.finditer(text):
        dot = m.start()
        if text[dot] == "." and ends_abbreviation(text, dot):
            continue
        starts.append(m.end())
    paragraphs = [b for _, b in paragraph_breaks(text)]
    starts.extend(paragraphs)
    for p in [header.end() if header else lead.end() if lead else 0, *paragraphs]:
        dateline = _DATELINE.match(text, p)
        if dateline:
            starts.append(dateline.end())
    return tuple(sorted(set(starts)))


#: a "sentence" longer than this is cut (see :class:`SentenceIndex`)
MAX_SENTENCE = 2000
_CUT_AT = re.compile(r"[,;:][ \t]+|[ \t]+")


def _cut(text: str, a: int, b: int) -> list[int]:
    """Forced starts that split ``text[a:b]`` into pieces of at most MAX_SENTENCE."""
    cuts = []
    while b - a > MAX_SENTENCE:
        limit = a + MAX_SENTENCE
        clause = space = None
        for m in _CUT_AT.finditer(text, a + MAX_SENTENCE // 2, limit):
            if m.group()[0] in ",;:":
                clause = m.end()
            else:
                space = m.end()
        cut = clause or space
        if cut is None or cut >= limit:
            cut = limit
        cuts.append(cut)
        a = cut
    return cuts


class SentenceIndex:
    """Sentence starts of one text, for ``start_of`` / ``end_of`` look-ups in O(log n).

    A "sentence" longer than :data:`MAX_SENTENCE` characters (text without
    full stops: lists, run-on or broken input) is cut at its last clause
    boundary (``, ; :``), else at a space, before the limit; these starts are
    in :attr:`forced`, so that an extractor can say so. Every pass over a
    sentence is thereby bounded, and the time over a text linear.

    Args:
        text: the text indexed.
        inside: spans (``(start, end)``, sorted, not overlapping) whose
            inner starts are ignored: a quotation of several sentences is
            one sentence of the writer's.
        starts: precomputed :func:`sentence_starts` of ``text`` (optional).

    >>> t = "He said “Go. Now.” Then left."
    >>> idx = SentenceIndex(t, inside=[(9, 17)])
    >>> idx.starts, t[idx.start_of(20):idx.end_of(20)]
    ([0, 19], 'Then left.')
    """

    def __init__(
        self,
        text: str,
        inside: Sequence[tuple[int, int]] = (),
        starts: Sequence[int] | None = None,
    ) -> None:
        self.text = text
        qs = [a for a, _ in inside]
        keep = []
        for s in sentence_starts(text) if starts is None else starts:
            k = bisect.bisect_right(qs, s) - 1
            if k >= 0 and inside[k][0] < s < inside[k][1]:
                continue
            keep.append(s)
        self.forced: frozenset[int] = frozenset()
        bounds = [*keep, len(text)]
        if any(y - x > MAX_SENTENCE for x, y in itertools.pairwise(bounds)):
            forced = [c for x, y in itertools.pairwise(bounds) for c in _cut(text, x, y)]
            self.forced = frozenset(forced)
            keep = sorted({*keep, *forced})
        self.starts = keep

    def start_of(self, pos: int) -> int:
        """The start of the sentence holding ``pos``."""
        k = bisect.bisect_right(self.starts, pos) - 1
        return self.starts[k] if k >= 0 else 0

    def end_of(self, pos: int) -> int:
        """The start of the next sentence after ``pos`` (or the end of the text)."""
        k = bisect.bisect_right(self.starts, pos)
        return self.starts[k] if k < len(self.starts) else len(self.text)


def sentence_spans(text: str | SentenceIndex) -> list[tuple[int, int]]:
    r"""``(start, end)`` of every sentence of the rule-based index, white space trimmed.

    Blank stretches are left out; a :class:`SentenceIndex` may be passed
    instead of the text (for a Document: ``doc.sentences``).

    >>> t = "Troops moved. Gen. Doe said so.\n\nCalm."
    >>> [t[a:b] for a, b in sentence_spans(t)]
    ['Troops moved.', 'Gen. Doe said so.', 'Calm.']
    """
    idx = text if isinstance(text, SentenceIndex) else SentenceIndex(text)
    raw = idx.text
    out = []
    for a, b in itertools.pairwise([*idx.starts, len(raw)]):
        while a < b and raw[a].isspace():
            a += 1
        while b > a and raw[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out
