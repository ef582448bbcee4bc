"""A/B timing of analyze() and each of its steps between two (or more) checkouts.

Usage (from a checkout, with its venv)::

    .venv/bin/python benchmarks/ab.py OLD_CHECKOUT NEW_CHECKOUT [--rounds 3]

Each round runs one child process per checkout, the order alternating from
round to round, so a change of load weighs on both alike. A child imports
``karabakh`` from its checkout (``PYTHONPATH``; it fails if another copy is
imported), and on the seed x60 (as 60 distinct articles, as ``make bench``)
times by process time, best of 3: each step of ``analyze()`` given what it
depends on, ``analyze()`` whole, and NLTK's ``sent_tokenize`` +
``word_tokenize`` (the reference of issue 11). The table gives each step's
best seconds over the rounds per checkout and the ratio to the first.

This is how a speed change is measured before it lands (a snapshot check,
``tools/snapshot.py check``, shows that no record changed); it is not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_bf20561892d8202b.txt"

CHILD = r"""
import inspect, json, sys, time
import karabakh as kb
from karabakh.text.document import Document
from karabakh.extract.quotes import speech_act_claims
from nltk.tokenize import sent_tokenize, word_tokenize

root, seed_path = sys.argv[1], sys.argv[2]
if not kb.__file__.startswith(root):
    sys.exit(f"imported {kb.__file__}, not the checkout {root}")
seed = kb.read_article(seed_path)
arts = [kb.Article.from_text(f"{seed.text}\n\nEnd of copy {i}.", id=f"seed-{i}") for i in range(60)]
kb.ensure_nltk_data()
kb.analyze(arts[0])
word_tokenize("Warm. Up.")
# find_figures took plain text only before it took the Document
figures_take_doc = "Document" in str(inspect.signature(kb.find_figures).parameters["text"].annotation)
clock = time.process_time


def steps():
    t = dict.fromkeys(["mentions", "sentences", "quotes", "dates", "figures", "events",
                       "statements"], 0.0)
    for a in arts:
        t0 = clock()
        doc = Document.from_article(a)
        text = doc.text
        m = doc.mentions
        t1 = clock(); t["mentions"] += t1 - t0
        s = kb.split_sentences(a.text)
        t2 = clock(); t["sentences"] += t2 - t1
        q, acts = speech_act_claims(doc)
        t3 = clock(); t["quotes"] += t3 - t2
        d = kb.find_dates(text, a.dateline)
        t4 = clock(); t["dates"] += t4 - t3
        f = kb.find_figures(doc if figures_take_doc else text, m, q, d)
        t5 = clock(); t["figures"] += t5 - t4
        e = kb.find_events(text, m, q, d, s, on=a.dateline, figures=f, doc=doc)
        t6 = clock(); t["events"] += t6 - t5
        claims = sorted([*q, *acts], key=lambda x: (x.content_start, x.kind == "indirect"))
        kb.find_statements(text, m, claims, e, article_id=a.id, doc=doc)
        t["statements"] += clock() - t6
    return t


def whole():
    t0 = clock()
    for a in arts:
        kb.analyze(a)
    return clock() - t0


def reference():
    t0 = clock()
    for a in arts:
        sent_tokenize(a.text)
        word_tokenize(a.text)
    return clock() - t0


best = steps()
for _ in range(2):
    best = {k: min(v, w) for (k, v), w in zip(best.items(), steps().values())}
best["analyze"] = min(whole() for _ in range(3))
best["nltk"] = min(reference() for _ in range(3))
print(json.dumps(best))
"""


def run_child(root: str) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=root)
    out = subprocess.run([sys.executable, "-c", CHILD, root, str(SEED)], env=env,
                         cwd=root, capture_output=True, text=True, check=False)
    if out.returncode:
        sys.exit(f"{root}: the child failed\n{out.stderr[-3000:]}")
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("checkouts", nargs="+", help="checkout folders; the first is the baseline")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    roots = [os.path.join(os.path.abspath(r), "") for r in args.checkouts]
    runs: dict[str, list[dict[str, float]]] = {r: [] for r in roots}
    for k in range(args.rounds):
        for root in roots if k % 2 == 0 else roots[::-1]:
            runs[root].append(run_child(root))
    best = {r: {key: min(x[key] for x in runs[r]) for key in runs[r][0]} for r in roots}
    base = best[roots[0]]
    print(f"{'step':12}" + "".join(f"{Path(r).name:>14}" for r in roots) + "   ratio to the first")
    for key in base:
        ratios = " ".join(f"{best[r][key] / base[key]:.3f}" for r in roots[1:] if base[key])
        print(f"{key:12}" + "".join(f"{best[r][key]:14.3f}" for r in roots) + "   " + ratios)
    for r in roots:
        b = best[r]
        print(f"{r}: analyze() vs NLTK {b['nltk'] / b['analyze']:.3f}x "
              f"(analyze {b['analyze']:.3f} s, NLTK {b['nltk']:.3f} s, process time)")


if __name__ == "__main__":
    main()
