"""The grammatical closed classes: one list each, in ``data/function_words.csv``.

Determiners, pronouns, prepositions, subordinators and coordinators, and the
sub-lists of their ``roles`` column, are read through
:mod:`karabakh.text.lexicon` by clauses, references, claims, quotes,
statements, casualties, dates and events; none keeps a copy. The sentences below were
written for these tests (news style, our own words).
"""

from __future__ import annotations

import pytest
from conftest import cleared_caches

from karabakh.extract import casualties, statements
from karabakh.extract.quotes import extract_quotes
from karabakh.resources import read_data_csv
from karabakh.text import clauses, lexicon, references


@pytest.fixture
def fresh_lexicon():
    """Clear the function-word caches before and after a test that changes the rows."""
    yield from cleared_caches(lexicon, lexicon._function_words, lexicon.function_words,
                              lexicon.function_role, lexicon.function_role_values)


def _rows_with(extra: dict[str, str]):
    rows = read_data_csv("function_words.csv")

    def read(asked: str) -> list[dict[str, str]]:
        return [*rows, extra] if asked == "function_words.csv" else read_data_csv(asked)

    return read


def test_every_category_and_role_of_the_file_is_known_and_used():
    rows = read_data_csv("function_words.csv")
    assert {r["category"] for r in rows} == lexicon.FUNCTION_CATEGORIES
    used = {role.partition(":")[0] for r in rows for role in (r["roles"] or "").split("|") if role}
    assert used == lexicon.FUNCTION_ROLES
    assert all(lexicon.function_role(role) for role in lexicon.FUNCTION_ROLES)


@pytest.mark.parametrize("row, ask, message", [
    ({"word": "whose", "category": "relatives", "roles": ""}, ("function_words", "article"),
     r"unknown category 'relatives'"),
    ({"word": "amid", "category": "preposition", "roles": "tails"}, ("function_role", "tail"),
     r"unknown role 'tails'"),
    ({"word": "thy", "category": "speaker_possessive", "roles": "possessive_of:thou"},
     ("function_role_values", "possessive_of"), r"possessive_of:thou: 'thou' is no pronoun"),
    ({"word": "the", "category": "article", "roles": ""}, ("function_words", "article"),
     r"empty, capitalised or repeated"),
])
def test_a_bad_row_is_refused_with_its_row_number(fresh_lexicon, monkeypatch, row, ask, message):
    monkeypatch.setattr(fresh_lexicon, "read_data_csv", _rows_with({**row, "note": ""}))
    function, argument = ask
    with pytest.raises(ValueError, match=r"function_words\.csv row \d+: " + message):
        getattr(fresh_lexicon, function)(argument)


@pytest.mark.parametrize("roles", ["possessive_of", "possessive_of:", "tail:it"])
def test_a_role_value_is_written_where_asked_for_only(fresh_lexicon, monkeypatch, roles):
    monkeypatch.setattr(fresh_lexicon, "read_data_csv", _rows_with(
        {"word": "thy", "category": "speaker_possessive", "roles": roles, "note": ""}))
    with pytest.raises(ValueError, match=r"function_words\.csv row \d+: role '\w+' needs"):
        fresh_lexicon.function_role("tail")


def test_the_modules_read_the_one_list():
    dets = set(lexicon.function_words("article", "possessive", "demonstrative", "speaker_possessive"))
    assert clauses.BOUNDARY_WORDS == list(lexicon.function_role("boundary"))
    assert dets <= clauses.DETERMINERS and set(lexicon.function_role("determiner")) <= clauses.DETERMINERS
    assert dets <= statements._DETERMINERS and dets <= casualties._DETERMINERS
    assert set(lexicon.function_role("indefinite")) <= references._INDEFINITE
    assert "twelve" in references._INDEFINITE  # the number words of figure_words.csv
    for word in lexicon.function_role("prep_start"):
        assert clauses.PREP_START.match(f"{word} the city")
    for word in lexicon.auxiliaries() | lexicon.be_forms():
        assert clauses.FINITE.search(f"the road {word} open")


def test_an_attribution_may_end_with_any_verb_group_adverbial():
    # "recently" is a verb_group.csv adverbial: the closing attribution ends the claim
    text = "The convoy reached the border, the ministry said recently."
    assert [q.content for q in extract_quotes(text)] == ["The convoy reached the border"]


def test_a_time_unit_after_a_count_opens_no_clause_of_the_cue():
    text = "The ministry said on Friday two days had passed without talks."
    assert [q.content for q in extract_quotes(text)] == ["two days had passed without talks"]


def test_the_mention_tagger_reads_its_prepositions_from_the_function_words():
    from karabakh.text import actors

    cues = actors._cues()
    assert cues["locative"] == set(lexicon.function_role("place_prep"))
    assert cues["actor_preposition"] == set(lexicon.function_role("actor_prep"))
    assert not {r["category"] for r in read_data_csv("mention_cues.csv")} & {"locative", "actor_preposition"}
    # and they decide as before: "in Baku" is the place, "with Baku" the actor
    kinds = [m.kind for m in actors.tag_mentions("Talks in Baku ended; a dialogue with Baku began.")]
    assert kinds == ["place", "actor"]
