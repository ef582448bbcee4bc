"""Quotations in marks, and the attribution of every quotation and claim to its speaker.

:func:`extract_quotes` finds three kinds of :class:`~karabakh.records.Quote`,
and a fourth that is no quote (``term``, rule 5 of the quote marks):

* ``direct``: a quotation in marks that stands as its own sentence or clause
  (``“We will stop,” she said.`` / ``Moscow accuses: «...»``);
* ``partial``: a quoted fragment inside a sentence of the writer's
  (``defined the offensive as “an ethnic cleansing operation”``,
  ``said that «...»``, ``promises an end “if ...”``);
* ``indirect``: reported speech without marks (``X said that ...``,
  ``according to X, ...``, ``X claims that ...``, ``X announced a truce``).

This module holds the quotations in marks and the attribution: the cue and
speaker phrase of each quotation (below), the speakers of quotations and
claims alike, resolved in one pass in text order, and the records. The
claims are found by :func:`karabakh.extract.claims.indirect_claims`, which
:func:`extract_quotes` calls once the quotations are attributed (the cues
they took are not reused for a claim, except by a trailing attribution);
what both read of the reporting cues (the ``_Raw`` record they hand on, the
word before a cue, what may follow one) is in :mod:`karabakh.extract._cues`.

Quote marks are paired by :mod:`karabakh.text.quote_marks` (its rules 1-5:
apostrophes, which mark opens and which closes, quotations across sentences
and paragraphs, attributions found inside the marks, and terms: a title, name
or scare quote in marks, words of the writer's sentence, not speech), and read
here from ``doc.quotation_marks``. A term (``kind="term"``) has no cue, no
speaker and is never a quote; for the attribution its marks are blanked, so
the subject or claim around it reads as it would without them (``The
self-styled “parliament” said that ...``).

Cues come from ``data/reporting_verbs.csv`` (verbs of saying, of manner of
speaking and writing: ``shout``, ``whisper``, ``quip``, ``interject``,
``write``, ``post``, ``tweet``, ``read`` ...; every form written out; matched
case-sensitively in lower case, so ``State`` in ``Secretary of State`` is not
a cue). A form that is also a noun (``reports``, ``claims``, ``calls for``:
the ``noun_forms`` column) is no cue before ``of`` or after a possessive, a
number, a lower-case participle, another cue form or a few modifiers
(``called reports of ...``, ``Baku's claims``, ``repeated calls for``);
``Baku reports that`` stays a cue. A quotation's cue and speaker are looked
for, in this order: an attribution found inside it (quote-mark rule 4); for a quotation
continued into a new paragraph (rule 3) that opens right after an attributed
quotation, that attribution (``speaker_rule='previous'``: the news
convention is that the same speaker goes on); right after it in the same
sentence (``,” the ministry said`` / ``,” said Baerbock`` / ``», — said
Peskov`` / ``” — Lavrov said``; a ``?`` or ``!`` ending the quotation does
not end the sentence when a cue follows: ``“Why now?” Klaar asked``; not
after a quotation that ended its sentence with a full stop); for the second
piece of a quotation interrupted by its cue (``“We will stay,” he said,
“until the last family leaves.”``), the cue and speaker of the first piece:
each piece is a record of its own with its exact span, the second's
``continues`` naming the first's ``content_start``; before it in the same
sentence (the last cue not inside another quotation and not a noun, with its
subject, or ``by X`` after a nominal cue such as ``an appeal ... by X``); the
attribution of the quotation just before, when only white space separates
them (``“...,” she said. “...”``); the next sentence when it reads ``X said
this/so`` ; the previous paragraph when it ends with a colon; a headline-like fragment
before a colon that starts with a name and has no verb (``Aliyev on the
offensive: “...”``: the name, no cue, and a ``problem`` that says so); last,
the latest attributed quotation of the same paragraph when no reporting cue
stands between them (``“...,” he said. The hall was quiet. “...”``:
``speaker_rule='previous'``; ``Zakharova said nothing.`` in between breaks
it). A verb of the ``colon`` frame also introduces a quotation right after
it (``the banner read “Peace now”``). A
cue of the ``colon`` frame (``addressed the nation:``, ``continued``,
``as one official put it``) introduces only quotations, never a claim. A
partial quotation followed by ``, a charge X denies`` keeps the cue before
it. An ``-ing`` cue after a comma (``..., the ministry said, adding that
...``) shares the speaker of the cue before it in the sentence, for a
quotation and for a claim. When the
speaker after the quotation is a possessive pronoun's staff (``“...”, his
spokesman said``) and a cue with a subject stands before the quotation in
the same sentence (``Guterres called for “...”, his spokesman said``), the
claim is that subject's, and the ``problem`` notes the channel ("reported
through 'his spokesman said'").

Speakers (never a guess; unresolved gives ``speaker_id=None`` and a
``problem``; a resolved speaker may carry a ``problem`` too, as a note):

* an actor mention (from :func:`karabakh.text.actors.tag_mentions`) in the
  speaker phrase: a person wins (``The President of Azerbaijan, Ilham
  Aliyev``), otherwise the first non-adjective actor before any
  preposition (``The Armenians of Nagorno Karabakh``). A person matched on
  the surname alone right after an unknown given name (``Hayk Vardanyan``
  when only ``Vardanyan`` is an alias) is another person: ``None``;
* a name the dictionary does not know (a ``kind="unknown"`` mention in the
  speaker phrase, or its appositive: ``Deputy Foreign Minister Jane Doe``)
  is the speaker: ``None``, ``speaker_text`` names that person and the
  ``problem`` reads "speaker is not in the dictionary: 'Jane Doe'" (never
  another holder of the title);
* spokespersons (``speaks_for`` nouns of ``data/speaker_nouns.csv``:
  spokesman, press secretary, press service, office) speak for the actor
  named before the noun or after ``for``/``of`` (``Armenian government
  spokeswoman Jane Doe``, ``a spokesman for the ministry``, ``Aliyev's
  office``) or for the antecedent of a possessive pronoun (``his
  spokesman``): the words are attributed to that actor with
  ``speaker_rule='spokesperson-for'`` and a ``problem`` that names the
  spokesperson. A spokesperson who is in the dictionary (``Kremlin
  spokesman Dmitry Peskov``) is the speaker;
* ``he``/``she`` (and ``his``/``her``) refer to the most recent sentence
  that names a person (earlier speakers and mentions alike); in it a speaker
  wins over other mentions; when it names two different persons and no
  single speaker the pronoun is ambiguous: ``None``. Gender is not in the
  dictionary, so he and she are treated alike. ``it``/``they`` resolve to
  the most recent body (any non-person actor), preferring earlier speakers
  over other mentions. A pronoun whose antecedent is an unknown name gives
  ``None`` with that name as ``speaker_text``; one whose antecedent is an
  unknown spokesperson gives the actor spoken for;
* a description of a person's office (``the aide``, ``the envoy``, ``the
  director``, ``the ombudsman``) first goes to the person the article
  introduced with that office: the role in ``roles.csv``, the title right
  before the name, or an apposition after it (``Hikmet Hajiyev, an aide to
  Azerbaijan's president``; a name that completes another's title, "an aide
  to *Azerbaijan's president*", is not introduced by it). Forms of one row
  of ``speaker_nouns.csv`` name one office (``adviser`` finds ``aide``);
* a scare-quoted description (``the self-styled “government” of ...``) is
  matched to no earlier actor;
* a describing noun (``the ministry``, ``the politician``, ``German
  minister``; ``data/speaker_nouns.csv``) resolves to the most recent actor
  of a matching type, role and side, speakers first. The side comes from a
  country adjective or name in the phrase, or else from a place that also
  names an actor (``the foreign ministry in Baku``: Baku is ``AZE_GOV``, so
  the side is AZE). When no earlier actor matches and the phrase has one
  side, the dictionary decides (``speaker_rule='dictionary'``): the one
  non-person actor of that side whose type and name fit the noun
  (``foreign ministry`` -> ``AZE_MFA``); if several fit, those whose name
  contains the noun, then the actor the place names (``officials in
  Stepanakert``); still several, or none: ``None`` -- unless the phrase
  names its country or capital as an actor (``Baku's ministry``), which is
  then the speaker, with a note. A party or agency named in the phrase is
  the speaker (``the FRA leadership``). ``its``/``his`` + an institution
  noun (``its defence ministry``) is looked up the same way with the
  antecedent's side;
* ``a statement from X`` / ``a report by X``: the speaker is X;
* a cue coordinated with an earlier one in the same sentence (``Armenia
  claims that ... and calls for ...``) shares its speaker; with no earlier
  cue, the subject of the sentence's main verb (``The ministry welcomed the
  talks and added that ...``, ``called it “...” but said ...``);
* ``in what X said were “...”``: X and that cue.

* an indefinite description (``an official``, ``a diplomat``) introduces an
  unnamed speaker: ``None``, and so is a later ``the official``; so does a
  bare plural without a determiner or a side (``Officials said``,
  ``Witnesses said``) and a noun for people who are never in the dictionary
  (``a source``, ``residents``: ``match`` ``-`` in ``speaker_nouns.csv``);
* a describing noun whose most recent match stands in a sentence that names
  another actor the noun fits (``The Armenian foreign ministry and the
  Azerbaijani foreign ministry ... The ministry said``) is ambiguous:
  ``None``. A lower-case word before a generic ``ministry`` must be in the
  actor's name (``the health ministry`` is no foreign ministry);
* several speakers joined by ``and`` (``Macron and Scholz said``, ``“...,”
  Borrell and Blinken said``) are no one speaker: ``None``, with a
  ``problem`` naming each (``several speakers: Emmanuel Macron
  (MACRON_EMMANUEL) and Olaf Scholz (SCHOLZ_OLAF)``), so that a researcher
  can split the statement by hand. A singular cue (``says``) never takes two
  subjects.

What a claim's content is, where it ends, whose it is and how an agency's
source line is cut from it: see :mod:`karabakh.extract.claims`. A speech act
whose object is a noun phrase (``announced a counter-terrorism operation``,
``calls for the intervention of ...``) is an event
(:mod:`karabakh.extract.events`), not a claim: :func:`speech_act_claims`
returns those apart, and ``analyze()`` passes them to the statements
extractor only.

The subject of a cue is the phrase after the last clause boundary (comma,
``and``, ``when``, ``that`` ...) before it, auxiliaries and adverbs of time
set aside (before or after it: ``Later the governor said``); when a comma
comes right before the cue (``Pashinian, already accused of ..., assured
today``) the subject is the first phrase of the clause, with an appositive
name after it (``The President of Azerbaijan, Ilham Aliyev, ...``). A news
agency told (``told Reuters``) is the channel, not the speaker. ``what it
called`` takes ``it`` as the subject.

Wire copy: a dateline opening a paragraph (``YEREVAN, Sept 25 (Reuters) -``,
``BAKU, Azerbaijan (AP) —``) is a sentence of its own, so a quotation after it
is direct and no dateline enters a claim. A quotation that opens a
parenthesis (``(“...,” she said.)``) is direct.

>>> text = "“We will not leave,” the minister said. “Never.”"
>>> [(q.kind, q.content, q.cue) for q in extract_quotes(text, mentions=[])]
[('direct', 'We will not leave', 'said'), ('direct', 'Never.', 'said')]
>>> text = "The foreign ministry in Baku said residents were free to stay."
>>> [(q.speaker_id, q.speaker_rule) for q in extract_quotes(text)]
[('AZE_MFA', 'dictionary')]
>>> q = extract_quotes("“Buses are coming,” said Armenian government spokeswoman Jane Doe.")[0]
>>> (q.speaker_id, q.speaker_rule, q.speaker_text)
('ARM_GOV', 'spokesperson-for', 'Jane Doe')
>>> q.problem
"speaker is not in the dictionary: 'Jane Doe'; the words are attributed to
 Government of Armenia, on whose behalf the speaker speaks"
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..records import Mention, Quote
from ..text._patterns import SPACE_RUN
from ..text.actors import actor_info
from ..text.articles import header_match, parse_dateline
from ..text.clauses import (
    DETERMINERS,
    FINITE,
    NAME_WORDS,
    NP_STOP,
    cue_is_noun,
    last_speaker_noun,
    names_a_person,
    np_after,
    np_ok,
    speaker_noun_key,
    speaks_for_in,
    strip_aux,
    subject_of,
    trim,
)
from ..text.document import Document
from ..text.lexicon import (
    ReportingVerb,
    alternation,
    cue_pattern,
    function_role,
    function_words,
    reporting_forms,
    reporting_noun_forms,
    reporting_verbs,
)
from ..text.quote_marks import QuotationSpan, pair_quote_marks, quote_spans
from ..text.references import POSSESSIVE_PRONOUN, Antecedent, Resolution, Resolver
from ..text.sentences import SPACES, SentenceIndex
from ._cues import _TAIL_OK, _last_word, _Raw
from .claims import indirect_claims

if TYPE_CHECKING:
    import pandas as pd

# ReportingVerb and reporting_verbs (text.lexicon), quote_spans and pair_quote_marks
# (text.quote_marks) live in the text layer; they are named here too, where they were
__all__ = [
    "ReportingVerb",
    "extract_quotes",
    "pair_quote_marks",
    "quote_spans",
    "quotes_table",
    "reporting_verbs",
]


# ------------------------------------ quotations (paired by karabakh.text.quote_marks)


def _attribution_text(doc: Document) -> str:
    """The text the attribution reads: the marks of every term blanked (same offsets).

    A term is words of the writer's sentence (``The self-styled “parliament”
    said that ...``): without its marks the subject and claim around it read
    as they would without the quotation. Records are sliced from ``doc.text``.
    """
    text = doc.text
    marks = sorted(i for sp in doc.quotation_marks if sp.term for i in (sp.open, sp.close)
                   if i is not None)
    if not marks:
        return text
    pieces, pos = [], 0
    for i in marks:
        pieces.append(text[pos:i])
        pieces.append(" ")
        pos = i + 1
    pieces.append(text[pos:])
    return "".join(pieces)


# what stands between the two pieces of a quotation interrupted by its cue:
# “We will stay,” he said, “until ...” / «...», — said Peskov, «...»
_INTERRUPTION = re.compile(
    r"[\s,]*[—–-]?\s*(?P<attr>[^.!?;:“”«»\"‘’—–]{2,120}?)\s*,\s*(?:[—–-]\s*)?$"
)


def _interrupted(
    text: str, sp: QuotationSpan, k: int, spans: Sequence[QuotationSpan], raws: Sequence[_Raw]
) -> _Raw | None:
    """The first piece of a quotation that its cue interrupts, when ``sp`` is the second.

    ``“We will stay,” he said, “until the last family leaves.”``: the text
    between the two quotations is only the attribution (the cue the first
    piece took, with its speaker) and a comma, and the first piece ended with
    a comma inside or after its marks, not a full stop. The second piece is
    then the same quote: the record keeps its own span and ``continues``
    names the content start of the first piece.
    """
    if not k or not raws or sp.open is None:
        return None
    prev, first = spans[k - 1], raws[-1]
    if first.cue is None or first.kind == "term" or prev.close is None:
        return None
    if text[prev.close - 1] in ".!?" or first.cue[0] < prev.end:
        return None  # the first piece ended its sentence, or its cue stands before it
    if first.cue[1] > sp.open or _INTERRUPTION.fullmatch(text, prev.end, sp.open) is None:
        return None
    if text[prev.close - 1] != "," and not text[prev.end : prev.end + 1] == ",":
        return None
    return first


def _paragraph_speaker(
    text: str, sp: QuotationSpan, k: int, raws: Sequence[_Raw], cues: _CueIndex
) -> _Raw | None:
    """The attributed quotation before ``sp`` in its paragraph, when no one spoke since.

    A quotation with no cue of its own that opens a sentence keeps the
    speaker of the last attributed quotation of the paragraph when no
    reporting cue stands between them (``“...,” he said. The hall was quiet.
    “...”``); a cue in between (another speaker, or a claim) breaks the chain.
    """
    if not k or not raws:
        return None
    prev = raws[-1]
    if prev.cue is None or prev.kind == "term" or prev.how == "none":
        return None
    between = text[prev.end : sp.start]
    if "\n" in between:
        return None
    if cues.between(max(prev.end, prev.cue[1]), sp.start):
        return None
    return prev


def _cue_sentence_after(
    text: str, sp: QuotationSpan, s1: int, sents: SentenceIndex, cues: _CueIndex
) -> int:
    """Where the sentence of a quotation ending in ``?`` or ``!`` really ends.

    ``“Why now?” Lavrov asked.``: the question mark before a capital looks
    like a sentence end, but a cue right after (within a few words, with only
    its subject or nothing before it) continues the sentence. Returns the end
    of that next sentence, or ``s1`` unchanged.
    """
    if sp.close is None or text[sp.close - 1] not in "?!" or s1 >= len(text):
        return s1
    if text[sp.end : s1].strip(SPACES):
        return s1  # the next sentence does not start right after the quotation
    for c in cues.between(s1, min(len(text), s1 + 80)):
        verb = reporting_forms().get(SPACE_RUN.sub(" ", c.group()).lower())
        if verb is None or verb.frame == "source":
            return s1
        lead = text[s1 : c.start()]
        if _STOP_OR_MARK.search(lead):
            return s1
        if lead.strip() and not np_ok(text, s1, strip_aux(text, s1, c.start())):
            return s1
        return sents.end_of(c.start())
    return s1


def _term_raw(sp: QuotationSpan) -> _Raw:
    """A term's record: its own kind, no cue, no speaker, a note that says why."""
    return _Raw("term", sp.cstart, sp.cend, sp.start, sp.end, None, None, "term",
                "a title, name or scare quote in marks (a term): not speech, no speaker")


_COMMA_LIKE = re.compile(r"[,;:]")
_STOP_OR_MARK = re.compile(r"[.!?;:“”«»\"]")
_BY_AGENT = re.compile(r"(?<![\w-])by\s+(?P<np>[^,;:.!?“”«»\"]{2,80})")
_ANAPHOR = re.compile(r"\s*(?:this|so|these\s+words|it|that)\b")


class _CueIndex:
    """Every cue of a text, found once; ``between(a, b)`` lists those in ``text[a:b]``."""

    def __init__(self, text: str) -> None:
        self.matches = list(cue_pattern().finditer(text))
        self.starts = [m.start() for m in self.matches]
        self.ends = [m.end() for m in self.matches]

    def between(self, a: int, b: int) -> list[re.Match[str]]:
        """The cues that start at or after ``a`` and end at or before ``b``."""
        i = bisect.bisect_left(self.starts, a)
        j = bisect.bisect_right(self.ends, b)
        return self.matches[i:j] if i < j else []


def _cue_before(
    text: str, s0: int, qstart: int, inside_quote: object, cues: _CueIndex
) -> tuple[tuple[int, int], tuple[int, int] | None, str] | None:
    """The cue before a quotation in its sentence: ``(cue, speaker phrase, how)``.

    The last cue not inside another quotation and not used as a noun wins; a
    nominal cue after a determiner (``an appeal ... by X``) takes its ``by``
    agent, or, without one, gives way to an earlier cue (``denied the claims``).
    """
    assert callable(inside_quote)
    for last in reversed(cues.between(s0, qstart)):
        if inside_quote(last.start()) or cue_is_noun(text, last.start(), last.end()):
            continue
        verb = reporting_forms().get(SPACE_RUN.sub(" ", last.group()).lower())
        if (
            verb is not None
            and verb.frame == "colon"
            and ":" not in text[last.end() : qstart]
            and text[last.end() : qstart].strip(SPACES)
        ):
            continue  # "addressed the nation:" / "the sign read “...”" introduce a quotation
        prev_word = _last_word(text, s0, last.start())
        if prev_word and prev_word.lower() in DETERMINERS:
            agent = _BY_AGENT.search(text, last.end(), qstart)
            if agent:
                x = agent.start("np")
                stop = NP_STOP.search(text, x, agent.end("np"))
                y = stop.start() if stop else agent.end("np")
                x, y = trim(text, x, y)
                return last.span(), (x, y), "np"
            if last.group().lower() in reporting_noun_forms():
                continue
            return None
        if last.group().endswith("ing") and text[s0 : last.start()].rstrip().endswith(","):
            # "..., the ministry said, adding that there was “no reason” to ..."
            earlier = _cue_before(text, s0, last.start(), inside_quote, cues)
            if earlier is not None and earlier[1] is not None:
                return last.span(), earlier[1], earlier[2]
        subj = subject_of(text, s0, last.start())
        if subj is not None and not subj.coordinated:
            return last.span(), (subj.a, subj.b), "np"
        if subj is not None:
            return last.span(), None, "coordinated"
        if last.group()[0].isupper() or last.group() == "according to":
            np = np_after(text, last.end(), qstart)
            if np:
                return last.span(), np, "np"
        return None
    return None


def extract_quotes(
    text: str | Document,
    mentions: Sequence[Mention] | None = None,
    *,
    dateline: dt.date | str | None = None,
    on: dt.date | str | None = None,
) -> list[Quote]:
    """Find every quotation and reported claim, with its cue and speaker.

    Args:
        text: the article text (for an :class:`~karabakh.Article`, pass
            ``article.text``), or a :class:`~karabakh.text.document.Document`
            (whose mentions, quotations and sentences are then reused);
            offsets index the text unchanged.
        mentions: actor mentions of ``text``; when ``None`` they are found
            with :func:`karabakh.text.actors.tag_mentions`. Pass ``[]`` to extract
            without any actor dictionary (every speaker is then ``None``).
        dateline: the article's date, passed to ``tag_mentions`` to resolve
            title phrases ("the president of Azerbaijan") when ``mentions``
            is ``None``; by default a leading ``date YYYY-MM-DD`` header is
            used.
        on: deprecated alias of ``dateline``.

    Returns:
        Quotes in text order (by content start). ``speaker_id`` is an actor
        id or ``None`` with a ``problem`` saying why.

    Raises:
        ValueError: if ``text`` is not a string or a Document.

    >>> t = "Moscow accuses: «A car was hit.” Armenia claims that it has no troops there."
    >>> [(q.kind, q.content, q.cue, q.speaker_text) for q in extract_quotes(t, [])]
    [('direct', 'A car was hit.', 'accuses', 'Moscow'),
     ('indirect', 'it has no troops there', 'claims', 'Armenia')]
    """
    doc = as_document(text, mentions, dateline, on, where="extract_quotes")
    return _extract(doc, doc.mentions if mentions is None else mentions)


def as_document(
    text: str | Document,
    mentions: Sequence[Mention] | None,
    dateline: dt.date | str | None,
    on: dt.date | str | None,
    *,
    where: str,
) -> Document:
    """The :class:`Document` an extractor works on, from its plain-text arguments.

    ``on`` is the deprecated spelling of ``dateline`` (a ``DeprecationWarning``);
    a string date is parsed with :func:`karabakh.parse_dateline`.

    >>> as_document("Calm.", [], "2023-09-20", None, where="x").dateline
    datetime.date(2023, 9, 20)
    """
    if on is not None:
        warnings.warn(
            f"{where}: on= is deprecated, use dateline=", DeprecationWarning, stacklevel=3
        )
        if dateline is None:
            dateline = on
    if isinstance(text, Document):
        return text
    if not isinstance(text, str):
        raise ValueError(f"{where}: text must be a str, not {type(text).__name__}")
    return Document(text, parse_dateline(dateline, where=f"{where}: dateline"), mentions)


def speech_act_claims(
    text: str | Document, mentions: Sequence[Mention] | None = None
) -> tuple[list[Quote], list[Quote]]:
    """The quotes and claims, and apart from them the speech acts with a noun-phrase object.

    ``announced a counter-terrorism operation``, ``calls for the intervention
    of ...``: such an act is no reported speech (it is a speech-act event of
    :mod:`karabakh.events`) and is not among :func:`extract_quotes`' records,
    but it is still a position its actor takes, so the statements extractor
    reads it. Both lists are resolved in one pass, in text order, so an act's
    subject is remembered for the pronouns after it ("They also said").

    Returns:
        ``(quotes, acts)``: ``quotes`` is what :func:`extract_quotes` returns;
        ``acts`` are records of kind ``indirect`` whose content is the object.

    >>> q, acts = speech_act_claims("Armenia calls for urgent talks. It says it will wait.", [])
    >>> [x.content for x in q], [x.content for x in acts]
    (['it will wait'], ['urgent talks'])
    """
    doc = as_document(text, mentions, None, None, where="speech_act_claims")
    return _extract_all(doc, doc.mentions if mentions is None else mentions)


def _extract(doc: Document, mentions: Sequence[Mention]) -> list[Quote]:
    return _extract_all(doc, mentions)[0]


def _extract_all(doc: Document, mentions: Sequence[Mention]) -> tuple[list[Quote], list[Quote]]:
    text = _attribution_text(doc)  # term marks blanked (issue 19)
    spans = doc.quotation_marks
    sents = doc.sentences
    raws: list[_Raw] = []
    used: set[int] = set()  # offsets of cues already used by a quotation
    qbounds = [(s.start, s.end) for s in spans if not s.term]
    qstarts = [a for a, _ in qbounds]

    def inside_quote(pos: int) -> bool:
        k = bisect.bisect_right(qstarts, pos) - 1
        return k >= 0 and qbounds[k][0] <= pos < qbounds[k][1]

    cues = _CueIndex(text)
    for k, sp in enumerate(spans):
        raws.append(_attribute(text, sp, k, spans, sents, raws, used, inside_quote, cues))
    media = sorted((m.start, m.end) for m in mentions if m.kind == "actor" and m.type == "media")
    acts: list[_Raw] = []
    raws.extend(indirect_claims(text, sents, raws, used, inside_quote, cues.matches, media, acts))
    act_keys = {(r.cstart, r.cend, r.cue) for r in acts}
    # a fresh resolver: what it remembers of this run's speakers stays in this run; the
    # document's own resolver lends its indexes when it reads the same mentions
    if mentions is doc.mentions or list(mentions) == doc.mentions:
        resolver = doc.resolver.fresh()
    else:
        resolver = Resolver(doc.text, mentions, doc.quotations, sents)
    everything = _resolve_all(doc.text, resolver, raws + acts)

    def is_act(q: Quote) -> bool:
        cue = (q.cue_start, q.cue_end) if q.cue_start is not None else None
        return (q.content_start, q.content_end, cue) in act_keys

    return [q for q in everything if not is_act(q)], [q for q in everything if is_act(q)]


#: where a quoted fragment's noun phrase ends: the ``fragment_stop`` role of ``data/function_words.csv``
_FRAGMENT_STOP = re.compile(rf"\s(?:{alternation(function_role('fragment_stop'))})\s")
_INDEFINITE_START = re.compile(
    rf"(?:{alternation(set(function_words('article')) & set(function_role('indefinite')))})\s")
_BLANK = re.compile(r"\n[ \t\r]*\n")
_WHAT_X_SAID = re.compile(
    r"(?<![\w-])(?i:what)\s+(?P<np>[^,;:“”«»\"]{1,60}?)\s+"
    r"(?P<cue>said|says|called|calls|described\s+as|describes\s+as|termed|dubbed)"
    r"(?:\s+(?:was|were|is|are|as))?\s*\Z"
)
#: a coordinator of ``data/function_words.csv`` ("and", "but"), "and then", "but also", "and also"
_COORDINATOR = re.compile(rf"(?i:{alternation(function_words('coordinator'))}|and\s+then|but\s+also|and\s+also)")


_NAME_ONLY = re.compile(NAME_WORDS)


def _appositive_name(text: str, a: int, b: int, c: int, d: int) -> bool:
    """Is ``text[a:b], text[c:d]`` a person's description and then their name?

    "the EU's crisis management commissioner, Jane Roe": the description's last
    describing noun names a person and the words after the comma are a name.
    """
    c, d = trim(text, c, d)
    if not _NAME_ONLY.fullmatch(text, c, d):
        return False
    noun = last_speaker_noun(text, a, b)
    return noun is not None and not text[noun.end():b].strip() and names_a_person(speaker_noun_key(noun))


def _attribute(
    text: str,
    sp: QuotationSpan,
    k: int,
    spans: Sequence[QuotationSpan],
    sents: SentenceIndex,
    raws: Sequence[_Raw],
    used: set[int],
    inside_quote: object,
    cues: _CueIndex,
) -> _Raw:
    """Find the cue and speaker phrase of one quotation."""
    assert callable(inside_quote)
    s0 = sents.start_of(sp.start)
    s1 = sents.end_of(max(sp.end - 1, sp.start))
    s1 = _cue_sentence_after(text, sp, s1, sents, cues)  # “Why now?” Lavrov asked (issue 19)
    before = text[s0 : sp.start]
    before_s = before.strip()
    header = header_match(before)
    if header:
        before_s = before[header.end() :].strip()
    prev_end = spans[k - 1].end if k else 0
    before_s = before_s.lstrip("([").lstrip()  # a quotation that opens a parenthesis
    direct = not before_s or before_s.endswith(":") or (s0 >= prev_end and before_s == ",")
    kind = "direct" if direct else "partial"
    problem = sp.problem

    def make(cue: tuple[int, int] | None, np: tuple[int, int] | None, how: str) -> _Raw:
        if cue:
            used.add(cue[0])
        pts = [sp.start, sp.end] + [x for x in (cue or ()) + (np or ())]
        return _Raw(
            kind, sp.cstart, sp.cend, min(pts), max(pts), cue, np, how, problem, sp.unbalanced
        )

    if sp.term:
        return _term_raw(sp)
    if sp.unbalanced and sp.inner is None:
        return make(None, None, "none")
    if sp.inner is not None:
        x, y, cs, ce = sp.inner
        return make((cs, ce), (x, y), "np")
    first = _interrupted(text, sp, k, spans, raws)  # issue 19: “...,” he said, “...”
    if first is not None:
        return make(first.cue, first.np, "previous")._replace(kind=first.kind,
                                                              continues=first.cstart)
    # 0. a quotation continued into a new paragraph right after an attributed one
    if sp.reopened and k and raws and not before_s:
        prev = raws[-1]
        after_prev = sents.end_of(max(prev.end, spans[k - 1].end) - 1)
        if prev.cue is not None and after_prev == s0:
            return make(prev.cue, prev.np, "previous")
    # 1a. "in what X said were “...”": the cue and speaker of the relative before it
    what = _WHAT_X_SAID.search(text, max(s0, sp.start - 120), sp.start)
    if what is not None and np_ok(text, *what.span("np")):
        return make(what.span("cue"), what.span("np"), "np")
    # 1. after the quotation, same sentence
    after_found: tuple[tuple[int, int], tuple[int, int]] | None = None
    next_open = spans[k + 1].start if k + 1 < len(spans) else len(text)
    limit = min(s1, next_open)
    ends_sentence = text[sp.cend - 1 : sp.cend] == "." and not text[sp.end : sp.end + 1] == ","
    if not ends_sentence and sp.end < limit:
        after = text[sp.end : limit]
        lead = len(after) - len(after.lstrip(SPACES + ",—–"))  # «...», — said Peskov
        a0 = sp.end + lead
        cue = None
        for c in cues.between(a0, limit):
            if cue_is_noun(text, c.start(), c.end()):
                continue
            cpos = text.rfind(",", a0, c.start())
            clause = text[cpos + 1 if cpos >= 0 else a0 : c.start()].split()
            if not (clause and clause[0].lower() in {"who", "which", "whose", "where"}):
                cue = c
                break
        if cue and reporting_forms().get(SPACE_RUN.sub(" ", cue.group()).lower()):
            if cue.start() == a0:
                np = np_after(text, cue.end(), limit)
                if np:
                    after_found = (cue.span(), np)
            else:
                x, y = trim(text, a0, strip_aux(text, a0, cue.start()))
                comma = _COMMA_LIKE.search(text[x:y])
                if comma and speaks_for_in(text, x + comma.end(), y) and np_ok(text, x, y):
                    pass  # “...,” Jane Doe, a spokeswoman for the ICRC, said
                elif comma and _appositive_name(text, x, x + comma.start(), x + comma.end(), y):
                    pass  # “...,” the EU's crisis commissioner, Jane Roe, told reporters
                elif comma:  # “...,” Pashinyan, 48, said / the official, who ..., added
                    first_ok = np_ok(text, x, x + comma.start())
                    last_comma = text.rfind(",", x, y)
                    if not first_ok and _TAIL_OK.match(text, cue.end(), limit):
                        # “sovereignty” over the region, the ministry said.
                        x, y = trim(text, last_comma + 1, y)
                    else:
                        y = x + comma.start()
                if text.startswith("as ", x) or text.startswith("As ", x):
                    x += 3  # “...,” as one official put it
                if x < y and np_ok(text, x, y) and not _COORDINATOR.fullmatch(text, x, y):
                    # (not "“...” but said ...": a coordinated verb, the subject is before)
                    after_found = (cue.span(), (x, y))
    if (
        after_found is not None
        and kind == "partial"
        and _INDEFINITE_START.match(text, after_found[1][0])
    ):
        found = _cue_before(text, s0, sp.start, inside_quote, cues)
        if found is not None and found[1] is not None:
            return make(*found)  # “...”, a charge Baku denies: the cue before is the claim's
    if after_found is not None:
        (cs, ce), (x, y) = after_found
        if POSSESSIVE_PRONOUN.match(text, x):
            # “...”, his spokesman said: the claim is the in-sentence subject's
            found = _cue_before(text, s0, sp.start, inside_quote, cues)
            if found is not None and found[1] is not None:
                note = (
                    f"reported through {text[min(x, cs) : max(y, ce)]!r}; attributed to the "
                    f"subject of {text[found[0][0] : found[0][1]]!r}"
                )
                problem = note if problem is None else f"{problem}; {note}"
                return make(*found)
        return make((cs, ce), (x, y), "np")
    # 2. before the quotation, same sentence
    found = _cue_before(text, s0, sp.start, inside_quote, cues)
    if found is not None:
        return make(*found)
    # 3. the quotation just before, when only white space separates them, in the
    # same paragraph (a new paragraph with a new quote and no cue is a new voice;
    # a quotation carried over paragraphs is rule 0)
    if k and raws and not before_s:
        prev = raws[-1]
        prev_end = max(prev.end, spans[k - 1].end)
        after_prev = sents.end_of(prev_end - 1)
        if prev.cue is not None and after_prev == s0 and not _BLANK.search(text, prev_end, sp.start):
            return make(prev.cue, prev.np, "previous")
    # 4. the next sentence, "X said this"
    if not before_s and s1 < len(text):
        s2 = sents.end_of(s1)
        for c in cues.between(s1, s2):
            if _ANAPHOR.match(text, c.end()):
                x, y = trim(text, s1, strip_aux(text, s1, c.start()))
                if x < y and np_ok(text, x, y):
                    return make(c.span(), (x, y), "np")
            break
    # 5. a previous paragraph ending with a colon
    if not before_s:
        back = s0
        while back > 0 and text[back - 1].isspace():
            back -= 1
        if back > 0 and text[back - 1] == ":":
            p0 = sents.start_of(back - 1)
            for c in cues.between(p0, back):
                last = c
            if last is not None and last.start() >= p0:
                subj = subject_of(text, p0, last.start())
                if subj is not None and not subj.coordinated:
                    return make(last.span(), (subj.a, subj.b), "np")
    # 6. a headline-like fragment before a colon: "Aliyev on the offensive: “...”"
    if before_s.endswith(":") and len(before_s.split()) <= 8:
        x = s0 + len(before) - len(before.lstrip())
        colon = s0 + len(before.rstrip()) - 1
        if header:
            x = s0 + header.end()
        stop = _FRAGMENT_STOP.search(text, x, colon)
        x, y = trim(text, x, stop.start() if stop else colon)
        fragment = text[x:colon]
        if (
            x < y
            and text[x].isupper()
            and text[x:y].split()[0].lower() not in DETERMINERS
            and np_ok(text, x, y)
            and not FINITE.search(fragment)
            and cue_pattern().search(fragment) is None
        ):
            note = "no reporting verb: the speaker is the name heading the fragment before the colon"
            problem = note if problem is None else f"{problem}; {note}"
            return make(None, (x, y), "np")
    # 7. the last attributed quotation of the paragraph, nobody having spoken since (issue 19)
    if not before_s:
        same = _paragraph_speaker(text, sp, k, raws, cues)
        if same is not None:
            return make(same.cue, same.np, "previous")
    if problem is None:
        problem = "no reporting cue found near the quotation"
    return make(None, None, "none")


def _resolve_all(text: str, resolver: Resolver, raws: list[_Raw]) -> list[Quote]:
    """Resolve the speakers in text order of their phrases and build the records."""
    cache: dict[tuple[int, int], Resolution] = {}
    results: list[Quote] = []
    last = Resolution(None, None, "the speaker of the earlier cue is unknown", None)
    for raw in sorted(raws, key=lambda r: (r.np[0] if r.np else r.start, r.cstart)):
        problem = raw.problem
        res = Resolution(None, None, None, None)
        if raw.np is not None:
            if raw.np not in cache:
                cache[raw.np] = resolver.resolve(raw.np[0], raw.np[1], raw.np[0])
            res = cache[raw.np]
            if raw.how == "previous" and res.actor is not None:
                res = res._replace(rule="previous")
            elif raw.how == "coordinated" and res.actor is not None:
                res = res._replace(rule="coordinated")
        elif raw.how in {"previous", "coordinated"}:
            res = last._replace(rule=raw.how if last.actor else None)
        elif problem is None:
            problem = "no speaker found"
        if res.actor is not None or res.person is not None:
            who = Antecedent(res.actor, res.person, res.title)
            resolver.remember(raw.np[0] if raw.np else raw.start, who)
            last = res
        if res.actor is not None and res.note:
            problem = res.note if problem is None else f"{problem}; {res.note}"
        elif res.actor is None and problem is None:
            problem = res.problem or "speaker not resolved"
        spk = raw.np
        if res.person is not None:
            spk = (res.person.start, res.person.end)
        elif res.mention is not None and raw.how == "np":
            spk = (res.mention.start, res.mention.end)
        results.append(
            Quote(
                start=raw.start,
                end=raw.end,
                text=text[raw.start : raw.end],
                kind=raw.kind,
                content=text[raw.cstart : raw.cend],
                content_start=raw.cstart,
                content_end=raw.cend,
                speaker_id=res.actor.id if res.actor else None,
                speaker_text=text[spk[0] : spk[1]] if spk else None,
                speaker_start=spk[0] if spk else None,
                speaker_end=spk[1] if spk else None,
                cue=text[raw.cue[0] : raw.cue[1]] if raw.cue else None,
                cue_start=raw.cue[0] if raw.cue else None,
                cue_end=raw.cue[1] if raw.cue else None,
                problem=problem,
                speaker_rule=res.rule if res.actor else None,
                continues=raw.continues,
            )
        )
    results.sort(key=lambda q: (q.content_start, q.kind == "indirect"))
    return results


def quotes_table(quotes: Sequence[Quote]) -> pd.DataFrame:
    """A table a researcher can read: one row per quote, speaker named.

    Args:
        quotes: the result of :func:`extract_quotes`.

    Returns:
        A DataFrame with columns ``speaker`` (the actor's canonical name, or
        the speaker's words in brackets when unresolved, or ``(none)``),
        ``speaker_id``, ``side``, ``type``, ``kind``, ``cue``, ``content``,
        ``words`` (of the content), ``speaker_rule``, ``problem`` and
        ``content_start``.

    >>> t = "“We are ready,” Lavrov said. “Me too,” a resident said."
    >>> quotes_table(extract_quotes(t))[["speaker", "side", "kind", "words"]].values.tolist()
    [['Sergei Lavrov', 'RUS', 'direct', 3], ['[a resident]', nan, 'direct', 2]]
    """
    import pandas as pd

    rows = []
    for q in quotes:
        info = actor_info(q.speaker_id) if q.speaker_id else None
        if info is not None:
            speaker = info.name
        elif q.speaker_text:
            speaker = f"[{q.speaker_text}]"
        else:
            speaker = "(none)"
        rows.append(
            {
                "speaker": speaker,
                "speaker_id": q.speaker_id,
                "side": info.side if info else None,
                "type": info.type if info else None,
                "kind": q.kind,
                "cue": q.cue,
                "content": q.content,
                "words": len(q.content.split()),
                "speaker_rule": q.speaker_rule,
                "problem": q.problem,
                "content_start": q.content_start,
            }
        )
    columns = ["speaker", "speaker_id", "side", "type", "kind", "cue", "content", "words",
               "speaker_rule", "problem", "content_start"]
    return pd.DataFrame(rows, columns=columns)
