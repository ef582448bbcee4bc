"""Command line: ``python -m karabakh analyze PATH [--dateline YYYY-MM-DD] [--json]``.

Also installed as the ``karabakh`` console script. Prints a readable summary,
or with ``--json`` one JSON object (the contract in the README). Bad input
exits with status 2 and a one-line message on standard error.

>>> main(["analyze", "seeds/000_bf20561892d8202b.txt", "--json"])  # doctest: +ELLIPSIS
{"article": {"id": "000_bf20561892d8202b", "dateline": "2023-09-20", ...
0
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from .analysis import EXTRACTORS, Analysis, analyze
from .corpus import add_corpus_parser, run_corpus

__all__ = ["main", "summary"]


def summary(result: Analysis) -> str:
    """A short human-readable summary of an analysis.

    >>> from karabakh import Article
    >>> print(summary(analyze(Article.from_text("date 2023-09-20 Calm.", id="x"))).splitlines()[0])
    article x  dateline 2023-09-20  1 words  21 characters
    """
    art = result.article
    dateline = art.dateline.isoformat() if art.dateline else "unknown"
    lines = [
        f"article {art.id}  dateline {dateline}  {art.n_words} words  {len(art.text)} characters",
        f"sentences: {len(result.sentences)}",
    ]
    for key in EXTRACTORS:
        records = getattr(result, key)
        if records is None:
            lines.append(f"{key}: not extracted yet")
            continue
        lines.append(f"{key}: {len(records)}")
        for r in records[:50]:
            snippet = r.text if len(r.text) <= 70 else r.text[:67] + "..."
            lines.append(f"  [{r.start:>5}:{r.end:<5}] {snippet}")
        if len(records) > 50:
            lines.append(f"  ... and {len(records) - 50} more (use --json for all)")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    >>> main(["analyze", "no/such/file.txt"])
    2
    """
    parser = argparse.ArgumentParser(
        prog="karabakh", description="Parse and tag a news article about Nagorno-Karabakh."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p_an = sub.add_parser("analyze", help="run every extractor on one article file")
    p_an.add_argument("path", help="a UTF-8 text file (a sidecar PATH.json is read if present)")
    p_an.add_argument("--dateline", help="publication date YYYY-MM-DD (wins over sidecar/header)")
    p_an.add_argument("--json", action="store_true", help="print one JSON object (the contract)")
    add_corpus_parser(sub)
    args = parser.parse_args(argv)
    if args.command == "corpus":
        return run_corpus(args)

    try:
        result = analyze(args.path, dateline=args.dateline)
    except ValueError as exc:
        print(f"karabakh: error: {exc}".splitlines()[0], file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        print(summary(result))
    return 0
