"""Snapshot of analyze() on every text the repo holds, to prove a refactor changes nothing.

A speed-up or a move must leave every record as it was. Before the change::

    .venv/bin/python tools/snapshot.py write /tmp/before

after it::

    .venv/bin/python tools/snapshot.py check /tmp/before

``check`` prints, per article and extractor, every record that appeared or
disappeared, and exits 1 if anything differs. The texts: the seed, the team's
harder paragraphs (tests/harder/*.txt), and 200 invented articles from
:mod:`karabakh.output.templates`. Nothing here is a test: it is a tool for
the engineer making the change; the annotations and tests still decide
whether a change that *does* alter the output is right.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import karabakh as kb
from karabakh.output.templates import generate_articles

ROOT = Path(__file__).resolve().parent.parent


def articles() -> Iterator[kb.Article]:
    yield kb.read_article(ROOT / "seeds" / "000_bf20561892d8202b.txt")
    for path in sorted((ROOT / "tests" / "harder").glob("*.txt")):
        yield kb.read_article(path)
    yield from generate_articles(200, seed=7)


def snapshot() -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = {}
    for art in articles():
        d = kb.analyze(art).to_dict()
        out[art.id] = {
            key: [json.dumps(r, sort_keys=True, ensure_ascii=False, default=str) for r in value]
            for key, value in d.items()
            if isinstance(value, list)
        }
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["write", "check"])
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    path = args.folder / "snapshot.json"
    now = snapshot()
    if args.action == "write":
        args.folder.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(now, ensure_ascii=False), encoding="utf-8")
        print(f"wrote {path}: {len(now)} articles")
        return 0
    before = json.loads(path.read_text(encoding="utf-8"))
    changed = 0
    for aid in sorted(set(before) | set(now)):
        b, n = before.get(aid, {}), now.get(aid, {})
        for key in sorted(set(b) | set(n)):
            gone = sorted(set(b.get(key, [])) - set(n.get(key, [])))
            new = sorted(set(n.get(key, [])) - set(b.get(key, [])))
            if b.get(key) != n.get(key) and not gone and not new:
                print(f"{aid} {key}: same records, different order")
                changed += 1
            for r in gone:
                print(f"{aid} {key} - {r}")
            for r in new:
                print(f"{aid} {key} + {r}")
            changed += len(gone) + len(new)
    print(f"{len(now)} articles, {changed} records differ", file=sys.stderr)
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
