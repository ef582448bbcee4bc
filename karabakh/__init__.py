"""karabakh: parse and tag news reports of the September 2023 Nagorno-Karabakh offensive.

Every extracted fact carries ``start``/``end`` character offsets into the
verbatim article text. Start with :func:`read_article` and :func:`analyze`:

>>> import karabakh as kb
>>> art = kb.read_article("seeds/000_bf20561892d8202b.txt")
>>> result = kb.analyze(art)
>>> result.sentences[1].text[:40]
'“Azerbaijan completed its operation in N'
"""

from . import plots as plots
from .analysis import EXTRACTORS, STAGES, Analysis, analyze
from .articles import Article, parse_dateline, read_article
from .records import DateRef, Figure, Mention, Quote, Sentence, Token, to_frame
from .resources import build_nltk_data, ensure_nltk_data
from .sentences import split_sentences, tokenize

__version__ = "0.1.0"

__all__ = [
    "EXTRACTORS",
    "STAGES",
    "Analysis",
    "Article",
    "DateRef",
    "Figure",
    "Mention",
    "Quote",
    "Sentence",
    "Token",
    "analyze",
    "build_nltk_data",
    "ensure_nltk_data",
    "parse_dateline",
    "read_article",
    "split_sentences",
    "to_frame",
    "tokenize",
]
