"""karabakh: parse and tag news reports of the September 2023 Nagorno-Karabakh offensive.

Every extracted fact carries ``start``/``end`` character offsets into the
verbatim article text. Start with :func:`read_article` and :func:`analyze`:

>>> import karabakh as kb
>>> art = kb.read_article("seeds/000_bf20561892d8202b.txt")
>>> result = kb.analyze(art)
>>> result.sentences[1].text[:40]
'“Azerbaijan completed its operation in N'

The modules are layered (``docs/design/0008-layout.md``): ``karabakh.text``
(the article, sentences, mentions, clauses, references: the shared
:class:`~karabakh.text.document.Document`), ``karabakh.extract`` (quotes,
dates, figures, events, statements) and ``karabakh.output`` (``analyze``,
scoring, charts, corpus mode, the command line). The old flat paths
(``karabakh.quotes``) still import, as the same module objects.
"""

from typing import TYPE_CHECKING, Any

from . import _moved
from .extract.casualties import FigureWords, figure_words, find_figures, parse_number
from .extract.datelines import find_wire_dateline
from .extract.dates import article_dates, find_dates, sentence_dates, timex_span, to_timeml
from .extract.events import (
    EventVerb,
    event_table,
    event_verbs,
    explain_merges,
    find_events,
    merge_events,
    to_acled,
    unmerge,
)
from .extract.quotes import extract_quotes, quotes_table
from .extract.statements import (
    Concept,
    actor_graph,
    actor_network,
    actor_tone,
    apply_corrections,
    compile_cue,
    corrections_table,
    find_statements,
    load_concepts,
    position_map,
    position_matrix,
    positions,
    statement_table,
    to_graphml,
)
from .output import todo as todo
from .output.analysis import EXTRACTORS, Analysis, analyze
from .output.corpus import CorpusRun, analyze_corpus, read_corpus
from .output.templates import generate_articles, templates_frame, write_templates
from .output.todo import todo_list
from .records import (
    DateRef,
    Event,
    Figure,
    Mention,
    Quote,
    Sentence,
    SentenceDate,
    Statement,
    Token,
    WireDateline,
    to_frame,
)
from .resources import build_nltk_data, ensure_nltk_data
from .text.actors import (
    ActorInfo,
    PlaceInfo,
    RoleInfo,
    actor_info,
    load_actors,
    load_places,
    load_roles,
    place_info,
    resolve_role,
    role_holders,
    tag_mentions,
    translit_key,
)
from .text.articles import Article, parse_dateline, read_article
from .text.lexicon import ReportingVerb, reporting_verbs
from .text.quote_marks import quote_spans
from .text.sentences import split_sentences, tokenize

if TYPE_CHECKING:
    from .output import plots as plots
    from .output.evaluate import score_statements

__version__ = "0.1.0"

# old flat paths (``import karabakh.quotes``) resolve to the layered modules
_moved.install()


# public names of a module that ``import karabakh`` does not import (``python -m
# karabakh.output.evaluate`` must find that module not yet imported)
_LAZY = {"score_statements": "output.evaluate"}


def __getattr__(name: str) -> Any:
    """A module of the flat layout on first use: ``kb.plots`` (and matplotlib) only then."""
    if name in _moved.MOVED:
        import importlib

        return importlib.import_module(f"{__name__}.{_moved.MOVED[name]}")
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "EXTRACTORS",
    "ActorInfo",
    "Analysis",
    "Article",
    "Concept",
    "CorpusRun",
    "DateRef",
    "Event",
    "EventVerb",
    "Figure",
    "FigureWords",
    "Mention",
    "PlaceInfo",
    "Quote",
    "ReportingVerb",
    "RoleInfo",
    "Sentence",
    "SentenceDate",
    "Statement",
    "Token",
    "WireDateline",
    "actor_graph",
    "actor_info",
    "actor_network",
    "actor_tone",
    "analyze",
    "analyze_corpus",
    "apply_corrections",
    "article_dates",
    "build_nltk_data",
    "compile_cue",
    "corrections_table",
    "ensure_nltk_data",
    "event_table",
    "event_verbs",
    "explain_merges",
    "extract_quotes",
    "figure_words",
    "find_dates",
    "find_events",
    "find_figures",
    "find_statements",
    "find_wire_dateline",
    "generate_articles",
    "load_actors",
    "load_concepts",
    "load_places",
    "load_roles",
    "merge_events",
    "parse_dateline",
    "parse_number",
    "place_info",
    "position_map",
    "position_matrix",
    "positions",
    "quote_spans",
    "quotes_table",
    "read_article",
    "read_corpus",
    "reporting_verbs",
    "resolve_role",
    "role_holders",
    "score_statements",
    "sentence_dates",
    "split_sentences",
    "statement_table",
    "tag_mentions",
    "templates_frame",
    "timex_span",
    "to_acled",
    "to_frame",
    "to_graphml",
    "to_timeml",
    "todo_list",
    "tokenize",
    "translit_key",
    "unmerge",
    "write_templates",
]
