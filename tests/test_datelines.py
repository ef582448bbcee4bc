"""Tests for karabakh.extract.datelines: wire datelines read and checked against the article's date.

Every line below is written for these tests, in the styles of wire copy and of
Armenian, Azerbaijani and Russian agencies writing in English.
"""

from __future__ import annotations

import pytest

from karabakh.extract.datelines import find_wire_dateline

# (text, on, dateline text, place_id, date, year_given, problem contains)
CASES = [
    ("STEPANAKERT, SEPTEMBER 23, ARMENPRESS. Buses left.", "2023-09-23",
     "STEPANAKERT, SEPTEMBER 23", "STEPANAKERT", "2023-09-23", False, None),
    ("KHANKENDI, September 29 (APA). Aid arrived.", "2023-09-29",
     "KHANKENDI, September 29", "STEPANAKERT", "2023-09-29", False, None),
    ("GORIS, Armenia, Sept 26 (Reuters) - Cars queued.", "2023-09-26",
     "GORIS, Armenia, Sept 26", "GORIS", "2023-09-26", False, None),
    ("MOSCOW, September 25. /TASS/. The ministry said.", "2023-09-25",
     "MOSCOW, September 25", "MOSCOW", "2023-09-25", False, None),
    ("Baku, September 22, Report.az. Talks ended.", "2023-09-22",
     "Baku, September 22", "BAKU", "2023-09-22", False, None),
    ("YEREVAN, Sept. 27, 2023 (AP) - Refugees arrived.", "2023-09-27",
     "YEREVAN, Sept. 27, 2023", "YEREVAN", "2023-09-27", True, None),
    # filed the evening before publication: no problem
    ("KORNIDZOR, SEPTEMBER 24, ARMENPRESS. Lines grew.", "2023-09-25",
     "KORNIDZOR, SEPTEMBER 24", "KORNIDZOR", "2023-09-24", False, None),
    # an unknown place keeps its words
    ("SZNEK, SEPTEMBER 20 (AP) - Shelling was heard.", "2023-09-20",
     "SZNEK, SEPTEMBER 20", None, "2023-09-20", False, None),
    # disagreements with the article's date are kept and reported
    ("YEREVAN, SEPTEMBER 21, ARMENPRESS. Talks began.", "2023-09-24",
     "YEREVAN, SEPTEMBER 21", "YEREVAN", "2023-09-21", False, "3 days before"),
    ("BAKU, SEPTEMBER 30 (APA). Talks began.", "2023-09-24",
     "BAKU, SEPTEMBER 30", "BAKU", "2023-09-30", False, "after the article"),
    ("BAKU, SEPTEMBER 31 (APA). Talks began.", "2023-09-24",
     "BAKU, SEPTEMBER 31", "BAKU", None, False, "no such day"),
    # no article date: no year can be given
    ("GORIS, SEPTEMBER 26 (AP) - Cars queued.", None,
     "GORIS, SEPTEMBER 26", "GORIS", None, False, "no year"),
    # a place with no date, before an agency
    ("GENEVA (ICRC) - Teams crossed.", "2023-09-29", "GENEVA", "GENEVA", None, False, None),
]


@pytest.mark.parametrize(("text", "on", "span", "place_id", "date", "year_given", "problem"),
                         CASES)
def test_wire_dateline(text, on, span, place_id, date, year_given, problem):
    d = find_wire_dateline(text, on=on)
    assert d is not None
    assert text[d.start : d.end] == d.text == span
    assert (d.place_id, d.date, d.year_given) == (place_id, date, year_given)
    if problem is None:
        assert d.problem is None
    else:
        assert d.problem is not None and problem in d.problem


def test_year_from_the_header_and_the_turn_of_the_year():
    d = find_wire_dateline("date 2024-01-02\nBAKU, DECEMBER 31 (APA). Talks ended.")
    assert d is not None and d.date == "2023-12-31"


@pytest.mark.parametrize("text", [
    "Officials said on Monday that talks would resume.",
    "“Azerbaijan completed its operation,” the president said.",
    "Azerbaijan (the state) and Armenia met.",
    "",
])
def test_no_dateline(text):
    assert find_wire_dateline(text, on="2023-09-20") is None


def test_bad_date_raises():
    with pytest.raises(ValueError, match="find_wire_dateline"):
        find_wire_dateline("BAKU, SEPTEMBER 30 (APA).", on="30/09/2023")
