"""Tests of karabakh.extract.statements: actors' positions (actor, concept, agreement).

The sentences in the tables are invented for these tests, in the styles of
wire copy, Armenian, Azerbaijani and Russian outlets and international bodies.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import karabakh as kb
from karabakh.extract.statements import (
    compile_cue,
    find_statements,
    load_concepts,
)
from karabakh.output.evaluate import load_annotation, score_statements
from karabakh.records import Event

ROOT = Path(__file__).resolve().parents[1]
ANN = ROOT / "tests" / "annotations"


def coded(text: str) -> list[tuple[str | None, str, int]]:
    return [(s.actor_id, s.concept_id, s.agreement) for s in statements(text)]


def statements(text: str) -> list[kb.Statement]:
    # as analyze() finds them: a speech act with a noun-phrase object ("called for
    # humanitarian access") is no quote (issue 12) but still a position
    return list(kb.analyze(kb.Article.from_text(text, dateline="2023-09-21")).statements)


# (sentence, expected (actor, concept, agreement) that must be among the statements)
AGREE = [
    ("Azerbaijan's defence ministry said the anti-terrorist measures were proceeding as planned.",
     ("AZE_MOD", "counter_terrorism", 1)),
    ("Ilham Aliyev said Azerbaijan had restored its sovereignty over the whole region.",
     ("ALIYEV_ILHAM", "sovereignty_restored", 1)),
    ("Armenia's foreign ministry said the operation amounted to ethnic cleansing.",
     ("ARM_MFA", "ethnic_cleansing", 1)),
    ("Nikol Pashinyan told parliament that Armenia has no troops in Nagorno-Karabakh.",
     ("PASHINYAN_NIKOL", "armenia_not_party", 1)),
    ("The ICRC called for humanitarian access to the region.",
     ("ICRC", "humanitarian_access", 1)),
    ("Antonio Guterres called for an immediate ceasefire.",
     ("GUTERRES_ANTONIO", "ceasefire_and_talks", 1)),
    ("Yerevan asked the UN Security Council to convene an emergency meeting.",
     ("ARM_GOV", "international_intervention", 1)),
    ("Protesters in Yerevan demanded that Pashinyan resign, the Armenian Revolutionary Federation said.",
     ("ARM_ARF", "government_must_go", 1)),
    ("Hikmet Hajiyev said Baku was ready to reintegrate the Armenian residents as equal citizens.",
     ("HAJIYEV_HIKMET", "reintegration_rights", 1)),
    ("Josep Borrell said there is no military solution and called for a return to negotiations.",
     ("BORRELL_JOSEP", "ceasefire_and_talks", 1)),
    ("The separatist authorities said at least ten civilians, including two children, were killed.",
     ("NKR_AUTHORITIES", "civilians_harmed", 1)),
    ("“The illegal armed formations must lay down their arms,” Hikmet Hajiyev said.",
     ("HAJIYEV_HIKMET", "disarm_and_dissolve", 1)),
    ("The Kremlin said Russian peacekeepers came under fire near the village.",
     ("RUS_PRESIDENCY", "peacekeepers_harmed", 1)),
    ("Annalena Baerbock said only a peaceful settlement could end the conflict.",
     ("BAERBOCK_ANNALENA", "diplomatic_solution", 1)),
]

# negation, contrast, stance verbs and rejecting cues
REJECT = [
    # negation inside the gap of a counter-cue agrees
    ("Baku said that residential areas were not targeted.",
     ("AZE_GOV", "civilians_not_targeted", 1)),
    # a rejecting cue of the claim itself flips
    ("Azerbaijan denied targeting civilians.", ("AZE", "civilians_not_targeted", 1)),
    # negated cue
    ("Hikmet Hajiyev said there was no ethnic cleansing in Karabakh.",
     ("HAJIYEV_HIKMET", "ethnic_cleansing", -1)),
    # "rejected" in the clause before the cue
    ("Baku said it rejected any talk of a ceasefire.", ("AZE_GOV", "ceasefire_and_talks", -1)),
    # rejecting cue verb
    ("The Azerbaijani foreign ministry rejected calls for international mediation.",
     ("AZE_MFA", "international_intervention", -1)),
    # "not only" is no negation
    ("Baerbock said the talks were not only possible but necessary.",
     ("BAERBOCK_ANNALENA", "ceasefire_and_talks", 1)),
    # counter-cue: a military solution is the opposite of a diplomatic one
    ("Josep Borrell said there is no military solution.",
     ("BORRELL_JOSEP", "diplomatic_solution", 1)),
    # "rather than" before the cue flips
    ("Baku said it would pursue the operation to the end rather than negotiate with the separatists.",
     ("AZE_GOV", "ceasefire_and_talks", -1)),
    # a negator a few words before the cue
    ("Baku said there was no need for any international mission.",
     ("AZE_GOV", "international_intervention", -1)),
]

# contrast: a negation does not cross "but"
CONTRAST = [
    ("Baku said civilians are not targeted, but only military targets are hit.",
     [("AZE_GOV", "civilians_not_targeted", 1)]),
    ("Yerevan said it was not a party to the fighting, but it would support talks.",
     [("ARM_GOV", "armenia_not_party", 1), ("ARM_GOV", "ceasefire_and_talks", 1)]),
]

# scare quotes and distancing
SCARE = [
    ("Armenia's foreign ministry said the “anti-terrorist” operation was an act of aggression.",
     ("ARM_MFA", "counter_terrorism", 0)),
    ("The Armenian foreign ministry condemned what Baku called “anti-terrorist measures”.",
     ("ARM_MFA", "counter_terrorism", -1)),
    # ... while the term stays Baku's own
    ("The Armenian foreign ministry condemned what Baku called “anti-terrorist measures”.",
     ("AZE_GOV", "counter_terrorism", 1)),
    ("Yerevan said the so-called anti-terrorist operation had displaced thousands.",
     ("ARM_GOV", "counter_terrorism", -1)),
]

# accusations and attributed positions
ATTRIBUTED = [
    ("Baku accused Yerevan of refusing to withdraw its troops.",
     ("ARM_GOV", "disarm_and_dissolve", -1, "attributed", "AZE_GOV", True)),
    ("Pashinyan said the separatist authorities had agreed to disarm.",
     ("NKR_AUTHORITIES", "disarm_and_dissolve", 1, "attributed", "PASHINYAN_NIKOL", False)),
    ("Armenia accused Azerbaijan of ethnic cleansing.",
     ("ARM", "ethnic_cleansing", 1, "own", None, False)),
]


@pytest.mark.parametrize(("sentence", "expected"), AGREE)
def test_agreeing_statement(sentence: str, expected: tuple[str, str, int]) -> None:
    assert expected in coded(sentence)


@pytest.mark.parametrize(("sentence", "expected"), REJECT)
def test_negation_and_rejection(sentence: str, expected: tuple[str, str, int]) -> None:
    got = coded(sentence)
    assert expected in got
    flipped = (expected[0], expected[1], -expected[2])
    assert flipped not in got


@pytest.mark.parametrize(("sentence", "expected"), CONTRAST)
def test_contrast(sentence: str, expected: list[tuple[str, str, int]]) -> None:
    got = coded(sentence)
    for e in expected:
        assert e in got
        assert (e[0], e[1], -e[2]) not in got


@pytest.mark.parametrize(("sentence", "expected"), SCARE)
def test_scare_quotes_do_not_agree(sentence: str, expected: tuple[str, str, int]) -> None:
    got = coded(sentence)
    assert expected in got
    assert (expected[0], expected[1], -expected[2] or 1) not in got


@pytest.mark.parametrize(("sentence", "expected"), ATTRIBUTED)
def test_attributed(sentence: str, expected: tuple[object, ...]) -> None:
    actor, concept, agreement, voice, by, opponent = expected
    got = [s for s in statements(sentence) if s.concept_id == concept and s.actor_id == actor]
    assert got, statements(sentence)
    s = got[0]
    assert (s.agreement, s.voice, s.reported_by, s.reported_by_opponent) == (
        agreement, voice, by, opponent)
    if voice == "attributed":
        # never the reporter's own position
        assert not [x for x in statements(sentence) if x.actor_id == by and x.concept_id == concept]


NOTHING = [
    # the writer's own words are no one's statement
    "The offensive began after months of blockade of the Lachin corridor.",
    # a background clause of the writer after a claim
    "The opposition announced a rally, following the operation that restored Azerbaijan's sovereignty.",
    # a word that only looks like a cue
    "Ilham Aliyev said the talks with the president were held in Baku.",
]


@pytest.mark.parametrize("sentence", NOTHING[:2])
def test_no_statement(sentence: str) -> None:
    assert coded(sentence) == []


def test_background_clause_is_not_the_speakers() -> None:
    got = coded(NOTHING[1])
    assert all(c != "sovereignty_restored" for _a, c, _g in got)


def test_unknown_speaker_is_kept_with_none() -> None:
    text = "Deputy Minister Jane Doe said the blockade must be lifted."
    st = statements(text)
    assert st and st[0].actor_id is None and st[0].actor_text
    assert text[st[0].actor_start : st[0].actor_end] == st[0].actor_text


def test_glued_name_resolves_to_the_full_alias() -> None:
    text = "Foreign Minister Jeyhun Bayramovdijo has defined the operation as “anti-terrorist”."
    st = statements(text)
    assert [(s.actor_id, s.concept_id, s.agreement) for s in st] == [
        ("BAYRAMOV_JEYHUN", "counter_terrorism", 1)]
    # the quote extractor resolves such names itself now; statements keep a fallback
    assert st[0].actor_text == "Jeyhun Bayramovdijo"


def test_glued_name_fallback_of_statements() -> None:
    from karabakh.extract.statements import _glued_actor

    assert _glued_actor("Ararat Mirzoyandenuncia") == "MIRZOYAN_ARARAT"
    assert _glued_actor("Ararat Mirzoyan") is None  # not glued: the tagger's business
    assert _glued_actor("Armenians") is None  # only people, with two words or more


def test_offsets_are_spans_of_the_text() -> None:
    a = kb.analyze(ROOT / "seeds" / "000_bf20561892d8202b.txt")
    st = find_statements(a.article.text, a.mentions, a.quotes)
    assert st
    for s in st:
        assert a.article.text[s.start : s.end] == s.text
        assert a.article.text[s.cue_start : s.cue_end] == s.cue_text
        assert s.start <= s.cue_start < s.cue_end <= s.end or s.evidence == "event"
        if s.actor_text is not None and s.actor_start is not None:
            assert a.article.text[s.actor_start : s.actor_end] == s.actor_text


# --- the concept dictionary ---------------------------------------------------

def test_concepts_of_the_issue_are_present() -> None:
    ids = {c.concept_id for c in load_concepts()}
    assert {"counter_terrorism", "ethnic_cleansing", "civilians_not_targeted",
            "civilians_harmed", "disarm_and_dissolve", "ceasefire_and_talks",
            "reintegration_rights", "humanitarian_access", "international_intervention",
            "sovereignty_restored", "armenia_not_party", "government_must_go",
            "diplomatic_solution"} <= ids
    for c in load_concepts():
        assert c.label and c.description and (c.cues or c.counter_cues)


@pytest.mark.parametrize(("cue", "text", "hit"), [
    ("civilian* ~ target*", "civilians were deliberately targeted", True),
    ("civilian* ~ target*", "civilians. Soldiers were targeted", False),
    ("counter-terror*", "a counterterrorism operation", True),
    ("counter-terror*", "a counter terrorism operation", True),
    ("lay/lays ~ down ~ weapons/arms", "lay down their arms", True),
    ("peace agreement/treaty", "a peace treaty", True),
    ("peace agreement/treaty", "peace talks", False),
    ("Lachin", "the lachin road", True),
    ("talks", "talkshow", False),
])
def test_cue_syntax(cue: str, text: str, hit: bool) -> None:
    assert bool(compile_cue(cue).search(text)) is hit


@pytest.mark.parametrize(("body", "problem"), [
    ("concept_id,label,description,cues,counter_cues\nBad Id,x,y,ceasefire,\n", "snake case"),
    ("concept_id,label,description,cues,counter_cues\na,x,y,ceasefire,\na,x,y,truce,\n", "duplicate"),
    ("concept_id,label,description,cues,counter_cues\na,x,y,,\n", "no cues"),
    ("concept_id,label,description,cues,counter_cues\na,x,y,~ talks,\n", "starts or ends"),
])
def test_bad_concepts_file(tmp_path: Path, body: str, problem: str) -> None:
    p = tmp_path / "c.csv"
    p.write_text(body, encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(problem)) as err:
        load_concepts(p)
    assert "c.csv row" in str(err.value)


def test_researchers_own_concepts(tmp_path: Path) -> None:
    p = tmp_path / "mine.csv"
    p.write_text("# my concepts\nconcept_id,label,description,cues,counter_cues\n"
                 "refugee_return,Return,People may return,return* ~ homes,\n", encoding="utf-8")
    text = "Yerevan said the refugees must be able to return to their homes."
    m = kb.tag_mentions(text)
    st = find_statements(text, m, kb.extract_quotes(text, m), concepts=load_concepts(p))
    assert [(s.actor_id, s.concept_id, s.agreement) for s in st] == [
        ("ARM_GOV", "refugee_return", 1)]


# --- accuracy against the hand annotations -------------------------------------

def _seed_statements() -> list[kb.Statement]:
    a = kb.analyze(ROOT / "seeds" / "000_bf20561892d8202b.txt")
    return list(a.statements)


def test_seed_precision_and_recall() -> None:
    gold = load_annotation(ANN / "seed_statements.csv")
    s = score_statements(_seed_statements(), gold, name="seed statements")
    assert s.recall >= 0.85, s.misses
    assert s.precision >= 0.9, s.false_alarms
    assert s.fields["agreement"] >= 0.9 and s.fields["actor_id"] >= 0.9


SEED_ACTORS = ["ALIYEV_ILHAM", "AZE_PRESIDENCY", "ARM", "MIRZOYAN_ARARAT", "PASHINYAN_NIKOL",
               "NKR_AUTHORITIES", "RUS_MOD", "BAERBOCK_ANNALENA", "ARM_ARF",
               "SAGATELYAN_ISHKHAN"]


@pytest.mark.parametrize("actor", SEED_ACTORS)
def test_each_seed_actor_has_own_position(actor: str) -> None:
    own = [s for s in _seed_statements() if s.actor_id == actor and s.voice == "own"]
    assert own, actor
    assert all(s.text and s.end > s.start for s in own)


def _harder_statements() -> list[kb.Statement]:
    out: list[kb.Statement] = []
    for p in sorted((ROOT / "tests" / "harder").glob("positions_*.txt")):
        art = kb.Article.from_text(p.read_text(encoding="utf-8"), dateline="2023-09-22", id=p.stem)
        a = kb.analyze(art)
        out += a.statements
    return out


def test_harder_precision_and_recall() -> None:
    gold = load_annotation(ANN / "harder_statements.csv")
    s = score_statements(_harder_statements(), gold, name="harder statements")
    # measured 0.885 / 0.885 (before the rules saw these paragraphs: 0.769 / 0.769)
    assert s.recall >= 0.85, s.misses
    assert s.precision >= 0.85, s.false_alarms
    assert s.fields["agreement"] >= 0.9


@pytest.mark.xfail(strict=True, reason="anaphora: 'rejected the accusations' names no concept; "
                   "the accusation of ethnic cleansing is in the paragraph before")
def test_anaphoric_rejection_is_coded() -> None:
    text = ("Armenia accused Azerbaijan of ethnic cleansing. "
            "Azerbaijan's foreign ministry rejected the accusations.")
    assert ("AZE_MFA", "ethnic_cleansing", -1) in coded(text)


def test_two_claims_in_one_clause_have_their_own_evidence() -> None:
    # the claim ends before "but called for", a cue coordinated by "but"
    text = "The separatist authorities said they had agreed to disband their forces but called for guarantees of safety."
    st = statements(text)
    disband = [s for s in st if s.concept_id == "disarm_and_dissolve"]
    assert disband and "guarantees" not in disband[0].text


# --- researcher corrections ------------------------------------------------------

EXAMPLE = ROOT / "karabakh" / "data" / "corrections_example.csv"


@pytest.fixture(scope="module")
def seed_run() -> tuple[str, list[kb.Statement]]:
    a = kb.analyze(ROOT / "seeds" / "000_bf20561892d8202b.txt")
    return a.article.text, find_statements(a.article.text, a.mentions, a.quotes,
                                           article_id=a.article.id)


def test_example_corrections_apply(seed_run: tuple[str, list[kb.Statement]]) -> None:
    text, st = seed_run
    fixed = kb.apply_corrections(st, EXAMPLE, text=text)
    by_status: dict[str, list[kb.Statement]] = {}
    for s in fixed:
        by_status.setdefault(s.status, []).append(s)
    assert len(by_status["removed"]) == 1 and len(by_status["changed"]) == 1
    assert len(by_status["added"]) == 1
    assert len(fixed) == len(st) + 1  # removed statements are kept, marked
    changed = by_status["changed"][0]
    assert (changed.rule_agreement, changed.agreement) == (-1, 0) and changed.note
    added = by_status["added"][0]
    assert added.text == text[added.start : added.end] and added.rule_agreement is None
    # the rules' records are untouched
    assert all(s.status == "rules" for s in st)
    # positions leave the removed statement out and take the researcher's agreement
    pos = kb.positions(fixed)
    assert not ((pos.actor_id == "ARM") & (pos.concept_id == "sovereignty_restored")).any()
    row = pos[(pos.actor_id == "AZE_PRESIDENCY") & (pos.concept_id == "ceasefire_and_talks")]
    assert row["mean"].tolist() == [0.0]


def test_corrections_round_trip(seed_run: tuple[str, list[kb.Statement]], tmp_path: Path) -> None:
    text, st = seed_run
    fixed = kb.apply_corrections(st, EXAMPLE, text=text)
    out = tmp_path / "mine.csv"
    kb.corrections_table(fixed).to_csv(out, index=False)
    again = kb.apply_corrections(st, out, text=text)
    assert again == fixed


@pytest.mark.parametrize(("row", "problem"), [
    ("x,delete,ceasefire_and_talks,,1,5,,,n", "action must be"),
    ("x,remove,ceasefire_and_talks,,a,5,,,n", "evidence_start must be an integer"),
    ("x,remove,ceasefire_and_talks,,1,5,,,n", "no statement"),
    ("x,change,ceasefire_and_talks,,1,5,2,,n", "agreement must be"),
    ("x,add,ceasefire_and_talks,AZE,1,5,,,n", "needs actor_id and agreement"),
    ("x,add,ceasefire_and_talks,AZE,1,99999,1,,n", "past the end"),
])
def test_bad_corrections(seed_run: tuple[str, list[kb.Statement]], tmp_path: Path,
                         row: str, problem: str) -> None:
    text, st = seed_run
    p = tmp_path / "bad.csv"
    p.write_text("# c\narticle_id,action,concept_id,actor_id,evidence_start,evidence_end,"
                 f"agreement,new_actor_id,note\n{row}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(problem)) as err:
        kb.apply_corrections(st, p, text=text)
    assert "bad.csv line 3" in str(err.value)


# --- positions, networks, exports ---------------------------------------------------

def _st(actor: str, concept: str, agreement: int, voice: str = "own") -> kb.Statement:
    return kb.Statement(0, 1, "x", actor, "x", 0, 1, concept, agreement, "claim", 0, 1, "x",
                        voice=voice)


TOY = [
    _st("AZE_PRESIDENCY", "counter_terrorism", 1), _st("AZE_PRESIDENCY", "ethnic_cleansing", -1),
    _st("ALIYEV_ILHAM", "counter_terrorism", 1), _st("ARM_MFA", "ethnic_cleansing", 1),
    _st("ARM_MFA", "counter_terrorism", -1), _st("ARM_MFA", "counter_terrorism", 0),
    _st("DEU", "ethnic_cleansing", 1), _st("NKR_AUTHORITIES", "ethnic_cleansing", 1, "attributed"),
]


def test_positions_mean_and_counts() -> None:
    pos = kb.positions(TOY)
    row = pos[(pos.actor_id == "ARM_MFA") & (pos.concept_id == "counter_terrorism")].iloc[0]
    assert (row["mean"], row["n"], row["agree"], row["reject"], row["neutral"]) == (-0.5, 2, 0, 1, 1)
    assert "NKR_AUTHORITIES" not in set(pos.actor_id)  # attributed only
    assert "NKR_AUTHORITIES" in set(kb.positions(TOY, voice=None).actor_id)
    # ordered by side: Azerbaijan first
    assert pos.side.iloc[0] == "AZE"
    m = kb.position_matrix(TOY)
    assert m.loc["AZE_PRESIDENCY", "ethnic_cleansing"] == -1.0
    assert m.values.min() >= -1 and m.values.max() <= 1 if m.notna().all().all() else True


@pytest.mark.parametrize(("kind", "edge", "weight"), [
    ("congruence", ("AZE_PRESIDENCY", "ALIYEV_ILHAM"), 1),
    ("congruence", ("ARM_MFA", "DEU"), 1),
    ("conflict", ("AZE_PRESIDENCY", "ARM_MFA"), 2),
    ("conflict", ("AZE_PRESIDENCY", "DEU"), 1),
    ("affiliation", ("ARM_MFA", "counter_terrorism"), 2),
])
def test_actor_network(kind: str, edge: tuple[str, str], weight: int) -> None:
    edges = kb.actor_network(TOY, kind)
    got = {frozenset((r.source, r.target)): r.weight for r in edges.itertuples()}
    assert got[frozenset(edge)] == weight
    g = kb.actor_graph(TOY, kind)
    assert g[edge[0]][edge[1]]["weight"] == weight
    assert g.number_of_edges() == len(edges)


def test_no_congruence_across_a_conflict() -> None:
    edges = kb.actor_network(TOY, "congruence")
    pairs = {frozenset((r.source, r.target)) for r in edges.itertuples()}
    assert frozenset(("AZE_PRESIDENCY", "ARM_MFA")) not in pairs


def test_unknown_network_kind() -> None:
    with pytest.raises(ValueError, match="kind must be"):
        kb.actor_network(TOY, "similarity")


@pytest.mark.parametrize("kind", ["congruence", "conflict", "affiliation"])
def test_graphml_round_trip(seed_run: tuple[str, list[kb.Statement]], tmp_path: Path,
                            kind: str) -> None:
    import networkx as nx

    _text, st = seed_run
    g = kb.actor_graph(st, kind)
    assert g.number_of_edges() > 0
    back = nx.read_graphml(kb.to_graphml(g, tmp_path / f"{kind}.graphml"))
    assert {frozenset(e) for e in back.edges} == {frozenset(e) for e in g.edges}
    for a, b, d in g.edges(data=True):
        assert back[a][b]["weight"] == d["weight"]
    assert {n: back.nodes[n]["kind"] for n in back} == {n: g.nodes[n]["kind"] for n in g}


def test_statement_table(seed_run: tuple[str, list[kb.Statement]]) -> None:
    text, st = seed_run
    fixed = kb.apply_corrections(st, EXAMPLE, text=text)
    table = kb.statement_table(fixed)
    assert len(table) == len(fixed)
    assert {"id", "document", "start", "stop", "text", "coder", "organization", "concept",
            "agreement"} <= set(table.columns)
    assert set(table.coder) == {"rules", "researcher"}
    for r in table.itertuples():
        assert text[r.start : r.stop] == r.text


# --- analyze() and events ------------------------------------------------------------

def test_analyze_fills_statements(seed_analysis: kb.Analysis) -> None:
    st = seed_analysis.statements
    assert st is not None and len(st) > 20
    assert all(s.article_id == seed_analysis.article.id for s in st)
    d = seed_analysis.to_dict()
    assert isinstance(d["statements"], list) and d["statements"][0].keys() >= {
        "start", "end", "text", "actor_id", "concept_id", "agreement", "voice", "rule"}
    assert list(d["statements"][0])[:3] == ["start", "end", "text"]


def _event(text: str, clause: str, source: str | None, kind: str, modality: str = "happened"
           ) -> Event:
    s = text.index(clause)
    return Event(start=s, end=s + len(clause), text=clause, sentence=0, kind="verbal",
                    source_id=source, source_text=source, source_start=None, source_end=None,
                    plover_type=kind, modality=modality, clause_start=s,
                    clause_end=s + len(clause), clause_text=clause)


@pytest.mark.parametrize(("source", "modality", "expected"), [
    ("ICRC", "happened", [("ICRC", "humanitarian_access", 1, "event")]),
    (None, "happened", []),  # the writer's own account is nobody's statement
    ("ICRC", "conditional", []),
])
def test_speech_act_events_add_statements(source: str | None, modality: str,
                                          expected: list[tuple[str, str, int, str]]) -> None:
    text = "A new request for humanitarian access reached Baku on Friday."
    ev = _event(text, text, source, "REQUEST", modality)
    st = find_statements(text, [], [], [ev])
    assert [(s.actor_id, s.concept_id, s.agreement, s.evidence) for s in st] == expected


def test_events_do_not_repeat_a_quotes_statement() -> None:
    text = "The ICRC said that humanitarian access was needed."
    m = kb.tag_mentions(text)
    q = kb.extract_quotes(text, m)
    ev = _event(text, text, "ICRC", "REQUEST")
    assert len(find_statements(text, m, q, [ev])) == len(find_statements(text, m, q))


# ---------------------------------------------------------------- the cue prefilter
# _code_unit runs a cue's regex only when the clause holds the cue's literal words
# (casefolded); the prefilter must never skip a clause the regex would match.

_PREFILTER_TEXTS = [
    "Baku called it an anti-terrorist operation against illegal armed formations.",
    "YEREVAN described the offensive as ethnic cleansing and military aggression.",
    "The ministry said civilians were not targeted, only military positions.",
    "THE PRIME MINISTER URGED A CEASEFIRE AND THE RETURN OF REFUGEES.",
    "Moscow's peacekeepers said they would guarantee humanitarian access.",
    "Officials insisted the counter-terror measures would continue until disarmament.",
]


def _odd_case(text: str) -> str:
    # characters that match an ASCII letter when case is ignored: long s, Kelvin
    # sign, dotted capital I, dotless small i
    return text.replace("s", "ſ").replace("k", "\u212a").replace("I", "İ").replace("i", "ı")


@pytest.mark.parametrize("text", _PREFILTER_TEXTS + [_odd_case(t) for t in _PREFILTER_TEXTS]
                         + [t.upper().replace("I", "İ") for t in _PREFILTER_TEXTS])
def test_cue_prefilter_never_skips_a_match(text):
    from karabakh.extract.statements import _compiled, _may_match, _prefilter_text

    low = _prefilter_text(text)
    for comp in _compiled(load_concepts()):
        for (pattern, _pol, cue), needs in zip(comp.patterns, comp.needs, strict=True):
            if pattern.search(text):
                assert _may_match(low, needs), (cue, text)


def test_cue_prefilter_skips_clauses_without_the_words():
    from karabakh.extract.statements import _compiled, _may_match, _prefilter_text

    low = _prefilter_text("The weather was mild and the market opened late.")
    needs = [n for comp in _compiled(load_concepts()) for n in comp.needs]
    assert needs and not any(_may_match(low, n) for n in needs)


def test_rejecting_cue_verbs_are_read_from_the_two_word_lists():
    # the stance -1 words of stance_words.csv that are reporting verbs: no list in code
    from karabakh.extract.statements import _rejecting_cues

    assert _rejecting_cues() == {f"{stem}{end}" for stem, ends in
                                 (("den", ("y", "ies", "ied", "ying")),
                                  ("reject", ("", "s", "ed", "ing")),
                                  ("dismiss", ("", "es", "ed", "ing"))) for end in ends}


def test_a_bare_claim_runs_to_the_end_of_the_documents_sentence():
    # the shared sentence index: "a.m." ends no sentence (the old rule of its own,
    # a full stop and a space, cut the claim there and lost the position)
    text = ("Azerbaijan threatened to resume the operation at 5 a.m. on Monday if the "
            "disarmament stalls. Baku said nothing.")
    (s,) = statements(text)
    assert (s.actor_id, s.concept_id, s.rule) == ("AZE", "disarm_and_dissolve", "bare-claim:cue")
    assert s.text.endswith("if the disarmament stalls")
