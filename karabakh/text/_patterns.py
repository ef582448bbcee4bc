"""Regular expressions built from word lists: one prefix-trie builder for every module.

A long alternation ``a|ab|abc|...`` is slow in Python's backtracking engine;
the same words as a trie (shared prefixes factored out) reject a position
after a character or two. A longer phrase is tried before its own prefix, so
the longest phrase wins.

>>> re.fullmatch(trie_regex(["said", "says", "say"]), "says") is not None
True
>>> trie_regex(["ab", "a"])
'a(?:b)?'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

Trie = dict[str, "Trie"]

#: a run of white space, read as one space (``SPACE_RUN.sub(" ", form)`` before a form is
#: looked up: a line break inside "according to" is a space)
SPACE_RUN = re.compile(r"\s+")


def build_trie(phrases: Iterable[str]) -> Trie:
    """A character trie of ``phrases``; the key ``""`` marks the end of a phrase.

    >>> build_trie(["ab"])
    {'a': {'b': {'': {}}}}
    """
    root: Trie = {}
    for phrase in phrases:
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return root


def trie_to_regex(node: Trie, *, space: str = r"\s+", first_either_case: bool = False) -> str:
    r"""The regular expression (no groups) matching every phrase of a trie.

    Args:
        node: a trie from :func:`build_trie`.
        space: what a space in a phrase matches (default: any run of white space).
        first_either_case: let the first letter also match its capital
            (for patterns compiled without ``re.IGNORECASE``).

    >>> trie_to_regex(build_trie(["to", "the day"]), first_either_case=True)
    '[tT](?:he\\s+day|o)'
    """

    def emit(node: Trie, first: bool) -> str:
        alts = []
        for ch in sorted(c for c in node if c):
            head = space if ch == " " else re.escape(ch)
            if first and first_either_case and ch.isalpha() and ch != ch.upper():
                head = f"[{ch}{ch.upper()}]"
            alts.append(head + emit(node[ch], False))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(node, True)


def trie_regex(
    phrases: Iterable[str], *, space: str = r"\s+", first_either_case: bool = False
) -> str:
    r"""The regular expression matching any of ``phrases``, built as a trie.

    >>> trie_regex(["Nagorno Karabakh", "Nagorno"], space=r"[\s\-]+")
    'Nagorno(?:[\\s\\-]+Karabakh)?'
    """
    return trie_to_regex(build_trie(phrases), space=space, first_either_case=first_either_case)
