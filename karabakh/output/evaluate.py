"""Score any extractor against a hand annotation: precision, recall, F1, per field.

One scoring code for the tests, the notebooks and ``make eval``. An annotation
is a CSV file (lines starting with ``#`` are comments: who annotated, the
conventions) with one row per expected record; a record found by an extractor
is matched to a gold row by its span (exactly, or by overlap) or by a key of
fields, one to one. Every miss and every false alarm is kept with its span, so
a researcher sees what to look at, not only a number.

>>> gold = [{"start": "0", "end": "4", "entity_id": "AZE"},
...         {"start": "10", "end": "17", "entity_id": "ARM"}]
>>> found = [{"start": 0, "end": 4, "entity_id": "AZE"},
...          {"start": 20, "end": 24, "entity_id": "RUS"}]
>>> s = score(found, gold, fields=("entity_id",), name="mentions")
>>> s.tp, round(s.precision, 2), round(s.recall, 2), s.fields["entity_id"]
(1, 0.5, 0.5, 1.0)
>>> s.misses[0]["start"], s.false_alarms[0]["entity_id"]
('10', 'RUS')
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, is_dataclass, replace
from dataclasses import fields as dc_fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..records import Statement

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Score", "cell", "load_annotation", "score", "score_statements", "scores_frame"]


def load_annotation(path: str | os.PathLike[str]) -> list[dict[str, str]]:
    r"""Read an annotation CSV: a header row, then one row per gold record.

    Lines starting with ``#`` (before or between rows) are comments. Values stay
    strings; an empty cell means "none" (compared with :func:`cell`).

    Raises:
        ValueError: if the file is missing or has no header, naming the file.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.csv"
    >>> _ = p.write_text("# by hand\nstart,end,text\n0,4,Baku\n", encoding="utf-8")
    >>> load_annotation(p)
    [{'start': '0', 'end': '4', 'text': 'Baku'}]
    """
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{p}: cannot read annotation ({exc})") from None
    lines = [ln for ln in raw.splitlines(keepends=True) if not ln.startswith("#")]
    reader = csv.DictReader(io.StringIO("".join(lines)))
    if not reader.fieldnames:
        raise ValueError(f"{p}: annotation has no header row")
    return [dict(row) for row in reader]


def cell(value: Any) -> str:
    """Normalise a value for comparison with an annotation cell.

    ``None`` is the empty string, a float that is whole prints as an integer,
    a list or tuple joins with ``|``, and everything else is ``str()``.

    >>> cell(None), cell(32.0), cell(2.5), cell(["military", "future"]), cell("AZE")
    ('', '32', '2.5', 'military|future', 'AZE')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list | tuple):
        return "|".join(cell(v) for v in value)
    return str(value)


def _get(record: Any, name: str) -> Any:
    if isinstance(record, Mapping):
        return record.get(name)
    return getattr(record, name, None)


def _as_dict(record: Any) -> dict[str, Any]:
    if isinstance(record, Mapping):
        return dict(record)
    if is_dataclass(record) and not isinstance(record, type):
        return {f.name: getattr(record, f.name) for f in dc_fields(record)}
    return {"value": record}


def _span(record: Any, names: tuple[str, str]) -> tuple[int, int] | None:
    a, b = _get(record, names[0]), _get(record, names[1])
    if a in (None, "") or b in (None, ""):
        return None
    return int(a), int(b)


def _jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else float(a == b)


@dataclass(frozen=True)
class Score:
    """The result of :func:`score`: counts, rates, field accuracy and every error.

    Attributes:
        name: what was scored (e.g. ``"quotes"``).
        n_gold: gold rows.
        n_found: records found by the extractor.
        tp: matched pairs (one to one).
        precision: ``tp / n_found`` (1.0 when nothing was found and nothing expected).
        recall: ``tp / n_gold`` (1.0 when nothing was expected).
        f1: harmonic mean of precision and recall.
        fields: per compared field, the share of matched pairs whose value agrees.
        exact: share of matched pairs where every compared field agrees (1.0 when
            nothing was expected and nothing found, 0.0 when nothing matched).
        pairs: the matched ``(gold_row, found_as_dict)`` pairs.
        misses: gold rows with no match.
        false_alarms: found records (as dicts) with no match.
        wrong: ``(field, gold_row, found_as_dict)`` for every disagreeing field.

    >>> s = score([], [], name="none")
    >>> (s.precision, s.recall, s.f1)
    (1.0, 1.0, 1.0)
    """

    name: str
    n_gold: int
    n_found: int
    tp: int
    precision: float
    recall: float
    f1: float
    fields: dict[str, float] = field(default_factory=dict)
    exact: float = 1.0
    pairs: tuple[tuple[dict[str, str], dict[str, Any]], ...] = ()
    misses: tuple[dict[str, str], ...] = ()
    false_alarms: tuple[dict[str, Any], ...] = ()
    wrong: tuple[tuple[str, dict[str, str], dict[str, Any]], ...] = ()

    def row(self) -> dict[str, Any]:
        """One flat row for a table: counts, rates and ``field:<name>`` accuracies.

        >>> score([{"start": 0, "end": 1}], [{"start": "0", "end": "1"}], name="x").row()["f1"]
        1.0
        """
        out: dict[str, Any] = {
            "extractor": self.name,
            "gold": self.n_gold,
            "found": self.n_found,
            "matched": self.tp,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "all_fields": round(self.exact, 3),
        }
        out.update({f"field:{k}": round(v, 3) for k, v in self.fields.items()})
        return out

    def errors(self) -> pd.DataFrame:
        """Every miss, false alarm and wrong field as a table with its span.

        >>> s = score([{"start": 5, "end": 9, "text": "Baku"}], [], name="m")
        >>> s.errors()[["error", "start", "end", "text"]].values.tolist()
        [['false alarm', 5, 9, 'Baku']]
        """
        import pandas as pd

        rows: list[dict[str, Any]] = []
        for g in self.misses:
            rows.append({"error": "miss", **g})
        for f in self.false_alarms:
            rows.append({"error": "false alarm", **f})
        for name, g, f in self.wrong:
            rows.append({"error": f"wrong {name}", "expected": g.get(name, ""),
                         "got": cell(f.get(name)), **{k: v for k, v in f.items() if k != name}})
        cols = ["error", "start", "end", "text", "expected", "got"]
        frame = pd.DataFrame(rows).astype(object)
        frame = frame.where(frame.notna(), "")
        front = [c for c in cols if c in frame.columns]
        return frame[front + [c for c in frame.columns if c not in front]]

    def __str__(self) -> str:
        fields = " ".join(f"{k}={v:.2f}" for k, v in self.fields.items())
        return (f"{self.name}: P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
                f"(gold {self.n_gold}, found {self.n_found}, matched {self.tp})"
                + (f" fields: {fields}" if fields else ""))


def score(
    found: Sequence[Any],
    gold: Sequence[Mapping[str, str]],
    *,
    fields: Sequence[str] | Mapping[str, str] = (),
    span: tuple[str, str] = ("start", "end"),
    gold_span: tuple[str, str] | None = None,
    match: str = "exact",
    floor: float = 0.5,
    key: Sequence[str] | Mapping[str, str] | None = None,
    name: str = "",
    normalise: Callable[[Any], str] = cell,
) -> Score:
    """Match found records to gold rows one to one and score them.

    Args:
        found: records (dataclasses or dicts) from an extractor.
        gold: annotation rows (from :func:`load_annotation`).
        fields: fields compared on matched pairs; a mapping gives
            ``{gold_column: record_attribute}`` where the names differ.
        span: the record's start/end attribute names.
        gold_span: the gold's start/end columns (default: the same as ``span``).
        match: ``"exact"`` (same span), ``"overlap"`` (best Jaccard overlap of
            the spans, at least ``floor``) or ``"key"`` (same values of ``key``).
        floor: the least overlap for ``match="overlap"``.
        key: with ``match="key"``, the fields that must agree (a mapping as for
            ``fields``); spans are then not compared.
        name: a label for the result.
        normalise: how a record's value is turned into an annotation string.

    Returns:
        A :class:`Score`.

    Raises:
        ValueError: for an unknown ``match`` or a gold row without a span.

    >>> gold = [{"s": "0", "e": "10", "speaker_id": "AZE"}]
    >>> found = [{"start": 1, "end": 10, "speaker_id": "ARM"}]
    >>> s = score(found, gold, gold_span=("s", "e"), match="overlap", fields=("speaker_id",))
    >>> s.tp, s.fields, s.wrong[0][0]
    (1, {'speaker_id': 0.0}, 'speaker_id')
    >>> score(found, gold, match="key", key=("speaker_id",)).tp
    0
    """
    if match not in ("exact", "overlap", "key"):
        raise ValueError(f"match must be 'exact', 'overlap' or 'key', not {match!r}")
    fmap = dict(fields) if isinstance(fields, Mapping) else {f: f for f in fields}
    gspan = gold_span or span
    found_d = [_as_dict(r) for r in found]
    used: set[int] = set()
    pairs: list[tuple[dict[str, str], dict[str, Any]]] = []
    misses: list[dict[str, str]] = []

    if match == "key":
        kmap = dict(key) if isinstance(key, Mapping) else {k: k for k in (key or ())}
        if not kmap:
            raise ValueError("match='key' needs key=(field, ...)")
        index: dict[tuple[str, ...], list[int]] = {}
        for i, f in enumerate(found_d):
            index.setdefault(tuple(normalise(f.get(a)) for a in kmap.values()), []).append(i)
        for g in gold:
            k = tuple((g.get(c) or "").strip() for c in kmap)
            bucket = index.get(k)
            if bucket:
                i = bucket.pop(0)
                used.add(i)
                pairs.append((dict(g), found_d[i]))
            else:
                misses.append(dict(g))
    else:
        spans = [_span(f, span) for f in found_d]
        by_span: dict[tuple[int, int], list[int]] = {}
        for i, s in enumerate(spans):
            if s is not None:
                by_span.setdefault(s, []).append(i)
        for g in gold:
            gs = _span(g, gspan)
            if gs is None:
                raise ValueError(f"gold row without a span ({gspan[0]}, {gspan[1]}): {dict(g)}")
            best: int | None = None
            if match == "exact":
                bucket = [i for i in by_span.get(gs, []) if i not in used]
                best = bucket[0] if bucket else None
            else:
                top = -1.0
                for i, s in enumerate(spans):
                    if i in used or s is None:
                        continue
                    j = _jaccard(gs, s)
                    if j >= floor and j > top:
                        best, top = i, j
            if best is None:
                misses.append(dict(g))
            else:
                used.add(best)
                pairs.append((dict(g), found_d[best]))

    wrong: list[tuple[str, dict[str, str], dict[str, Any]]] = []
    agree = dict.fromkeys(fmap, 0)
    all_ok = 0
    for g, f in pairs:
        ok = True
        for gcol, attr in fmap.items():
            if (g.get(gcol) or "").strip() == normalise(f.get(attr)):
                agree[gcol] += 1
            else:
                ok = False
                wrong.append((gcol, g, f))
        all_ok += ok
    tp = len(pairs)
    precision = tp / len(found_d) if found_d else float(not gold)
    recall = tp / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(
        name=name,
        n_gold=len(gold),
        n_found=len(found_d),
        tp=tp,
        precision=precision,
        recall=recall,
        f1=f1,
        fields={k: (v / tp if tp else 0.0) for k, v in agree.items()},
        exact=all_ok / tp if tp else float(not gold and not found_d),  # nothing to get wrong: as P and R
        pairs=tuple(pairs),
        misses=tuple(misses),
        false_alarms=tuple(f for i, f in enumerate(found_d) if i not in used),
        wrong=tuple(wrong),
    )


def scores_frame(scores: Sequence[Score]) -> pd.DataFrame:
    """One row per :class:`Score`, for a table in a notebook or ``make eval``.

    >>> scores_frame([score([], [], name="dates")])[["extractor", "f1"]].values.tolist()
    [['dates', 1.0]]
    """
    import pandas as pd

    return pd.DataFrame([s.row() for s in scores])


#: How each extractor's records are matched to an annotation file
#: ``<prefix>_<extractor>.csv`` (documented in docs/annotation.md): the record
#: span, the annotation's span columns, the match rule, the fields compared
#: (annotation column -> record attribute) and, for ``match="key"``, the key.
#: ``found`` / ``gold`` keep only some records / rows (a term is no quote);
#: ``source`` names the extractor whose records and annotation file are read
#: (``terms`` are the ``kind="term"`` rows of ``<prefix>_quotes.csv``).
SPECS: dict[str, dict[str, Any]] = {
    "mentions": {"fields": ("entity_id", "kind"), "match": "exact",
                 "found": lambda r: r.kind != "unknown"},
    # a term (a title or scare quote in marks, kind "term") is no quote: it is
    # scored on its own below, from the same annotation file
    "quotes": {"span": ("content_start", "content_end"),
               "gold_span": ("content_start", "content_end"), "match": "overlap",
               "floor": 0.5, "fields": ("kind", "speaker_id"),
               "found": lambda r: _get(r, "kind") != "term",
               "gold": lambda g: (g.get("kind") or "").strip() != "term"},
    "dates": {"fields": ("value", "granularity", "kind"), "match": "exact"},
    "figures": {"fields": ("category", "low", "high", "qualifier", "group", "source_id"),
                "match": "exact"},
    "events": {"match": "overlap", "floor": 0.3,
               "fields": ("source_id", "root_code", "target_id", "date", "modality")},
    "statements": {"gold_span": ("evidence_start", "evidence_end"), "match": "overlap",
                   "floor": 0.3,
                   "fields": ("actor_id", "concept_id", "agreement")},
    "terms": {"source": "quotes", "span": ("content_start", "content_end"),
              "gold_span": ("content_start", "content_end"), "match": "exact",
              "fields": ("speaker_id",),
              "found": lambda r: _get(r, "kind") == "term",
              "gold": lambda g: (g.get("kind") or "").strip() == "term"},
}


def score_extractor(
    extractor: str, found: Sequence[Any], gold: Sequence[Mapping[str, str]], **options: Any
) -> Score:
    """Score one extractor's records with its :data:`SPECS` (``options`` override them).

    Only the fields the annotation has are compared, so a partial annotation
    (say, spans and speakers only) is scored on what it holds.

    >>> gold = [{"start": "0", "end": "4", "entity_id": "AZE", "kind": "actor"}]
    >>> from karabakh.records import Mention
    >>> found = [Mention(0, 4, "Baku", "AZE", "actor", "state", "AZE")]
    >>> str(score_extractor("mentions", found, gold))
    'mentions: P=1.000 R=1.000 F1=1.000 (gold 1, found 1, matched 1) fields: entity_id=1.00 kind=1.00'
    """
    if extractor not in SPECS:
        raise ValueError(f"no scoring spec for {extractor!r}; known: {', '.join(SPECS)}")
    spec = {**SPECS[extractor], **options}
    spec.pop("source", None)
    keep = spec.pop("found", None)
    if keep is not None:
        found = [r for r in found if keep(r)]
    keep_gold = spec.pop("gold", None)
    if keep_gold is not None:
        gold = [g for g in gold if keep_gold(g)]
    columns = set(gold[0]) if gold else set()
    wanted = spec.get("fields", ())
    if isinstance(wanted, Mapping):
        spec["fields"] = {k: v for k, v in wanted.items() if k in columns}
    else:
        spec["fields"] = tuple(f for f in wanted if f in columns)
    return score(found, gold, name=extractor, **spec)


def combine(scores: Sequence[Score], name: str | None = None) -> Score:
    """Pool scores of several articles into one (micro-averaged).

    >>> a = score([{"start": 0, "end": 1}], [{"start": "0", "end": "1"}], name="q")
    >>> b = score([], [{"start": "0", "end": "1"}], name="q")
    >>> c = combine([a, b])
    >>> (c.tp, c.n_gold, c.precision, c.recall)
    (1, 2, 1.0, 0.5)
    """
    tp = sum(s.tp for s in scores)
    n_gold = sum(s.n_gold for s in scores)
    n_found = sum(s.n_found for s in scores)
    precision = tp / n_found if n_found else float(not n_gold)
    recall = tp / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    names = list(dict.fromkeys(k for s in scores for k in s.fields))
    fields_ = {k: (sum(s.fields.get(k, 0.0) * s.tp for s in scores) / tp if tp else 0.0)
               for k in names}
    return Score(
        name=name if name is not None else (scores[0].name if scores else ""),
        n_gold=n_gold, n_found=n_found, tp=tp, precision=precision, recall=recall, f1=f1,
        fields=fields_,
        exact=sum(s.exact * s.tp for s in scores) / tp if tp else float(not n_gold and not n_found),
        pairs=tuple(p for s in scores for p in s.pairs),
        misses=tuple(m for s in scores for m in s.misses),
        false_alarms=tuple(f for s in scores for f in s.false_alarms),
        wrong=tuple(w for s in scores for w in s.wrong),
    )


def score_statements(
    statements: Sequence[Statement], gold: Sequence[Mapping[str, str]], *, name: str = "statements"
) -> Score:
    """Precision and recall of statements against a hand annotation, with :func:`score`.

    A found statement matches a gold row of the same ``concept_id`` (and
    ``article_id``, when every gold row has one) whose
    evidence span (``evidence_start``, ``evidence_end``) overlaps its own by
    at least half (Jaccard), one to one; ``actor_id``, ``agreement`` and
    ``voice`` are then compared as fields. Statements the researcher
    removed (``status="removed"``) are not counted.

    Args:
        statements: the statements found.
        gold: rows of an annotation (:func:`load_annotation`)
            with ``concept_id``, ``evidence_start``, ``evidence_end``,
            ``actor_id``, ``agreement``, ``voice``.
        name: a label for the score.

    Returns:
        A :class:`Score` summed over the concepts.

    >>> st = [Statement(0, 4, "Baku", "AZE", "Baku", 0, 4, "sovereignty_restored", 1,
    ...                 "claim", 0, 4, "Baku")]
    >>> gold = [{"concept_id": "sovereignty_restored", "evidence_start": "0",
    ...          "evidence_end": "4", "actor_id": "AZE", "agreement": "1", "voice": "own"}]
    >>> s = score_statements(st, gold); (s.precision, s.recall, s.fields["agreement"])
    (1.0, 1.0, 1.0)
    """
    live = [s for s in statements if s.status != "removed"]
    by_article = bool(gold) and all(g.get("article_id") for g in gold)

    def group(article: str | None, concept: str) -> tuple[str, str]:
        return (article or "") if by_article else "", concept

    keys = sorted({group(s.article_id, s.concept_id) for s in live}
                  | {group(g.get("article_id"), g.get("concept_id", "")) for g in gold})
    parts = []
    for key in keys:
        parts.append(score([s for s in live if group(s.article_id, s.concept_id) == key],
                           [g for g in gold if group(g.get("article_id"),
                                                     g.get("concept_id", "")) == key],
                           fields=("actor_id", "agreement", "voice"),
                           gold_span=("evidence_start", "evidence_end"),
                           match="overlap", floor=0.5, name="/".join(key)))
    pooled = combine(parts, name=name)  # every statement and gold row is in one part
    if not parts:  # nothing found, nothing expected: the fields are named all the same
        pooled = replace(pooled, fields=dict.fromkeys(("actor_id", "agreement", "voice"), 0.0))
    return pooled


def annotation_files(folder: str | os.PathLike[str], prefix: str) -> dict[str, Path]:
    """The annotation files ``<prefix>_<extractor>.csv`` present in ``folder``.

    >>> {"quotes", "dates"} <= set(annotation_files("tests/annotations", "seed"))
    True
    """
    base = Path(folder)
    out = {}
    for ex, spec in SPECS.items():
        path = base / f"{prefix}_{spec.get('source', ex)}.csv"
        if path.is_file():
            out[ex] = path
    return out


#: Column names that say which article a row belongs to, in an annotation
#: covering several articles (the first one present is used).
ARTICLE_COLUMNS = ("article", "article_id", "file")


def article_column(rows: Sequence[Mapping[str, str]]) -> str | None:
    """The column naming each row's article, or ``None`` for a one-article file.

    >>> article_column([{"file": "a.txt", "start": "0"}]), article_column([{"start": "0"}])
    ('file', None)
    """
    if not rows:
        return None
    return next((c for c in ARTICLE_COLUMNS if c in rows[0]), None)


def _stem(name: str | None) -> str:
    return Path(name or "").stem


def _rows_for(rows: Sequence[Mapping[str, str]], article_id: str) -> list[Mapping[str, str]]:
    """The rows of one article, when the annotation covers several."""
    col = article_column(rows)
    if col is None:
        return list(rows)
    return [r for r in rows if _stem(r.get(col)) == _stem(article_id)]


def evaluate_articles(
    analyses: Sequence[Any],
    annotations: Mapping[str, str | os.PathLike[str] | Sequence[Mapping[str, str]]],
) -> list[Score]:
    """Score the analyses of one or more articles against annotation files.

    Args:
        analyses: :class:`~karabakh.output.analysis.Analysis` objects.
        annotations: ``{extractor: path or rows}``. A file covering several
            articles names each row's article (file name or stem) in an
            ``article`` column; only the articles it names are scored for that
            extractor, so one annotation file need not cover every article.

    Returns:
        One pooled :class:`Score` per extractor, in :data:`SPECS` order.

    >>> import karabakh as kb
    >>> a = kb.analyze("seeds/000_bf20561892d8202b.txt")
    >>> files = annotation_files("tests/annotations", "seed")
    >>> [s.name for s in evaluate_articles([a], {k: files[k] for k in ("quotes", "dates")})]
    ['quotes', 'dates']
    """
    out: list[Score] = []
    for extractor in SPECS:
        if extractor not in annotations:
            continue
        src = annotations[extractor]
        rows = load_annotation(src) if isinstance(src, str | os.PathLike) else list(src)
        col = article_column(rows)
        covered = {_stem(r.get(col)) for r in rows} if col else None
        per_article = []
        for analysis in analyses:
            art_id = analysis.article.id
            if covered is not None and _stem(art_id) not in covered:
                continue
            found = getattr(analysis, SPECS[extractor].get("source", extractor), None)
            per_article.append(score_extractor(extractor, found or [], _rows_for(rows, art_id)))
        out.append(combine(per_article, name=extractor))
    return out


# ---------------------------------------------------------------- Citron format

_MARKS = "\"'“”‘’«»„‚"


def to_citron(text: str, quotes: Sequence[Any]) -> dict[str, Any]:
    """Quotes in the JSON format of BBC R&D's Citron (cue, sources, contents spans).

    Each quote becomes ``{"cue", "sources", "contents"}``, each span
    ``{"start", "end", "text"}``; a direct quote's content span includes its
    marks, as Citron's do. Quotes without a cue or speaker get an empty list
    or ``null`` there.

    >>> import karabakh as kb
    >>> t = 'Baku said: "We are done."'
    >>> doc = to_citron(t, kb.extract_quotes(t))
    >>> doc["quotes"][0]["sources"][0]["text"], doc["quotes"][0]["contents"][0]["text"]
    ('Baku', '"We are done."')
    """

    def span(a: int | None, b: int | None) -> dict[str, Any] | None:
        if a is None or b is None:
            return None
        return {"start": a, "end": b, "text": text[a:b]}

    quotes_out = []
    for q in quotes:
        a, b = q.content_start, q.content_end
        if q.kind != "indirect":
            # the marks around the words, and a comma trimmed before the closing one
            if a > 0 and text[a - 1] in _MARKS:
                a -= 1
            if text[b : b + 1] in (",", ".", "?", "!") and text[b + 1 : b + 2] in tuple(_MARKS):
                b += 1
            if text[b : b + 1] and text[b] in _MARKS:
                b += 1
        src = span(q.speaker_start, q.speaker_end)
        quotes_out.append({
            "cue": span(q.cue_start, q.cue_end),
            "sources": [src] if src else [],
            "contents": [span(a, b)],
        })
    return {"text": text, "quotes": quotes_out}


def read_citron(doc: Mapping[str, Any] | str | os.PathLike[str]) -> list[dict[str, str]]:
    """Citron quote annotations as rows of this project's quote annotation format.

    The content span runs from the first to the last content span with outer
    quote marks trimmed; ``kind`` is ``direct`` when the content was in marks,
    else ``indirect``; ``speaker_text``/``speaker_start``/``speaker_end`` and
    ``cue`` come from the first source and the cue. Citron names no actor ids,
    so ``speaker_id`` is left empty: score such rows on spans and
    ``speaker_text`` (``score_extractor("quotes", ..., fields=("speaker_text", "cue"))``).

    >>> doc = {"text": 'Baku said: "We are done."', "quotes": [{"cue": {"start": 5, "end": 9,
    ...   "text": "said"}, "sources": [{"start": 0, "end": 4, "text": "Baku"}],
    ...   "contents": [{"start": 11, "end": 25, "text": '"We are done."'}]}]}
    >>> row = read_citron(doc)[0]
    >>> row["kind"], row["content"], row["speaker_text"], row["cue"]
    ('direct', 'We are done.', 'Baku', 'said')
    """
    if not isinstance(doc, Mapping):
        p = Path(doc)
        try:
            import json

            doc = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValueError(f"{p}: not a Citron JSON file ({exc})") from None
        assert isinstance(doc, Mapping)
    text = doc.get("text")
    if not isinstance(text, str):
        raise ValueError("Citron document has no 'text'")
    rows = []
    for i, q in enumerate(doc.get("quotes") or []):
        contents = q.get("contents") or []
        if not contents:
            raise ValueError(f"Citron quote {i} has no contents span")
        a = min(int(c["start"]) for c in contents)
        b = max(int(c["end"]) for c in contents)
        direct = text[a:b][:1] in _MARKS
        while a < b and (text[a] in _MARKS or text[a].isspace()):
            a += 1
        while b > a and (text[b - 1] in _MARKS or text[b - 1] in " ,"):
            b -= 1
        src = (q.get("sources") or [None])[0]
        cue = q.get("cue") or {}
        rows.append({
            "kind": "direct" if direct else "indirect",
            "content_start": str(a), "content_end": str(b), "content": text[a:b],
            "speaker_id": "",
            "speaker_text": src["text"] if src else "",
            "speaker_start": str(src["start"]) if src else "",
            "speaker_end": str(src["end"]) if src else "",
            "cue": cue.get("text", ""),
        })
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m karabakh.output.evaluate``: print the per-extractor table for some articles.

    >>> main(["seeds/000_bf20561892d8202b.txt", "--annotations", "tests/annotations",
    ...       "--prefix", "seed", "--title", "seed"])  # doctest: +ELLIPSIS
    seed (1 article)
     extractor ...
    0
    """
    import argparse
    import sys

    from .analysis import analyze

    parser = argparse.ArgumentParser(
        prog="python -m karabakh.output.evaluate",
        description="Score every extractor against annotation files <prefix>_<extractor>.csv.")
    parser.add_argument("articles", nargs="+", help="article .txt files")
    parser.add_argument("--annotations", required=True, help="folder of annotation CSV files")
    parser.add_argument("--prefix", required=True, help="annotation file prefix (e.g. seed)")
    parser.add_argument("--title", default=None, help="a heading for the table")
    parser.add_argument("--errors", action="store_true", help="also list every miss and error")
    args = parser.parse_args(argv)
    files = annotation_files(args.annotations, args.prefix)
    if not files:
        print(f"no {args.prefix}_<extractor>.csv in {args.annotations}", file=sys.stderr)
        return 2
    try:
        analyses = [analyze(p) for p in args.articles]
        scores = evaluate_articles(analyses, files)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    n = len(analyses)
    print(f"{args.title or args.prefix} ({n} article{'s' if n != 1 else ''})")
    table = scores_frame(scores)
    print(table.astype(object).where(table.notna(), "").to_string(index=False))
    if args.errors:
        for s in scores:
            errors = s.errors()
            if len(errors):
                print(f"\n{s.name}: {len(errors)} errors")
                print(errors.head(50).to_string(index=False, max_colwidth=60))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
