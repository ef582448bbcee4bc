"""Hostile input: arbitrary text never crashes, and every span round-trips (issues 14 and 17).

Property-based (hypothesis): texts are built from invented news-like
sentences, quote marks in any combination, digits (also absurdly long runs),
dates, arbitrary Unicode, HTML-ish markup, odd whitespace and very long lines.
For every text:

* ``Article.from_text`` either works or raises the documented ``ValueError``
  (empty, NUL, markup), nothing else;
* ``analyze()`` and each extractor called alone on the raw text never raise;
* every record's ``text == article.text[start:end]``, and every nested span
  (quote content, speaker, cue; a figure's ``part_of``) points into the text;
* the JSON is serialisable and the terminal summary holds no control
  characters.

Runs are bounded (examples, sizes) and derandomized by default so that
``make test`` stays quick and repeatable; ``HYPOTHESIS_PROFILE=explore`` runs
many more random examples for a developer hunting bugs.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import karabakh as kb
from karabakh.output.cli import summary
from karabakh.text.articles import find_markup

settings.register_profile(
    "ci", max_examples=30, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "explore", max_examples=1000, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Invented sentences in the styles the package reads (wire, Armenian, Azerbaijani,
# Russian-outlet and international-organisation copy); none is copied news text.
SENTENCES = [
    "Azerbaijan's defence ministry said on Tuesday that its units had taken 12 positions.",
    "“We will not leave our homes,” a resident of Stepanakert told reporters.",
    "The separatist authorities said at least 32 people, including two children, were killed.",
    "Armenian Prime Minister Nikol Pashinian said Yerevan would not be drawn into the fighting.",
    "According to Russia's defence ministry, peacekeepers evacuated more than 2,000 civilians.",
    "The ICRC said nearly 300 wounded people had been taken to hospital overnight.",
    "President Ilham Aliyev said the operation was over, adding that “sovereignty is restored.”",
    "Officials in Baku claimed the army denied reports of shelling near Khankendi.",
    "The UN refugee agency said some 100,000 people had crossed into Armenia by September 30.",
    "“It is a catastrophe,” he said, “and the world is silent.”",
    "Tass reported yesterday that dozens of soldiers were missing.",
    "The ministry said: 'no civilians were targeted'.",
]
QUOTE_MARKS = [*"\"'“”‘’«»„‚‹›「」", "''", "``", "--", "…", "..."]
DATES = ["September 20", "Sept. 19-20", "2023-09-19", "yesterday", "on Tuesday",
         "last night", "20/09/2023", "1992-94", "early 2022", "the next day", "19.09.2023"]
MARKUP = ['<p class="q">', "</p>", "&#171;", "&#187", "&amp;", "&laquo;", "<br/>",
          "<span id=x>", "<!-- c -->", "a < b > c", "AT&T", "<<", ">>", "&#x201C;"]
ODD = ["\r\n", "\n\n", "\t", "\u00a0", "\u2028", "\u202e", "\ufeff", "\x1b[2J", "\x0c",
       "İ", "ß", "ﬁ", "ǅ", "\u0301", "🇦🇿", "😀", " " * 40]


def _number() -> st.SearchStrategy[str]:
    return st.one_of(
        st.integers(min_value=0, max_value=10**9).map(str),
        st.integers(min_value=1000, max_value=10**7).map("{:,}".format),
        st.sampled_from(["thirty-two", "a dozen", "1.5 million", "7.000", "0", "007",
                         "2,00,000", "3-4", "10 000"]),
        st.integers(min_value=1, max_value=6000).map(lambda n: "9" * n),  # > 4,300 digits too
    )


FRAGMENT = st.one_of(
    st.sampled_from(SENTENCES),
    st.sampled_from(QUOTE_MARKS),
    st.sampled_from(DATES),
    st.sampled_from(MARKUP),
    st.sampled_from(ODD),
    _number(),
    st.text(max_size=30),  # arbitrary Unicode (no surrogates)
    st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
)
# A long line: one sentence repeated, joined by spaces or not at all.
LONG_LINE = st.tuples(st.sampled_from(SENTENCES), st.integers(10, 40), st.sampled_from([" ", ""])
                      ).map(lambda t: t[2].join([t[0]] * t[1]))

TEXTS = st.one_of(
    st.lists(FRAGMENT, min_size=1, max_size=25).map(" ".join),
    st.lists(FRAGMENT, min_size=1, max_size=25).map("".join),
    st.lists(st.one_of(FRAGMENT, LONG_LINE), min_size=1, max_size=6).map("\n".join),
)
DATELINES = st.sampled_from([None, "2023-09-20", "2023-09-25"])

ALLOWED_ERRORS = re.compile(r"empty article|binary data \(NUL|HTML markup|unparseable dateline")


def _nested_spans(record: object) -> list[tuple[str, int | None, int | None, str | None]]:
    """Every (name, start, end, text) a record carries: its own span and nested ones."""
    fields = {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}  # type: ignore[arg-type]
    spans = [("text", fields["start"], fields["end"], fields["text"])]
    for name in fields:
        if name.endswith("_start") and name[:-6] + "_end" in fields:
            prefix = name[:-6]
            text_field = next((t for t in (prefix, prefix + "_text") if t in fields), None)
            spans.append((prefix, fields[name], fields[prefix + "_end"],
                          fields[text_field] if text_field else None))
    return spans


def check_records(text: str, records: list[object]) -> None:
    for r in records:
        for name, start, end, value in _nested_spans(r):
            if start is None and end is None:
                assert value is None, (name, r)
                continue
            assert start is not None and end is not None, (name, r)
            assert 0 <= start <= end <= len(text), (name, r)
            if value is not None:
                assert text[start:end] == value, (name, r)


def check_analysis(result: kb.Analysis) -> None:
    text = result.article.text
    check_records(text, result.sentences)
    for key in kb.EXTRACTORS:
        records = getattr(result, key)
        if records is not None:
            check_records(text, records)
    starts = {f.start for f in result.figures or []}
    for f in result.figures or []:
        assert f.part_of is None or f.part_of in starts, f
    json.dumps(result.to_dict(), ensure_ascii=False)
    shown = summary(result)
    assert not [c for c in shown if not c.isprintable() and c != "\n"], "raw control characters"


def read(text: str, dateline: str | None) -> kb.Article | None:
    """The article, or None when from_text refused it with a documented ValueError."""
    try:
        return kb.Article.from_text(text, dateline)
    except ValueError as exc:
        assert ALLOWED_ERRORS.search(str(exc)), str(exc)
        if "HTML markup" in str(exc):
            assert find_markup(text) is not None
        return None


@given(TEXTS, DATELINES)
@example("9" * 5000 + " people were killed, officials said.", "2023-09-20")
@example("“" * 300 + "said" + "”" * 300, None)
@example("He said >&#171 no", None)
@example("İstanbul said İİİ “ok,” İlham Aliyev said.", "2023-09-20")
@example("date 2023-09-20\r\n\ufeff“Calm,” he said.\u2028Yesterday 3 died.", None)
def test_analyze_never_crashes_and_spans_round_trip(text, dateline):
    article = read(text, dateline)
    if article is not None:
        check_analysis(kb.analyze(article))


@given(TEXTS, DATELINES)
@example('<p class="q">“Peace,” &#171;he said&#187;.</p>', "2023-09-20")
def test_each_extractor_alone_on_raw_text(text, dateline):
    """Called directly, extractors take any text, markup included, and keep offsets."""
    sentences = kb.split_sentences(text)
    check_records(text, sentences)
    for s in sentences:
        check_records(text, kb.tokenize(text, s.start, s.end))
    mentions = kb.tag_mentions(text, dateline=dateline)
    quotes = kb.extract_quotes(text, mentions, dateline=dateline)
    dates = kb.find_dates(text, dateline)
    figures = kb.find_figures(text, mentions, quotes, dates)
    for records in (mentions, quotes, dates, figures):
        check_records(text, records)
    check_records(text, kb.sentence_dates(sentences, dates, dateline))


@given(TEXTS, st.booleans(), st.booleans())
def test_files_read_back_from_the_readers_side(tmp_path_factory, text, bom, crlf):
    """Whatever is written, a reader decoding with utf-8-sig and newline='' gets exact spans."""
    body = text.replace("\n", "\r\n") if crlf else text
    path = tmp_path_factory.mktemp("art") / "a.txt"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + body.encode("utf-8"))
    try:
        article = kb.read_article(path, dateline="2023-09-20")
    except ValueError as exc:
        assert "a.txt" in str(exc)
        assert re.search(r"empty file|binary data|HTML markup", str(exc)), str(exc)
        return
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader_text = fh.read()
    assert article.text == reader_text
    assert article.had_bom == (bom or body.startswith("\ufeff"))
    result = kb.analyze(article)
    check_analysis(result)
    data = result.to_dict()
    assert data["article"]["had_bom"] == article.had_bom
    for key in ("sentences", *kb.EXTRACTORS):
        for rec in data[key] or []:
            assert reader_text[rec["start"] : rec["end"]] == rec["text"]


@pytest.mark.parametrize("digits", [31, 101, 4301, 5000, 20000])
def test_a_huge_digit_run_keeps_the_article_and_the_figure(digits):
    """Past Python's int-string limit (4,300 digits) the figure is kept with its problem."""
    text = f"date 2023-09-20\nOfficials said {'9' * digits} people were killed. At least 32 died."
    result = kb.analyze(kb.Article.from_text(text))
    check_analysis(result)
    huge = [f for f in result.figures if len(f.text) > digits]
    assert len(huge) == 1
    assert (huge[0].low, huge[0].high) == (None, None)
    assert huge[0].problem is not None and "too long" in huge[0].problem
    assert any(f.low == 32 for f in result.figures)  # the rest of the article is still read
    assert kb.parse_number("9" * digits) is None
