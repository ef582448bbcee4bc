"""Stress benchmark: hostile shapes of text at 10 KB, 100 KB and 1 MB, in seconds per MB.

Run with `make stress` (or `python benchmarks/stress.py --sizes 10000 100000`).
Each (shape, size) runs `extract_quotes` and the whole `analyze()` in a child
process with a time limit, so a shape that explodes is reported as "> limit"
instead of hanging the run. Near-linear time shows as seconds per MB that stay
flat from 10 KB to 1 MB. This is a measurement, not a test: nothing asserts a
speed (tests/test_stress.py asserts on counts of work instead).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Each shape: a unit repeated (or a builder) to reach the size asked for.
SHAPES: dict[str, Callable[[int], str]] = {
    # ordinary run-on text: one endless sentence of reported speech
    "run-on 'officials said'": lambda n: _repeat("officials said the road was closed and ", n),
    "claimed/denied chain": lambda n: _repeat("the ministry claimed the army denied ", n),
    "'Baku said' + spaces": lambda n: _repeat("Baku said" + " " * 2000, n),
    "straight quote marks": lambda n: _repeat('"', n),
    "curly pairs": lambda n: _repeat("“a” ", n),
    "runs of dots": lambda n: _repeat("Baku said" + "." * 500 + " ", n),
    "seed repeated": lambda n: _repeat(_seed_body() + "\n\n", n),
}


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def _seed_body() -> str:
    import karabakh as kb

    return kb.read_article(ROOT / "seeds" / "000_bf20561892d8202b.txt").body


CHILD = """
import sys, time, json, warnings
warnings.simplefilter("ignore")
sys.path.insert(0, {bench!r})
import stress
import karabakh as kb
text = "date 2023-09-20\\n" + stress.SHAPES[{shape!r}]({size})
kb.analyze(kb.Article.from_text("date 2023-09-20 Warm-up: Baku said so."))
art = kb.Article.from_text(text)
t = time.perf_counter(); kb.extract_quotes(art.masked_text, [])
q = time.perf_counter() - t
t = time.perf_counter(); kb.analyze(art)
a = time.perf_counter() - t
print(json.dumps({{"quotes": q, "analyze": a}}))
"""


def run_case(shape: str, size: int, limit: float) -> dict[str, float | None]:
    code = CHILD.format(bench=str(Path(__file__).parent), shape=shape, size=size)
    try:
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=limit,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return {"quotes": None, "analyze": None}
    except subprocess.CalledProcessError as e:
        sys.exit(f"stress: {shape} at {size} bytes failed:\n{e.stderr}")
    result: dict[str, float | None] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--shapes", nargs="+", default=list(SHAPES))
    parser.add_argument("--limit", type=float, default=300.0, help="seconds per case")
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "stress.json")
    args = parser.parse_args()

    rows = []
    header = "".join(f"{f'{s // 1000} KB':>22}" for s in args.sizes)
    print(f"seconds per MB (extract_quotes / analyze), limit {args.limit:.0f} s per case")
    print(f"{'shape':<26}{header}")
    for shape in args.shapes:
        cells = []
        skip = False
        for size in args.sizes:
            if skip:
                res: dict[str, float | None] = {"quotes": None, "analyze": None}
            else:
                t0 = time.perf_counter()
                res = run_case(shape, size, args.limit)
                skip = res["analyze"] is None or time.perf_counter() - t0 > args.limit / 3
            mb = size / 1e6
            q, a = res["quotes"], res["analyze"]
            rows.append({"shape": shape, "bytes": size,
                         "quotes_s_per_mb": None if q is None else round(q / mb, 3),
                         "analyze_s_per_mb": None if a is None else round(a / mb, 3)})
            cells.append("not run / over limit" if a is None or q is None
                         else f"{q / mb:.2f} / {a / mb:.2f}")
        print(f"{shape:<26}" + "".join(f"{c:>22}" for c in cells), flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
