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


# what may follow "..., the ministry said" at the end of a wire-style lead:
# nothing, or an adjunct ("in a statement", "on Tuesday", "late on Friday")
_TAIL_OK = re.compile(
    r"\s*(?:(?:in|on|at|during|after|before|to|via|through|from|late|early|earlier|later|"
    r"overnight|yesterday|today|tonight|this|last|without|while|when|citing|separately|"
    r"also|again|repeatedly|publicly|officially)\b[^,;:“”«»\"]*)?(?:[.!?]|,|$)"
)
