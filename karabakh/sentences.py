"""Sentences and tokens with character spans.

Sentences come from NLTK's punkt span tokenizer with its trained English
parameters (never trained on the article at hand). The text is first cut into
paragraphs at blank lines, so a heading without a full stop does not merge
with the next paragraph; a leading ``date YYYY-MM-DD`` header becomes its own
segment with ``is_header=True``.

Offsets index the text given, unchanged.

>>> [s.text for s in split_sentences("date 2023-09-20 Sept. 20 was calm. It was not.")]
['date 2023-09-20', 'Sept. 20 was calm.', 'It was not.']
"""

from __future__ import annotations

import functools
import re
from typing import Any

from .articles import _HEADER
from .records import Sentence, Token
from .resources import ensure_nltk_data

__all__ = ["split_sentences", "tokenize"]

_PARAGRAPH_BREAK = re.compile(r"[ \t]*\r?\n(?:[ \t]*\r?\n)+")
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
    m = _HEADER.match(text)
    if m:
        hs, he = m.span(1)
        sentences.append(Sentence(0, hs, he, text[hs:he], 0, is_header=True))
        body_start = m.end(1)
    tokenizer = _punkt()
    for p_index, (p_start, p_end) in enumerate(_paragraph_spans(text, body_start, len(text))):
        chunk = text[p_start:p_end]
        for s, e in tokenizer.span_tokenize(chunk):
            a, b = p_start + s, p_start + e
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a == b:
                continue
            sentences.append(Sentence(len(sentences), a, b, text[a:b], p_index))
    return sentences


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
