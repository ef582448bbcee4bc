"""Corpus mode: every article of a folder or a table through :func:`analyze`.

:func:`analyze_corpus` reads a folder of ``.txt`` files (each with its
sidecar JSON or ``date`` header, as :func:`read_article` reads it) or a table
of articles (CSV, JSON Lines or Parquet with ``id``, ``text`` and ``date``
columns; other columns are kept as metadata), runs :func:`analyze` on every
article, on all local cores with the standard library's
:class:`~concurrent.futures.ProcessPoolExecutor` or on a Dask cluster
(``scheduler="tcp://host:port"`` or a ``distributed.Client``) through the
same code path, and writes one tidy Parquet table per extractor.

Output layout (one folder per table, one Parquet file per batch)::

    OUT/sentences/part-000000000-3f2a.parquet
    OUT/mentions/...  OUT/quotes/...  OUT/dates/...  OUT/figures/...
    OUT/articles/...  (id, path, dateline, counts, seconds, metadata as JSON)
    OUT/failures/...  (id, path, error, message)

Every extractor table has ``article_id`` (the corpus id, which replaces a
record's own ``article_id`` field) and the record's fields; any
record list the :class:`Analysis` has (see :data:`EXTRACTORS`) that is not
``None`` becomes a table, so new extractors appear without changes here.
Read a table in one line: ``pd.read_parquet("OUT/quotes")`` or
``duckdb.sql("SELECT * FROM 'OUT/quotes/*.parquet'")``, or with
:func:`read_corpus`.

The Parquet schema of a table comes from the record's dataclass type hints,
never from the values, so every batch has the same types and a column that
is ``None`` in every row still has its type: ``int`` -> int64, ``str`` ->
string, ``bool`` -> bool, ``float`` -> float64, ``list[T]``/``tuple[T, ...]``
-> list of T, and anything else (dicts, ``Any``) a JSON string.

Memory stays flat: articles stream through in batches (at most two batches
per worker in flight) and each batch is written as soon as it is done. A
local worker writes its batch's extractor parts itself, then its
``articles`` part under a temporary name; the parent only checks the ids
(unique across the run), writes the failures and renames the ``articles``
part, so it never becomes the workers' bottleneck. (A Dask worker, which
may not see this disk, returns its Arrow tables for the parent to write.)
Only batches with an ``articles`` part count as done; so a run that is
interrupted (Ctrl-C, a crash) is resumed by running it again with the same
``out``: finished articles are skipped, half-written batches removed.
Articles that failed are tried again on a resumed run.

A local worker process that dies hard (a segfault, ``os._exit``, the
out-of-memory killer) does not stop the run either: a new pool takes over,
the batches that were in flight run again, each alone, and the articles of
a batch that kills its worker alone run one at a time. Only an article
that kills its worker when it runs alone becomes a failure (error
``WorkerDied``, with the exit code or signal); the rest of its batch, and
the batches that were only in flight beside it, end up in the tables as in
an undisturbed run.

>>> import tempfile
>>> from karabakh.output.templates import write_templates
>>> src = write_templates(tempfile.mkdtemp(), 4)
>>> run = analyze_corpus(src, out=tempfile.mkdtemp(), processes=1, progress=False)
>>> run.n_done, run.n_failed, {"articles", "failures", "quotes"} <= set(run.tables)
(4, 0, True)
>>> read_corpus(run.out, "quotes")["article_id"].nunique()
4
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures as cf
import dataclasses
import datetime as dt
import functools
import json
import multiprocessing
import os
import secrets
import signal
import sys
import tempfile
import time
import types
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import records as _records
from ..text.articles import Article, parse_dateline, read_article
from .analysis import EXTRACTORS, analyze

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = ["CorpusRun", "add_corpus_parser", "analyze_corpus", "read_corpus", "run_corpus"]

#: The tables every run writes besides the extractor tables.
_BOOK_TABLES = ("articles", "failures")
_TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".parquet", ".pq")
_KNOWN_RECORDS: dict[str, type] = {
    "sentences": _records.Sentence,
    "mentions": _records.Mention,
    "quotes": _records.Quote,
    "dates": _records.DateRef,
    "figures": _records.Figure,
}


@dataclass(frozen=True)
class CorpusRun:
    """What a corpus run did and where it wrote.

    Attributes:
        out: the output folder (one sub-folder per table).
        n_done: articles analysed and written in this run.
        n_failed: articles that failed in this run (see the ``failures`` table).
        n_skipped: articles skipped because an earlier run had written them.
        n_words: words in the articles analysed in this run.
        seconds: wall-clock time of the run.
        tables: the names of the tables present in ``out``.
        worker_peak_mib: the largest peak resident memory of a worker
            process (MiB), where the platform reports it, else ``None``.
        worker_cpu_seconds: CPU time the batches took in their workers
            (reading, analysing, building and writing the tables), summed
            over workers; with the run's own CPU time it gives the cost of
            an article independently of what else the machine runs.
        worker_busy_seconds: wall-clock time the batches took in their
            workers, summed; over ``seconds`` times the number of workers it
            is the share of the run the workers were busy (the rest they
            waited: for start-up, for this process, at the end).

    >>> CorpusRun(Path("x"), 1, 0, 0, 10, 0.5, ("articles",)).n_done
    1
    """

    out: Path
    n_done: int
    n_failed: int
    n_skipped: int
    n_words: int
    seconds: float
    tables: tuple[str, ...] = field(default=())
    worker_peak_mib: float | None = None
    worker_cpu_seconds: float = 0.0
    worker_busy_seconds: float = 0.0

    def read(self, table: str) -> pd.DataFrame:
        """Read one table of this run into a DataFrame (see :func:`read_corpus`).

        >>> import tempfile
        >>> run = CorpusRun(Path(tempfile.mkdtemp()), 0, 0, 0, 0, 0.0)
        >>> run.read("quotes").empty
        True
        """
        return read_corpus(self.out, table)


# --------------------------------------------------------------------------
# Inputs: a stream of small tasks (a path, or an id with its text)
# --------------------------------------------------------------------------


def _iter_tasks(source: str | os.PathLike[str]) -> tuple[Iterator[dict[str, Any]], int | None]:
    """Tasks for every article of ``source`` and their number when known cheaply."""
    p = Path(source)
    if not p.exists():
        raise ValueError(f"{p}: no such file or folder")
    if p.is_dir():
        paths = sorted(q for q in p.rglob("*.txt") if q.is_file())
        if not paths:
            raise ValueError(f"{p}: no .txt files in this folder")
        return ({"path": str(q)} for q in paths), len(paths)
    suffix = p.suffix.lower()
    if suffix not in _TABLE_SUFFIXES:
        raise ValueError(
            f"{p}: not a folder nor a table of articles (expected .csv, .jsonl or .parquet)"
        )
    if suffix in (".parquet", ".pq"):
        import pyarrow.parquet as pq

        try:
            pf = pq.ParquetFile(p)
        except Exception as exc:  # pyarrow raises its own error classes
            raise ValueError(f"{p}: not a readable Parquet file ({exc})") from None
        _check_columns(p, pf.schema_arrow.names)
        return _parquet_tasks(p, pf), pf.metadata.num_rows
    return _text_table_tasks(p, suffix), None


def _check_columns(path: Path, columns: Sequence[str]) -> None:
    missing = [c for c in ("id", "text") if c not in columns]
    if missing:
        raise ValueError(
            f"{path}: missing column(s) {', '.join(missing)} (a table of articles needs "
            f"id, text and optionally date; found {', '.join(map(str, columns)) or 'none'})"
        )


def _row_task(path: Path, rowno: int, row: Mapping[str, Any]) -> dict[str, Any]:
    meta = {k: _plain(v) for k, v in row.items() if k not in ("id", "text", "date")}
    return {
        "id": None if _missing(row.get("id")) else str(row["id"]),
        "text": row.get("text"),
        "date": _plain(row.get("date")),
        "metadata": meta,
        "where": f"{path}: row {rowno}",
    }


def _parquet_tasks(path: Path, pf: Any) -> Iterator[dict[str, Any]]:
    rowno = 0
    for batch in pf.iter_batches(batch_size=1000):
        for row in batch.to_pylist():
            rowno += 1
            yield _row_task(path, rowno, row)


def _text_table_tasks(path: Path, suffix: str) -> Iterator[dict[str, Any]]:
    import pandas as pd

    try:
        if suffix == ".csv":
            reader: Any = pd.read_csv(path, chunksize=1000, dtype={"id": str},
                                      keep_default_na=False, na_values=[""])
        else:
            reader = pd.read_json(path, lines=True, chunksize=1000, dtype=False)
        with reader:
            rowno = 0
            for chunk in reader:
                if rowno == 0:
                    _check_columns(path, list(chunk.columns))
                for row in chunk.to_dict("records"):
                    rowno += 1
                    yield _row_task(path, rowno, row)
    except (ValueError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        msg = str(exc)
        if not msg.startswith(str(path)):
            first = msg.splitlines()[0] if msg else type(exc).__name__
            msg = f"{path}: cannot read the table ({first})"
        raise ValueError(msg) from None


def _missing(value: Any) -> bool:
    """None, NaN, NaT or pandas' NA."""
    if value is None or type(value).__name__ == "NAType":
        return True
    try:
        return bool(value != value)  # NaN and NaT are not equal to themselves
    except (TypeError, ValueError):
        return False


def _plain(value: Any) -> Any:
    """A table cell as plain JSON-able Python (NaN -> None, timestamps -> ISO)."""
    if _missing(value):
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            value = value.item()  # numpy scalars
        except (ValueError, AttributeError):
            pass
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _task_article(task: Mapping[str, Any]) -> Article:
    if "path" in task:
        return read_article(task["path"])
    where = task["where"]
    if task["id"] is None or task["id"] == "":
        raise ValueError(f"{where}: no id")
    text = task["text"]
    if _missing(text):
        raise ValueError(f"{where}: empty article (no text)")
    if not isinstance(text, str):
        raise ValueError(f"{where}: text must be a string, not {type(text).__name__}")
    date = task["date"]
    if date is not None and not isinstance(date, str):
        date = str(date)
    return Article.from_text(
        text,
        parse_dateline(date, where=f"{where}: date") if date else None,
        id=task["id"],
        metadata=task["metadata"],
        path=where,
    )


# --------------------------------------------------------------------------
# Schemas: from the record dataclasses, never from the values
# --------------------------------------------------------------------------


def _arrow_type(hint: Any) -> tuple[Any, bool]:
    """The Arrow type for a type hint, and whether values go through JSON."""
    import pyarrow as pa

    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return _arrow_type(args[0])
        return pa.string(), True
    if origin is typing.Literal:
        values = typing.get_args(hint)
        if values and all(isinstance(v, str) for v in values):
            return pa.string(), False
        return pa.string(), True
    if origin in (list, tuple, Sequence, frozenset, set) or (
        isinstance(origin, type) and issubclass(origin, (list, tuple))
    ):
        args = [a for a in typing.get_args(hint) if a is not Ellipsis]
        if len(args) == 1:
            inner, as_json = _arrow_type(args[0])
            if not as_json:
                return pa.list_(inner), False
        return pa.string(), True
    simple = {bool: pa.bool_(), int: pa.int64(), float: pa.float64(), str: pa.string(),
              dt.date: pa.date32()}
    if hint in simple:
        return simple[hint], False
    return pa.string(), True


@functools.cache
def _record_schema(cls: type) -> tuple[pa.Schema, frozenset[str]]:
    """The Arrow schema of a record table (``article_id`` first) and its JSON columns."""
    import pyarrow as pa

    try:
        hints = typing.get_type_hints(cls)
    except Exception:  # unresolvable forward references: keep every field as JSON
        hints = {}
    fields = [pa.field("article_id", pa.string(), nullable=False)]
    as_json: set[str] = set()
    for f in dataclasses.fields(cls):
        if f.name == "article_id":  # the record's own (Statement has one): the corpus id wins
            continue
        typ, js = _arrow_type(hints.get(f.name, Any))
        fields.append(pa.field(f.name, typ))
        if js:
            as_json.add(f.name)
    return pa.schema(fields), frozenset(as_json)


def _record_class(key: str, records: Sequence[Any]) -> type | None:
    if key in _KNOWN_RECORDS:
        return _KNOWN_RECORDS[key]
    if records:
        return type(records[0])
    guess = getattr(_records, key[:-1].capitalize(), None) if key.endswith("s") else None
    return guess if dataclasses.is_dataclass(guess) and isinstance(guess, type) else None


def _json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(_jsonable(value), ensure_ascii=False, sort_keys=True)


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def _records_table(cls: type, article_ids: list[str], recs: list[Any]) -> pa.Table:
    import pyarrow as pa

    schema, as_json = _record_schema(cls)
    columns: dict[str, list[Any]] = {"article_id": article_ids}
    for name in schema.names[1:]:
        values = [getattr(r, name, None) for r in recs]
        if name in as_json:
            values = [_json(v) for v in values]
        elif pa.types.is_list(schema.field(name).type):
            values = [None if v is None else list(v) for v in values]
        columns[name] = values
    return pa.Table.from_pydict(columns, schema=schema)


@functools.cache
def _articles_schema() -> pa.Schema:
    import pyarrow as pa

    counts = [pa.field(f"n_{k}", pa.int64()) for k in ("sentences", *EXTRACTORS)]
    return pa.schema(
        [
            pa.field("id", pa.string(), nullable=False),
            pa.field("path", pa.string()),
            pa.field("dateline", pa.date32()),
            pa.field("dateline_source", pa.string()),
            pa.field("n_chars", pa.int64()),
            pa.field("n_words", pa.int64()),
            *counts,
            pa.field("seconds", pa.float64()),
            pa.field("metadata", pa.string()),
        ]
    )


@functools.cache
def _failures_schema() -> pa.Schema:
    import pyarrow as pa

    return pa.schema(
        [
            pa.field("id", pa.string()),
            pa.field("path", pa.string()),
            pa.field("error", pa.string()),
            pa.field("message", pa.string()),
        ]
    )


# --------------------------------------------------------------------------
# The work of one batch (runs in a worker process or on a Dask worker)
# --------------------------------------------------------------------------


def _run_batch(
    tasks: list[dict[str, Any]], out: str | None = None, stem: str | None = None
) -> dict[str, Any]:
    """Analyse a batch of tasks; write its parts or return them.

    With ``out`` (a local worker, which shares the parent's disk) the
    worker writes its extractor parts itself and its ``articles`` part under
    a temporary name that the parent renames when it commits the batch, and
    returns only what the parent needs to commit it: the ids, paths and
    words of the articles and the failure rows. So the parent neither
    unpickles records nor writes Parquet, and never becomes the bottleneck
    of the workers. Without ``out`` (a Dask worker, maybe on another
    machine) the Arrow tables themselves are returned, for the parent to
    write.
    """
    import pyarrow as pa

    cpu0, wall0 = time.process_time(), time.perf_counter()
    _warm_up()
    per_table: dict[str, tuple[type, list[str], list[Any]]] = {}
    extracted: set[str] = set()
    articles: list[dict[str, Any]] = []
    failures: list[dict[str, Any]] = []
    batch_ids: set[str] = set()
    for task in tasks:
        where = task.get("path") or task.get("where")
        t0 = time.perf_counter()
        try:
            article = _task_article(task)
            if article.id in batch_ids:
                raise ValueError(f"{where}: duplicate article id {article.id!r}")
            batch_ids.add(article.id)
            result = analyze(article)
        except Exception as exc:  # one broken article never stops the run
            failures.append(
                {"id": task.get("id"), "path": where, "error": type(exc).__name__,
                 "message": str(exc)}
            )
            continue
        seconds = time.perf_counter() - t0
        row: dict[str, Any] = {
            "id": article.id,
            "path": article.path,
            "dateline": article.dateline,
            "dateline_source": article.dateline_source,
            "n_chars": len(article.text),
            "n_words": article.n_words,
        }
        for key in ("sentences", *EXTRACTORS):
            recs = getattr(result, key, None)
            row[f"n_{key}"] = None if recs is None else len(recs)
            if recs is None:
                continue
            extracted.add(key)
            cls = _record_class(key, recs)
            if cls is None or not recs:
                continue
            entry = per_table.setdefault(key, (cls, [], []))
            entry[1].extend([article.id] * len(recs))
            entry[2].extend(recs)
        row["seconds"] = seconds
        row["metadata"] = _json(dict(article.metadata)) if article.metadata else None
        articles.append(row)
    tables = {key: _records_table(cls, ids, recs) for key, (cls, ids, recs) in per_table.items()}
    arts = pa.Table.from_pylist(articles, schema=_articles_schema())
    done: dict[str, Any] = {
        "extracted": sorted(extracted),
        "failures": failures,
        "ids": [r["id"] for r in articles],
        "paths": [r["path"] for r in articles],
        "n_words": sum(r["n_words"] for r in articles),
        "peak_mib": _peak_mib(),
    }
    if out is None or stem is None:
        done.update(tables=tables, articles=arts)
    else:
        where_to = Path(out)
        for key, table in tables.items():
            _write_part(where_to, key, stem, table)
        done.update(written=sorted(tables), pending=str(_write_part(
            where_to, "articles", stem, arts, final=False)))
    done["cpu_seconds"] = time.process_time() - cpu0
    done["busy_seconds"] = time.perf_counter() - wall0
    return done


def _peak_mib() -> float | None:
    """Peak resident memory of this process in MiB (``None`` where unknown)."""
    try:
        import resource
    except ImportError:  # not on Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


@functools.cache
def _warm_up() -> None:
    """Load the dictionaries and the writers once per process.

    So ``seconds`` times the analysis alone, and, run in the fork server,
    every worker starts with them in memory. pyarrow imports pandas the
    first time it builds a table from Python lists, so pandas is loaded here
    too rather than in every worker's first batch.
    """
    import pandas  # noqa: F401
    import pyarrow.parquet  # noqa: F401

    analyze(Article.from_text("date 2023-09-20 “Calm,” Baku said on Tuesday; 3 died."))


class _InlineExecutor(cf.Executor):
    """Runs each task at once in this process (``processes=1``)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> cf.Future[Any]:
        fut: cf.Future[Any] = cf.Future()
        try:
            fut.set_result(fn(*args, **kwargs))
        except Exception as exc:  # as a pool would; KeyboardInterrupt goes through
            fut.set_exception(exc)
        return fut


# --------------------------------------------------------------------------
# Writing and resuming
# --------------------------------------------------------------------------


def _write_part(out: Path, table: str, stem: str, data: pa.Table, *, final: bool = True) -> Path:
    """Write one part file (atomically: a hidden temporary file, then a rename).

    With ``final=False`` the temporary file is left for :func:`_finish_part`
    (the parent commits a batch by renaming its ``articles`` part) and its
    path is returned; a resumed run removes such leftovers.
    """
    import pyarrow.parquet as pq

    folder = out / table
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{stem}.parquet.tmp"
    pq.write_table(data, tmp)
    if not final:
        return tmp
    path = folder / f"{stem}.parquet"
    os.replace(tmp, path)
    return path


def _finish_part(tmp: Path) -> None:
    """Give a part written with ``final=False`` its final name."""
    os.replace(tmp, tmp.with_name(tmp.name[1:].removesuffix(".tmp")))


def _resume_state(out: Path) -> tuple[set[str], set[str]]:
    """Ids and paths already written; remove parts of batches that never finished."""
    done_ids: set[str] = set()
    done_paths: set[str] = set()
    committed: set[str] = set()
    arts = out / "articles"
    if arts.is_dir():
        import pyarrow.parquet as pq

        for part in sorted(arts.glob("*.parquet")):
            committed.add(part.stem)
            t = pq.read_table(part, columns=["id", "path"])
            done_ids.update(t.column("id").to_pylist())
            done_paths.update(os.path.abspath(p) for p in t.column("path").to_pylist() if p)
    if out.is_dir():
        for folder in out.iterdir():
            if not folder.is_dir():
                continue
            for tmp in folder.glob(".*.tmp"):
                tmp.unlink()
            if folder.name == "articles":
                continue
            for part in folder.glob("*.parquet"):
                # Failures are tried again, so their old rows go; so do the parts
                # of a batch whose articles part was never written.
                if folder.name == "failures" or part.stem not in committed:
                    part.unlink()
    return done_ids, done_paths


def _empty_parts(out: Path, extracted: set[str], token: str) -> None:
    """Give every extracted table with no rows yet an empty part, so it reads.

    So does a table folder that the clean-up after a dead worker (or a
    resumed run) left without parts: a glob over it (DuckDB) would find no file.
    """
    import pyarrow as pa

    folders = {d.name for d in out.iterdir() if d.is_dir()} - set(_BOOK_TABLES)
    for key in sorted(extracted | folders):
        folder = out / key
        if folder.is_dir() and any(folder.glob("*.parquet")):
            continue
        cls = _record_class(key, [])
        if cls is None:
            continue
        schema, _ = _record_schema(cls)
        _write_part(out, key, f"part-empty-{token}", schema.empty_table())
    for key, schema in (("failures", _failures_schema()), ("articles", _articles_schema())):
        folder = out / key
        if not (folder.is_dir() and any(folder.glob("*.parquet"))):
            _write_part(out, key, f"part-empty-{token}", pa.Table.from_pylist([], schema=schema))


def _executor(
    processes: int | None, scheduler: Any
) -> tuple[cf.Executor, int, Callable[[], None]]:
    """The executor, the number of workers, and how to close what was opened."""
    if scheduler is not None:
        try:
            from distributed import Client
        except ImportError:
            raise ValueError(
                "scheduler: Dask is not installed; pip install 'karabakh[dask]'"
            ) from None
        if isinstance(scheduler, Client):
            client, own = scheduler, False
        elif isinstance(scheduler, str):
            try:
                client, own = Client(scheduler, timeout="10s"), True  # type: ignore[no-untyped-call]
            except (OSError, TimeoutError) as exc:
                raise ValueError(f"scheduler {scheduler}: cannot connect ({exc})") from None
        else:
            raise ValueError(
                f"scheduler must be an address like 'tcp://host:8786' or a distributed.Client, "
                f"not {type(scheduler).__name__}"
            )
        n = max(1, sum(client.nthreads().values()))  # type: ignore[no-untyped-call]
        ex = client.get_executor(pure=False)  # type: ignore[no-untyped-call]
        return ex, n, (client.close if own else (lambda: None))
    if processes is None:
        processes = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
            os.cpu_count() or 1
        )
    if processes < 1:
        raise ValueError(f"processes must be at least 1, not {processes}")
    if processes == 1:
        return _InlineExecutor(), 1, lambda: None
    # Not fork: the parent may have threads (a notebook, a Dask client). The fork
    # server imports karabakh and loads its dictionaries once; workers fork from it.
    ctx: multiprocessing.context.BaseContext
    if "forkserver" in multiprocessing.get_all_start_methods():
        server = multiprocessing.get_context("forkserver")
        server.set_forkserver_preload(["karabakh.output._corpus_warm"])
        ctx = server
    else:
        ctx = multiprocessing.get_context("spawn")
    pool = cf.ProcessPoolExecutor(processes, mp_context=ctx)
    return pool, processes, lambda: pool.shutdown(wait=True, cancel_futures=True)


def _batches(
    tasks: Iterator[dict[str, Any]], size: int, done_ids: set[str], done_paths: set[str],
    total: int | None = None, workers: int = 1,
) -> Iterator[tuple[list[int], list[dict[str, Any]], int]]:
    """(indices of the tasks in the input, tasks, number skipped) batches of unfinished tasks.

    When the number of tasks is known and there are several workers, the
    batches shrink towards the end (to about a ``2 * workers``-th of what is
    left, and never below an eighth of ``size``), so the workers finish
    together instead of one waiting for the other's last full batch.

    >>> tasks = ({"id": str(i)} for i in range(20))
    >>> [len(b) for _, b, _ in _batches(tasks, 4, set(), set(), 20, 2)]
    [4, 4, 3, 3, 2, 1, 1, 1, 1]
    >>> [i for i, _, _ in _batches(({"id": str(i)} for i in range(5)), 2, {"1"}, set())]
    [[0, 2], [3, 4]]
    """
    batch: list[dict[str, Any]] = []
    indices: list[int] = []
    skipped = 0
    for i, task in enumerate(tasks):
        if ("path" in task and os.path.abspath(task["path"]) in done_paths) or (
            task.get("id") is not None and task["id"] in done_ids
        ):
            skipped += 1
            continue
        if not batch:
            limit = size
            if total is not None and workers > 1:
                limit = max(size // 8, 1, min(size, -(-(total - i) // (2 * workers))))
        batch.append(task)
        indices.append(i)
        if len(batch) >= limit:
            yield indices, batch, skipped
            batch, indices, skipped = [], [], 0
    if batch or skipped:
        yield indices, batch, skipped


def analyze_corpus(
    source: str | os.PathLike[str],
    *,
    out: str | os.PathLike[str] | None = None,
    processes: int | None = None,
    scheduler: Any = None,
    progress: bool = True,
    batch_size: int = 50,
) -> CorpusRun:
    """Run :func:`analyze` on every article of a folder or table; write Parquet tables.

    Args:
        source: a folder of ``.txt`` articles (searched recursively; sidecar
            JSON or ``date`` header as :func:`read_article` reads them), or a
            ``.csv``, ``.jsonl`` or ``.parquet`` table with ``id``, ``text``
            and optionally ``date`` (``YYYY-MM-DD``) columns; other columns
            are kept, as JSON, in the ``metadata`` column of ``articles``.
        out: the output folder; an existing one is resumed (its finished
            articles are skipped). ``None`` writes to a new temporary folder.
        processes: local worker processes; ``None`` uses every core, ``1``
            runs in this process.
        scheduler: a Dask scheduler address (``"tcp://host:8786"``) or a
            ``distributed.Client``; then ``processes`` is ignored and the
            batches run on the cluster (``pip install 'karabakh[dask]'``).
        progress: show a tqdm progress bar (articles/s and words/s) on
            standard error; it stays quiet when that is not a terminal.
        batch_size: articles per batch (one Parquet part per table each).

    Returns:
        A :class:`CorpusRun` with the counts and the output folder.

    Raises:
        ValueError: if ``source`` is missing or not a folder or table of
            articles, or a table lacks the ``id`` or ``text`` column. A broken
            article never raises: it goes to the ``failures`` table and to
            standard error, and the run goes on. Nor does a local worker
            process that dies (a segfault, the out-of-memory killer): a new
            pool takes over and runs the batches that were in flight again,
            each alone, then the articles of one that kills its worker again
            one at a time; only an article that kills its worker alone is a
            failure (error ``WorkerDied``, the message naming its file or row
            and the worker's exit code or signal). So a corpus where every
            article kills its worker still ends, each article a failure.

    >>> import tempfile
    >>> from karabakh.output.templates import templates_frame
    >>> src = Path(tempfile.mkdtemp()) / "corpus.csv"
    >>> templates_frame(3).to_csv(src, index=False)
    >>> analyze_corpus(src, out=tempfile.mkdtemp(), processes=1, progress=False).n_done
    3
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    t_start = time.perf_counter()
    tasks, total = _iter_tasks(source)
    out_dir = Path(out) if out is not None else Path(tempfile.mkdtemp(prefix="karabakh-corpus-"))
    if out_dir.exists() and not out_dir.is_dir():
        raise ValueError(f"{out_dir}: output exists and is not a folder")
    out_dir.mkdir(parents=True, exist_ok=True)
    # The workers start first and load the dictionaries while this process
    # reads what an earlier run wrote.
    executor, n_workers, close = _executor(processes, scheduler)
    try:
        if isinstance(executor, cf.ProcessPoolExecutor):
            for _ in range(n_workers):
                executor.submit(_warm_up)
            # pyarrow imports pandas for any table it builds, even an empty one
            # (0.5 s): load them now, while the fork server starts, not at the end.
            import pandas  # noqa: F401
            import pyarrow.parquet  # noqa: F401
        done_ids, done_paths = _resume_state(out_dir)
    except BaseException:
        close()
        raise
    token = secrets.token_hex(3)

    from tqdm import tqdm

    bar = tqdm(
        total=total, unit=" articles", disable=None if progress else True, file=sys.stderr,
        dynamic_ncols=True, desc="corpus",
    )
    seen_ids = set(done_ids)
    extracted: set[str] = set()
    n_done = n_failed = n_skipped = n_words = 0
    worker_cpu = worker_busy = 0.0
    peaks: list[float] = []

    def note(msg: str) -> None:
        if bar.disable:
            print(msg, file=sys.stderr)
        else:
            bar.write(msg, file=sys.stderr)

    def commit(job: _Job, result: dict[str, Any]) -> None:
        nonlocal n_done, n_failed, n_words, worker_cpu, worker_busy
        stem = _stem(job.first, token)
        failures: list[dict[str, Any]] = list(result["failures"])
        if result.get("crashed"):
            _remove_parts(out_dir, stem)  # what the dead worker had written of its batch
        ids: list[str] = result["ids"]
        dups: set[str] = set()
        for aid in ids:
            if aid in seen_ids:
                dups.add(aid)
            seen_ids.add(aid)
        if dups:
            # An id seen in an earlier batch: report it and drop its rows, so ids stay unique.
            for aid, path in zip(ids, result["paths"], strict=True):
                if aid in dups:
                    failures.append({"id": aid, "path": path, "error": "ValueError",
                                     "message": f"{path}: duplicate article id {aid!r}"})
        n_words_batch = result["n_words"]
        pending = result.get("pending")
        if pending is None and not result.get("crashed"):
            # A Dask worker returned its tables: write them here.
            for key, table in result["tables"].items():
                table = _without_ids(table, "article_id", dups)
                if table.num_rows:
                    _write_part(out_dir, key, stem, table)
            arts = _without_ids(result["articles"], "id", dups)
            if dups:
                n_words_batch = sum(arts.column("n_words").to_pylist())
            pending = _write_part(out_dir, "articles", stem, arts, final=False)
        elif dups:  # rare: rewrite the parts the worker wrote without those ids
            import pyarrow.parquet as pq

            for key in result["written"]:
                _filter_part(out_dir / key / f"{stem}.parquet", "article_id", dups)
            arts = _without_ids(pq.read_table(pending), "id", dups)
            n_words_batch = sum(arts.column("n_words").to_pylist())
            pq.write_table(arts, pending)
        extracted.update(result["extracted"])
        if result.get("peak_mib") is not None:
            peaks.append(result["peak_mib"])
        worker_cpu += result.get("cpu_seconds") or 0.0
        worker_busy += result.get("busy_seconds") or 0.0
        if failures:
            import pyarrow as pa

            _write_part(out_dir, "failures", stem,
                        pa.Table.from_pylist(failures, schema=_failures_schema()))
            for f in failures:
                where = f["path"] or f["id"]
                msg = f["message"] if str(f["message"]).startswith(str(where)) else (
                    f"{where}: {f['message']}")
                note(f"karabakh: skipped {msg.splitlines()[0]} ({f['error']})")
        if pending is not None:
            _finish_part(Path(pending))  # last: marks the batch done
        n_done += len(ids) - len([a for a in ids if a in dups])
        n_failed += len(failures)
        n_words += n_words_batch
        bar.update(len(job.tasks))
        # words/s on the same (smoothed) basis as tqdm's articles/s
        rate = bar.format_dict.get("rate") or n_done / max(time.perf_counter() - t_start, 1e-9)
        words_s = rate * n_words / max(n_done, 1)
        bar.set_postfix_str(f"{words_s:,.0f} words/s, {n_failed} failed", refresh=False)

    def write_to(job: _Job) -> tuple[str, str] | tuple[()]:
        # Local workers write their own parts; Dask workers may not see this disk.
        return () if scheduler is not None else (str(out_dir), _stem(job.first, token))

    def jobs() -> Iterator[_Job]:
        nonlocal n_skipped
        for indices, batch, skipped in _batches(
            tasks, batch_size, done_ids, done_paths, total, n_workers
        ):
            if skipped:
                n_skipped += skipped
                bar.update(skipped)
            if batch:
                yield _Job(tuple(indices), batch)

    dispatcher = _Dispatcher(
        (executor, n_workers, close), functools.partial(_executor, processes, scheduler),
        write_to, commit, lambda job: _remove_parts(out_dir, _stem(job.first, token)), note,
    )
    try:
        dispatcher.run(jobs())
        _empty_parts(out_dir, extracted, token)
    finally:
        dispatcher.close()
        bar.close()
    tables = tuple(sorted(d.name for d in out_dir.iterdir() if d.is_dir()))
    return CorpusRun(out_dir, n_done, n_failed, n_skipped, n_words,
                     time.perf_counter() - t_start, tables, max(peaks) if peaks else None,
                     worker_cpu, worker_busy)


@dataclass(frozen=True, eq=False)
class _Job:
    """Tasks that run together, with their indices in the input.

    ``alone``: the job runs with nothing else in flight, so if its worker
    dies, the job is the cause. A job's parts are named after its first
    task, so the pieces of a split batch keep their places in input order.
    """

    indices: tuple[int, ...]
    tasks: list[dict[str, Any]]
    alone: bool = False

    @property
    def first(self) -> int:
        return self.indices[0]

    def pieces(self) -> list[_Job]:
        """One job per article, each to run alone."""
        return [_Job((i,), [t], alone=True) for i, t in zip(self.indices, self.tasks, strict=True)]


class _Dispatcher:
    """Keeps jobs in flight on the executor and commits their results in input order.

    A local worker that dies hard (a segfault, ``os._exit``, the
    out-of-memory killer) breaks its :class:`~concurrent.futures.ProcessPoolExecutor`:
    every job in flight fails with ``BrokenProcessPool`` and no new one is
    taken. Then the old pool is shut down, a new one opened with the same
    settings, and the jobs the old one lost run again there, before any new
    batch, each alone: most of them were only in flight beside the one that
    killed its worker, and alone, a job that breaks the pool is known to be
    the cause. Such a batch is split and its articles run one at a time; an
    article that breaks the pool alone is the only failure (``WorkerDied``).
    A batch thus runs at most once in company, once alone and once per
    article, so the run goes on, and ends even if every article kills its
    worker. On Dask, which runs a lost task again itself, a batch it gives
    up on (``KilledWorker``: its workers died too often while they ran it)
    takes the same steps, on the same cluster. Other errors fail the job's
    articles, as before.
    """

    def __init__(
        self,
        opened: tuple[cf.Executor, int, Callable[[], None]],
        reopen: Callable[[], tuple[cf.Executor, int, Callable[[], None]]],
        write_to: Callable[[_Job], tuple[str, str] | tuple[()]],
        commit: Callable[[_Job, dict[str, Any]], None],
        forget: Callable[[_Job], None],
        note: Callable[[str], None],
    ) -> None:
        self.executor, self.n_workers, self.close = opened
        self._reopen = reopen
        self._write_to = write_to
        self._commit = commit
        self._forget = forget  # remove every part a job's worker wrote
        self._note = note
        self._in_flight: dict[cf.Future[Any], _Job] = {}
        self._again: collections.deque[_Job] = collections.deque()  # before new batches

    def run(self, jobs: Iterator[_Job]) -> None:
        """Run every job, and what the lost ones become, to its commit."""
        while True:
            job = self._again.popleft() if self._again else next(jobs, None)
            if job is None:
                if not self._in_flight:
                    return
                self._settle(cf.FIRST_COMPLETED)
                continue
            if job.alone:
                while self._in_flight:
                    self._settle(cf.ALL_COMPLETED)
            self._submit(job)
            limit = 1 if job.alone else 2 * self.n_workers
            while len(self._in_flight) >= limit:
                self._settle(cf.FIRST_COMPLETED)

    def _submit(self, job: _Job) -> None:
        try:
            # _run_batch is looked up here, at each submit, not bound once.
            fut = self.executor.submit(_run_batch, job.tasks, *self._write_to(job))
        except BrokenProcessPool:
            self._again.appendleft(job)  # it never ran, so it is not to blame
            self._recover([])
            return
        self._in_flight[fut] = job

    def _settle(self, when: str) -> None:
        done, _ = cf.wait(list(self._in_flight), return_when=when)
        lost = self._finish(done)
        if lost:
            self._recover(lost)

    def _finish(self, done: set[cf.Future[Any]]) -> list[_Job]:
        """Commit the finished futures in input order; return the jobs a broken pool lost."""
        lost = []
        for fut in sorted(done, key=lambda f: self._in_flight[f].first):
            job = self._in_flight.pop(fut)
            try:
                result = fut.result()
            except BrokenProcessPool:
                if not isinstance(self.executor, cf.ProcessPoolExecutor):
                    raise
                lost.append(job)
                continue
            except Exception as exc:  # the batch's worker failed: every article of it failed
                if _killed_worker(exc):  # Dask gave up on the batch: find the article
                    self._requeue([job], "Dask gave up on it: KilledWorker", "Dask worker")
                    continue
                result = _crashed([_failure(t, type(exc).__name__, f"worker failed: {exc}")
                                   for t in job.tasks])
            self._commit(job, result)
        return lost

    def _recover(self, lost: list[_Job]) -> None:
        """Open a new pool after a worker died; run again what the old one lost."""
        # Every other future of a broken pool ends now, some with their result.
        lost += self._finish(cf.wait(list(self._in_flight)).done)
        # The pool's worker processes (a private attribute, so where it exists), taken
        # before the shutdown drops them, to tell how the dead one ended.
        by_pid = getattr(self.executor, "_processes", None)
        processes = list(by_pid.values()) if isinstance(by_pid, dict) else []
        self.close()  # waits until the old workers are gone, so none writes a part any more
        death = _death([p.exitcode for p in processes])
        self.executor, self.n_workers, self.close = self._reopen()
        self._requeue(lost, death, "worker process", " in a new pool")

    def _requeue(self, lost: list[_Job], death: str, worker: str, where: str = "") -> None:
        """Run the jobs a dead worker took with it again: alone, then article by article.

        A job that was in company is run again alone; one that was alone and
        holds several articles is split; a single article that killed its
        worker alone is the failure (``WorkerDied``). The same steps serve a
        broken process pool and a batch Dask gave up on (``KilledWorker``:
        its workers died too often while they ran it).
        """
        rerun = split = 0
        for job in sorted(lost, key=lambda j: j.first):
            self._forget(job)
            if not job.alone:  # maybe only in flight beside the cause: again, alone
                self._again.append(dataclasses.replace(job, alone=True))
                rerun += 1
            elif len(job.tasks) > 1:  # it broke the pool alone: find the article
                self._again.extend(job.pieces())
                split += 1
            else:
                self._commit(job, _crashed([_failure(t, "WorkerDied", (
                    f"{_where(t)}: the {worker} died ({death}) while it analysed "
                    "this article alone"
                )) for t in job.tasks]))
        if rerun:
            self._note(f"karabakh: a {worker} died ({death}); running the {rerun} "
                       f"batch(es) it interrupted again, one at a time{where}")
        if split:
            self._note(f"karabakh: a {worker} died ({death}) on a batch run alone; "
                       "running its articles one at a time to find the cause")


def _killed_worker(exc: BaseException) -> bool:
    """Is ``exc`` Dask's ``KilledWorker`` (the workers running a task died too often)?"""
    try:
        from distributed import KilledWorker
    except ImportError:
        return False
    return isinstance(exc, KilledWorker)


def _where(task: Mapping[str, Any]) -> str:
    """A task's file, or its table and row."""
    return str(task.get("path") or task.get("where"))


def _failure(task: Mapping[str, Any], error: str, message: str) -> dict[str, Any]:
    """A row of the ``failures`` table for a task."""
    return {"id": task.get("id"), "path": _where(task), "error": error, "message": message}


def _crashed(failures: list[dict[str, Any]]) -> dict[str, Any]:
    """The result of a job whose worker failed: its failures and no rows."""
    return {"crashed": True, "ids": [], "paths": [], "n_words": 0, "tables": {},
            "extracted": [], "articles": _empty_articles(), "failures": failures}


def _death(exit_codes: Sequence[int | None]) -> str:
    """How a broken pool's worker died, from the exit codes of the pool's processes.

    The pool ends its other workers with SIGTERM, so another code is the
    dead worker's.

    >>> _death([-15, -9])
    'killed by SIGKILL, as the out-of-memory killer does'
    >>> _death([1, -15]), _death([-11]), _death([-15]), _death([None])
    ('exit code 1', 'killed by SIGSEGV', 'killed by SIGTERM', 'exit code unknown')
    """
    term = -getattr(signal, "SIGTERM", 15)
    codes = sorted({c for c in exit_codes if c is not None and c != term}) or (
        [term] if term in exit_codes else [])
    if not codes:
        return "exit code unknown"
    told = []
    for code in codes:
        if code >= 0:
            told.append(f"exit code {code}")
            continue
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        told.append(f"killed by {name}, as the out-of-memory killer does" if name == "SIGKILL"
                    else f"killed by {name}")
    return " or ".join(told)


def _stem(first: int, token: str) -> str:
    """The name of a batch's part files: its first task's index, then the run's token."""
    return f"part-{first:09d}-{token}"


def _remove_parts(out: Path, stem: str) -> None:
    """Remove every part (final or temporary) of one batch."""
    for folder in out.iterdir():
        for part in (folder / f"{stem}.parquet", folder / f".{stem}.parquet.tmp"):
            if part.exists():
                part.unlink()


def _without_ids(table: pa.Table, column: str, ids: set[str]) -> pa.Table:
    """The rows of ``table`` whose ``column`` is not one of ``ids``."""
    if not ids:
        return table
    import pyarrow as pa
    import pyarrow.compute as pc

    return table.filter(pc.invert(pc.is_in(table.column(column), value_set=pa.array(sorted(ids)))))


def _filter_part(part: Path, column: str, ids: set[str]) -> None:
    """Rewrite one part file without the rows of ``ids`` (removed if none is left)."""
    import pyarrow.parquet as pq

    table = _without_ids(pq.read_table(part), column, ids)
    if table.num_rows:
        pq.write_table(table, part)
    else:
        part.unlink()


def _empty_articles() -> pa.Table:
    import pyarrow as pa

    return pa.Table.from_pylist([], schema=_articles_schema())


def read_corpus(out: str | os.PathLike[str], table: str) -> pd.DataFrame:
    """Read one table of a corpus run into a DataFrame.

    The same as ``pd.read_parquet(Path(out) / table)``, except that a table
    with no part files gives an empty frame and that in ``articles`` the
    ``metadata`` JSON is spread into columns (``outlet`` ...).

    Args:
        out: the output folder of :func:`analyze_corpus`.
        table: ``articles``, ``failures`` or an extractor table (``quotes`` ...).

    Returns:
        The table, in input order.

    >>> import tempfile
    >>> read_corpus(tempfile.mkdtemp(), "figures").empty
    True
    """
    import pandas as pd

    folder = Path(out) / table
    parts = sorted(folder.glob("*.parquet")) if folder.is_dir() else []
    if not parts:
        return pd.DataFrame()
    frame = pd.read_parquet(folder)
    if table == "articles" and "metadata" in frame.columns and len(frame):
        meta = pd.json_normalize(
            [json.loads(m) if isinstance(m, str) else {} for m in frame["metadata"]]
        )
        meta = meta.drop(columns=[c for c in meta.columns if c in frame.columns or c in ("id",)])
        meta.index = frame.index
        frame = pd.concat([frame.drop(columns=["metadata"]), meta], axis=1)
    return frame


# --------------------------------------------------------------------------
# Command line: python -m karabakh corpus SOURCE --out DIR
# --------------------------------------------------------------------------


def add_corpus_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``corpus`` command to an argparse sub-parser collection.

    >>> parser = argparse.ArgumentParser()
    >>> p = add_corpus_parser(parser.add_subparsers(dest="command"))
    >>> parser.parse_args(["corpus", "in/", "--out", "o", "--processes", "2"]).processes
    2
    """
    p: argparse.ArgumentParser = subparsers.add_parser(
        "corpus",
        help="run every article of a folder or table; write Parquet tables",
        description="Run analyze() on every article of a folder of .txt files or a table "
        "(CSV, JSON Lines, Parquet with id, text, date); write one Parquet table per "
        "extractor plus articles and failures to --out. Running again resumes.",
    )
    p.add_argument("source", help="a folder of .txt articles, or a .csv/.jsonl/.parquet table")
    p.add_argument("--out", required=True, help="output folder (resumed if it exists)")
    p.add_argument("--processes", type=int, default=None,
                   help="local worker processes (default: every core)")
    p.add_argument("--scheduler", default=None,
                   help="Dask scheduler address tcp://host:port (needs karabakh[dask])")
    p.add_argument("--batch-size", type=int, default=50, help="articles per batch (default 50)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    return p


def run_corpus(args: argparse.Namespace) -> int:
    """Run the ``corpus`` command from parsed arguments; return the exit status.

    Prints a one-line summary on standard output; bad input (a missing
    source, a table without ``id``/``text``) exits with status 2 and a
    one-line message on standard error.

    >>> run_corpus(argparse.Namespace(source="no/such/dir", out="x", processes=1,
    ...            scheduler=None, batch_size=50, quiet=True))
    2
    """
    try:
        run = analyze_corpus(
            args.source, out=args.out, processes=args.processes, scheduler=args.scheduler,
            progress=not args.quiet, batch_size=args.batch_size,
        )
    except ValueError as exc:
        print(f"karabakh: error: {exc}".splitlines()[0], file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("karabakh: interrupted; run the same command again to resume", file=sys.stderr)
        return 130
    print(
        f"{run.n_done} articles analysed, {run.n_failed} failed, {run.n_skipped} already done; "
        f"{run.n_words:,} words in {run.seconds:.1f} s; tables in {run.out}"
    )
    return 0
