"""Quotations and reported claims, attributed to actors.

:func:`extract_quotes` finds three kinds of :class:`~karabakh.records.Quote`,
and a fourth that is no quote (``term``, rule 5 of the quote marks):

* ``direct``: a quotation in marks that stands as its own sentence or clause
  (``“We will stop,” she said.`` / ``Moscow accuses: «...»``);
* ``partial``: a quoted fragment inside a sentence of the writer's
  (``defined the offensive as “an ethnic cleansing operation”``,
  ``said that «...»``, ``promises an end “if ...”``);
* ``indirect``: reported speech without marks (``X said that ...``,
  ``according to X, ...``, ``X claims that ...``, ``X announced a truce``).

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
* an agency's closing source line (``..., Trend reports``) is cut from a
  claim and is not the speaker when the sentence names its own; it is the
  source of a report that names no one else (``A convoy arrived, TASS said``);
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

Claims: the content of a claim is a clause (``said that ...``, ``said 290
people were ...``) or, after a directive or commissive verb, an infinitive
(``urged X to ...``, ``has pledged to ...``); a gerund after a denial or an
accusation (``denied targeting civilians``). A speech act whose object is a
noun phrase (``announced a counter-terrorism operation``, ``calls for the
intervention of ...``) is an event (:mod:`karabakh.extract.events`), not a
claim: :func:`speech_act_claims` returns those apart, and ``analyze()``
passes them to the statements extractor only.

The subject of a cue is the phrase after the last clause boundary (comma,
``and``, ``when``, ``that`` ...) before it, auxiliaries and adverbs of time
set aside (before or after it: ``Later the governor said``); when a comma
comes right before the cue (``Pashinian, already accused of ..., assured
today``) the subject is the first phrase of the clause, with an appositive
name after it (``The President of Azerbaijan, Ilham Aliyev, ...``). A cue
that is passive (``reported by``, ``was said``; but ``was quoted as
saying`` is a cue of its own), nominal (``the report``, ``an observation
post``) or a secondary source (``as reported by``) makes no claim of its
own. A news agency told (``told Reuters``) is the channel, not the speaker,
and an addressee after ``told`` is not part of the claim (``told reporters
the talks had failed``). ``what it called`` takes ``it`` as the subject.

Wire copy: a dateline opening a paragraph (``YEREVAN, Sept 25 (Reuters) -``,
``BAKU, Azerbaijan (AP) —``) is a sentence of its own, so a quotation after it
is direct and no dateline enters a claim. A claim whose attribution ends the
sentence (``Troops took the heights, the defence ministry said in a
statement.`` / ``..., said the ministry.``) is the text before the comma,
when what follows the cue is only an adjunct (``in a statement``, ``on
Tuesday``, ``on X, formerly Twitter``) and the claim does not open with a
subordinating word or a preposition (``After the talks ended, X said
nothing`` is no claim). An attribution in the middle of the claim (``The
road, the ministry said, will reopen``) keeps the whole sentence as the
content, with a ``problem``. A claim ends where ``, and`` / ``, while`` /
``;`` start a clause with a cue of its own.
A quotation that opens a parenthesis (``(“...,” she said.)``) is direct.

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
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from ..records import Mention, Quote
from ..text.actors import actor_info
from ..text.articles import header_match, parse_dateline
from ..text.clauses import (
    AUX,
    CLAUSE_START,
    DETERMINERS,
    FINITE,
    NP_STOP,
    PREP_START,
    cue_is_noun,
    np_after,
    np_ok,
    speaks_for_in,
    strip_aux,
    subject_of,
    trim,
)
from ..text.document import Document
from ..text.lexicon import (
    ReportingVerb,
    cue_pattern,
    reporting_forms,
    reporting_noun_forms,
    reporting_verbs,
)
from ..text.quote_marks import QuotationSpan, pair_quote_marks, quote_spans
from ..text.references import POSSESSIVE_PRONOUN, Antecedent, Resolution, Resolver
from ..text.sentences import SPACES, SentenceIndex

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


_SPACE_RUN = re.compile(r"\s+")  # a run of white space, read as one space


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
        verb = reporting_forms().get(_SPACE_RUN.sub(" ", c.group()).lower())
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



_BY_AFTER = re.compile(r"\s+by\b")
_AS = re.compile(r"\sas\s")
_NOT = re.compile(r"not\b")
_THAT_END = re.compile(r"(?<![\w-])that\s*$")
_CLAUSE_MARK = re.compile(r"[,;:.!?]")
_COMMA_LIKE = re.compile(r"[,;:]")
_STOP_OR_MARK = re.compile(r"[.!?;:“”«»\"]")
_PASSIVE_BEFORE = re.compile(r"(?<![\w-])(?:is|are|was|were|be|been|being|as|it\s+is)\s+$")
_BY_AGENT = re.compile(r"(?<![\w-])by\s+(?P<np>[^,;:.!?“”«»\"]{2,80})")
_ANAPHOR = re.compile(r"\s*(?:this|so|these\s+words|it|that)\b")
_THAT = re.compile(r"^[^.!?;:“”«»\"]{0,60}?(?<![\w-])that\s+")


class _Raw(NamedTuple):
    """One quote or claim before its speaker is resolved: spans, cue, speaker phrase, rule.

    A named tuple, not a dataclass: a few dozen are made per article, and a
    frozen dataclass costs several times as much to build.
    """

    kind: str
    cstart: int
    cend: int
    start: int
    end: int
    cue: tuple[int, int] | None = None
    np: tuple[int, int] | None = None
    how: str = "none"  # np, coordinated, previous, term, none
    problem: str | None = None
    unbalanced: bool = False
    continues: int | None = None  # content start of the piece an interrupted quote resumes


def _cue_ok(text: str, m: re.Match[str], s0: int) -> bool:
    """False for passive, nominal and second-hand uses of a cue word."""
    if m.group()[0].isupper():
        return m.start() == s0 or text[s0 : m.start()].strip() in {"", "And", "But"}
    lo = max(s0, m.start() - 40)
    if _PASSIVE_BEFORE.search(text[lo : m.start()]):
        return False
    prev = _last_word(text, lo, m.start())
    if prev and prev.lower() in DETERMINERS and m.group().lower() != "according to":
        return False
    if cue_is_noun(text, m.start(), m.end()):
        return False
    return not _BY_AFTER.match(text[m.end() : m.end() + 4])


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


def _last_word(text: str, lo: int, pos: int) -> str | None:
    r"""The last word of ``text[lo:pos]`` (letters, digits, ``’'-``), reading only its end.

    The same word as ``re.search(r"([\w’'-]+)\W*$", text[lo:pos])`` finds.
    """
    k = pos
    while k > lo and not (text[k - 1].isalnum() or text[k - 1] == "_"):
        k -= 1
    if k == lo:
        return None
    a = k
    while a > lo and (text[a - 1].isalnum() or text[a - 1] in "_’'-"):
        a -= 1
    b = k
    while b < pos and (text[b].isalnum() or text[b] in "_’'-"):
        b += 1
    return text[a:b]


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
        verb = reporting_forms().get(_SPACE_RUN.sub(" ", last.group()).lower())
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


_PARTICIPLE_COMMA = re.compile(r",\s*[a-z]+ing\b")
_ADDRESSEE = re.compile(
    r"\s*(?:(?:the|a|an|state|local|foreign)\s+)?(?:[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*"
    r"|reporters|journalists|lawmakers|parliament|deputies|legislators|correspondents|"
    r"(?:a\s+|the\s+)?(?:news|press)\s+conference|(?:a\s+|the\s+)?briefing)\s+"
)
_NUMBER_FIRST = re.compile(
    r"\s+(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|"
    r"thousands|several|many|most|all)\s+(?:of\s+)?(?:the\s+)?"
    r"(?!(?:days?|nights?|mornings?|evenings?|afternoons?|weeks?|months?|years?|hours?|minutes?|"
    r"times|along|over)\b)[a-z]+\s+[a-z]"
)
_COLON_QUOTE = re.compile(r":\s*[«“„\"‘]")


def _content_after(text: str, verb: ReportingVerb, ce: int, s_end: int) -> tuple[int, int] | None:
    rest = text[ce:s_end]
    m = _THAT.match(rest)
    if m and _PARTICIPLE_COMMA.search(rest, 0, m.end()):
        m = None  # "said on Tuesday, adding that ...": that "that" is the participle's
    addressee = _ADDRESSEE.match(rest) if verb.lemma == "tell" and m is None else None
    if rest.lstrip().startswith(":"):
        a = ce + rest.index(":") + 1
    elif addressee and CLAUSE_START.match(rest[addressee.end() :]):
        a = ce + addressee.end()  # "told reporters the talks had failed"
    elif verb.frame == "that":
        if CLAUSE_START.match(rest) or _NUMBER_FIRST.match(rest):
            a = ce
        elif m:
            a = ce + m.end()
        else:
            return None
    elif verb.frame == "as":
        if not _AS.search(rest):
            return None
        a = ce
    else:
        a = ce + m.end() if m and len(rest[: m.end()].split()) <= 4 else ce
        first = rest.lstrip()[:1]
        head = text[a:s_end].lstrip()
        if not first or not (first.isalnum() or first in "“«\"„‘$€£"):
            return None
        if PREP_START.match(head):
            return None
        if _NOT.match(head):
            return None
    a, b = trim(text, a, s_end)
    colon = _COLON_QUOTE.search(text, a, b)
    if colon:  # "rejected the criticism: “...”": the quotation is a record of its own
        b = colon.start()
    while b > a and text[b - 1] in ".!?;:":
        b -= 1
    if len(text[a:b].split()) < 2:
        return None
    return a, b


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
    claim_ends = _ClaimEnds(text, cues.matches)
    media = sorted((m.start, m.end) for m in mentions if m.kind == "actor" and m.type == "media")
    acts: list[_Raw] = []
    raws.extend(
        _claims(text, sents, raws, used, inside_quote, cues.matches, claim_ends, media, acts)
    )
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


def _claims(
    text: str,
    sents: SentenceIndex,
    raws: Sequence[_Raw],
    used: set[int],
    inside_quote: Callable[[int], bool],
    cues: Sequence[re.Match[str]],
    claim_ends: _ClaimEnds,
    media: Sequence[tuple[int, int]] = (),
    acts: list[_Raw] | None = None,
) -> list[_Raw]:
    """The indirect claims: reported speech without marks, one per usable cue.

    ``raws`` are the quotations' attributions (their cues are not reused for a
    claim, except by a trailing attribution); the claims found are returned
    in text order of their cues. ``media`` are the spans of news-agency
    mentions: an agency's closing source line (", Trend reports") is cut from
    a claim and is no speaker of a sentence that names its own (issue 12).
    Speech acts with a noun-phrase object go to ``acts`` (when given), not
    to the claims.
    """
    raws = list(raws)
    n_quotes = len(raws)
    quote_cues = sorted((r.cue[0], i) for i, r in enumerate(raws) if r.cue is not None)
    consumed: list[tuple[int, int]] = []
    last_claim: dict[int, int] = {}  # sentence start -> index in raws of last claim there
    act_idx: set[int] = set()  # indices in raws of speech acts (no claims)
    act_mark: int | None = None  # the index the current cue's act would take
    for m in cues:
        if act_mark is not None and act_mark < len(raws):
            act_idx.add(act_mark)
        act_mark = None
        cs, ce = m.span()
        if inside_quote(cs) or any(a <= cs < b for a, b in consumed[-4:]):
            continue
        s0 = sents.start_of(cs)
        s1 = sents.end_of(cs)
        if not _cue_ok(text, m, s0):
            continue
        form = _SPACE_RUN.sub(" ", m.group()).lower()
        verb = reporting_forms().get(form)
        if verb is None:
            verb = next(v for v in reporting_verbs() if v.frame == "source")
        if verb.frame == "colon":
            continue
        content = None
        if cs not in used and verb.frame != "source":
            end = claim_ends.end(ce, s1)
            content = _content_after(text, verb, ce, end)
            if content is None and verb.kind in _INFINITIVE_KINDS:
                content = _infinitive_after(text, ce, end)  # "has pledged to guarantee ..."
            if content is None and verb.frame == "that":
                content = _bare_clause_after(text, ce, end)  # "said the talks under ... could"
            if content is not None and not _is_claim(text, verb, ce, content):
                # "announced an impeachment trial": a speech-act event, no claim; what
                # this cue yields is kept apart (its subject still counts for the next)
                act_mark = len(raws)
            if content is not None:
                content = _without_source_line(text, *content, media)
        if content is None and verb.frame != "source":
            # "Claim, the ministry said [in a statement]." (also when the cue
            # attributes a quotation inside the claim)
            trail = None
            if text.rfind(",", s0, cs) >= 0:
                trail = _trailing_claim(text, s0, cs, ce, s1, inside_quote)
            if trail is not None and _names_agency(trail[1], media) and any(
                r.cue is not None and r.np is not None and trail[0][0] <= r.cue[0] < trail[0][1]
                for r in raws
            ):
                trail = None  # "X told diplomats that ..., APA reports": X speaks, APA relays
            if trail is not None:
                (ca, cb), tnp, why = trail
                raws.append(
                    _Raw("indirect", ca, cb, ca, max(cb, ce, tnp[1]), (cs, ce), tnp, "np", why)
                )
                last_claim[s0] = len(raws) - 1
                consumed.append(tnp)
            continue
        if form.endswith("ing") and text[s0:cs].rstrip().endswith(","):
            # "..., the ministry said, adding that ...": the speaker of the cue before
            j = bisect.bisect_left(quote_cues, (cs, -1)) - 1
            options = [raws[quote_cues[j][1]]] if j >= 0 and quote_cues[j][0] >= s0 else []
            if s0 in last_claim:
                options.append(raws[last_claim[s0]])
            prev_raw = max(
                (r for r in options if r.cue is not None and s0 <= r.cue[0] < cs),
                key=lambda r: r.cue[0] if r.cue else -1,
                default=None,
            )
            if prev_raw is not None and content is not None and not inside_quote(content[0]):
                how = "coordinated" if prev_raw.np is not None else "none"
                raws.append(
                    _Raw("indirect", content[0], content[1], cs, content[1], (cs, ce),
                         prev_raw.np, how)
                )
                last_claim[s0] = len(raws) - 1
                continue
        if verb.frame == "source":
            raw = _according_to(text, cs, ce, s0, s1, inside_quote)
            if raw is not None:
                consumed.append(raw.np or (cs, ce))
                raws.append(raw)
                last_claim[s0] = len(raws) - 1
            continue
        subj = subject_of(text, s0, cs)
        if subj is not None and form.endswith("ing") and _VERB_FIRST.match(text, subj.a):
            # "Shahramanyan signed a decree saying ...": the subject of the verb
            subj = subject_of(text, s0, subj.a)
        if subj is None or content is None:
            continue
        if any(inside_quote(p) for p in (content[0], content[1] - 1)):
            continue
        if subj.coordinated:
            prev = last_claim.get(s0)
            np = raws[prev].np if prev is not None else None
            if np is None:
                # "The ministry welcomed the talks and added that ...": the subject
                # of the sentence's main verb, a speech act or not (issue 12)
                main = _main_subject(text, s0, cs, cues)
                if main is None:
                    continue
                np = main
            how = "coordinated"
            start = cs
        else:
            np = (subj.a, subj.b)
            how = "np"
            start = subj.a
        raws.append(
            _Raw("indirect", content[0], content[1], start, content[1], (cs, ce), np, how)
        )
        last_claim[s0] = len(raws) - 1
        consumed.append((subj.a, subj.b))

    if act_mark is not None and act_mark < len(raws):
        act_idx.add(act_mark)
    if acts is not None:
        acts.extend(r for i, r in enumerate(raws) if i in act_idx)
    return [r for i, r in enumerate(raws) if i >= n_quotes and i not in act_idx]


# verbs whose content may be an infinitive: "pledged to guarantee", "urged X to withdraw"
_INFINITIVE_KINDS = frozenset({"announcement", "call"})
_TO_VERB = re.compile(r"to\s+(?!the\b|a\b|an\b|its\b|their\b|his\b|her\b)[a-z]{2,}\b")
_OBJECT_TO_VERB = re.compile(
    r"(?:[\w’'.-]+\s+){1,8}?to\s+(?!the\b|a\b|an\b|its\b|their\b|his\b|her\b)[a-z]{2,}\b"
)
_GERUND = re.compile(r"(?:(?:[\w’'.-]+\s+){1,6}?of\s+)?(?:not\s+)?[a-z]{3,}ing\s")
_FREE_RELATIVE = re.compile(r"(?i:what|whatever)\s")
# ", Trend reports" / ", APA said" closing a sentence: the agency's source line
_SOURCE_LINE = re.compile(
    r",\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}\s+"
    r"(?:reports|reported|says|said|writes|wrote)(?:\s+[^,;:“”«»\"]{0,40})?$"
)


def _is_claim(text: str, verb: ReportingVerb, ce: int, content: tuple[int, int]) -> bool:
    """Is ``content`` after the cue ending at ``ce`` reported speech (issue 12)?

    A claim's content is a clause ("announced that ...", "said 290 people
    were ...") or, after a directive or commissive verb, an infinitive
    ("urged X to withdraw", "pledged to guarantee"). The noun-phrase object of
    a speech act ("announced a counter-terrorism operation", "calls for the
    intervention of ...", "condemned what it called provocations") is the
    speech-act event (see :mod:`karabakh.events`), not a claim.
    """
    if verb.frame != "object":
        return True
    a, b = content
    gap = text[ce:a]
    if _THAT_END.search(gap) or gap.strip().startswith(":"):
        return True
    if text[a : a + 1] in "“«\"„‘":
        return True  # the quotation itself: its own record decides
    if _FREE_RELATIVE.match(text, a):
        return False
    if CLAUSE_START.match(text, a, b):
        return True
    if verb.kind in {"claim", "accusation"} and _GERUND.match(text, a, b):
        return True  # "denied targeting civilians", "accused Baku of shelling ..."
    if verb.kind in _INFINITIVE_KINDS:
        if _TO_VERB.match(text, a, b):
            return True
        m = _OBJECT_TO_VERB.match(text, a, b)
        if m and verb.kind == "call" and not FINITE.search(text, a, m.start() + len(m.group()) - 1):
            return True
    return False


_BARE_SUBJECT = re.compile(
    r"\s*(?:the|a|an|its|his|her|their|some|many|most|all|no|every|\d[\d,.]*)\s"
    r"[^,;:.!?“”«»\"]{0,80}?(?<![\w-])"
    r"(?:could|would|will|can|may|might|must|should|had|has|have|was|were|is|are)\s",
    re.IGNORECASE,
)


def _bare_clause_after(text: str, ce: int, end: int) -> tuple[int, int] | None:
    """A clause without "that" whose subject is longer than five words.

    ``said the talks under a Moscow-brokered truce could not ...``: a
    determiner or number opens a noun phrase, and a finite auxiliary follows
    it before any punctuation (issue 12 item 6).
    """
    m = _BARE_SUBJECT.match(text, ce, end)
    if m is None or FINITE.search(text, ce, m.end() - len(m.group().split()[-1]) - 1):
        return None
    a, b = trim(text, ce, end)
    while b > a and text[b - 1] in ".!?;:":
        b -= 1
    return (a, b) if len(text[a:b].split()) >= 3 else None


def _infinitive_after(text: str, ce: int, end: int) -> tuple[int, int] | None:
    """``to VERB ...`` right after a commissive or directive cue ("has vowed to stay")."""
    a, b = trim(text, ce, end)
    if not _TO_VERB.match(text, a, b):
        return None
    while b > a and text[b - 1] in ".!?;:":
        b -= 1
    return (a, b) if len(text[a:b].split()) >= 2 else None


_MAIN_VERB = re.compile(r"(?<![\w’'-])[a-z]{2,}ed(?![\w’'-])")


def _main_subject(
    text: str, s0: int, cs: int, cues: Sequence[re.Match[str]]
) -> tuple[int, int] | None:
    """The subject of the first verb of the sentence from ``s0``, before the cue at ``cs``.

    The verb is the first cue of the sentence or, when none comes first, the
    first past-tense word ("welcomed", "visited"); ``None`` when it has no
    noun-phrase subject of its own.
    """
    k = bisect.bisect_left(cues, s0, key=lambda c: c.start())
    first = cues[k].start() if k < len(cues) and cues[k].start() < cs else cs
    ed = _MAIN_VERB.search(text, s0, cs)
    verb = min(first, ed.start() if ed else cs)
    if verb >= cs:
        return None
    subj = subject_of(text, s0, verb)
    if subj is None or subj.coordinated or subj.a >= subj.b:
        return None
    return subj.a, subj.b


def _names_agency(span: tuple[int, int], media: Sequence[tuple[int, int]]) -> bool:
    """Does ``span`` hold a news-agency mention?"""
    k = bisect.bisect_left(media, (span[0], -1))
    return k < len(media) and media[k][1] <= span[1]


def _without_source_line(
    text: str, a: int, b: int, media: Sequence[tuple[int, int]]
) -> tuple[int, int]:
    """The content without a closing agency source line (", Trend reports")."""
    m = _SOURCE_LINE.search(text, a, b)
    if m is None or len(text[a : m.start()].split()) < 2 or not _names_agency(m.span(), media):
        return a, b
    return trim(text, a, m.start())


_VERB_FIRST = re.compile(r"[a-z]+ed\s+(?:a|an|the|its|his|her|their)\s")
_COORDINATION = re.compile(r"(?:,|\band)\s*(?:(?:" + AUX + r")\s+)*$")


_FRAGMENT_STOP = re.compile(r"\s(?:on|about|over|to|at|in|after|before)\s")
_NEW_CLAUSE = re.compile(r";|,\s*(?:and|but|while|whereas)\s")


class _ClaimEnds:
    """Where a claim ends: before a coordinated cue or a new clause (see :meth:`end`).

    Built once per text from every cue and every clause boundary: whether
    each cue is coordinated with the cue before it is decided once, so a query
    jumps to the next coordinated cue or clause boundary instead of comparing
    the cue with every later cue of its sentence.
    """

    def __init__(self, text: str, cues: Sequence[re.Match[str]]) -> None:
        self.text = text
        self.cues = cues
        self.starts = [c.start() for c in cues]
        self.ends = [c.end() for c in cues]
        clauses = list(_NEW_CLAUSE.finditer(text))
        self.c_starts = [c.start() for c in clauses]
        self.c_ends = [c.end() for c in clauses]
        n = len(cues)
        # coordination of cue j with the cue before it: no cue form ends in an
        # auxiliary, so from any earlier claim verb the gap (and its "and" or
        # comma, when there is one after that cue) is the same
        self.coord = [(False, -1)] + [self._coordination(self.ends[j - 1], j) for j in range(1, n)]
        self.next_coord = [n] * (n + 1)
        for j in range(n - 1, -1, -1):
            self.next_coord[j] = j if self.coord[j][0] else self.next_coord[j + 1]
        self.steps = 0  # positions visited over all queries (for the stress tests)

    def _coordination(self, lo: int, j: int) -> tuple[bool, int]:
        """Is cue ``j`` coordinated with the verb ending at ``lo``; the last "and"/comma."""
        text = self.text
        nxt = self.starts[j]
        gap = text[strip_aux(text, lo, nxt) - 5 : nxt]
        if _COORDINATION.search(gap):
            return True, max(text.rfind(" and ", lo, nxt), text.rfind(",", lo, nxt))
        return False, -1

    def _clause_before(self, j: int) -> int:
        last = bisect.bisect_right(self.c_ends, self.starts[j]) - 1
        return self.c_starts[last]

    def end(self, ce: int, s1: int) -> int:
        """Where the content of the cue ending at ``ce`` ends, in the sentence ending at ``s1``.

        Walking the later cues of the sentence in order: the first that is
        coordinated (``..., and calls for``) ends it at the ``and`` or comma;
        the first that has a ``;`` / ``, and`` / ``, while`` before it (a clause
        with a subject of its own) ends it at the last of these; otherwise the
        sentence end.
        """
        n = len(self.cues)
        j = bisect.bisect_left(self.starts, ce)
        if j >= n or self.ends[j] > s1:
            return s1
        k = bisect.bisect_left(self.c_starts, ce)
        # the first cue with a clause boundary between ce and it
        jc = bisect.bisect_left(self.starts, self.c_ends[k]) if k < len(self.c_ends) else n
        self.steps += 1
        coordinated, end = self._coordination(ce, j)
        while True:
            if coordinated and end > ce:
                return end
            if j >= jc:
                return self._clause_before(j)
            j = min(self.next_coord[j + 1], jc)
            if j >= n or self.ends[j] > s1:
                return s1
            self.steps += 1
            coordinated, end = self.coord[j]
            if coordinated and end < 0:
                nxt = self.starts[j]
                end = max(self.text.rfind(" and ", ce, nxt), self.text.rfind(",", ce, nxt))


_SUBORDINATE = re.compile(
    r"(?i:after|before|when|while|as|if|although|though|because|since|once|until|unless|"
    r"whether|despite|in|on|at|during|for|from|with|by|to)\b"
)
# what may follow "..., the ministry said" at the end of a wire-style lead:
# nothing, or an adjunct ("in a statement", "on Tuesday", "late on Friday")
_TAIL_OK = re.compile(
    r"\s*(?:(?:in|on|at|during|after|before|to|via|through|from|late|early|earlier|later|"
    r"overnight|yesterday|today|tonight|this|last|without|while|when|citing|separately|"
    r"also|again|repeatedly|publicly|officially)\b[^,;:“”«»\"]*)?(?:[.!?]|,|$)"
)
_TAIL_CLAUSE = re.compile(
    r"\s*,\s*(?:will|would|is|are|was|were|has|have|had|could|can|may|might|must|should|"
    r"did|does|do|remains?|remained)\b"
)


_INDEFINITE_START = re.compile(r"(?:a|an)\s")
_BLANK = re.compile(r"\n[ \t\r]*\n")
_WHAT_X_SAID = re.compile(
    r"(?<![\w-])(?i:what)\s+(?P<np>[^,;:“”«»\"]{1,60}?)\s+"
    r"(?P<cue>said|says|called|calls|described\s+as|describes\s+as|termed|dubbed)"
    r"(?:\s+(?:was|were|is|are|as))?\s*\Z"
)
_COORDINATOR = re.compile(r"(?i:and|but|yet|or|and\s+then|but\s+also|and\s+also)")
_SPEAKER_START = re.compile(r"[A-Z]|(?:the|a|an|its|his|her|their)\s")
_RELATIVE = re.compile(r",\s*(?:who|which|whose)\b")


def _trailing_claim(
    text: str, s0: int, cs: int, ce: int, s1: int, inside_quote: object
) -> tuple[tuple[int, int], tuple[int, int], str | None] | None:
    """``Claim, the ministry said [in a statement].`` / ``Claim, said the ministry.``.

    Returns the claim's span, the speaker phrase and a problem (when the
    attribution interrupts the claim), or ``None`` when the sentence is not
    built that way.
    """
    assert callable(inside_quote)
    if text[cs].isupper():
        return None
    before = text[s0:cs].rstrip()
    if before.endswith(","):  # inverted: "..., said the ministry."
        np = np_after(text, ce, s1)
        if np is None or not _SPEAKER_START.match(text, np[0]):
            return None
        if _RELATIVE.search(text, s0, cs):
            return None  # "Power, who visited ..., announced $11 million"
        comma = s0 + len(before) - 1
        tail_at = np[1]
    else:
        subj = subject_of(text, s0, cs)
        if subj is None or subj.coordinated:
            return None
        lead = text[s0 : subj.a].rstrip()
        if not lead.endswith(","):
            return None
        np = (subj.a, subj.b)
        comma = s0 + len(lead) - 1
        tail_at = ce
    problem = None
    if _TAIL_CLAUSE.match(text, tail_at, s1) and np[0] > comma:
        # "The road, the ministry said, will reopen": the attribution interrupts
        # the claim; the content keeps the whole sentence (never drop the words)
        ca, cb = trim(text, s0, s1)
        while cb > ca and text[cb - 1] in ".!?;:":
            cb -= 1
        problem = (
            f"the attribution {text[min(np[0], cs) : max(np[1], ce)]!r} interrupts the claim; "
            "the content is the whole sentence, attribution included"
        )
        if inside_quote(ca) or inside_quote(cb - 1) or _SUBORDINATE.match(text, ca):
            return None
        return (ca, cb), np, problem
    if not _TAIL_OK.match(text, tail_at, s1):
        return None
    ca, cb = trim(text, s0, comma)
    while cb > ca and text[cb - 1] in ",;:":
        cb -= 1
    if len(text[ca:cb].split()) < 3 or _SUBORDINATE.match(text, ca):
        return None
    if inside_quote(ca) or inside_quote(cb - 1):
        return None
    return (ca, cb), np, problem


def _according_to(
    text: str, cs: int, ce: int, s0: int, s1: int, inside_quote: object
) -> _Raw | None:
    """``According to X, claim.`` or ``claim, according to X.``."""
    stop = _CLAUSE_MARK.search(text, ce, s1)
    np_end = stop.start() if stop else s1
    a, b = trim(text, ce, np_end)
    if a >= b or len(text[a:b].split()) > 10:
        return None
    assert callable(inside_quote)
    before = text[s0:cs].strip()
    # "claim, according to X" or "claim — an aside — according to X" (issue 12 item 6)
    closes = before.endswith((",", "—", "–", " -"))
    if not before or before in {"And", "But"} or closes:
        if before and closes and before not in {"And", "But"}:
            ca, cb = trim(text, s0, cs)
            while cb > ca and (text[cb - 1] in ",—–-" or text[cb - 1].isspace()):
                cb -= 1
        else:
            ca, cb = trim(text, np_end + 1, s1)
    else:
        return None
    while cb > ca and text[cb - 1] in ".!?;:,":
        cb -= 1
    if len(text[ca:cb].split()) < 2 or inside_quote(ca) or inside_quote(cb - 1):
        return None
    return _Raw("indirect", ca, cb, min(cs, ca), max(b, cb), (cs, ce), (a, b), "np")


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
        if cue and reporting_forms().get(_SPACE_RUN.sub(" ", cue.group()).lower()):
            if cue.start() == a0:
                np = np_after(text, cue.end(), limit)
                if np:
                    after_found = (cue.span(), np)
            else:
                x, y = trim(text, a0, strip_aux(text, a0, cue.start()))
                comma = _COMMA_LIKE.search(text[x:y])
                if comma and speaks_for_in(text, x + comma.end(), y) and np_ok(text, x, y):
                    pass  # “...,” Jane Doe, a spokeswoman for the ICRC, said
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
