"""Events: coding of tellings (who did what to whom, when, how sure), chains, ACLED table.

The sentences in the tables are our own, invented in wire, regional and
international-organisation styles; names and places are real so that the
dictionaries are exercised. The seed and the team's harder paragraphs are scored
against hand annotations made before the coder was measured on them.
"""

import csv
import datetime as dt
import re

import pytest
from conftest import ROOT, cleared_caches

import karabakh as kb
from karabakh.extract.events import (
    event_verbs,
    explain_merges,
    find_events,
    merge_events,
    to_acled,
    unmerge,
)
from karabakh.output import evaluate as ev
from karabakh.resources import read_data_csv

DATELINE = "2023-09-22"


def _events(sentence, dateline=DATELINE):
    a = kb.analyze(kb.Article.from_text(f"date {dateline} {sentence}"))
    return a.events


def _has(events, source, root, target, modality):
    return any((e.source_id, e.root_code, e.target_id, e.modality) == (source, root, target, modality)
               for e in events)


# (sentence, source_id, CAMEO root, target_id, modality)
ACTIVE = [
    ("Azerbaijani forces shelled Martakert on Wednesday.", "AZE_ARMED_FORCES", "19", None, "happened"),
    ("Armenian troops attacked Azerbaijani positions near Shusha.", "ARM_ARMED_FORCES", "19",
     "AZE_ARMED_FORCES", "happened"),
    ("Aliyev met Pashinyan in Brussels.", "ALIYEV_ILHAM", "04", "PASHINYAN_NIKOL", "happened"),
    ("Police detained opposition protesters in Yerevan.", None, "17", None, "happened"),
    ("Thousands of Armenians fled to Armenia.", "ARM_PEOPLE", "08", None, "happened"),
    ("Russian peacekeepers evacuated 5,000 civilians.", "RUS_PEACEKEEPERS", "07", None, "happened"),
    ("The ICRC delivered humanitarian aid.", "ICRC", "07", None, "happened"),
]
PASSIVE = [
    ("The road to Goris was blocked by Azerbaijan.", "AZE", "19", None, "happened"),
    ("A convoy of the Red Cross came under artillery fire near Askeran.", None, "19", "ICRC", "happened"),
    ("Baku's offensive was condemned by France.", "FRA", "11", None, "happened"),
    ("Two Azerbaijani soldiers were wounded by sniper fire from Armenian positions.", "ARM_ARMED_FORCES",
     "19", "AZE_ARMED_FORCES", "happened"),
]
NOMINAL = [
    ("The Azerbaijani offensive lasted a day.", "AZE", "19", None, "happened"),
    ("Baku's offensive was condemned by France.", "AZE_GOV", "19", None, "happened"),
    ("Russia's mediation ended the fighting.", "RUS", "04", None, "happened"),
    ("Azerbaijan announced a military operation in Karabakh.", "AZE", "19", None, "announced"),
]
SPEECH_ACTS = [
    ("Yerevan appealed to the UN Security Council.", "ARM_GOV", "02", "UN_SC", "happened"),
    ("Armenia called for the deployment of international observers.", "ARM", "02", None, "happened"),
    ("The European Union urged Azerbaijan to halt the offensive.", "EU", "02", "AZE", "happened"),
    ("France condemned Azerbaijan.", "FRA", "11", "AZE", "happened"),
    ("Azerbaijan threatened Armenia with a new offensive.", "AZE", "13", "ARM", "happened"),
    ("France demanded the withdrawal of Azerbaijani forces.", "FRA", "10", "AZE_ARMED_FORCES", "happened"),
]
# speech acts with a noun-phrase object, force descriptions, continuation verbs, datelines
GENERALISATION = [
    ("The Russian foreign ministry launched an appeal for a ceasefire.", "RUS_MFA", "02", None, "happened"),
    ("Baku announced a counter-terrorism operation and said it would halt the operation if the "
     "separatists surrendered.", "AZE_GOV", "19", None, "announced"),
    ("A Russian peacekeeping convoy came under fire near Askeran.", None, "19", "RUS_PEACEKEEPERS", "happened"),
    ("Azerbaijan resumed the offensive on Thursday.", "AZE", "19", None, "happened"),
    ("YEREVAN (Armenian outlet) - The village was shelled by Azerbaijani forces.", "AZE_ARMED_FORCES", "19",
     None, "happened"),
]
MODALITY = [
    ("Baku will stop the operation if the separatists disarm.", "AZE_GOV", "08", None, "conditional"),
    ("The separatists would disarm if Baku guaranteed their safety.", "NKR_AUTHORITIES", "08", None,
     "conditional"),
    ("Otherwise the army will resume the attack.", None, "19", None, "threatened"),
    ("The separatist forces must lay down their weapons.", "NKR_DEFENSE_ARMY", "08", None, "demanded"),
    ("Azerbaijan did not attack civilians.", "AZE", "19", None, "denied"),
    ("Azerbaijani troops never shelled Stepanakert.", "AZE_ARMED_FORCES", "19", None, "denied"),
    ("The Armenian government plans to evacuate the border villages.", "ARM_GOV", "07", None, "planned"),
    ('"Our forces shelled the depot," the Azerbaijani defence ministry said.', "AZE_ARMED_FORCES", "19",
     None, "reported"),
]


@pytest.mark.parametrize(("sentence", "source", "root", "target", "modality"),
                         ACTIVE + PASSIVE + NOMINAL + SPEECH_ACTS + MODALITY + GENERALISATION,
                         ids=lambda x: x if isinstance(x, str) and len(x) > 12 else None)
def test_coding(sentence, source, root, target, modality):
    events = _events(sentence)
    assert _has(events, source, root, target, modality), [
        (e.text, e.source_id, e.root_code, e.target_id, e.modality) for e in events]


# Deeds that must never be coded as having happened.
NOT_DEEDS = [
    ("He promised an end to the shelling if the separatists surrendered.", "19"),
    ("Baku demanded that the separatist forces lay down their weapons.", "08"),
    ("The army threatened to resume the offensive.", "19"),
    ("Armenia called for a ceasefire.", "08"),
    ("Azerbaijan denied that its troops had shelled Stepanakert.", "19"),
    ("If the separatists do not disarm, Azerbaijan will resume the offensive.", "19"),
]


def test_peacekeeping_patrol_is_no_event():
    events = _events("A Russian peacekeeping patrol came under fire near Martakert.")
    assert [e.root_code for e in events] == ["19"], [(e.text, e.code) for e in events]


@pytest.mark.xfail(strict=True, reason="a possessive date ('Yesterday's attack') dates its noun, but dates.py "
                   "carries it as the date of the sentence and of the next one")
def test_possessive_date_dates_only_its_noun():
    events = _events("Yesterday's attack was condemned by France. Armenia rejected the claim.")
    assert [e.date for e in events if e.root_code in ("11", "12")] == [DATELINE, DATELINE]


@pytest.mark.parametrize(("sentence", "root"), NOT_DEEDS)
def test_no_conditional_or_demanded_act_happened(sentence, root):
    events = _events(sentence)
    assert events, "the speech act itself is an event"
    assert not [e for e in events if e.root_code == root and e.modality in ("happened", "reported")]


@pytest.mark.parametrize(("sentence", "code"), [
    ("Armenia called for the intervention of the UN Security Council.", "0234"),
    ("Armenia called for a ceasefire.", "0256"),
    ("Armenia called for talks.", "026"),
    ("He promised an end to the attack.", "0356"),
    ("Drones struck a depot near Askeran.", "195"),
    ("The village came under small arms fire.", "193"),
    ("Armenia refused to come to the aid of Karabakh.", "122"),
])
def test_code_refined_by_object_or_mode(sentence, code):
    assert code in [e.code for e in _events(sentence)]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a date in the clause wins; a background year dates only its own noun
    ("Azerbaijan shelled Stepanakert on Tuesday.", ("2023-09-19", "clause")),
    ("The offensive came after the 2020 war.", ("2023-09-22", "dateline")),
    ("Veterans of the 2020 war protested.", ("2020", "noun")),
    ("Azerbaijan recovered territory in the 2020 war.", ("2020", "adjunct")),
    ("The corridor was blocked in December 2022 by Azerbaijan.", ("2022-12", "clause")),
])
def test_dates(sentence, expected):
    first = _events(sentence)[0]
    assert (first.date, first.date_rule) == expected


def test_background_is_historical_and_current_is_not():
    events = _events("The offensive came after the 2020 war.")
    by_text = {e.text.lower(): e for e in events}
    assert "historical" in by_text["the 2020 war"].plover_context
    assert "historical" not in by_text["the offensive"].plover_context


def test_reported_by_keeps_the_sides_apart():
    text = ('date 2023-09-22 Baku said Armenian forces shelled Shusha. '
            'Yerevan said Azerbaijani troops shelled Stepanakert.')
    events = kb.analyze(kb.Article.from_text(text)).events
    told = {(e.source_id, e.reported_by) for e in events if e.root_code == "19"}
    assert told == {("ARM_ARMED_FORCES", "AZE_GOV"), ("AZE_ARMED_FORCES", "ARM_GOV")}
    assert len({e.event_id for e in events if e.root_code == "19"}) == 2


def test_unknown_actor_keeps_its_words():
    events = _events("Pashinyan's opponents staged a rally in Yerevan.")
    rally = next(e for e in events if e.root_code == "14")
    assert rally.source_id is None and rally.source_text == "Pashinyan's opponents"
    assert rally.source_start is not None


@pytest.mark.xfail(strict=True, reason="a genitive subject's head ('opponents') is not resolved to an actor")
def test_genitive_head_resolved():
    events = _events("Pashinyan's opponents staged a rally in Yerevan.")
    assert _has(events, "ARM_OPPOSITION", "14", None, "happened")


@pytest.mark.xfail(strict=True, reason="'we' resolves to the speaker, not to the party the speaker represents")
def test_we_is_the_speakers_party():
    text = ('date 2023-09-22 "We will oust the government," said Ishkhan Saghatelyan of the ARF.')
    events = kb.analyze(kb.Article.from_text(text)).events
    assert _has(events, "ARM_ARF", "10", None, "planned")


@pytest.mark.xfail(strict=True, reason="the target of a condemnation is not taken from the condemned deed's actor")
def test_condemnation_targets_the_perpetrator():
    events = _events("Azerbaijan shelled Stepanakert. Armenia condemned the shelling.")
    assert _has(events, "ARM", "11", "AZE", "happened")


def test_offsets_are_the_source_of_truth(seed_analysis):
    text = seed_analysis.article.text
    for e in seed_analysis.events:
        assert text[e.start:e.end] == e.text
        assert text[e.clause_start:e.clause_end] == e.clause_text
        if e.source_start is not None:
            assert text[e.source_start:e.source_end] == e.source_text
        if e.target_start is not None:
            assert text[e.target_start:e.target_end] == e.target_text


def test_bad_mention_raises():
    text = "Azerbaijan shelled Stepanakert."
    bad = [kb.Mention(0, 4, "Baku", "AZE_GOV", "actor", "government", "AZE")]
    with pytest.raises(ValueError, match="does not match"):
        find_events(text, bad, [], [])


# ----------------------------------------------------------------- chains


def test_chain_merges_tellings_and_splits_distinct_events():
    text = ("date 2023-09-22 Azerbaijan shelled Stepanakert on Tuesday. The attack lasted hours. "
            "On Wednesday a car of the ICRC came under fire near Askeran. The attack killed two people.")
    events = kb.analyze(kb.Article.from_text(text)).events
    force = [e for e in events if e.root_code == "19"]
    ids = [e.event_id for e in force]
    assert ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2]
    assert [e.merge_rule for e in force][:2] == ["first", "chain:root=19,dates-fit,actors-compatible"]


def test_threat_never_merges_with_the_deed():
    text = "date 2023-09-22 Azerbaijan shelled Martakert. Otherwise Azerbaijan will shell it again."
    events = kb.analyze(kb.Article.from_text(text)).events
    deed = next(e for e in events if e.modality == "happened")
    threat = next(e for e in events if e.modality == "threatened")
    assert deed.event_id != threat.event_id


def test_unmerge_and_explain():
    text = "date 2023-09-22 Azerbaijan shelled Stepanakert on Tuesday. The attack lasted hours."
    events = kb.analyze(kb.Article.from_text(text)).events
    assert len({e.event_id for e in events}) == 1
    split = unmerge(events)
    assert len({e.event_id for e in split}) == len(events)
    table = explain_merges(events)
    assert next(iter(table["merge_rule"])) == "first" and len(table) == len(events)
    assert merge_events(unmerge(events))[1].event_id == merge_events(unmerge(events))[0].event_id


def test_seed_attack_of_19_september_is_one_event(seed_analysis):
    events = seed_analysis.events
    attack = [e for e in events if e.date == "2023-09-19" and e.root_code == "19" and e.modality != "threatened"
              and "yesterday" in e.text.lower()]
    assert attack
    eid = attack[0].event_id
    tellings = {e.text for e in events if e.event_id == eid}
    for words in ("the Azerbaijani military operation", "The offensive", "anti-terrorism measures",
                  "a counter-terrorism operation"):
        assert any(words in t for t in tellings), (words, tellings)
    # the ambush of the Russian peacekeepers is another event
    ambush = next(e for e in events if "small arms fire" in e.text)
    assert ambush.event_id != eid


# ------------------------------------------------------------------ ACLED

ACLED = ["event_date", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
         "assoc_actor_1", "actor2", "location", "latitude", "longitude", "geo_precision", "source", "notes",
         "fatalities"]


def test_acled_table(seed_analysis):
    table = to_acled(seed_analysis.events)
    assert set(ACLED) <= set(table.columns)
    assert table["event_id_cnty"].is_unique
    attack = table.iloc[0]
    assert attack["event_date"] == "2023-09-19" and attack["actor1"] == "Azerbaijan"
    assert attack["fatalities"] == 32 and "at least 32" in attack["notes"]
    assert not table["notes"].str.contains("threatened|conditional|demanded").any()


def test_acled_lowest_figure():
    text = ("date 2023-09-22 An Azerbaijani drone strike killed at least 12 people in Martakert. "
            "The attack killed 20 people, local officials said.")
    table = to_acled(kb.analyze(kb.Article.from_text(text)).events)
    assert len(table) == 1 and table.iloc[0]["fatalities"] == 12
    assert table.iloc[0]["sub_event_type"] == "Air/drone strike"


# --------------------------------------------------------------- data files


def test_event_verbs_integrity():
    rows = read_data_csv("event_verbs.csv")
    codes = {r["code"] for r in rows}
    for r in rows:
        assert r["root_code"] == r["code"][:2]
        assert -10.0 <= float(r["goldstein"]) <= 10.0
        assert r["plover_type"] in {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                                    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
                                    "MOBILIZE", "COERCE", "ASSAULT", "DEMAND"}
    forms = [v.form.lower() for v in event_verbs() if v.kind != "code"]
    dup = {f for f in forms if forms.count(f) > 1 and len({v.kind for v in event_verbs() if v.form.lower() == f}) < 2}
    assert not dup, f"a form is listed twice with the same kind: {sorted(dup)}"
    assert {c[:2] for c in codes} >= {"02", "04", "11", "19"}
    for prefix in {r["cameo_prefix"] for r in read_data_csv("cameo_acled.csv")}:
        assert prefix.isdigit() and 2 <= len(prefix) <= 4 and 1 <= int(prefix[:2]) <= 20


# Goldstein (1992) weights as CAMEO codes carry them, copied by hand from the lookup table
# CAMEO.goldsteinscale.txt distributed with the GDELT 1.0 documentation (CAMEOEVENTCODE, GOLDSTEINSCALE);
# written out here, not read from karabakh/data, so that a wrong row in event_verbs.csv fails.
PUBLISHED_GOLDSTEIN = {
    "020": 3.0, "0234": 3.4, "0256": -0.3, "026": 4.0, "030": 4.0, "0356": 7.0, "040": 1.0, "042": 1.9,
    "046": 7.0, "057": 8.0, "073": 7.4, "074": 8.5, "087": 9.0, "0871": 9.0, "0873": 9.0, "0874": 10.0,
    "100": -5.0, "1041": -5.0, "111": -2.0, "112": -2.0, "120": -4.0, "125": -5.0, "130": -4.4, "1384": -7.0,
    "139": -7.0, "141": -6.5, "154": -7.2, "163": -8.0, "173": -5.0, "181": -9.0, "186": -10.0, "190": -10.0,
    "191": -9.5, "192": -9.5, "193": -10.0, "195": -10.0, "196": -9.5, "201": -9.5, "203": -10.0,
}


@pytest.mark.parametrize(("code", "weight"), sorted(PUBLISHED_GOLDSTEIN.items()))
def test_goldstein_weight_is_the_published_one(code, weight):
    rows = [r for r in read_data_csv("event_verbs.csv") if r["code"] == code]
    assert rows, f"CAMEO code {code} is not in event_verbs.csv"
    assert {float(r["goldstein"]) for r in rows} == {weight}, (code, [r["goldstein"] for r in rows])


def test_every_refined_code_has_its_row():
    codes = {r["code"] for r in read_data_csv("event_verbs.csv")}
    import inspect

    from karabakh import events as module
    emitted = set(re.findall(r'return "(\d{3,4})"', inspect.getsource(module._refine)))
    assert emitted and emitted <= codes, sorted(emitted - codes)


def test_cue_roles_are_known():
    rows = read_data_csv("event_cues.csv")
    roles = {r["role"] for r in rows}
    codes = {v.root_code for v in event_verbs()}
    for role in ("of-object", "speech-root", "absorbing-root", "object-root"):  # rows of CAMEO roots
        assert {r["cue"] for r in rows if r["role"] == role} <= codes | {f"{i:02d}" for i in range(1, 21)}, role
    assert {r["cue"] for r in rows if r["role"] == "reciprocal"} <= {v.code for v in event_verbs()}
    modes = {f"mode:{r['mode']}" for r in read_data_csv("cameo_acled.csv") if r["mode"]} | {"mode:firearms"}
    assert roles <= {"light", "light:announced", "light:adjunct", "infinitive", "modal", "not-event", "of-object"} | {
        f"modality:{m}" for m in ("conditional", "conditional-aux", "threatened", "demanded", "planned",
                                  "planned-aux", "denied")} | {
        "quantity", "military-head", "side-force", "unit-noun", "governs:demanded", "governs:threatened",
        "not-base", "modifier-stop", "subject-end", "reciprocal", "speech-root", "absorbing-root",
        "object-root"} | modes


@pytest.fixture
def fresh_cues():
    """Clear the caches built from event_cues.csv before and after a test that changes the rows."""
    from karabakh.extract import events as E

    yield from cleared_caches(E, E._cue_rows, E._cues, E._cue, E._cues_prefix, E._cue_pattern,
                              E._cue_words, E._plans, E._modality, E._words)


def test_modality_cues_are_read_from_the_data(fresh_cues, monkeypatch):
    """A cue added to event_cues.csv takes effect: the patterns are built from its rows, not written twice."""
    sentence = "Disarm now, or else Azerbaijan will launch an offensive."
    assert [e.modality for e in _events(sentence) if e.root_code == "19"] == ["planned"]
    rows = fresh_cues._cues()
    more = {**rows, "modality:threatened": rows["modality:threatened"] | {"or else"}}
    fresh_cues._cues.cache_clear()
    monkeypatch.setattr(fresh_cues, "_cues", lambda: more)
    for f in (fresh_cues._cue, fresh_cues._cue_pattern, fresh_cues._cue_words, fresh_cues._modality):
        f.cache_clear()
    assert [e.modality for e in _events(sentence) if e.root_code == "19"] == ["threatened"]


def test_a_planned_cue_of_no_known_shape_is_refused(fresh_cues, monkeypatch):
    rows = fresh_cues._cues()
    odd = {**rows, "modality:planned": rows["modality:planned"] | {"hopes"}}
    monkeypatch.setattr(fresh_cues, "_cues", lambda: odd)
    with pytest.raises(ValueError, match="hopes"):
        fresh_cues._plans()


# ------------------------------------------------------------- measurement

KEY = ("source_id", "root_code", "target_id", "date")


def _score(analyses, gold_path):
    rows = ev.load_annotation(gold_path)
    found = n_found = n_gold = 0
    happened_wrong = 0
    for a in analyses:
        stem = a.article.id.rsplit("/", 1)[-1].removesuffix(".txt")
        gold = [r for r in rows if "article" not in r or r["article"].removesuffix(".txt") == stem]
        s = ev.score_extractor("events", a.events, gold)
        found += sum(all(ev.cell(f.get(k)) == (g.get(k) or "") for k in KEY) for g, f in s.pairs)
        n_found += len(a.events)
        n_gold += len(gold)
        happened_wrong += sum(1 for g, f in s.pairs if g["modality"] in ("conditional", "threatened", "demanded")
                              and f["modality"] in ("happened", "reported"))
    return found / n_found, found / n_gold, happened_wrong


def test_annotation_spans_match_their_text():
    for path in ("seed_events.csv", "harder_events.csv"):
        for r in ev.load_annotation(ROOT / "tests" / "annotations" / path):
            art = r.get("article") or ""
            src = ROOT / ("tests/harder/" + art if art else "seeds/000_bf20561892d8202b.txt")
            text = kb.read_article(src).text
            assert text[int(r["start"]):int(r["end"])] == r["text"], (path, r)


def test_seed_precision_recall(seed_analysis):
    p, r, wrong = _score([seed_analysis], ROOT / "tests" / "annotations" / "seed_events.csv")
    assert r >= 0.9 and p >= 0.85, (p, r)
    assert wrong == 0


def test_harder_precision_recall():
    analyses = [kb.analyze(ROOT / "tests" / "harder" / name) for name in ("events_wire.txt", "events_regional.txt", "events_outlets.txt")]
    p, r, wrong = _score(analyses, ROOT / "tests" / "annotations" / "harder_events.csv")
    # measured 0.81 / 0.81 on the three files (0.73 / 0.73 before the outlets file was worked on);
    # a floor below it catches regressions
    assert p >= 0.75 and r >= 0.75, (p, r)
    assert wrong == 0


def test_harder_annotation_is_readable():
    with open(ROOT / "tests" / "annotations" / "harder_events.csv", encoding="utf-8") as f:
        rows = [r for r in csv.reader(line for line in f if not line.startswith("#"))]
    assert rows[0][:4] == ["article", "start", "end", "text"] and len(rows) > 20


def test_dateline_is_required_for_relative_dates_only():
    events = find_events("Azerbaijan shelled Stepanakert on Tuesday.", kb.tag_mentions("Azerbaijan shelled "
                                                                                          "Stepanakert on Tuesday."),
                         [], kb.find_dates("Azerbaijan shelled Stepanakert on Tuesday.", None))
    assert events[0].date is None
    assert dt.date.fromisoformat(_events("Azerbaijan shelled Stepanakert on Tuesday.")[0].date)


# ----------------------------------------------- the lower-case shortcut of the text index

def test_lowering_never_changes_whether_a_character_is_part_of_a_word():
    """The premise of reading the words of ``text.lower()`` for those of ``text``: checked on every code point."""
    import sys

    from karabakh.extract.events import _WORD

    changed = [hex(i) for i in range(sys.maxunicode + 1)
               if len(low := chr(i).lower()) == 1 and bool(_WORD.match(chr(i))) != bool(_WORD.match(low))]
    assert changed == []
    # the index keeps words lowered once; its readers may lower them again
    assert [hex(i) for i in range(sys.maxunicode + 1) if chr(i).lower().lower() != chr(i).lower()] == []


@pytest.mark.parametrize("odd", [
    "İ",  # lowers to two characters: offsets would shift
    "\u212a",  # the Kelvin sign: case-blind equal to "k"
    "\u017f",  # long s: case-blind equal to "s"
    "\u0131",  # dotless i: case-blind equal to "i"
    "Σ",  # final sigma: its lower form depends on the next letter
])
def test_text_the_shortcut_cannot_read_is_coded_the_long_way_with_the_same_events(odd):
    from karabakh.extract.events import _lower_keeps_offsets, _text_index

    plain = "Azerbaijani forces shelled Stepanakert on Tuesday. Armenia called for talks if the attacks stop."
    odd_text = f"{plain} {odd}."
    assert _lower_keeps_offsets(plain, plain.lower())
    assert not _lower_keeps_offsets(odd_text, odd_text.lower())
    assert _text_index(odd_text).low is None

    def coded(text):
        return [(e.start, e.end, e.source_id, e.code, e.target_id, e.modality)
                for e in find_events(text, kb.tag_mentions(text), [], [], on="2023-09-20")]

    assert coded(odd_text) == coded(plain) != []


@pytest.mark.parametrize("gap", ["\n", "  ", "\t", "\u00a0"])
def test_a_phrase_broken_by_other_white_space_is_the_same_trigger(gap):
    plain = "Armenia called for talks with Azerbaijan."
    odd = plain.replace("called for", f"called{gap}for")

    def coded(text):
        return [(e.code, e.source_id, e.target_id, e.modality) for e in _events(text)]

    assert coded(odd) == coded(plain) and coded(plain)[0][0] == "026"


def test_seed_reconstruction_tells_the_two_days_in_order_with_the_background_apart(seed_analysis):
    """What notebook 07 tells: the current events by day, the 19 September attack first."""
    table = kb.event_table(seed_analysis.events)
    current = table[~table["historical"]]
    days = [d[:10] for d in current.sort_values("day", kind="stable")["day"]]
    assert days == sorted(days) and set(days) == {"2023-09-19", "2023-09-20"}
    first = current[current["day"].str[:10] == "2023-09-19"].iloc[0]
    assert (first["source_id"], first["plover_type"]) == ("AZE", "ASSAULT") and len(first["sentences"]) >= 4
    background = table[table["historical"]]
    assert {"2020", "2022-11", "1992/1994"} <= set(background["day"])
    assert not any(d.startswith("2023-09") for d in background["day"])


@pytest.mark.parametrize("sentence, modality", [
    ("Azerbaijan will launch an offensive on Stepanakert.", "planned"),
    ("Azerbaijani forces did not carry out strikes on the town.", "denied"),
    ("Baku would launch an offensive if the talks failed.", "conditional"),
    ("The army must conduct an operation against the militants.", "demanded"),
    ("Azerbaijan has launched an offensive on Stepanakert.", "happened"),
    ("Azerbaijani forces carried out strikes on the town.", "happened"),
])
def test_a_light_verbs_auxiliaries_give_the_nouns_modality(sentence, modality):
    """"will launch an offensive" is no offensive yet: the light verb's group is the noun's."""
    assert [e.modality for e in _events(sentence) if e.root_code == "19"] == [modality]


@pytest.mark.parametrize("sentence, text, modality", [
    ("“Lay down your weapons and leave,” the ministry told the separatists.", "Lay down your weapons", "demanded"),
    ("“Withdraw your troops from the region,” the envoy said.", "Withdraw", "demanded"),
    ("“Do not attack the villages,” the ombudsman urged.", "Do not attack", "demanded"),
    ("“Please evacuate the wounded,” the Red Cross said.", "evacuate", "demanded"),
    # not imperatives: a past form, a participle clause, a noun with its own verb, a subject
    ("“Attacks continued all night,” a resident said.", "Attacks", "reported"),
    ("“Struck by drones, the depot burned,” a witness said.", "Struck", "reported"),
    ("“Shelling was heard all night,” a resident said.", "Shelling", "reported"),
    ("“Azerbaijan attacked the villages,” the ombudsman said.", "attacked", "reported"),
])
def test_a_quotation_that_opens_with_a_bare_verb_demands_it(sentence, text, modality):
    events = kb.analyze(kb.Article.from_text(sentence)).events
    assert [e.modality for e in events if e.text.startswith(text)] == [modality]


@pytest.mark.parametrize("sentence, text, source", [
    ("Attacks by Azerbaijani forces on Stepanakert continued overnight.", "Attacks", "AZE_ARMED_FORCES"),
    ("Shelling by Azerbaijani troops resumed on Wednesday.", "Shelling", "AZE_ARMED_FORCES"),
    ("Baku denied it. Attacks by Azerbaijani forces continued.", "Attacks", "AZE_ARMED_FORCES"),
    ("Strikes by Azerbaijan hit Stepanakert on Tuesday.", "Strikes", "AZE"),
])
def test_a_plural_or_gerund_opening_its_sentence_is_the_noun(sentence, text, source):
    """No subject stands before it, so "Attacks by X" is X's attacks, not a verb without a subject."""
    found = [(e.kind, e.source_id) for e in _events(sentence) if e.text == text]
    assert found == [("noun", source)]


@pytest.mark.parametrize("sentence, expected", [
    # a phrase that holds a trigger word but tells no event (event_cues.csv, role not-event)
    ("Officials warned that shell companies were being used to buy drones.", []),
    ("The mediators struck a balance between the two drafts.", []),
    ("Fuel prices in Stepanakert hit a record in September.", []),
    ("The former deputy minister died of a heart attack in Yerevan.", []),
    ("Baku began a charm offensive among European lawmakers.", []),
    ("A war of words broke out between the two foreign ministries.", []),
    ("The ambassador apologised for his offensive remarks.", []),
    # a labour or hunger strike is a protest (CAMEO 143, 142), not the military strike of 190
    ("Dock workers in Baku went on strike on Tuesday.", [("went on strike", "143")]),
    ("The unions called a general strike for Friday.", [("general strike", "143")]),
    ("Two detainees went on hunger strike in Baku.", [("went on hunger strike", "142")]),
    # an idiom of criticism is a speech act (CAMEO 111), not an attack
    ("Pashinyan hit out at the peacekeepers on Wednesday.", [("hit out at", "111")]),
    # the triggers themselves still fire
    ("Azerbaijani forces shelled Stepanakert on Tuesday.", [("shelled", "194")]),
    ("Drones struck a convoy near Lachin.", [("struck", "195")]),  # drones: aerial
])
def test_idioms_and_labour_strikes_are_not_attacks(sentence, expected):
    events = _events(sentence)
    assert [(e.text.split(" ", 1)[-1] if e.text.lower().startswith(("the ", "a ")) else e.text, e.code)
            for e in events] == expected


@pytest.mark.parametrize("sentence, target_text", [
    # the speaker of a reported clause is no subject of the passive inside it
    ("The Russian Defence Ministry said five peacekeepers were killed on Wednesday.", "five peacekeepers"),
    ("The ministry said Armenian soldiers were killed in the shelling.", "Armenian soldiers"),
    ("Armenian soldiers were killed in the shelling, the ministry said.", "Armenian soldiers"),
])
def test_a_reported_passive_takes_its_target_inside_the_report(sentence, target_text):
    killed = [e for e in _events(sentence) if e.text.startswith("were killed")]
    assert [e.target_text for e in killed] == [target_text]


def test_the_speaker_is_not_the_target_of_a_reported_passive():
    killed = [e for e in _events("The Russian Defence Ministry said five peacekeepers were killed on Wednesday.")
              if e.text.startswith("were killed")]
    assert len(killed) == 1 and killed[0].target_id != "RUS_MOD"


@pytest.mark.parametrize("sentence, trigger, target_text", [
    # people no mention covers: their words are the target, with id None
    ("Dozens of civilians were wounded in the overnight shelling.", "were wounded", "Dozens of civilians"),
    ("A number of residents were injured when the depot exploded.", "were injured", "A number of residents"),
    ("Some of the residents were evacuated by bus.", "were evacuated", "Some of the residents"),
    ("Two senior separatist commanders were arrested at the checkpoint.", "were arrested",
     "Two senior separatist commanders"),
    ("An official was detained at the border on Friday.", "was detained", "An official"),
    ("Villagers near the front line were evacuated overnight.", "were evacuated",
     "Villagers near the front line"),  # the whole subject phrase
    # things are no target
    ("The main road was blocked on Tuesday.", "was blocked", None),
    ("The homes of civilians were shelled overnight.", "were shelled", None),
    ("Several military positions were destroyed, the ministry said.", "were destroyed", None),
    # an aside between commas is not the subject: the residents are invited
    ("All residents, including the military, are invited to register.", "are invited", "All residents"),
])
def test_a_passive_keeps_the_words_of_people_it_happened_to(sentence, trigger, target_text):
    found = [e for e in _events(sentence) if e.text.startswith(trigger)]
    assert len(found) == 1
    e = found[0]
    assert (e.target_text, e.target_id) == (target_text, None)
    if target_text is not None:
        text = f"date {DATELINE} {sentence}"
        assert text[e.target_start:e.target_end] == target_text


@pytest.mark.parametrize("sentence, trigger, target", [
    ("Ruben Vardanyan tried to cross into Armenia. He was detained at the checkpoint on Wednesday.",
     "was detained", ("He", "VARDANYAN_RUBEN")),
    # "we" inside a quotation is its speaker
    ("“We were attacked without warning,” the Armenian foreign ministry said.", "were attacked",
     ("We", "ARM_MFA")),
    # "it" is as often a thing: no target
    ("The depot stood near the road. It was destroyed overnight.", "was destroyed", (None, None)),
])
def test_a_passive_pronoun_subject_is_resolved_as_its_target(sentence, trigger, target):
    found = [e for e in _events(sentence) if e.text.startswith(trigger)]
    assert [(e.target_text, e.target_id) for e in found] == [target]


# ------------------------------------------------- that week's news writing (our own sentences)

@pytest.mark.parametrize("sentence, text, source", [
    ("The separatist authorities said they had agreed to disband their forces but called for guarantees "
     "of safety.", "called for", "NKR_AUTHORITIES"),
    ("Azerbaijan said it had completed the operation, and urged the separatists to surrender.", "urged",
     "AZE"),
    # the claim ends before "and accused": its subject is the speaker's, not Armenia
    ("Pashinyan said Armenia would not be drawn into a new war and accused Russia of failing to protect "
     "the population.", "accused", "PASHINYAN_NIKOL"),
    # the name after the coordinated verb is its object, not the sentence's subject
    ("Protesters blocked streets in Yerevan on Monday and demanded the resignation of Prime Minister "
     "Nikol Pashinyan.", "demanded", None),
])
def test_a_coordinated_predicate_takes_the_sentences_subject(sentence, text, source):
    found = [e for e in _events(sentence) if e.text.startswith(text)]
    assert [e.source_id for e in found] == [source]


def test_the_coordinated_demand_targets_the_name_after_it():
    events = _events("Protesters blocked streets in Yerevan and demanded the resignation of Prime Minister "
                     "Nikol Pashinyan.")
    assert [(e.code, e.target_id) for e in events if e.root_code == "10"] == [("1041", "PASHINYAN_NIKOL")]


@pytest.mark.parametrize("sentence, text", [
    ("There was no attack on civilians, Azerbaijan's defence ministry said.", "no attack"),
    ("No shells hit the town on Wednesday night, a resident said.", "shells hit"),
    ("The talks in Yevlakh ended without a deal.", "a deal"),
    ("Hikmet Hajiyev said Baku had no plans to attack Armenia.", "to attack"),
    ("No one was detained at the Hakari bridge checkpoint, the border service said.", "was detained"),
    ("Moscow said the talks had failed to produce an agreement.", "an agreement"),
])
def test_no_before_the_event_or_its_subject_denies_it(sentence, text):
    found = [e for e in _events(sentence) if e.text.startswith(text)]
    assert [e.modality for e in found] == ["denied"]


@pytest.mark.parametrize("sentence, text, modality", [
    ("Azerbaijan no longer shells Stepanakert.", "no longer shells", "denied"),  # a verb group, as before
    ("Without warning, Azerbaijani forces shelled the village.", "shelled", "happened"),  # no subject's
    ("Residents said there was no electricity and shells hit the market.", "shells hit", "reported"),
])
def test_a_negator_elsewhere_in_the_sentence_does_not_deny(sentence, text, modality):
    found = [e for e in _events(sentence) if e.text.startswith(text)]
    assert [e.modality for e in found] == [modality]


@pytest.mark.parametrize("sentence, text, code, source, target", [
    ("A drone strike hit a checkpoint outside Stepanakert.", "drone strike hit", "195", None, None),
    ("Azerbaijani drone strikes hit a Russian peacekeeping post near Askeran.", "drone strikes hit", "195",
     "AZE", "RUS_PEACEKEEPERS"),
    ("The Azerbaijani offensive killed at least 200 people.", "offensive killed", "190", "AZE", None),
])
def test_a_noun_of_force_before_a_verb_of_force_is_one_telling(sentence, text, code, source, target):
    events = [e for e in _events(sentence) if e.root_code == "19"]
    assert [(e.text, e.code, e.source_id, e.target_id) for e in events] == [(text, code, source, target)]


@pytest.mark.parametrize("sentence, text, source, target", [
    ("The shelling of Armenian positions continued overnight.", "The shelling", None, "ARM_ARMED_FORCES"),
    ("The arrest of Ruben Vardanyan was condemned by Yerevan.", "The arrest", None, "VARDANYAN_RUBEN"),
    # an intransitive noun: "of" names who did it
    ("The withdrawal of Armenian units began on Thursday.", "The withdrawal", "ARM_ARMED_FORCES", None),
    # "of X on Y": X is the agent
    ("The attack of Azerbaijan on Nagorno-Karabakh was condemned by France.", "The attack", "AZE", None),
])
def test_of_after_a_noun_of_force_or_arrest_names_its_target(sentence, text, source, target):
    found = [e for e in _events(sentence) if e.text.startswith(text)]
    assert [(e.source_id, e.target_id) for e in found] == [(source, target)]


@pytest.mark.parametrize("sentence, text", [
    ("The Armenian foreign ministry condemned the large-scale attack that Azerbaijan launched.",
     "condemned the large-scale attack"),
    ("Azerbaijan launched a fresh attack on Martakert.", "a fresh attack"),
])
def test_a_form_after_a_determiner_and_modifiers_is_the_noun(sentence, text):
    events = _events(sentence)
    assert [e.text for e in events if e.root_code in ("11", "19")][:1] == [text]


def test_a_second_speech_act_after_and_is_not_the_first_ones_object():
    events = _events("The European Union urged Baku to allow aid into the region and called on both sides "
                     "to avoid violence.")
    assert [(e.code, e.source_id) for e in events] == [("027", "EU"), ("020", "EU")]
    # a bare verb continues the infinitive: one appeal
    one = _events("The European Union urged Baku to halt the offensive and withdraw its troops.")
    assert [e.code for e in one] == ["027"]


@pytest.mark.parametrize("sentence, text, source", [
    # the pronoun before the claim is its speaker; the subject inside the claim is undescribed
    ("They said the army would attack again.", "would attack", "the army"),
    # a lone determiner before a trigger phrase is no subject
    ("An agreement was reached on the withdrawal of the remaining Armenian units.", "agreement was reached",
     None),
    ("Azerbaijani forces fired hundreds of shells at the town.", "shells", "Azerbaijani forces"),
])
def test_the_source_words_are_the_subject_of_the_verb(sentence, text, source):
    found = [e for e in _events(sentence) if e.text.startswith(text)]
    assert [e.source_text for e in found] == [source]


def test_a_failed_act_is_denied():
    events = _events("Pashinyan accused Russia of failing to protect the population.")
    assert [(e.root_code, e.modality) for e in events] == [("11", "happened"), ("07", "denied")]


def test_a_negation_inside_a_quotation_does_not_deny_what_follows_it():
    events = _events("“The world must not look away,” Pashinyan told a televised cabinet meeting.")
    assert [e.modality for e in events if e.root_code == "04"] == ["happened"]


def test_an_imperative_outside_a_quotation_is_no_demand():
    # a bare verb opening the reporter's own sentence (a headline, a slogan without marks) is not
    # a demand of anyone: demands need a speaker
    events = _events("Lay down your weapons and leave Karabakh.")
    assert [e.modality for e in events] and "demanded" not in [e.modality for e in events]


@pytest.mark.xfail(strict=True, reason="the target of a demand is not read from the subject of its that-clause")
def test_a_demand_that_x_do_y_targets_x():
    events = _events("France demanded that Azerbaijan respect the rights of the population.")
    assert [(e.root_code, e.target_id) for e in events] == [("10", "AZE")]


@pytest.mark.xfail(strict=True, reason="protesters blocking streets is coded as a military blockade (191), not a protest")
def test_protesters_blocking_streets_is_a_protest():
    events = _events("Protesters blocked streets in Yerevan on Monday.")
    assert [e.root_code for e in events] == ["14"]


@pytest.mark.xfail(strict=True, reason="a possessive subject before a catenative verb ('its peacekeepers had helped "
                                       "evacuate') is out of the possessive's window; the speaker is taken")
def test_a_possessive_subject_before_a_catenative_verb():
    events = _events("Moscow rejected the criticism, and the Kremlin said its peacekeepers had helped evacuate civilians.")
    assert [e.source_id for e in events if e.root_code == "07"] == ["RUS_PEACEKEEPERS"]
