r"""Wire datelines: the place and date that open an agency report, checked against the article.

Wire and agency copy opens with a place in capitals and a date without a
year ("STEPANAKERT, SEPTEMBER 23, ARMENPRESS.", "GORIS, Armenia, Sept 26
(Reuters) -", "MOSCOW, September 25. /TASS/.", "Baku, September 22,
Report.az."). :func:`find_wire_dateline` reads that line (after the
``date YYYY-MM-DD`` header, if any), resolves the place through
:func:`karabakh.text.actors.tag_mentions` and gives the date the article's year.
It then checks the date against the article's date: a dateline more than
two days before the article, or after it, is kept with a ``problem``
(a report filed on the 23rd and published on the 24th is usual).

The month names come from ``time_words.csv`` (the dates extractor's list),
matched in any case here because datelines are often in capitals.

>>> d = find_wire_dateline("date 2023-09-24\nSTEPANAKERT, SEPTEMBER 23, ARMENPRESS. Buses left.")
>>> (d.place_text, d.place_id, d.date, d.year_given, d.problem)
('STEPANAKERT', 'STEPANAKERT', '2023-09-23', False, None)
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from ..records import WireDateline
from ..resources import read_data_csv
from ..text._patterns import trie_regex
from ..text.actors import tag_mentions
from ..text.articles import header_match, parse_dateline

__all__ = ["find_wire_dateline"]

#: Days a dateline may precede the article's date without a problem.
_SLACK_DAYS = 2


@functools.cache
def _months() -> dict[str, int]:
    return {row["word"].lower(): int(row["value"])
            for row in read_data_csv("time_words.csv") if row["category"] == "month"}


@functools.cache
def _pattern() -> re.Pattern[str]:
    month = trie_regex(_months())
    place = r"[^\W\d_][\w’'.-]*(?:[ \t]+[^\W\d_][\w’'.-]*){0,3}"
    return re.compile(
        rf"(?P<place>{place})(?:[ \t]*,[ \t]*(?P<country>[^\W\d_][\w’'-]*(?:[ \t]+[^\W\d_]"
        rf"[\w’'-]*)?))??"
        rf"(?:[ \t]*,[ \t]*(?P<month>{month})\.?[ \t]+(?P<day>\d{{1,2}})(?!\d)"
        rf"(?:(?:[ \t]*,)?[ \t]+(?P<year>(?:19|20)\d\d)(?!\d))?"
        rf"|(?=[ \t]*(?:\(|/|[—–-][ \t])))",
        re.IGNORECASE,
    )


def find_wire_dateline(text: str, on: dt.date | str | None = None) -> WireDateline | None:
    """Read the wire dateline that opens ``text`` and check it against the article's date.

    Args:
        text: the article text (offsets index it unchanged).
        on: the article's date; when ``None``, a leading ``date YYYY-MM-DD``
            header of ``text`` is used if present.

    Returns:
        The dateline, or ``None`` when the first line after the header does
        not open with a place followed by a date, a "(", a "/" or a dash.
        A place the dictionary does not know keeps its words with
        ``place_id=None``; a date is kept even when it disagrees with the
        article's date (the ``problem`` says so).

    Raises:
        ValueError: if ``on`` is a string that is not an ISO date.

    >>> d = find_wire_dateline("GORIS, Armenia, Sept 26 (Reuters) - Cars queued.", on="2023-09-26")
    >>> (d.text, d.place_id, d.date)
    ('GORIS, Armenia, Sept 26', 'GORIS', '2023-09-26')
    >>> find_wire_dateline("YEREVAN, SEPTEMBER 21, ARMENPRESS.", on="2023-09-24").problem
    "dateline 2023-09-21 is 3 days before the article's date 2023-09-24"
    """
    header = header_match(text)
    day = parse_dateline(on, where="find_wire_dateline: on") if on is not None else (
        parse_dateline(header.group(2), where="find_wire_dateline: header") if header else None)
    pos = header.end() if header else 0
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    m = _pattern().match(text, pos)
    if m is None:
        return None
    place_text = m.group("place")
    if m.group("month") is None and not place_text.isupper():
        return None  # "Officials said (...)": only a place in capitals opens a bare dateline
    mentions = [x for x in tag_mentions(text[: m.end("place")], day)
                if x.start == m.start("place")]
    place_id = mentions[0].entity_id if mentions and mentions[0].kind == "place" else None
    if place_id is None and mentions and mentions[0].kind == "actor":
        place_id = _place_of(mentions[0].text)
    date, year_given, problem = _date(m, day)
    return WireDateline(m.start(), m.end(), text[m.start() : m.end()], place_text, place_id,
                        date, year_given, problem)


def _place_of(name: str) -> str | None:
    """The place of a name the tagger read as an actor ("Baku, September 22, ...")."""
    ms = tag_mentions(f"in {name}")
    return ms[0].entity_id if ms and ms[0].kind == "place" else None


def _date(m: re.Match[str], on: dt.date | None) -> tuple[str | None, bool, str | None]:
    if m.group("month") is None:
        return None, False, None
    month = _months()[m.group("month").lower()]
    day_n = int(m.group("day"))
    year_given = m.group("year") is not None
    if year_given:
        year = int(m.group("year"))
    elif on is not None:
        year = on.year
        if (month, day_n) > (on.month, on.day) and month - on.month > 6:
            year -= 1  # "DECEMBER 31" in an article of 2 January
    else:
        return None, False, "the dateline has no year and the article has no date"
    try:
        date = dt.date(year, month, day_n)
    except ValueError:
        return None, year_given, f"no such day: {m.group('month')} {day_n}"
    problem = None
    if on is not None:
        gap = (on - date).days
        if gap < 0:
            problem = f"dateline {date} is after the article's date {on}"
        elif gap > _SLACK_DAYS:
            problem = f"dateline {date} is {gap} days before the article's date {on}"
    return date.isoformat(), year_given, problem
