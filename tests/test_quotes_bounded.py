"""Bounded work on hostile input (issue 14 item 4): counts of work, never seconds.

Each shape of benchmarks/stress.py is extracted at two sizes; the calls of the
inner routines (and the steps of the claim-end walk) may at most about double
when the input doubles, and no pass of the sentence index is unbounded.
"""

from __future__ import annotations

import collections
import functools
import itertools

import pytest

import karabakh.extract.claims as kc
import karabakh.extract.quotes as kq
from karabakh.text import quote_marks
from karabakh.text.lexicon import cue_pattern
from karabakh.text.sentences import MAX_SENTENCE, SentenceIndex


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


SHAPES = {
    "run-on reported speech": "officials said the road was closed and ",
    "claimed/denied chain": "the ministry claimed the army denied ",
    "cue then long spaces": "Baku said" + " " * 2000,
    "straight quote marks": '"',
    "curly pairs": "“a” ",
    "runs of dots": "Baku said" + "." * 500 + " ",
    "one-sentence quotations": "“We will stay.” ",
    "coordinated cues": "Armenia denies it, and calls for talks; ",
}
INNER = ["strip_aux", "subject_of", "np_ok", "np_after", "_content_after", "_cue_before",
         "_cue_ok", "_attribute", "cue_is_noun", "_trailing_claim"]


def _calls(monkeypatch: pytest.MonkeyPatch, text: str) -> collections.Counter[str]:
    counts: collections.Counter[str] = collections.Counter()
    # the claims are found by their own module and the quote marks are paired in the
    # text layer, with some of the same helpers
    for module in (kq, kc, quote_marks):
        for name in INNER:
            original = getattr(module, name, None)
            if original is None:
                continue

            def counted(*args: object, _f=original, _n=name, **kw: object) -> object:
                counts[_n] += 1
                return _f(*args, **kw)

            monkeypatch.setattr(module, name, functools.wraps(original)(counted))
    kq.extract_quotes(text, [])
    monkeypatch.undo()
    return counts


@pytest.mark.parametrize("shape", list(SHAPES))
def test_doubling_the_input_at_most_doubles_the_calls(monkeypatch, shape):
    n = 6_000
    small = _calls(monkeypatch, _repeat(SHAPES[shape], n))
    large = _calls(monkeypatch, _repeat(SHAPES[shape], 2 * n))
    for name in INNER:
        assert large[name] <= 2.2 * small[name] + 8, (name, small[name], large[name])


@pytest.mark.parametrize("shape", list(SHAPES))
def test_claim_end_walk_is_linear(shape):
    text = _repeat(SHAPES[shape], 12_000)
    cues = list(cue_pattern().finditer(text))
    ends = kc._ClaimEnds(text, cues)
    sents = SentenceIndex(text)
    for c in cues:
        ends.end(c.end(), sents.end_of(c.start()))
    assert ends.steps <= 2 * len(cues) + 1


@pytest.mark.parametrize("shape", list(SHAPES))
def test_no_sentence_is_longer_than_the_bound(shape):
    text = _repeat(SHAPES[shape], 12_000)
    idx = SentenceIndex(text)
    bounds = [*idx.starts, len(text)]
    assert max(b - a for a, b in itertools.pairwise(bounds)) <= MAX_SENTENCE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the claim-end rules the index must keep (coordination, new clause, sentence end)
        ("Armenia denies that it shelled the road and calls for observers.", "it shelled the road"),
        ("Baku said the road was open; the army denied it.", "the road was open"),
        ("Baku said the road was open, while Yerevan denied it.", "the road was open"),
        ("Baku said the road was open.", "the road was open"),
    ],
)
def test_claim_ends_are_unchanged(text, expected):
    first = next(q for q in kq.extract_quotes(text, []) if q.kind == "indirect")
    assert first.content == expected


def test_a_run_on_text_keeps_every_cue_and_says_where_it_was_cut():
    text = _repeat("officials said the road was closed and ", 9_000)
    idx = SentenceIndex(text)
    assert idx.forced and all(a in idx.starts for a in idx.forced)
    quotes = kq.extract_quotes(text, [])
    assert len(quotes) >= text.count("officials said") - len(idx.forced) - 1
    assert all(q.text == text[q.start : q.end] for q in quotes)
