"""Offline NLTK data: built from installed packages into a cache, never downloaded."""

import json
import os
import subprocess
import sys

import karabakh as kb
from karabakh.resources import read_data_csv


def test_empty_nltk_data_builds_cache(tmp_path):
    """With an empty NLTK_DATA and a fresh cache, punkt and VADER still work."""
    empty = tmp_path / "empty_nltk_data"
    empty.mkdir()
    cache = tmp_path / "cache"
    env = {**os.environ, "NLTK_DATA": str(empty), "KARABAKH_CACHE": str(cache),
           "HOME": str(tmp_path)}
    code = (
        "import json, nltk, karabakh as kb\n"
        "from nltk.sentiment import SentimentIntensityAnalyzer\n"
        "root = kb.ensure_nltk_data()\n"
        "sents = nltk.sent_tokenize('Sept. 20 was calm. The U.S. said so.')\n"
        "score = SentimentIntensityAnalyzer().polarity_scores('a terrible attack')['compound']\n"
        "print(json.dumps({'root': str(root), 'sents': sents, 'score': score}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                         text=True, check=True)
    result = json.loads(out.stdout)
    # Either the machine has system-wide nltk_data (then root is None) or the cache was built.
    if result["root"] != "None":
        assert result["root"] == str(cache / "nltk_data")
        assert (cache / "nltk_data/tokenizers/punkt_tab/english/abbrev_types.txt").exists()
        assert (cache / "nltk_data/sentiment/vader_lexicon.zip").exists()
    assert result["sents"] == ["Sept. 20 was calm.", "The U.S. said so."]
    assert result["score"] < 0


def test_build_nltk_data_writes_trained_parameters(tmp_path):
    root = kb.build_nltk_data(tmp_path)
    abbrevs = (root / "tokenizers/punkt_tab/english/abbrev_types.txt").read_text().split()
    # Trained English parameters know these abbreviations; a seed-trained model would not.
    assert {"sept", "u.s", "dr", "mr"} <= set(abbrevs)
    assert "day" not in abbrevs


def test_read_data_csv_reports_bad_rows(tmp_path, monkeypatch):
    from importlib import resources as ir

    data = tmp_path / "karabakh" / "data"
    data.mkdir(parents=True)
    (data / "x.csv").write_text("# provenance\na,b\n1,2\n3\n", encoding="utf-8")
    monkeypatch.setattr(ir, "files", lambda pkg: tmp_path / "karabakh")
    try:
        read_data_csv("x.csv")
    except ValueError as exc:
        assert "x.csv, line 4: 1 fields, expected 2" in str(exc)
    else:
        raise AssertionError("a short row must raise")
