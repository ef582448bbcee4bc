"""casualties._scan_alt: its guard after the first letter finds what the guard before it finds.

The sentences are invented for these tests.
"""

from __future__ import annotations

import re

import pytest

from karabakh.extract import casualties
from karabakh.extract.casualties import _patterns, _scan_alt, figure_words

SENTENCES = [
    "Death toll could rise, the number of casualties is expected to climb.",
    "death toll rising",  # at the very start of the text
    "non-death toll, xdeath toll, -Death toll, 'death toll', \ndeath toll\n(death toll)",
    "The DEATH TOLL rose; the casualty count went up and the toll may climb further.",
    "",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_guard_after_first_letter_equals_guard_before(text: str) -> None:
    tolls = figure_words().tolls
    before = re.compile(rf"(?<![\w-])(?:{_scan_alt(tolls)})")
    after = re.compile(_scan_alt(tolls, not_after=r"[\w-]"))
    assert [m.span() for m in after.finditer(text)] == [m.span() for m in before.finditer(text)]


def test_trend_only_opens_with_literals() -> None:
    # the point of the guard after the first letter: no look-behind before the words
    assert not _patterns().trend_only.pattern.startswith("(?<")
    found = [m["toll"] for m in _patterns().trend_only.finditer(SENTENCES[0] + " " + SENTENCES[3])]
    assert len(found) >= 2
    assert casualties.find_figures(SENTENCES[0], mentions=[])[0].trend is not None
