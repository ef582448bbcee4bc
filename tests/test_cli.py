"""The command line: readable summary, JSON contract, exit code 2 on bad input, no tracebacks."""

import json
import os
import subprocess
import sys

import pytest
from conftest import SEED_PATH

import karabakh as kb
from karabakh.output.cli import main, safe, summary


def run(*args, env=None, **kw):
    env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "karabakh", *args], capture_output=True,
                          text=True, env=env, **kw)


class Result:
    def __init__(self, returncode, stdout, stderr):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


@pytest.fixture
def cli(capsys):
    """Run the command line in this process (fast); subprocesses only where fds matter."""
    def call(*args):
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        return Result(code, out, err)
    return call


def one_line_error(out, *needles):
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert lines[0].startswith("karabakh: error: ")
    for needle in needles:
        assert needle in lines[0]
    assert "Traceback" not in out.stderr


def test_json_contract_on_seed(seed):
    out = run("analyze", str(SEED_PATH), "--json")
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""  # the seed has a dateline: nothing to warn about
    data = json.loads(out.stdout)
    assert set(data) == {"article", "sentences", *kb.EXTRACTORS, "warnings"}
    assert data["article"] == {"id": "000_bf20561892d8202b", "dateline": "2023-09-20",
                               "n_chars": len(seed.text), "n_words": seed.n_words,
                               "had_bom": False,
                               "offsets": "code points of the decoded text, BOM removed"}
    assert data["warnings"] == []
    assert len(data["sentences"]) == 33
    for key in ("sentences", *kb.EXTRACTORS):
        for rec in data[key] or []:
            assert list(rec)[:3] == ["start", "end", "text"]
            assert seed.text[rec["start"] : rec["end"]] == rec["text"]


def test_readable_summary(cli):
    out = cli("analyze", str(SEED_PATH))
    assert out.returncode == 0
    assert out.stdout.startswith("article 000_bf20561892d8202b  dateline 2023-09-20 (sidecar)")
    assert "sentences: 33" in out.stdout


def test_summary_shows_speakers_dates_and_categories(seed_analysis):
    text = summary(seed_analysis)
    lines = text.splitlines()
    for key in kb.EXTRACTORS:
        records = getattr(seed_analysis, key)
        want = f"{key}: not extracted yet" if records is None else f"{key}: {len(records)}"
        assert any(line.startswith(want) for line in lines), key
    quote_lines = [line for line in lines if line.startswith("  [") and ": “" in line]
    for q in seed_analysis.quotes:
        assert any(f"{q.start:>6}:" in line and (q.speaker_id or "?") in line for line in quote_lines)
    for d in seed_analysis.dates:
        assert any(f"{d.start:>6}:" in line and (d.value or "unresolved") in line for line in lines)
    header = next(line for line in lines if line.startswith("figures:"))
    for category in {f.category for f in seed_analysis.figures}:
        assert category in header
    resolved = sum(q.speaker_id is not None for q in seed_analysis.quotes)
    assert f"speaker resolved {resolved}/{len(seed_analysis.quotes)}" in text


def test_dateline_option_overrides(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Baku said so.", encoding="utf-8")
    data = json.loads(cli("analyze", str(path), "--json", "--dateline", "2023-09-21").stdout)
    assert data["article"]["dateline"] == "2023-09-21"
    no_date = json.loads(cli("analyze", str(path), "--json").stdout)
    assert no_date["article"]["dateline"] is None


def test_no_dateline_warns_on_stderr_and_in_json(cli, tmp_path):
    path = tmp_path / "nodate.txt"
    path.write_text("The president said on Tuesday that 3 soldiers were killed yesterday.",
                    encoding="utf-8")
    out = cli("analyze", str(path), "--json")
    assert out.returncode == 0
    data = json.loads(out.stdout)
    assert len(data["warnings"]) == 1 and "no dateline" in data["warnings"][0]
    assert out.stderr.splitlines() == [f"karabakh: warning: {data['warnings'][0]}"]
    assert "--dateline" in out.stderr
    plain = cli("analyze", str(path))
    assert "warning: " + data["warnings"][0] in plain.stdout.splitlines()
    # with a dateline there is nothing to warn about
    dated = cli("analyze", str(path), "--json", "--dateline", "2023-09-20")
    assert dated.stderr == "" and json.loads(dated.stdout)["warnings"] == []


@pytest.mark.parametrize("mode", ["w", "a"])
def test_json_redirected_to_the_sidecar_name_is_not_read_back(tmp_path, mode):
    """``analyze own.txt --json > own.json``: the output is never read as the sidecar."""
    path = tmp_path / "own.txt"
    path.write_text("date 2023-09-20\nBaku said so.", encoding="utf-8")
    out_path = tmp_path / "own.json"
    if mode == "a":  # `>>` onto an old, non-empty output
        out_path.write_text('{"dateline": "1999-01-01", "id": "old"}\n', encoding="utf-8")
    with open(out_path, mode, encoding="utf-8") as fh:
        proc = subprocess.run([sys.executable, "-m", "karabakh", "analyze", str(path), "--json"],
                              stdout=fh, stderr=subprocess.PIPE, text=True)
    assert proc.returncode == 0, proc.stderr
    written = out_path.read_text(encoding="utf-8").splitlines()[-1]
    data = json.loads(written)
    assert data["article"]["id"] == "own" and data["article"]["dateline"] == "2023-09-20"
    assert "Traceback" not in proc.stderr


def test_real_sidecar_is_read_and_empty_one_ignored(cli, tmp_path):
    path = tmp_path / "own.txt"
    path.write_text("Baku said so.", encoding="utf-8")
    path.with_suffix(".json").write_text('{"date": "2023-09-22T08:00:00Z", "id": "x1"}',
                                         encoding="utf-8")
    data = json.loads(cli("analyze", str(path), "--json").stdout)
    assert data["article"]["id"] == "x1" and data["article"]["dateline"] == "2023-09-22"
    path.with_suffix(".json").write_text("", encoding="utf-8")
    out = cli("analyze", str(path), "--json")
    assert out.returncode == 0
    assert "empty sidecar ignored" in out.stderr
    assert json.loads(out.stdout)["article"]["id"] == "own"
    # --no-sidecar and --sidecar PATH
    path.with_suffix(".json").write_text('{"dateline": "2023-09-22"}', encoding="utf-8")
    other = tmp_path / "meta.json"
    other.write_text('{"dateline": "2023-09-23"}', encoding="utf-8")
    assert json.loads(cli("analyze", str(path), "--json", "--no-sidecar").stdout)[
        "article"]["dateline"] is None
    assert json.loads(cli("analyze", str(path), "--json", "--sidecar", str(other)).stdout)[
        "article"]["dateline"] == "2023-09-23"


def test_bom_offsets_from_the_readers_side(cli, tmp_path):
    """A reader decoding with utf-8-sig (and newline='') gets every span exactly."""
    body = "date 2023-09-20\r\n“Baku’s goal is peace,” the ministry said.\r\n\r\n3 soldiers were killed."
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    data = json.loads(cli("analyze", str(path), "--json").stdout)
    assert data["article"]["had_bom"] is True
    assert data["article"]["offsets"] == "code points of the decoded text, BOM removed"
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader_text = fh.read()
    assert len(reader_text) == data["article"]["n_chars"]
    n = 0
    for key in ("sentences", *kb.EXTRACTORS):
        for rec in data[key] or []:
            assert reader_text[rec["start"] : rec["end"]] == rec["text"]
            n += 1
    assert n >= 5
    # a reader who keeps the BOM is one character off: the JSON says so
    with open(path, encoding="utf-8", newline="") as fh:
        naive = fh.read()
    first = data["sentences"][1]
    assert naive[first["start"] + 1 : first["end"] + 1] == first["text"]


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        (None, [], "no such file"),
        (b"", [], "empty file"),
        (b"ok \xfe", [], "not UTF-8"),
        (b"Calm.", ["--dateline", "Sept 20"], "unparseable dateline"),
        (b'<p class="q">Calm.</p>', [], "line 1, offset 0-13: HTML markup"),
    ],
)
def test_bad_input_exits_2_with_one_line(cli, tmp_path, content, args, message):
    path = tmp_path / "in.txt"
    if content is not None:
        path.write_bytes(content)
    out = cli("analyze", str(path), *args)
    assert out.returncode == 2
    one_line_error(out, message, "in.txt")


def test_sidecar_that_is_a_directory(cli, tmp_path):
    path = tmp_path / "in.txt"
    path.write_text("Calm.", encoding="utf-8")
    (tmp_path / "in.json").mkdir()
    out = cli("analyze", str(path))
    assert out.returncode == 2
    one_line_error(out, "in.json", "sidecar is a directory")


def test_file_name_too_long(cli, tmp_path):
    out = cli("analyze", str(tmp_path / ("x" * 300 + ".txt")))
    assert out.returncode == 2
    one_line_error(out, "xxxx", "file name too long")


def test_unreadable_file(cli, tmp_path):
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root reads everything")
    path = tmp_path / "locked.txt"
    path.write_text("Calm.", encoding="utf-8")
    path.chmod(0)
    out = cli("analyze", str(path))
    assert out.returncode == 2
    one_line_error(out, "locked.txt", "ermission denied")


@pytest.mark.parametrize("json_flag", [True, False])
def test_ascii_stdout(seed_analysis, json_flag):
    args = ["analyze", str(SEED_PATH)] + (["--json"] if json_flag else [])
    out = run(*args, env={"PYTHONIOENCODING": "ascii"})
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""
    out.stdout.encode("ascii")  # nothing outside ASCII reached the stream
    if json_flag:
        data = json.loads(out.stdout)
        assert data == json.loads(json.dumps(seed_analysis.to_dict()))  # same JSON, \u escapes
    else:
        assert "\\u201c" in out.stdout  # “ shown as an escape, not lost


def test_broken_pipe_is_a_clean_exit(tmp_path, seed):
    big = tmp_path / "big.txt"
    big.write_text(seed.text + ("\n\n" + seed.body) * 2, encoding="utf-8")  # JSON > a pipe's 64 KB
    for args in (["--json"],):
        proc = subprocess.Popen([sys.executable, "-m", "karabakh", "analyze", str(big), *args],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.read(100)  # like `| head -c 100`
        proc.stdout.close()
        err = proc.stderr.read().decode()
        assert proc.wait() == 0
        assert err == "", err


def test_control_characters_are_escaped_in_the_summary(cli, tmp_path):
    path = tmp_path / "esc.txt"
    path.write_text(
        "date 2023-09-20\n\x1b]0;pwned\x07Azerbaijan said \x1b[2J\"We will \u202eyawa og,\" "
        "the ministry said.\u2028 Two soldiers were killed\x08\x08.",
        encoding="utf-8",
    )
    path.with_suffix(".json").write_text(json.dumps({"id": "esc\x1b[2J"}), encoding="utf-8")
    out = cli("analyze", str(path))
    assert out.returncode == 0, out.stderr
    for bad in ("\x1b", "\x07", "\u202e", "\u2028", "\x08"):
        assert bad not in out.stdout
    assert out.stdout.startswith("article esc\\x1b[2J  ")
    assert "We will \\u202eyawa og" in out.stdout
    # the JSON keeps the text verbatim: escaping is for the terminal only
    data = json.loads(cli("analyze", str(path), "--json").stdout)
    assert any("\u202e" in q["text"] for q in data["quotes"])


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain “text” ok", "plain “text” ok"),
        ("a\x1b[31mred", "a\\x1b[31mred"),
        ("line\nbreak\ttab", "line\\nbreak\\ttab"),
        ("rtl \u202e and \u200b zero width", "rtl \\u202e and \\u200b zero width"),
        ("\x9b31m C1", "\\x9b31m C1"),
    ],
)
def test_safe(raw, shown):
    assert safe(raw) == shown


def test_unusable_home_and_cache_is_one_line_or_works(tmp_path):
    """A read-only HOME: the run still works (temporary cache) and prints no traceback."""
    home = tmp_path / "home"
    home.write_text("not a folder")  # unusable even for root, unlike a read-only folder
    empty = tmp_path / "empty_nltk"
    empty.mkdir()
    env = {"HOME": str(home), "NLTK_DATA": str(empty), "KARABAKH_CACHE": "",
           "XDG_CACHE_HOME": "", "TMPDIR": str(tmp_path / "tmp")}
    (tmp_path / "tmp").mkdir()
    out = run("analyze", str(SEED_PATH), env=env)
    assert "Traceback" not in out.stderr
    if out.returncode == 0:
        assert out.stdout.startswith("article 000_bf20561892d8202b")
    else:
        assert out.returncode == 2
        one_line_error(out, "KARABAKH_CACHE")


def test_broken_pipe_in_the_summary(monkeypatch, capsys):
    """The summary is small; a reader gone before it is written is simulated."""
    class Gone:
        encoding = "utf-8"

        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self):
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", Gone())
    assert main(["analyze", str(SEED_PATH)]) == 0
    assert capsys.readouterr().err == ""
