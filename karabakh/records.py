"""Records: the frozen, typed results every extractor returns.

Every record that points into an article carries ``start`` and ``end``
character offsets into the verbatim text and the exact slice as ``text``, so
``record.text == article.text[record.start:record.end]`` always holds.

:func:`to_frame` turns any list of records into a :class:`pandas.DataFrame`.

>>> s = Sentence(index=0, start=0, end=5, text="Baku.", paragraph=0)
>>> s.end - s.start == len(s.text)
True
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DateRef",
    "Event",
    "Figure",
    "Mention",
    "Quote",
    "Sentence",
    "SentenceDate",
    "Statement",
    "Token",
    "to_frame",
]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence (or the dateline header) with its span.

    Attributes:
        index: position of the sentence in the article, from 0.
        start: offset of the first character.
        end: offset one past the last character.
        text: ``article.text[start:end]``.
        paragraph: index of the paragraph (blocks separated by blank lines).
        is_header: True for the ``date YYYY-MM-DD`` header segment.

    >>> Sentence(index=0, start=0, end=3, text="Hi.", paragraph=0).is_header
    False
    """

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    is_header: bool = False


@dataclass(frozen=True, slots=True)
class Token:
    """One word or punctuation token with its span.

    >>> Token(start=0, end=4, text="Baku").text
    'Baku'
    """

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A span that names an actor, a place, or an unknown capitalised name.

    Attributes:
        start: offset of the first character.
        end: offset one past the last character.
        text: the exact slice of the article.
        entity_id: the dictionary id (``actor_id`` or ``place_id``); ``None``
            for ``kind="unknown"``.
        kind: ``"actor"``, ``"place"`` or ``"unknown"`` (a capitalised name
            the dictionary does not know).
        type: actor type (person, state, ...) or place kind (city, ...).
        side: the side code of an actor (AZE, ARM, NKR, RUS, ...) or the
            country of a place; ``None`` when unknown.
        name: the canonical name of the entity, ``None`` for unknown names.
        adjective: True when the span is an adjective or demonym
            ("Azerbaijani") resolved to its state.
        possessive: True when the span carried a possessive ("Baku's").
        rule: how the span was resolved: ``alias``, ``adjective``,
            ``possessive``, ``role`` (a title resolved by date),
            ``role+name`` (a title merged with the name after it), and for
            names that are both actor and place ``actor-verb``,
            ``actor-object``, ``actor-preposition``, ``default-actor``,
            ``dateline``, ``locative``, ``place-verb``, ``coordination``,
            ``default-place``; ``transliteration`` (a spelling variant),
            ``glued`` (a name glued to the next word), ``surname`` (a
            surname alone after the full name), ``title-anaphor`` ("the
            minister" after the minister's name); unknown names have
            ``capitalised`` and a guessed ``type`` (person, organisation,
            place or ``None``) (see :mod:`karabakh.text.actors`).

    >>> Mention(0, 4, "Baku", "AZE_GOV", "actor", "government", "AZE").kind
    'actor'
    """

    start: int
    end: int
    text: str
    entity_id: str | None
    kind: str
    type: str | None
    side: str | None
    name: str | None = None
    adjective: bool = False
    possessive: bool = False
    rule: str = "alias"


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation or reported claim attributed (or not) to a speaker.

    Attributes:
        start: offset of the whole attribution (quote, cue and speaker).
        end: offset one past its end.
        text: the exact slice ``article.text[start:end]``.
        kind: ``"direct"``, ``"partial"`` or ``"indirect"``.
        content: the quoted or reported words (inside the marks).
        content_start: offset of the content.
        content_end: offset one past the content.
        speaker_id: actor id, or ``None`` when unattributed (never a guess).
        speaker_text: the words naming the speaker, or ``None``.
        speaker_start: offset of ``speaker_text``, or ``None``.
        speaker_end: offset one past ``speaker_text``, or ``None``.
        cue: the reporting verb or phrase, or ``None``.
        cue_start: offset of the cue, or ``None``.
        cue_end: offset one past the cue, or ``None``.
        problem: a description of what could not be resolved (unbalanced
            marks, no speaker found ...), or ``None``.
        speaker_rule: how the speaker was decided: ``name`` (an actor
            mention in the speaker phrase), ``pronoun``, ``description``
            ("the ministry"), ``previous`` (the quotation continues one
            attributed just before), ``coordinated`` (shares the subject of
            an earlier cue in the sentence), ``spokesperson-for`` (said
            through "his spokesman", "the government spokeswoman ..."),
            ``dictionary`` (a description with a side, "the foreign ministry
            in Baku", matched to the one fitting institution), or ``None``
            when unresolved. A resolved quote may still carry a ``problem``
            as a note (e.g. the spokesperson's name).

    >>> q = Quote(0, 9, '"Peace,"', "direct", "Peace,", 1, 7)
    >>> q.speaker_id is None
    True
    """

    start: int
    end: int
    text: str
    kind: str
    content: str
    content_start: int
    content_end: int
    speaker_id: str | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    problem: str | None = None
    speaker_rule: str | None = None


@dataclass(frozen=True, slots=True)
class DateRef:
    """A time expression resolved (or not) against the dateline.

    See :mod:`karabakh.extract.dates` for the value formats and resolution rules.

    Attributes:
        start: offset of the expression (a leading preposition is not part
            of it: "on September 20" gives "September 20").
        end: offset one past it.
        text: the exact slice.
        value: TIMEX3-style ISO 8601 value (``2023-09-19``, ``2022-11``,
            ``2020``, ``2023-W37``, ``1992/1994``, ``2023-09-19TNI`` for a
            part of day, ``P1D`` for a duration, ``PAST_REF`` for a vague
            reference) or ``None`` when it cannot be resolved (a missing
            dateline, a date anchored on an event).
        granularity: ``day``, ``part_of_day``, ``week``, ``month``,
            ``quarter``, ``half``, ``season``, ``year``, ``fiscal_year``,
            ``decade``, ``interval``, ``time``,
            ``duration``, ``set`` or ``vague``.
        kind: ``date``, ``duration``, ``set`` or ``vague``.
        rule: the name of the rule that resolved it (``yesterday``,
            ``weekday:most-recent``, ``vague:PAST_REF``, ``...:no-dateline``).
        anchor: ISO date the expression was resolved from (the dateline or
            an earlier date), ``None`` for absolute dates.
        part_of_day: ``night``, ``morning``, ``afternoon``, ``evening`` or
            ``None``; repeats the ``T..`` suffix of a part-of-day value.
        mod: TIMEX3 modifier: ``EQUAL_OR_LESS`` ("just one day"),
            ``LESS_THAN``, ``MORE_THAN``, ``EQUAL_OR_MORE``, ``APPROX``,
            ``START``/``MID``/``END`` ("early 2022"), or ``None``.
        attributive: True when the date modifies a noun ("the 2020 war")
            rather than dating the clause.

    >>> DateRef(0, 5, "today", "2023-09-20", "day", "date", "today", "2023-09-20").value
    '2023-09-20'
    """

    start: int
    end: int
    text: str
    value: str | None
    granularity: str
    kind: str
    rule: str
    anchor: str | None = None
    part_of_day: str | None = None
    mod: str | None = None
    attributive: bool = False


@dataclass(frozen=True, slots=True)
class SentenceDate:
    """The best date of one sentence, for dating the events it reports.

    See :func:`karabakh.extract.dates.sentence_dates` for the rules.

    Attributes:
        start: offset of the sentence.
        end: offset one past it.
        text: the sentence text.
        sentence: the sentence index.
        value: the sentence's date (a TIMEX3 value of a day, part of day,
            week, month, year or interval), or ``None`` when unknown.
        granularity: the granularity of ``value``, or ``None``.
        rule: ``explicit``, ``explicit-coarse``, ``carried``, ``dateline``,
            ``header`` or ``unknown``.
        day: ``YYYY-MM-DD`` when ``value`` is day-level, else ``None``.
        narrative: the day-level date the narrative is at in this sentence
            (carried from earlier sentences or set by this one).
        source_start: offset of the time expression ``value`` comes from
            (``None`` for the dateline).
        source_end: offset one past it.

    >>> SentenceDate(0, 6, "Calm.", 0, "2023-09-20", "day", "dateline", "2023-09-20",
    ...              "2023-09-20").rule
    'dateline'
    """

    start: int
    end: int
    text: str
    sentence: int
    value: str | None
    granularity: str | None
    rule: str
    day: str | None
    narrative: str | None
    source_start: int | None = None
    source_end: int | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """A casualty, displacement or other count, with its hedge, range and source.

    The bounds policy (see :mod:`karabakh.extract.casualties`): ``low`` and ``high``
    are the numbers the text states, never invented ones. "at least 32" and
    "more than 200" give ``low`` with ``high=None``; "up to 50" and "fewer
    than 50" give ``high`` with ``low=None``; approximations ("around",
    "nearly", "some 7,000") give ``low == high`` with the hedge in
    ``qualifier``; "dozens"/"hundreds" give the smallest number the plural
    implies (24, 200) with ``high=None``; "some", "several" and a bare plural
    ("personnel ... were killed") give both ``None``.

    Attributes:
        start: offset of the figure phrase (hedge, number and counted noun).
        end: offset one past it.
        text: the exact slice.
        category: killed, injured, casualties (killed or injured, not told
            apart: "casualties", "victims"), evacuated, displaced, missing,
            detained, or other (counts of places and things, and of people
            with no casualty word: "16 locations", "120,000 Armenians").
        low: lower bound, ``None`` when no number or no lower bound is given.
        high: upper bound, ``None`` when open-ended or not given.
        qualifier: the hedge, normalised: ``exact``, ``range``, ``at least``,
            ``more than``, ``over``, ``up to``, ``fewer than``, ``around``,
            ``about``, ``some``, ``roughly``, ``approximately``,
            ``estimated``, ``nearly``, ``almost``, ``dozens of``,
            ``hundreds of`` ..., ``several``, ``many``, ``a few`` ...,
            ``none`` (zero: "no civilians were killed"),
            ``unspecified`` (a bare plural, no number) or ``trend`` (a
            trend record with no number: "the death toll could rise").
        group: who or what was counted (children, civilians, soldiers,
            people, locations ...), ``None`` when not said ("32 deaths").
        part_of: the ``start`` offset of the figure this one is a subset of
            ("including two children"), else ``None``. An offset, not a list
            index, so it stays valid when lists are filtered or merged.
        source_id: actor id the figure is attributed to (quote speaker,
            "according to X", "X said"); ``None`` when the article states it
            itself or the source is not a known actor.
        source_text: the words naming the source ("the separatists",
            "initial estimates"), ``None`` when there is none.
        date: ISO date of a day-level date expression in the same sentence,
            when dates were passed in and one is there, else ``None``.
        trend: a stated trend ("could rise", "rose"), else ``None``. A
            trend with no number is its own record with ``qualifier="trend"``.
        problem: what could not be read as written, else ``None``: a hedge
            with a word missing ("more 9,400", read as "more than"), or a run
            of digits too long to be a count (kept with both bounds ``None``).

    >>> Figure(0, 9, "32 deaths", "killed", 32, 32, "exact").low
    32
    """

    start: int
    end: int
    text: str
    category: str
    low: int | None
    high: int | None
    qualifier: str
    group: str | None = None
    part_of: int | None = None
    source_id: str | None = None
    source_text: str | None = None
    date: str | None = None
    trend: str | None = None
    problem: str | None = None


def to_frame(records: Sequence[Any]) -> pd.DataFrame:
    """Turn a list of records (any dataclass) into a DataFrame, one row each.

    Args:
        records: records of one type, e.g. the result of ``split_sentences``.

    Returns:
        A DataFrame with one column per field; an empty list gives an empty
        frame with no columns.

    Raises:
        TypeError: if an item is not a dataclass instance.

    >>> to_frame([Token(0, 4, "Baku"), Token(5, 9, "said")])
       start  end  text
    0      0    4  Baku
    1      5    9  said
    """
    import pandas as pd

    rows = []
    for i, record in enumerate(records):
        if not dataclasses.is_dataclass(record) or isinstance(record, type):
            raise TypeError(f"to_frame: item {i} is {type(record).__name__}, not a record")
        rows.append({f.name: getattr(record, f.name) for f in dataclasses.fields(record)})
    if not rows:
        return pd.DataFrame()
    return pd.DataFrame(rows, columns=list(rows[0]))


@dataclass(frozen=True, slots=True)
class Statement:
    """An actor's position on a disputed question, as discourse network analysis codes it.

    One statement is (actor, concept, agreement) with its evidence: the
    words of the quotation, claim or event it comes from. See
    :mod:`karabakh.extract.statements` for the rules and
    :func:`karabakh.extract.statements.apply_corrections` for the researcher's coding.

    Attributes:
        start: offset of the evidence (the content of the quotation or claim,
            or the event's clause).
        end: offset one past it.
        text: the exact slice ``article.text[start:end]``.
        actor_id: whose position it is, or ``None`` when the words naming the
            actor are not a known actor (never a guess).
        actor_text: the words naming the actor, or ``None``.
        actor_start: offset of ``actor_text``, or ``None``.
        actor_end: offset one past it, or ``None``.
        concept_id: a ``concept_id`` of ``data/concepts.csv``.
        agreement: ``1`` agrees, ``-1`` rejects, ``0`` mentions without
            taking a side (e.g. the concept's words in scare quotes).
        evidence: ``quote`` (direct or partial quotation), ``claim``
            (reported speech) or ``event`` (a speech-act event).
        cue_start: offset of the concept's cue words.
        cue_end: offset one past them.
        cue_text: the cue words.
        voice: ``own`` (the actor's own words) or ``attributed`` (ascribed
            to the actor by another speaker, ``reported_by``:
            "Baku accuses Yerevan of refusing talks").
        reported_by: the speaker's actor id for an attributed statement.
        reported_by_opponent: True when the reporter is of another side
            than the actor (an accusation by an opponent).
        rule: how the statement was derived (e.g. ``cue``,
            ``cue+negation``, ``counter-cue``, ``stance:rejected``,
            ``scare-quotes``, ``distancing``, ``attributed``).
        article_id: the article, when known (keys researcher corrections).
        status: ``rules`` (as derived), or after
            :func:`~karabakh.extract.statements.apply_corrections` ``changed``,
            ``added`` or ``removed`` (removed statements are kept, marked).
        rule_agreement: what the rules said before a correction (``None``
            for a statement the researcher added).
        note: the researcher's note on a correction, or ``None``.

    >>> st = Statement(0, 4, "talk", "AZE", "Baku", 0, 4, "ceasefire_and_talks", 1,
    ...                "claim", 0, 4, "talk")
    >>> st.voice, st.status
    ('own', 'rules')
    """

    start: int
    end: int
    text: str
    actor_id: str | None
    actor_text: str | None
    actor_start: int | None
    actor_end: int | None
    concept_id: str
    agreement: int
    evidence: str
    cue_start: int
    cue_end: int
    cue_text: str
    voice: str = "own"
    reported_by: str | None = None
    reported_by_opponent: bool = False
    rule: str = "cue"
    article_id: str | None = None
    status: str = "rules"
    rule_agreement: int | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, when and where: one telling of an event, coded.

    See :mod:`karabakh.extract.events` for the rules. Every telling is its own record;
    tellings of the same event share ``event_id`` (``merge_rule`` says why).

    Attributes:
        start: offset of the words that tell the event (a verb group, a noun
            phrase or a speech act).
        end: offset one past them.
        text: the exact slice.
        sentence: index of the sentence.
        kind: ``verb``, ``passive``, ``noun`` or ``speech`` (a speech act).
        source_id: actor id of who did it, ``None`` when not named or unknown.
        source_text: the words naming the source, ``None`` when there are none.
        source_start: offset of ``source_text`` (``None`` without one).
        source_end: offset one past it.
        source_rule: how the source was found: ``subject``, ``by`` (passive
            agent), ``modifier`` ("the Azerbaijani ultimatum"), ``of``/``from``,
            ``light-verb``, ``reciprocal``, ``relative``, ``coordinated``,
            ``pronoun:quote-speaker`` / ``pronoun:enclosing-quote`` /
            ``pronoun:previous-subject`` / ``pronoun:unresolved``, or ``None``.
        target_id: actor id of to whom, or ``None``.
        target_text: the words naming the target, or ``None``.
        target_start: offset of ``target_text``.
        target_end: offset one past it.
        code: CAMEO event code (``190``, ``0871``, ...).
        root_code: its two-digit CAMEO root (``19``).
        label: the CAMEO label of ``code``.
        goldstein: Goldstein weight of ``code`` (-10 conflict .. +10 cooperation).
        plover_type: PLOVER event type (``ASSAULT``, ``REQUEST``, ...).
        plover_mode: PLOVER mode (``firearms``, ``aerial``, ...), or ``None``.
        plover_context: PLOVER context tags: topical (``military``,
            ``humanitarian`` ...) and ``historical``, ``future``, ``hypothetical``.
        place_id: place id (``places.csv``) of where it happened, or ``None``.
        place_text: the words naming the place, or ``None``.
        lat: latitude of the place, or ``None``.
        lon: longitude of the place, or ``None``.
        date: ``YYYY-MM-DD`` for a day, else the coarser TIMEX3 value
            (``2022-11``, ``2020``, ``1992/1994``), ``None`` when unknown.
        date_precision: granularity of ``date`` (``day``, ``part_of_day``,
            ``month``, ``year``, ``interval``) or ``None``.
        date_rule: ``clause`` (a date in the clause), ``noun`` (a date
            modifying the event noun: "the 2020 war"), ``relative`` ("the 2020
            war in which ..."), or the sentence-date rule (``explicit``,
            ``carried``, ``dateline`` ...).
        modality: ``happened``, ``reported`` (told inside a quote or claim),
            ``announced``, ``planned``, ``threatened``, ``conditional``,
            ``demanded`` or ``denied``.
        reported_by: speaker id of the quote or claim that tells it, or ``None``.
        reported_by_text: the speaker's words, or ``None``.
        fatalities: the lowest number of dead reported in the sentence for it.
        fatalities_text: the words of that figure (the hedge kept), or ``None``.
        clause_start: offset of the clause the event is read from.
        clause_end: offset one past it.
        clause_text: the clause.
        event_id: id shared by all tellings of one event (``E1``, ``E2`` ...).
        merge_rule: why this telling joined its event (``first`` for the first
            telling, ``same-telling`` for a coordinated target, ``chain:...``).

    >>> e = Event(0, 6, "attack", 0, "noun", code="190", root_code="19")
    >>> e.modality, e.event_id
    ('happened', None)
    """

    start: int
    end: int
    text: str
    sentence: int
    kind: str
    source_id: str | None = None
    source_text: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    source_rule: str | None = None
    target_id: str | None = None
    target_text: str | None = None
    target_start: int | None = None
    target_end: int | None = None
    code: str = ""
    root_code: str = ""
    label: str = ""
    goldstein: float = 0.0
    plover_type: str = ""
    plover_mode: str | None = None
    plover_context: tuple[str, ...] = ()
    place_id: str | None = None
    place_text: str | None = None
    lat: float | None = None
    lon: float | None = None
    date: str | None = None
    date_precision: str | None = None
    date_rule: str | None = None
    modality: str = "happened"
    reported_by: str | None = None
    reported_by_text: str | None = None
    fatalities: int | None = None
    fatalities_text: str | None = None
    clause_start: int | None = None
    clause_end: int | None = None
    clause_text: str | None = None
    event_id: str | None = None
    merge_rule: str | None = None


@dataclass(frozen=True, slots=True)
class WireDateline:
    """The place-and-date line that opens a wire or agency report.

    "STEPANAKERT, SEPTEMBER 23, ARMENPRESS.", "GORIS, Armenia, Sept 26
    (Reuters) -", "MOSCOW, September 25. /TASS/.": read by
    :func:`karabakh.extract.datelines.find_wire_dateline` and checked against the
    article's own date.

    Attributes:
        start: offset of the line's first character.
        end: offset one past the date (or the place, when no date is given).
        text: the exact slice.
        place_text: the place as written ("STEPANAKERT").
        place_id: its ``places.csv`` id, ``None`` when not in the dictionary.
        date: ISO ``YYYY-MM-DD`` of the dateline, ``None`` when it has no
            date or no year can be given to it.
        year_given: whether the dateline states its year (a wire dateline
            usually does not: the year is then the article's).
        problem: a disagreement with the article's date, or why no date
            could be given, else ``None``.

    >>> WireDateline(0, 23, "STEPANAKERT, SEPTEMBER 23", "STEPANAKERT", "STEPANAKERT",
    ...              "2023-09-23", False).date
    '2023-09-23'
    """

    start: int
    end: int
    text: str
    place_text: str
    place_id: str | None
    date: str | None
    year_given: bool
    problem: str | None = None
