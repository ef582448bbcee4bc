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
from dataclasses import dataclass, field, is_dataclass
from dataclasses import fields as dc_fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Score", "cell", "load_annotation", "score", "scores_frame"]


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
        exact: share of matched pairs where every compared field agrees.
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
        frame = pd.DataFrame(rows)
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
        exact=all_ok / tp if tp else 0.0,
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
