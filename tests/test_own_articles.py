"""End-to-end checks on short articles written by us (invented wording and numbers,
not real reports), so that the pipeline is tested beyond the seed's sentences."""

import datetime as dt

import pytest

import karabakh as kb

# Invented test text in news style. Names and places are real so the dictionary
# is exercised; the numbers and quotations are made up.
ARTICLE_A = """date 2023-09-21
Ethnic Armenian fighters in Nagorno-Karabakh agreed on Wednesday to disarm, a day after Azerbaijan launched an offensive that killed at least 200 people, according to the region's ombudsman.

"We have no choice but to accept," Samvel Shahramanyan said in a televised address on Thursday morning. He added that talks with Baku would begin in Yevlakh.

Azerbaijani presidential adviser Hikmet Hajiyev told reporters that the army had not targeted civilians. "Our operation was precise," he said.

Armenian Prime Minister Nikol Pashinyan, speaking in Yerevan, said Armenia was ready to receive as many as 40,000 refugees."""

ARTICLE_B = """date 2023-09-25
More than 6,500 people have crossed into Armenia from Nagorno-Karabakh since Sunday, the Armenian government said on Monday.

An explosion near Stepanakert on Monday evening killed at least 20 people and injured nearly 300, local officials said. Dozens remain missing.

The ICRC said it had evacuated 23 wounded patients to Goris."""


@pytest.fixture(scope="module")
def a():
    return kb.analyze(kb.Article.from_text(ARTICLE_A, id="own-a"))


@pytest.fixture(scope="module")
def b():
    return kb.analyze(kb.Article.from_text(ARTICLE_B, id="own-b"))


def _all_records(analysis):
    for key in ("sentences", *kb.EXTRACTORS):
        yield from getattr(analysis, key) or []


@pytest.mark.parametrize("fixture", ["a", "b"])
def test_every_record_points_at_its_words(fixture, request):
    analysis = request.getfixturevalue(fixture)
    text = analysis.article.text
    records = list(_all_records(analysis))
    assert records
    for r in records:
        assert text[r.start : r.end] == r.text


def test_dateline_from_header(a):
    assert a.article.dateline == dt.date(2023, 9, 21)
    assert a.sentences[0].is_header


def test_mentions_resolve_people_and_places(a):
    ids = {(m.text, m.entity_id, m.kind) for m in a.mentions}
    assert ("Samvel Shahramanyan", "SHAHRAMANYAN_SAMVEL", "actor") in ids
    assert ("Yevlakh", "YEVLAKH", "place") in ids
    assert any(m.entity_id == "PASHINYAN_NIKOL" for m in a.mentions)
    assert any(m.entity_id == "HAJIYEV_HIKMET" for m in a.mentions)
    # "in Yerevan" is the place; "Armenia was ready" is the state acting.
    yerevan = [m for m in a.mentions if m.text == "Yerevan"]
    assert yerevan and all(m.kind == "place" for m in yerevan)


def test_dates_resolve_against_dateline(a, b):
    got_a = {(d.text, d.value) for d in a.dates}
    assert ("Wednesday", "2023-09-20") in got_a
    assert ("Thursday morning", "2023-09-21TMO") in got_a
    got_b = {(d.text, d.value) for d in b.dates}
    assert ("Sunday", "2023-09-24") in got_b
    assert ("Monday evening", "2023-09-25TEV") in got_b
    # The header's own date is not reported as something the article says.
    assert all(d.start >= a.article.body_start for d in a.dates)


def test_quotes_have_real_speakers(a):
    direct = [q for q in a.quotes if q.kind == "direct"]
    by_content = {q.content.rstrip(",. "): q.speaker_id for q in direct}
    assert by_content["We have no choice but to accept"] == "SHAHRAMANYAN_SAMVEL"
    assert by_content["Our operation was precise"] == "HAJIYEV_HIKMET"
    indirect = {q.speaker_id for q in a.quotes if q.kind == "indirect"}
    assert {"SHAHRAMANYAN_SAMVEL", "HAJIYEV_HIKMET", "PASHINYAN_NIKOL"} <= indirect


def test_figures_keep_hedges_and_sources(a, b):
    fa = {f.text: f for f in a.figures}
    killed = fa["at least 200 people"]
    assert (killed.category, killed.low, killed.high, killed.qualifier) == ("killed", 200, None, "at least")
    refugees = fa["as many as 40,000 refugees"]
    assert (refugees.category, refugees.high, refugees.source_id) == ("displaced", 40000, "PASHINYAN_NIKOL")
    fb = {f.text: f for f in b.figures}
    crossed = fb["More than 6,500 people"]
    assert (crossed.low, crossed.qualifier, crossed.source_id) == (6500, "more than", "ARM_GOV")
    injured = fb["nearly 300"]
    assert (injured.category, injured.low, injured.high, injured.qualifier) == ("injured", 300, 300, "nearly")
    assert fb["Dozens"].category == "missing" and fb["Dozens"].high is None
    patients = fb["23 wounded patients"]
    assert (patients.low, patients.group, patients.source_id) == (23, "patients", "ICRC")


def test_json_contract_for_own_article(b):
    d = b.to_dict()
    assert d["article"]["id"] == "own-b" and d["article"]["dateline"] == "2023-09-25"
    assert all(isinstance(d[k], list)
               for k in ("mentions", "quotes", "dates", "figures", "events", "statements"))
