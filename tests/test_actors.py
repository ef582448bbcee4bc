"""Tests for karabakh.text.actors: dictionary integrity, match rules, seed precision/recall."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
from collections import Counter
from pathlib import Path

import pytest

from karabakh.resources import read_data_csv
from karabakh.text import actors as ka

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_bf20561892d8202b.txt"
ANNOTATION = ROOT / "tests" / "annotations" / "seed_mentions.csv"
ON = dt.date(2023, 9, 20)

# Floor for the seed, stated in the issue: recall >= 0.95 at precision >= 0.95.
RECALL_FLOOR = 0.95
PRECISION_FLOOR = 0.95


# ------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def actor_rows() -> list[dict[str, str]]:
    return read_data_csv("actors.csv")


@pytest.fixture(scope="module")
def place_rows() -> list[dict[str, str]]:
    return read_data_csv("places.csv")


@pytest.fixture(scope="module")
def role_rows() -> list[dict[str, str]]:
    return read_data_csv("roles.csv")


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def gold() -> list[dict[str, str]]:
    lines = ANNOTATION.read_text(encoding="utf-8").splitlines()
    return list(csv.DictReader(line for line in lines if not line.startswith("#")))


# ------------------------------------------------------------- integrity


def test_actor_columns(actor_rows: list[dict[str, str]]) -> None:
    assert list(actor_rows[0]) == [
        "actor_id", "alias", "form", "name", "type", "side", "role", "valid_from", "valid_to",
        "source",
    ]


def test_no_duplicate_rows(
    actor_rows: list[dict[str, str]],
    place_rows: list[dict[str, str]],
    role_rows: list[dict[str, str]],
) -> None:
    for rows in (actor_rows, place_rows, role_rows):
        counts = Counter(tuple(r.values()) for r in rows)
        assert [row for row, n in counts.items() if n > 1] == []


def test_each_actor_or_role_alias_maps_to_one_id(
    actor_rows: list[dict[str, str]], role_rows: list[dict[str, str]]
) -> None:
    ids: dict[str, set[str]] = {}
    for r in actor_rows:
        ids.setdefault(ka._key(r["alias"]), set()).add(r["actor_id"])
    for r in role_rows:
        ids.setdefault(ka._key(r["alias"]), set()).add("role:" + r["role_id"])
    shared = {alias: sorted(v) for alias, v in ids.items() if len(v) > 1}
    assert shared == {}


def test_each_place_alias_maps_to_one_id(place_rows: list[dict[str, str]]) -> None:
    ids: dict[str, set[str]] = {}
    for r in place_rows:
        ids.setdefault(ka._key(r["alias"]), set()).add(r["place_id"])
    assert {a: v for a, v in ids.items() if len(v) > 1} == {}


def test_actor_values_allowed(actor_rows: list[dict[str, str]]) -> None:
    states = {r["actor_id"] for r in actor_rows if r["type"] == "state"}
    roles = set(ka.load_roles())
    for r in actor_rows:
        where = f"{r['actor_id']} / {r['alias']}"
        assert r["type"] in ka.ACTOR_TYPES, where
        assert r["side"] in ka.ACTOR_SIDES | states, where
        assert r["form"] in {"name", "adjective"}, where
        assert r["source"].strip(), where
        assert r["role"] == "" or r["role"] in roles, where
        assert r["alias"] == r["alias"].strip() and r["alias"], where


def test_actor_dates_parse_and_are_ordered(actor_rows: list[dict[str, str]]) -> None:
    for r in actor_rows:
        start = dt.date.fromisoformat(r["valid_from"]) if r["valid_from"] else None
        end = dt.date.fromisoformat(r["valid_to"]) if r["valid_to"] else None
        if start and end:
            assert start <= end, r
        if start or end:
            assert r["role"], f"{r['actor_id']}: dates without a role"


def test_role_holders_do_not_overlap() -> None:
    by_role: dict[str, list[ka.ActorInfo]] = {}
    for info in ka.load_actors().values():
        if info.role:
            by_role.setdefault(info.role, []).append(info)
    for role, infos in by_role.items():
        spans = sorted(
            (i.valid_from or dt.date.min, i.valid_to or dt.date.max, i.actor_id) for i in infos
        )
        for (_, end_a, a), (start_b, _, b) in itertools.pairwise(spans):
            assert end_a < start_b, f"{role}: {a} and {b} overlap"


def test_every_role_has_a_holder_and_valid_side() -> None:
    held = {i.role for i in ka.load_actors().values() if i.role}
    for rid, role in ka.load_roles().items():
        assert rid in held, rid
        assert role.side in ka.ACTOR_SIDES, rid


def test_place_values_allowed(place_rows: list[dict[str, str]]) -> None:
    for r in place_rows:
        where = f"{r['place_id']} / {r['alias']}"
        assert r["kind"] in ka.PLACE_KINDS, where
        assert -90 <= float(r["lat"]) <= 90, where
        assert -180 <= float(r["lon"]) <= 180, where
        assert len(r["country"]) == 3 and r["country"].isupper(), where
        assert r["source"].strip(), where


def test_places_in_the_south_caucasus_are_there() -> None:
    # coordinates sanity: Karabakh places lie in a box around the region
    for pid in ("STEPANAKERT", "SHUSHA", "MARTAKERT", "ASKERAN", "DZHANYATAG", "LACHIN", "GORIS"):
        p = ka.load_places()[pid]
        assert 38.5 < p.lat < 41.0 and 45.5 < p.lon < 47.5, pid


def test_dictionary_size() -> None:
    assert len(ka.load_actors()) >= 60
    assert len(ka.load_places()) >= 25


def test_loaders_are_cached_and_read_only() -> None:
    assert ka.load_actors() is ka.load_actors()
    with pytest.raises(TypeError):
        ka.load_actors()["X"] = ka.load_actors()["AZE"]  # type: ignore[index]
    with pytest.raises(TypeError):
        ka.load_places()["X"] = ka.load_places()["BAKU"]  # type: ignore[index]


def _actor_alias_cases() -> list[tuple[str, str, bool]]:
    rows = read_data_csv("actors.csv")
    return [(r["alias"], r["actor_id"], r["form"] == "adjective") for r in rows]


@pytest.mark.parametrize(("alias", "actor_id", "adjective"), _actor_alias_cases())
def test_every_actor_alias_is_found(alias: str, actor_id: str, adjective: bool) -> None:
    if adjective:
        text = f"A {alias} delegation arrived on Tuesday and met officials."
    else:
        text = f"On Tuesday, {alias} said the talks would continue."
    start = text.index(alias)
    found = [m for m in ka.tag_mentions(text, dateline=ON) if m.start == start]
    assert len(found) == 1, text
    m = found[0]
    assert (m.text, m.entity_id, m.kind, m.adjective) == (alias, actor_id, "actor", adjective)


@pytest.mark.parametrize(
    ("alias", "role_id"), [(r["alias"], r["role_id"]) for r in read_data_csv("roles.csv")]
)
def test_every_role_alias_is_found(alias: str, role_id: str) -> None:
    text = f"On Tuesday, the {alias} said the talks would continue."
    start = text.index(alias)
    found = [m for m in ka.tag_mentions(text, dateline=ON) if m.start == start]
    assert len(found) == 1, text
    m = found[0]
    holders = ka.role_holders(role_id, ON)
    expected = holders[0] if len(holders) == 1 else None
    assert (m.text, m.kind, m.rule, m.entity_id) == (alias, "actor", "role", expected)


@pytest.mark.parametrize(
    ("alias", "place_id"), [(r["alias"], r["place_id"]) for r in read_data_csv("places.csv")]
)
def test_every_place_alias_is_found(alias: str, place_id: str) -> None:
    text = f"Officials travelled to {alias} on Tuesday."
    start = text.index(alias)
    found = [m for m in ka.tag_mentions(text, dateline=ON) if m.start == start]
    assert len(found) == 1, text
    assert (found[0].text, found[0].entity_id, found[0].kind) == (alias, place_id, "place")


# ------------------------------------------------------------- match rules

# (sentence, expected mentions as (text, entity_id, kind)); own sentences.
RULE_CASES = [
    # longest match wins over the adjective inside it
    ("The Armenian Revolutionary Federation called a rally.",
     [("Armenian Revolutionary Federation", "ARM_ARF", "actor")]),
    ("Two Russian peacekeepers were wounded near Martakert.",
     [("Russian peacekeepers", "RUS_PEACEKEEPERS", "actor"), ("Martakert", "MARTAKERT", "place")]),
    ("A spokesman for the Moscow Defence Ministry declined to comment.",
     [("Moscow Defence Ministry", "RUS_MOD", "actor")]),
    ("The Karabakh Armenians began leaving on Sunday.",
     [("Karabakh Armenians", "ARM_KARABAKH_POP", "actor")]),
    # case- and diacritic-insensitive, offsets into the original
    ("AZERBAIJAN SAID THE OPERATION WAS OVER.", [("AZERBAIJAN", "AZE", "actor")]),
    ("Ilham Əliyev spoke to Recep Tayyip Erdoğan by phone.",
     [("Ilham Əliyev", "ALIYEV_ILHAM", "actor"),
      ("Recep Tayyip Erdoğan", "ERDOGAN_RECEP_TAYYIP", "actor")]),
    ("Antonio Guterres and António Guterres are one man.",
     [("Antonio Guterres", "GUTERRES_ANTONIO", "actor"),
      ("António Guterres", "GUTERRES_ANTONIO", "actor")]),
    ("Refugees reached Xankəndi before dawn.", [("Xankəndi", "STEPANAKERT", "place")]),
    # spelling variants, spaces and hyphens interchangeable
    ("Pashinian and Pashinyan are the same prime minister.",
     [("Pashinian", "PASHINYAN_NIKOL", "actor"), ("Pashinyan", "PASHINYAN_NIKOL", "actor")]),
    ("Fighting in Nagorno Karabakh and Nagorno-Karabakh and Nagorno\u2011Karabakh.",
     [("Nagorno Karabakh", "NAGORNO_KARABAKH", "place"),
      ("Nagorno-Karabakh", "NAGORNO_KARABAKH", "place"),
      ("Nagorno\u2011Karabakh", "NAGORNO_KARABAKH", "place")]),
    ("Buses left Shushi, which Baku calls Shusha, at noon.",
     [("Shushi", "SHUSHA", "place"), ("Baku", "AZE_GOV", "actor"), ("Shusha", "SHUSHA", "place")]),
    # acronyms never match lower-case words
    ("Let us hope the US and the UN act.",
     [("US", "USA", "actor"), ("UN", "UN", "actor")]),
    # metonyms and generic aliases
    ("The Kremlin and the White House traded statements.",
     [("Kremlin", "RUS_PRESIDENCY", "actor"), ("White House", "USA_PRESIDENCY", "actor")]),
    ("The separatists agreed to disarm, the ministry said.",
     [("separatists", "NKR_AUTHORITIES", "actor")]),
    # actor vs place
    ("Yerevan says it will house the refugees.", [("Yerevan", "ARM_GOV", "actor")]),
    ("The convoy drove toward Yerevan overnight.", [("Yerevan", "YEREVAN", "place")]),
    ("Criticism from Moscow was muted.", [("Moscow", "RUS_GOV", "actor")]),
    ("The plane flew from Moscow to Baku.",
     [("Moscow", "MOSCOW", "place"), ("Baku", "BAKU", "place")]),
    ("Aid reached families in Armenia and Georgia.",
     [("Armenia", "ARM", "place"), ("Georgia", "GEO", "place")]),
    ("Azerbaijan yesterday announced the end of the operation.",
     [("Azerbaijan", "AZE", "actor")]),
    ("The envoy held talks with Baku about the road.", [("Baku", "AZE_GOV", "actor")]),
    ("According to Moscow, the convoy was attacked.", [("Moscow", "RUS_GOV", "actor")]),
    ("Their appeal to Yerevan went unanswered.", [("Yerevan", "ARM_GOV", "actor")]),
    ("The statement urged Baku to stop.", [("Baku", "AZE_GOV", "actor")]),
    ("Buses left Stepanakert at dawn.", [("Stepanakert", "STEPANAKERT", "place")]),
    ("Stepanakert announced a ceasefire.", [("Stepanakert", "NKR_AUTHORITIES", "actor")]),
    ("Hopes for Azerbaijan remain high.", [("Azerbaijan", "AZE", "actor")]),
    # roles resolve by date, merged with a following name
    ("The Karabakh president signed the decree.",
     [("Karabakh president", "SHAHRAMANYAN_SAMVEL", "actor")]),
    ("Turkish President Recep Tayyip Erdogan praised Baku’s resolve.",
     [("Turkish President Recep Tayyip Erdogan", "ERDOGAN_RECEP_TAYYIP", "actor"),
      ("Baku’s", "AZE_GOV", "actor")]),
    ("Russia's top diplomat, Sergei Lavrov, met the Armenian foreign minister.",
     [("Russia's top diplomat, Sergei Lavrov", "LAVROV_SERGEI", "actor"),
      ("Armenian foreign minister", "MIRZOYAN_ARARAT", "actor")]),
    ("The deputy foreign minister of Armenia arrived.",
     [("foreign minister of Armenia", None, "actor")]),
    ("The former Karabakh president Arayik Harutyunyan was detained.",
     [("Karabakh president Arayik Harutyunyan", "HARUTYUNYAN_ARAYIK", "actor")]),
    ("The EU called on Baku to open the road.",
     [("EU", "EU", "actor"), ("Baku", "AZE_GOV", "actor")]),
    ("Ilham Aliyev's adviser spoke to Tass.",
     [("Ilham Aliyev's", "ALIYEV_ILHAM", "actor"), ("Tass", "TASS", "actor")]),
    # unknown capitalised names are kept, sentence-initial function words are not
    ("Meanwhile, the Zoravar Foundation said it would send food.",
     [("Zoravar Foundation", None, "unknown")]),
    ("But Tigran Avetisyan, a farmer from Askeran, stayed.",
     [("Tigran Avetisyan", None, "unknown"), ("Askeran", "ASKERAN", "place")]),
    ("On September 21 talks began. President Aliyev spoke.",
     [("Aliyev", "ALIYEV_ILHAM", "actor")]),
    # hardening on reports of 19-28 September 2023 (own sentences)
    ("TBILISI, Sept 26 (Reuters) - Georgia opened a transit route.",
     [("TBILISI", "TBILISI", "place"), ("Reuters", "REUTERS", "actor"),
      ("Georgia", "GEO", "actor")]),
    ("STEPANAKERT, Azerbaijan (AP) — Long queues formed at every pump.",
     [("STEPANAKERT", "STEPANAKERT", "place"), ("Azerbaijan", "AZE", "place"),
      ("AP", "AP", "actor")]),
    ("AZERBAIJAN SAYS OPERATION OVER", [("AZERBAIJAN", "AZE", "actor")]),
    ("The Kremlin kept in touch with both Baku and Yerevan.",
     [("Kremlin", "RUS_PRESIDENCY", "actor"), ("Baku", "AZE_GOV", "actor"),
      ("Yerevan", "ARM_GOV", "actor")]),
    ("Yerevan and Baku blamed each other for the deaths.",
     [("Yerevan", "ARM_GOV", "actor"), ("Baku", "AZE_GOV", "actor")]),
    ("Flights from Yerevan and Baku were full.",
     [("Yerevan", "YEREVAN", "place"), ("Baku", "BAKU", "place")]),
    ("By Friday, 70,000 people had reached Armenia.", [("Armenia", "ARM", "place")]),
    ("Thousands fled Nagorno-Karabakh and crossed Azerbaijan's border.",
     [("Nagorno-Karabakh", "NAGORNO_KARABAKH", "place"), ("Azerbaijan's", "AZE", "actor")]),
    ("The self-declared republic’s army agreed to disarm.",
     [("self-declared republic’s", "NKR_AUTHORITIES", "actor")]),
    ("Leaders of the unrecognised Republic of Artsakh met in the capital.",
     [("unrecognised Republic of Artsakh", "NKR_AUTHORITIES", "actor")]),
    ("Karabakh's leadership ordered the evacuation.",
     [("Karabakh's leadership", "NKR_AUTHORITIES", "actor")]),
    ("Separatist officials put the toll at 200.",
     [("Separatist officials", "NKR_AUTHORITIES", "actor")]),
    ("Azerbaijani troops moved in as Armenian forces stayed out.",
     [("Azerbaijani troops", "AZE_ARMED_FORCES", "actor"),
      ("Armenian forces", "ARM_ARMED_FORCES", "actor")]),
    ("Azerbaijan's military said the positions were taken.",
     [("Azerbaijan's military", "AZE_ARMED_FORCES", "actor")]),
    ("He was handed to the State Security Service, the State Border Service said.",
     [("State Security Service", "AZE_STATE_SECURITY_SERVICE", "actor"),
      ("State Border Service", "AZE_STATE_BORDER_SERVICE", "actor")]),
    ("Vardanian denied the charges.", [("Vardanian", "VARDANYAN_RUBEN", "actor")]),
    ("Spokesman Aykhan Hajizada rejected the claim; Hajizade later added more.",
     [("Aykhan Hajizada", "HAJIZADA_AYKHAN", "actor"), ("Hajizade", "HAJIZADA_AYKHAN", "actor")]),
    ("Nazeli Baghdasaryan gave the latest count of arrivals.",
     [("Nazeli Baghdasaryan", "BAGHDASARYAN_NAZELI", "actor")]),
    ("Ombudsman Anahit Manasyan visited the shelters with Samvel Babayan.",
     [("Anahit Manasyan", "MANASYAN_ANAHIT", "actor"),
      ("Samvel Babayan", "BABAYAN_SAMVEL", "actor")]),
    ("The U.S. ambassador to the U.N., Linda Thomas-Greenfield, spoke first.",
     [("U.S. ambassador to the U.N., Linda Thomas-Greenfield", "THOMAS_GREENFIELD_LINDA",
       "actor")]),
    ("The U.S. Agency for International Development pledged aid, as did the E.U. Council.",
     [("U.S. Agency for International Development", "USAID", "actor"),
      ("E.U.", "EU", "actor")]),
    ("Yerevan signed a deal in Prague last year.",
     [("Yerevan", "ARM_GOV", "actor"), ("Prague", "PRAGUE", "place")]),
    ("Refugees were housed in Vayk, Jermuk and Sisian.",
     [("Vayk", "VAYK", "place"), ("Jermuk", "JERMUK", "place"), ("Sisian", "SISIAN", "place")]),
    ("(ANSA) and dpa, Xinhua and Anadolu Agency carried the news; so did RFE/RL.",
     [("ANSA", "ANSA", "actor"), ("dpa", "DPA", "actor"), ("Xinhua", "XINHUA", "actor"),
      ("Anadolu Agency", "ANADOLU", "actor"), ("RFE/RL", "RFERL", "actor")]),
    # a bare body noun is a generic noun, not an unknown name
    ("Foreign Ministry spokeswoman Maria Zakharova spoke.",
     [("Maria Zakharova", "ZAKHAROVA_MARIA", "actor")]),
    ("The Health Ministry of the region gave no figure.",
     [("Health Ministry", None, "unknown")]),
]


@pytest.mark.parametrize(("sentence", "expected"), RULE_CASES)
def test_match_rules(sentence: str, expected: list[tuple[str, str | None, str]]) -> None:
    got = ka.tag_mentions(sentence, dateline=ON)
    assert [(m.text, m.entity_id, m.kind) for m in got] == expected
    for m in got:
        assert sentence[m.start : m.end] == m.text


# (sentence, span, attribute, expected value) for flags and rule names
FLAG_CASES = [
    ("Baku’s goal is clear.", "Baku’s", "possessive", True),
    ("Baku's goal is clear.", "Baku's", "possessive", True),
    ("Azerbaijan’s offensive went on.", "Azerbaijan’s", "possessive", True),
    ("Azerbaijan’s offensive went on.", "Azerbaijan’s", "rule", "possessive"),
    ("Azerbaijan’s army advanced.", "Azerbaijan’s army", "entity_id", "AZE_ARMED_FORCES"),
    ("An Azerbaijani drone struck.", "Azerbaijani", "adjective", True),
    ("A French proposal failed.", "French", "entity_id", "FRA"),
    ("The Iranian reaction was cautious.", "Iranian", "rule", "adjective"),
    ("An American envoy arrived.", "American", "side", "USA"),
    ("Talks were held in Moscow.", "Moscow", "rule", "locative"),
    ("Moscow accuses Baku of lying.", "Moscow", "rule", "actor-verb"),
    ("Aid went to Armenia and Georgia.", "Georgia", "rule", "coordination"),
    ("According to Moscow, it was calm.", "Moscow", "rule", "actor-preposition"),
    ("Moscow accuses Baku of lying.", "Baku", "rule", "actor-object"),
    ("Buses left Stepanakert at dawn.", "Stepanakert", "rule", "place-verb"),
    ("A Stepanakert bakery reopened.", "Stepanakert", "rule", "default-place"),
    # wire datelines: the capitalised city opening the line is the place
    ("BAKU, Sept 20 (Reuters) - Shelling was heard.", "BAKU", "rule", "dateline"),
    ("MOSCOW/YEREVAN, Sept 22 (AFP) — Talks went on.", "YEREVAN", "rule", "dateline"),
    ("YEREVAN (AP) — Crowds gathered overnight.", "YEREVAN", "kind", "place"),
    ("Families reached Armenia by nightfall.", "Armenia", "rule", "place-verb"),
    ("The convoy entered Azerbaijan at noon.", "Azerbaijan", "kind", "place"),
    ("Envoys spoke with both Baku and Yerevan.", "Yerevan", "rule", "coordination"),
    ("Baku and Yerevan traded blame again.", "Baku", "rule", "actor-verb"),
    ("Hopes for Azerbaijan remain high.", "Azerbaijan", "rule", "default-actor"),
    ("The president of Azerbaijan spoke.", "president of Azerbaijan", "entity_id", "ALIYEV_ILHAM"),
    ("Samvel Shahramanyan signed it.", "Samvel Shahramanyan", "type", "person"),
    ("The Karabakh authorities agreed.", "Karabakh authorities", "side", "NKR"),
]


@pytest.mark.xfail(strict=True, reason="an all-capital dateline naming only an actor "
                   "('UNITED NATIONS (AP) —') has no place entry and stays the actor UN")
def test_dateline_united_nations_is_a_place() -> None:
    (m, _agency) = ka.tag_mentions("UNITED NATIONS (AP) — The council met.")[:2]
    assert m.kind == "place"


@pytest.mark.xfail(strict=True, reason="a headline verb in the present tense that is not in "
                   "actor_verb ('Baku tightens grip') leaves a city name the default place")
def test_headline_present_tense_verb() -> None:
    (m,) = [m for m in ka.tag_mentions("Armenians flee as Baku tightens grip") if m.text == "Baku"]
    assert m.kind == "actor"


@pytest.mark.xfail(strict=True, reason="no role row for the Karabakh foreign minister (term "
                   "dates not verified): 'Karabakh' is tagged as the place")
def test_karabakh_foreign_minister_title() -> None:
    ms = ka.tag_mentions("Former Karabakh foreign minister Davit Babayan surrendered.", dateline=ON)
    assert [(m.text, m.entity_id) for m in ms] == [
        ("Karabakh foreign minister Davit Babayan", "BABAYAN_DAVID")
    ]


@pytest.mark.parametrize(("sentence", "span", "attr", "value"), FLAG_CASES)
def test_mention_flags(sentence: str, span: str, attr: str, value: object) -> None:
    found = [m for m in ka.tag_mentions(sentence, dateline=ON) if m.text == span]
    assert len(found) == 1
    assert getattr(found[0], attr) == value


@pytest.mark.parametrize(
    ("on", "expected"),
    [("2023-09-20", "SHAHRAMANYAN_SAMVEL"), ("2022-06-01", "HARUTYUNYAN_ARAYIK"),
     ("2023-09-05", None), (None, None)],
)
def test_role_depends_on_date(on: str | None, expected: str | None) -> None:
    (m,) = ka.tag_mentions("The Karabakh president spoke.", dateline=on)
    assert (m.kind, m.rule, m.entity_id) == ("actor", "role", expected)


def test_role_date_from_header() -> None:
    text = "date 2022-06-01 The Karabakh president spoke."
    assert [m.entity_id for m in ka.tag_mentions(text)] == ["HARUTYUNYAN_ARAYIK"]


def test_bad_date_raises() -> None:
    with pytest.raises(ValueError, match="bad date"):
        ka.tag_mentions("Baku said.", dateline="20 September")


@pytest.mark.parametrize(
    ("phrase", "on", "expected"),
    [
        ("the president of Azerbaijan", "2023-09-20", "ALIYEV_ILHAM"),
        ("Azerbaijani President", "2023-09-20", "ALIYEV_ILHAM"),
        ("The Karabakh President", "2023-09-20", "SHAHRAMANYAN_SAMVEL"),
        ("Karabakh president", "2021-01-01", "HARUTYUNYAN_ARAYIK"),
        ("NKR_PRESIDENT", "2023-09-10", "SHAHRAMANYAN_SAMVEL"),
        ("foreign minister of Armenia", "2023-09-20", "MIRZOYAN_ARARAT"),
        ("German foreign minister", "2023-09-20", "BAERBOCK_ANNALENA"),
        ("German foreign minister", "2020-01-01", None),
        ("Nagorno-Karabakh state minister", "2023-01-10", "VARDANYAN_RUBEN"),
        ("the king of Azerbaijan", "2023-09-20", None),
    ],
)
def test_resolve_role(phrase: str, on: str, expected: str | None) -> None:
    assert ka.resolve_role(phrase, on) == expected


def test_actor_info_type_and_side() -> None:
    info = ka.actor_info("BAERBOCK_ANNALENA")
    assert info is not None and (info.type, info.side) == ("person", "DEU")
    assert ka.actor_info("NO_SUCH_ACTOR") is None


@pytest.mark.parametrize(
    "text", ["İstanbul and Baku", "Straße in Baku", "😀 Baku said", "ﬁne Baku"]
)
def test_fold_keeps_length(text: str) -> None:
    assert len(ka.fold(text)) == len(text)
    (m,) = [m for m in ka.tag_mentions(text) if m.entity_id is not None]
    assert text[m.start : m.end] == "Baku"


def test_resolve_overlaps_longest_then_leftmost() -> None:
    # equal-length overlapping candidates: the leftmost wins; longer beats both
    assert ka._select([(0, 5, 5, "a"), (3, 8, 8, "b")], 10) == [(0, 5, 5, "a")]
    assert ka._select([(0, 5, 5, "a"), (3, 9, 9, "b")], 10) == [(3, 9, 9, "b")]
    assert ka._select([(0, 2, 2, "a"), (3, 5, 5, "b")], 10) == [(0, 2, 2, "a"), (3, 5, 5, "b")]


# ------------------------------------------------------------- the seed


def test_seed_mentions_are_spans_without_overlap(seed_text: str) -> None:
    got = ka.tag_mentions(seed_text, dateline=ON)
    for m in got:
        assert seed_text[m.start : m.end] == m.text
    for a, b in itertools.pairwise(got):
        assert a.end <= b.start


def test_annotation_offsets_are_valid(seed_text: str, gold: list[dict[str, str]]) -> None:
    for row in gold:
        assert seed_text[int(row["start"]) : int(row["end"])] == row["text"]
        assert row["kind"] in {"actor", "place"}
        table = ka.load_actors() if row["kind"] == "actor" else ka.load_places()
        assert row["entity_id"] in table, row


def _scores(
    seed_text: str, gold: list[dict[str, str]]
) -> tuple[float, float, set[tuple[object, ...]]]:
    """Precision and recall of the mentions whose span, entity and kind are all right.

    Scored with the shared karabakh.output.evaluate spec for mentions (exact
    spans, unknown names left out; entity_id and kind compared); a pair with a
    wrong field counts as a miss and a false alarm, as before.
    """
    from karabakh.output.evaluate import score_extractor

    s = score_extractor("mentions", ka.tag_mentions(seed_text, dateline=ON), gold)

    def key(r: dict[str, str]) -> tuple[object, ...]:
        return (int(r["start"]), int(r["end"]), r["entity_id"], r["kind"])

    wrong = {key(g) for _field, g, _found in s.wrong}
    right = s.tp - len(wrong)
    return right / s.n_found, right / s.n_gold, {key(g) for g in s.misses} | wrong


def test_seed_precision_recall(seed_text: str, gold: list[dict[str, str]]) -> None:
    precision, recall, _ = _scores(seed_text, gold)
    assert precision >= PRECISION_FLOOR
    assert recall >= RECALL_FLOOR


def test_seed_glued_name_is_found(seed_text: str, gold: list[dict[str, str]]) -> None:
    _, _, missed = _scores(seed_text, gold)
    assert missed == set()


def test_seed_glued_name_is_the_minister(seed_text: str) -> None:
    (m,) = [m for m in ka.tag_mentions(seed_text, dateline=ON) if "Mirzoyan" in m.text]
    assert (m.text, m.entity_id, m.rule) == ("Ararat Mirzoyandenuncia", "MIRZOYAN_ARARAT", "glued")


# ------------------------------------------------------------- map and charts


def test_country_outlines_of_the_south_caucasus() -> None:
    from karabakh.output import geo

    if geo.natural_earth_path() is None:
        pytest.skip("Natural Earth zip not installed")
    codes = {o.iso3 for o in geo.country_outlines()}
    assert {"ARM", "AZE", "GEO", "IRN", "TUR", "RUS"} <= codes
    arm = next(o for o in geo.country_outlines() if o.iso3 == "ARM")
    lons = [p[0] for ring in arm.parts for p in ring]
    assert 43 < min(lons) and max(lons) < 47


def test_country_outlines_bad_bbox() -> None:
    from karabakh.output import geo

    with pytest.raises(ValueError, match="bbox"):
        geo.country_outlines((51.0, 38.0, 43.0, 42.5))


def test_places_map_marks_named_places_and_lists_the_rest() -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    from karabakh.output import plots

    ms = ka.tag_mentions("Buses left Stepanakert for Goris; talks were held in New York.")
    fig = plots.plot_places_map(ms, outlines=False)
    ax = fig.axes[0]
    labels = {t.get_text() for t in ax.texts}
    assert {"Stepanakert (1)", "Goris (1)"} <= labels
    assert any("New York (1)" in t for t in labels)
    from matplotlib.patches import Polygon

    assert not [p for p in ax.patches if isinstance(p, Polygon)]  # no outlines drawn
    matplotlib.pyplot.close(fig)


def test_mentions_by_side_counts() -> None:
    import matplotlib

    matplotlib.use("Agg")
    from karabakh.output import plots

    ms = ka.tag_mentions("Baku said Yerevan lied. Moscow agreed with Baku.")
    fig = plots.plot_mentions_by_side(ms)
    side_bars = {p.get_y(): p.get_width() for p in fig.axes[1].patches}
    assert sorted(side_bars.values()) == [1, 1, 2]
    matplotlib.pyplot.close(fig)


# ------------------------------------------- issue 12: names spelt another way (items 12-15)
# Our own sentences, in the styles of wire copy and of Armenian, Azerbaijani and
# Russian outlets writing in English.


def _one(text: str, span: str, on: str = "2023-09-25") -> object:
    (m,) = [m for m in ka.tag_mentions(text, dateline=on) if m.text == span]
    assert text[m.start : m.end] == m.text
    return m


# (sentence, span, entity_id, kind, rule)
VARIANTS = [
    ("Presidential aide Hikmet Gadzhiev spoke to reporters.", "Hikmet Gadzhiev",
     "HAJIYEV_HIKMET", "actor", "transliteration"),
    ("Jeyhun Bairamov met his counterpart on Friday.", "Jeyhun Bairamov", "BAYRAMOV_JEYHUN",
     "actor", "transliteration"),
    ("Dzheikhun Bayramov met his counterpart on Friday.", "Dzheikhun Bayramov",
     "BAYRAMOV_JEYHUN", "actor", "transliteration"),
    ("Gegham Stepanian said the roads were closed.", "Gegham Stepanian", "STEPANYAN_GEGHAM",
     "actor", "transliteration"),
    ("Samvel Shakhramanian signed the decree.", "Samvel Shakhramanian", "SHAHRAMANYAN_SAMVEL",
     "actor", "transliteration"),
    ("Ilkham Aliev addressed the nation.", "Ilkham Aliev", "ALIYEV_ILHAM", "actor",
     "transliteration"),
    ("Buses left Hankendi at dawn.", "Hankendi", "STEPANAKERT", "place", "transliteration"),
    ("Talks were held in Evlakh on Thursday.", "Evlakh", "YEVLAKH", "place",
     "transliteration"),
    ("Flights from Erevan were cancelled.", "Erevan", "YEREVAN", "place", "transliteration"),
    # a variant of a name that is both actor and place is decided by its context
    ("Moscow urged Erevan to show restraint.", "Erevan", "ARM_GOV", "actor",
     "transliteration"),
    ("Refugees reached Gorris by night.", "Gorris", "GORIS", "place", "transliteration"),
    # a name glued to the next word by a translation artefact
    ("Nikol Pashinyanstressed that the border was open.", "Nikol Pashinyanstressed",
     "PASHINYAN_NIKOL", "actor", "glued"),
    ("Bayramovsaid the talks would go on.", "Bayramovsaid", "BAYRAMOV_JEYHUN", "actor",
     "glued"),
    ("Ararat Mirzoyandenounced the strikes.", "Ararat Mirzoyandenounced", "MIRZOYAN_ARARAT",
     "actor", "glued"),
]


@pytest.mark.parametrize(("text", "span", "entity_id", "kind", "rule"), VARIANTS)
def test_spelling_variants_and_glued_names(text, span, entity_id, kind, rule):
    m = _one(text, span)
    assert (m.entity_id, m.kind, m.rule) == (entity_id, kind, rule)


@pytest.mark.parametrize(("a", "b"), [
    ("Vardanyan", "Vardanian"), ("Khankendi", "Xankendi"), ("Aghdam", "Agdam"),
    ("Hajiyev", "Gadzhiev"), ("Hajiyev", "Hajiev"), ("Yerevan", "Erevan"),
    ("Yevlakh", "Evlakh"), ("Mammadov", "Mamadov"), ("Eyvazov", "Eivazov"),
])
def test_translit_key_equates_spellings(a, b):
    assert ka.translit_key(a) == ka.translit_key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Vardanyan", "Vartanyan"), ("Aliyev", "Aliyeva"), ("Baku", "Bako"), ("Goris", "Kapan"),
])
def test_translit_key_keeps_different_names_apart(a, b):
    assert ka.translit_key(a) != ka.translit_key(b)


@pytest.mark.parametrize("text", [
    "Armenians gathered at the square.",       # a plural is no glued name
    "Gas prices rose in the capital.",          # a common word is no variant
    "Bako said nothing.",                       # too short to be matched as a variant
])
def test_no_variant_is_invented(text):
    assert all(m.rule not in {"transliteration", "glued"} for m in ka.tag_mentions(text))


# (text, span, entity_id, kind, rule)
REFER_BACK = [
    ("Hikmet Hajiyev spoke first. Mr Hajiyev later said the road was open.", "Hajiyev",
     "HAJIYEV_HIKMET", "actor", None),
    ("Ruben Vardanian was detained. Vardanian had tried to leave.", "Vardanian",
     "VARDANYAN_RUBEN", "actor", None),
    # the surname of an unknown full name is not given to the dictionary's Vardanyan
    ("Commander Kamo Vardanyan was named. Vardanyan said the army would disarm.",
     "Vardanyan", None, "unknown", "surname"),
    ("Foreign Minister Jeyhun Bayramov met Antony Blinken. The minister said peace was near.",
     "minister", "BAYRAMOV_JEYHUN", "actor", "title-anaphor"),
    ("Artsakh ombudsman Gegham Stepanyan spoke. The ombudsman said food was short.",
     "ombudsman", "STEPANYAN_GEGHAM", "actor", "title-anaphor"),
    ("Kremlin spokesman Dmitry Peskov spoke. The spokesman declined to comment.",
     "spokesman", "PESKOV_DMITRY", "actor", "title-anaphor"),
]


@pytest.mark.parametrize(("text", "span", "entity_id", "kind", "rule"), REFER_BACK)
def test_surnames_and_titles_refer_back(text, span, entity_id, kind, rule):
    ms = [m for m in ka.tag_mentions(text, dateline="2023-09-25") if m.text == span]
    m = ms[-1]
    assert (m.entity_id, m.kind) == (entity_id, kind)
    if rule is not None:
        assert m.rule == rule


@pytest.mark.parametrize("text", [
    "The minister said peace was near.",                      # nobody named before
    "Antony Blinken spoke. The minister said peace was near.",  # not a minister
    "Gegham Stepanyan spoke. The minister of finance resigned.",  # another office
])
def test_bare_title_without_antecedent_is_not_tagged(text):
    assert not [m for m in ka.tag_mentions(text, dateline="2023-09-25") if m.rule == "title-anaphor"]


# (text, span, guessed type)
GUESSES = [
    ("Mr Arshakyan said the village was empty.", "Arshakyan", "person"),
    ("Colonel Tatevosyan gave the order.", "Tatevosyan", "person"),
    ("The Zartonk Party called for protests.", "Zartonk Party", "organisation"),
    ("The Vernatun Committee met on Monday.", "Vernatun Committee", "organisation"),
    ("The Hrazdan Court ruled on Monday.", "Hrazdan Court", "organisation"),
    ("Residents gathered in Nerkin Sznek overnight.", "Nerkin Sznek", "place"),
    ("Families fled from Haterk before dawn.", "Haterk", "place"),
    ("Zartonk said nothing.", "Zartonk", None),
]


@pytest.mark.parametrize(("text", "span", "type_"), GUESSES)
def test_unknown_name_has_a_guessed_type(text, span, type_):
    m = _one(text, span)
    assert (m.kind, m.entity_id, m.type) == ("unknown", None, type_)


HARDER = ROOT / "tests" / "harder"
HARDER_GOLD = ROOT / "tests" / "annotations" / "harder_mentions.csv"


def test_harder_set_names() -> None:
    # tests/harder/names_*.txt: before issue 12, 0.68 of the names got their id
    from karabakh.output.evaluate import load_annotation

    gold = load_annotation(HARDER_GOLD)
    right = 0
    for name in sorted({g["article"] for g in gold}):
        text = (HARDER / name).read_text(encoding="utf-8")
        found = [m for m in ka.tag_mentions(text) if m.entity_id is not None]
        for g in (g for g in gold if g["article"] == name):
            s, e = int(g["start"]), int(g["end"])
            assert text[s:e] == g["text"], g
            right += any(m.start < e and s < m.end and m.entity_id == g["entity_id"]
                         and m.kind == g["kind"] for m in found)
    assert right / len(gold) >= 0.95


@pytest.mark.parametrize("name, actor_id", [
    ("Janez Lenarcic", "LENARCIC_JANEZ"), ("Volker Türk", "TURK_VOLKER"),
    ("Mirjana Spoljaric Egger", "SPOLJARIC_MIRJANA"), ("Vassily Nebenzia", "NEBENZYA_VASILY"),
    ("Sahiba Gafarova", "GAFAROVA_SAHIBA"), ("Bako Sahakyan", "SAHAKYAN_BAKO"),
    ("Arkadi Ghukasyan", "GHUKASYAN_ARKADI"), ("Vagif Dargahli", "DARGAHLI_VAGIF"),
    ("Tigran Khachatryan", "KHACHATRYAN_TIGRAN"), ("Louis Bono", "BONO_LOUIS"),
])
def test_people_of_that_week_have_an_id(name, actor_id):
    mentions = ka.tag_mentions(f"{name} spoke to reporters on Monday.", dateline="2023-09-25")
    assert [(m.text, m.entity_id) for m in mentions] == [(name, actor_id)]


def test_a_former_president_is_not_the_holder_on_the_dateline():
    mentions = ka.tag_mentions("The Karabakh president spoke.", dateline="2023-09-25")
    assert [m.entity_id for m in mentions if m.rule == "role"] == ["SHAHRAMANYAN_SAMVEL"]
    mentions = ka.tag_mentions("The Karabakh president spoke.", dateline="2015-05-01")
    assert [m.entity_id for m in mentions if m.rule == "role"] == ["SAHAKYAN_BAKO"]
