"""Benchmark karabakh: words/second per stage and for analyze(), import time, peak memory.

Run with `make bench`. The corpus is the seed article's body repeated (paragraph
separated) to about 200,000 words, analysed as one article. Each stage is run
`--repeat` times and the best time is kept. Prints a table and writes JSON.

The reference, in the same run: NLTK's own `sent_tokenize` + `word_tokenize` on
the same texts -- the seed article 60 times, as 60 articles -- against
`analyze()` of those 60 articles; the ratio printed is reference time divided by
analyze time (above 1: analyze is faster than plain tokenization).
This is a measurement, not a test: nothing here asserts a speed.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import karabakh as kb
from karabakh.text.document import Document

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_bf20561892d8202b.txt"


def build_corpus(target_words: int) -> kb.Article:
    seed = kb.read_article(SEED)
    body = seed.body
    n = max(1, round(target_words / len(body.split())))
    text = "date 2023-09-20\n" + "\n\n".join([body] * n)
    return kb.Article.from_text(text, id=f"seed-x{n}")


def best_time(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def import_time(repeat: int) -> float:
    code = "import time; t=time.perf_counter(); import karabakh; print(time.perf_counter()-t)"
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout)
        for _ in range(repeat)
    ]
    return statistics.median(runs)


def import_loads_matplotlib() -> bool:
    code = "import sys, karabakh; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip() == "True"


def stages(article: kb.Article) -> dict[str, Callable[[], Any]]:
    """Each step alone, given the results of the steps it depends on, then analyze()."""
    text, on = article.masked_text, article.dateline
    mentions = kb.tag_mentions(text, dateline=on)
    quotes = kb.extract_quotes(text, mentions, dateline=on)
    dates = kb.find_dates(text, on)
    sentences = kb.split_sentences(article.text)
    doc = Document.from_article(article)  # analyze() hands its Document to figures and events
    figures = kb.find_figures(doc, mentions, quotes, dates)
    return {
        "split_sentences": lambda: kb.split_sentences(article.text),
        "tokenize": lambda: kb.tokenize(article.text),
        "tag_mentions": lambda: kb.tag_mentions(text, dateline=on),
        "extract_quotes": lambda: kb.extract_quotes(text, mentions, dateline=on),
        "find_dates": lambda: kb.find_dates(text, on),
        "find_figures": lambda: kb.find_figures(doc, mentions, quotes, dates),
        "find_events": lambda: kb.find_events(text, mentions, quotes, dates, sentences, on=on,
                                              figures=figures, doc=doc),
        "analyze (all)": lambda: kb.analyze(article),
    }


def seed_copies(copies: int = 60) -> list[kb.Article]:
    """The seed ``copies`` times as distinct articles (a closing line each), so no cache serves two."""
    seed = kb.read_article(SEED)
    return [kb.Article.from_text(f"{seed.text}\n\nEnd of copy {i}.", id=f"seed-{i}")
            for i in range(copies)]


def analyze_time(articles: list[kb.Article], repeat: int) -> float:
    """Best time of analyze() over ``articles``: the denominator of both same-run ratios."""

    def ours() -> None:
        for a in articles:
            kb.analyze(a)

    return best_time(ours, repeat)


def reference_ratio(repeat: int, copies: int = 60, *,
                    analyze_seconds: float | None = None) -> dict[str, float]:
    """analyze() of the seed ``copies`` times against NLTK sentence + word tokenization.

    ``analyze_seconds``: analyze()'s time on :func:`seed_copies` measured earlier
    in the same run (main() shares it with :func:`events_share`); timed here when
    not given.
    """
    from nltk.tokenize import sent_tokenize, word_tokenize

    kb.ensure_nltk_data()
    articles = seed_copies(copies)
    texts = [a.text for a in articles]
    word_tokenize("Warm-up. Sentence.")

    def reference() -> None:
        for t in texts:
            sent_tokenize(t)
            word_tokenize(t)

    ref = best_time(reference, repeat)
    own = analyze_seconds if analyze_seconds is not None else analyze_time(articles, repeat)
    return {"copies": copies, "nltk_seconds": round(ref, 4), "analyze_seconds": round(own, 4),
            "ratio": round(ref / own, 3)}


def events_share(repeat: int, copies: int = 60) -> dict[str, float]:
    """find_events() against analyze() on the seed ``copies`` times (as ``copies`` articles), same run.

    analyze() is timed whole (it runs find_events inside); find_events alone is
    timed on the document, mentions, quotes, dates and figures analyze() works
    with, so the share is the part of analyze() that events cost on articles of
    ordinary size. The two are timed in turn, ``repeat`` rounds of one each, and
    the best of each kept: a change in the machine's load during the run then
    weighs on both alike. The result keeps analyze()'s unrounded time
    (``analyze_seconds_raw``) for :func:`reference_ratio`.
    """
    articles = seed_copies(copies)
    done = [(kb.analyze(a), Document.from_article(a)) for a in articles]

    def events() -> None:
        for a, doc in done:
            kb.find_events(a.article.masked_text, a.mentions, a.quotes, a.dates, a.sentences,
                           on=a.article.dateline, figures=a.figures, doc=doc)

    def ours() -> None:
        for a in articles:
            kb.analyze(a)

    ev = an = float("inf")
    for _ in range(repeat):
        ev = min(ev, best_time(events, 1))
        an = min(an, best_time(ours, 1))
    return {"copies": copies, "find_events_seconds": round(ev, 4), "analyze_seconds": round(an, 4),
            "share": round(ev / an, 3), "analyze_seconds_raw": an}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "bench.json")
    args = parser.parse_args()

    article = build_corpus(args.words)
    words = article.n_words
    kb.analyze(kb.Article.from_text("date 2023-09-20 Warm-up sentence."))  # load data, caches

    rows = []
    for name, fn in stages(article).items():
        seconds = best_time(fn, args.repeat)
        rows.append({"stage": name, "seconds": round(seconds, 4),
                     "words_per_second": round(words / seconds)})

    share = events_share(args.repeat)
    ratio = reference_ratio(args.repeat, analyze_seconds=share.pop("analyze_seconds_raw"))

    tracemalloc.start()
    kb.analyze(article)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    result = {
        "corpus_words": words,
        "corpus_chars": len(article.text),
        "repeat": args.repeat,
        "stages": rows,
        "vs_nltk": ratio,
        "events_share_seed_x60": share,
        "import_seconds": round(import_time(args.repeat), 4),
        "import_loads_matplotlib": import_loads_matplotlib(),
        "analyze_peak_traced_mib": round(peak / 2**20, 1),
        "max_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    print(f"corpus: {words:,} words, {len(article.text):,} characters (seed repeated)")
    print(f"{'stage':<22}{'seconds':>10}{'words/s':>14}")
    for r in rows:
        print(f"{r['stage']:<22}{r['seconds']:>10.3f}{r['words_per_second']:>14,}")
    print(f"analyze() vs NLTK sent_tokenize + word_tokenize, seed x{ratio['copies']}: "
          f"{ratio['ratio']:.2f}x (NLTK {ratio['nltk_seconds']:.3f} s, "
          f"analyze {ratio['analyze_seconds']:.3f} s; above 1 = analyze is faster)")
    print(f"import karabakh: {result['import_seconds']:.3f} s (median of {args.repeat}); "
          f"imports matplotlib: {result['import_loads_matplotlib']}")
    secs = {r["stage"]: r["seconds"] for r in rows}
    if "find_events" in secs and secs.get("analyze (all)"):
        result["events_share_of_analyze"] = round(secs["find_events"] / secs["analyze (all)"], 3)
        print(f"find_events / analyze(), {words:,}-word article: {result['events_share_of_analyze']:.3f} "
              "of the time (same run)")
    print(f"find_events / analyze(), seed x{share['copies']} as articles: {share['share']:.3f} of the time "
          f"(find_events {share['find_events_seconds']:.3f} s, analyze {share['analyze_seconds']:.3f} s; same run)")
    print(f"analyze() peak traced memory: {result['analyze_peak_traced_mib']} MiB; "
          f"process max RSS: {result['max_rss_mib']} MiB")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
