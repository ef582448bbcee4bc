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
    "Figure",
    "Mention",
    "Quote",
    "Sentence",
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
        rule: how the span was resolved (``alias``, ``adjective``,
            ``role``, ``actor-verb``, ``locative``, ``capitalised`` ...).

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


@dataclass(frozen=True, slots=True)
class DateRef:
    """A time expression resolved (or not) against the dateline.

    Attributes:
        start: offset of the expression.
        end: offset one past it.
        text: the exact slice.
        value: TIMEX3-style ISO 8601 value (``2023-09-19``, ``2022-11``,
            ``2020``, ``1992/1994``, ``P1D`` for a duration) or ``None``
            when it cannot be resolved.
        granularity: ``day``, ``month``, ``year``, ``interval``,
            ``part_of_day``, ``duration`` or ``vague``.
        kind: ``date``, ``duration``, ``set`` or ``vague``.
        rule: the name of the rule that resolved it.
        anchor: ISO date the expression was resolved from (the dateline or
            another date), ``None`` for absolute dates.
        part_of_day: ``night``, ``morning``, ``afternoon``, ``evening`` or
            ``None``.

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


@dataclass(frozen=True, slots=True)
class Figure:
    """A casualty, displacement or other count, with its hedge and source.

    Attributes:
        start: offset of the figure phrase.
        end: offset one past it.
        text: the exact slice.
        category: killed, injured, evacuated, displaced, missing, detained
            or other.
        low: lower bound, ``None`` when no number is given ("some").
        high: upper bound, ``None`` when open-ended or not given.
        qualifier: at least, more than, up to, around, ..., or ``exact``.
        group: who was counted (children, civilians, soldiers, people ...).
        part_of: ``start`` offset of the figure this one is a subset of.
        source_id: actor id the figure is attributed to; ``None`` when the
            article states it itself.
        date: ISO date of the sentence, when known.
        trend: a stated trend ("could rise") rather than a number, else None.

    >>> Figure(0, 9, "32 deaths", "killed", 32, 32, "exact").low
    32
    """

    start: int
    end: int
    text: str
    category: str
    low: float | None
    high: float | None
    qualifier: str
    group: str | None = None
    part_of: int | None = None
    source_id: str | None = None
    date: str | None = None
    trend: str | None = None


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
