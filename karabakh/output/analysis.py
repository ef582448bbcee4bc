"""The ``analyze()`` facade: one call, every extractor, one result object.

:class:`Analysis` has one attribute per extractor, each a list of records
(or ``None`` while that extractor does not exist yet: ``None`` means "not
extracted", never "nothing found"). :meth:`Analysis.to_dict` gives the JSON
contract documented in the README; :meth:`Analysis.to_frames` one DataFrame
per extractor.

Extractors run on the article text with the ``date`` header blanked out by
spaces, so offsets still index ``article.text`` but the header's date is not
reported as a date in the body.

>>> a = analyze(Article.from_text("date 2023-09-20 Baku spoke. Yerevan did not."))
>>> [s.text for s in a.sentences]
['date 2023-09-20', 'Baku spoke.', 'Yerevan did not.']
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from ..extract.casualties import find_figures
from ..extract.dates import find_dates
from ..extract.events import find_events
from ..extract.quotes import speech_act_claims
from ..extract.statements import find_statements
from ..records import Sentence, to_frame
from ..text.articles import Article, DatelineLike, read_article
from ..text.document import Document
from ..text.sentences import split_sentences

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["EXTRACTORS", "Analysis", "analyze"]

#: The JSON keys of the extractors, in contract order.
EXTRACTORS = ("mentions", "quotes", "dates", "figures", "events", "statements")




@dataclass(frozen=True)
class Analysis:
    """Everything extracted from one article.

    Attributes:
        article: the article analysed.
        sentences: its sentences (the header first, if any).
        mentions: actor and place mentions, or ``None`` if not extracted.
        quotes: quotations and claims, or ``None`` if not extracted.
        dates: time expressions, or ``None`` if not extracted.
        figures: casualty and displacement figures, or ``None``.
        events: coded events (:func:`karabakh.extract.events.find_events`), or ``None``.
        statements: actors' positions (:func:`karabakh.extract.statements.find_statements`),
            or ``None`` if not extracted.
        warnings: what limits these results (no dateline ...), one line
            each; the article's own :attr:`Article.warnings` come first.

    >>> a = analyze(Article.from_text("Calm."))
    >>> a.events, a.statements
    ([], [])
    """

    article: Article
    sentences: list[Sentence]
    mentions: list[Any] | None = None
    quotes: list[Any] | None = None
    dates: list[Any] | None = None
    figures: list[Any] | None = None
    events: list[Any] | None = None
    statements: list[Any] | None = None
    warnings: tuple[str, ...] = ()

    def to_frames(self) -> dict[str, pd.DataFrame]:
        """Return one DataFrame per record list that was extracted.

        >>> frames = analyze(Article.from_text("Yerevan said it was calm.")).to_frames()
        >>> sorted(frames), frames["mentions"].loc[0, "entity_id"]
        (['dates', 'events', 'figures', 'mentions', 'quotes', 'sentences', 'statements'], 'ARM_GOV')
        """
        out = {"sentences": to_frame(self.sentences)}
        for key in EXTRACTORS:
            records = getattr(self, key)
            if records is not None:
                out[key] = to_frame(records)
        return out

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract as plain Python (see the README).

        >>> d = analyze(Article.from_text("date 2023-09-20 Calm.", id="x")).to_dict()
        >>> d["article"], d["sentences"][1]
        ({'id': 'x', 'dateline': '2023-09-20', 'n_chars': 21, 'n_words': 1, 'had_bom': False, 'offsets': 'code points of the decoded text, BOM removed'}, {'start': 16, 'end': 21, 'text': 'Calm.', 'index': 1, 'paragraph': 0, 'is_header': False})
        """
        art = self.article
        out: dict[str, Any] = {
            "article": {
                "id": art.id,
                "dateline": art.dateline.isoformat() if art.dateline else None,
                "n_chars": len(art.text),
                "n_words": art.n_words,
                "had_bom": art.had_bom,
                "offsets": "code points of the decoded text, BOM removed",
            },
            "sentences": [_record_dict(s) for s in self.sentences],
        }
        for key in EXTRACTORS:
            records = getattr(self, key)
            out[key] = None if records is None else [_record_dict(r) for r in records]
        out["warnings"] = list(self.warnings)
        return out


def _record_dict(record: Any) -> dict[str, Any]:
    """A record as a dict with ``start``, ``end``, ``text`` first."""
    d = asdict(record)
    head: dict[str, Any] = {k: d.pop(k) for k in ("start", "end", "text") if k in d}
    return {**head, **d}


def analyze(article: Article | str | os.PathLike[str], dateline: DatelineLike = None) -> Analysis:
    """Run every extractor on an article.

    Args:
        article: an :class:`Article`, or a path to an article file.
        dateline: with a path, an explicit dateline (wins over sidecar and
            header); ignored for an :class:`Article`, which already has one.

    Returns:
        The :class:`Analysis`.

    Raises:
        ValueError: for an unreadable article file, or text given where a
            path belongs (see :func:`read_article`; wrap text in
            :meth:`Article.from_text`).

    >>> a = analyze("seeds/000_bf20561892d8202b.txt")
    >>> len(a.sentences), a.sentences[0].is_header
    (33, True)
    """
    if not isinstance(article, Article):
        article = read_article(article, dateline=dateline)
    # One document per article: masked text, dateline, mentions (tagged once:
    # titles such as "the president of Azerbaijan" resolve by the dateline),
    # quotations and the sentence index, shared by every extractor.
    doc = Document.from_article(article)
    text = doc.text
    sentences = split_sentences(article.text)
    mentions = doc.mentions
    # quotes and claims; speech acts with a noun-phrase object ("called for a
    # ceasefire") are no quote, but statements read them as positions (issue 12)
    quotes, acts = speech_act_claims(doc)
    # Without a dateline, absolute dates still resolve and relative ones are
    # kept with value None (see karabakh.extract.dates); nothing is dropped.
    dates = find_dates(text, article.dateline)
    figures = find_figures(doc, mentions, quotes, dates)
    events = find_events(
        text, mentions, quotes, dates, sentences, on=article.dateline, figures=figures, doc=doc
    )
    statements = find_statements(
        text, mentions, sorted([*quotes, *acts], key=lambda q: (q.content_start, q.kind == "indirect")),
        events, article_id=article.id, doc=doc,
    )
    return Analysis(
        article=article,
        sentences=sentences,
        mentions=mentions,
        quotes=quotes,
        dates=dates,
        figures=figures,
        events=events,
        statements=statements,
        warnings=article.warnings,
    )
