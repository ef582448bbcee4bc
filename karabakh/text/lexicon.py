"""Closed word lists that several modules share, each read from the one file that holds it.

A word list used by more than one extractor lives once, in one data file;
the modules that need it ask here instead of keeping a copy:

* month and weekday names (English, with the abbreviations news uses):
  ``data/time_words.csv`` (categories ``month`` and ``weekday``), the file of
  :mod:`karabakh.extract.dates`, read by the mention tagger (a month is never an
  unknown name) and the figure finder (``20 September`` is no count) too;
* reporting verbs: ``data/reporting_verbs.csv``
  (:func:`karabakh.extract.quotes.reporting_verbs`);
* describing nouns: ``data/speaker_nouns.csv``
  (:func:`karabakh.text.clauses.speaker_nouns`).

>>> "sept" in month_names(), "monday" in weekday_names()
(True, True)
"""

from __future__ import annotations

import functools

from ..resources import read_data_csv

__all__ = ["month_names", "weekday_names"]


@functools.cache
def _time_words(category: str) -> frozenset[str]:
    return frozenset(
        row["word"].lower() for row in read_data_csv("time_words.csv") if row["category"] == category
    )


def month_names() -> frozenset[str]:
    """Month names and their abbreviations, lower case (``january``, ``jan``, ``sept``).

    >>> sorted(n for n in month_names() if n.startswith("sep"))
    ['sep', 'sept', 'september']
    """
    return _time_words("month")


def weekday_names() -> frozenset[str]:
    """Weekday names, lower case (``monday`` ... ``sunday``).

    >>> len(weekday_names())
    7
    """
    return _time_words("weekday")
