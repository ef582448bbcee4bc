"""Tests for karabakh.output.evaluate: one matching and scoring code for every extractor."""

from __future__ import annotations

import pytest
from conftest import ROOT

import karabakh.output.evaluate
from karabakh.output.evaluate import Score, cell, load_annotation, score, scores_frame

ANN = ROOT / "tests" / "annotations"


def _rec(start, end, **kw):
    return {"start": start, "end": end, **kw}


def _gold(start, end, **kw):
    return {"start": str(start), "end": str(end), **{k: str(v) for k, v in kw.items()}}


def test_exact_match_is_one_to_one():
    gold = [_gold(0, 4), _gold(0, 4)]
    found = [_rec(0, 4)]
    s = score(found, gold)
    assert (s.tp, len(s.misses), len(s.false_alarms)) == (1, 1, 0)
    assert s.precision == 1.0 and s.recall == 0.5
    assert s.f1 == pytest.approx(2 / 3)


def test_overlap_takes_the_best_overlap_above_the_floor():
    gold = [_gold(10, 20)]
    found = [_rec(0, 12), _rec(11, 20), _rec(30, 40)]
    s = score(found, gold, match="overlap", floor=0.5)
    assert s.tp == 1 and s.pairs[0][1]["start"] == 11
    assert [f["start"] for f in s.false_alarms] == [0, 30]
    assert score(found, gold, match="overlap", floor=0.95).tp == 0


def test_fields_are_compared_after_normalising():
    gold = [_gold(0, 5, low="32", high="", qualifier="at least")]
    found = [_rec(0, 5, low=32.0, high=None, qualifier="at least")]
    s = score(found, gold, fields=("low", "high", "qualifier"))
    assert s.fields == {"low": 1.0, "high": 1.0, "qualifier": 1.0} and s.exact == 1.0


def test_field_mapping_and_wrong_values_are_kept():
    gold = [_gold(0, 5, speaker="AZE"), _gold(6, 9, speaker="ARM")]
    found = [_rec(0, 5, speaker_id="AZE"), _rec(6, 9, speaker_id=None)]
    s = score(found, gold, fields={"speaker": "speaker_id"})
    assert s.fields["speaker"] == 0.5 and s.exact == 0.5
    (name, g, f), = s.wrong
    assert (name, g["start"], f["speaker_id"]) == ("speaker", "6", None)
    errors = s.errors()
    assert errors.loc[0, "error"] == "wrong speaker" and errors.loc[0, "expected"] == "ARM"


def test_key_match_ignores_spans():
    gold = [{"source": "AZE", "root": "19", "target": "NKR"},
            {"source": "ARM", "root": "11", "target": "AZE"}]
    found = [_rec(0, 9, source_id="AZE", root_code="19", target_id="NKR"),
             _rec(10, 19, source_id="RUS", root_code="04", target_id=None)]
    s = score(found, gold, match="key",
              key={"source": "source_id", "root": "root_code", "target": "target_id"})
    assert (s.tp, s.precision, s.recall) == (1, 0.5, 0.5)
    assert s.misses[0]["source"] == "ARM"


def test_dataclass_records_are_read_by_attribute(seed_analysis):
    gold = [_gold(m.start, m.end, entity_id=m.entity_id or "") for m in seed_analysis.mentions]
    s = score(seed_analysis.mentions, gold, fields=("entity_id",), name="mentions")
    assert (s.precision, s.recall, s.fields["entity_id"]) == (1.0, 1.0, 1.0)
    assert str(s).startswith("mentions: P=1.000 R=1.000")


@pytest.mark.parametrize("bad", [{"match": "fuzzy"}, {"match": "key"}])
def test_bad_options_raise(bad):
    with pytest.raises(ValueError, match="match"):
        score([], [_gold(0, 1)], **bad)


def test_gold_without_span_is_an_error():
    with pytest.raises(ValueError, match="without a span"):
        score([], [{"start": "", "end": "3"}])


def test_cell():
    assert [cell(v) for v in (None, 3.0, 0.25, ("a", None), True, "x")] == [
        "", "3", "0.25", "a|", "True", "x"]


def test_load_annotation_skips_comments_and_names_bad_files(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text("# c1\nstart,end\n# c2\n1,2\n", encoding="utf-8")
    assert load_annotation(p) == [{"start": "1", "end": "2"}]
    with pytest.raises(ValueError, match=r"missing\.csv"):
        load_annotation(tmp_path / "missing.csv")
    (tmp_path / "empty.csv").write_text("# only comments\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no header"):
        load_annotation(tmp_path / "empty.csv")


def test_seed_annotations_load_and_score(seed_analysis):
    gold = load_annotation(ANN / "seed_mentions.csv")
    found = [m for m in seed_analysis.mentions if m.kind != "unknown"]
    s = score(found, gold, fields=("entity_id", "kind"), name="mentions")
    assert s.recall >= 0.95 and s.precision >= 0.95
    frame = scores_frame([s])
    assert frame.loc[0, "extractor"] == "mentions" and frame.loc[0, "matched"] == s.tp
    assert isinstance(s, Score) and karabakh.output.evaluate.score is score


def test_evaluate_articles_pools_articles_named_in_the_annotation(tmp_path):
    import karabakh as kb

    a = kb.analyze(kb.Article.from_text("Baku said it was calm.", id="a1"))
    b = kb.analyze(kb.Article.from_text("Yerevan said it was not.", id="b2"))
    c = kb.analyze(kb.Article.from_text("Moscow spoke.", id="c3"))  # not annotated: not scored
    rows = [{"article": "a1.txt", "start": "0", "end": "4", "entity_id": "AZE_GOV", "kind": "actor"},
            {"article": "b2", "start": "0", "end": "7", "entity_id": "ARM_GOV", "kind": "actor"}]
    (s,) = karabakh.output.evaluate.evaluate_articles([a, b, c], {"mentions": rows})
    assert (s.n_gold, s.tp, s.n_found) == (2, 2, 2)


def test_citron_round_trip_keeps_spans(seed_analysis):
    text = seed_analysis.article.text
    doc = karabakh.output.evaluate.to_citron(text, seed_analysis.quotes)
    for q in doc["quotes"]:
        for sp in [q["cue"], *q["sources"], *q["contents"]]:
            if sp:
                assert text[sp["start"]:sp["end"]] == sp["text"]
    rows = karabakh.output.evaluate.read_citron(doc)
    s = karabakh.output.evaluate.score_extractor("quotes", seed_analysis.quotes, rows,
                                          fields=("kind", "speaker_text", "cue"))
    assert s.recall == 1.0 and s.precision == 1.0
    assert s.fields["speaker_text"] == 1.0 and s.fields["cue"] == 1.0


def test_main_prints_the_table(capsys):
    code = karabakh.output.evaluate.main([str(ROOT / "seeds" / "000_bf20561892d8202b.txt"),
                                   "--annotations", str(ANN), "--prefix", "seed"])
    out = capsys.readouterr().out
    assert code == 0 and "mentions" in out and "figures" in out
    assert karabakh.output.evaluate.main(["x.txt", "--annotations", str(ANN), "--prefix", "nope"]) == 2


ANNOTATION_FILES = sorted(ANN.glob("*.csv"))


@pytest.mark.parametrize("path", ANNOTATION_FILES, ids=lambda p: p.name)
def test_every_annotated_span_matches_its_article(path):
    """Each annotation row's words are exactly the article's text at its offsets."""
    import karabakh as kb

    rows = load_annotation(path)
    assert rows, f"{path.name} is empty"
    cols = rows[0].keys()
    span = next(((a, b, t) for a, b, t in (("start", "end", "text"),
                                           ("content_start", "content_end", "content"),
                                           ("evidence_start", "evidence_end", "evidence"))
                 if {a, b, t} <= cols), None)
    col = karabakh.output.evaluate.article_column(rows)
    if span is None:
        pytest.skip(f"{path.name} has no span with its text")
    texts: dict[str, str] = {}
    for r in rows:
        name = (r[col] if col else "") or "../../seeds/000_bf20561892d8202b.txt"
        if name not in texts:
            p = (ROOT / "tests" / "harder" / name)
            texts[name] = kb.read_article(p if p.suffix else p.with_suffix(".txt")).text
        a, b, t = span
        assert texts[name][int(r[a]):int(r[b])] == r[t], (path.name, r)


def test_all_fields_follows_precision_and_recall_when_nothing_matched():
    from karabakh.output.evaluate import combine, score

    empty = score([], [], name="terms")
    assert (empty.precision, empty.recall, empty.exact) == (1.0, 1.0, 1.0)
    missed = score([], [{"start": "0", "end": "4"}], name="terms")
    assert (missed.recall, missed.exact) == (0.0, 0.0)
    assert combine([empty, empty]).exact == 1.0 and combine([empty, missed]).exact == 0.0
