"""The closed word lists of the event coder live in data files, once (issue 11)."""

from __future__ import annotations

import inspect
import re

import pytest
from conftest import cleared_caches

import karabakh as kb
from karabakh.extract import events as E
from karabakh.extract.casualties import figure_words
from karabakh.resources import read_data_csv
from karabakh.text import clauses, lexicon


def _events(sentence: str) -> list:
    return kb.analyze(kb.Article.from_text(f"date 2023-09-20 {sentence}")).events


def test_lists_are_read_from_the_shared_files():
    w = E._words()
    assert w.saying == frozenset(lexicon.reporting_forms())
    assert lexicon.irregular_past() <= w.not_base
    assert {"dozens", "thousands", "some", "many"} <= w.quantity
    assert {m for m in figure_words().magnitudes if " " not in m} <= w.quantity
    assert lexicon.auxiliaries() | lexicon.be_forms() | w.prep <= w.mod_stop
    assert {"deny", "denies", "denied"} == {k for k, v in w.governed.items() if v == "denied"}


def test_the_grammatical_classes_are_those_of_function_words():
    # prepositions, determiners, pronouns, possessives and coordinators: classes and roles of function_words.csv
    w = E._words()
    fw, role = lexicon.function_words, lexicon.function_role
    assert w.prep == set(fw("preposition"))
    assert w.target_prep == set(role("target_prep")) and w.locative == set(role("locative"))
    assert w.det == set(fw("article", "demonstrative", "possessive", "speaker_possessive"))
    assert w.people_pronouns == set(role("person_pronoun"))
    assert w.pronouns == set(role("person_pronoun") + role("thing_pronoun")) and set(w.pronouns) <= set(fw("pronoun"))
    assert w.possessive == dict(lexicon.function_role_values("possessive_of"))
    assert w.coordinators == set(role("predicate_coordinator")) and set(w.coordinators) <= set(fw("coordinator"))
    cues = read_data_csv("event_cues.csv")
    assert not {r["role"].split(":")[0] for r in cues} & {
        "preposition", "determiner", "pronoun", "possessive", "coordinator"}  # no copy left there


@pytest.fixture
def fresh_words():
    yield from cleared_caches(E, E._cue_rows, E._words)


def test_a_possessive_of_a_pronoun_the_coder_does_not_read_is_refused(fresh_words, monkeypatch):
    # "you" is a pronoun of function_words.csv, but neither a person_pronoun nor a thing_pronoun
    monkeypatch.setattr(E, "function_role_values", lambda role: {"your": "you"})
    with pytest.raises(ValueError, match=r"function_words\.csv.*possessive_of"):
        E._words()


def test_lists_keep_their_subsets():
    w = E._words()
    assert w.target_prep <= w.prep and w.locative <= w.prep and "at" in w.target_prep & w.locative
    assert w.det <= clauses.DETERMINERS
    start = set(re.findall(r"[a-z]{2,}", clauses.PREP_START.pattern))
    assert start <= w.prep
    assert w.people_pronouns < w.pronouns and "it" not in w.people_pronouns
    assert set(w.possessive.values()) <= w.pronouns and set(w.possessive) <= w.det
    assert w.side_forces.index("military personnel") < w.side_forces.index("personnel")


def test_no_word_list_is_left_in_the_code():
    source = inspect.getsource(E)
    assert not re.search(r'frozenset\(\s*"[a-z]+ [a-z]+', source)
    assert not re.search(r'\{"(?:he|its|said|of|the)": ', source)


def test_a_bad_role_is_refused(fresh_words, monkeypatch):
    monkeypatch.setattr(E, "read_data_csv", lambda name: [*read_data_csv(name), {"cue": "x", "role": "colour"}])
    with pytest.raises(ValueError, match=r"event_cues\.csv"):
        E._cue_rows()


def test_every_verb_of_saying_separates_a_noun_of_fighting_from_its_stop():
    # every reporting form counts, as "said" did: "claimed" keeps the offensive and the promise to halt apart
    # (the coder's copy held ten forms of say/add/state/tell, so "claimed" made one telling of them)
    for verb in ("said", "claimed", "insisted"):
        roots = sorted(e.root_code for e in _events(
            f"Azerbaijan launched an offensive on Tuesday and {verb} it would halt it within a day."))
        assert roots == ["08", "19"], verb
