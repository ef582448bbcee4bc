"""Offline NLTK data: built from installed packages into a cache, never downloaded."""

import json
import os
import subprocess
import sys
import time

import pytest

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


# --------------------------------------------------------------- many processes, bad homes

PARALLEL_BUILDS = int(os.environ.get("KARABAKH_PARALLEL_BUILDS", "8"))

_WORKER = (
    "import os, sys, time\n"
    "import nltk\n"
    "from karabakh.resources import ensure_nltk_data\n"
    "go, ready = sys.argv[1], sys.argv[2]\n"
    "open(os.path.join(ready, str(os.getpid())), 'w').close()\n"
    "while not os.path.exists(go):\n"
    "    time.sleep(0.002)\n"
    "time.sleep(float(sys.argv[3]))  # staggered: some arrive while others are mid-build\n"
    "root = ensure_nltk_data()\n"
    "assert nltk.sent_tokenize('Sept. 20 was calm. Then it was not.') == "
    "['Sept. 20 was calm.', 'Then it was not.']\n"
    "nltk.data.load('sentiment/vader_lexicon.zip/vader_lexicon/vader_lexicon.txt', format='text')\n"
    "print(root)\n"
)


def test_many_processes_build_an_empty_cache_at_once(tmp_path):
    """All processes started together on an empty cache succeed (issue 14: 64 in the report)."""
    empty = tmp_path / "empty_nltk_data"
    empty.mkdir()
    cache = tmp_path / "cache"
    go, ready = tmp_path / "go", tmp_path / "ready"
    ready.mkdir()
    env = {**os.environ, "NLTK_DATA": str(empty), "KARABAKH_CACHE": str(cache)}
    procs = [
        subprocess.Popen([sys.executable, "-c", _WORKER, str(go), str(ready), str(0.02 * (i % 8))],
                         env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for i in range(PARALLEL_BUILDS)
    ]
    deadline = time.monotonic() + 600
    while len(list(ready.iterdir())) < len(procs) and time.monotonic() < deadline:
        if any(p.poll() is not None for p in procs):
            break  # one died while importing: the asserts below show why
        time.sleep(0.01)
    go.touch()  # all imported: release them together into the build
    results = [(p.wait(timeout=600), *p.communicate()) for p in procs]
    failures = [err for code, _, err in results if code != 0]
    assert failures == [], f"{len(failures)}/{len(procs)} failed:\n{failures[0]}"
    roots = {out.strip() for _, out, _ in results}
    assert roots <= {str(cache / "nltk_data"), "None"}
    if roots != {"None"}:  # the machine has no system-wide nltk_data: the cache was built
        punkt = cache / "nltk_data/tokenizers/punkt_tab/english"
        assert sorted(p.name for p in punkt.iterdir()) == [
            "abbrev_types.txt", "collocations.tab", "ortho_context.tab", "sent_starters.txt"]
        # no temporary folders or files left behind
        leftovers = [p for p in (cache / "nltk_data").rglob(".*")]
        assert leftovers == []


def test_build_replaces_an_interrupted_build(tmp_path):
    """A half-written punkt folder from an interrupted run is replaced, not trusted."""
    punkt = tmp_path / "tokenizers/punkt_tab/english"
    punkt.mkdir(parents=True)
    (punkt / "abbrev_types.txt").write_text("half\n", encoding="utf-8")
    kb.build_nltk_data(tmp_path)
    assert (punkt / "sent_starters.txt").exists()
    assert "sept" in (punkt / "abbrev_types.txt").read_text().split()
    assert [p.name for p in punkt.parent.iterdir()] == ["english"]


def _run_without_nltk_data(tmp_path, extra_env):
    empty = tmp_path / "empty_nltk_data"
    empty.mkdir(exist_ok=True)
    env = {**os.environ, "NLTK_DATA": str(empty), **extra_env}
    for key in ("KARABAKH_CACHE", "XDG_CACHE_HOME"):
        if key not in extra_env:
            env.pop(key, None)
    code = "from karabakh.resources import ensure_nltk_data\nprint(ensure_nltk_data())\n"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)


@pytest.mark.parametrize("variable", ["HOME", "KARABAKH_CACHE", "XDG_CACHE_HOME"])
def test_unusable_cache_falls_back_to_a_private_temporary_folder(tmp_path, variable):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x", encoding="utf-8")  # unusable even for root
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    out = _run_without_nltk_data(tmp_path, {variable: str(not_a_folder / "sub"),
                                            "HOME": str(not_a_folder), "TMPDIR": str(tmp)})
    assert out.returncode == 0, out.stderr
    root = out.stdout.strip()
    if root != "None":
        assert root == str(tmp / f"karabakh-{os.getuid()}" / "nltk_data")
        assert (tmp / f"karabakh-{os.getuid()}").stat().st_mode & 0o077 == 0  # private


def test_no_usable_folder_at_all_is_one_line_naming_the_variable(tmp_path, monkeypatch):
    import nltk

    from karabakh import resources

    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x", encoding="utf-8")
    monkeypatch.setattr(resources, "_has", lambda resource: False)
    monkeypatch.setattr(resources, "cache_dir", lambda: not_a_folder / "karabakh")

    def no_temp():
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(resources, "_fallback_cache_dir", no_temp)
    monkeypatch.setattr(nltk.data, "path", list(nltk.data.path))
    with pytest.raises(resources.ResourceError) as info:
        resources.ensure_nltk_data.__wrapped__()
    message = str(info.value)
    assert "\n" not in message
    assert "KARABAKH_CACHE" in message and str(not_a_folder) in message
    assert info.value.__cause__ is None  # one line, no chained traceback


def test_shared_fallback_folder_of_another_owner_is_refused(tmp_path, monkeypatch):
    import tempfile

    from karabakh import resources

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    (tmp_path / f"karabakh-{os.getuid()}").symlink_to(tmp_path)  # planted by someone else
    with pytest.raises(PermissionError, match="not a private directory"):
        resources._fallback_cache_dir()


def test_cache_dir_honours_the_variables(monkeypatch, tmp_path):
    from karabakh.resources import cache_dir

    monkeypatch.setenv("KARABAKH_CACHE", str(tmp_path / "k"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert cache_dir() == tmp_path / "k"
    monkeypatch.delenv("KARABAKH_CACHE")
    assert cache_dir() == tmp_path / "x" / "karabakh"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "h"))
    assert cache_dir() == tmp_path / "h" / ".cache" / "karabakh"
