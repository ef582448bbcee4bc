"""Corpus mode: inputs, output tables, failures, resume, and the same tables on
every executor (in-process, process pool, Dask LocalCluster).

The articles come from karabakh.output.templates (invented sentences, no news text)."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import shutil
from pathlib import Path

import _dying_worker  # in this folder, which pytest puts on sys.path (and so do the workers)
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import karabakh as kb
from karabakh.output.corpus import _record_schema, analyze_corpus, read_corpus
from karabakh.output.templates import templates_frame, write_templates

N = 12
RECORD_TABLES = ("sentences", "mentions", "quotes", "dates", "figures")


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return write_templates(tmp_path_factory.mktemp("folder"), N)


@pytest.fixture(scope="module")
def inline_run(folder, tmp_path_factory):
    return analyze_corpus(folder, out=tmp_path_factory.mktemp("out1"), processes=1,
                          progress=False, batch_size=5)


def _tables(out: Path) -> dict[str, pd.DataFrame]:
    frames = {}
    for d in sorted(p for p in Path(out).iterdir() if p.is_dir()):
        df = pd.read_parquet(d)
        if d.name == "articles":
            df = df.drop(columns=["seconds"])
        frames[d.name] = df.reset_index(drop=True)
    return frames


def _assert_same_tables(a: Path, b: Path) -> None:
    ta, tb = _tables(a), _tables(b)
    assert sorted(ta) == sorted(tb)
    for name in ta:
        pd.testing.assert_frame_equal(ta[name], tb[name], check_dtype=True, obj=name)


def _norm(column: pd.Series) -> list:
    """Values as plain Python, every kind of missing value as None."""
    return [None if v is None or v is pd.NA or (isinstance(v, float) and v != v) else
            (list(v) if (hasattr(v, "tolist") and not isinstance(v, str)) or isinstance(v, tuple)
             else v)
            for v in column.astype(object).tolist()]


# --- folder input ---------------------------------------------------------


def test_folder_run_writes_one_table_per_extractor(inline_run):
    assert (inline_run.n_done, inline_run.n_failed, inline_run.n_skipped) == (N, 0, 0)
    expected = {"sentences", "articles", "failures"} | {
        k for k in kb.EXTRACTORS if getattr(kb.analyze(kb.Article.from_text("Calm.")), k) is not None
    }
    assert set(inline_run.tables) == expected


@pytest.mark.parametrize("table", RECORD_TABLES)
def test_tables_match_analyze_article_by_article(inline_run, folder, table):
    got = read_corpus(inline_run.out, table)
    for path in sorted(folder.glob("*.txt"))[:4]:
        art = kb.read_article(path)
        want = kb.to_frame(getattr(kb.analyze(art), table))
        mine = got[got.article_id == art.id].drop(columns="article_id").reset_index(drop=True)
        assert len(mine) == len(want)
        for col in want.columns:
            assert _norm(mine[col]) == _norm(want[col]), f"{table}.{col} of {art.id}"


def test_every_span_indexes_its_article(inline_run, folder):
    texts = {kb.read_article(p).id: kb.read_article(p).text for p in folder.glob("*.txt")}
    for table in RECORD_TABLES:
        df = read_corpus(inline_run.out, table)
        assert len(df)
        for aid, start, end, text in df[["article_id", "start", "end", "text"]].itertuples(index=False):
            assert texts[aid][start:end] == text


def test_articles_table_has_datelines_counts_and_metadata(inline_run):
    arts = read_corpus(inline_run.out, "articles")
    assert arts["id"].tolist() == [f"gen-{i:06d}" for i in range(N)]
    assert arts["dateline"].notna().all()
    assert set(arts["dateline_source"]) == {"header", "sidecar"}
    quotes = read_corpus(inline_run.out, "quotes")
    assert arts.set_index("id")["n_quotes"].to_dict() == {
        aid: int((quotes.article_id == aid).sum()) for aid in arts["id"]
    }
    assert set(arts["outlet"]) <= set(kb.output.templates.OUTLETS)
    assert (arts["seconds"] > 0).all()


def test_tables_read_in_one_line_with_pyarrow_dataset(inline_run):
    import pyarrow.dataset as ds

    assert ds.dataset(inline_run.out / "quotes").count_rows() == len(read_corpus(inline_run.out, "quotes"))


# --- table inputs ---------------------------------------------------------


def _write_table(df: pd.DataFrame, path: Path) -> Path:
    if path.suffix == ".csv":
        df.to_csv(path, index=False)
    elif path.suffix == ".jsonl":
        df.to_json(path, orient="records", lines=True)
    else:
        df.to_parquet(path, index=False)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_table_input_gives_the_same_records_as_the_folder(suffix, inline_run, tmp_path):
    src = _write_table(templates_frame(N), tmp_path / f"corpus{suffix}")
    run = analyze_corpus(src, out=tmp_path / "out", processes=1, progress=False, batch_size=5)
    assert (run.n_done, run.n_failed) == (N, 0)
    for table in RECORD_TABLES:
        pd.testing.assert_frame_equal(read_corpus(run.out, table), read_corpus(inline_run.out, table))
    arts = read_corpus(run.out, "articles")
    assert arts["outlet"].tolist() == templates_frame(N)["outlet"].tolist()
    assert arts["dateline"].tolist() == read_corpus(inline_run.out, "articles")["dateline"].tolist()


@pytest.mark.parametrize(
    ("columns", "message"),
    [
        (["text", "date"], "missing column(s) id"),
        (["id", "date"], "missing column(s) text"),
    ],
)
def test_table_without_required_columns_is_refused(columns, message, tmp_path):
    src = _write_table(templates_frame(2)[columns], tmp_path / "t.csv")
    with pytest.raises(ValueError, match=r"t\.csv: " + message.replace("(", r"\(").replace(")", r"\)")):
        analyze_corpus(src, out=tmp_path / "out", processes=1, progress=False)


@pytest.mark.parametrize(
    ("source", "message"),
    [("missing", "no such file or folder"), ("notes.txt", "not a folder nor a table")],
)
def test_bad_source_is_refused(source, message, tmp_path):
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        analyze_corpus(tmp_path / source, out=tmp_path / "out", processes=1, progress=False)


@pytest.mark.parametrize(
    ("row", "error", "message"),
    [
        ({"id": "bad-date", "text": "Baku spoke.", "date": "20/09/2023"}, "ValueError", "unparseable dateline"),
        ({"id": "no-text", "text": None, "date": "2023-09-20"}, "ValueError", "empty article"),
        ({"id": "blank", "text": "   ", "date": "2023-09-20"}, "ValueError", "empty article"),
        ({"id": "gen-000001", "text": "A second article with the same id.", "date": None},
         "ValueError", "duplicate article id"),
    ],
)
def test_bad_rows_land_in_failures_and_the_run_goes_on(row, error, message, tmp_path, capsys):
    df = pd.concat([templates_frame(3), pd.DataFrame([row])], ignore_index=True)
    src = _write_table(df, tmp_path / "t.jsonl")
    run = analyze_corpus(src, out=tmp_path / "out", processes=1, progress=False)
    assert (run.n_done, run.n_failed) == (3, 1)
    failures = read_corpus(run.out, "failures")
    assert failures[["id", "error"]].values.tolist() == [[row["id"], error]]
    assert message in failures.loc[0, "message"]
    assert message in capsys.readouterr().err
    assert row["id"] not in set(read_corpus(run.out, "quotes")["article_id"]) or row["id"] == "gen-000001"
    assert read_corpus(run.out, "articles")["id"].is_unique


# --- a broken file in a folder --------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe not utf-8 at all", "not UTF-8"),
        (b"", "empty file"),
        (b"date 2023-13-45\nA header that is no date.", "unparseable dateline"),
        (b"Binary\x00data", "binary data"),
    ],
)
def test_broken_file_lands_in_failures_with_its_path(content, message, tmp_path, capsys):
    src = write_templates(tmp_path / "in", 6)
    broken = src / "gen-000003.txt"
    broken.write_bytes(content)
    run = analyze_corpus(src, out=tmp_path / "out", processes=1, progress=False, batch_size=2)
    assert (run.n_done, run.n_failed) == (5, 1)
    failures = read_corpus(run.out, "failures")
    assert failures["path"].tolist() == [str(broken)]
    assert failures.loc[0, "error"] == "ValueError" and message in failures.loc[0, "message"]
    err = capsys.readouterr().err
    assert str(broken) in err and message in err
    assert "gen-000003" not in set(read_corpus(run.out, "articles")["id"])


def test_malformed_sidecar_is_a_failure(tmp_path):
    src = write_templates(tmp_path / "in", 3)
    (src / "gen-000001.json").write_text("{not json", encoding="utf-8")
    run = analyze_corpus(src, out=tmp_path / "out", processes=1, progress=False)
    assert run.n_failed == 1
    assert "sidecar" in read_corpus(run.out, "failures").loc[0, "message"]


# --- resume ---------------------------------------------------------------


def test_resume_skips_finished_articles(folder, inline_run, tmp_path, monkeypatch):
    from karabakh.output import corpus

    calls: list[str] = []
    real = corpus._task_article

    def counting(task):
        calls.append(task["path"])
        if len(calls) > 7:
            raise KeyboardInterrupt  # an interrupt in the middle of the third batch
        return real(task)

    monkeypatch.setattr(corpus, "_task_article", counting)
    with pytest.raises(KeyboardInterrupt):
        analyze_corpus(folder, out=tmp_path / "out", processes=1, progress=False, batch_size=3)
    assert len(read_corpus(tmp_path / "out", "articles")) == 6
    calls.clear()
    run = analyze_corpus(folder, out=tmp_path / "out", processes=1, progress=False, batch_size=3)
    assert (run.n_skipped, run.n_done) == (6, N - 6)
    assert len(calls) == N - 6
    _assert_same_tables(inline_run.out, tmp_path / "out")
    again = analyze_corpus(folder, out=tmp_path / "out", processes=1, progress=False)
    assert (again.n_skipped, again.n_done) == (N, 0)


def test_resume_removes_parts_of_an_unfinished_batch(folder, inline_run, tmp_path):
    out = tmp_path / "out"
    analyze_corpus(folder, out=out, processes=1, progress=False, batch_size=5)
    # A crash after the quotes of the last batch were written, before its articles part.
    last = sorted((out / "articles").glob("*.parquet"))[-1]
    last.unlink()
    run = analyze_corpus(folder, out=out, processes=1, progress=False, batch_size=5)
    assert run.n_done == N - 10
    _assert_same_tables(inline_run.out, out)


def test_failures_are_tried_again_on_resume(tmp_path):
    src = write_templates(tmp_path / "in", 4)
    good = (src / "gen-000002.txt").read_bytes()
    (src / "gen-000002.txt").write_bytes(b"\xff")
    first = analyze_corpus(src, out=tmp_path / "out", processes=1, progress=False)
    assert first.n_failed == 1
    (src / "gen-000002.txt").write_bytes(good)
    second = analyze_corpus(src, out=tmp_path / "out", processes=1, progress=False)
    assert (second.n_done, second.n_failed, second.n_skipped) == (1, 0, 3)
    assert read_corpus(second.out, "failures").empty


# --- the same tables on every executor -----------------------------------


def test_two_processes_give_identical_tables(folder, inline_run, tmp_path):
    run = analyze_corpus(folder, out=tmp_path / "out", processes=2, progress=False, batch_size=2)
    assert run.n_done == N
    _assert_same_tables(inline_run.out, run.out)


def test_process_pool_tables_equal_a_plain_loop_over_analyze(folder, tmp_path):
    """Workers write their own parts: every row of every table is what analyze() gives."""
    from karabakh.output.corpus import _jsonable

    run = analyze_corpus(folder, out=tmp_path / "out", processes=2, progress=False, batch_size=5)
    assert (run.n_done, run.n_failed) == (N, 0)
    assert run.worker_cpu_seconds > 0 and run.worker_busy_seconds > 0
    assert not list(run.out.rglob(".*.tmp"))
    tables = {t: read_corpus(run.out, t) for t in run.tables if t not in ("articles", "failures")}
    arts = read_corpus(run.out, "articles").set_index("id")
    compared = 0
    for path in sorted(folder.glob("*.txt")):
        art = kb.read_article(path)
        result = kb.analyze(art)
        for table, got in tables.items():
            recs = getattr(result, table)
            assert arts.loc[art.id, f"n_{table}"] == len(recs)
            mine = got[got.article_id == art.id].drop(columns="article_id").reset_index(drop=True)
            assert len(mine) == len(recs), f"{table} of {art.id}"
            if not recs:
                continue
            _, as_json = _record_schema(type(recs[0]))
            want = kb.to_frame(recs).drop(columns="article_id", errors="ignore")
            assert list(mine.columns) == list(want.columns)
            for col in want.columns:
                if col in as_json:
                    expected = [json.loads(json.dumps(_jsonable(v))) for v in want[col]]
                    assert [None if v is None else json.loads(v) for v in mine[col]] == expected
                else:
                    assert _norm(mine[col]) == _norm(want[col]), f"{table}.{col} of {art.id}"
                compared += 1
    assert compared > N * len(tables)


def test_id_seen_in_an_earlier_batch_is_dropped_from_the_parts_its_worker_wrote(tmp_path):
    df = templates_frame(4)
    df.loc[3, "id"] = df.loc[0, "id"]  # same id, another text, in the second batch
    src = _write_table(df, tmp_path / "t.csv")
    run = analyze_corpus(src, out=tmp_path / "out", processes=1, progress=False, batch_size=2)
    assert (run.n_done, run.n_failed) == (3, 1)
    failures = read_corpus(run.out, "failures")
    assert failures["id"].tolist() == [df.loc[0, "id"]]
    assert "duplicate article id" in failures.loc[0, "message"]
    arts = read_corpus(run.out, "articles")
    assert arts["id"].is_unique and len(arts) == 3
    first = kb.analyze(kb.Article.from_text(df.loc[0, "text"], id=df.loc[0, "id"]))
    sentences = read_corpus(run.out, "sentences")
    assert (sentences["article_id"] == df.loc[0, "id"]).sum() == len(first.sentences)
    assert run.n_words == arts["n_words"].sum()


def test_a_batch_whose_worker_dies_leaves_no_rows_behind(folder, tmp_path, monkeypatch):
    from karabakh.output import corpus

    real = corpus._write_part

    def dying(out, table, stem, data, *, final=True):
        if table == "articles" and stem.startswith("part-000000005-"):
            raise MemoryError("worker killed")  # after its extractor parts were written
        return real(out, table, stem, data, final=final)

    monkeypatch.setattr(corpus, "_write_part", dying)
    run = analyze_corpus(folder, out=tmp_path / "out", processes=1, progress=False, batch_size=5)
    assert (run.n_done, run.n_failed) == (N - 5, 5)
    failures = read_corpus(run.out, "failures")
    assert set(failures["error"]) == {"MemoryError"}
    lost = {Path(p).stem for p in failures["path"]}
    for table in run.tables:
        if table not in ("articles", "failures"):
            assert not lost & set(read_corpus(run.out, table)["article_id"]), table
    left = sorted(f"{q.parent.name}/{q.name[:14]}" for q in run.out.rglob("*000000005*"))
    assert left == ["failures/part-000000005"]


# --- a worker process that dies hard (segfault, os._exit, OOM killer) -------

CULPRIT = "gen-000005"


@pytest.fixture(scope="module")
def culprit_run(folder, tmp_path_factory):
    """2 processes over the folder, where the worker running CULPRIT is killed (SIGKILL)."""
    from karabakh.output import corpus

    err = io.StringIO()
    with pytest.MonkeyPatch.context() as mp, contextlib.redirect_stderr(err):
        mp.setattr(corpus, "_run_batch", _dying_worker.DieOn(frozenset({CULPRIT})))
        run = analyze_corpus(folder, out=tmp_path_factory.mktemp("culprit"), processes=2,
                             progress=False, batch_size=3)
    return run, err.getvalue()


def test_an_article_that_kills_its_worker_is_the_only_failure(culprit_run, folder, inline_run):
    run, err = culprit_run
    assert (run.n_done, run.n_failed, run.n_skipped) == (N - 1, 1, 0)
    failures = read_corpus(run.out, "failures")
    culprit = str(folder / f"{CULPRIT}.txt")
    assert failures[["path", "error"]].values.tolist() == [[culprit, "WorkerDied"]]
    assert failures.loc[0, "message"] == (
        f"{culprit}: the worker process died (killed by SIGKILL, as the out-of-memory "
        "killer does) while it analysed this article alone")
    assert f"karabakh: skipped {culprit}: the worker process died" in err
    assert "karabakh: a worker process died (killed by SIGKILL" in err
    assert not list(run.out.rglob(".*.tmp"))
    # Every other article's rows are those of the undisturbed run, in the same order.
    want, got = _tables(inline_run.out), _tables(run.out)
    assert sorted(got) == sorted(want)
    for name in sorted(set(want) - {"failures"}):
        key = "id" if name == "articles" else "article_id"
        assert CULPRIT not in set(got[name][key]), name
        expected = want[name][want[name][key] != CULPRIT].reset_index(drop=True)
        pd.testing.assert_frame_equal(got[name], expected, check_dtype=True, obj=name)


def test_a_resumed_run_tries_the_article_that_killed_its_worker_again(culprit_run, inline_run,
                                                                    folder, tmp_path):
    run, _ = culprit_run
    out = shutil.copytree(run.out, tmp_path / "out")
    again = analyze_corpus(folder, out=out, processes=1, progress=False, batch_size=3)
    assert (again.n_done, again.n_failed, again.n_skipped) == (1, 0, N - 1)
    _assert_same_tables(inline_run.out, out)


def test_a_corpus_where_every_article_kills_its_worker_still_ends(tmp_path):
    from karabakh.output import corpus

    src = write_templates(tmp_path / "in", 4)
    stems = frozenset(p.stem for p in src.glob("*.txt"))
    err = io.StringIO()
    with pytest.MonkeyPatch.context() as mp, contextlib.redirect_stderr(err):
        mp.setattr(corpus, "_run_batch", _dying_worker.DieOn(stems, how="exit"))
        run = analyze_corpus(src, out=tmp_path / "out", processes=2, progress=False,
                             batch_size=2)
    assert (run.n_done, run.n_failed) == (0, 4)
    failures = read_corpus(run.out, "failures")
    assert sorted(failures["path"]) == sorted(str(p) for p in src.glob("*.txt"))
    assert set(failures["error"]) == {"WorkerDied"}
    assert all("worker process died (exit code 1)" in m for m in failures["message"])
    assert err.getvalue().count("karabakh: skipped") == 4
    assert read_corpus(run.out, "articles").empty
    for table in set(run.tables) - {"failures"}:  # the crashes' clean-up left no folder bare
        assert [p.name for p in (run.out / table).iterdir()] == [
            next((run.out / "articles").glob("part-empty-*")).name], table
        assert pd.read_parquet(run.out / table).empty, table


def test_dask_local_cluster_gives_identical_tables(folder, inline_run, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        run = analyze_corpus(folder, out=tmp_path / "out", scheduler=client, progress=False,
                             batch_size=4)
        assert client.status == "running"  # a client passed in is left open
    assert run.n_done == N
    _assert_same_tables(inline_run.out, run.out)


def test_dask_scheduler_address_gives_identical_tables(folder, inline_run, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        run = analyze_corpus(folder, out=tmp_path / "out", scheduler=cluster.scheduler_address,
                             progress=False, batch_size=6)
    _assert_same_tables(inline_run.out, run.out)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"processes": 0}, "processes must be at least 1"),
    ({"batch_size": 0}, "batch_size must be at least 1"),
    ({"scheduler": 42}, "scheduler must be an address"),
])
def test_bad_options_are_refused(kwargs, message, folder, tmp_path):
    with pytest.raises(ValueError, match=message):
        analyze_corpus(folder, out=tmp_path / "out", progress=False, **kwargs)


# --- schemas --------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class _Coded:
    start: int
    end: int
    text: str
    code: str | None
    weight: float | None
    context: list[str]
    tags: tuple[str, ...] | None
    extra: dict[str, int] | None
    flag: bool = False


@pytest.mark.parametrize(
    ("name", "arrow_type", "as_json"),
    [
        ("article_id", pa.string(), False),
        ("start", pa.int64(), False),
        ("code", pa.string(), False),
        ("weight", pa.float64(), False),
        ("context", pa.list_(pa.string()), False),
        ("tags", pa.list_(pa.string()), False),
        ("extra", pa.string(), True),
        ("flag", pa.bool_(), False),
    ],
)
def test_schema_comes_from_type_hints(name, arrow_type, as_json):
    schema, json_cols = _record_schema(_Coded)
    assert schema.field(name).type == arrow_type
    assert (name in json_cols) == as_json


def test_none_only_and_list_columns_keep_their_types_across_batches(tmp_path):
    from karabakh.output.corpus import _records_table, _write_part

    a = _records_table(_Coded, ["x"], [_Coded(0, 1, "a", None, None, [], None, None)])
    b = _records_table(_Coded, ["y"], [_Coded(0, 1, "b", "010", 2.5, ["c1", "c2"], ("t",), {"k": 1})])
    _write_part(tmp_path, "coded", "part-1", a)
    _write_part(tmp_path, "coded", "part-2", b)
    assert pq.read_schema(tmp_path / "coded" / "part-1.parquet") == pq.read_schema(
        tmp_path / "coded" / "part-2.parquet")
    df = read_corpus(tmp_path, "coded")
    assert df["context"].map(list).tolist() == [[], ["c1", "c2"]]
    assert json.loads(df.loc[1, "extra"]) == {"k": 1} and pd.isna(df.loc[0, "extra"])


# --- command line ---------------------------------------------------------


def test_cli_corpus_command(folder, inline_run, tmp_path, capsys):
    from karabakh.output.cli import main

    status = main(["corpus", str(folder), "--out", str(tmp_path / "out"), "--processes", "1", "--quiet"])
    assert status == 0
    assert f"{N} articles analysed, 0 failed" in capsys.readouterr().out
    _assert_same_tables(inline_run.out, tmp_path / "out")


def test_cli_corpus_bad_source_exits_2(tmp_path, capsys):
    from karabakh.output.cli import main

    assert main(["corpus", str(tmp_path / "nope"), "--out", str(tmp_path / "o"), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("karabakh: error:") and "no such file" in err


def test_progress_bar_is_quiet_when_not_a_terminal(folder, tmp_path, capsys):
    analyze_corpus(folder, out=tmp_path / "out", processes=1, progress=True)
    assert "articles/s" not in capsys.readouterr().err


def test_events_and_statements_become_tables_when_analyze_returns_them(folder, tmp_path, monkeypatch):
    """Any record list analyze() returns is written, with list fields (plover_context) kept."""
    from karabakh.extract.events import find_events
    from karabakh.output import corpus

    def with_events(article):
        a = kb.analyze(article)
        text = article.masked_text
        events = find_events(text, a.mentions, a.quotes, a.dates, a.sentences, on=article.dateline)
        statements = kb.find_statements(text, a.mentions, a.quotes, events, article_id=article.id)
        return dataclasses.replace(a, events=events, statements=statements)

    monkeypatch.setattr(corpus, "analyze", with_events)
    run = analyze_corpus(folder, out=tmp_path / "out", processes=1, progress=False, batch_size=5)
    assert {"events", "statements"} <= set(run.tables)
    events = read_corpus(run.out, "events")
    statements = read_corpus(run.out, "statements")
    arts = read_corpus(run.out, "articles").set_index("id")
    assert len(events) and len(statements)
    assert arts["n_events"].sum() == len(events) and arts["n_statements"].sum() == len(statements)
    assert pq.read_schema(next((run.out / "events").glob("*.parquet"))).field(
        "plover_context").type == pa.list_(pa.string())
    assert list(statements.columns).count("article_id") == 1
    assert set(statements["article_id"]) <= set(arts.index)


def test_on_dask_an_article_that_kills_its_worker_is_the_only_failure(folder, inline_run, tmp_path):
    """Dask gives up on a batch whose workers die (KilledWorker): its articles run again, alone."""
    distributed = pytest.importorskip("distributed")
    import dask

    from karabakh.output import corpus

    err = io.StringIO()
    with pytest.MonkeyPatch.context() as mp, contextlib.redirect_stderr(err), \
            dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                     dashboard_address=None, silence_logs=50) as cluster, \
            distributed.Client(cluster) as client:
        mp.setattr(corpus, "_run_batch", _dying_worker.DieOn(frozenset({CULPRIT})))
        run = analyze_corpus(folder, out=tmp_path / "out", scheduler=client, progress=False,
                             batch_size=3)
    assert (run.n_done, run.n_failed) == (N - 1, 1)
    failures = read_corpus(run.out, "failures")
    culprit = str(folder / f"{CULPRIT}.txt")
    assert failures[["path", "error"]].values.tolist() == [[culprit, "WorkerDied"]]
    assert "the Dask worker died (Dask gave up on it: KilledWorker)" in failures.loc[0, "message"]
    assert "karabakh: a Dask worker died" in err.getvalue()
    want, got = _tables(inline_run.out), _tables(run.out)
    for name in sorted(set(want) - {"failures"}):
        key = "id" if name == "articles" else "article_id"
        expected = want[name][want[name][key] != CULPRIT].reset_index(drop=True)
        pd.testing.assert_frame_equal(got[name], expected, check_dtype=True, obj=name)
