"""Actors and places: a dated alias dictionary and the mention tagger.

The dictionary lives in three data files (see ``karabakh/data/README.md``):
``actors.csv`` (one row per alias of an actor, with its type, side and the
office it holds between ``valid_from`` and ``valid_to``), ``roles.csv`` (title
phrases such as "the president of Azerbaijan", resolved to the office holder
on the article's date) and ``places.csv`` (one row per alias of a place, with
coordinates). ``mention_cues.csv`` holds the closed word lists used below.

:func:`tag_mentions` finds every mention in a text. The rules:

1. **Matching.** One compiled regular expression (a prefix trie of all
   aliases) is run over a *folded copy* of the text that has exactly the
   original length: lower case, diacritics stripped (``António`` ->
   ``antonio``, ``Əliyev`` -> ``eliyev``), typographic apostrophes and
   hyphens folded to ``'`` and ``-``. Offsets therefore index the original
   text unchanged. Inside an alias, spaces and hyphens are interchangeable
   (``Nagorno-Karabakh`` = ``Nagorno Karabakh``), and an alias containing
   ``US``/``UN``/``EU``/``UK`` also matches their dotted spelling
   (``U.S. Agency for International Development``) and vice versa. A match
   must start and end at a word boundary.
2. **Case.** Matching is case-insensitive, except that an alias written
   entirely in capitals (an acronym: ``US``, ``UN``, ``FRA``, ``TASS``) never
   matches a span written entirely in lower case ("us", "fra").
3. **Overlaps.** At each word start the longest alias is a candidate; among
   overlapping candidates the longest wins, ties go to the leftmost, and no
   two mentions overlap (spaCy EntityRuler semantics).
4. **Possessives.** A following ``'s`` or ``’s`` is included in the span and
   the mention gets ``possessive=True``.
5. **Adjectives.** Demonyms ("Azerbaijani", "Armenian", "Russian", "German",
   ...) resolve to their state with ``adjective=True`` and ``rule="adjective"``
   unless a longer alias contains them ("Armenian Revolutionary Federation",
   "Russian peacekeepers", "German Foreign Minister").
6. **Roles.** A title phrase from ``roles.csv`` ("the President of
   Azerbaijan", "Karabakh president") resolves to the actor holding that
   office on the date ``on`` (``rule="role"``); with no date, no single
   holder on that date, or a qualifier before the title ("former",
   "deputy", "acting", "assistant", ... ``role_qualifier`` in
   ``mention_cues.csv``), ``entity_id`` is ``None`` (never a guess). A title
   phrase followed directly (optionally after a comma) by a person's name
   ("German Foreign Minister Annalena Baerbock", "the US Secretary of State,
   Antony Blinken") becomes **one** mention of that person
   (``rule="role+name"``); the name wins over the title. Bare titles
   ("President", "Prime Minister") are not part of the span.
7. **Actor or place.** A name that is both an actor and a place (Baku,
   Moscow, Yerevan, Azerbaijan, Armenia, Russia, Stepanakert, ...) is decided
   in this order:

   a. possessive ("Baku's goal") -> actor (``rule="possessive"``);
   a'. written in capitals at the start of a line, before a comma, "(",
      "/" or a dash: a wire dateline ("YEREVAN, Sept 25 (Reuters) -",
      "BAKU, Azerbaijan (AP) —") -> place (``rule="dateline"``);
   b. "according to X", or "from"/"to" after a speech noun ("accusations
      from Yerevan", "an appeal to Baku") -> actor
      (``rule="actor-preposition"``);
   c. after a locative preposition (in, at, to, from, near, toward(s),
      into, across, via, ... see ``mention_cues.csv``; an optional "the",
      "both", "either" or "neither" in between) -> place
      (``rule="locative"``); after a verb of movement ("had reached
      Armenia", "fled Azerbaijan", ``place_verb``) -> place
      (``rule="place-verb"``);
   d. after an actor preposition (with, by, against, between: "a dialogue
      with Baku", "blocked by Azerbaijan") -> actor
      (``rule="actor-preposition"``);
   e. the object of a verb whose object is a party ("accuses Baku",
      "urged Yerevan", "called on Moscow", see ``object_verb`` in
      ``mention_cues.csv``) -> actor (``rule="actor-object"``);
   f. coordinated with ("and", "or", ",") the mention just before it when
      that one was decided a place ("in Armenia and Azerbaijan") -> place,
      or decided an actor by its context ("with both Baku and Yerevan")
      -> actor (``rule="coordination"``);
   g. followed (after at most two adverbs such as "yesterday", "also", or
      after "and"/"or" and a second capitalised name: "Baku and Yerevan
      agreed") by a speech or action verb (said, accuses, claims,
      announced, has, will, must, refused, or any word in "-ed") -> actor
      (``rule="actor-verb"``);
   h. otherwise a country name is the state (``rule="default-actor"``:
      "hopes for Azerbaijan", "Russia in particular"), and a city is
      the place (``rule="default-place"``: "buses left Stepanakert").

8. **Generic phrases.** Dictionary aliases include a few lower-case generic
   phrases that in this conflict name one actor ("the separatists",
   "separatist authorities", "the illegal regime" -> ``NKR_AUTHORITIES``).
   Bare nouns such as "the ministry", "the government", "the region" or
   "the enclave" are *not* tagged: they need the context of the sentence
   and are resolved by the quote and event extractors.
9. **Unknown names.** Capitalised word sequences (joined by "of", "the",
   "de", "von", "der", "al") that no alias covers are returned with
   ``kind="unknown"`` and ``entity_id=None`` so a researcher sees what the
   dictionary misses. Titles ("President", "Foreign Minister"), months and
   weekdays are trimmed from their ends, and a sentence-initial word (also
   the first word after a wire dateline's "(AP) —") that is a common
   lower-case English word (punkt's orthographic statistics or the function
   words of ``mention_cues.csv``: "The", "But", "Meanwhile") is dropped. A
   lone generic body noun left after trimming ("Ministry" of "Foreign
   Ministry spokeswoman") is not reported, like "the ministry" (rule 8).
   An unknown name carries a guessed ``type`` so that the to-do list of
   the dictionary sorts itself: ``organisation`` when one of its words is a
   body noun ("Party", "Ministry", "Committee", "Agency", "Court",
   ``org_noun``/``body_noun`` in ``mention_cues.csv``), ``person`` after a
   title or honorific ("Mr", "Colonel", "Minister"), ``place`` after a
   locative preposition ("in", "near", "from"), else ``None``.
10. **Spelling variants and glued names.** Before a capitalised name is
   called unknown, windows of up to five of its words are matched against
   the dictionary through :func:`translit_key` (``-yan``/``-ian``,
   ``Ye-``/``E-``, ``-iyev``/``-iev``, ``kh``/``x``/``gh``/``g``/``h``,
   ``dzh``/``j``, doubled letters): "Gegham Stepanian", "Hikmet Gadzhiev",
   "Erevan", "Evlakh" get the id of the one entity with that key
   (``rule="transliteration"``; actor or place is then decided as in rule
   7; a key shared by two entities, or shorter than five letters, matches
   nothing). A person's alias glued to lower-case letters, a translation
   artefact ("Ararat Mirzoyandenuncia"), is that person
   (``rule="glued"``; the span keeps the whole word).
11. **Names that refer back.** A surname alone ("Hajiyev", "Mr Hajiyev")
   after a person's full name in the same text is that person
   (``rule="surname"``), even when the dictionary gives the surname to
   someone else; after an unknown full name it stays unknown (type
   ``person``). "the minister", "the ombudsman", "the spokesman" ... is
   the most recent person named before it whose office (``roles.csv``) or
   the title words just before the name contain the noun
   (``rule="title-anaphor"``, span without "the"); with none, nothing is
   tagged.

>>> [(m.text, m.entity_id, m.kind, m.rule) for m in tag_mentions("Baku’s goal is clear.")]
[('Baku’s', 'AZE_GOV', 'actor', 'possessive')]
>>> [(m.text, m.entity_id, m.kind) for m in tag_mentions("Talks were held in Moscow.")]
[('Moscow', 'MOSCOW', 'place')]
>>> [(m.text, m.kind, m.rule) for m in tag_mentions("YEREVAN, Sept 25 (Reuters) - Buses came.")]
[('YEREVAN', 'place', 'dateline'), ('Reuters', 'actor', 'alias')]
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import unicodedata
import warnings
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

from ..records import Mention
from ..resources import read_data_csv
from ._patterns import trie_regex
from .articles import header_match, parse_dateline
from .lexicon import function_role, month_names, weekday_names
from .sentences import abbreviations

__all__ = [
    "ACTOR_SIDES",
    "ACTOR_TYPES",
    "PLACE_KINDS",
    "ActorInfo",
    "PlaceInfo",
    "RoleInfo",
    "actor_info",
    "fold",
    "load_actors",
    "load_places",
    "load_roles",
    "place_info",
    "resolve_role",
    "role_holders",
    "tag_mentions",
    "translit_key",
]

#: Allowed values of ``actors.csv`` ``type``.
ACTOR_TYPES = frozenset(
    {
        "person",
        "state",
        "government",
        "ministry",
        "armed_force",
        "party",
        "organisation",
        "media",
        "population",
    }
)
#: Allowed values of ``actors.csv`` ``side`` besides the ISO-3 code of any
#: state in the dictionary (NKR = the de facto Karabakh authorities).
ACTOR_SIDES = frozenset(
    {"AZE", "ARM", "NKR", "RUS", "USA", "DEU", "FRA", "TUR", "IRN", "EU", "UN", "INT"}
)
#: Allowed values of ``places.csv`` ``kind``.
PLACE_KINDS = frozenset(
    {"country", "region", "city", "town", "village", "corridor", "border crossing"}
)


@dataclass(frozen=True, slots=True)
class ActorInfo:
    """One actor of ``actors.csv`` with all its aliases.

    Attributes:
        actor_id: the stable id (``AZE``, ``ALIYEV_ILHAM``, ``NKR_AUTHORITIES``).
        name: canonical name.
        type: person, state, government, ministry, armed_force, party,
            organisation, media or population.
        side: AZE, ARM, NKR, RUS, USA, ... (see :data:`ACTOR_SIDES`).
        role: the role id the actor holds (``AZE_PRESIDENT``) or ``None``.
        valid_from: first day in that role, ``None`` if open or unknown.
        valid_to: last day in that role, ``None`` if still in office.
        aliases: every alias, in file order.
        adjectives: the aliases that are adjectives/demonyms ("Azerbaijani").
        source: where the facts come from.

    >>> actor_info("ALIYEV_ILHAM").role
    'AZE_PRESIDENT'
    """

    actor_id: str
    name: str
    type: str
    side: str
    role: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    source: str


@dataclass(frozen=True, slots=True)
class PlaceInfo:
    """One place of ``places.csv`` with all its aliases.

    Attributes:
        place_id: the stable id (``BAKU``; countries use the ISO-3 code of
            the state, so the place ``AZE`` and the actor ``AZE`` share it).
        name: canonical (neutral) name.
        kind: country, region, city, town, village, corridor or border crossing.
        lat: latitude, decimal degrees (WGS84).
        lon: longitude, decimal degrees (WGS84).
        country: ISO-3 code of the internationally recognised country.
        aliases: every alias (contested names are aliases of one id).
        source: where the coordinates come from.

    >>> place_info("STEPANAKERT").aliases[:2]
    ('Stepanakert', 'Khankendi')
    """

    place_id: str
    name: str
    kind: str
    lat: float
    lon: float
    country: str
    aliases: tuple[str, ...]
    source: str


@dataclass(frozen=True, slots=True)
class RoleInfo:
    """One office of ``roles.csv`` with its title phrases.

    Attributes:
        role_id: the stable id (``NKR_PRESIDENT``).
        side: the side of the office.
        description: what the office is.
        aliases: the title phrases that name it.
        source: where the phrasing comes from.

    >>> load_roles()["NKR_PRESIDENT"].side
    'NKR'
    """

    role_id: str
    side: str
    description: str
    aliases: tuple[str, ...]
    source: str


# ---------------------------------------------------------------- folding


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_FOLD_SPECIAL = {
    "’": "'",
    "‘": "'",
    "ʼ": "'",
    "`": "'",
    "´": "'",
    "‐": "-",
    "‑": "-",
    "ə": "e",
    "Ə": "e",
    "ı": "i",
    "İ": "i",
    "ß": "s",
    "ø": "o",
    "Ø": "o",
    "đ": "d",
    "Đ": "d",
    "ł": "l",
    "Ł": "l",
}


@functools.cache
def _fold_char(ch: str) -> str:
    """Fold one non-ASCII character to exactly one lower-case character."""
    if ch in _FOLD_SPECIAL:
        return _FOLD_SPECIAL[ch]
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    if len(base) == 1 and base.isascii():
        return base.lower()
    low = ch.lower()
    return low if len(low) == 1 and low.lower() == low else "\ufffd"


def fold(text: str) -> str:
    """Return a same-length, lower-cased, diacritic-free copy of ``text``.

    Typographic apostrophes become ``'``; characters that cannot be folded to
    one character become U+FFFD, so offsets into the copy are offsets into
    ``text``.

    Args:
        text: any text.

    Returns:
        The folded copy; ``len(fold(text)) == len(text)`` always holds.

    >>> fold("António Guterres, Baku’s Əliyev")
    "antonio guterres, baku's eliyev"
    """
    if text.isascii():
        return text.lower()
    folded = text
    for ch in set(_NON_ASCII.findall(text)):
        folded = folded.replace(ch, _fold_char(ch))
    folded = folded.lower()
    if len(folded) != len(text):  # pragma: no cover - guarded by _fold_char
        raise ValueError("fold: folding changed the text length")
    return folded


_SEP = re.compile(r"[\s\-]+")


def _key(alias: str) -> str:
    """Lookup key of an alias or a matched span: folded, separators as one space."""
    return _SEP.sub(" ", fold(alias).strip())


# ---------------------------------------------------------------- loading


def _date(value: str, where: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{where}: bad date {value!r} (expected YYYY-MM-DD)") from None


def _row_groups(
    name: str, entity: str, shared: tuple[str, ...]
) -> Iterator[tuple[str, str, list[dict[str, str]]]]:
    """The rows of a dictionary file grouped by ``<entity>_id``, in file order.

    Yields ``(id, where, rows)``, ``where`` naming the file and the entry for
    error messages. Raises ValueError when the rows of one entry disagree on a
    ``shared`` column (each alias row repeats the entry's own fields).
    """
    grouped: dict[str, list[dict[str, str]]] = {}
    for row in read_data_csv(name):
        grouped.setdefault(row[f"{entity}_id"], []).append(row)
    for key, group in grouped.items():
        where = f"karabakh/data/{name}, {entity} {key}"
        for row in group[1:]:
            for col in shared:
                if row[col] != group[0][col]:
                    raise ValueError(f"{where}: column {col!r} differs between its rows")
        yield key, where, group


@functools.cache
def load_actors() -> Mapping[str, ActorInfo]:
    """Load ``actors.csv`` as a read-only mapping ``actor_id -> ActorInfo`` (cached).

    Raises:
        ValueError: naming the file and actor when a row is malformed (bad
            date, unknown type, or rows of one actor that disagree on name,
            type, side, role or dates).

    >>> load_actors()["AZE"].adjectives
    ('Azerbaijani', 'Azeri')
    """
    out: dict[str, ActorInfo] = {}
    for aid, where, group in _row_groups(
            "actors.csv", "actor", ("name", "type", "side", "role", "valid_from", "valid_to")):
        first = group[0]
        if first["type"] not in ACTOR_TYPES:
            raise ValueError(f"{where}: unknown type {first['type']!r}")
        for row in group:
            if row["form"] not in {"name", "adjective"}:
                raise ValueError(f"{where}: unknown form {row['form']!r} of {row['alias']!r}")
        out[aid] = ActorInfo(
            actor_id=aid,
            name=first["name"],
            type=first["type"],
            side=first["side"],
            role=first["role"] or None,
            valid_from=_date(first["valid_from"], where),
            valid_to=_date(first["valid_to"], where),
            aliases=tuple(r["alias"] for r in group),
            adjectives=tuple(r["alias"] for r in group if r["form"] == "adjective"),
            source=first["source"],
        )
    return MappingProxyType(out)


@functools.cache
def load_places() -> Mapping[str, PlaceInfo]:
    """Load ``places.csv`` as a read-only mapping ``place_id -> PlaceInfo`` (cached).

    Raises:
        ValueError: naming the file and place for a bad coordinate or rows
            that disagree.

    >>> load_places()["BAKU"].kind
    'city'
    """
    out: dict[str, PlaceInfo] = {}
    for pid, where, group in _row_groups(
            "places.csv", "place", ("name", "kind", "lat", "lon", "country")):
        first = group[0]
        try:
            lat, lon = float(first["lat"]), float(first["lon"])
        except ValueError:
            bad = f"{first['lat']!r}, {first['lon']!r}"
            raise ValueError(f"{where}: bad coordinates {bad}") from None
        out[pid] = PlaceInfo(
            place_id=pid,
            name=first["name"],
            kind=first["kind"],
            lat=lat,
            lon=lon,
            country=first["country"],
            aliases=tuple(r["alias"] for r in group),
            source=first["source"],
        )
    return MappingProxyType(out)


@functools.cache
def load_roles() -> Mapping[str, RoleInfo]:
    """Load ``roles.csv`` as a read-only mapping ``role_id -> RoleInfo`` (cached).

    >>> "Karabakh president" in load_roles()["NKR_PRESIDENT"].aliases
    True
    """
    grouped: dict[str, list[dict[str, str]]] = {}
    for row in read_data_csv("roles.csv"):
        grouped.setdefault(row["role_id"], []).append(row)
    return MappingProxyType(
        {
            rid: RoleInfo(
                role_id=rid,
                side=g[0]["side"],
                description=g[0]["description"],
                aliases=tuple(r["alias"] for r in g),
                source=g[0]["source"],
            )
            for rid, g in grouped.items()
        }
    )


def actor_info(actor_id: str) -> ActorInfo | None:
    """Return the :class:`ActorInfo` of an actor id, or ``None`` if unknown.

    Use it to read an actor's ``type`` and ``side`` (e.g. to resolve "he/she"
    to person actors and "it/they" to bodies).

    >>> info = actor_info("NKR_AUTHORITIES")
    >>> info.type, info.side
    ('government', 'NKR')
    >>> actor_info("NOBODY") is None
    True
    """
    return load_actors().get(actor_id)


def place_info(place_id: str) -> PlaceInfo | None:
    """Return the :class:`PlaceInfo` of a place id, or ``None`` if unknown.

    >>> place_info("LACHIN_CORRIDOR").kind
    'corridor'
    """
    return load_places().get(place_id)


@functools.cache
def _role_alias_index() -> Mapping[str, str]:
    return MappingProxyType(
        {_key(a): rid for rid, info in load_roles().items() for a in info.aliases}
    )


def role_holders(role_id: str, on: dt.date) -> tuple[str, ...]:
    """Return the ids of the actors holding ``role_id`` on date ``on``.

    A holder's ``valid_from``/``valid_to`` are inclusive; an empty bound is
    open.

    >>> role_holders("NKR_PRESIDENT", dt.date(2023, 9, 20))
    ('SHAHRAMANYAN_SAMVEL',)
    >>> role_holders("NKR_PRESIDENT", dt.date(2023, 8, 1))
    ('HARUTYUNYAN_ARAYIK',)
    """
    return tuple(
        a.actor_id
        for a in _with_role(role_id)
        if (a.valid_from is None or a.valid_from <= on)
        and (a.valid_to is None or on <= a.valid_to)
    )


#: (the table loaded, its actors by role): rebuilt when load_actors() gives another table
_ROLE_INDEX: list[tuple[Mapping[str, ActorInfo], Mapping[str, tuple[ActorInfo, ...]]]] = []


def _with_role(role_id: str) -> tuple[ActorInfo, ...]:
    """The actors whose role is ``role_id``, in table order (indexed once, not scanned per call)."""
    actors = load_actors()
    if not _ROLE_INDEX or _ROLE_INDEX[0][0] is not actors:
        by_role: dict[str | None, list[ActorInfo]] = {}
        for a in actors.values():
            by_role.setdefault(a.role, []).append(a)
        _ROLE_INDEX[:] = [(actors, {k: tuple(v) for k, v in by_role.items() if k is not None})]
    return _ROLE_INDEX[0][1].get(role_id, ())


_LEADING_THE = re.compile(r"^the\s+")


def resolve_role(phrase_or_role_key: str, on: dt.date | str) -> str | None:
    """Map a title phrase or role id to the actor holding it on a date.

    Args:
        phrase_or_role_key: a role id from ``roles.csv`` (``"AZE_PRESIDENT"``)
            or one of its title phrases, in any case, with or without a
            leading "the" ("the president of Azerbaijan", "Karabakh
            president", "foreign minister of Armenia").
        on: the date (a :class:`datetime.date` or ``YYYY-MM-DD``).

    Returns:
        The actor id of the single holder on that date, or ``None`` when the
        phrase is no known title, nobody holds it, or the dictionary has more
        than one holder (never a guess).

    Raises:
        ValueError: if ``on`` is a string that is not an ISO date.

    >>> resolve_role("the president of Azerbaijan", "2023-09-20")
    'ALIYEV_ILHAM'
    >>> resolve_role("Karabakh president", "2023-09-20")
    'SHAHRAMANYAN_SAMVEL'
    >>> resolve_role("NKR_PRESIDENT", "2022-01-01")
    'HARUTYUNYAN_ARAYIK'
    >>> resolve_role("foreign minister of Armenia", "2023-09-20")
    'MIRZOYAN_ARARAT'
    """
    day = on if isinstance(on, dt.date) else _date(on, "resolve_role: on")
    if day is None:
        raise ValueError("resolve_role: on is empty")
    roles = load_roles()
    role_id: str | None = phrase_or_role_key if phrase_or_role_key in roles else None
    if role_id is None:
        role_id = _role_alias_index().get(_LEADING_THE.sub("", _key(phrase_or_role_key)))
    if role_id is None:
        return None
    holders = role_holders(role_id, day)
    return holders[0] if len(holders) == 1 else None


# ---------------------------------------------------------------- lexicon


@dataclass(frozen=True, slots=True)
class _Entry:
    table: str  # "actor", "role" or "place"
    id: str
    adjective: bool
    acronym: bool


@dataclass(frozen=True, slots=True)
class _KeyInfo:
    actor: _Entry | None  # an actor or role entry
    place: _Entry | None
    acronym_only: bool  # every alias with this key is written in capitals


@dataclass(frozen=True, slots=True)
class _Lexicon:
    pattern: re.Pattern[str]
    entries: Mapping[str, _KeyInfo]


def _trie_pattern(keys: Iterable[str]) -> str:
    """A regex alternation of ``keys`` shaped as a prefix trie (longest first).

    A space in a key matches any run of spaces and hyphens.
    """
    return trie_regex(keys, space=r"[\s\-]+")


@functools.cache
def _lexicon() -> _Lexicon:
    entries: dict[str, list[_Entry]] = {}

    def add(alias: str, entry: _Entry) -> None:
        entries.setdefault(_key(alias), []).append(entry)

    for aid, info in load_actors().items():
        for alias in info.aliases:
            add(alias, _Entry("actor", aid, alias in info.adjectives, _is_acronym(alias)))
    for rid, role in load_roles().items():
        for alias in role.aliases:
            add(alias, _Entry("role", rid, False, _is_acronym(alias)))
    for pid, place in load_places().items():
        for alias in place.aliases:
            add(alias, _Entry("place", pid, False, _is_acronym(alias)))
    for key, found in list(entries.items()):
        variant = _dotted_variant(key)
        if variant is not None and variant not in entries:
            entries[variant] = found
    body = _trie_pattern(entries)
    pattern = re.compile(r"(?<![\w'])(?=(" + body + r")('s)?(?![\w]))")
    infos = {
        k: _KeyInfo(
            next((en for en in v if en.table in {"actor", "role"}), None),
            next((en for en in v if en.table == "place"), None),
            all(en.acronym for en in v),
        )
        for k, v in entries.items()
    }
    return _Lexicon(pattern, MappingProxyType(infos))


_DOTTED = {"us": "u.s.", "un": "u.n.", "eu": "e.u.", "uk": "u.k."}
_DOTTED.update({v: k for k, v in list(_DOTTED.items())})


def _dotted_variant(key: str) -> str | None:
    """The key with "US"/"UN"/"EU"/"UK" written with dots, or without (``None`` if none)."""
    words = key.split(" ")
    if len(words) < 2 or not any(w in _DOTTED for w in words):
        return None
    return " ".join(_DOTTED.get(w, w) for w in words)


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


@functools.cache
def _cues() -> Mapping[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in read_data_csv("mention_cues.csv"):
        out.setdefault(row["category"], set()).add(row["word"])
    # the prepositions are function words: after a place_prep a name that is both an
    # actor and a place is the place ("in Baku"), after an actor_prep the actor ("by Baku")
    out["locative"] = set(function_role("place_prep"))
    out["actor_preposition"] = set(function_role("actor_prep"))
    return MappingProxyType({k: frozenset(v) for k, v in out.items()})


@functools.cache
def _common_words() -> frozenset[str]:
    """Words punkt's English statistics saw in lower case inside sentences."""
    from punkt.data import english

    mid_lc = 1 << 5
    return frozenset(w for w, flags in english.ORTHO_CONTEXT.items() if flags & mid_lc)


# ---------------------------------------------------------------- tagging

_NONSPACE = re.compile(r"\S+")
_COORD = re.compile(r"\s*,?\s*(?:and|or)?\s*")
_NEXT_WORDS = re.compile(r"[\s,]*(\w+)(?:\s+(\w+))?(?:\s+(\w+))?")
_UPPER = "".join(c for c in map(chr, range(0x41, 0x250)) if c.isupper())
_CAP_WORD = rf"[{_UPPER}][\w’'\-.]*(?<![.’'\-])"
_SP = "[ \t\u00a0\u2009\u202f]"  # no-break and thin spaces separate words too
_SP_CHARS = frozenset(" \t\u00a0\u2009\u202f")  # the only white space a run of names holds


@functools.cache
def _unknown_re() -> re.Pattern[str]:
    """A run of capitalised words (rule 9), no-break and thin spaces included.

    An initial or a title abbreviation (``A.``, ``Sen.``, ``Lt.``:
    ``sentences.abbreviations()``) before another capitalised word stays
    inside the run (``Lt. Gen. A. B. Petrov``).
    """
    titles = "|".join(
        re.escape(a.capitalize()) for a, k in abbreviations().items() if k == "title"
    )
    abbr = rf"(?:[{_UPPER}]|{titles})\.(?={_SP}+[{_UPPER}])"
    word = rf"(?:{abbr}|{_CAP_WORD})"
    return re.compile(
        rf"(?<![\w’'\-]){word}(?:{_SP}+(?:(?:of|the|de|von|der|al|du|da){_SP}+)?{word})*"
    )


@functools.cache
def _unknown_start() -> re.Pattern[str]:
    """The first character of every run :func:`_unknown_re` matches: a capital."""
    firsts = {a.capitalize()[0] for a, k in abbreviations().items() if k == "title"}
    return re.compile(f"[{_UPPER}{re.escape(''.join(sorted(firsts)))}]")


def _capitalised_runs(masked: str) -> Iterator[re.Match[str]]:
    """``_unknown_re().finditer(masked)``, tried only where a capital stands.

    The full pattern opens with a look-behind, which Python's engine tries at
    every character; capitals are a few in a hundred, and a fast scan for
    them finds every place a run can start.
    """
    run = _unknown_re()
    pos = 0
    for c in _unknown_start().finditer(masked):
        if c.start() < pos:
            continue
        m = run.match(masked, c.start())
        if m is not None:
            yield m
            pos = m.end()
_COORD_NAME = re.compile(rf"[ \t]*,?[ \t]*(?:and|or)[ \t]+{_CAP_WORD}(?:['’]s)?")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:,|\(|/|[—–-][ \t])")
_SENT_START = re.compile(r"(?:^|[.!?:;\n]|\)[ \t]*[—–-])[\s«“\"‘'(\[—–-]*$")
_POSSESSIVE_TAIL = re.compile(r"['’]s$")


def _date_of(text: str, on: dt.date | str | None) -> dt.date | None:
    if isinstance(on, dt.date):
        return on
    if isinstance(on, str):
        return _date(on, "tag_mentions: on")
    m = header_match(text)
    return parse_dateline(m.group(2), where="tag_mentions: header") if m else None


_SKIP_BEFORE = frozenset({"the", "both", "either", "neither"})


def _context(
    folded: str, start: int, prev_place_end: int | None, prev_actor_end: int | None = None
) -> str | None:
    """Classify the words before ``start``.

    Returns ``locative``, ``place-verb``, ``coordination`` (with a place),
    ``actor-coordination``, ``actor-prep``, ``actor-object`` or ``None``.
    """
    cues = _cues()
    words = folded[max(0, start - 40) : start].split()
    while words and words[-1] in _SKIP_BEFORE:
        words.pop()
    if not words:
        return None
    last = words[-1]
    before = words[-2] if len(words) > 1 else ""
    if last in {"from", "to"} and (before in cues["speech_noun"] or before == "according"):
        return "actor-prep"
    if last in cues["locative"]:
        return "locative"
    if last in cues["place_verb"]:
        return "place-verb"
    if last in cues["actor_preposition"]:
        return "actor-prep"
    if last in cues["object_verb"] or (last in {"on", "upon"} and before in cues["object_verb"]):
        return "actor-object"
    if prev_place_end is not None and _COORD.fullmatch(folded, prev_place_end, start):
        return "coordination"
    if prev_actor_end is not None and _COORD.fullmatch(folded, prev_actor_end, start):
        return "actor-coordination"
    return None


def _previous_word(folded: str, start: int) -> str:
    words = folded[max(0, start - 20) : start].split()
    return words[-1] if words else ""


def _is_actor_verb(folded: str, end: int, text: str | None = None) -> bool:
    cues = _cues()
    if text is not None:  # "Baku and Yerevan agreed": look past the second name
        co = _COORD_NAME.match(text, end)
        if co:
            end = co.end()
    m = _NEXT_WORDS.match(folded, end, min(len(folded), end + 60))
    if not m:
        return False
    for word in m.groups():
        if word is None:
            return False
        if word in cues["actor_verb"] or (len(word) > 3 and word.endswith("ed")):
            return True
        if word not in cues["adverb"]:
            return False
    return False


def _low(word: str) -> str:
    return word.lower() if word.isascii() else fold(word)


def _droppable(word: str, drop: frozenset[str], common: frozenset[str]) -> bool:
    """A title, month or function word, or a common word written in capitals."""
    low = _low(word)
    if word.endswith(".") and abbreviations().get(low[:-1]) == "title":
        return True  # "Sen.", "Lt.", "Gov."
    return low in drop or (len(word) > 1 and word.isupper() and low in common)


def _name_spans(text: str, masked: str) -> Iterator[list[tuple[int, int]]]:
    """The word spans of each capitalised name in ``masked``, trimmed (rule 9)."""
    cues = _cues()
    drop_anywhere = cues["title"] | month_names() | weekday_names()  # time_words.csv
    function = cues["function"]
    common = _common_words()
    drop = drop_anywhere | function
    for m in _capitalised_runs(masked):
        if _SP_CHARS.isdisjoint(m.group()):  # one word (most runs)
            spans = [m.span()]
        else:
            spans = [(w.start(), w.end()) for w in _NONSPACE.finditer(masked, m.start(), m.end())]
        # drop a sentence-initial common word
        s0, e0 = spans[0]
        low0 = _low(text[s0:e0])
        if _SENT_START.search(text[max(0, s0 - 6) : s0]) or s0 == 0:
            if low0 in function or low0 in common:
                spans = spans[1:]
        # trim titles/months/function words (and joiners) from both ends
        while spans and _droppable(text[spans[0][0] : spans[0][1]], drop, common):
            spans = spans[1:]
        while spans and _droppable(text[spans[-1][0] : spans[-1][1]], drop, common):
            spans = spans[:-1]
        if not spans:
            continue
        if text[spans[-1][1] - 1] == ".":  # an initial before the next sentence ("Plan B.")
            spans[-1] = (spans[-1][0], spans[-1][1] - 1)
        if len(spans) == 1 and _low(text[spans[0][0] : spans[0][1]]) in cues["body_noun"]:
            continue  # a bare "Ministry" is a generic noun, like "the ministry"
        yield spans


def _unknown_mentions(text: str, masked: str) -> list[Mention]:
    out = []
    for spans in _name_spans(text, masked):
        start, end = spans[0][0], spans[-1][1]
        span = text[start:end]
        out.append(
            Mention(
                start,
                end,
                span,
                None,
                "unknown",
                _guess_type(text, start, end),
                None,
                possessive=bool(_POSSESSIVE_TAIL.search(span)),
                rule="capitalised",
            )
        )
    return out


_GUESS_WORD = re.compile(r"[\w’'-]+")
_GUESS_BEFORE = re.compile(r"[\w’'.-]+")


def _guess_type(text: str, start: int, end: int) -> str | None:
    """The likely type of an unknown name, from its own words and the words before it.

    A body noun in the name ("Party", "Ministry", "Committee", "Agency",
    "Court", ... ``org_noun`` in ``mention_cues.csv``) -> ``organisation``;
    a title or honorific just before it ("Mr", "Minister", "Colonel") ->
    ``person``; a locative preposition just before it ("in", "near",
    "from") -> ``place``; else ``None``.
    """
    cues = _cues()
    words = [_low(w) for w in _GUESS_WORD.findall(text[start:end])]
    if any(w in cues["org_noun"] or w in cues["body_noun"] for w in words):
        return "organisation"
    before = _GUESS_BEFORE.findall(text[max(0, start - 30) : start])
    last = _low(before[-1]).rstrip(".") if before else ""
    if last in cues["title"]:
        return "person"
    if last in cues["locative"] or (last == "the" and len(before) > 1
                                    and _low(before[-2]) in cues["locative"]):
        return "place"
    return None


# ------------------------------------------------ spelling variants and glued names


def translit_key(name: str) -> str:
    """A spelling-neutral key of a name, for the transliterations of one name.

    Armenian and Azerbaijani names reach English through several systems
    (and through Russian): the key folds case and diacritics, then writes
    alike ``-yan``/``-ian`` and ``y``/``i`` (``-iyev``/``-iev``/``-yev``),
    an initial ``Ye-``/``Ya-`` and ``E-``/``A-``, ``kh``/``x``/``gh``/``q``/
    ``g``/``h`` (Russian writes Azerbaijani *h* as *g* or *kh*), ``dzh``/
    ``dj``/``zh``/``j``, ``w``/``v``, ``ou``/``u``, and doubled letters as one.

    Args:
        name: a name as written ("Gadzhiev", "Xankendi", "Stepanian").

    Returns:
        The key; equal keys are spellings of one name.

    >>> translit_key("Hajiyev") == translit_key("Gadzhiev") == translit_key("Hadjiev")
    True
    >>> translit_key("Vardanyan") == translit_key("Vardanian")
    True
    >>> [translit_key(n) for n in ("Khankendi", "Xankəndi", "Aghdam", "Agdam", "Yerevan")]
    ['hankendi', 'hankendi', 'ahdam', 'ahdam', 'erevan']
    """
    return _translit_key(name)


_LETTERS = re.compile(r"[a-z]+")
_YE_YA = re.compile(r"^y([ea])")
_DOUBLED = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=65536)
def _translit_key(name: str) -> str:
    """:func:`translit_key`, cached: one article asks for the same names many times."""
    out = []
    for word in _LETTERS.findall(fold(name)):
        word = _YE_YA.sub(r"\1", word)
        for a, b in _TRANSLIT:
            word = word.replace(a, b)
        out.append(_DOUBLED.sub(r"\1", word))
    return " ".join(out)


_TRANSLIT = (
    ("sh", "S"), ("ch", "C"), ("dzh", "J"), ("dj", "J"), ("zh", "J"), ("j", "J"),
    ("kh", "h"), ("gh", "h"), ("x", "h"), ("q", "h"), ("g", "h"),
    ("y", "i"), ("w", "v"), ("ou", "u"),
)

#: A transliteration key shorter than this matches nothing (too many short names collide).
_MIN_KEY = 5


@functools.cache
def _translit_index() -> Mapping[str, tuple[str, ...]]:
    """Transliteration key -> the lexicon keys of the name aliases it stands for."""
    lex = _lexicon()
    out: dict[str, list[str]] = {}
    for key, info in lex.entries.items():
        if info.acronym_only or (info.actor is not None and info.actor.table == "role"):
            continue
        tk = translit_key(key)
        if len(tk.replace(" ", "")) >= _MIN_KEY:
            out.setdefault(tk, []).append(key)
    return MappingProxyType({k: tuple(v) for k, v in out.items()})


def _entity(info: _KeyInfo) -> tuple[str | None, str | None]:
    return (info.actor.id if info.actor else None, info.place.id if info.place else None)


def _variant_key(words: str) -> str | None:
    """The lexicon key a spelling variant stands for, ``None`` if none or ambiguous."""
    lex = _lexicon()
    keys = _translit_index().get(translit_key(words), ())
    if not keys or len({_entity(lex.entries[k]) for k in keys}) != 1:
        return None
    return keys[0]


_GLUED_TAIL = re.compile(r"[a-z]{3,}\Z")
_WINDOW = 5  # longest name tried, in words


def _variant_candidates(text: str, masked: str) -> list[tuple[_Cand, str]]:
    """Dictionary names in the unknown capitalised names: spelling variants, glued words.

    Windows of up to five words of each name are tried, longest first: a
    window whose :func:`translit_key` is the key of exactly one entity's
    alias (rule ``transliteration``); else, a window whose last word is a
    person's alias glued to lower-case letters ("Mirzoyandenounced", a
    translation artefact) is that person (rule ``glued``); the span keeps the
    whole word, so that it still ends at a word boundary.
    """
    lex = _lexicon()
    common = _common_words()
    out: list[tuple[_Cand, str]] = []
    for spans in _name_spans(text, masked):
        i = 0
        while i < len(spans):
            hit = None
            for j in range(min(len(spans), i + _WINDOW), i, -1):
                s, e = spans[i][0], spans[j - 1][1]
                poss = _POSSESSIVE_TAIL.search(text, s, e)
                alias_end = poss.start() if poss else e
                words = text[s:alias_end]
                if not (j - i == 1 and _low(words) in common):
                    key = _variant_key(words)
                    if key is not None:
                        hit = ((s, e, alias_end, key), "transliteration")
                        break
                hit = _glued(text, s, spans[j - 1][0], alias_end, lex)
                if hit is not None:
                    break
            if hit is None:
                i += 1
                continue
            out.append(hit)
            end = hit[0][1]
            while i < len(spans) and spans[i][0] < end:
                i += 1
    return out


def _glued(
    text: str, start: int, last_start: int, end: int, lex: _Lexicon
) -> tuple[_Cand, str] | None:
    tail = _GLUED_TAIL.search(text, last_start, end)
    if tail is None:
        return None
    for cut in range(end - 3, max(tail.start(), last_start + 4) - 1, -1):  # longest head first
        head = _key(text[start:cut])
        info = lex.entries.get(head)
        if info is None:
            variant = _variant_key(text[start:cut])
            info = lex.entries.get(variant) if variant else None
            head = variant or head
        if info is None or info.acronym_only:
            continue
        if info.actor is not None and info.actor.table == "actor" and not info.actor.adjective:
            if load_actors()[info.actor.id].type == "person":
                return (start, end, end, head), "glued"  # the whole word: spans end at a boundary
    return None


# ------------------------------------------------ surnames and titles that refer back


_NAME_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def _surname_pass(text: str, mentions: list[Mention]) -> list[Mention]:
    """A surname alone ("Hajiyev", "Mr Hajiyev") is the person named in full before it.

    A person's full name (a mention of two words or more that is a person,
    or an unknown name guessed a person) introduces its last word; a later
    mention of that word alone, known or unknown, becomes that person
    (``rule="surname"``), or stays unknown if the full name was unknown
    (the dictionary's holder of that surname is not guessed). Keys are
    :func:`translit_key` keys, so "Gadzhiev" after "Hikmet Hajiyev" is him.
    """
    actors = load_actors()
    intro: dict[str, Mention] = {}
    out = []
    for m in mentions:
        words = _NAME_WORD.findall(_POSSESSIVE_TAIL.sub("", m.text))
        is_person = m.type == "person" and (m.kind == "unknown" or m.entity_id is not None)
        if len(words) == 1 and m.rule not in {"role", "adjective"}:
            key = translit_key(words[0])
            first = intro.get(key)
            if first is not None and first.entity_id != m.entity_id and (
                m.kind == "unknown" or (m.type == "person" and m.rule != "role+name")
            ):
                who = actors.get(first.entity_id) if first.entity_id else None
                if who is not None:
                    m = Mention(m.start, m.end, m.text, who.actor_id, "actor", who.type,
                                who.side, who.name, possessive=m.possessive, rule="surname")
                else:
                    m = Mention(m.start, m.end, m.text, None, "unknown", "person", None,
                                possessive=m.possessive, rule="surname")
        elif len(words) >= 2 and is_person:
            intro[translit_key(words[-1])] = m
        out.append(m)
    return out


_LOOKBACK = 20  # people looked at, most recent first: a bound, so the pass stays linear
# "[Tt]" first and the look-behind after it: a pattern that opens with a character
# class lets Python's engine skip to the next "t" instead of trying every position
_ANAPHOR = re.compile(
    r"[Tt](?<![\w-][Tt])he\s+(?P<noun>(?:foreign\s+|defen[cs]e\s+|prime\s+|deputy\s+)?minister|"
    r"ombudsman|ombudswoman|spokesman|spokeswoman|spokesperson|envoy|commander|aide|adviser|"
    r"advisor|diplomat|president|high\s+commissioner|secretary-general|official)"
    r"(?![\w-]|\s+of\b|['’]s)"
)


def _title_anaphors(text: str, mentions: list[Mention]) -> list[Mention]:
    """"the minister", "the ombudsman": the person last named with that title (rule 11).

    The antecedent is the most recent person mention before the phrase whose
    office (``roles.csv`` description) or the title words just before its
    name ("Foreign Minister Jeyhun Bayramov", "ombudsman Gegham Stepanyan")
    contain the noun. With none, nothing is tagged (the quote and event
    extractors read the bare noun in context). The span is the noun without
    "the".
    """
    roles = load_roles()
    actors = load_actors()
    people = []  # (mention, the title words just before it, since the previous mention)
    prev_end = 0
    for m in mentions:
        if m.kind == "actor" and m.type == "person" and m.entity_id:
            before = text[max(prev_end, m.start - 60) : m.start]
            people.append((m, re.split(r"[.;:!?]", before)[-1]))
        prev_end = m.end
    starts = [m.start for m in mentions]  # sorted, non-overlapping
    ends = [p.end for p, _ in people]
    added = []
    for a in _ANAPHOR.finditer(text):
        noun = " ".join(a.group("noun").lower().split())
        head = noun.split()[-1]
        s, e = a.span("noun")
        i = bisect.bisect_left(starts, e)
        if i > 0 and mentions[i - 1].end > s:
            continue  # inside a mention ("the President of Azerbaijan")
        n_before = bisect.bisect_right(ends, s)
        for m, title in reversed(people[max(0, n_before - _LOOKBACK) : n_before]):
            who = actors[m.entity_id] if m.entity_id else None
            role = roles.get(who.role) if who and who.role else None
            said = (role.description if role else "") + " " + title + " " + m.text
            if head in said.lower() and (noun == head or noun.split()[0] in said.lower()):
                assert who is not None
                added.append(Mention(s, e, text[s:e], who.actor_id, "actor", who.type,
                                     who.side, who.name, rule="title-anaphor"))
                break
    return sorted(mentions + added, key=lambda m: m.start)


_Cand = tuple[int, int, int, str]  # (start, end incl. possessive, alias end, key)


def _select(cands: list[_Cand], length: int) -> list[_Cand]:
    """Keep non-overlapping candidates: longest first, ties leftmost; sorted by start."""
    taken: list[_Cand] = []
    occupied = bytearray(length)
    for c in sorted(cands, key=lambda c: (c[0] - c[1], c[0])):
        if 1 in occupied[c[0] : c[1]]:
            continue
        taken.append(c)
        occupied[c[0] : c[1]] = b"\x01" * (c[1] - c[0])
    return sorted(taken)


def tag_mentions(
    text: str, dateline: dt.date | str | None = None, *, on: dt.date | str | None = None
) -> list[Mention]:
    """Find every actor, place and unknown capitalised name in ``text``.

    See the module docstring for the rules (longest match, ties leftmost,
    no overlaps; case- and diacritic-insensitive; possessives, adjectives,
    roles by date; actor vs place; unknown names).

    Args:
        text: the article text (offsets index it unchanged).
        dateline: the date that resolves title phrases ("the Karabakh
            president"), a :class:`datetime.date` or ``YYYY-MM-DD``; when
            ``None``, a leading ``date YYYY-MM-DD`` header of ``text`` is used
            if present, else titles stay unresolved (``entity_id=None``).
        on: deprecated alias of ``dateline``.

    Returns:
        Mentions sorted by ``start``; ``m.text == text[m.start:m.end]``.

    Raises:
        ValueError: if ``dateline`` is a string that is not an ISO date.

    >>> ms = tag_mentions("date 2023-09-20 Moscow accuses Baku. The President of "
    ...                   "Azerbaijan, Ilham Aliyev, spoke in Baku.")
    >>> [(m.text, m.entity_id, m.kind, m.rule) for m in ms]  # doctest: +NORMALIZE_WHITESPACE
    [('Moscow', 'RUS_GOV', 'actor', 'actor-verb'), ('Baku', 'AZE_GOV', 'actor', 'actor-object'),
     ('President of Azerbaijan, Ilham Aliyev', 'ALIYEV_ILHAM', 'actor', 'role+name'),
     ('Baku', 'BAKU', 'place', 'locative')]
    """
    if on is not None:
        warnings.warn("tag_mentions: on= is deprecated, use dateline=", DeprecationWarning, 2)
        dateline = on if dateline is None else dateline
    day = _date_of(text, dateline)
    lex = _lexicon()
    folded = fold(text)
    # 1. candidates: the longest alias at each word start
    cands: list[_Cand] = []
    for m in lex.pattern.finditer(folded):
        s, e = m.span(1)
        if e == s:
            continue
        key = folded[s:e]
        info = lex.entries.get(key)
        if info is None:
            key = _SEP.sub(" ", key)
            info = lex.entries.get(key)
            if info is None:
                continue
        if info.acronym_only and text[s:e].islower():
            continue
        cands.append((s, m.end(2) if m.group(2) else e, e, key))
    # 2. longest wins, ties leftmost, no overlaps
    taken = _select(cands, len(text))
    # 2b. spelling variants and glued names among what no alias covers
    special: dict[int, str] = {}
    variants = _variant_candidates(text, _mask(text, [(c[0], c[1]) for c in taken]))
    for cand, why in variants:
        special[cand[0]] = why
    taken = sorted(taken + [c for c, _ in variants])
    # 3. resolve each match
    actors, places, roles = load_actors(), load_places(), load_roles()
    mentions: list[Mention] = []
    prev_place_end: int | None = None
    prev_actor_end: int | None = None
    for s, e, alias_end, key in taken:
        info = lex.entries[key]
        actor, place = info.actor, info.place
        possessive = e != alias_end
        kind = "actor"
        rule = "alias"
        dual_actor = False
        if actor is not None and place is not None:
            if possessive:
                rule = "possessive"
            elif _is_dateline(text, s, alias_end):
                kind, rule = "place", "dateline"
            else:
                ctx = _context(folded, s, prev_place_end, prev_actor_end)
                if ctx in {"locative", "coordination", "place-verb"}:
                    kind, rule = "place", str(ctx)
                elif ctx in {"actor-prep", "actor-object", "actor-coordination"}:
                    rule = _CTX_RULE[ctx]
                elif _is_actor_verb(folded, e, text):
                    rule = "actor-verb"
                elif places[place.id].kind == "country":
                    rule = "default-actor"
                else:
                    kind, rule = "place", "default-place"
            dual_actor = kind == "actor" and rule != "default-actor"
        elif actor is None:
            kind = "place"
        span = text[s:e]
        if kind == "place":
            assert place is not None
            p = places[place.id]
            mentions.append(
                Mention(s, e, span, p.place_id, "place", p.kind, p.country, p.name,
                        possessive=possessive, rule=rule)
            )
            prev_place_end, prev_actor_end = e, None
            continue
        prev_place_end = None
        prev_actor_end = e if dual_actor else None
        assert actor is not None
        if actor.table == "role":
            r = roles[actor.id]
            qualified = _previous_word(folded, s) in _cues()["role_qualifier"]
            holders = role_holders(actor.id, day) if day is not None and not qualified else ()
            if len(holders) == 1:
                holder = actors[holders[0]]
                mentions.append(
                    Mention(s, e, span, holder.actor_id, "actor", holder.type, holder.side,
                            holder.name, possessive=possessive, rule="role")
                )
            else:
                mentions.append(
                    Mention(s, e, span, None, "actor", "person", r.side, r.description,
                            possessive=possessive, rule="role")
                )
            continue
        who = actors[actor.id]
        if actor.adjective:
            rule = "adjective"
        elif rule == "alias" and possessive:
            rule = "possessive"
        mentions.append(
            Mention(s, e, span, who.actor_id, "actor", who.type, who.side, who.name,
                    adjective=actor.adjective, possessive=possessive, rule=rule)
        )
    mentions = [
        replace(men, rule=special[men.start])
        if men.start in special and men.rule not in {"role", "role+name"} else men
        for men in mentions
    ]
    mentions = _merge_roles(text, mentions)
    # 4. unknown capitalised names in the text no mention covers
    mentions.extend(
        _unknown_mentions(text, _mask(text, [(men.start, men.end) for men in mentions]))
    )
    mentions.sort(key=lambda men: men.start)
    mentions = _given_names(text, mentions)
    # 5. surnames alone and bare titles refer back to the person named before
    return _title_anaphors(text, _surname_pass(text, mentions))


_ONE_SPACE = re.compile(r"\.?[ \t\u00a0\u2009\u202f]")  # "Antony J." + "Blinken"
_INITIALS = re.compile(rf"(?:{_SP}+[{_UPPER}]\.?)+$")


def _given_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """An unknown word just before a known surname: a spelling variant, or another person.

    "Dzheikhun Bayramov", "Ilkham Aliev": the two words are a variant of one
    full alias (:func:`translit_key`) -> that person, ``rule="transliteration"``.
    "Kamo Vardanyan" when no alias of that person has the given name: someone
    else with the same surname -> one unknown mention of type ``person``
    (the dictionary's Vardanyan is not guessed).
    """
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            nxt is not None
            and m.kind == "unknown"
            and m.type not in {"organisation", "place"}
            and " " not in _INITIALS.sub("", m.text)
            and not m.possessive
            and not m.text.isupper()
            and nxt.kind == "actor"
            and nxt.type == "person"
            and nxt.rule in {"alias", "possessive"}
            and " " not in nxt.text.strip()
            and _ONE_SPACE.fullmatch(text, m.end, nxt.start)
            and (text[m.end] != "." or _INITIALS.search(m.text) is not None)
        ):
            span = text[m.start : nxt.end]
            # an initial between given name and surname is no part of the alias
            given = _INITIALS.sub("", m.text)
            key = _variant_key(_POSSESSIVE_TAIL.sub("", f"{given} {nxt.text}"))
            info = _lexicon().entries.get(key) if key else None
            if info is not None and info.actor is not None and info.actor.id == nxt.entity_id:
                out.append(replace(nxt, start=m.start, text=span, rule="transliteration"))
            else:
                out.append(Mention(m.start, nxt.end, span, None, "unknown", "person", None,
                                   possessive=nxt.possessive, rule="capitalised"))
            i += 2
            continue
        out.append(m)
        i += 1
    return out


def _mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with every span blanked out (NUL characters, same length)."""
    pieces = []
    pos = 0
    for s, e in sorted(spans):
        pieces.append(text[pos:s])
        pieces.append("\x00" * (e - s))
        pos = e
    pieces.append(text[pos:])
    return "".join(pieces)


_ROLE_GAP = re.compile(r"\s*,?\s*")
_CTX_RULE = {
    "actor-prep": "actor-preposition",
    "actor-object": "actor-object",
    "actor-coordination": "coordination",
}


def _is_dateline(text: str, start: int, end: int) -> bool:
    """A capitalised name opening a wire dateline ("YEREVAN, Sept 25 (Reuters) -")."""
    span = text[start:end]
    if not span.isupper():
        return False
    line_start = text.rfind("\n", 0, start) + 1
    prefix = text[line_start:start]
    if prefix.lower() != prefix.upper() and not prefix.isupper():
        return False
    return _DATELINE_AFTER.match(text, end) is not None


def _merge_roles(text: str, mentions: list[Mention]) -> list[Mention]:
    """Merge a title phrase directly followed by a person's name into one mention."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        if m.rule == "role" and not m.possessive and i + 1 < len(mentions):
            nxt = mentions[i + 1]
            gap = text[m.end : nxt.start]
            if (
                nxt.kind == "actor"
                and nxt.type == "person"
                and nxt.rule != "role"
                and _ROLE_GAP.fullmatch(gap)
                and "\n" not in gap
            ):
                out.append(
                    Mention(m.start, nxt.end, text[m.start : nxt.end], nxt.entity_id, "actor",
                            nxt.type, nxt.side, nxt.name, possessive=nxt.possessive,
                            rule="role+name")
                )
                i += 2
                continue
        out.append(m)
        i += 1
    return out
