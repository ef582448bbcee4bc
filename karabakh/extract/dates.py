"""Time expressions, resolved against the dateline to TIMEX3-style values.

:func:`find_dates` finds every time expression in a text with one compiled
regular expression (an alternation of named groups, built once from
``karabakh/data/time_words.csv``) and resolves each match in Python against
the dateline (the document creation time of TimeML). :func:`sentence_dates`
then gives every sentence its best date, the way the events issue needs it.
``find_dates(..., conventions="timeml")`` follows TimeML where the project's
reading differs, and :func:`to_timeml` writes the expressions as TIMEX3 tags
into the text (with the DCT) for TimeML tools and the TempEval-3 scorer.

Spans. A record's span is the time expression itself: a leading preposition
(*on* September 20, *in* 2020, *since* 1994, *for* 24 hours) is used as
context and left out of the span; modifiers that belong to the expression
stay in (*just* one day, *early* 2022, *the* 20th of September, *last*
night, *late* last July, *about* five hours), but a possessive does not, as
in TimeML (``Tuesday's`` gives ``Tuesday``). Matches
never overlap; at one position the first alternative in the pattern wins,
and the alternatives are ordered so that the longer reading comes first
(``Tuesday, 19 September`` before ``Tuesday``, ``three days ago`` before
``three days``, ``1992-94`` before ``1992``).

Values (``DateRef.value``), TIMEX3 style:

* day ``2023-09-19``; month ``2022-11``; year ``2020``; ISO week
  ``2023-W37`` (``last week`` on 2023-09-20), weekend ``2023-W37-WE``;
  season ``2023-SU``; decade ``199`` (the 1990s); quarter ``2023-Q3``
  (granularity ``quarter``), half ``2023-H2`` (``half``), fiscal year
  ``FY2024`` (``fiscal_year``; a fiscal quarter ``FY2024-Q1``);
* part of day: the day plus a TIMEX3 suffix, ``2023-09-19TNI`` (night),
  ``TMO`` (morning), ``TAF`` (afternoon), ``TEV`` (evening); the
  ``part_of_day`` field repeats it as a word (``night``), so ``value[:10]``
  is always the day of a day or part-of-day reference;
* interval ``1992/1994`` or ``2023-09-19/2023-09-20`` (granularity
  ``interval``); clock time ``XXXX-XX-XXT13:00`` (the day is left
  unspecified, granularity ``time``), ``XXXX-XX-XXT09:00Z`` for a time
  given in GMT/UTC ("0900 GMT"), ``T12:00`` for noon/midday and ``T24:00``
  for midnight;
* duration (kind ``duration``): ``P1D``, ``P3D``, ``PT24H``, ``P2W``,
  ``P3DE``; an unspecified count gives ``X`` (``PXM`` for "for months");
  a set (kind ``set``: every day, twice a week, daily): ``P1D``, ``P1W``,
  ``XXXX-WXX-5`` (every Friday);
* vague expressions (recently, in recent months, now, currently, soon,
  the coming days; "since then", "by then", "at the time") have the TIMEX3
  reference as their value (``PAST_REF``, ``PRESENT_REF``, ``FUTURE_REF``),
  granularity and kind ``vague``, and a rule ``vague:PAST_REF`` ...;
  "(of) the year", "(for) the month", "(during) the week" are the
  dateline's year, month or week (rule ``the-year`` ...).

Resolution rules (the ``rule`` field names the one used; ``anchor`` is the
date it was resolved from):

* today, tonight, yesterday, tomorrow, the day before yesterday; this
  morning/afternoon/evening (the dateline); last night and overnight (the
  night before the dateline: ``DATELINE-1 TNI``; "overnight into
  Wednesday" is the Tuesday night); earlier/later today;
  earlier this week/month/year; last/this/next week, month, year, weekend
  ("this past weekend" is the last one); "the end of the year/week/month"
  is the dateline's (``mod`` END); "over/at the weekend" is the last
  weekend (the next one in a future-tense clause); "February this year",
  "March last year" give the month of that year;
  N days/weeks/months/years ago (days give a day, weeks an ISO week, months
  a month, years a year); all anchored on the dateline.
* Periods of budgets and sanctions reports: "the second quarter (of
  2023 / of next year)", "second-quarter", "Q3 (2023)", "last quarter",
  "the first half", "H1 2023", "fiscal 2024", "fiscal year 2025", "the 2024
  fiscal year", "FY2024", "FY24", "next fiscal year". A quarter, half or
  season named without its year ("in the third quarter", "in the spring",
  "by winter"; a bare season only in lower case after a preposition) is the
  latest one begun by the dateline in a past-tense clause, the first one
  not yet over in a future-tense clause, else the one holding the dateline
  (or the nearest). "year-earlier" / "year-ago" is the same period one
  year before the last month, quarter, half, season, year or fiscal year
  named before it ("the second quarter ... the year-earlier quarter" is
  ``2023-Q2``), else the year before the dateline.
* A weekday is the most recent such day on or before the dateline (a
  Wednesday report's "on Wednesday" is that day), unless the clause is in
  the future tense ("will meet on Friday": the first such day on or after
  the dateline). "last Tuesday" is strictly before, "next Tuesday" strictly
  after. "late (on) Monday", "early Tuesday", "late yesterday" keep the day
  with ``mod`` END / START; so does "the early hours of Tuesday" (START).
* "The night/morning/evening of" before a day gives that part of that day
  ("the night of September 19" = ``2023-09-19TNI``; "the night of 19-20
  September" is the night of the 19th).
* A day and month without a year ("September 20", "Sept. 20", "the 20th of
  September") takes the year that puts it nearest the dateline, counted in
  months: between 6 months before and 5 months after the dateline's month
  (so "September 20" in a January report is the previous September, "March
  3" in a September report is the same year's March). The tense of the
  clause then corrects it: a past-tense date more than 7 days after the
  dateline moves back a year, a future-tense date more than 7 days before
  it moves forward a year (a day or two either way is left alone: reports
  cross time zones). A bare month ("in November") follows the same
  rule at month level (past tense: not after the dateline's month; future:
  not before). After *since* the date is always in the past ("since
  December" in a September report is the previous December). Tense is
  read from the nearest tense cue (will, would, is
  due to ... / was, said, -ed ...) in the phrase around the expression
  (between commas, dashes or brackets), else in its clause: in "will be
  dissolved by 1 January, its leader announced" the date is future.
* Wire datelines: a day and month after an upper-case place at the start
  of a line and before "(Agency) -" or a dash (``YEREVAN, Sept 25
  (Reuters) -``, ``BAKU, Azerbaijan, Sept. 20 (AP) —``) are the filing
  date: the year nearest the dateline, with no tense correction (rule
  ``month-day:wire-dateline``).
* A day of the month without its month ("on the 24th", "since the 1st",
  not "the 20th anniversary") is in the dateline's month or the one before
  or after: the last such day on or before the dateline, or in a
  future-tense clause the first on or after it.
* Numeric dates: ``2023-09-20`` (ISO); ``20/09/2023``, ``20.09.2023``:
  day first when the first number is over 12, month first when the second
  is; when both readings are valid the one nearer the dateline is taken
  (rule ``numeric:ambiguous-nearest``).
* Bare four-digit years (1500-2099) only in a date context: after a
  preposition (in, since, by, until, from, during, of, before, after,
  through), in a list after another year, in parentheses, with a possessive
  ("2020's war"), or between a
  determiner (the, a, its, X's) and the noun they modify ("the 2020 war",
  ``attributive=True``; not when a function word follows, "in the 1990s
  the region", nor with early/mid/late, "the early 1990s"). A number followed by a count noun ("2020 people")
  is never a year; "7,000" never is.
* Year ranges: ``1992-94``, ``1992–1994``, ``1992/93``, ``from 1988 to
  1994``, ``between 1988 and 1994`` give ``1992/1994``; days ranges
  ``19-20 September``, ``September 19 and 20`` give day intervals.
* Anaphoric expressions (the day before, the next day, the following day,
  that night, two days later, a week earlier) are anchored on the last
  day-level date found before them in the text, else on the dateline (rule
  suffix ``:dateline``). "The day before the attack" and "two days after
  the vote" are anchored on an event the library cannot date: they are
  returned with ``value=None`` and rule ``anchored-on-event``.
* Durations ("in just one day", "three days", "for 24 hours", "the past
  week", "the 44-day war") are ``kind="duration"`` with an ISO 8601
  duration value, never dates; ages ("a 19-year-old", "55 years old") are
  neither; "days after the vote", "hours later" are kept with
  ``value=None`` (an unspecified count); "just", "nearly", "more than", "about" ...
  are kept as the TIMEX3 ``mod`` (EQUAL_OR_LESS, LESS_THAN, MORE_THAN,
  APPROX ...); "early", "mid", "late", "the end of" before a month or year
  give ``mod`` START, MID, END, also before a relative month ("late last
  July", "early next month"); "around 2015", "about 3 p.m." are the year or
  time with ``mod`` APPROX (not before a count: "about 2000 people"); "every
  six months" is a set (``P6M``); "a week from today", "two years from now"
  are dates ahead of the dateline.

Without a dateline, absolute expressions (20 September 2023, November 2022,
1992-94, durations) still resolve; every expression that needs the dateline
is returned with ``value=None`` and its rule suffixed ``:no-dateline`` so
nothing is lost. Pass ``strict=True`` to get a ``ValueError`` naming the
first such expression instead.

>>> [(d.text, d.value) for d in find_dates("Azerbaijan yesterday announced an operation.",
...                                         "2023-09-20")]
[('yesterday', '2023-09-19')]
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType
from xml.sax.saxutils import escape, quoteattr

from ..records import DateRef, Sentence, SentenceDate
from ..resources import read_data_csv
from ..text._patterns import trie_regex
from ..text.articles import Article, DatelineLike, parse_dateline
from ..text.lexicon import alternation, auxiliaries, be_forms, function_words

__all__ = ["article_dates", "find_dates", "sentence_dates", "timex_span", "to_timeml"]

_DATA = "time_words.csv"
#: Clock hours a part of day covers (start, end; an end past 24 runs into the next day).
_PART_HOURS = MappingProxyType({"MO": (6, 12), "AF": (12, 18), "EV": (18, 22), "NI": (21, 29)})
#: Months a season covers (northern hemisphere; winter runs into the next year).
_SEASON_MONTHS = MappingProxyType({"SP": (3, 6), "SU": (6, 9), "FA": (9, 12), "WI": (12, 15)})
_PART_WORDS = MappingProxyType({"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night"})
#: Granularities a sentence's narrative date can carry forward (day level or finer).
_DAY_LEVEL = frozenset({"day", "part_of_day"})
#: Coarser granularities a sentence can be dated by, but that never carry forward.
_COARSE = frozenset({"week", "month", "quarter", "half", "season", "year", "fiscal_year",
                     "decade", "interval"})
#: Granularities "year-earlier" can be anchored on (the last period named before it).
_PERIODS = frozenset({"month", "quarter", "half", "season", "year", "fiscal_year"})


# --------------------------------------------------------------------------------------
# Word lists and the compiled pattern
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Words:
    months: Mapping[str, int]
    month_full: tuple[str, ...]
    month_abbr: tuple[str, ...]
    weekdays: Mapping[str, int]
    numbers: Mapping[str, int | None]
    units: Mapping[str, str]
    parts: Mapping[str, str]
    seasons: Mapping[str, str]
    mods: Mapping[str, str]
    point_mods: Mapping[str, str]
    vague: Mapping[str, str]
    future: tuple[str, ...]
    past: tuple[str, ...]
    present: tuple[str, ...]
    intent: tuple[str, ...]
    count_nouns: tuple[str, ...]


def _key(s: str) -> str:
    """Lower-case, one space between words, no final dot, hyphen kept."""
    return " ".join(s.lower().replace("-", " - ").split()).replace(" - ", "-").rstrip(".")


@functools.cache
def _words() -> _Words:
    rows = read_data_csv(_DATA)
    by: dict[str, dict[str, str]] = {}
    for i, row in enumerate(rows):
        cat, word, value = row["category"], row["word"], row["value"]
        if not word:
            raise ValueError(f"karabakh/data/{_DATA}: data row {i + 1} has an empty word")
        by.setdefault(cat, {})[word] = value
    months = {w: int(v) for w, v in by["month"].items()}
    full_for = {v: max((w for w, x in months.items() if x == v), key=len) for v in months.values()}
    return _Words(
        months=MappingProxyType({_key(w): v for w, v in months.items()}),
        month_full=tuple(sorted(set(full_for.values()))),
        month_abbr=tuple(sorted(w for w in months if w not in full_for.values())),
        weekdays=MappingProxyType({_key(w): int(v) for w, v in by["weekday"].items()}),
        numbers=MappingProxyType(
            {_key(w): (None if v == "X" else int(v)) for w, v in by["number"].items()}
        ),
        units=MappingProxyType({_key(w): v for w, v in by["unit"].items()}),
        parts=MappingProxyType({_key(w): v for w, v in by["part_of_day"].items()}),
        seasons=MappingProxyType({_key(w): v for w, v in by["season"].items()}),
        mods=MappingProxyType({_key(w): v for w, v in by["mod"].items()}),
        point_mods=MappingProxyType({_key(w): v for w, v in by["point_mod"].items()}),
        vague=MappingProxyType({_key(w): v for w, v in by["vague"].items()}),
        future=tuple(by["future_cue"]),
        past=tuple(by["past_cue"]),
        present=tuple(by["present_cue"]),
        intent=tuple(by["intent_cue"]),
        count_nouns=tuple(by["count_noun"]),
    )


def _alt(words: Sequence[str] | Mapping[str, object], *, ci: bool = False) -> str:
    """A regex of the words, spaces matching any whitespace: a trie, so a longer word first.

    A trie tries the words a text can match, all prefixes of one another, longest
    first, as the alternation longest-first did; it rejects a position after a
    character or two instead of comparing every word. With ``ci``, the words are
    lower-cased first (case-insensitive, a word's capitals say nothing).
    """
    items = {" ".join(w.split()) for w in words}
    if ci:
        items = {w.lower() for w in items}
    body = trie_regex(sorted(items))
    return f"(?i:{body})" if ci else f"(?:{body})"


_YEAR = r"(?:1[5-9][0-9]{2}|20[0-9]{2})"
_YEND = r"(?![0-9A-Za-z]|[.,][0-9]|%)"
_DAYNUM = r"(?:3[01]|[12][0-9]|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)?"
_POSS = r"(?:[’']s)?"
_PREP_Y = r"(?i:in|since|by|until|till|from|during|of|before|after|through|throughout)"
_PREP_O = r"(?i:on|at|for|within|over)"


@functools.cache
def _alternatives() -> tuple[tuple[str, str], ...]:
    """The named alternatives of the pattern, in priority order."""
    w = _words()
    mon = f"(?:(?:{'|'.join(w.month_full)})\\b|(?:{_alt(w.month_abbr)})\\b\\.?)"
    wd = _alt([d.title() for d in w.weekdays])
    num = f"(?:[0-9]+(?:[.,][0-9]+)?|{_alt(w.numbers, ci=True)})"
    unit = _alt(w.units, ci=True)
    unit_sing = _alt([u for u in w.units if not u.endswith("s")], ci=True)
    part = _alt(w.parts, ci=True)
    season = _alt(w.seasons, ci=True)
    mod = _alt(w.mods, ci=True)
    pmod = _alt(w.point_mods, ci=True)
    vague = _alt(w.vague, ci=True)
    approx = "(?i:around|about|roughly|approximately|circa)"
    def day(name: str) -> str:
        return f"(?P<{name}>{_DAYNUM}){_ORD}"

    year_ctx = (
        r"(?:(?<=\b[Tt]he\s)|(?<=\b[Aa]\s)|(?<=\b[Ii]ts\s)|(?<=[’']s\s)|(?<=[0-9]{4}\sand\s)"
        r"|(?<=[0-9]{4}\sor\s)|(?<=[0-9]{4},\s)|(?<=\())"
    )
    alternatives = [
        # 2023-09-20, 2023/09/20
        ("iso", rf"(?P<iso_y>{_YEAR})(?P<iso_s>[-/])(?P<iso_m>0[1-9]|1[0-2])(?P=iso_s)"
                rf"(?P<iso_d>3[01]|[12][0-9]|0[1-9])(?![0-9])"),
        # 20/09/2023, 20.09.2023, 09-20-2023
        ("numeric", rf"(?P<nu_a>{_DAYNUM})(?P<nu_s>[./-])(?P<nu_b>{_DAYNUM})(?P=nu_s)"
                    rf"(?P<nu_y>{_YEAR}){_YEND}"),
        # 19-20 September 2023, 30 September to 2 October
        ("dmy_range", rf"{day('dr_a')}(?:\s+(?P<dr_m1>{mon}))?(?:\s*[-–]\s*|\s+(?i:and|to)\s+)"
                      rf"{day('dr_b')}\s+(?:of\s+)?(?P<dr_m>{mon})"
                      rf"(?:,?\s+(?P<dr_y>{_YEAR}){_YEND})?"),
        # (Tuesday,) 20 September (2023), the 20th of September
        ("dmy", rf"(?:(?P<dm_wd>{wd}),?\s+)?(?:(?i:the)\s+)?{day('dm_d')}\s+(?:of\s+)?"
                rf"(?P<dm_m>{mon})(?:,?\s+(?P<dm_y>{_YEAR}){_YEND})?"),
        # September 19-20, September 19 and 20 (2023)
        ("mdy_range", rf"(?P<mr_m>{mon})\s+{day('mr_a')}(?:\s*[-–]\s*|\s+(?i:and|to)\s+)"
                      rf"(?:(?P<mr_m2>{mon})\s+)?{day('mr_b')}\b(?![:.,][0-9])"
                      rf"(?:,?\s+(?P<mr_y>{_YEAR}){_YEND})?"),
        # (Tuesday,) September 20(th)(, 2023), Sept. 20
        ("mdy", rf"(?:(?P<md_wd>{wd}),?\s+)?(?P<md_m>{mon})\s+{day('md_d')}\b(?![:.,][0-9])"
                rf"(?:,?\s+(?P<md_y>{_YEAR}){_YEND})?"),
        # (early) November 2022
        # (on) the 19th, (since) the 1st: a day of a month left unnamed
        ("dom", r"(?:(?<=\b[Oo]n\s)|(?<=\b[Bb]y\s)|(?<=\b[Ss]ince\s)|(?<=\b[Uu]ntil\s))"
                r"(?i:the)\s+(?P<do_d>3[01]|[12][0-9]|[1-9])(?:st|nd|rd|th)\b"
                r"(?!-|\s+of\b|\s+(?!(?:and|or|but|when|while|as|at|in|to|after|before|until"
                r"|with|from|he|she|they|it|the|a|an)\b)[a-z])"),
        # the second quarter (of 2023), Q3 2023, the first half, H1, fiscal 2024, FY2024,
        # last quarter, year-earlier
        ("period", rf"(?:(?i:the)\s+)?(?P<pe_n>(?i:first|second|third|fourth|final|1st|2nd|3rd"
                   r"|4th))[\s-]+(?P<pe_u>(?i:quarter|half))\b(?!\s+(?:a|an|of\s+an?)\b)"
                   # a half of a thing is no period: "the first half of the convoy"
                   rf"(?!\s+of\s+(?!{_YEAR}|(?i:(?:the\s+)?fiscal|(?:last|this|next|the)\s+year)\b))"
                   rf"(?:\s+(?i:of)\s+(?:(?P<pe_y>{_YEAR}){_YEND}"
                   rf"|(?:(?i:the)\s+)?(?i:fiscal)\s+(?:(?i:year)\s+)?(?P<pe_fy>{_YEAR}){_YEND}"
                   r"|(?P<pe_yrel>(?i:last|this|next))\s+(?i:year)\b|(?i:the\s+year)\b))?"
                   rf"|\b(?P<pe_c>Q[1-4]|H[12])(?:\s+(?P<pe_cy>{_YEAR}))?{_YEND}"
                   r"|(?P<pe_rel>(?i:last|this|next|the\s+current|the\s+previous|the\s+coming))"
                   r"\s+(?i:quarter)\b"
                   rf"|(?:(?i:the)\s+)?(?P<fy_a>{_YEAR})\s+(?i:fiscal)\s+(?i:year)\b"
                   rf"|(?i:fiscal)\s+(?:(?i:year)\s+)?(?P<fy_b>{_YEAR}){_YEND}"
                   rf"|FY\s?(?P<fy_c>{_YEAR}|[0-9]{{2}}){_YEND}"
                   r"|(?P<fy_rel>(?i:last|this|next|the\s+current|the\s+previous|the\s+coming))"
                   r"\s+(?i:fiscal)\s+(?i:year)\b"
                   r"|(?P<pe_ye>(?i:year)-(?:earlier|ago))\b"),
        ("month_year", rf"(?:(?P<my_pm>{pmod})[\s-]+)?(?P<my_m>{mon}),?\s+(?:of\s+)?"
                       rf"(?P<my_y>{_YEAR}){_YEND}"),
        # (late) last September, early July this year
        ("month_rel", rf"(?:(?P<mo_pm1>{pmod})[\s-]+)?(?P<mo_rel>(?i:last|this|next))\s+"
                      rf"(?P<mo_m>{mon})"
                      rf"|(?:(?P<mo_pm>{pmod})[\s-]+)?(?P<mo_m2>{mon}),?\s+(?:(?i:of)\s+)?"
                      r"(?P<mo_yrel>(?i:last|this|next))\s+(?i:year)\b"),
        # the (early) 1990s
        ("decade", r"(?:(?:(?i:the)\s+)?(?P<dc_pm>(?i:early|mid|late))[\s-]+)?"
                   r"(?P<dc_y>1[5-9][0-9]0|20[0-9]0)"
                   r"[’']?s\b"),
        # 1992-94, 1992–1994, 1988 to 1994, (between) 1988 and 1994
        ("year_range", rf"(?P<yr_a>{_YEAR})(?P<yr_s>\s*[-–—]\s*|/|\s+(?i:to|until|till|through)\s+"
                       rf"|(?(bprep)\s+and\s+|(?!)))(?P<yr_b>{_YEAR}|[0-9]{{2}}){_YEND}"),
        # early 2022, mid-2021, the end of 2020
        ("year_mod", rf"(?:(?P<ym_pm>{pmod})[\s-]+|(?P<ym_ap>{approx})\s+(?={_YEAR}{_YEND}"
                     r"(?:\s*[,.;:)]|\s+(?:and|or|when|to|the|in|on|at|after|before|until)\b)))"
                     rf"(?P<ym_y>{_YEAR}){_YEND}"),
        # last summer, the summer of 2020, spring 2023
        ("season", rf"(?P<se_rel>(?i:last|this|next))\s+(?P<se_a>{season})\b"
                   rf"|(?:(?i:the)\s+)?(?P<se_b>{season})\s+(?:of\s+)?(?P<se_y>{_YEAR}){_YEND}"
                   # (in) the spring, (by) summer: lower case, after a preposition
                   r"|(?:(?<=\b[Ii]n\s)|(?<=\b[Dd]uring\s)|(?<=\b[Bb]y\s)|(?<=\b[Uu]ntil\s)"
                   r"|(?<=\b[Ss]ince\s)|(?<=\b[Ff]or\s)|(?<=\b[Tt]hrough\s)|(?<=\b[Oo]ver\s)"
                   r"|(?<=\b[Tt]hroughout\s)|(?<=\b[Bb]efore\s)|(?<=\b[Aa]fter\s))"
                   rf"(?:(?i:the)\s+)?(?P<se_c>{_alt(w.seasons)})\b(?![’'-])"),
        # yesterday('s), today, tomorrow morning, the day before yesterday, tonight
        ("rel_day", r"(?:(?P<rd_pm>(?i:early|late))\s+)?"
                    r"(?P<rd_w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow"
                    r"|yesterday|today|tomorrow|tonight))"
                    rf"(?:\s+(?P<rd_p>{part})\b|{_POSS}\b)"),
        # this morning, last night, overnight
        ("part_day", rf"(?P<pd_rel>(?i:this|last))\s+(?P<pd_p>{part})\b"
                     r"|(?P<pd_on>(?i:overnight))"
                     rf"(?:\s+(?i:into|to)\s+(?P<pd_wd>{wd}))?\b"),
        # earlier today, later this week, earlier that day, later in the day
        ("near", r"(?P<nr_el>(?i:earlier|later))\s+(?:(?P<nr_today>(?i:today))"
                 r"|(?P<nr_dem>(?i:this|that))\s+(?P<nr_u>(?i:morning|afternoon|evening|night"
                 r"|day|week|month|year))|(?i:in\s+the)\s+(?P<nr_in>(?i:day|week|month|year)))\b"),
        # last week, this month, next year, the coming week, last weekend
        ("rel_unit", rf"(?:(?P<ru_pm>{pmod})[\s-]+)?"
                     r"(?P<ru_rel>(?i:last|this\s+past|this|next|the\s+coming|the\s+current"
                     r"|(?(ru_pm)the|(?(prep)the(?=\s+weekend\b)|(?!)))))\s+"
                     rf"(?P<ru_u>(?i:weekend|week|month|year))(?:{_POSS}\b|\b)"),
        # the previous day, the next morning, the day before, that night
        ("ana", r"(?i:the)\s+(?P<an_rel>(?i:previous|following|next|same))\s+"
                rf"(?P<an_u>{part}|(?i:day|week|month|year))\b"
                r"|(?i:the)\s+(?P<an_u2>(?i:day|night|week|month|year))\s+"
                r"(?P<an_dir>(?i:before|after|earlier|later))\b"
                rf"|(?i:that)\s+(?:(?i:same)\s+)?(?P<an_u3>{part}|(?i:day))\b"),
        # three days ago, a week earlier, two days later, (just) hours ago
        ("ago", rf"(?:(?P<ag_mod>{mod})\s+)?"
                rf"(?:(?P<ag_n>{num})\s+|(?=(?i:hours|days|weeks|months|years)\b))"
                rf"(?P<ag_u>{unit})\s+"
                r"(?P<ag_dir>(?i:ago|earlier|later|before|after|from\s+(?:today|now)))\b"),
        # every day, twice a week, daily, every Friday
        ("set", rf"(?i:every|each)\s+(?:(?i:other)\s+)?(?P<st_u>{part}|(?i:hour|day|week|month|year))\b"
                rf"|(?i:every)\s+(?P<st_n>{num})\s+(?P<st_nu>{unit})\b"
                rf"|(?i:every)\s+(?P<st_wd>{wd})\b"
                r"|(?P<st_q>(?i:once|twice|(?:three|four|several|[0-9]+)\s+times))\s+(?i:a|an|per)\s+"
                r"(?P<st_u2>(?i:hour|day|week|month|year))\b"
                r"|(?i:per)\s+(?P<st_u3>(?i:hour|day|week|month|year))\b"
                r"|(?P<st_adj>daily|weekly|monthly|annually|yearly|nightly)\b"),
        # (just) one day, 24 hours, the past three days, the 44-day war, the past week, for months
        ("duration", rf"(?:(?P<du_mod>{mod})\s+)?(?:(?i:the)\s+(?P<du_rel>(?i:past|last|next|"
                     r"previous|coming|first|following|final))\s+)?"
                     rf"(?P<du_n>{num})[\s-]+(?P<du_u>{unit})\b(?![\s-]+olds?\b)"
                     rf"|(?i:the)\s+(?P<du_rel1>(?i:past|last|previous))\s+(?P<du_u1>{unit_sing})\b"
                     r"|(?:(?<=[Ff]or\s)|(?<=[Aa]fter\s)|(?<=[Ww]ithin\s)|(?<=[Oo]ver\s))"
                     r"(?P<du_u2>(?i:hours|days|weeks|months|years|decades))\b"),
        # (on) Tuesday, last Friday, Tuesday night, Tuesday's, Fridays
        ("weekday", r"(?:(?P<wd_pm>(?i:early|late))(?:\s+(?i:on))?\s+"
                    r"|(?P<wd_eh>(?i:the\s+(?:early|small|wee)\s+hours\s+of))\s+)?"
                    rf"(?:(?P<wd_rel>(?i:last|this|next|past|coming))\s+)?(?P<wd_n>{wd})"
                    rf"(?:(?P<wd_pl>s)\b|\s+(?P<wd_p>{part})\b|{_POSS}\b)"),
        # in November, early September, mid-October (a bare month needs a context)
        ("month_bare", rf"(?:(?P<mb_pm>{pmod})[\s-]+|(?(prep)|(?!)))(?P<mb_m>{mon})(?!\s*[0-9])"),
        # 13:00, 1 p.m., 7am, 0900 GMT, 13:00 UTC, noon, midnight
        ("clock", rf"(?:(?P<ck_ap0>{approx})\s+)?(?:"
                  r"(?:(?P<ck_h>[01]?[0-9]|2[0-3]):(?P<ck_m>[0-5][0-9])"
                  r"(?:\s*(?P<ck_ap>[AaPp]\.?[Mm]\.?))?(?![0-9])"
                  r"|(?P<ck_h2>1[0-2]|0?[1-9])\s*(?P<ck_ap2>[AaPp]\.?[Mm]\b\.?)"
                  r"|(?P<ck_h3>[01][0-9]|2[0-3])(?P<ck_m3>[0-5][0-9])(?=\s*(?:GMT|UTC)\b))"
                  r"(?:\s*(?P<ck_z>GMT|UTC)\b)?"
                  r"|(?P<ck_w>(?i:noon|midday|midnight))\b)"),
        # in 2020, since 1994, the 2020 war (a bare year needs a date context)
        ("year", rf"(?(yprep)|(?:{year_ctx}|(?={_YEAR}[’']s\b)))(?P<yr_y>{_YEAR}){_POSS}"),
        # since then, by then, at the time; (of) the year, (during) the week
        ("ref", r"(?:(?<=\b[Ss]ince\s)|(?<=\b[Uu]ntil\s)|(?<=\b[Tt]ill\s)|(?<=\b[Bb]y\s)"
                r"|(?<=\b[Bb]ack\s))(?P<rf_then>then)\b"
                r"|(?<=\b[Aa]t\s)(?P<rf_time>the\s+time)\b(?!\s+of\b)"
                r"|(?:(?<=\b[Oo]f\s)|(?<=\b[Ii]n\s)|(?<=\b[Ff]or\s)|(?<=\b[Dd]uring\s)"
                r"|(?<=\b[Tt]hroughout\s))(?i:the)\s+(?P<rf_u>year|month|week)\b"
                r"(?![’'-]|\s+(?:of|before|after|earlier|later|ago|ahead|to|since|when|that"
                r"|in|which|[0-9])\b)"),
        # recently, in recent months, now, soon, the coming days
        ("vague", rf"{vague}\b"),
    ]
    return tuple(alternatives)


def _trie(phrases: Sequence[str]) -> str:
    """A regex matching any of the lower-case phrases, as a trie (fast to reject).

    The first letter also matches its capital; a space matches any whitespace.
    """
    return trie_regex(phrases, first_either_case=True)


def _starters() -> list[str]:
    """The first word (two for phrases) of every time expression, lower case."""
    w = _words()
    units = list(w.units)
    words: set[str] = set()
    for phrase in (*w.months, *w.weekdays, *w.mods, *w.point_mods, *w.vague, *w.seasons,
                   *w.numbers, *units):
        parts = phrase.split()
        if parts[0] in ("a", "an"):
            continue
        words.add(" ".join(parts[:2]))
    words.update(f"{a} {u}" for a in ("a", "an") for u in (*units, "few", "couple", "hundred"))
    words.update("yesterday today tomorrow tonight overnight earlier later last this next past "
                 "coming every each per once twice daily weekly monthly annually yearly nightly "
                 "early mid late noon midday midnight".split())
    words.update(("then", "circa", "fiscal", "first", "second", "third", "fourth", "final",
                  "1st", "2nd", "3rd", "4th", "quarter"))
    words.update(f"that {u}" for u in ("day", "same", *w.parts))
    words.update(f"the {u}" for u in (
        "day early small wee previous following next same past last first final coming current "
        "second third fourth 1st 2nd 3rd 4th "
        "other start beginning middle end future near night week month year weekend time".split()
        + list(w.seasons) + list(w.parts)))
    return sorted(words)


def _optional_as_branch(regex: str) -> str:
    r"""The same regex with every greedy optional group ``(...)?`` written ``(?:(...)|)``.

    Both match the same (the group first, else nothing) and capture the same;
    the second is faster in a pattern of many groups. Python's engine runs an
    optional group of more than one character as a repeat (a counted loop
    that may run 0 or 1 times), and inside a repeat it saves the position of
    every group up to the last one opened at each repeat step and each
    alternation it tries; in the date pattern (150 groups) that made a late
    alternative cost up to three times an early one. An alternation with an
    empty branch has no such cost. A lazy ``??``, a possessive ``?+`` and a
    ``?`` after a single character or class are left as they are; the pattern
    must not be verbose (white space and ``#`` would be read as text).

    >>> _optional_as_branch(r"(?:the\s+)?(?P<d>[0-9]+)(?:st|nd)?x?(?:a)??")
    '(?:(?:the\\s+)|)(?P<d>[0-9]+)(?:(?:st|nd)|)x?(?:a)??'
    >>> _optional_as_branch(r"[(]\((?:b)?")
    '[(]\\((?:(?:b)|)'
    """
    out: list[str] = []
    opens: list[int] = []  # where each open group starts in ``out``
    i, n = 0, len(regex)
    while i < n:
        ch = regex[i]
        if ch == "\\":  # an escaped character, taken as it is
            out.append(regex[i : i + 2])
            i += 2
            continue
        if ch == "[":  # a character class: no group starts or ends inside it
            j = i + 1
            if j < n and regex[j] == "^":
                j += 1
            if j < n and regex[j] == "]":
                j += 1  # a "]" first in the class is a literal
            while j < n and regex[j] != "]":
                j += 2 if regex[j] == "\\" else 1
            out.append(regex[i : j + 1])
            i = j + 1
            continue
        if ch == "(":
            opens.append(len(out))
        elif ch == ")":
            start = opens.pop()
            greedy_opt = (i + 1 < n and regex[i + 1] == "?"
                          and (i + 2 >= n or regex[i + 2] not in "?+"))
            if greedy_opt:
                group = "".join(out[start:]) + ")"
                del out[start:]
                out.append(f"(?:{group}|)")
                i += 2
                continue
        out.append(ch)
        i += 1
    return "".join(out)


#: What may stand before a time expression: a match starts where the character before it
#: is none of these (or at the start of the text).
_GUARD = r"(?<![\w.,/\-])"


@functools.cache
def _gate() -> str:
    """The gate: a lookahead that rejects most word starts in a few character comparisons.

    It is a digit or a trie of the words a time expression can start with.
    """
    return rf"(?=[0-9]|[Tt]he\s+[0-9]|FY|[QH][1-4]|{_trie(_starters())}s?\b)"


def _pattern_source() -> str:
    """The one pattern, as written: guard, optional preposition, gate, alternatives.

    The gate rejects most word starts before the alternatives are tried.
    """
    count = _alt(_words().count_nouns)
    body = "|".join(f"(?P<{name}>{pat})" for name, pat in _alternatives())
    year_tail = rf"(?(yr_y){_YEND}(?!\s+{count}\b)|)"
    prep = (
        rf"(?:(?P<prep>(?P<yprep>{_PREP_Y})|(?P<oprep>{_PREP_O})|(?P<bprep>(?i:between)))\s+)?"
    )
    return rf"{_GUARD}{prep}{_gate()}(?:{body}){year_tail}"


@functools.cache
def _pattern() -> re.Pattern[str]:
    """The one pattern compiled, its optional groups as alternations (the same matches).

    It is not scanned over the text with ``finditer``: it opens with the
    guard, a look-behind, so the engine cannot skip ahead and would try it
    at every character. :func:`_matches` tries it only where
    :func:`_gate_scan` says it can match.
    """
    return re.compile(_optional_as_branch(_pattern_source()))


@functools.cache
def _gate_scan() -> re.Pattern[str]:
    """The places where the gate opens after a character the guard lets through.

    It matches that one character (the gate itself is a lookahead), so each
    match ends where the gate opens. Opening with a character class (no
    look-behind) lets the engine run through the text in its fast loop and
    try the gate only after a character that is no letter, digit, ``.,/-``.
    """
    return re.compile(rf"[^\w.,/\-]{_gate()}")


def _word_before(text: str, pos: int) -> int | None:
    r"""The start of the word that white space alone separates from ``pos``, else ``None``.

    A word is a run of ``\w`` characters, white space is ``\s``, as the
    pattern reads them (``str.isalnum`` and ``str.isspace`` are the same
    Unicode tests the regex engine makes for ``\w`` and ``\s``).
    """
    end = pos
    while end and text[end - 1].isspace():
        end -= 1
    start = end
    while start and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    return start if end < pos and start < end else None


def _matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of :func:`_pattern` in ``text``: exactly ``_pattern().finditer(text)``.

    ``finditer`` tries the pattern at every position from the end of the last
    match on, the first success wins. This tries it, in the same order, at
    only the positions where it can succeed; elsewhere it fails anyway, so the
    matches are the same (``pattern.match(text, pos)`` reads the text before
    ``pos`` for its look-behinds, as the scan does; no alternative matches
    the empty string, so a match always moves on).

    Where can a match start? After the guard comes an optional preposition,
    then the gate. So a match starts at a position ``p`` where either

    * the gate opens at ``p``, and the character before ``p`` passes the
      guard (or ``p`` is 0): :func:`_gate_scan` finds these; or
    * a preposition starts at ``p``: the preposition, then white space, then
      the gate opening at some ``q``. The character before ``q`` is white
      space, which passes the guard, so :func:`_gate_scan` finds ``q`` too;
      the preposition is the word white space separates from ``q`` (it is all
      letters, and the guard at ``p`` rules out a word character before it,
      so it is that whole word): :func:`_word_before` finds ``p`` from ``q``.

    Both candidates of a gate position come after every candidate of the gate
    position before it, so the candidates are visited in text order.
    """
    pattern = _pattern()
    pos = 0  # where finditer would resume: no match may start before it
    tried = -1  # the last candidate tried (a word can be a candidate twice)

    def attempt(start: int) -> re.Match[str] | None:
        nonlocal pos, tried
        if start < pos or start <= tried:
            return None
        tried = start
        m = pattern.match(text, start)
        if m is not None:
            pos = m.end()
        return m

    if (m := attempt(0)) is not None:
        yield m
    for gate in _gate_scan().finditer(text):
        q = gate.end()
        p = _word_before(text, q)
        if p is not None and (m := attempt(p)) is not None:
            yield m
        if (m := attempt(q)) is not None:
            yield m


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    if 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]:
        return dt.date(y, m, d)
    return None


def _number(s: str) -> int | float | None:
    """A count from digits or words; ``None`` for unspecified (several, a few)."""
    k = _key(s)
    if k[:1].isdigit():
        k = k.replace(",", "")
        return float(k) if "." in k else int(k)
    return _words().numbers.get(k)


def _duration(n: int | float | None, code: str) -> str:
    """ISO 8601 duration: (3, 'D') -> P3D, (24, 'TH') -> PT24H, (None, 'M') -> PXM."""
    if code == "2W":  # fortnight
        code, n = "W", (None if n is None else n * 2)
    amount = "X" if n is None else (str(int(n)) if float(n).is_integer() else str(n))
    if code.startswith("T"):
        return f"PT{amount}{code[1]}"
    return f"P{amount}{code}"


class _NeedsDateline(Exception):
    """Raised inside a resolver when the dateline is missing."""


@dataclass
class _State:
    """Per-call resolution state (local to one :func:`find_dates` call)."""

    text: str
    dateline: dt.date | None
    last_day: dt.date | None = None
    last_period: str | None = None  # the last quarter/half/month/year value, for "year-earlier"

    def dl(self) -> dt.date:
        if self.dateline is None:
            raise _NeedsDateline
        return self.dateline


@functools.cache
def _cue_pattern() -> re.Pattern[str]:
    w = _words()
    words = [c for c in w.future if c[0].isalpha()]
    clitics = [c for c in w.future if not c[0].isalpha()]
    # an auxiliary or a verb of state before a participle makes it passive or adjectival, not
    # past: "will be held", "is planned for", "would stay closed until"
    not_after = "".join(f"(?<!\\b{a}\\s)" for a in (
        "be", "is", "are", "was", "were", "been", "being", "stay", "stays", "remain", "remains"))
    return re.compile(
        # a verb of intent before a to-infinitive looks ahead: "agreed to meet on Monday"
        rf"(?P<fut>\b{_alt(w.intent, ci=True)}\s+(?:(?!to\b)[\w’'-]+\s+){{0,3}}to\s+"
        r"(?!(?:the|a|an|its|their|his|her|this|that)\b)[a-z]+\b"
        rf"|\b{_alt(words, ci=True)}\b|{_alt(clitics, ci=True)}\b)"
        # the present of a schedule: "the deadline is Friday", "the ban takes effect on Monday"
        rf"|(?P<pres>\b{_alt(w.present, ci=True)}\b)"
        # "unarmed", "unnamed", "unexploded" are adjectives, not verbs in the past
        rf"|{not_after}(?P<past>\b{_alt(w.past, ci=True)}\b|\b(?!un)[a-z]{{3,}}(?<!e)ed\b)"
    )


_CLAUSE_END = re.compile(r"[.!?;\n]")
_PHRASE_END = re.compile(r"[.!?;\n,:()–—]")


def _tense(text: str, start: int, end: int, *, after_first: bool = False) -> str | None:
    """``future`` or ``past`` from the nearest tense cue in the clause, else ``None``.

    The stretch between commas (or dashes, brackets) around the expression is
    read first ("will be dissolved by 1 January, its leader announced"), then
    the whole sentence clause.
    """
    if after_first:
        ahead = _tense_in(text, start, end, _PHRASE_END, after_only=True)
        if ahead:
            return ahead
    return _tense_in(text, start, end, _PHRASE_END) or _tense_in(text, start, end, _CLAUSE_END)


def _tense_in(
    text: str, start: int, end: int, boundary: re.Pattern[str], *, after_only: bool = False
) -> str | None:
    lo = max(0, start - 120)
    before = text[lo:start]
    cut = [m.end() for m in boundary.finditer(before)]
    lo = lo + cut[-1] if cut else lo
    after = text[end : end + 80]
    stop = boundary.search(after)
    hi = end + (stop.start() if stop else len(after))
    best: tuple[int, str] | None = None
    for m in _cue_pattern().finditer(text, lo, hi):
        if (m.start() < end and m.end() > start) or (after_only and m.start() < end):
            continue
        dist = start - m.end() if m.end() <= start else m.start() - end
        kind = "future" if m["fut"] else "present" if m["pres"] else "past"
        if best is None or dist < best[0]:
            best = (dist, kind)
    return best[1] if best else None


_ON_AFTER = re.compile(r"\s+on(?:wards)?\b")


def _tense_of(m: re.Match[str], st: _State) -> str | None:
    """The tense that places a match: ``future``, ``past`` or ``None``.

    "since" looks back. Otherwise the nearest tense cue of the phrase or
    clause decides; a present tense of schedule ("the deadline is Friday",
    "the ban takes effect on Monday") looks ahead, except for a possessive
    date, which names an event ("Friday's attack is the worst"). Without a
    cue, "by", "until" and "from ... on" look ahead.
    """
    prep = (m["prep"] or "").lower()
    if prep == "since":
        return "past"
    # a possessive date determines a noun whose verb follows: "(officials said) Friday's
    # session would be closed", "Tuesday's attack killed five"
    possessive = m[0].endswith(("’s", "'s"))
    tense = _tense(st.text, m.start(), m.end(), after_first=possessive)
    if tense == "present":
        tense = None if possessive else "future"
    if tense is None and (prep in ("by", "until", "till")
                          or (prep == "from" and _ON_AFTER.match(st.text, m.end()))):
        tense = "future"
    return tense


def _year_for_month(m: int, dl: dt.date, tense: str | None) -> int:
    """The year of a month named without one (see the module rules)."""
    offset = m - dl.month
    y = dl.year
    if offset > 5:
        y -= 1
    elif offset < -6:
        y += 1
    k = (y - dl.year) * 12 + offset
    if tense == "past" and k > 0:
        y -= 1
    elif tense == "future" and k < 0:
        y += 1
    return y


def _date_without_year(
    m: int, d: int, dl: dt.date, tense: str | None
) -> tuple[dt.date | None, str]:
    offset = m - dl.month
    y = dl.year - 1 if offset > 5 else dl.year + 1 if offset < -6 else dl.year
    how = "year-nearest"
    cand = _safe_date(y, m, d)
    if cand is not None:
        if tense == "past" and (cand - dl).days > 7:
            y, how = y - 1, "year-past-tense"
        elif tense == "future" and (dl - cand).days > 7:
            y, how = y + 1, "year-future-tense"
    return _safe_date(y, m, d), how


def _month_of(s: str) -> int:
    return _words().months[_key(s)]


_EVENT_AFTER = re.compile(
    rf"\s+(?:(?:{alternation(function_words('article', 'possessive', 'demonstrative', 'pronoun'))})\b|[A-Z0-9]"
    r"|[a-z]{2,}ing\b)"
)


def _followed_by_np(text: str, end: int) -> bool:
    """True when an event follows, not a date.

    A noun phrase (``the day before the attack``), a clause (``two days after
    they agreed``) or a gerund (``a day after agreeing``).
    """
    return _EVENT_AFTER.match(text[end : end + 14]) is not None


# --------------------------------------------------------------------------------------
# Resolvers: one per alternative; each returns (value, granularity, kind, rule, anchor, ...)
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _R:
    value: str | None
    granularity: str
    kind: str
    rule: str
    anchor: str | None = None
    part_of_day: str | None = None
    mod: str | None = None
    end: int | None = None  # a shorter span end, when the resolver narrows the match


_Resolver = Callable[[re.Match[str], _State], _R]


def _day(d: dt.date | None, rule: str, anchor: dt.date | None = None) -> _R:
    if d is None:
        return _R(None, "day", "date", rule + ":invalid-date", None)
    return _R(d.isoformat(), "day", "date", rule, anchor.isoformat() if anchor else None)


def _pod(d: dt.date, code: str, rule: str, anchor: dt.date | None) -> _R:
    return _R(f"{d.isoformat()}T{code}", "part_of_day", "date", rule,
              anchor.isoformat() if anchor else None, _PART_WORDS[code])


_PART_PREFIX = re.compile(
    r"(?<![\w-])(?:[Tt]he\s+(?P<p>morning|afternoon|evening|night)|(?P<eh>[Tt]he\s+(?:early|small"
    r"|wee)\s+hours))\s+of\s+\Z"
)


def _part_prefix(text: str, start: int, r: _R, floor: int) -> tuple[int, _R]:
    """Widen a day to ``the night of September 19`` or ``the early hours of Sept. 20``.

    A night spanning two days (``the night of 19-20 September``) is the night
    of the first day.
    """
    m = _PART_PREFIX.search(text, max(floor, start - 40), start)
    if m is None or r.value is None:
        return start, r
    value = r.value
    if r.granularity == "interval":
        a, _, b = value.partition("/")
        if not (m["p"] == "night" and len(a) == len(b) == 10
                and (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days == 1):
            return start, r
        value = a
    if m["eh"]:
        return m.start(), replace(r, value=value, granularity="day", rule=r.rule + "+early-hours",
                                  mod="START")
    code = _words().parts[m["p"]]
    return m.start(), replace(r, value=f"{value}T{code}", granularity="part_of_day",
                              rule=r.rule + "+part-of-day", part_of_day=_PART_WORDS[code])


def _r_iso(m: re.Match[str], st: _State) -> _R:
    y, mo, d = int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"])
    return _day(_safe_date(y, mo, d), "iso-date")


def _r_numeric(m: re.Match[str], st: _State) -> _R:
    a, b, y = int(m["nu_a"]), int(m["nu_b"]), int(m["nu_y"])
    dmy, mdy = _safe_date(y, b, a), _safe_date(y, a, b)
    if dmy and mdy and dmy != mdy:
        if st.dateline is None:
            return _R(None, "day", "date", "numeric:ambiguous:no-dateline")
        near = min((dmy, mdy), key=lambda c: abs((c - st.dateline).days) if st.dateline else 0)
        return _day(near, "numeric:ambiguous-nearest", st.dateline)
    if dmy:
        return _day(dmy, "numeric:day-first")
    return _day(mdy, "numeric:month-first")


#: The place of a wire dateline line: "YEREVAN, ", "BAKU, Azerbaijan, " at a line start.
_WIRE_BEFORE = re.compile(
    r"(?:\A|\n)[ \t]*[A-Z][A-Z.’' -]{1,40},(?:[ \t]+[A-Z][A-Za-z.’' -]{1,40},)?[ \t]+\Z"
)
#: What follows the date of a wire dateline: "(Reuters) -", "(AP) —", " — ".
_WIRE_AFTER = re.compile(r"[ \t]*(?:\([A-Za-z.&/ -]{1,30}\)[ \t]*)?[-–—]")


def _wire_dateline(text: str, start: int, end: int) -> bool:
    """True for the date of a wire dateline: ``YEREVAN, Sept 25 (Reuters) -``."""
    return bool(_WIRE_BEFORE.search(text, max(0, start - 90), start)) and bool(
        _WIRE_AFTER.match(text, end)
    )


def _r_dm(m: re.Match[str], st: _State, d_key: str, m_key: str, y_key: str, rule: str) -> _R:
    mo, d = _month_of(m[m_key]), int(m[d_key])
    if m[y_key]:
        return _day(_safe_date(int(m[y_key]), mo, d), rule)
    dl = st.dl()
    if _wire_dateline(st.text, m.start(), m.end()):
        # the filing date: nearest the dateline, whatever the tense of the lead
        date, _ = _date_without_year(mo, d, dl, None)
        return _day(date, f"{rule}:wire-dateline", dl)
    date, how = _date_without_year(mo, d, dl, _tense_of(m, st))
    return _day(date, f"{rule}:{how}", dl)


def _r_dmy(m: re.Match[str], st: _State) -> _R:
    return _r_dm(m, st, "dm_d", "dm_m", "dm_y", "day-month")


def _r_mdy(m: re.Match[str], st: _State) -> _R:
    return _r_dm(m, st, "md_d", "md_m", "md_y", "month-day")


def _range(m: re.Match[str], st: _State, a: str, b: str, m1: str | None, m2: str, y: str,
           rule: str) -> _R:
    mo2 = _month_of(m[m2])
    mo1 = _month_of(m[m1]) if m1 and m[m1] else mo2
    d1, d2 = int(m[a]), int(m[b])
    if m[y]:
        y2 = int(m[y])
        anchor = None
        how = ""
    else:
        dl = st.dl()
        probe, how = _date_without_year(mo2, d2, dl, _tense_of(m, st))
        y2 = probe.year if probe else dl.year
        how, anchor = ":" + how, dl
    y1 = y2 - 1 if mo1 > mo2 else y2
    first, last = _safe_date(y1, mo1, d1), _safe_date(y2, mo2, d2)
    if first is None or last is None or first >= last:
        return _R(None, "interval", "date", rule + ":invalid-range")
    return _R(f"{first.isoformat()}/{last.isoformat()}", "interval", "date", rule + how,
              anchor.isoformat() if anchor else None)


def _r_dmy_range(m: re.Match[str], st: _State) -> _R:
    return _range(m, st, "dr_a", "dr_b", "dr_m1", "dr_m", "dr_y", "day-range")


def _r_mdy_range(m: re.Match[str], st: _State) -> _R:
    mo1 = "mr_m"
    r = _range(m, st, "mr_a", "mr_b", mo1, "mr_m2" if m["mr_m2"] else "mr_m", "mr_y", "day-range")
    if r.value is None and not m["mr_m2"]:
        # "September 19 and 2 ..." is not a range: keep "September 19" alone.
        end = m.end("mr_a")
        if st.text[end : end + 2] in ("st", "nd", "rd", "th"):
            end += 2
        mo, d = _month_of(m["mr_m"]), int(m["mr_a"])
        dl = st.dl()
        date, how = _date_without_year(mo, d, dl, _tense_of(m, st))
        return replace(_day(date, f"month-day:{how}", dl), end=end)
    return r


def _r_dom(m: re.Match[str], st: _State) -> _R:
    dl = st.dl()
    d = int(m["do_d"])
    cands = [c for c in (_safe_date(*_add_months(dl.year, dl.month, k), d) for k in (-1, 0, 1))
             if c is not None]
    if _tense_of(m, st) == "future":
        date = min((c for c in cands if c >= dl), default=None)
        return _day(date, "day-of-month:next", dl)
    date = max((c for c in cands if c <= dl), default=None)
    return _day(date, "day-of-month:last", dl)


def _period_year(first_month: int, months: int, dl: dt.date, tense: str | None) -> int:
    """The year of a period of the year named without one (a quarter, a half, a season).

    In a past-tense clause, the latest such period that began on or before
    the dateline; in a future-tense one, the first that ends after it;
    otherwise the one that holds the dateline, else the nearest.
    """
    def span(y: int) -> tuple[dt.date, dt.date]:
        ey, em = _add_months(y, first_month, months)
        return dt.date(y, first_month, 1), dt.date(ey, em, 1)

    years = (dl.year - 1, dl.year, dl.year + 1)
    if tense == "past":
        return max(y for y in years if span(y)[0] <= dl)
    if tense == "future":
        return min(y for y in years if span(y)[1] > dl)
    for y in years:
        a, b = span(y)
        if a <= dl < b:
            return y
    return min(years, key=lambda y: min(abs((span(y)[0] - dl).days),
                                         abs((span(y)[1] - dl).days)))


def _previous_year_of(value: str) -> str | None:
    """The same period one year earlier: ``2024-Q2`` -> ``2023-Q2``, ``FY2024`` -> ``FY2023``."""
    m = re.match(r"(FY)?([0-9]{4})", value)
    if m is None:
        return None
    return f"{m[1] or ''}{int(m[2]) - 1:04d}{value[m.end():]}"


def _r_period(m: re.Match[str], st: _State) -> _R:
    if m["pe_ye"]:
        if st.last_period is not None:
            return _R(_previous_year_of(st.last_period), _period_gran(st.last_period), "date",
                      "year-earlier", st.last_period)
        dl = st.dl()
        return _R(f"{dl.year - 1:04d}", "year", "date", "year-earlier:dateline", dl.isoformat())
    fy = m["fy_a"] or m["fy_b"] or m["fy_c"]
    if fy:
        y = int(fy) if len(fy) == 4 else (2000 if int(fy) < 50 else 1900) + int(fy)
        return _R(f"FY{y:04d}", "fiscal_year", "date", "fiscal-year")
    if m["fy_rel"]:
        dl = st.dl()
        rel = _key(m["fy_rel"]).replace("the ", "")
        n = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}[rel]
        return _R(f"FY{dl.year + n:04d}", "fiscal_year", "date", f"fiscal-year:{rel}",
                  dl.isoformat())
    if m["pe_rel"]:
        dl = st.dl()
        rel = _key(m["pe_rel"]).replace("the ", "")
        n = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}[rel]
        y, q = divmod((dl.year * 4 + (dl.month - 1) // 3) + n, 4)
        return _R(f"{y:04d}-Q{q + 1}", "quarter", "date", f"quarter:{rel}", dl.isoformat())
    if m["pe_c"]:
        unit, n = ("quarter" if m["pe_c"][0] == "Q" else "half"), int(m["pe_c"][1])
        year = m["pe_cy"]
    else:
        unit = m["pe_u"].lower()
        word = m["pe_n"].lower()
        n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
             "4th": 4, "final": 4 if unit == "quarter" else 2}[word]
        if unit == "half" and n > 2:
            return _R(None, "half", "date", "half:invalid")
        year = m["pe_y"]
        if m["pe_fy"]:
            return _R(f"FY{m['pe_fy']}-{unit[0].upper()}{n}", unit, "date", f"{unit}:fiscal-year")
    code = f"{unit[0].upper()}{n}"
    if year:
        return _R(f"{year}-{code}", unit, "date", unit)
    dl = st.dl()
    if not m["pe_c"] and m["pe_yrel"]:
        rel = m["pe_yrel"].lower()
        y = dl.year + {"last": -1, "this": 0, "next": 1}[rel]
        return _R(f"{y:04d}-{code}", unit, "date", f"{unit}:{rel}-year", dl.isoformat())
    months = 3 if unit == "quarter" else 6
    y = _period_year((n - 1) * months + 1, months, dl, _tense_of(m, st))
    return _R(f"{y:04d}-{code}", unit, "date", f"{unit}:year-from-dateline", dl.isoformat())


def _period_gran(value: str) -> str:
    if value.startswith("FY"):
        return "quarter" if "-Q" in value else "fiscal_year"
    if re.fullmatch(r"[0-9]{4}-Q[1-4]", value):
        return "quarter"
    if re.fullmatch(r"[0-9]{4}-H[12]", value):
        return "half"
    if _SPAN_SEASON.fullmatch(value):
        return "season"
    return "month" if len(value) == 7 else "year"


def _r_month_year(m: re.Match[str], st: _State) -> _R:
    mod = _words().point_mods[_key(m["my_pm"])] if m["my_pm"] else None
    return _R(_month(int(m["my_y"]), _month_of(m["my_m"])), "month", "date", "month-year", mod=mod)


def _r_month_rel(m: re.Match[str], st: _State) -> _R:
    dl = st.dl()
    if m["mo_m2"]:
        yrel = m["mo_yrel"].lower()
        y = dl.year + {"last": -1, "this": 0, "next": 1}[yrel]
        mod = _words().point_mods[_key(m["mo_pm"])] if m["mo_pm"] else None
        return _R(_month(y, _month_of(m["mo_m2"])), "month", "date", f"month:{yrel}-year",
                  dl.isoformat(), mod=mod)
    mo, rel = _month_of(m["mo_m"]), m["mo_rel"].lower()
    y = dl.year
    if rel == "last":
        y = dl.year if mo < dl.month else dl.year - 1
    elif rel == "next":
        y = dl.year if mo > dl.month else dl.year + 1
    mod = _words().point_mods[_key(m["mo_pm1"])] if m["mo_pm1"] else None
    return _R(_month(y, mo), "month", "date", f"month:{rel}", dl.isoformat(), mod=mod)


def _r_month_bare(m: re.Match[str], st: _State) -> _R:
    dl = st.dl()
    mo = _month_of(m["mb_m"])
    mod = _words().point_mods[_key(m["mb_pm"])] if m["mb_pm"] else None
    y = _year_for_month(mo, dl, _tense_of(m, st))
    return _R(_month(y, mo), "month", "date", "month:year-from-dateline", dl.isoformat(), mod=mod)


def _r_decade(m: re.Match[str], st: _State) -> _R:
    mod = {"early": "START", "mid": "MID", "late": "END"}.get((m["dc_pm"] or "").lower())
    return _R(m["dc_y"][:3], "decade", "date", "decade", mod=mod)


def _r_year_range(m: re.Match[str], st: _State) -> _R:
    a, b_text = int(m["yr_a"]), m["yr_b"]
    b = int(b_text) if len(b_text) == 4 else (a // 100) * 100 + int(b_text)
    if len(b_text) == 2 and b <= a and m["yr_s"].strip() == "-" and 1 <= int(b_text) <= 12:
        return _R(_month(a, int(b_text)), "month", "date", "iso-month")
    if b <= a:
        return _R(None, "interval", "date", "year-range:invalid-range")
    return _R(f"{a}/{b}", "interval", "date", "year-range")


def _r_year_mod(m: re.Match[str], st: _State) -> _R:
    if m["ym_ap"]:
        return _R(m["ym_y"], "year", "date", "year:approx", mod="APPROX")
    return _R(m["ym_y"], "year", "date", "year", mod=_words().point_mods[_key(m["ym_pm"])])


def _r_season(m: re.Match[str], st: _State) -> _R:
    seasons = _words().seasons
    if m["se_y"]:
        return _R(f"{m['se_y']}-{seasons[_key(m['se_b'])]}", "season", "date", "season")
    dl = st.dl()
    if m["se_c"]:
        code = seasons[_key(m["se_c"])]
        first, stop = _SEASON_MONTHS[code]
        y = _period_year(first, stop - first, dl, _tense_of(m, st))
        return _R(f"{y}-{code}", "season", "date", "season:year-from-dateline", dl.isoformat())
    code, rel = seasons[_key(m["se_a"])], m["se_rel"].lower()
    y = dl.year + {"last": -1, "this": 0, "next": 1}[rel]
    return _R(f"{y}-{code}", "season", "date", f"season:{rel}", dl.isoformat())


def _r_rel_day(m: re.Match[str], st: _State) -> _R:
    dl = st.dl()
    word = _key(m["rd_w"])
    shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
             "the day before yesterday": -2, "the day after tomorrow": 2}[word]
    d = dl + dt.timedelta(days=shift)
    mod = _words().point_mods[_key(m["rd_pm"])] if m["rd_pm"] else None
    if word == "tonight":
        r = _pod(d, "NI", "tonight", dl)
    elif m["rd_p"]:
        r = _pod(d, _words().parts[_key(m["rd_p"])], f"{word}+part-of-day", dl)
    else:
        r = _day(d, word.replace(" ", "-"), dl)
    return replace(r, mod=mod) if mod else r


def _r_part_day(m: re.Match[str], st: _State) -> _R:
    dl = st.dl()
    if m["pd_wd"]:
        # "overnight into Wednesday": the night before that Wednesday
        target = _words().weekdays[_key(m["pd_wd"])]
        d, _ = _weekday_date(target, "", _tense_of(m, st), dl)
        return _pod(d - dt.timedelta(days=1), "NI", "overnight-into-weekday", dl)
    if m["pd_on"]:
        return _pod(dl - dt.timedelta(days=1), "NI", "overnight", dl)
    rel, code = m["pd_rel"].lower(), _words().parts[_key(m["pd_p"])]
    shift = -1 if rel == "last" else 0
    return _pod(dl + dt.timedelta(days=shift), code, f"{rel}-{_PART_WORDS[code]}", dl)


def _unit_ref(d: dt.date, unit: str) -> tuple[str, str]:
    if unit == "week":
        return _week(d), "week"
    if unit == "weekend":
        return _week(d) + "-WE", "week"
    if unit == "month":
        return _month(d.year, d.month), "month"
    if unit == "year":
        return f"{d.year:04d}", "year"
    return d.isoformat(), "day"


def _shift(d: dt.date, unit: str, n: int) -> dt.date:
    if unit in ("day", "night", "morning", "afternoon", "evening"):
        return d + dt.timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + dt.timedelta(weeks=n)
    if unit == "month":
        y, mo = _add_months(d.year, d.month, n)
        return dt.date(y, mo, min(d.day, calendar.monthrange(y, mo)[1]))
    y = d.year + n
    return dt.date(y, d.month, min(d.day, calendar.monthrange(y, d.month)[1]))


def _r_near(m: re.Match[str], st: _State) -> _R:
    el = m["nr_el"].lower()
    if m["nr_today"]:
        dl = st.dl()
        return _day(dl, f"{el}-today", dl)
    if m["nr_dem"] and m["nr_dem"].lower() == "this":
        dl = st.dl()
        unit = m["nr_u"].lower()
        if unit in _words().parts:
            return _pod(dl, _words().parts[unit], f"{el}-this-{unit}", dl)
        value, gran = _unit_ref(dl, unit)
        return _R(value, gran, "date", f"{el}-this-{unit}", dl.isoformat())
    unit = (m["nr_u"] or m["nr_in"]).lower()
    anchor, how = _anaphor_anchor(st)
    if unit in _words().parts:
        return _pod(anchor, _words().parts[unit], f"anaphoric:{el}-that-{unit}{how}", anchor)
    value, gran = _unit_ref(anchor, unit)
    return _R(value, gran, "date", f"anaphoric:{el}-that-{unit}{how}", anchor.isoformat())


def _r_rel_unit(m: re.Match[str], st: _State) -> _R:
    dl = st.dl()
    rel = _key(m["ru_rel"])
    rel = rel if rel == "the" else rel.replace("the ", "").replace("this past", "past")
    unit = m["ru_u"].lower()
    n = {"last": -1, "past": -1, "this": 0, "the": 0, "current": 0, "next": 1, "coming": 1}[rel]
    if rel == "past" and unit == "weekend":
        n = 0 if dl.weekday() >= 5 else -1
    elif rel == "the" and unit == "weekend":
        # "over the weekend": the last weekend (this one on a Saturday or Sunday); "at the
        # weekend" in a future-tense clause: the next one
        future = _tense_of(m, st) == "future"
        n = 0 if dl.weekday() >= 5 or future else -1
        rel = "the-next" if future and dl.weekday() < 5 else "the-last"
    value, gran = _unit_ref(_shift(dl, unit, n), unit)
    mod = _words().point_mods[_key(m["ru_pm"])] if m["ru_pm"] else None
    return _R(value, gran, "date", f"{rel}-{unit}", dl.isoformat(), mod=mod)


def _anaphor_anchor(st: _State) -> tuple[dt.date, str]:
    if st.last_day is not None:
        return st.last_day, ""
    return st.dl(), ":dateline"


def _r_ana(m: re.Match[str], st: _State) -> _R:
    parts = _words().parts
    if m["an_u2"]:
        unit, direction = m["an_u2"].lower(), m["an_dir"].lower()
        if direction in ("before", "after") and _followed_by_np(st.text, m.end()):
            return _R(None, "day" if unit in ("day", "night") else unit, "date",
                      "anchored-on-event")
        n = -1 if direction in ("before", "earlier") else 1
        rule = f"anaphoric:the-{unit}-{direction}"
    elif m["an_u"]:
        unit, rel = m["an_u"].lower(), m["an_rel"].lower()
        n = {"previous": -1, "following": 1, "next": 1, "same": 0}[rel]
        rule = f"anaphoric:the-{rel}-{unit}"
    else:
        unit, n = m["an_u3"].lower(), 0
        rule = f"anaphoric:that-{unit}"
    anchor, how = _anaphor_anchor(st)
    d = _shift(anchor, unit, n)
    if unit in parts:
        return _pod(d, parts[unit], rule + how, anchor)
    value, gran = _unit_ref(d, unit)
    return _R(value, gran, "date", rule + how, anchor.isoformat())


def _r_ago(m: re.Match[str], st: _State) -> _R:
    w = _words()
    n = _number(m["ag_n"]) if m["ag_n"] else None
    code = w.units[_key(m["ag_u"])]
    unit = {"D": "day", "W": "week", "2W": "week", "M": "month", "Y": "year", "DE": "year",
            "CE": "year", "TH": "hour", "TM": "hour", "TS": "hour"}[code]
    if code == "2W":
        n = None if n is None else n * 2
    elif code in ("DE", "CE"):
        n = None if n is None else n * (10 if code == "DE" else 100)
    direction = m["ag_dir"].lower()
    mod = w.mods[_key(m["ag_mod"])] if m["ag_mod"] else None
    if direction in ("before", "after") and _followed_by_np(st.text, m.end()):
        return _R(None, unit if unit != "hour" else "day", "date", "anchored-on-event", mod=mod)
    if direction == "ago":
        anchor, rule = st.dl(), "ago"
        sign = -1
    elif direction.startswith("from"):
        anchor, rule, sign = st.dl(), "from-" + direction.split()[-1], 1
    else:
        anchor, how = _anaphor_anchor(st)
        rule = f"anaphoric:{direction}{how}"
        sign = -1 if direction in ("earlier", "before") else 1
    if n is None or not float(n).is_integer():
        gran = "day" if unit == "hour" else unit
        return _R(None, gran, "date", rule + ":unspecified-count", anchor.isoformat(), mod=mod)
    if unit == "hour":
        d = anchor + dt.timedelta(days=sign * (int(n) // 24))
        return _R(d.isoformat(), "day", "date", rule + ":hours", anchor.isoformat(), mod=mod)
    d = _shift(anchor, unit, sign * int(n))
    if rule == "from-today" and unit in ("day", "week"):
        return _R(d.isoformat(), "day", "date", rule, anchor.isoformat(), mod=mod)
    value, gran = _unit_ref(d, unit)
    return _R(value, gran, "date", rule, anchor.isoformat(), mod=mod)


def _r_set(m: re.Match[str], st: _State) -> _R:
    parts = _words().parts
    if m["st_wd"]:
        iso = _words().weekdays[_key(m["st_wd"])] + 1
        return _R(f"XXXX-WXX-{iso}", "set", "set", "set:weekday")
    if m["st_nu"]:
        return _R(_duration(_number(m["st_n"]), _words().units[_key(m["st_nu"])]), "set", "set",
                  "set:every-n")
    unit = (m["st_u"] or m["st_u2"] or m["st_u3"] or "").lower()
    if m["st_adj"]:
        adj = m["st_adj"]
        unit = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year",
                "yearly": "year", "nightly": "night"}[adj]
    if unit in parts:
        return _R(f"XXXX-XX-XXT{parts[unit]}", "set", "set", "set:part-of-day")
    if unit == "hour":  # "every hour": PT1H
        return _R(_duration(1, "TH"), "set", "set", "set")
    return _R(_duration(1, unit[0].upper()), "set", "set", "set")


def _r_duration(m: re.Match[str], st: _State) -> _R:
    w = _words()
    if m["du_u2"]:
        return _R(_duration(None, w.units[_key(m["du_u2"])]), "duration", "duration",
                  "duration:unspecified")
    if m["du_u1"]:
        return _R(_duration(1, w.units[_key(m["du_u1"])]), "duration", "duration",
                  f"duration:the-{m['du_rel1'].lower()}-unit")
    n = _number(m["du_n"])
    mod = w.mods[_key(m["du_mod"])] if m["du_mod"] else None
    rule = "duration" if not m["du_rel"] else f"duration:the-{m['du_rel'].lower()}"
    return _R(_duration(n, w.units[_key(m["du_u"])]), "duration", "duration", rule, mod=mod)


def _weekday_date(target: int, rel: str, tense: str | None, dl: dt.date) -> tuple[dt.date, str]:
    """The date of a weekday (0 = Monday) named in a text dated ``dl``, and the rule."""
    back = (dl.weekday() - target) % 7
    ahead = (target - dl.weekday()) % 7
    if rel in ("last", "past"):
        return dl - dt.timedelta(days=back or 7), f"weekday:{rel}"
    if rel in ("next", "coming"):
        return dl + dt.timedelta(days=ahead or 7), f"weekday:{rel}"
    if tense == "future":
        return dl + dt.timedelta(days=ahead), "weekday:future-tense"
    return dl - dt.timedelta(days=back), "weekday:most-recent"


def _r_weekday(m: re.Match[str], st: _State) -> _R:
    dl = st.dl()
    target = _words().weekdays[_key(m["wd_n"])]
    if m["wd_pl"]:
        return _R(f"XXXX-WXX-{target + 1}", "set", "set", "set:weekday")
    rel = (m["wd_rel"] or "").lower()
    d, rule = _weekday_date(target, rel, None if rel else _tense_of(m, st), dl)
    mod = "START" if m["wd_eh"] else _words().point_mods[_key(m["wd_pm"])] if m["wd_pm"] else None
    if m["wd_eh"]:
        rule += "+early-hours"
    if m["wd_p"]:
        r = _pod(d, _words().parts[_key(m["wd_p"])], rule + "+part-of-day", dl)
    else:
        r = _day(d, rule, dl)
    return replace(r, mod=mod) if mod else r


def _r_year(m: re.Match[str], st: _State) -> _R:
    rule = "year:preposition" if m["yprep"] else "year:context"
    return _R(m["yr_y"], "year", "date", rule)


def _r_vague(m: re.Match[str], st: _State) -> _R:
    ref = _words().vague[_key(m["vague"])]
    return _R(ref, "vague", "vague", f"vague:{ref}",
              st.dateline.isoformat() if st.dateline else None)


def _r_ref(m: re.Match[str], st: _State) -> _R:
    anchor = st.dateline.isoformat() if st.dateline else None
    if m["rf_u"]:
        dl, unit = st.dl(), m["rf_u"].lower()
        value, gran = _unit_ref(dl, unit)
        return _R(value, gran, "date", f"the-{unit}", anchor)
    if m["rf_then"] and _tense_of(m, st) == "future":
        return _R("FUTURE_REF", "vague", "vague", "vague:FUTURE_REF:then", anchor)
    return _R("PAST_REF", "vague", "vague",
              "vague:PAST_REF:" + ("then" if m["rf_then"] else "at-the-time"), anchor)


def _r_clock(m: re.Match[str], st: _State) -> _R:
    r = _r_clock_time(m)
    return replace(r, mod="APPROX") if m["ck_ap0"] else r


def _r_clock_time(m: re.Match[str]) -> _R:
    if m["ck_w"]:
        word = m["ck_w"].lower()
        return _R("XXXX-XX-XXT24:00" if word == "midnight" else "XXXX-XX-XXT12:00", "time",
                  "date", f"clock-time:{word}")
    h = int(m["ck_h"] or m["ck_h2"] or m["ck_h3"])
    mi = int(m["ck_m"] or m["ck_m3"] or 0)
    ap = (m["ck_ap"] or m["ck_ap2"] or "").lower().replace(".", "")
    if ap == "pm" and h < 12:
        h += 12
    elif ap == "am" and h == 12:
        h = 0
    if h > 23:
        return _R(None, "time", "date", "clock-time:invalid")
    if m["ck_z"]:
        return _R(f"XXXX-XX-XXT{h:02d}:{mi:02d}Z", "time", "date", "clock-time:utc")
    return _R(f"XXXX-XX-XXT{h:02d}:{mi:02d}", "time", "date", "clock-time")


_RESOLVERS: Mapping[str, _Resolver] = MappingProxyType({
    "iso": _r_iso,
    "numeric": _r_numeric,
    "dmy_range": _r_dmy_range,
    "dmy": _r_dmy,
    "mdy_range": _r_mdy_range,
    "mdy": _r_mdy,
    "dom": _r_dom,
    "period": _r_period,
    "month_year": _r_month_year,
    "month_rel": _r_month_rel,
    "decade": _r_decade,
    "year_range": _r_year_range,
    "year_mod": _r_year_mod,
    "season": _r_season,
    "rel_day": _r_rel_day,
    "part_day": _r_part_day,
    "near": _r_near,
    "rel_unit": _r_rel_unit,
    "ana": _r_ana,
    "ago": _r_ago,
    "set": _r_set,
    "duration": _r_duration,
    "weekday": _r_weekday,
    "month_bare": _r_month_bare,
    "year": _r_year,
    "ref": _r_ref,
    "vague": _r_vague,
    "clock": _r_clock,
})

#: The granularity a reference has when the dateline it needs is missing.
_GRAN_NO_DL: Mapping[str, str] = MappingProxyType({
    "rel_day": "day", "part_day": "part_of_day", "near": "day", "rel_unit": "day",
    "ana": "day", "ago": "day", "weekday": "day", "month_bare": "month", "month_rel": "month",
    "season": "season", "dmy": "day", "mdy": "day", "dom": "day", "dmy_range": "interval",
    "mdy_range": "interval", "numeric": "day",
})

def _gran_no_dl(name: str, m: re.Match[str]) -> str:
    """The granularity of an expression left unresolved for want of a dateline."""
    unit = (m["ru_u"] if name == "rel_unit" else m["ag_u"] if name == "ago" else "") or ""
    unit = unit.lower().rstrip("s")
    if unit in ("week", "weekend", "month", "year"):
        return "week" if unit == "weekend" else unit
    return _GRAN_NO_DL.get(name, "day")


# an article or possessive (``data/function_words.csv``), its first letter either case
_ATTR_BEFORE = re.compile(r"(?:\b(?:" + "|".join(
    f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in function_words("article", "possessive")) + r")|[’']s)\s+\Z")
#: A lower-case word after the date starts a noun it modifies ("the 2020 war"), unless it is
#: a function word that starts the next phrase ("in the 2020s the region ...").
_ATTR_AFTER = re.compile(
    r"\s+(?:(?!(?:" + alternation(
        function_words("article", "demonstrative", "possessive", "pronoun", "coordinator",
                       "preposition", "subordinator") + tuple(auxiliaries() | be_forms())) + r")\b)[a-z]"
    r"|[A-Z][a-z]+-)"
)


def _attributive(text: str, start: int, end: int, kind: str, mod: str | None = None) -> bool:
    """True for a date used as a noun modifier: ``the 2020 war``, ``its 1994 ceasefire``.

    A date with a point modifier ("the early 1990s", "the end of 2020") is a
    noun phrase of its own, never a modifier.
    """
    if kind != "date" or mod in ("START", "MID", "END"):
        return False
    return bool(_ATTR_BEFORE.search(text, max(0, start - 8), start)) and bool(
        _ATTR_AFTER.match(text, end)
    )


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------


def find_dates(
    text: str, dateline: DatelineLike = None, *, strict: bool = False,
    conventions: str = "project",
) -> list[DateRef]:
    """Find and resolve every time expression in a text.

    Args:
        text: the text to search (for an article, its text with the ``date``
            header blanked, as :func:`karabakh.analyze` does, so offsets
            index ``article.text``).
        dateline: the publication date (a :class:`datetime.date` or a
            ``YYYY-MM-DD`` string); relative expressions resolve against it.
        strict: when True, a missing dateline raises as soon as an
            expression needs it, instead of returning it unresolved.
        conventions: ``"project"`` (the default reading above) or
            ``"timeml"``, which follows TimeML where the two differ: a
            relative period ("a month earlier", "two days later") is a
            duration (``P1M``, rule suffix ``:timeml``), a count before an
            event ("two days after the vote") is the duration "two days",
            and a year range ("from 2019 to 2021", "1992-94") is two years.

    Returns:
        The time expressions in text order, non-overlapping. Without a
        dateline, expressions that need one have ``value=None`` and a rule
        ending ``:no-dateline``.

    Raises:
        ValueError: if ``text`` is not a string, the dateline is malformed,
            ``conventions`` is unknown, or ``strict`` is set and an
            expression needs the missing dateline.

    >>> for d in find_dates("The offensive came after the 2020 ceasefire agreement, "
    ...                     "in just one day, after yesterday’s attack.", "2023-09-20"):
    ...     print(d.text, d.value, d.granularity, d.kind, d.rule)
    2020 2020 year date year:context
    just one day P1D duration duration duration
    yesterday 2023-09-19 day date yesterday
    >>> [d.value for d in find_dates("Talks will resume on Friday.", "2023-09-20")]
    ['2023-09-22']
    >>> [(d.value, d.rule) for d in find_dates("It fell yesterday, in November 2022.")]
    [(None, 'yesterday:no-dateline'), ('2022-11', 'month-year')]
    >>> [(d.text, d.value) for d in find_dates("It fell in 2020. A month earlier, talks failed.",
    ...                                         "2023-09-20", conventions="timeml")]
    [('2020', '2020'), ('A month earlier', 'P1M')]
    >>> find_dates("It fell yesterday.", None, strict=True)
    Traceback (most recent call last):
    ...
    ValueError: find_dates: 'yesterday' at 8-17 needs a dateline (rule yesterday); ...
    """
    if not isinstance(text, str):
        raise ValueError(f"find_dates: text must be a string, not {type(text).__name__}")
    if conventions not in ("project", "timeml"):
        raise ValueError(f"find_dates: conventions must be 'project' or 'timeml', "
                         f"not {conventions!r}")
    dl = parse_dateline(dateline, where="find_dates: dateline")
    st = _State(text=text, dateline=dl)
    out: list[DateRef] = []
    for m in _matches(text):
        name = m.lastgroup
        if name is None or name not in _RESOLVERS:  # pragma: no cover - pattern invariant
            raise AssertionError(f"dates: unexpected match group {name!r}")
        start, end = m.span(name)
        try:
            r = _RESOLVERS[name](m, st)
        except _NeedsDateline:
            probe = _probe_rule(name, m)
            if strict:
                raise ValueError(
                    f"find_dates: {text[start:end]!r} at {start}-{end} needs a dateline "
                    f"(rule {probe}); pass dateline='YYYY-MM-DD'"
                ) from None
            r = _R(None, _gran_no_dl(name, m), "date", f"{probe}:no-dateline")
        if r.end is not None:
            end = r.end
        elif name != "decade" and text.endswith(("’s", "'s"), start, end):
            end -= 2  # a possessive is not part of the expression: "Friday's" -> "Friday"
        if r.value is not None and r.kind == "date" and r.granularity in ("day", "interval"):
            start, r = _part_prefix(text, start, r, out[-1].end if out else 0)
        pieces = [(start, end, r)]
        if conventions == "timeml":
            pieces = _timeml_pieces(name, m, r, start, end)
        for a, b, r in pieces:
            out.append(DateRef(
                start=a,
                end=b,
                text=text[a:b],
                value=r.value,
                granularity=r.granularity,
                kind=r.kind,
                rule=r.rule,
                anchor=r.anchor,
                part_of_day=r.part_of_day,
                mod=r.mod,
                attributive=_attributive(text, a, b, r.kind, r.mod),
            ))
            if r.value is not None and r.kind == "date" and r.granularity in _DAY_LEVEL:
                st.last_day = dt.date.fromisoformat(r.value[:10])
            if r.value is not None and r.kind == "date" and r.granularity in _PERIODS:
                st.last_period = r.value
    return out


def _timeml_pieces(
    name: str, m: re.Match[str], r: _R, start: int, end: int
) -> list[tuple[int, int, _R]]:
    """The TimeML reading of one match, where it differs from the project's."""
    if name == "ago" and m["ag_dir"].lower() in ("earlier", "later", "before", "after"):
        n = _number(m["ag_n"]) if m["ag_n"] else None
        value = _duration(n, _words().units[_key(m["ag_u"])])
        dur = _R(value, "duration", "duration", r.rule + ":timeml", mod=r.mod)
        if r.rule.startswith("anchored-on-event"):
            # "two days after the vote": the duration "two days"; "after" is a signal
            return [(start, m.end("ag_u"), dur)]
        return [(start, end, dur)]
    if name == "year_range" and r.granularity == "interval" and r.value is not None:
        a, b = r.value.split("/")
        return [(m.start("yr_a"), m.end("yr_a"), _R(a, "year", "date", "year-range:timeml")),
                (m.start("yr_b"), m.end("yr_b"), _R(b, "year", "date", "year-range:timeml"))]
    return [(start, end, r)]


def article_dates(
    article: Article, *, strict: bool = False, conventions: str = "project"
) -> list[DateRef]:
    """Find the time expressions of an article's body, resolved against its dateline.

    The ``date YYYY-MM-DD`` header is blanked with spaces first (same
    length, so offsets still index ``article.text``): it is the dateline,
    not a date the article reports.

    Args:
        article: the article (its ``dateline`` is used).
        strict: raise instead of leaving relative expressions unresolved when
            the article has no dateline.
        conventions: ``"project"`` or ``"timeml"`` (see :func:`find_dates`).

    Returns:
        As :func:`find_dates`.

    Raises:
        ValueError: with ``strict`` and no dateline (see :func:`find_dates`).

    >>> from karabakh.text.articles import read_article
    >>> refs = article_dates(read_article("seeds/000_bf20561892d8202b.txt"))
    >>> [(d.text, d.value) for d in refs if d.granularity == "part_of_day"]
    [('last night', '2023-09-19TNI'), ('This morning', '2023-09-20TMO')]
    """
    return find_dates(article.masked_text, article.dateline, strict=strict,
                      conventions=conventions)


def _probe_rule(name: str, m: re.Match[str]) -> str:
    """A rule name for an expression that could not be resolved (no dateline)."""
    if name == "rel_day":
        return _key(m["rd_w"]).replace(" ", "-")
    return {"part_day": "part-of-day", "near": "relative", "rel_unit": "relative-unit",
            "ana": "anaphoric", "ago": "ago", "weekday": "weekday", "month_bare": "month",
            "month_rel": "month", "season": "season", "dmy": "day-month", "mdy": "month-day",
            "dom": "day-of-month",
            "dmy_range": "day-range", "mdy_range": "day-range",
            "numeric": "numeric:ambiguous"}.get(name, name)


def sentence_dates(
    sentences: Sequence[Sentence],
    dates: Sequence[DateRef],
    dateline: DatelineLike = None,
    *,
    carry_across_paragraphs: bool = False,
) -> list[SentenceDate]:
    """Give every sentence its best date: its own, or the one the narrative carries.

    Rules, in order, for each sentence:

    1. ``explicit``: the first day-level or part-of-day date in the sentence
       (``yesterday``, ``On September 20``, ``last night``).
    2. ``explicit-coarse``: else the first coarser date (week, month, season,
       year, decade, interval) used adverbially ("was blocked *in November
       2022*"); an attributive date ("the 2020 war", "the 1992-94 war")
       dates a noun, not the sentence, and is skipped.
    3. ``carried``: else the narrative date, i.e. the last day-level date of
       an earlier sentence of the same paragraph (``source_start`` /
       ``source_end`` point at it).
    4. ``dateline``: else the dateline (a new paragraph returns to it unless
       ``carry_across_paragraphs``); ``unknown`` when there is no dateline.

    Only day-level and part-of-day dates carry forward: background years,
    months and ranges (1992-94, 2020, November 2022) date their own sentence
    at most, never the sentences after it. The header sentence gets the
    dateline (rule ``header``).

    Args:
        sentences: the article's sentences (from :func:`split_sentences`).
        dates: the article's time expressions (from :func:`find_dates`).
        dateline: the publication date.
        carry_across_paragraphs: carry the narrative date into the next
            paragraph instead of returning to the dateline.

    Returns:
        One :class:`SentenceDate` per sentence, in order.

    >>> from karabakh.text.sentences import split_sentences
    >>> text = "On September 19, troops moved. They shelled a town. It ended in 2020."
    >>> sents = split_sentences(text)
    >>> for s in sentence_dates(sents, find_dates(text, "2023-09-20"), "2023-09-20"):
    ...     print(s.sentence, s.value, s.rule, s.narrative)
    0 2023-09-19 explicit 2023-09-19
    1 2023-09-19 carried 2023-09-19
    2 2020 explicit-coarse 2023-09-19
    """
    dl = parse_dateline(dateline, where="sentence_dates: dateline")
    dl_value = dl.isoformat() if dl else None
    refs = sorted(dates, key=lambda d: d.start)
    starts = [d.start for d in refs]
    out: list[SentenceDate] = []
    narrative: DateRef | None = None
    paragraph: int | None = None
    for s in sentences:
        if s.is_header:
            out.append(SentenceDate(s.start, s.end, s.text, s.index, dl_value,
                                    "day" if dl else None, "header", dl_value, dl_value))
            continue
        if s.paragraph != paragraph and not carry_across_paragraphs:
            narrative = None
        paragraph = s.paragraph
        lo, hi = bisect.bisect_left(starts, s.start), bisect.bisect_left(starts, s.end)
        inside = [d for d in refs[lo:hi] if d.kind == "date" and d.value is not None]
        day_level = [d for d in inside if d.granularity in _DAY_LEVEL]
        coarse = [d for d in inside if d.granularity in _COARSE and not d.attributive]
        if day_level:
            narrative = day_level[-1]
        carried = narrative.value if narrative else dl_value
        best: DateRef | None = None
        if day_level:
            best, rule = day_level[0], "explicit"
        elif coarse:
            best, rule = coarse[0], "explicit-coarse"
        elif narrative is not None:
            best, rule = narrative, "carried"
        else:
            rule = "dateline" if dl else "unknown"
        gran: str | None
        if best is not None:
            value, gran = best.value, best.granularity
            src: tuple[int | None, int | None] = (best.start, best.end)
        else:
            value, gran, src = dl_value, ("day" if dl else None), (None, None)
        day = value[:10] if value and gran in _DAY_LEVEL else None
        out.append(SentenceDate(s.start, s.end, s.text, s.index, value, gran, rule, day,
                                carried, src[0], src[1]))
    return out


_SPAN_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T(MO|AF|EV|NI))?")
_SPAN_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?")
_SPAN_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_SPAN_PART = re.compile(r"(\d{4})-(Q[1-4]|H[12])")


def timex_span(value: str | None) -> tuple[dt.datetime, dt.datetime] | None:
    """The stretch of time ``[start, end)`` a TIMEX3 date value covers.

    Days, parts of day (morning 06-12 h, afternoon 12-18 h, evening 18-22 h,
    night 21 h to 05 h the next day), ISO weeks (``-WE``: Saturday and
    Sunday), months, quarters (``2023-Q3``), halves (``2023-H2``), seasons
    (northern hemisphere), years, decades (``199``)
    and intervals (``1992/1994``: from the start of the first to the end of
    the last). Durations, sets, clock times without a day, fiscal years
    (they start on different days by country) and ``None`` give ``None``.

    Args:
        value: a ``DateRef.value``.

    Returns:
        ``(start, end)`` as naive datetimes, or ``None``.

    >>> timex_span("2023-09-19TNI")
    (datetime.datetime(2023, 9, 19, 21, 0), datetime.datetime(2023, 9, 20, 5, 0))
    >>> [d.year for d in timex_span("1992/1994")]
    [1992, 1995]
    >>> timex_span("P1D") is None
    True
    """
    if not value:
        return None
    if "/" in value:
        parts = [timex_span(v) for v in value.split("/")]
        if len(parts) != 2 or parts[0] is None or parts[1] is None:
            return None
        return parts[0][0], parts[1][1]
    m = _SPAN_DAY.fullmatch(value)
    if m:
        day = dt.datetime(int(m[1]), int(m[2]), int(m[3]))
        if not m[4]:
            return day, day + dt.timedelta(days=1)
        a, b = _PART_HOURS[m[4]]
        return day + dt.timedelta(hours=a), day + dt.timedelta(hours=b)
    m = _SPAN_WEEK.fullmatch(value)
    if m:
        monday = dt.datetime.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=7)
        return monday, monday + dt.timedelta(days=7)
    m = _SPAN_PART.fullmatch(value)
    if m:
        y, size, n = int(m[1]), (3 if m[2][0] == "Q" else 6), int(m[2][1])
        ey, em = _add_months(y, (n - 1) * size + 1, size)
        return dt.datetime(y, (n - 1) * size + 1, 1), dt.datetime(ey, em, 1)
    m = _SPAN_SEASON.fullmatch(value)
    if m:
        a, b = _SEASON_MONTHS[m[2]]
        y = int(m[1])
        return dt.datetime(y, a, 1), dt.datetime(y + (b - 1) // 12, (b - 1) % 12 + 1, 1)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        y, mo = int(value[:4]), int(value[5:])
        ny, nm = _add_months(y, mo, 1)
        return dt.datetime(y, mo, 1), dt.datetime(ny, nm, 1)
    if re.fullmatch(r"\d{4}", value):
        return dt.datetime(int(value), 1, 1), dt.datetime(int(value) + 1, 1, 1)
    if re.fullmatch(r"\d{3}", value):
        return dt.datetime(int(value) * 10, 1, 1), dt.datetime(int(value) * 10 + 10, 1, 1)
    return None


#: TIMEX3 placeholders for a date left without a value (TimeML requires one).
_UNKNOWN_VALUE = MappingProxyType({
    "day": "XXXX-XX-XX", "part_of_day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX",
    "quarter": "XXXX-QX", "half": "XXXX-HX", "season": "XXXX-XX", "year": "XXXX",
    "fiscal_year": "FYXXXX", "decade": "XXX", "time": "XXXX-XX-XXTXX:XX",
})


def _timex_type(ref: DateRef) -> str:
    if ref.kind == "duration":
        return "DURATION"
    if ref.kind == "set":
        return "SET"
    if ref.value and "T" in ref.value and not ref.value.startswith("P"):
        return "TIME"
    return "DATE"


def to_timeml(
    article_or_text: Article | str,
    dates: Sequence[DateRef],
    *,
    dct: DatelineLike = None,
    docid: str | None = None,
) -> str:
    """Write time expressions as TIMEX3 tags into the text: a TimeML document.

    The document has the shape the TempEval-3 tools read: ``<DOCID>``, the
    document creation time as ``<DCT><TIMEX3 tid="t0" ...
    functionInDocument="CREATION_TIME">``, and ``<TEXT>`` holding the text
    verbatim (XML-escaped) with one ``<TIMEX3>`` per expression: ``tid``
    ``t1``, ``t2`` ... in text order, ``type`` DATE, TIME (a clock time or a
    part of day), DURATION or SET, ``value`` (a placeholder such as
    ``XXXX-XX-XX`` when the expression could not be resolved), ``mod`` when
    there is one, and ``temporalFunction``/``anchorTimeID="t0"`` for an
    expression resolved from the dateline. Pass the dates of
    ``find_dates(..., conventions="timeml")`` to be scored as TimeML is.

    Args:
        article_or_text: an :class:`~karabakh.text.articles.Article` (its body
            becomes ``<TEXT>``; its dateline is the DCT and its id the
            DOCID) or a string (all of it becomes ``<TEXT>``).
        dates: the time expressions, with offsets into that text.
        dct: the document creation time (default: the article's dateline).
        docid: the document id (default: the article's id, or ``"doc"``).

    Returns:
        The TimeML document as a string.

    Raises:
        ValueError: without a DCT, or when an expression's span does not
            match the text, falls outside the body, or overlaps another.

    >>> text = "Talks will resume on Friday, after the 2022 truce."
    >>> print(to_timeml(text, find_dates(text, "2023-09-20"), dct="2023-09-20"))
    ... # doctest: +NORMALIZE_WHITESPACE
    <?xml version="1.0" ?>
    <TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">
    <DOCID>doc</DOCID>
    <DCT><TIMEX3 tid="t0" type="DATE" value="2023-09-20" temporalFunction="false"
    functionInDocument="CREATION_TIME">2023-09-20</TIMEX3></DCT>
    <TEXT>Talks will resume on <TIMEX3 tid="t1" type="DATE" value="2023-09-22"
    temporalFunction="true" anchorTimeID="t0">Friday</TIMEX3>, after the <TIMEX3
    tid="t2" type="DATE" value="2022" temporalFunction="false">2022</TIMEX3> truce.</TEXT>
    </TimeML>
    """
    if isinstance(article_or_text, Article):
        text = article_or_text.text
        lo, hi = article_or_text.body_start, article_or_text.body_end
        when = parse_dateline(dct, where="to_timeml: dct") or article_or_text.dateline
        doc = docid or article_or_text.id
    elif isinstance(article_or_text, str):
        text, lo, hi = article_or_text, 0, len(article_or_text)
        when = parse_dateline(dct, where="to_timeml: dct")
        doc = docid or "doc"
    else:
        raise ValueError("to_timeml: pass an Article or a string, "
                         f"not {type(article_or_text).__name__}")
    if when is None:
        raise ValueError("to_timeml: a TimeML document needs its creation time; "
                         "pass dct='YYYY-MM-DD' or an article with a dateline")
    dct_value = when.isoformat()
    parts: list[str] = []
    pos = lo
    for i, ref in enumerate(sorted(dates, key=lambda d: (d.start, d.end)), start=1):
        if text[ref.start : ref.end] != ref.text:
            raise ValueError(f"to_timeml: {ref.text!r} at {ref.start}-{ref.end} does not match "
                             f"the text there ({text[ref.start:ref.end]!r})")
        if ref.start < pos or ref.end > hi:
            where = "overlaps the one before" if ref.start < pos else "falls outside the body"
            raise ValueError(f"to_timeml: {ref.text!r} at {ref.start}-{ref.end} {where}")
        value = ref.value or _UNKNOWN_VALUE.get(ref.granularity, "XXXX-XX-XX")
        attrs = [f'tid="t{i}"', f'type="{_timex_type(ref)}"', f"value={quoteattr(value)}"]
        if ref.mod:
            attrs.append(f"mod={quoteattr(ref.mod)}")
        relative = ref.anchor is not None
        attrs.append(f'temporalFunction="{"true" if relative else "false"}"')
        if relative and ref.anchor == dct_value:
            attrs.append('anchorTimeID="t0"')
        parts.append(escape(text[pos : ref.start]))
        parts.append(f"<TIMEX3 {' '.join(attrs)}>{escape(ref.text)}</TIMEX3>")
        pos = ref.end
    parts.append(escape(text[pos:hi]))
    return (
        '<?xml version="1.0" ?>\n'
        '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n'
        f"<DOCID>{escape(doc)}</DOCID>\n"
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct_value}" temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{dct_value}</TIMEX3></DCT>\n'
        f"<TEXT>{''.join(parts)}</TEXT>\n"
        "</TimeML>"
    )
