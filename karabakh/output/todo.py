"""The to-do list for the dictionaries: what an analysis did not know, with spans.

After :func:`karabakh.analyze` on an article of your own, :func:`todo_list`
gathers what the dictionaries in ``karabakh/data/`` could not resolve:

- ``unknown name``: capitalised names the actor and place dictionaries do not
  know (``Mention.kind == "unknown"``), with a guessed type;
- ``unresolved speaker``: quotes whose speaker has words but no actor id;
- ``unresolved date``: time expressions without a value (a relative date
  with no dateline, or one no rule resolves; vague ones such as "in recent
  months" have a deliberate vague value and are not listed);
- ``figure other``: figures whose category is ``other`` (a count of
  something the figure words do not classify).

Each item keeps its ``start``/``end`` span and text. :func:`actor_rows` turns
the names and speakers that look like actors into rows in the columns of
``karabakh/data/actors.csv`` (to check, complete and paste: the side, the
role and the source are yours to fill in); :func:`rows_csv` writes them as
CSV text.

>>> import karabakh as kb
>>> text = "“We wait,” said Gevorg Tsaturyan, a teacher, in Stepanakert."
>>> items = todo_list(kb.analyze(kb.Article.from_text(text, dateline="2023-10-01")))
>>> sorted({(i.item, i.text, i.guess) for i in items})
[('unknown name', 'Gevorg Tsaturyan', 'person'), ('unresolved speaker', 'Gevorg Tsaturyan', 'person')]
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .analysis import Analysis

__all__ = ["ACTOR_COLUMNS", "TodoItem", "actor_rows", "guess_type", "rows_csv", "todo_list"]

#: The columns of ``karabakh/data/actors.csv``, in order.
ACTOR_COLUMNS = ("actor_id", "alias", "form", "name", "type", "side", "role", "valid_from",
                 "valid_to", "source")

_ORG_HEADS = {
    "ministry": "ministry", "army": "armed_force", "forces": "armed_force",
    "brigade": "armed_force", "battalion": "armed_force", "party": "party",
    "front": "party", "movement": "party", "government": "government",
    "agency": "organisation", "committee": "organisation", "council": "organisation",
    "commission": "organisation", "office": "organisation", "service": "organisation",
    "union": "organisation", "organisation": "organisation", "organization": "organisation",
    "foundation": "organisation", "fund": "organisation", "bank": "organisation",
    "red cross": "organisation", "news": "media", "times": "media", "post": "media",
    "tv": "media", "radio": "media", "press": "media",
}
_TITLES = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|President|Prime Minister|Minister|Ambassador|General|Colonel|"
    r"spokes(?:man|woman|person)|adviser|advisor|envoy|commander|leader|teacher|resident|"
    r"doctor|nurse|farmer|student|refugee|journalist|official|said|told|says|added)\.?\s*$",
    re.IGNORECASE,
)
_APPOSITION = re.compile(r"^\s*,\s*(?:a|an|who|whose|aged|\d+)\b", re.IGNORECASE)
_LOCATIVE = re.compile(r"\b(?:in|at|near|from|to|into|towards?|outside|around)\s*$", re.IGNORECASE)
_SPEECH_AFTER = re.compile(r"^\s*(?:said|told|says|added|stated|noted)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TodoItem:
    """One thing the dictionaries did not know, with its span in the article.

    Attributes:
        start: offset of the words in the article.
        end: end offset.
        text: ``article.text[start:end]``.
        item: ``unknown name``, ``unresolved speaker``, ``unresolved date`` or
            ``figure other``.
        guess: the guessed type of a name (``person``, ``organisation``,
            ``place`` ...), the kind of a date, the group of a figure; ``None``
            when there is nothing to guess from.
        note: why it is on the list (the extractor's own ``problem`` when it
            gave one).

    >>> TodoItem(0, 6, "Gevorg", "unknown name", "person", "capitalised name").guess
    'person'
    """

    start: int
    end: int
    text: str
    item: str
    guess: str | None
    note: str


def guess_type(text: str, start: int, end: int) -> str | None:
    """Guess what sort of thing the name ``text[start:end]`` is, from its context.

    A head noun of a body ("... Ministry", "... Army") gives its type; a title
    or a job before it, an apposition after it (", a teacher") or a speech
    verb next to it give ``person``; a preposition of place before it gives
    ``place``; two or more capitalised words give ``person``. Otherwise
    ``None``: a single capitalised word at the start of a sentence may be
    any word.

    Args:
        text: the article text.
        start: start offset of the name.
        end: end offset of the name.

    Returns:
        An actor type of ``actors.csv``, ``place``, or ``None``.

    >>> t = "Officials of the Karabakh Relief Fund met Gevorg Tsaturyan, a farmer, near Hakari."
    >>> [guess_type(t, t.index(w), t.index(w) + len(w))
    ...  for w in ["Karabakh Relief Fund", "Gevorg Tsaturyan", "Hakari", "Officials"]]
    ['organisation', 'person', 'place', None]
    """
    name = text[start:end]
    words = name.split()
    before, after = text[max(0, start - 40):start], text[end:end + 40]
    last = words[-1].lower() if words else ""
    for head, kind in _ORG_HEADS.items():
        if name.lower().endswith(head) and (len(words) > 1 or last == head):
            return kind
    if _TITLES.search(before) or _APPOSITION.match(after) or _SPEECH_AFTER.match(after):
        return "person"
    if _LOCATIVE.search(before):
        return "place"
    if len(words) >= 2 and all(w[:1].isupper() for w in words):
        return "person"
    return None


def todo_list(analysis: Analysis) -> list[TodoItem]:
    """Everything the dictionaries did not resolve in one analysis, in text order.

    Args:
        analysis: the result of :func:`karabakh.analyze`.

    Returns:
        :class:`TodoItem` records sorted by ``start``; the same words can
        appear twice (an unknown name that is also an unresolved speaker).

    >>> import karabakh as kb
    >>> a = kb.analyze(kb.Article.from_text("Residents of 16 villages were evacuated on Monday."))
    >>> [(i.item, i.text) for i in todo_list(a)]  # no dateline: Monday cannot be resolved
    [('figure other', '16 villages'), ('unresolved date', 'Monday')]
    """
    text = analysis.article.text
    items: list[TodoItem] = []
    for m in analysis.mentions or []:
        if m.kind == "unknown":
            items.append(TodoItem(m.start, m.end, m.text, "unknown name",
                                  guess_type(text, m.start, m.end),
                                  "capitalised name in no dictionary"))
    for q in analysis.quotes or []:
        if q.speaker_id is None and q.speaker_text and q.speaker_start is not None \
                and q.speaker_end is not None:
            items.append(TodoItem(q.speaker_start, q.speaker_end, q.speaker_text,
                                  "unresolved speaker",
                                  guess_type(text, q.speaker_start, q.speaker_end),
                                  q.problem or "speaker without an actor id"))
    for d in analysis.dates or []:
        if d.value is None:
            items.append(TodoItem(d.start, d.end, d.text, "unresolved date", d.kind,
                                  f"no value ({d.rule})"))
    for f in analysis.figures or []:
        if f.category == "other":
            items.append(TodoItem(f.start, f.end, f.text, "figure other", f.group,
                                  "a count the figure words do not classify"))
    return sorted(items, key=lambda i: (i.start, i.item))


def _ascii_upper(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Z0-9]+", "_", folded.upper()).strip("_")


def actor_rows(items: Sequence[TodoItem], article_id: str = "") -> list[dict[str, str]]:
    """Rows for ``karabakh/data/actors.csv`` from the names that look like actors.

    Unknown names and unresolved speakers guessed as an actor type become one
    row each (duplicates merged): a person's id is ``SURNAME_GIVENNAME``, a
    body's its name in upper snake case; ``form`` is ``name``; ``side``,
    ``role`` and the dates are left empty for you to fill in; ``source`` says
    where the name was seen. Places and names without a guess are not
    exported: a place needs coordinates (``places.csv``), a bare word needs a
    reader.

    Args:
        items: the result of :func:`todo_list`.
        article_id: named in the ``source`` column.

    Returns:
        Row dicts with exactly :data:`ACTOR_COLUMNS` as keys.

    >>> rows = actor_rows([TodoItem(0, 16, "Gevorg Tsaturyan", "unknown name", "person", "")])
    >>> rows[0]["actor_id"], rows[0]["type"], rows[0]["form"]
    ('TSATURYAN_GEVORG', 'person', 'name')
    """
    from ..text.actors import ACTOR_TYPES

    rows: dict[str, dict[str, str]] = {}
    for item in items:
        if item.item not in {"unknown name", "unresolved speaker"} or item.guess not in ACTOR_TYPES:
            continue
        name = " ".join(item.text.split())
        if name[:1].islower():  # "local officials": a description, not a name
            continue
        words = name.split()
        actor_id = (_ascii_upper(f"{words[-1]} {' '.join(words[:-1])}")
                    if item.guess == "person" and len(words) > 1 else _ascii_upper(name))
        if not actor_id or actor_id in rows:
            continue
        where = f" at {item.start}-{item.end}"
        rows[actor_id] = {
            "actor_id": actor_id, "alias": name, "form": "name", "name": name,
            "type": item.guess, "side": "", "role": "", "valid_from": "", "valid_to": "",
            "source": f"to check: seen in {article_id or 'an article'}{where} ({item.item})",
        }
    return list(rows.values())


def rows_csv(rows: Sequence[dict[str, str]], columns: Sequence[str] = ACTOR_COLUMNS) -> str:
    """The rows as CSV text with a header, ready to append to a data file (drop the header).

    >>> print(rows_csv([{"a": "1", "b": "x, y"}], columns=("a", "b")), end="")
    a,b
    1,"x, y"
    """
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()
