"""Corpus throughput: articles/s and words/s with 1 and 2 processes, and peak memory.

Usage: python benchmarks/corpus_bench.py [--sizes 2000 20000] [--processes 1 2]
                                         [--out reports/corpus_bench.json]

For each size, a folder of articles is generated from karabakh.output.templates
(invented text, no news) with one broken file in it, then each configuration
runs `analyze_corpus` in a fresh Python process, so that the peak resident
memory (getrusage ru_maxrss) of the parent is that run's alone; the workers
report their own peak. Speed-up is the rate with N processes over the rate
with 1 process in the same run of this script (a ratio, not a timing).
Memory flatness: the peak with the largest size over the peak with the
smallest. It is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def one(source: str, processes: int, batch_size: int) -> dict:
    import karabakh as kb

    out = tempfile.mkdtemp(prefix="karabakh-bench-out-")
    t0 = time.perf_counter()
    run = kb.analyze_corpus(source, out=out, processes=processes, progress=False,
                            batch_size=batch_size)
    seconds = time.perf_counter() - t0
    parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    failures = kb.read_corpus(out, "failures")
    return {
        "processes": processes,
        "articles": run.n_done,
        "failed": run.n_failed,
        "failed_paths": failures["path"].tolist(),
        "words": run.n_words,
        "seconds": round(seconds, 2),
        "articles_per_s": round(run.n_done / seconds, 1),
        "words_per_s": round(run.n_words / seconds),
        "parent_peak_mib": round(parent, 1),
        "worker_peak_mib": None if run.worker_peak_mib is None else round(run.worker_peak_mib, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--batch-size", type=int, default=50)
    ap.add_argument("--out", default="reports/corpus_bench.json")
    ap.add_argument("--one", nargs=2, metavar=("SOURCE", "PROCESSES"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one[0], int(args.one[1]), args.batch_size)))
        return

    import karabakh as kb

    print(f"corpus bench on {os.cpu_count()} cores (load average {os.getloadavg()[0]:.1f})")
    results = []
    for size in args.sizes:
        folder = Path(tempfile.mkdtemp(prefix=f"karabakh-bench-{size}-"))
        kb.write_templates(folder, size, seed=size)
        (folder / "broken.txt").write_bytes(b"\xff\xfe not UTF-8")
        for processes in args.processes:
            proc = subprocess.run(
                [sys.executable, __file__, "--one", str(folder), str(processes),
                 "--batch-size", str(args.batch_size)],
                capture_output=True, text=True, check=True,
            )
            r = {"size": size, **json.loads(proc.stdout.strip().splitlines()[-1])}
            results.append(r)
            print(f"{size:>6} articles  {processes} process(es): {r['articles_per_s']:>7.1f} "
                  f"articles/s {r['words_per_s']:>8,} words/s  {r['seconds']:>7.1f} s  "
                  f"peak parent {r['parent_peak_mib']:.0f} MiB, worker "
                  f"{r['worker_peak_mib']} MiB  failures {r['failed_paths']}")
    summary: dict[str, object] = {}
    for size in args.sizes:
        base = next(r for r in results if r["size"] == size and r["processes"] == 1)
        for r in results:
            if r["size"] == size and r["processes"] != 1:
                sp = r["articles_per_s"] / base["articles_per_s"]
                summary[f"speedup_{size}_{r['processes']}p"] = round(sp, 2)
                print(f"speed-up {size} articles, {r['processes']} vs 1 process: {sp:.2f}x")
    lo, hi = min(args.sizes), max(args.sizes)
    for p in args.processes:
        a = next(r for r in results if r["size"] == lo and r["processes"] == p)
        b = next(r for r in results if r["size"] == hi and r["processes"] == p)
        for key in ("parent_peak_mib", "worker_peak_mib"):
            if a[key] and b[key]:
                ratio = b[key] / a[key]
                summary[f"{key}_{hi}_over_{lo}_{p}p"] = round(ratio, 3)
                print(f"peak memory {key.split('_')[0]} {hi} vs {lo} articles, {p} process(es): "
                      f"{ratio:.2f}x")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps({"results": results, "summary": summary,
                                          "load_average": os.getloadavg()}, indent=2))
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
