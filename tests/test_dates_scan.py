"""find_dates' fast scan gives exactly the matches of the plain scan.

``dates._matches`` tries the date pattern only where it can match (see its
docstring), and ``dates._pattern`` is the written pattern with its optional
groups as alternations. Both must leave every match as the plain
``re.compile(_pattern_source()).finditer`` finds it: same spans, same
alternative, same groups. The sentences are invented for these tests.
"""

from __future__ import annotations

import functools
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from karabakh.extract import dates


@functools.cache
def _plain() -> re.Pattern[str]:
    return re.compile(dates._pattern_source())


def _fast(text: str) -> list[tuple[tuple[int, int], str | None, dict[str, str | None]]]:
    return [(m.span(), m.lastgroup, m.groupdict()) for m in dates._matches(text)]


def _slow(text: str) -> list[tuple[tuple[int, int], str | None, dict[str, str | None]]]:
    return [(m.span(), m.lastgroup, m.groupdict()) for m in _plain().finditer(text)]


SENTENCES = [
    "In 2019 the lake froze early.",  # a preposition at the very start
    "2019 was dry; by 2021 the wells were empty.",  # a year at the very start
    "The fair opens on\n\n  Friday, the mayor said.",  # white space of several kinds
    "Since\u00a0March the ferry has run twice a week.",  # a no-break space after the preposition
    "Between 1988 and 1994 the mill was shut, from 2001 to 2004 again.",
    "The bridge of 1999-2003 was rebuilt in the 2010s, mid-2021 and late last July.",
    "xin 2020, a-2020, 3.2020 and /2020 are no years after a preposition.",
    "It rained at 3 p.m., at 0900 GMT and around noon on Sept. 20.",
    "Tuesday's vote, held 19-20 September 2023, came two days after the storm.",
    "Since then, at the time, the year before and the following morning were calm.",
    "\u017fince 2020 and \u0130n 2021 the case-blind prepositions still read.",  # long s, dotted I
    "On the 24th the second quarter of next year was planned; FY2024 and Q3 2023 too.",
    "(2020) [in 2020] \u201cin 2020\u201d \u2014in 2020\u2014 in 2020.",
    "For months, within hours, over days and in recent weeks nothing moved.",
    "in in in 2020 on on Monday the the 1st",
    "",
    "   ",
    "2",
    "in",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_fast_scan_equals_plain_scan(text: str) -> None:
    assert _fast(text) == _slow(text)


def test_fast_scan_finds_dates() -> None:
    # not vacuous: the invented sentences hold many matches
    assert sum(len(_fast(t)) for t in SENTENCES) >= 35


def test_optional_as_branch_keeps_the_groups() -> None:
    assert dates._pattern().groupindex == _plain().groupindex
    # no greedy optional group is left (a group's ")" followed by "?", not "??" or "?+")
    assert re.search(r"(?<!\\)\)\?(?![?+])", dates._pattern().pattern) is None
    assert re.search(r"(?<!\\)\)\?(?![?+])", _plain().pattern) is not None


WORDS = [
    "in", "In", "on", "since", "by", "of", "between", "and", "to", "the", "The", "a", "last",
    "next", "this", "early", "late", "mid", "2020", "1994", "94", "20", "3", "19th", "September",
    "Sept.", "Monday", "Monday's", "night", "morning", "days", "weeks", "ago", "later", "then",
    "time", "year", "quarter", "Q3", "FY24", "p.m.", "GMT", "noon", "1990s", "people", "war",
    "yesterday", "today", "recently", "every", "twice", "week", "summer", "x", "Armenia",
]
SEPARATORS = [" ", "  ", "\n", "\n\n", ", ", ". ", "-", "/", "(", ")", "\u00a0", "\u2014", ""]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=25))
def test_fast_scan_equals_plain_scan_on_word_salad(parts: list[tuple[str, str]]) -> None:
    text = "".join(w + s for w, s in parts)
    assert _fast(text) == _slow(text)


def test_every_gate_word_opens_with_a_word_character() -> None:
    # _matches visits its candidates in text order only because the gate opens on a word
    # character (a digit, "the", "FY", "Q3" or a listed word): the gate position before a
    # word never lies between that word and the preposition before it
    assert all(re.match(r"\w", w) for w in dates._starters())
    assert dates._gate().startswith(r"(?=[0-9]|[Tt]he\s+[0-9]|FY|[QH][1-4]|")
