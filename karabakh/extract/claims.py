"""Indirect claims: reported speech without quote marks, one per reporting cue.

An indirect claim is what a speaker is reported to have said in the
writer's words, not in marks: ``X said that ...``, ``X said 290 people
were ...``, ``according to X, ...``, ``X claims that ...``, ``X urged Y to
...``. It is a :class:`~karabakh.records.Quote` of kind ``indirect``: its
content is the reported words, its cue the reporting verb, its speaker
phrase the cue's subject. :func:`indirect_claims` finds them;
:func:`karabakh.extract.quotes.extract_quotes` calls it after it has
attributed the quotations in marks, and resolves the speakers of quotations
and claims together, in text order (so that a pronoun after a claim may
refer to its speaker). A cue inside a quotation makes no claim, and a cue a quotation
took is not reused for one, except by a trailing attribution. The record
both modules hand on and the helpers both read are in
:mod:`karabakh.extract._cues`.

Each cue of ``data/reporting_verbs.csv`` not inside a quotation is read in
text order (its ``frame`` column says how the content follows it):

* the cue must be the speaker's own verb: one that is passive (``reported
  by``, ``was said``; but ``was quoted as saying`` is a cue of its own),
  nominal (``the report``, ``an observation post``) or a secondary source
  (``as reported by``) makes no claim of its own; a cue of the ``colon``
  frame (``addressed the nation:``, ``as one official put it``) introduces
  only quotations, never a claim;
* the content is a clause (``said that ...``, ``said 290 people were ...``,
  a bare clause whose subject opens with a determiner or a number: ``said
  the talks under a Moscow-brokered truce could ...``) or, after a
  directive or commissive verb, an infinitive (``urged X to ...``, ``has
  pledged to ...``); a gerund after a denial or an accusation (``denied
  targeting civilians``). An addressee after ``told`` is not part of it
  (``told reporters the talks had failed``), and a quotation after a colon
  (``rejected the criticism: “...”``) is a record of its own. A speech act
  whose object is a noun phrase (``announced a counter-terrorism
  operation``, ``calls for the intervention of ...``, ``condemned what it
  called provocations``) is an event (:mod:`karabakh.extract.events`), not
  a claim: it is kept apart (``acts``; returned by
  :func:`karabakh.extract.quotes.speech_act_claims`), and its subject still
  counts for the cue coordinated with it;
* a claim ends where ``, and`` / ``, while`` / ``;`` start a clause with a
  cue of its own, or at a cue coordinated with its own (``Armenia denies
  that ... and calls for ...``), else at the end of its sentence; where
  each cue's claim ends is read from one index of the text (``_ClaimEnds``),
  so the walk is linear;
* the speaker phrase is the cue's subject
  (:func:`karabakh.text.clauses.subject_of`); an ``-ing`` cue after a
  past-tense verb and its object (``Shahramanyan signed a decree saying
  ...``) takes that verb's subject; an ``-ing`` cue after a comma (``...,
  the ministry said, adding that ...``) shares the speaker of the cue
  before it in the sentence, claim or quotation; a cue coordinated
  with an earlier one in the same sentence shares its speaker, and with no
  earlier cue takes the subject of the sentence's main verb (``The
  ministry welcomed the talks and added that ...``);
* ``According to X, claim.`` / ``claim, according to X.`` (the ``source``
  frame): the claim is the rest of the sentence;
* a claim whose attribution ends the sentence (``Troops took the heights,
  the defence ministry said in a statement.`` / ``..., said the
  ministry.``) is the text before the comma, when what follows the cue is
  only an adjunct (``in a statement``, ``on Tuesday``, ``on X, formerly
  Twitter``) and the claim does not open with a subordinating word or a
  preposition (``After the talks ended, X said nothing`` is no claim). An
  attribution in the middle of the claim (``The road, the ministry said,
  will reopen``) keeps the whole sentence as the content, with a
  ``problem``;
* an agency's closing source line (``..., Trend reports``) is cut from a
  claim and is not the speaker when the sentence names its own (``X told
  diplomats that ..., APA reports``: X speaks, APA relays); it is the
  source of a report that names no one else (``A convoy arrived, TASS
  said``).

>>> from karabakh.extract.quotes import speech_act_claims
>>> text = ("Troops took the heights, the defence ministry said in a statement. "
...         "Azerbaijan announced an operation. Aliyev urged Armenia to withdraw.")
>>> claims, acts = speech_act_claims(text, [])
>>> [(c.content, c.cue, c.speaker_text) for c in claims]
[('Troops took the heights', 'said', 'the defence ministry'),
 ('Armenia to withdraw', 'urged', 'Aliyev')]
>>> [(a.content, a.cue) for a in acts]
[('an operation', 'announced')]
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence

from ..text._patterns import SPACE_RUN, trie_regex
from ..text.clauses import (
    BOUNDARY_WORDS,
    CLAUSE_START,
    DETERMINERS,
    FINITE,
    NAME_WORDS,
    PREP_START,
    coordinated,
    cue_is_noun,
    last_speaker_noun,
    names_a_person,
    np_after,
    speaker_noun_key,
    speaker_noun_re,
    subject_of,
    trim,
)
from ..text.lexicon import (
    ReportingVerb,
    alternation,
    auxiliaries,
    be_forms,
    function_role,
    function_words,
    reporting_forms,
    reporting_verbs,
    time_words,
    verb_adverbials,
    weekday_names,
)
from ..text.sentences import SentenceIndex
from ._cues import _TAIL_OK, _last_word, _Raw
from .casualties import figure_words

__all__ = ["indirect_claims"]


_BY_AFTER = re.compile(r"\s+by\b")
_AS = re.compile(r"\sas\s")
_NOT = re.compile(r"not\b")
_THAT_END = re.compile(r"(?<![\w-])that\s*$")
_CLAUSE_MARK = re.compile(r"[,;:.!?]")
_PASSIVE_BEFORE = re.compile(rf"(?<![\w-])(?:{alternation(be_forms())}|as|it\s+is)\s+$")
#: an article or a third-person possessive (``data/function_words.csv``): "the", "a", "its" ...
_DET = alternation(function_words("article", "possessive"))
# the words before "that" hold no sentence mark, except the dots of an initialism ("told
# the U.N. Security Council that ...")
_THAT = re.compile(r"^(?:[^.!?;:“”«»\"]|(?<=\b[A-Z])\.){0,60}?(?<![\w-])that\s+")


_BOUNDARY_FIRST = re.compile(rf"\s*(?:{alternation(BOUNDARY_WORDS)})\b", re.IGNORECASE)


@functools.cache
def _time_lead() -> re.Pattern[str]:
    """Adverbs of time right after a cue, before its clause: "said on Friday", "said Tuesday".

    The ``adverbial`` rows of ``verb_group.csv`` (``on Monday``, ``today``,
    ``later``) and the weekday names of ``time_words.csv``, not a new list.
    """
    words = [*verb_adverbials(), *(d.capitalize() for d in weekday_names())]
    space = r"[ \t]+"
    # no comma after them: "said on Tuesday, as cars streamed out" has no clause of the cue's
    return re.compile(rf"(?:{space}(?:{trie_regex(words, space=space)})(?![\w,-]))+(?=[ \t])")


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


# ", adding that", ", as fears grew that": the "that" belongs to a participle or to a
# clause of its own after the comma, not to the cue
_PARTICIPLE_COMMA = re.compile(
    rf",\s*(?:[a-z]+ing\b|(?:{alternation(w for w in BOUNDARY_WORDS if w != 'that')})\s)"
)
#: who is told: a name, or a noun of the ``addressee`` role of ``data/function_words.csv``
#: ("reporters", "a news conference"), after an article or a modifier of that role
_ADDRESSEE = re.compile(
    rf"\s*(?:(?:{alternation(function_words('article') + function_role('addressee_modifier'))})\s+)?"
    rf"(?:[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*|{alternation(function_role('addressee'))})\s+"
)


@functools.cache
def _number_first() -> re.Pattern[str]:
    """A count opening a clause after a cue ("said 290 people were", "said dozens of ...").

    The number words (two and up), the one-word magnitudes and vague counts of
    ``figure_words.csv``, and the quantifiers and predeterminers of ``function_words.csv``
    ("most", "no", "all"); the word after it may not be a unit of
    time of ``time_words.csv`` ("said two days later", "three nights").
    """
    fw = figure_words()
    counts = [w for w, v in fw.numbers.items() if v >= 2] + [
        w for w in (*fw.magnitudes, *fw.indefinites) if " " not in w] + list(
        function_words("quantifier", "predeterminer"))
    units = {w for w in time_words("unit", "part_of_day") if " " not in w}
    units |= {w + "s" for w in units if not w.endswith("s")}
    return re.compile(
        rf"\s+(?:\d[\d,.]*|{alternation(counts)})\s+(?:of\s+)?(?:the\s+)?"
        rf"(?!(?:{alternation(units)}|times|along|over)\b)[a-z]+\s+[a-z]"
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
        lead = _time_lead().match(rest) if m is None else None  # "said on Friday it had begun"
        after = rest[lead.end():] if lead else ""
        if lead and not _BOUNDARY_FIRST.match(after) and (
                CLAUSE_START.match(after) or _number_first().match(" " + after)):
            a = ce + lead.end()
        elif CLAUSE_START.match(rest) or _number_first().match(rest):
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


def indirect_claims(
    text: str,
    sents: SentenceIndex,
    raws: Sequence[_Raw],
    used: set[int],
    inside_quote: Callable[[int], bool],
    cues: Sequence[re.Match[str]],
    media: Sequence[tuple[int, int]] = (),
    acts: list[_Raw] | None = None,
) -> list[_Raw]:
    """The indirect claims: reported speech without marks, one per usable cue.

    The pass :func:`karabakh.extract.quotes.extract_quotes` makes once it has
    attributed the quotations: ``text`` is its attribution text (term marks
    blanked), ``cues`` every cue of it in text order, ``used`` the offsets of
    the cues a quotation took, and ``inside_quote`` tells whether an offset
    is inside a quotation. ``raws`` are the quotations' attributions (their
    cues are not reused for a claim, except by a trailing attribution); the
    claims found are returned in text order of their cues. ``media`` are the
    spans of news-agency mentions: an agency's closing source line (", Trend
    reports") is cut from a claim and is no speaker of a sentence that names
    its own (issue 12). Speech acts with a noun-phrase object go to ``acts``
    (when given), not to the claims.
    """
    claim_ends = _ClaimEnds(text, cues)
    raws = list(raws)
    n_quotes = len(raws)
    quote_cues = sorted((r.cue[0], i) for i, r in enumerate(raws) if r.cue is not None)
    # a cue of a clause that only partial quotations took ("said the operation would
    # continue until “illegal formations” laid down their weapons") still reports the
    # clause they sit in; "defined it as “...”", "called it “...”" stay the partial's alone
    whole_cues = {r.cue[0] for r in raws if r.cue is not None and r.kind != "partial"}
    reusable = {r.cue[0] for r in raws if r.cue is not None and r.kind == "partial"} - whole_cues
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
        form = SPACE_RUN.sub(" ", m.group()).lower()
        verb = reporting_forms().get(form)
        if verb is None:
            verb = next(v for v in reporting_verbs() if v.frame == "source")
        if verb.frame == "colon":
            continue
        content = None
        if (cs not in used or (cs in reusable and verb.frame == "that")) and verb.frame != "source":
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
            if content is not None and cs in used and not _mostly_unquoted(text, *content, inside_quote):
                content = None  # "joked that he had “run out of adjectives”": the partial is the content
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
        if inside_quote(content[0]) or _ends_inside_quote(content[1], inside_quote):
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
_TO_VERB = re.compile(rf"to\s+(?!(?:{_DET})\b)[a-z]{{2,}}\b")
_OBJECT_TO_VERB = re.compile(rf"(?:[\w’'.-]+\s+){{1,8}}?to\s+(?!(?:{_DET})\b)[a-z]{{2,}}\b")
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


@functools.cache
def _count_source() -> str:
    """A count as casualty reports open with it: an optional hedge, then a number or a count word.

    "at least 200", "about 7,000", "dozens": the hedges (qualifiers), number
    words, magnitudes and indefinites of ``figure_words.csv``.
    """
    w = figure_words()
    counts = trie_regex([*w.numbers, *w.magnitudes, *w.indefinites])
    hedges = trie_regex(w.qualifiers)
    return rf"(?:(?:{hedges})\s+)?(?:\d[\d,.]*|(?:{counts})(?![\w-]))"


@functools.cache
def _count_start() -> re.Pattern[str]:
    """A clause that opens with a count ("At least 20 people were killed"), case ignored."""
    return re.compile(_count_source(), re.IGNORECASE)


def _subordinate(text: str, pos: int) -> bool:
    """Does ``text`` open a subordinate clause or a phrase at ``pos`` ("In Baku", "After the talks")?

    A hedged count is none: "At least 20 people were killed" is a claim's clause.
    """
    return _SUBORDINATE.match(text, pos) is not None and _count_start().match(text, pos) is None


@functools.cache
def _bare_subject() -> re.Pattern[str]:
    """A noun phrase opening a clause without "that", up to its finite auxiliary.

    It opens with a determiner or a number, or with a count as casualty reports
    give it: a hedge and a number ("at least 200 people", "about 7,000", "up to
    120,000") or a number word or magnitude ("two children", "dozens of
    soldiers"). The hedges, number words, magnitudes and indefinites are the
    rows of ``figure_words.csv`` (:func:`karabakh.extract.casualties.figure_words`),
    not a second list.
    """
    return re.compile(
        r"\s*(?:the|a|an|its|his|her|their|some|many|most|all|no|every|\d[\d,.]*|"
        rf"{_count_source()})\s"
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
    m = _bare_subject().match(text, ce, end)
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


_VERB_FIRST = re.compile(rf"[a-z]+ed\s+(?:{_DET})\s")


_NEW_CLAUSE = re.compile(rf";|,\s*(?:{alternation(function_role('new_clause'))})\s|\sbut\s")


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
        if coordinated(text, lo, nxt):
            return True, max(text.rfind(",", lo, nxt), *(
                text.rfind(f" {w} ", lo, nxt) for w in function_role("predicate_coordinator")))
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


#: a subordinator or a preposition opening a claim: a background clause, no claim (the
#: ``subordinate`` role of ``data/function_words.csv``)
_SUBORDINATE = re.compile(rf"(?i:{alternation(function_role('subordinate'))})\b")
#: "The road, the ministry said, will reopen": an auxiliary or a form of *be*
#: (``data/verb_group.csv``) or "remain" after the attribution
_TAIL_CLAUSE = re.compile(
    rf"\s*,\s*(?:{alternation(auxiliaries() | be_forms())}|remains?|remained)\b"
)


_SPEAKER_START = re.compile(rf"[A-Z]|(?:{_DET})\s")
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
        if np is None or not (_SPEAKER_START.match(text, np[0]) or speaker_noun_re().match(text, np[0])):
            return None  # (a bare plural describing noun speaks too: "..., said officials in Yerevan")
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
        if inside_quote(ca) or inside_quote(cb - 1) or _subordinate(text, ca):
            return None
        return (ca, cb), np, problem
    if not _TAIL_OK.match(text, tail_at, s1):
        return None
    ca, cb = trim(text, s0, comma)
    while cb > ca and text[cb - 1] in ",;:":
        cb -= 1
    if len(text[ca:cb].split()) < 3 or _subordinate(text, ca):
        return None
    if inside_quote(ca) or inside_quote(cb - 1):
        return None
    return (ca, cb), np, problem


# a description ("the ombudsman", "its spokesman") and, between commas, a name of two
# to four capitalised words: an appositive
_DESCRIPTION_START = re.compile(rf"(?:{_DET})\s+[a-z]")
_APPOSITIVE_NAME = re.compile(rf",\s*({NAME_WORDS})\s*,")


def _mostly_unquoted(text: str, a: int, b: int, inside_quote: Callable[[int], bool]) -> bool:
    """Are most words of ``text[a:b]`` outside quotation marks?

    A clause that quotes a fragment ("the operation would continue until “illegal
    formations” laid down their weapons") is the reporter's rendering of a claim; one
    that is mostly quoted ("he had “run out of adjectives”") is the partial quotation.
    """
    words = [m.start() for m in _WORD.finditer(text, a, b)]
    quoted = sum(1 for p in words if inside_quote(p))
    return 2 * quoted < len(words)


_WORD = re.compile(r"\S+")


def _ends_inside_quote(end: int, inside_quote: Callable[[int], bool]) -> bool:
    """Does a claim ending at ``end`` stop inside a quotation (not at its closing mark)?

    "said the United States was “deeply concerned”": the claim ends with the
    partial quotation's closing mark, so it holds the quotation whole.
    """
    return inside_quote(end - 1) and inside_quote(end)


def _describes_a_person(text: str, a: int, b: int) -> bool:
    """Is ``text[a:b]`` a description whose noun names a person ("the ombudsman", not "the ministry")?"""
    if not _DESCRIPTION_START.match(text, a, b):
        return False
    last = last_speaker_noun(text, a, b)
    return last is not None and names_a_person(speaker_noun_key(last))


def _according_to(
    text: str, cs: int, ce: int, s0: int, s1: int, inside_quote: object
) -> _Raw | None:
    """``According to X, claim.`` or ``claim, according to X.``."""
    stop = _CLAUSE_MARK.search(text, ce, s1)
    np_end = stop.start() if stop else s1
    a, b = trim(text, ce, np_end)
    if a >= b or len(text[a:b].split()) > 10:
        return None
    if _describes_a_person(text, a, b) and (app := _APPOSITIVE_NAME.match(text, np_end, s1)):
        # "According to the separatist ombudsman, Gegham Stepanyan, at least ...": the
        # name between the commas is the speaker's, not the claim's first words
        b = app.end(1)
        np_end = app.end() - 1
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
