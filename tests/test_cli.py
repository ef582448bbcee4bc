"""The command line: readable summary, JSON contract, exit code 2 on bad input."""

import json
import subprocess
import sys

import pytest
from conftest import SEED_PATH

import karabakh as kb


def run(*args):
    return subprocess.run([sys.executable, "-m", "karabakh", *args], capture_output=True, text=True)


def test_json_contract_on_seed(seed):
    out = run("analyze", str(SEED_PATH), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) == {"article", "sentences", *kb.EXTRACTORS}
    assert data["article"] == {"id": "000_bf20561892d8202b", "dateline": "2023-09-20",
                               "n_chars": len(seed.text), "n_words": seed.n_words}
    assert len(data["sentences"]) == 33
    for key in ("sentences", *kb.EXTRACTORS):
        for rec in data[key] or []:
            assert list(rec)[:3] == ["start", "end", "text"]
            assert seed.text[rec["start"] : rec["end"]] == rec["text"]


def test_readable_summary():
    out = run("analyze", str(SEED_PATH))
    assert out.returncode == 0
    assert out.stdout.startswith("article 000_bf20561892d8202b  dateline 2023-09-20")
    assert "sentences: 33" in out.stdout


def test_dateline_option_overrides(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Baku said so.", encoding="utf-8")
    data = json.loads(run("analyze", str(path), "--json", "--dateline", "2023-09-21").stdout)
    assert data["article"]["dateline"] == "2023-09-21"
    no_date = json.loads(run("analyze", str(path), "--json").stdout)
    assert no_date["article"]["dateline"] is None


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        (None, [], "no such file"),
        (b"", [], "empty file"),
        (b"ok \xfe", [], "not UTF-8"),
        (b"Calm.", ["--dateline", "Sept 20"], "unparseable dateline"),
    ],
)
def test_bad_input_exits_2_with_one_line(tmp_path, content, args, message):
    path = tmp_path / "in.txt"
    if content is not None:
        path.write_bytes(content)
    out = run("analyze", str(path), *args)
    assert out.returncode == 2
    assert out.stdout == ""
    assert len(out.stderr.strip().splitlines()) == 1
    assert message in out.stderr and "in.txt" in out.stderr
