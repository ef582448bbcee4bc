"""One document model under every extractor, built once per article.

A :class:`Document` holds what every extractor reads and nothing it
extracts: the text (for an :class:`~karabakh.Article`, its masked text, so
the ``date`` header is blanked and offsets still index ``article.text``), the
dateline, the actor and place mentions, the quotations found from the marks,
one sentence and paragraph index, and the actor-reference resolver. Each
part is computed the first time it is asked for and then kept, so an
extractor never recomputes what another one already needed (``tag_mentions``
runs once per article in :func:`karabakh.analyze`).

Extractors take a ``Document`` (``extract_quotes(doc)``, ``find_figures(doc)``
...) and keep their plain-text form (``extract_quotes(text, mentions)``),
which builds a ``Document`` internally. The shared layer a new extractor may
ask (see ``docs/design/0006-document-model.md``):

* ``doc.sentence_of(pos)`` / ``doc.sentence_span(pos)``: the sentence holding
  an offset (a quotation of several sentences is one sentence);
* ``doc.paragraph_starts``: offsets where paragraphs start;
* ``doc.mentions``: actor, place and unknown-name mentions;
* ``doc.quotations``: content spans of the quotations;
* ``doc.subject_of(clause_start, verb_start)`` (:mod:`karabakh.text.clauses`);
* ``doc.resolver`` and :func:`karabakh.text.references.resolve_reference`.

>>> doc = Document("Baku said troops moved. “We agree,” Yerevan replied.")
>>> [doc.text[a:b] for a, b in doc.quotations]
['We agree']
>>> doc.text[slice(*doc.sentence_span(30))]
'“We agree,” Yerevan replied.'
>>> sorted({m.entity_id for m in doc.mentions})
['ARM_GOV', 'AZE_GOV']
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from ..records import Mention
from .sentences import SentenceIndex, paragraph_breaks, sentence_starts

if TYPE_CHECKING:
    from .articles import Article
    from .clauses import Subject
    from .quote_marks import QuotationSpan
    from .references import Resolver

__all__ = ["Document"]


class Document:
    r"""The text of one article and the layer every extractor shares.

    Args:
        text: the text the extractors read; offsets index it unchanged.
        dateline: the article's date (for dated roles, relative dates);
            ``None`` lets each extractor read a leading ``date`` header.
        mentions: precomputed mentions (default: tagged on first use with
            :func:`karabakh.text.actors.tag_mentions`; pass ``[]`` to work without
            the actor dictionary).
        article: the :class:`~karabakh.Article` the text comes from, if any.

    Raises:
        ValueError: if ``text`` is not a string.

    >>> doc = Document("date 2023-09-20\\nThe Azerbaijani president spoke.")
    >>> [(m.text, m.entity_id) for m in doc.mentions]
    [('Azerbaijani president', 'ALIYEV_ILHAM')]
    """

    def __init__(
        self,
        text: str,
        dateline: dt.date | None = None,
        mentions: Sequence[Mention] | None = None,
        article: Article | None = None,
    ) -> None:
        if not isinstance(text, str):
            raise ValueError(f"Document: text must be a str, not {type(text).__name__}")
        self.text = text
        self.dateline = dateline
        self.article = article
        if mentions is not None:
            self.__dict__["mentions"] = list(mentions)

    @classmethod
    def from_article(cls, article: Article) -> Document:
        """The document of an :class:`~karabakh.Article`: its masked text and dateline.

        >>> from karabakh.text.articles import Article
        >>> doc = Document.from_article(Article.from_text("date 2023-09-20 Calm."))
        >>> doc.text, doc.dateline
        ('                Calm.', datetime.date(2023, 9, 20))
        """
        return cls(article.masked_text, article.dateline, article=article)

    def __repr__(self) -> str:
        return f"Document({len(self.text)} characters, dateline={self.dateline})"

    # ------------------------------------------------------------ mentions

    @cached_property
    def mentions(self) -> list[Mention]:
        """Actor, place and unknown-name mentions (tagged once, on first use)."""
        from .actors import tag_mentions

        return list(tag_mentions(self.text, self.dateline))

    # ---------------------------------------------------------- quotations

    @cached_property
    def quotation_marks(self) -> list[QuotationSpan]:
        """The quotations paired from the marks (:func:`karabakh.text.quote_marks.pair_quote_marks`)."""
        from .quote_marks import pair_quote_marks

        return pair_quote_marks(self.text)

    @cached_property
    def quotations(self) -> list[tuple[int, int]]:
        """Content spans ``(start, end)`` of the quotations, in text order."""
        return [(q.cstart, q.cend) for q in self.quotation_marks]

    # ----------------------------------------------- sentences, paragraphs

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Every sentence start of the rule-based index (:func:`karabakh.text.sentences.sentence_starts`)."""
        return sentence_starts(self.text)

    @cached_property
    def sentences(self) -> SentenceIndex:
        """The sentence index: starts inside a quotation do not count."""
        return SentenceIndex(self.text, self.quotations, self.sentence_starts)

    @cached_property
    def paragraph_starts(self) -> list[int]:
        """Offsets where a paragraph starts (0 first)."""
        return [0, *(b for _, b in paragraph_breaks(self.text))]

    def sentence_span(self, pos: int) -> tuple[int, int]:
        """``(start, end)`` of the sentence holding ``pos`` (end: the next start)."""
        return self.sentences.start_of(pos), self.sentences.end_of(pos)

    def sentence_of(self, pos: int) -> int:
        """The index of the sentence holding ``pos`` in ``doc.sentences.starts``."""
        return max(0, bisect.bisect_right(self.sentences.starts, pos) - 1)

    def paragraph_of(self, pos: int) -> int:
        """The index of the paragraph holding ``pos``."""
        return max(0, bisect.bisect_right(self.paragraph_starts, pos) - 1)

    # ------------------------------------------------- clauses, references

    def subject_of(self, clause_start: int, verb_start: int) -> Subject | None:
        """The subject of the verb at ``verb_start`` (:func:`karabakh.text.clauses.subject_of`)."""
        from .clauses import subject_of

        return subject_of(self.text, clause_start, verb_start)

    @cached_property
    def resolver(self) -> Resolver:
        """The actor-reference resolver of this document (:mod:`karabakh.text.references`)."""
        from .references import Resolver

        return Resolver(self.text, self.mentions, self.quotations, self.sentences)
