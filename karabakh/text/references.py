"""Who a phrase refers to: the actor-reference resolver of the text layer.

A public-internal module (not re-exported by ``karabakh``): quotes use it for
speakers, and figures (sources), events and statements ask it the same
question -- which actor of the dictionary does ``text[start:end]`` name, given
what came before ``pos``? The rules are written out in
:mod:`karabakh.extract.quotes` ("Speakers") and summed up here:

* names and surnames alone (an actor mention in the phrase; a person wins,
  otherwise the first non-adjective actor before a preposition); a surname
  after an unknown given name is another person (``None``);
* pronouns (``he``/``she`` -> the most recent sentence naming one person;
  ``it``/``they`` -> the most recent body), possessives (``his spokesman``,
  ``its defence ministry``);
* descriptions with a side (``the ministry``, ``the Armenian foreign
  ministry``, ``the foreign ministry in Baku``) -> the most recent matching
  actor, else the dictionary's one fitting actor of that side; a
  spokesperson's title names an earlier actor too (``Russia's foreign
  ministry spokeswoman Maria Zakharova`` ... ``the ministry said``);
* dated roles come from the mentions (``the president of Azerbaijan`` is
  tagged by :func:`karabakh.text.actors.tag_mentions` on the dateline);
* metonyms: capitals and seats (``Baku``, ``the Kremlin``) are aliases of the
  government they name, and a place that names an actor gives a side;
* spokespersons speak for the actor named with them; several speakers
  joined by ``and`` are no one speaker; unknown names are kept as
  ``person`` with ``actor=None``. Never a guess: unresolved is ``None`` with a
  ``problem``.

Contract: :func:`resolve_reference` ``(doc, start, end, pos)`` returns
``(actor_id | None, rule)`` where ``rule`` is ``name``, ``pronoun``,
``description``, ``dictionary`` or ``spokesperson-for`` (``None`` when
unresolved); :func:`resolve` returns the full :class:`Resolution` (actor,
rule, problem, the mention or unknown person that decided). Both read the
document's mentions, quotations and sentence index (built once, see
:class:`~karabakh.text.document.Document`). A :class:`Resolver` remembers the
speakers it is told about (:meth:`Resolver.remember`) and the unnamed
descriptions it met (``an official`` ... ``the official``), so ask it in
text order; ``doc.resolver`` is one per document.

>>> from karabakh.text.document import Document
>>> doc = Document("Ilham Aliyev spoke in Baku. Later he said the ministry agreed.")
>>> resolve_reference(doc, 34, 36, 34)
('ALIYEV_ILHAM', 'pronoun')
"""

from __future__ import annotations

import bisect
import copy
import functools
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

from ..records import Mention
from .actors import actor_info, fold, load_actors, load_places, load_roles
from .clauses import (
    DETERMINERS,
    PREP_IN_NP,
    WORD_BEFORE,
    SpeakerNoun,
    last_speaker_noun,
    names_a_person,
    speaker_noun_key,
    speaker_noun_re,
    speaker_nouns,
    trim,
)
from .lexicon import alternation, count_words, function_role, function_words
from .sentences import SentenceIndex

if TYPE_CHECKING:
    from .document import Document

__all__ = [
    "POSSESSIVE_PRONOUN",
    "ActorRef",
    "Antecedent",
    "Resolution",
    "Resolver",
    "resolve",
    "resolve_reference",
]

_APPOSITION_END = re.compile(r"[,;.:!?()“”«»\"]")
_PLURAL = re.compile(r"[^s]s$")
#: words that make a description indefinite ("an official", "one diplomat", "two ministers"):
#: the ``indefinite`` role of ``data/function_words.csv`` and the number words of ``figure_words.csv``
_INDEFINITE = frozenset(function_role("indefinite") + count_words())
_PRONOUNS = {"he": "person", "she": "person", "it": "body", "they": "body", "we": "body"}


class ActorRef(NamedTuple):
    """An actor as the resolver sees it: id, type, side, canonical name, role."""

    id: str
    type: str | None
    side: str | None
    name: str
    role: str


@functools.cache
def _role_words(actor_id: str) -> str:
    """Lower-case name, type and role description of an actor (for describing nouns)."""
    info = actor_info(actor_id)
    if info is None:
        return ""
    role = load_roles().get(info.role) if info.role else None
    parts = [info.name, info.type, role.description if role else ""]
    return " ".join(parts).lower()


@functools.cache
def _institutions() -> tuple[ActorRef, ...]:
    """Every actor of the dictionary that is not a person."""
    return tuple(
        ActorRef(a.actor_id, a.type, a.side, a.name, a.role or "")
        for a in load_actors().values()
        if a.type != "person"
    )


@functools.cache
def _metonyms() -> dict[str, tuple[str, str]]:
    """Folded place names that also name an actor (``baku`` -> ``AZE_GOV``, side ``AZE``)."""
    places = {fold(alias) for p in load_places().values() for alias in p.aliases}
    out: dict[str, tuple[str, str]] = {}
    for a in load_actors().values():
        if a.type == "person":
            continue
        for alias in a.aliases:
            key = fold(alias)
            if key in places:
                out.setdefault(key, (a.actor_id, a.side))
    return out


def _fits(cand: ActorRef, nouns: Sequence[SpeakerNoun], qualifier: str = "") -> bool:
    if qualifier and qualifier not in _role_words(cand.id) + " " + cand.name.lower():
        return False  # "the health ministry" is no foreign ministry
    for c in nouns:
        if cand.type not in c.types:
            continue
        if c.match == "-":  # "a source", "residents": never an actor of the dictionary
            continue
        if c.match and c.match not in _role_words(cand.id) + " " + cand.name.lower():
            continue
        return True
    return False


@functools.cache
def _by_description(
    noun_key: str, side: str, metonym: str, qualifier: str = ""
) -> tuple[str, ...]:
    """Ids of the dictionary's institutions of ``side`` that the describing noun fits.

    When several fit, those whose name contains the noun win ("the government
    in Yerevan" -> Government of Armenia), then the actor the place itself
    names ("the authorities in Stepanakert" -> the Stepanakert authorities).
    """
    nouns = speaker_nouns()[noun_key]
    fits = [x for x in _institutions() if x.side == side and _fits(x, nouns, qualifier)]
    if len(fits) > 1:
        word = noun_key.split()[-1]
        fits = [x for x in fits if word in x.name.lower()] or fits
    if len(fits) > 1 and metonym:
        fits = [x for x in fits if x.id == metonym] or fits
    return tuple(x.id for x in fits)


_INDEFINITE_ARTICLE = re.compile(
    rf"(?i:{alternation(set(function_words('article')) & set(function_role('indefinite')))})\s+")
# "In Moscow, " / "From Baku, " opening a sentence: the place (group 1) before the phrase
_LOCATIVE_LEAD = re.compile(r"\s*(?:In|From|Meanwhile in)\s+((?:[A-Z][\w’'.-]*\s*){1,3}?),\s*(?:the\s+)?")


def _fits_any_body(nouns: Sequence[SpeakerNoun]) -> bool:
    """Can the describing noun also name a body (``ombudsman``: a person and an institution)?"""
    return any(t != "person" for n in nouns for t in n.types)


class Antecedent(NamedTuple):
    """A possible antecedent of a pronoun or description.

    A dictionary actor, a person the dictionary does not know, or both (an
    unknown spokesperson speaking for an actor).
    """

    actor: ActorRef | None
    person: Mention | None = None
    title: str = ""  # the describing noun an unknown person was introduced with

    @property
    def is_person(self) -> bool:
        """A person: a dictionary person, an unknown name, or an unnamed spokesperson for an actor."""
        return (self.person is not None or (self.actor is not None and self.actor.type == "person")
                or (self.actor is not None and self.title != "" and names_a_person(self.title)))


class Resolution(NamedTuple):
    """The answer of the resolver for one phrase.

    Attributes:
        actor: the actor referred to, or ``None``.
        rule: how it was found (``name``, ``pronoun``, ``description``,
            ``dictionary``, ``spokesperson-for``), or ``None``.
        problem: why ``actor`` is ``None`` (``None`` when resolved).
        mention: the actor mention that named it, when a name did.
        person: a speaker the dictionary does not know (kept with its words).
        note: a remark kept even when resolved (a spokesperson's channel).
        title: the describing noun an unknown person was introduced with, or
            the spokesperson noun of one speaking for ``actor``.
    """

    actor: ActorRef | None
    rule: str | None
    problem: str | None
    mention: Mention | None
    person: Mention | None = None  # a speaker the dictionary does not know
    note: str | None = None  # kept as the quote's problem even when resolved
    title: str = ""


POSSESSIVE_PRONOUN = re.compile(rf"(?i:{alternation(function_words('possessive'))})\s+")
_JOINT_AND = re.compile(r"\s+and\s+")
_SPEAKS_FOR_TAIL = re.compile(rf"\s+(?:{alternation(function_role('speaks_for'))})\s+")
_SOURCE_TAIL = re.compile(rf"\s(?:{alternation(function_role('source'))})\s+")
_POSS_END = re.compile(r"(?:['’]s?)$")
# "an aide to " / "the envoy of " before a name: the name completes another's title
_COMPLEMENT_END = re.compile(rf"(?:\s(?:{alternation(function_role('complement'))})|['’]s?)\s*$")
_LOOKBACK_PEOPLE = 12  # persons looked at for a description, most recent first
# describing nouns general enough to fit anyone ("the official"): no office to match
_GENERIC_KEYS = frozenset({"person", "unnamed person"})
_SCARE_MARK = re.compile(r"[“”«»\"‘]")


class Resolver:
    """Resolves speaker phrases in text order, remembering earlier speakers."""

    def __init__(
        self,
        text: str,
        mentions: Sequence[Mention],
        quotations: Sequence[tuple[int, int]] = (),
        sents: SentenceIndex | None = None,
    ):
        self.text = text
        self.sents = sents if sents is not None else SentenceIndex(text, quotations)
        inside = list(quotations)
        qs = [a for a, _ in inside]

        def quoted(m: Mention) -> bool:
            k = bisect.bisect_right(qs, m.start) - 1
            return k >= 0 and inside[k][0] <= m.start and m.end <= inside[k][1]

        self.sided = sorted(
            ((m.start, m.end, m.side) for m in mentions if m.kind == "actor" and m.side),
        )
        self.sided_starts = [x for x, _, _ in self.sided]
        metonyms = _metonyms()
        places = []
        actors = []
        unknown = []
        self.dateline_side = ""  # the side of a wire dateline's capital ("MOSCOW (Wire) -")
        for m in mentions:
            if m.kind == "place":
                name = _POSS_END.sub("", m.text) if m.possessive else m.text
                hit = metonyms.get(fold(name))
                if hit is not None:
                    places.append((m.start, m.end, hit[1], hit[0]))
                    if m.rule == "dateline" and not self.dateline_side:
                        self.dateline_side = hit[1]
                continue
            if m.kind == "unknown" and not quoted(m):
                unknown.append(m)
                continue
            if m.kind != "actor" or not m.entity_id or quoted(m):
                continue
            actors.append(m)
        actors.sort(key=lambda m: (m.start, -m.end))
        self.mentions = actors
        self.starts = [m.start for m in actors]
        self.places = sorted(places)
        self.place_starts = [p[0] for p in self.places]
        unknown.sort(key=lambda m: m.start)
        self.unknown = unknown
        self.unknown_starts = [m.start for m in unknown]
        pool = [(m.start, Antecedent(self._actor(m))) for m in actors if not m.adjective]
        for m in actors:
            spoken = self._spoken_for_in_title(m)
            if spoken is not None:  # "Russia's foreign ministry spokeswoman Maria Zakharova"
                pool.append((m.start, Antecedent(self._dictionary(spoken))))
        for m in unknown:
            title = self._title_before(m)
            if title:
                pool.append((m.start, Antecedent(None, m, title)))
        pool.sort(key=lambda x: x[0])
        self.pool = [w for _, w in pool]
        self.pool_starts = [p for p, _ in pool]
        self.history: list[tuple[int, Antecedent]] = []
        self.unnamed: set[str] = set()

    def fresh(self) -> Resolver:
        """A resolver of the same document that remembers nothing yet.

        It shares this one's indexes of the mentions (built once per document)
        and starts with no speakers remembered and no unnamed description met,
        as a new :class:`Resolver` of the same text, mentions and quotations would.

        >>> r = Resolver("An official said so.", [])
        >>> _ = r.resolve(0, 11, 0)
        >>> sorted(r.unnamed), sorted(r.fresh().unnamed)
        (['official'], [])
        """
        other = copy.copy(self)
        other.history = []
        other.unnamed = set()
        return other

    def _introduced_as(self, m: Mention) -> set[str]:
        """The describing nouns (row keys) a person mention was introduced with.

        Its office (``roles.csv``), the title words right before the name
        ("special representative Toivo Klaar", "The ICRC's regional director
        Jane Doe") and an apposition right after it ("Hikmet Hajiyev, an aide
        to Azerbaijan's president,"). A name that completes another's title
        ("an aide to Azerbaijan's president") is not introduced by it.
        """
        text = self.text
        s0 = self.sents.start_of(m.start)
        keys: set[str] = set()
        info = actor_info(m.entity_id) if m.entity_id else None
        role = load_roles().get(info.role) if info is not None and info.role else None
        parts: list[tuple[int, int]] = []
        lo = max(s0, m.start - 80)
        cut = max(text.rfind(",", lo, m.start), text.rfind("(", lo, m.start), lo - 1) + 1
        if not _COMPLEMENT_END.search(text, cut, m.start):
            last = last_speaker_noun(text, cut, m.start)
            if last is not None and not text[last.end() : m.start].strip():
                parts.append(last.span())  # the title right before the name
        if text.startswith(",", m.end):
            stop = _APPOSITION_END.search(text, m.end + 1, m.end + 100)
            parts.append((m.end + 1, stop.start() if stop else min(len(text), m.end + 100)))
        for a, b in parts:
            for nm in speaker_noun_re().finditer(text, a, b):
                keys.update(n.key for n in speaker_nouns()[speaker_noun_key(nm)])
        if role is not None:
            desc = role.description
            for nm in speaker_noun_re().finditer(desc):
                keys.update(n.key for n in speaker_nouns()[speaker_noun_key(nm)])
        return keys

    def _described_person(self, key: str, pos: int) -> Mention | None:
        """The person named before ``pos`` with an office of row ``key`` (most recent first)."""
        k = bisect.bisect_left(self.starts, pos) - 1
        seen = 0
        while k >= 0 and seen < _LOOKBACK_PEOPLE:
            m = self.mentions[k]
            k -= 1
            if m.type != "person" or m.adjective or m.rule == "title-anaphor":
                continue
            seen += 1
            if key in self._introduced_as(m):
                return m
        return None

    def _spoken_for_in_title(self, m: Mention) -> str | None:
        """The institution a person's title inside the mention names as the one spoken for.

        "Russia's foreign ministry spokeswoman Maria Zakharova" also names the
        Russian foreign ministry, so a later "the ministry said" can refer to it: the
        describing noun before a spokesperson noun ("foreign ministry"), of the
        person's side, when exactly one institution of the dictionary fits it.
        """
        if m.type != "person" or m.adjective or not m.side or " " not in m.text:
            return None
        nouns = list(speaker_noun_re().finditer(self.text, m.start, m.end))
        for k in range(len(nouns) - 1, 0, -1):
            if any(n.speaks_for for n in speaker_nouns()[speaker_noun_key(nouns[k])]):
                inst = speaker_noun_key(nouns[k - 1])
                if names_a_person(inst):
                    return None
                ids = _by_description(inst, m.side, "")
                return ids[0] if len(ids) == 1 else None
        return None

    def _institution_in(self, a: int, b: int) -> Antecedent | None:
        """The one institution of the dictionary that ``text[a:b]`` names ("A Kremlin", "a State Department")."""
        from .actors import tag_mentions

        found = {m.entity_id for m in tag_mentions(self.text[a:b])
                 if m.kind == "actor" and m.entity_id and m.type != "person" and not m.adjective}
        if len(found) != 1:
            return None
        return Antecedent(self._dictionary(found.pop()))

    def _title_before(self, m: Mention) -> str:
        """The person title right before an unknown name ("spokeswoman Jane Doe")."""
        last = last_speaker_noun(self.text, max(0, m.start - 40), m.start)
        if last is None or self.text[last.end() : m.start].strip(" ,"):
            return ""
        key = speaker_noun_key(last)
        return key if names_a_person(key) else ""

    def _actor(self, m: Mention) -> ActorRef:
        return ActorRef(m.entity_id or "", m.type, m.side, m.name or m.text, "")

    def in_span(self, a: int, b: int) -> list[Mention]:
        """Actor mentions (outside quotations) that lie within ``text[a:b]``."""
        k = bisect.bisect_left(self.starts, a)
        out = []
        while k < len(self.mentions) and self.mentions[k].start < b:
            if self.mentions[k].end <= b:
                out.append(self.mentions[k])
            k += 1
        return out

    def remember(self, pos: int, who: Antecedent) -> None:
        """Record a speaker at ``pos``: later pronouns and descriptions prefer it."""
        self.history.append((pos, who))

    def _candidates(self, pos: int) -> Iterator[Antecedent]:
        """Earlier speakers (most recent first), then earlier mentions (lazily)."""
        for who, _ in self._candidates_at(pos):
            yield who

    def _candidates_at(self, pos: int) -> Iterator[tuple[Antecedent, int]]:
        """As :meth:`_candidates`, with the pool index of a mention (-1 for a speaker)."""
        for p, who in reversed(self.history):
            if p < pos:
                yield who, -1
        for k in range(bisect.bisect_left(self.pool_starts, pos) - 1, -1, -1):
            yield self.pool[k], k

    def _person(self, pos: int) -> Antecedent | bool | None:
        """The antecedent of he/she/his/her before ``pos``.

        The most recent sentence that names a person (earlier speakers and
        mentions alike) is the one referred to; in it, a speaker wins over
        other mentions. ``False`` when that sentence offers two different
        persons and no single speaker (ambiguous: no guess); ``None`` when no
        person comes before.
        """
        # speakers are remembered in text order: scan them backwards from pos
        recent: list[tuple[int, Antecedent]] = []
        latest = -1
        s0 = -1
        for p, who in reversed(self.history):
            if p >= pos or not who.is_person:
                continue
            if latest < 0:
                latest = p
                s0 = self.sents.start_of(p)
            if p < s0:
                break
            recent.append((p, who))
        k = bisect.bisect_left(self.pool_starts, pos) - 1
        while k >= 0 and not self.pool[k].is_person:
            k -= 1
        if k >= 0 and self.pool_starts[k] > latest:
            latest = self.pool_starts[k]
        if latest < 0:
            return None
        s0 = self.sents.start_of(latest)
        speakers = {_identity(w): w for p, w in recent if p >= s0}
        if len(speakers) == 1:
            return next(iter(speakers.values()))
        if speakers:
            return False
        named: dict[tuple[str, int], Antecedent] = {}
        while k >= 0 and self.pool_starts[k] >= s0:
            if self.pool[k].is_person:
                named.setdefault(_identity(self.pool[k]), self.pool[k])
            k -= 1
        if len(named) == 1:
            return next(iter(named.values()))
        return False

    def _given_name_before(self, m: Mention) -> Mention | None:
        """``Hayk Vardanyan`` when only ``Vardanyan`` is an alias (another person)."""
        if len(m.text.split()) != 1:
            return None
        k = bisect.bisect_left(self.unknown_starts, m.start) - 1
        if k < 0:
            return None
        u = self.unknown[k]
        if u.end + 1 != m.start or self.text[u.end] != " " or not u.text[:1].isupper():
            return None
        text = self.text[u.start : m.end]
        return Mention(u.start, m.end, text, None, "unknown", None, None, rule="capitalised")

    def _unknown_in(self, a: int, b: int) -> Mention | None:
        k = bisect.bisect_left(self.unknown_starts, a)
        found = None
        while k < len(self.unknown) and self.unknown[k].start < b:
            if self.unknown[k].end <= b:
                found = self.unknown[k]
            k += 1
        return found

    def _sides(self, a: int, b: int) -> tuple[set[str], str]:
        """Sides named in ``text[a:b]`` (actors first, else capitals) and a metonym id."""
        lo = bisect.bisect_left(self.sided_starts, a)
        hi = bisect.bisect_left(self.sided_starts, b)
        sides = {side for _, y, side in self.sided[lo:hi] if y <= b}
        if sides:
            return sides, ""
        lo = bisect.bisect_left(self.place_starts, a)
        hi = bisect.bisect_left(self.place_starts, b)
        hits = [(side, actor) for _, y, side, actor in self.places[lo:hi] if y <= b]
        return {s for s, _ in hits}, hits[0][1] if len(hits) == 1 else ""

    def _locative_sides(self, a: int) -> tuple[set[str], str]:
        """The side of a place that opens the sentence before ``a`` ("In Moscow, the ministry")."""
        s0 = self.sents.start_of(a)
        lead = _LOCATIVE_LEAD.match(self.text, s0, a)
        if lead is None or lead.end() != a:
            return set(), ""
        return self._sides(lead.start(1), lead.end(1))

    def _previous_speaker_side(self, a: int) -> set[str]:
        """The side of the last speaker remembered in this sentence or the one before (a state or government)."""
        s0 = self.sents.start_of(a)
        prev = self.sents.start_of(s0 - 1) if s0 > 0 else s0
        for p, who in reversed(self.history):
            if p >= a:
                continue
            if p < prev:
                break
            actor = who.actor
            if actor is not None and actor.side and actor.type in {"state", "government"}:
                return {actor.side}
            break
        return set()

    def _antecedent(self, word: str, a: int, pos: int) -> Antecedent | bool | None:
        """The antecedent of a possessive pronoun: its own sentence first, then as he/it."""
        person = word.lower() in {"his", "her"}
        if person:
            return self._person(pos)
        s0 = self.sents.start_of(a)
        for k in range(bisect.bisect_left(self.pool_starts, a) - 1, -1, -1):
            if self.pool_starts[k] < s0:
                break
            who = self.pool[k]
            if not who.is_person and who.actor is not None:
                return who
        for who in self._candidates(pos):
            if not who.is_person and who.actor is not None:
                return who
        return None

    def _unknown_person(self, who: Antecedent, via: str) -> Resolution:
        assert who.person is not None
        name = who.person.text
        if who.actor is None:
            why = f"speaker is not in the dictionary: {name!r}{via}"
            return Resolution(None, None, why, None, who.person, None, who.title)
        note = (
            f"speaker is not in the dictionary: {name!r}{via}; the words are attributed to "
            f"{who.actor.name}, on whose behalf the speaker speaks"
        )
        return Resolution(who.actor, "spokesperson-for", None, None, who.person, note, who.title)

    def _pronoun(self, word: str, phrase: str, pos: int) -> Resolution:
        if _PRONOUNS[word] == "person":
            who = self._person(pos)
            if who is False:
                why = (
                    f"pronoun {phrase!r} is ambiguous: the sentence it refers to names "
                    "two persons"
                )
                return Resolution(None, None, why, None)
            if isinstance(who, Antecedent):
                if who.person is not None:
                    return self._unknown_person(who, f" (antecedent of {phrase!r})")
                return Resolution(who.actor, "pronoun", None, None)
        else:
            for cand in self._candidates(pos):
                if cand.actor is not None and cand.actor.type != "person":
                    return Resolution(cand.actor, "pronoun", None, None)
        why = f"pronoun {phrase!r} has no earlier compatible actor"
        return Resolution(None, None, why, None)

    def _speaks_for(
        self, a: int, b: int, noun: re.Match[str], unknown: Mention | None, pos: int
    ) -> Resolution | None:
        """The actor a spokesperson speaks for, or ``None`` when none is named.

        ``his spokesman``, ``Armenian government spokeswoman Jane Doe``,
        ``a spokesman for the ministry``, ``Pashinyan's office``.
        """
        phrase = self.text[a:b]
        before = self.text[a : noun.start()]
        poss = POSSESSIVE_PRONOUN.match(before)
        who: Antecedent | None = None
        if poss:
            found = self._antecedent(poss.group().strip(), a, pos)
            if not isinstance(found, Antecedent):
                why = _no_antecedent(poss.group().strip(), phrase, found is False)
                return Resolution(None, None, why, None, unknown)
            who = found
            if who.actor is None:
                return self._unknown_person(who, f" ({phrase!r} speaks for them)")
        else:
            before_noun = [m for m in self.in_span(a, noun.start()) if not m.adjective]
            if before_noun:
                who = Antecedent(self._actor(before_noun[-1]))
            else:
                x, y = trim(self.text, a, noun.start())
                y = x + len(_POSS_END.sub("", self.text[x:y]))
                tail = _SPEAKS_FOR_TAIL.match(self.text, noun.end(), b)
                if tail:  # a spokesman for the ministry
                    x, y = tail.end(), b
                if not tail and x < y and not any(
                        m.type == "person" and m.entity_id for m in self.in_span(a, b)):
                    # "A Kremlin spokesman": a title left to no holder (one of several) still
                    # names the institution it speaks for
                    who = self._institution_in(x, y)
                if who is None and x < y and (tail or speaker_noun_re().search(self.text, x, y)):
                    # "a government spokeswoman": one of the government's, and that
                    # government is a definite one ("the government" named before)
                    art = _INDEFINITE_ARTICLE.match(self.text, x, y)
                    inner = self.resolve(art.end() if art else x, y, pos)
                    if inner.actor is not None:
                        who = Antecedent(inner.actor)
        if who is None or who.actor is None:
            return None
        spoken = who.actor
        if unknown is not None:
            return self._unknown_person(Antecedent(spoken, unknown), "")
        note = f"{phrase!r} speaks for {spoken.name}; the words are attributed to {spoken.name}"
        # remembered as a person speaking for the actor: "A spokesman for UNHCR said ...
        # he added" refers to that spokesman, so to UNHCR
        return Resolution(spoken, "spokesperson-for", None, None, None, note, speaker_noun_key(noun))

    def _joint(self, a: int, b: int, pos: int) -> Resolution | None:
        """``Macron and Scholz``: several speakers are no one speaker (``None``)."""
        for m in _JOINT_AND.finditer(self.text, a, b):
            if any(x.start < m.start() and m.end() <= x.end for x in self.in_span(a, b)):
                continue  # "Organization for Security and Co-operation"
            la, lb = trim(self.text, a, m.start())
            ra, rb = trim(self.text, m.end(), b)
            if la >= lb or ra >= rb:
                return None
            parts = [self.resolve(la, lb, pos), self.resolve(ra, rb, pos)]
            ids = {p.actor.id for p in parts if p.actor is not None}
            if len(ids) == 1 and all(p.actor is not None for p in parts):
                return parts[0]
            names = [
                f"{p.actor.name} ({p.actor.id})" if p.actor is not None
                else repr(self.text[x:y])
                for p, (x, y) in zip(parts, [(la, lb), (ra, rb)], strict=True)
            ]
            why = (
                f"several speakers: {' and '.join(names)}; words said jointly are not "
                "attributed to one of them"
            )
            return Resolution(None, None, why, None)
        return None

    def resolve(self, a: int, b: int, pos: int) -> Resolution:
        """Resolve the speaker phrase ``text[a:b]`` (see the module rules)."""
        phrase = self.text[a:b]
        if " and " in phrase or "\nand " in phrase:
            joint = self._joint(a, b, pos)
            if joint is not None:
                return joint
        found = self.in_span(a, b)
        named = [m for m in found if not m.adjective]
        persons = [m for m in named if m.type == "person"]
        described = self._by_office(a, b, persons, pos)
        if described is not None:
            return described
        if len(persons) == 1 and persons[0].start == a and persons[0].end == b:
            first = persons[0]  # the phrase is a name: the usual case, decided at once
            if self._given_name_before(first) is None:
                return Resolution(self._actor(first), "name", None, first)
        words = phrase.lower().split()
        if len(words) == 1 and words[0] in _PRONOUNS and not named:
            return self._pronoun(words[0], phrase, pos)
        cut = PREP_IN_NP.search(phrase)
        head_end = a + cut.start() if cut else b
        noun = None
        for nm in speaker_noun_re().finditer(self.text, a, b):
            if nm.start() < head_end:
                noun = nm
        noun_key = speaker_noun_key(noun) if noun is not None else ""
        constraints = speaker_nouns()[noun_key] if noun is not None else ()
        speaks_for = noun is not None and any(c.speaks_for for c in constraints)
        if persons:
            # the spokesperson named after the title speaks ("spokesman Dmitry Peskov");
            # a person before it or after "for" is spoken for ("Pashinyan's office")
            after = [m for m in persons if noun is not None and m.start >= noun.end()]
            if speaks_for and noun is not None and not after:
                spoken = self._speaks_for(a, b, noun, None, pos)
                if spoken is not None:
                    return spoken
            first = after[0] if after else persons[0]
            other = self._given_name_before(first)
            if other is not None:
                why = (
                    f"speaker is not in the dictionary: {other.text!r} (only the surname "
                    f"matches {first.name or first.text})"
                )
                return Resolution(None, None, why, None, other)
            return Resolution(self._actor(first), "name", None, first)
        head = [m for m in named if m.start < head_end]
        unknown = self._unknown_in(a, head_end)
        if unknown is None:  # an appositive name: "the governor of Syunik, Jane Doe"
            unknown = self._unknown_in(a, b)
            if unknown is not None and not self.text[a : unknown.start].rstrip().endswith(","):
                unknown = None
        if speaks_for and noun is not None:
            spoken = self._speaks_for(a, b, noun, unknown, pos)
            if spoken is not None:
                return spoken
        if unknown is not None and (noun is None or noun.start() < unknown.start):
            title = noun_key if any("person" in c.types for c in constraints) else ""
            return self._unknown_person(Antecedent(None, unknown, title), "")
        poss = POSSESSIVE_PRONOUN.match(phrase)
        if noun is not None and poss is not None:
            return self._possessive(poss.group().strip(), noun_key, phrase, a, pos)
        if not head and noun is None and cut is not None:
            source = _SOURCE_TAIL.search(self.text, a + cut.start(), b)
            if source is not None and source.end() < b:  # a statement from the ministry
                return self.resolve(source.end(), b, pos)
        if head and (noun is None or noun.start() < head[0].end):
            return Resolution(self._actor(head[0]), "name", None, head[0])
        if noun is not None and words and words[0] in _INDEFINITE and not named:
            self.unnamed.add(noun_key)
            why = f"{phrase!r} introduces an unnamed speaker"
            return Resolution(None, None, why, None)
        if (
            noun is not None
            and not named
            and words[0] not in DETERMINERS
            and _PLURAL.search(noun_key)
            and not self._sides(a, b)[0]
        ):
            self.unnamed.add(noun_key)
            why = f"{phrase!r} names no one: an unnamed speaker"
            return Resolution(None, None, why, None)
        if noun is not None and noun_key in self.unnamed and not named:
            why = f"{phrase!r} refers back to an unnamed speaker"
            return Resolution(None, None, why, None)
        if noun is not None and not named and _SCARE_MARK.search(phrase):
            # "the self-styled “government” of the enclave": the writer keeps the word at
            # a distance; it is no description of an earlier actor (issue 12 item 5)
            why = f"{phrase!r} is a scare-quoted description: not matched to an earlier actor"
            return Resolution(None, None, why, None)
        if noun is not None:
            sides, metonym = self._sides(a, b)
            if not sides and not named:  # "In Moscow, the foreign ministry said"
                sides, metonym = self._locative_sides(a)
            qualifier = self._qualifier(a, noun, constraints)
            for who, k in self._candidates_at(pos):
                cand = who.actor
                if cand is None:
                    if who.title and set(speaker_nouns()[who.title]) & set(constraints):
                        return self._unknown_person(who, f" (referred to as {phrase!r})")
                    continue
                if sides and cand.side not in sides:
                    continue
                if _fits(cand, constraints, qualifier):
                    rival = self._rival(k, cand, sides, constraints, qualifier) if k >= 0 else None
                    if rival is not None:
                        why = (
                            f"the description {phrase!r} is ambiguous: the sentence it refers "
                            f"to names {rival.name} and {cand.name}"
                        )
                        return Resolution(None, None, why, None)
                    return Resolution(cand, "description", None, None)
            if not sides and not named and unknown is None:
                # "Azerbaijan said on Friday ... The defence ministry said": the side of the
                # speaker of the sentence before, else that of the wire dateline's capital
                # ("MOSCOW (Wire) - The defence ministry said"), when exactly one of its
                # institutions fits
                sides = self._previous_speaker_side(a) or (
                    {self.dateline_side} if self.dateline_side else set())
            # a country or its capital names a side; a party or agency named is the speaker
            by_side = len(sides) == 1 and all(m.type in {"state", "government"} for m in named)
            side = next(iter(sides)) if by_side else ""
            ids = _by_description(noun_key, side, metonym, qualifier) if by_side else ()
            if len(ids) == 1:
                return Resolution(self._dictionary(ids[0]), "dictionary", None, None)
            if named and not speaks_for and names_a_person(noun_key) and not _fits_any_body(constraints) \
                    and all(m.type != "person" for m in named):
                # "an official of the ICRC", "the ICRC's director": a person of that body whom
                # the dictionary does not hold, no spokesperson: unnamed, not the body
                why = f"{phrase!r} is an unnamed person of {named[0].name or named[0].text}, not a spokesperson"
                return Resolution(None, None, why, None)
            if named:
                note = None
                if ids:
                    note = (
                        f"several actors of the dictionary fit {phrase!r} ({', '.join(ids)}); "
                        f"attributed to {named[0].name or named[0].text}, named in it"
                    )
                return Resolution(self._actor(named[0]), "name", None, named[0], None, note)
            if ids:
                why = (
                    f"no earlier actor matches the description {phrase!r} and several "
                    f"actors of the dictionary do ({', '.join(ids)})"
                )
                return Resolution(None, None, why, None)
            why = f"no earlier actor matches the description {phrase!r}"
            return Resolution(None, None, why, None)
        if named:
            return Resolution(self._actor(named[0]), "name", None, named[0])
        return Resolution(None, None, f"speaker {phrase!r} is not an actor in the dictionary", None)

    def _by_office(self, a: int, b: int, persons: Sequence[Mention], pos: int) -> Resolution | None:
        """``the aide``, ``the envoy``: the person the article introduced with that office.

        Only for a bare description (``the`` + describing noun of a person,
        or the title anaphor the tagger found there); ``None`` when no person
        named before fits, and the other rules decide.
        """
        words = self.text[a:b].split()
        if not words or words[0].lower() not in {"the", "this"} or len(words) > 4:
            return None
        if persons and not all(m.rule == "title-anaphor" for m in persons):
            return None
        nm = None
        for x in speaker_noun_re().finditer(self.text, a, b):
            nm = x
        if nm is None or nm.end() != trim(self.text, a, b)[1]:
            return None
        nouns = speaker_nouns()[speaker_noun_key(nm)]
        keys = {n.key for n in nouns if "person" in n.types and not n.speaks_for} - _GENERIC_KEYS
        for key in keys:
            who = self._described_person(key, pos)
            if who is not None:
                return Resolution(self._actor(who), "description", None, None)
        return None

    def _qualifier(self, a: int, noun: re.Match[str], constraints: Sequence[SpeakerNoun]) -> str:
        """The lower-case word before a generic ministry noun ("health" in "health ministry")."""
        if any(c.types != {"ministry"} or c.match for c in constraints):
            return ""
        word = WORD_BEFORE.search(self.text, max(a, noun.start() - 30), noun.start())
        if word is None or not word.group(1).islower() or word.group(1) in DETERMINERS:
            return ""
        return word.group(1)

    def _rival(
        self,
        k: int,
        cand: ActorRef,
        sides: set[str],
        constraints: Sequence[SpeakerNoun],
        qualifier: str,
    ) -> ActorRef | None:
        """Another actor of the same sentence as mention ``k`` that the description fits."""
        s0 = self.sents.start_of(self.pool_starts[k])
        j = k - 1
        while j >= 0 and self.pool_starts[j] >= s0:
            other = self.pool[j].actor
            if (
                other is not None
                and other.id != cand.id
                and (not sides or other.side in sides)
                and _fits(other, constraints, qualifier)
            ):
                return other
            j -= 1
        return None

    def _dictionary(self, actor_id: str) -> ActorRef:
        return next(x for x in _institutions() if x.id == actor_id)

    def _possessive(self, word: str, noun_key: str, phrase: str, a: int, pos: int) -> Resolution:
        """``its army``, ``his government``: the antecedent's own body of that kind."""
        who = self._antecedent(word, a, pos)
        if not isinstance(who, Antecedent) or who.actor is None:
            return Resolution(None, None, _no_antecedent(word, phrase, who is False), None)
        ids = _by_description(noun_key, who.actor.side or "", "")
        if len(ids) == 1:
            note = f"{phrase!r} read as the {noun_key} of {who.actor.name}"
            return Resolution(self._dictionary(ids[0]), "dictionary", None, None, None, note)
        why = f"{phrase!r} belongs to {who.actor.name}, but no single actor of the dictionary fits"
        return Resolution(None, None, why, None)


def _identity(who: Antecedent) -> tuple[str, int]:
    return (who.actor.id if who.actor else "", who.person.start if who.person else -1)


def _no_antecedent(word: str, phrase: str, ambiguous: bool) -> str:
    if ambiguous:
        return f"{word!r} in {phrase!r} is ambiguous: the sentence it refers to names two persons"
    return f"{word!r} in {phrase!r} has no earlier compatible actor in the dictionary"


def resolve(doc: Document, start: int, end: int, pos: int | None = None) -> Resolution:
    """Resolve the phrase ``doc.text[start:end]`` to an actor, with the rule and problem.

    Args:
        doc: the document (its mentions, quotations and sentences are read).
        start: start of the phrase.
        end: end of the phrase.
        pos: where the reference stands (antecedents must come before it);
            the phrase's start by default.

    Returns:
        A :class:`Resolution`: ``actor`` is ``None`` when unresolved, with
        ``problem`` saying why.

    >>> from karabakh.text.document import Document
    >>> doc = Document("An official said so.")
    >>> r = resolve(doc, 0, 11)
    >>> r.actor, r.problem
    (None, "'An official' introduces an unnamed speaker")
    """
    if not 0 <= start <= end <= len(doc.text):
        raise ValueError(f"resolve: span {start}:{end} is outside the text (length {len(doc.text)})")
    return doc.resolver.resolve(start, end, start if pos is None else pos)


def resolve_reference(
    doc: Document, start: int, end: int, pos: int | None = None
) -> tuple[str | None, str | None]:
    """The actor id ``doc.text[start:end]`` refers to and the rule that decided.

    Args:
        doc: the document.
        start: start of the phrase.
        end: end of the phrase.
        pos: where the reference stands (default: ``start``).

    Returns:
        ``(actor_id, rule)``; ``(None, None)`` when the phrase names no one
        the dictionary knows (see :func:`resolve` for the reason).

    >>> from karabakh.text.document import Document
    >>> doc = Document("The foreign ministry in Baku said so.")
    >>> resolve_reference(doc, 0, 28)
    ('AZE_MFA', 'dictionary')
    """
    r = resolve(doc, start, end, pos)
    return (r.actor.id, r.rule) if r.actor is not None else (None, None)
