r"""Command line: ``python -m karabakh analyze PATH [--dateline YYYY-MM-DD] [--json]``.

Also installed as the ``karabakh`` console script. Prints a readable summary,
or with ``--json`` one JSON object (the contract in the README). Warnings
(no dateline, an empty sidecar ignored ...) go to standard error, one line
each, prefixed ``karabakh: warning:``; they are also in the JSON's
``warnings``.

The error contract: bad input (see :func:`karabakh.read_article`) exits
with status 2 and one line on standard error naming the file; NLTK data that
cannot be built exits 2 with one line naming ``KARABAKH_CACHE``; a reader
that closes the pipe early (``| head``) ends the run quietly with status 0;
an output that cannot encode the text (``PYTHONIOENCODING=ascii``) gets
JSON with ``\u`` escapes and a summary with backslash escapes, never a
traceback. An unexpected error exits 1 with one line (set
``KARABAKH_TRACEBACK=1`` to see the traceback).

The sidecar ``PATH.json`` (with the suffix replaced) is read only when it is
a non-empty regular file that is not the output being written, so
``analyze a.txt --json > a.json`` works.

>>> main(["analyze", "seeds/000_bf20561892d8202b.txt", "--json"])  # doctest: +ELLIPSIS
{"article": {"id": "000_bf20561892d8202b", "dateline": "2023-09-20", ...
0
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from ..resources import ResourceError
from ..text.articles import read_article
from .analysis import EXTRACTORS, Analysis, analyze
from .corpus import add_corpus_parser, run_corpus

__all__ = ["main", "safe", "summary"]

_MAX_LISTED = 50


def safe(text: str, width: int | None = None) -> str:
    r"""Escape control, format and separator characters for a terminal.

    Escape sequences, bidi overrides, line and paragraph separators and
    other invisible characters in an article must not reach the terminal
    raw (a title change, a cleared screen, reversed text): they are shown as
    Python escapes, one line stays one line. Optionally shortened to
    ``width`` characters with ``...``.

    >>> safe("Baku\x1b]0;owned\x07 said\nso \u202egnol")
    'Baku\\x1b]0;owned\\x07 said\\nso \\u202egnol'
    >>> safe("a long sentence indeed", width=10)
    'a long ...'
    """
    out = []
    for ch in text:
        if ch.isprintable() or ch == " ":
            out.append(ch)
        else:
            out.append(ch.encode("unicode_escape").decode("ascii"))
    s = "".join(out)
    if width is not None and len(s) > width:
        s = s[: max(0, width - 3)] + "..."
    return s


def _span(r: Any) -> str:
    return f"[{r.start:>6}:{r.end:<6}]"


def _counts(items: Sequence[str | None]) -> str:
    c = Counter("none" if x is None else x for x in items)
    return ", ".join(f"{k} {n}" for k, n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))


def _mentions(records: list[Any]) -> list[str]:
    lines = [f"mentions: {len(records)}  ({_counts([getattr(r, 'kind', None) for r in records])})"]
    ids = Counter(r.entity_id for r in records if getattr(r, "entity_id", None))
    if ids:
        top = ", ".join(f"{safe(k)} ×{n}" for k, n in ids.most_common(12))
        lines.append(f"  most named: {top}")
    unknown = [safe(r.text, 40) for r in records if getattr(r, "kind", None) == "unknown"]
    if unknown:
        shown = ", ".join(dict.fromkeys(unknown))
        lines.append(f"  not in the dictionary: {safe(shown, 300)}")
    return lines


def _quotes(records: list[Any]) -> list[str]:
    resolved = sum(1 for r in records if r.speaker_id is not None)
    lines = [
        f"quotes: {len(records)}  ({_counts([r.kind for r in records])}; "
        f"speaker resolved {resolved}/{len(records)})"
    ]
    for r in records[:_MAX_LISTED]:
        who = r.speaker_id or "?"
        if r.speaker_text:
            who += f" ({safe(r.speaker_text, 40)})"
        lines.append(f"  {_span(r)} {r.kind:<8} {who}: “{safe(r.content, 70)}”")
    return lines


def _dates(records: list[Any]) -> list[str]:
    resolved = [r for r in records if r.value is not None]
    lines = [f"dates: {len(records)}  (resolved {len(resolved)}/{len(records)})"]
    ordered = sorted(records, key=lambda r: (r.value is None, r.value or "", r.start))
    for r in ordered[:_MAX_LISTED]:
        value = r.value if r.value is not None else "unresolved"
        lines.append(f"  {_span(r)} {safe(value):<16} {safe(r.text, 50)}  ({safe(r.rule)})")
    return lines


def _figures(records: list[Any]) -> list[str]:
    lines = [f"figures: {len(records)}  ({_counts([r.category for r in records])})"]
    for r in records[:_MAX_LISTED]:
        if r.low is None and r.high is None:
            amount = "?"
        elif r.low == r.high:
            amount = str(r.low)
        elif r.high is None:
            amount = f"{r.low}+"
        elif r.low is None:
            amount = f"≤{r.high}"
        else:
            amount = f"{r.low}–{r.high}"
        extra = f" {safe(r.group)}" if r.group else ""
        src = f"  source {safe(r.source_id or r.source_text or '')}" if (r.source_id or r.source_text) else ""
        when = f"  on {r.date}" if r.date else ""
        lines.append(
            f"  {_span(r)} {r.category:<10} {amount} ({safe(r.qualifier)}){extra}{src}{when}"
            f"  “{safe(r.text, 50)}”"
        )
    return lines


def _generic(key: str, records: list[Any]) -> list[str]:
    lines = [f"{key}: {len(records)}"]
    for r in records[:_MAX_LISTED]:
        lines.append(f"  {_span(r)} {safe(r.text, 70)}")
    return lines


_SECTIONS: dict[str, Callable[[list[Any]], list[str]]] = {
    "mentions": _mentions,
    "quotes": _quotes,
    "dates": _dates,
    "figures": _figures,
}


def summary(result: Analysis) -> str:
    """A short human-readable summary of an analysis, safe for a terminal.

    Counts per extractor, then the quotes with their speakers' ids, the
    dates in order with their resolved values, and the figures with their
    categories. Article text is escaped by :func:`safe`.

    >>> from karabakh import Article
    >>> print(summary(analyze(Article.from_text("date 2023-09-20 Calm.", id="x"))).splitlines()[0])
    article x  dateline 2023-09-20 (header)  1 words  21 characters
    """
    art = result.article
    dateline = (
        f"{art.dateline.isoformat()} ({art.dateline_source})" if art.dateline else "unknown"
    )
    lines = [
        f"article {safe(art.id)}  dateline {dateline}  {art.n_words} words  "
        f"{len(art.text)} characters" + ("  (BOM removed)" if art.had_bom else ""),
    ]
    lines += [f"warning: {safe(w)}" for w in result.warnings]
    lines.append(f"sentences: {len(result.sentences)}")
    for key in EXTRACTORS:
        records = getattr(result, key)
        if records is None:
            lines.append(f"{key}: not extracted yet")
            continue
        try:
            section = _SECTIONS.get(key, lambda rs, k=key: _generic(k, rs))(records)
        except AttributeError:  # records of a shape this summary does not know yet
            section = _generic(key, records)
        lines += section
        if len(records) > _MAX_LISTED and key != "mentions":
            lines.append(f"  ... and {len(records) - _MAX_LISTED} more (use --json for all)")
    return "\n".join(lines)


def _stdout_identity() -> tuple[int, int] | None:
    """``(st_dev, st_ino)`` of standard output when it is a regular file."""
    try:
        st = os.fstat(sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        return None
    import stat

    return (st.st_dev, st.st_ino) if stat.S_ISREG(st.st_mode) else None


def _can_encode(text: str) -> bool:
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def emit(text: str) -> int:
    """Write ``text`` and a newline to standard output; 0, or 0 quietly on a closed pipe.

    Characters the output's encoding cannot hold are written as backslash
    escapes. A reader that stops early (``| head``) ends the run without a
    traceback.

    >>> emit("ok")
    ok
    0
    """
    try:
        if not _can_encode(text):
            encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
            text = text.encode(encoding, "backslashreplace").decode(encoding)
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader has gone; point stdout at /dev/null so the interpreter's
        # final flush does not fail again (Python's documented recipe).
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (AttributeError, OSError, ValueError):
            pass
    return 0


def _error(message: str) -> None:
    first = (message.splitlines() or [""])[0]
    try:
        print(f"karabakh: error: {safe(first)}", file=sys.stderr)
    except (OSError, ValueError):
        pass


def _warn(message: str) -> None:
    try:
        print(f"karabakh: warning: {safe(message)}", file=sys.stderr)
    except (OSError, ValueError):
        pass


def _cmd_analyze(args: argparse.Namespace) -> int:
    sidecar: str | bool = False if args.no_sidecar else (args.sidecar or True)
    article = read_article(
        args.path, dateline=args.dateline, sidecar=sidecar, exclude=_stdout_identity()
    )
    result = analyze(article)
    for w in result.warnings:
        _warn(w)
    if args.json:
        data = result.to_dict()
        text = json.dumps(data, ensure_ascii=False)
        if not _can_encode(text):
            text = json.dumps(data, ensure_ascii=True)  # still valid JSON, \u escapes
        return emit(text)
    return emit(summary(result))


def build_parser() -> tuple[argparse.ArgumentParser, Any]:
    """The argument parser and its subparsers (add a subcommand with ``set_defaults(func=...)``).

    >>> parser, sub = build_parser()
    >>> parser.parse_args(["analyze", "a.txt", "--json"]).json
    True
    """
    parser = argparse.ArgumentParser(
        prog="karabakh", description="Parse and tag a news article about Nagorno-Karabakh."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p_an = sub.add_parser("analyze", help="run every extractor on one article file")
    p_an.add_argument("path", help="a UTF-8 text file (a sidecar PATH.json is read if present)")
    p_an.add_argument("--dateline", help="publication date YYYY-MM-DD (wins over sidecar/header)")
    p_an.add_argument("--json", action="store_true", help="print one JSON object (the contract)")
    side = p_an.add_mutually_exclusive_group()
    side.add_argument("--sidecar", help="read this JSON file as the sidecar instead of PATH.json")
    side.add_argument("--no-sidecar", action="store_true", help="read no sidecar")
    p_an.set_defaults(func=_cmd_analyze)
    add_corpus_parser(sub).set_defaults(func=run_corpus)
    return parser, sub


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    >>> main(["analyze", "no/such/file.txt"])
    2
    """
    parser, _ = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.func(args)
    except (ValueError, ResourceError) as exc:
        _error(str(exc))
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if os.environ.get("KARABAKH_TRACEBACK"):
            raise
        _error(
            f"unexpected {type(exc).__name__}: {exc} (a bug: please report it; "
            "KARABAKH_TRACEBACK=1 shows the traceback)"
        )
        return 1
    return status
