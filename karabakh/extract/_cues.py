"""Reading reporting cues: what the quotation and the claim finders both need.

:mod:`karabakh.extract.quotes` attributes quotations in marks and
:mod:`karabakh.extract.claims` finds reported speech without them; both read
the same reporting cues (``said``, ``according to`` ...) and hand one another
the same record. The pieces both use live here, once:

* ``_Raw``: a quote or claim before its speaker is resolved (its spans, its
  cue, its speaker phrase and how that was found); ``quotes`` builds them for
  the quotations, ``claims`` adds the claims, and ``quotes`` resolves the
  speakers of all in one pass;
* ``_last_word``: the word before a cue (a determiner there makes it a noun);
* ``_TAIL_OK``: what may follow a cue that closes its sentence (``..., the
  ministry said in a statement.``).

A private module of the extract layer, no extractor (``docs/design/0008-layout.md``):
only ``quotes`` and ``claims`` import it, and it imports nothing of the package.

>>> _last_word("Baku's claims", 0, 7)
"Baku's"
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..text.lexicon import alternation, function_role, time_words, verb_adverbials, verb_adverbs


class _Raw(NamedTuple):
    """One quote or claim before its speaker is resolved: spans, cue, speaker phrase, rule.

    A named tuple, not a dataclass: a few dozen are made per article, and a
    frozen dataclass costs several times as much to build.
    """

    kind: str
    cstart: int
    cend: int
    start: int
    end: int
    cue: tuple[int, int] | None = None
    np: tuple[int, int] | None = None
    how: str = "none"  # np, coordinated, previous, term, none
    problem: str | None = None
    unbalanced: bool = False
    continues: int | None = None  # content start of the piece an interrupted quote resumes


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


def _tail_words() -> list[str]:
    """The words that may open an adjunct after a closing attribution (see :data:`_TAIL_OK`).

    The ``tail`` role of ``data/function_words.csv`` (prepositions, "when",
    "overnight", "citing"), the adverbs and adverbials of ``data/verb_group.csv``
    (their first word: "this" of "this morning", "last" of "last night"), and
    "early"/"mid"/"late", the one-word ``point_mod`` words of ``data/time_words.csv``.
    """
    words = {*function_role("tail"), *verb_adverbs(), *(w.split()[0] for w in verb_adverbials())}
    words |= {w for w in time_words("point_mod") if " " not in w}
    return sorted(words)


# what may follow "..., the ministry said" at the end of a wire-style lead:
# nothing, or an adjunct ("in a statement", "on Tuesday", "late on Friday")
_TAIL_OK = re.compile(rf"\s*(?:(?:{alternation(_tail_words())})\b[^,;:“”«»\"]*)?(?:[.!?]|,|$)")
