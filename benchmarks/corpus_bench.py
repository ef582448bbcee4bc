"""Corpus throughput: articles/s and words/s with 1 and 2 processes, against a plain loop.

Usage: python benchmarks/corpus_bench.py [--sizes 2000 20000] [--processes 1 2]
                                         [--repeat 1] [--reference-max 2000]
                                         [--out reports/corpus_bench.json]

For each size, a folder of articles is generated from karabakh.output.templates
(invented text, no news) with one broken file in it. Each configuration
runs in a fresh Python process (so the peak resident memory, getrusage
ru_maxrss, of the parent is that run's alone; the workers report their own):

* ``corpus``: ``analyze_corpus`` on the folder with N processes;
* ``plain``, the reference, on sizes up to ``--reference-max``: what the
  corpus path should approach, a loop of ``read_article`` + ``analyze`` over
  the same files and nothing else (no tables, no files written); with N
  processes, N forked copies of the warmed-up process, each looping over
  every N-th file. Its N-process speed-up is what this machine gives to N
  copies of the same work: the ceiling for the corpus speed-up.

Both start cold (the dictionaries are loaded inside the timing), so the
difference of their times over the number of articles is the overhead of the
corpus path per article. CPU seconds per article (the parent's and the
workers', from getrusage / process_time) are printed beside the wall-clock
rates: they depend much less on what else the machine runs, which the load
average printed before and after each run tells. With ``--repeat R`` the
configurations run R times, interleaved, and the median is summarised.

Speed-up is the rate with N processes over the rate with 1 process in the
same run of this script (a ratio, not a timing). Memory flatness: the peak
with the largest size over the peak with the smallest. It is a
measurement, not a test.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _cpu_self() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def one(source: str, processes: int, batch_size: int) -> dict:
    """One corpus run (in this fresh process)."""
    import karabakh as kb

    out = tempfile.mkdtemp(prefix="karabakh-bench-out-")
    cpu0 = _cpu_self()
    t0 = time.perf_counter()
    run = kb.analyze_corpus(source, out=out, processes=processes, progress=False,
                            batch_size=batch_size)
    seconds = time.perf_counter() - t0
    parent_cpu = _cpu_self() - cpu0
    parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    failures = kb.read_corpus(out, "failures")
    # With 1 process the batches run in the parent: its CPU already counts them.
    cpu = parent_cpu if processes == 1 else parent_cpu + getattr(run, "worker_cpu_seconds", 0.0)
    return {
        "kind": "corpus",
        "processes": processes,
        "articles": run.n_done,
        "failed": run.n_failed,
        "failed_paths": failures["path"].tolist(),
        "words": run.n_words,
        "seconds": round(seconds, 2),
        "parent_cpu_s": round(parent_cpu, 2),
        "cpu_s": round(cpu, 2),
        # the share of the run the workers were busy (not waiting for start-up, the parent)
        "worker_busy_share": round(getattr(run, "worker_busy_seconds", 0.0)
                                   / (seconds * processes), 3) if processes > 1 else None,
        "parent_peak_mib": round(parent, 1),
        "worker_peak_mib": None if run.worker_peak_mib is None else round(run.worker_peak_mib, 1),
    }


def _plain_loop(paths: list[str], conn: object | None = None) -> tuple[int, int, int, float]:
    """read_article + analyze over ``paths``: (articles, failed, words, CPU seconds)."""
    import karabakh as kb

    cpu0 = time.process_time()
    n = failed = words = 0
    for p in paths:
        try:
            art = kb.read_article(p)
            kb.analyze(art)
        except ValueError:
            failed += 1
            continue
        n += 1
        words += art.n_words
    out = (n, failed, words, time.process_time() - cpu0)
    if conn is not None:
        conn.send(out)  # type: ignore[attr-defined]
    return out


def plain(source: str, processes: int) -> dict:
    """The reference: a loop of read_article + analyze, in 1 or N forked processes."""
    from karabakh.output.corpus import _warm_up  # imported before the clock starts, as in one()

    t0 = time.perf_counter()
    cpu0 = time.process_time()
    _warm_up()  # once, before forking, as the corpus fork server does
    warm = time.process_time() - cpu0
    paths = sorted(str(q) for q in Path(source).rglob("*.txt"))
    if processes == 1:
        n, failed, words, cpu = _plain_loop(paths)
    else:
        ctx = multiprocessing.get_context("fork")
        pipes, procs = [], []
        for i in range(processes):
            recv, send = ctx.Pipe(duplex=False)
            proc = ctx.Process(target=_plain_loop, args=(paths[i::processes], send))
            proc.start()
            pipes.append(recv)
            procs.append(proc)
        parts = [r.recv() for r in pipes]
        for proc in procs:
            proc.join()
        n, failed, words = (sum(p[k] for p in parts) for k in range(3))
        cpu = sum(p[3] for p in parts)
    seconds = time.perf_counter() - t0
    return {
        "kind": "plain",
        "processes": processes,
        "articles": n,
        "failed": failed,
        "words": words,
        "seconds": round(seconds, 2),
        "cpu_s": round(cpu + warm, 2),
        "warm_up_cpu_s": round(warm, 2),
    }


def _run(kind: str, folder: Path, processes: int, batch_size: int) -> dict:
    load0 = os.getloadavg()[0]
    proc = subprocess.run(
        [sys.executable, __file__, f"--{kind}", str(folder), str(processes),
         "--batch-size", str(batch_size)],
        capture_output=True, text=True, check=True,
    )
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    r["load_before"], r["load_after"] = round(load0, 2), round(os.getloadavg()[0], 2)
    r["articles_per_s"] = round(r["articles"] / r["seconds"], 1)
    r["words_per_s"] = round(r["words"] / r["seconds"])
    r["ms_per_article"] = round(1000 * r["seconds"] / max(r["articles"], 1), 2)
    r["cpu_ms_per_article"] = round(1000 * r["cpu_s"] / max(r["articles"], 1), 2)
    if "parent_cpu_s" in r:
        r["parent_cpu_ms_per_article"] = round(1000 * r["parent_cpu_s"] / max(r["articles"], 1), 2)
    return r


def _median(rows: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--batch-size", type=int, default=50)
    ap.add_argument("--repeat", type=int, default=1, help="runs of each configuration")
    ap.add_argument("--reference-max", type=int, default=2000,
                    help="run the plain-loop reference on sizes up to this (0: never)")
    ap.add_argument("--out", default="reports/corpus_bench.json")
    ap.add_argument("--one", "--corpus", nargs=2, metavar=("SOURCE", "PROCESSES"),
                    dest="one", help=argparse.SUPPRESS)
    ap.add_argument("--plain", nargs=2, metavar=("SOURCE", "PROCESSES"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one[0], int(args.one[1]), args.batch_size)))
        return
    if args.plain:
        print(json.dumps(plain(args.plain[0], int(args.plain[1]))))
        return

    import karabakh as kb

    print(f"corpus bench on {os.cpu_count()} cores (load average {os.getloadavg()[0]:.1f}), "
          f"batch size {args.batch_size}, {args.repeat} run(s) of each configuration")
    results: list[dict] = []
    for size in args.sizes:
        folder = Path(tempfile.mkdtemp(prefix=f"karabakh-bench-{size}-"))
        kb.write_templates(folder, size, seed=size)
        (folder / "broken.txt").write_bytes(b"\xff\xfe not UTF-8")
        kinds = ["plain", "corpus"] if size <= args.reference_max else ["corpus"]
        for rep in range(args.repeat):
            for processes in args.processes:
                for kind in kinds:
                    r = {"size": size, "repeat": rep,
                         **_run(kind, folder, processes, args.batch_size)}
                    results.append(r)
                    busy = r.get("worker_busy_share")
                    mem = (f" (parent {r['parent_cpu_ms_per_article']:.2f})"
                           + (f" workers busy {busy:.0%}" if busy else "") +
                           f"  peak parent {r['parent_peak_mib']:.0f} MiB, worker "
                           f"{r['worker_peak_mib']} MiB  failures {r['failed_paths']}"
                           if kind == "corpus" else "")
                    print(f"{size:>6} {kind:>6} {processes}p: {r['articles_per_s']:>6.1f} "
                          f"articles/s {r['words_per_s']:>7,} words/s {r['seconds']:>7.1f} s "
                          f"{r['ms_per_article']:>6.2f} ms/art, CPU {r['cpu_ms_per_article']:>6.2f}"
                          f" ms/art  load {r['load_before']:.1f}->{r['load_after']:.1f}{mem}",
                          flush=True)
    summary: dict[str, object] = {}

    def rows(size: int, kind: str, p: int) -> list[dict]:
        return [r for r in results if (r["size"], r["kind"], r["processes"]) == (size, kind, p)]

    for size in args.sizes:
        base = rows(size, "corpus", 1)
        ref1 = rows(size, "plain", 1)
        if base and ref1:
            n = _median(base, "articles")
            over = (_median(base, "seconds") - _median(ref1, "seconds")) * 1000 / n
            cpu_over = (_median(base, "cpu_s") - _median(ref1, "cpu_s")) * 1000 / n
            eff = _median(base, "articles_per_s") / _median(ref1, "articles_per_s")
            summary[f"corpus_over_plain_{size}_1p"] = round(eff, 3)
            summary[f"overhead_ms_per_article_{size}_1p"] = round(over, 2)
            summary[f"overhead_cpu_ms_per_article_{size}_1p"] = round(cpu_over, 2)
            print(f"{size} articles, 1 process: corpus path at {eff:.1%} of the plain loop's rate; "
                  f"overhead {over:.2f} ms/article wall, {cpu_over:.2f} ms/article CPU")
        for p in args.processes:
            if p == 1 or not base:
                continue
            mine = rows(size, "corpus", p)
            sp = _median(mine, "articles_per_s") / _median(base, "articles_per_s")
            summary[f"speedup_{size}_{p}p"] = round(sp, 2)
            line = f"speed-up {size} articles, {p} vs 1 process: corpus {sp:.2f}x"
            refp = rows(size, "plain", p)
            if ref1 and refp:
                ceil = _median(refp, "articles_per_s") / _median(ref1, "articles_per_s")
                summary[f"plain_speedup_{size}_{p}p"] = round(ceil, 2)
                line += f", plain loop {ceil:.2f}x (the machine's ceiling)"
            if args.repeat > 1:
                each = [round(c["articles_per_s"] / b["articles_per_s"], 2)
                        for c, b in zip(mine, base, strict=False)]
                line += f"; per repeat {each}"
            print(line)
    lo, hi = min(args.sizes), max(args.sizes)
    if lo != hi:
        for p in args.processes:
            a, b = rows(lo, "corpus", p), rows(hi, "corpus", p)
            for key in ("parent_peak_mib", "worker_peak_mib"):
                if a and b and a[0][key] and b[0][key]:
                    ratio = max(r[key] for r in b) / max(r[key] for r in a)
                    summary[f"{key}_{hi}_over_{lo}_{p}p"] = round(ratio, 3)
                    print(f"peak memory {key.split('_')[0]} {hi} vs {lo} articles, "
                          f"{p} process(es): {ratio:.2f}x")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps({"results": results, "summary": summary,
                                          "load_average": os.getloadavg()}, indent=2))
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
