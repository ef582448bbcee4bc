"""Quotations found from their marks: the pairing every extractor reads.

Text-layer machinery (``docs/design/0008-layout.md``): a
:class:`~karabakh.text.document.Document` keeps :func:`pair_quote_marks` of
its text as ``doc.quotation_marks`` (and their content spans as
``doc.quotations``); :mod:`karabakh.extract.quotes` attributes them to
speakers, the sentence index and the reference resolver leave them whole, and
:func:`quote_spans` is the plain form. Nothing here knows of speakers.

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
5. A title, name or scare quote in marks is a *term* (``term=True`` here, ``kind="term"`` in quotes), words
   of the writer's sentence, not speech: no cue, no speaker, never a quote.
   It is one when it does not open a sentence or clause, has no final
   punctuation inside its marks and either follows a distancing word
   (``so-called``, ``self-styled``, ``self-proclaimed``, ``dubbed``,
   ``the word``, ``known as``: ``the self-styled “minister”``), or is a
   title in capitals after an article, a possessive, a preposition or a
   genre noun (``appeared on “Evening Report”``, ``the BBC’s ‘Sunday
   Politics’``), or is a lower-case phrase of at most three words after an
   article (``a “humanitarian pause”``). A quoted modifier before its noun
   inside a reported clause (``said the “anti-terrorist” operation was ...``)
   and a word after a possessive (``restored its “sovereignty”``) stay
   partial quotes: the speaker quotes a label. For the attribution a term's
   marks are blanked, so the subject or claim around it reads as it would
   without them (``The self-styled “parliament” said that ...``).

Rule 4 reads the cues of ``data/reporting_verbs.csv``
(:func:`karabakh.text.lexicon.cue_pattern`).

>>> t = "«Peace» now, he said. “We agree,” they replied. Baku’s goal."
>>> [t[a:b] for a, b in quote_spans(t)]
['Peace', 'We agree']
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from ._patterns import SPACE_RUN
from .clauses import np_after, np_ok, strip_aux, trim
from .lexicon import cue_pattern, reporting_forms
from .sentences import SENT_END, paragraph_breaks

__all__ = ["OPENING_MARKS", "QuotationSpan", "pair_quote_marks", "quote_spans"]


_MARK = re.compile(r"[«»“”„‟\"‘’‚‹›']")
_DOUBLE = frozenset("«»“”„‟\"")
_OPEN_GLYPH = frozenset("«„“‟‘‚‹")
_CLOSE_GLYPH = frozenset("»”’›")
#: every mark that can open a quotation: the opening glyphs and the straight marks,
#: which open or close ("“We were attacked", "'We were attacked")
OPENING_MARKS = _OPEN_GLYPH | frozenset("\"'")
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
    term: bool = False  # a title, name or scare quote in marks: no speech (rule 5)

    @property
    def start(self) -> int:
        """The offset of the opening mark, or of the content when there is none."""
        return self.open if self.open is not None else self.cstart

    @property
    def end(self) -> int:
        """The offset after the closing mark, or the end of the content when there is none."""
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
    return _mark_terms(text, _split_attributions(text, _pair(text)))


# words right before a quotation that make it a term: "the so-called “...”"
_TERM_CUE = re.compile(
    r"(?<![\w-])(?i:so[-\s]called|self[-\s](?:styled|proclaimed|declared|appointed)|"
    r"dubbed|nicknamed|titled|entitled|(?:the|a|its|their|his|her)\s+(?:word|words|term|phrase|"
    r"slogan|motto|label|name|headline|hashtag|title)|known\s+as|billed\s+as|"
    r"named(?=\s*$))[\s,]*$"
)
# a genre noun before a title in capitals: "the show “Face the Nation”"
_GENRE = re.compile(
    r"(?<![\w-])(?i:programme|program|show|book|film|documentary|series|song|newspaper|"
    r"column|podcast|operation|doctrine|magazine|channel|album|novel|play)\s*$"
)
# a determiner or possessive right before a short noun phrase in marks: "a “humanitarian
# pause”", "the broadcaster's “Public Talk”"; a preposition before a title: "on “Face the Week”"
_TERM_DET = re.compile(
    r"(?:(?<![\w-])(?i:a|an|the|its|their|his|her|our|this|that|these|those|whose)"
    r"|\w['’]s|\ws['’])\s*$"
)
# an article before a lower-case scare quote ("a “humanitarian pause”"); after a possessive
# ("restored its “sovereignty”, the ministry said") the word is the speaker's own
_TERM_ARTICLE = re.compile(r"(?<![\w-])(?i:a|an|the)\s*$")
# a quoted modifier before its noun, inside a reported clause ("said the “anti-terrorist”
# operation was ..."): the speaker quotes the other side's label; it stays a partial quote
# (statements read it as distance, rule scare-quotes) rather than a term of the writer's
_PREMODIFIER = re.compile(r"[ \t\u00a0\u2009\u202f]+[a-z]")
_NOT_A_NOUN = re.compile(
    r"\s+(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|"
    r"shall|did|does|do|of|in|on|at|to|for|from|with|by|as|and|or|but|that|which|who|no|not|never|"
    r"proposed|announced|declared|offered|planned|promised|demanded|agreed|set|imposed|"
    r"[a-z]+ly)\b"
)
_TITLE_PREP = re.compile(r"(?<![\w-])(?:on|in|of|from|by|at|about|to|for|with)\s*$")
_TERM_MAX_WORDS = 3  # a lower-case scare quote; a title in capitals may have more
_SMALL_WORD = frozenset("a an the of and or in on at to for with by from de la le du".split())


def _title_case(words: list[str]) -> bool:
    """Every word capitalised, small words apart (``Face the Week``, ``Public Talk``)."""
    return bool(words) and words[0][:1].isupper() and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL_WORD for w in words
    )


def _is_term(text: str, sp: QuotationSpan) -> bool:
    """A title, name or scare quote in marks, not speech (rule 5 of the module docstring)."""
    if sp.open is None or sp.close is None or sp.unbalanced or sp.inner is not None:
        return False
    content = text[sp.cstart : sp.cend]
    words = content.split()
    if not words or len(words) > 8 or content[-1:] in ".!?,;:…" or text[sp.close - 1] in ",.!?":
        return False
    line_start = max(text.rfind("\n", 0, sp.open), 0)
    before = text[max(line_start, sp.open - 60) : sp.open]
    if not before.strip() or before.rstrip()[-1:] in ":.!?—–-(\"“”«»":
        return False  # the quotation opens a sentence, a clause or follows a colon
    if _TERM_CUE.search(before):
        return True
    if _title_case(words) and any(r.search(before) for r in (_TERM_DET, _TITLE_PREP, _GENRE)):
        return True
    if _PREMODIFIER.match(text, sp.end) and not _NOT_A_NOUN.match(text, sp.end):
        return False  # "the “anti-terrorist” operation": the other side's label, quoted
    return len(words) <= _TERM_MAX_WORDS and bool(_TERM_ARTICLE.search(before)) and not (
        words[0][:1].isupper() and len(words) > 1
    )


def _mark_terms(text: str, spans: list[QuotationSpan]) -> list[QuotationSpan]:
    return [replace(sp, term=True) if _is_term(text, sp) else sp for sp in spans]


# ------------------------------------- attributions inside the marks (rule 4)

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
        verb = reporting_forms().get(SPACE_RUN.sub(" ", c.group()))
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
    cue_re = cue_pattern()
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
