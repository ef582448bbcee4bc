"""The words of a verb group and its negators: one list each, read from data by every module.

The auxiliaries, forms of *be* and adverbs of a verb group live in
``data/verb_group.csv``; its negators are the ``negator`` rows of
``data/stance_words.csv`` marked ``in_verb_group``. ``clauses`` (subjects,
verb groups, coordination), ``claims`` and ``events`` read them through
:mod:`karabakh.text.lexicon`. The sentences below were written for these
tests (news style, our own words).
"""

from __future__ import annotations

import re

import pytest
from conftest import cleared_caches

import karabakh as kb
from karabakh.extract.quotes import extract_quotes
from karabakh.resources import read_data_csv
from karabakh.text import clauses, lexicon

DATELINE = "2023-09-20"


def _events(sentence: str):
    return kb.analyze(kb.Article.from_text(f"date {DATELINE} {sentence}")).events


def _group(text: str, verb: str) -> tuple[str, bool, str]:
    i = text.index(verb)
    g = clauses.verb_group(text, 0, i, i + len(verb))
    return text[g.start:g.end], g.negated, g.voice


# ------------------------------------------------------------------ one list each


def test_verb_negators_are_negator_rows_of_the_stance_words():
    rows = read_data_csv("stance_words.csv")
    negators = {r["word"] for r in rows if r["category"] == "negator"}
    marked = {r["word"] for r in rows if r["in_verb_group"] == "yes"}
    assert lexicon.verb_negators() == marked
    assert marked <= negators
    assert {"not", "never", "n't", "no longer", "cannot"} <= marked
    # a determiner or a preposition negates no verb group
    assert not {"no", "without", "nothing", "nor"} & marked


def test_event_cues_keep_no_copy_of_the_verb_group_words():
    roles = {r["role"] for r in read_data_csv("event_cues.csv")}
    assert not {"aux", "passive", "negation"} & roles
    cues = {r["cue"] for r in read_data_csv("event_cues.csv") if r["role"] == "infinitive"}
    assert cues == {"to"}


def test_clauses_aux_is_built_from_the_data():
    aux = re.compile(rf"(?:{clauses.AUX})")
    words = lexicon.auxiliaries() | lexicon.verb_adverbs() | lexicon.verb_negators()
    for word in sorted(words.union(lexicon.verb_adverbials())):
        assert aux.fullmatch(word.replace("n't", "n’t")), word
    for day in lexicon.weekday_names():
        assert aux.fullmatch(f"on {day.capitalize()}")
    # the forms of be and the infinitive's "to" are no auxiliaries between a subject and its verb
    assert not aux.fullmatch("was") and not aux.fullmatch("to")


def test_every_verb_group_category_is_read():
    assert lexicon.be_forms() == {"is", "are", "was", "were", "be", "been", "being"}
    assert {"has", "shall", "did"} <= lexicon.auxiliaries()
    assert {"reportedly", "allegedly"} <= lexicon.verb_adverbs()
    assert {"later", "in turn", "this morning", "on Friday"} <= set(lexicon.verb_adverbials())
    # the adverbials also follow an object: they are no adverb that announces a verb
    assert not set(lexicon.verb_adverbials()) & lexicon.verb_adverbs()


@pytest.fixture
def fresh_lexicon():
    """Clear the verb-group caches before and after a test that changes the rows."""
    yield from cleared_caches(lexicon, lexicon._verb_group_words, lexicon.verb_negators)


def _rows_with(name: str, extra: dict[str, str]):
    rows = read_data_csv(name)

    def read(asked: str) -> list[dict[str, str]]:
        return [*rows, extra] if asked == name else read_data_csv(asked)

    return read


def test_an_unknown_verb_group_category_is_refused(fresh_lexicon, monkeypatch):
    bad = {"word": "hardly", "category": "adverbs", "note": ""}
    monkeypatch.setattr(fresh_lexicon, "read_data_csv", _rows_with("verb_group.csv", bad))
    with pytest.raises(ValueError, match=r"verb_group\.csv row \d+: unknown category 'adverbs'"):
        fresh_lexicon.auxiliaries()


def test_a_repeated_verb_group_word_is_refused(fresh_lexicon, monkeypatch):
    again = {"word": "has", "category": "aux", "note": ""}
    monkeypatch.setattr(fresh_lexicon, "read_data_csv", _rows_with("verb_group.csv", again))
    with pytest.raises(ValueError, match=r"verb_group\.csv row \d+: empty or repeated"):
        fresh_lexicon.auxiliaries()


def test_an_unknown_placeholder_is_refused(fresh_lexicon, monkeypatch):
    odd = {"word": "on <month>", "category": "adverbial", "note": ""}
    monkeypatch.setattr(fresh_lexicon, "read_data_csv", _rows_with("verb_group.csv", odd))
    with pytest.raises(ValueError, match="placeholder"):
        fresh_lexicon.verb_adverbials()


@pytest.mark.parametrize("row", [
    {"category": "negator", "word": "hardly", "polarity": "-1", "in_verb_group": "y"},
    {"category": "contrast", "word": "yet", "polarity": "0", "in_verb_group": "yes"},
])
def test_a_bad_in_verb_group_mark_is_refused(fresh_lexicon, monkeypatch, row):
    monkeypatch.setattr(fresh_lexicon, "read_data_csv", _rows_with("stance_words.csv", row))
    with pytest.raises(ValueError, match=r"stance_words\.csv row \d+: in_verb_group"):
        fresh_lexicon.verb_negators()


# ------------------------------------------------------------------ clauses


@pytest.mark.parametrize(("text", "verb", "expected"), [
    ("The ministry did not confirm the report.", "confirm", ("did not confirm", True, "active")),
    # a contracted auxiliary, either apostrophe
    ("The ministry didn't confirm the report.", "confirm", ("didn't confirm", True, "active")),
    ("The ministry didn’t confirm the report.", "confirm", ("didn’t confirm", True, "active")),
    ("The ministry cannot confirm the report.", "confirm", ("cannot confirm", True, "active")),
    ("The ministry no longer denies the report.", "denies", ("no longer denies", True, "active")),
    ("The ministry will no longer deny the report.", "deny", ("will no longer deny", True, "active")),
    ("The convoy was never stopped at the bridge.", "stopped", ("was never stopped", True, "passive")),
    ("The convoy wasn’t stopped at the bridge.", "stopped", ("wasn’t stopped", True, "passive")),
    ("The ministry had allegedly confirmed the report.", "confirmed",
     ("had allegedly confirmed", False, "active")),
])
def test_verb_group_reads_every_negator(text, verb, expected):
    assert _group(text, verb) == expected


@pytest.mark.parametrize(("text", "verb", "subject"), [
    ("The defence ministry didn't say when the column left.", "say", "The defence ministry"),
    ("The defence ministry cannot say when the column left.", "say", "The defence ministry"),
    ("The defence ministry no longer says when columns leave.", "says", "The defence ministry"),
])
def test_a_negator_is_no_part_of_the_subject(text, verb, subject):
    s = clauses.subject_of(text, 0, text.index(verb))
    assert s is not None and text[s.a:s.b] == subject


@pytest.mark.parametrize(("text", "verb"), [
    ("Yerevan welcomed the plan and didn’t call for new talks.", "call"),
    ("Yerevan welcomed the plan and no longer calls for new talks.", "calls"),
])
def test_a_negated_verb_after_and_is_coordinated(text, verb):
    assert clauses.coordinated(text, 0, text.index(verb))
    s = clauses.subject_of(text, 0, text.index(verb))
    assert s is not None and s.coordinated


def test_a_claim_after_a_negated_coordinated_cue_keeps_the_speaker():
    text = "Pashinyan thanked the mediators and didn’t say that the border was closed."
    found = [(q.speaker_id, q.content) for q in extract_quotes(text)]
    assert found == [("PASHINYAN_NIKOL", "the border was closed")]


# ------------------------------------------------------------------ events


def _coded(sentence: str) -> list[tuple[str, str | None, str, str | None, str]]:
    return [(e.text, e.source_id, e.root_code, e.target_id, e.modality) for e in _events(sentence)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Azerbaijan did not shell Stepanakert on Tuesday.", ("did not shell", "AZE", "19", None, "denied")),
    # a contracted auxiliary negates its verb group, with either apostrophe
    ("Azerbaijan didn't shell Stepanakert on Tuesday.", ("didn't shell", "AZE", "19", None, "denied")),
    ("Azerbaijan didn’t shell Stepanakert on Tuesday.", ("didn’t shell", "AZE", "19", None, "denied")),
    ("Azerbaijan won’t shell Stepanakert, its envoy said.", ("won’t shell", "AZE", "19", None, "denied")),
    ("Azerbaijan cannot shell Stepanakert.", ("cannot shell", "AZE", "19", None, "denied")),
    # "no longer" is one negator of two words
    ("Azerbaijan no longer shells Stepanakert.", ("no longer shells", "AZE", "19", None, "denied")),
    ("Azerbaijan will no longer shell Stepanakert.", ("will no longer shell", "AZE", "19", None, "denied")),
])
def test_every_verb_group_negator_denies_the_event(sentence, expected):
    assert expected in _coded(sentence)


@pytest.mark.parametrize("sentence", [
    "Azerbaijan has not yet shelled Stepanakert.",
    "Azerbaijan hasn’t yet shelled Stepanakert.",
    # any auxiliary before the negator, a modal too
    "Azerbaijan will not yet shell Stepanakert.",
])
def test_a_negated_auxiliary_a_word_before_the_group_denies_it(sentence):
    assert [e.modality for e in _events(sentence) if e.root_code == "19"] == ["denied"]


def test_a_negated_passive_keeps_its_voice_and_target():
    coded = _coded("Stepanakert wasn’t shelled by Azerbaijan overnight.")
    assert coded and coded[0][1:] == ("AZE", "19", None, "denied")
    assert coded[0][0].startswith("wasn’t shelled by")
    assert [(e.source_id, e.target_id) for e in _events("Armenia wasn't attacked by Azerbaijan.")] == [
        ("AZE", "ARM")]


def test_a_contracted_negation_before_taking_part_denies_the_deed():
    assert [(e.source_id, e.modality) for e in _events("Armenia didn't take part in the offensive.")
            if e.root_code == "19"] == [("ARM", "denied")]


def test_an_adverbial_after_the_object_keeps_the_target():
    # "again" may stand inside a verb group, but after an object it announces no verb
    assert ("AZE", "19", "ARM", "happened") in [
        (e.source_id, e.root_code, e.target_id, e.modality)
        for e in _events("Azerbaijan attacked Armenia again.")]


def test_strip_aux_reads_a_window_longer_than_any_entry():
    # strip_aux reads the last _AUX_WINDOW characters: every entry of AUX must fit in it
    longest = max(map(len, (lexicon.auxiliaries() | lexicon.verb_adverbs() | lexicon.verb_negators())
                      .union(lexicon.verb_adverbials())))
    assert longest < clauses._AUX_WINDOW
    t = "the ministry has also this afternoon said"
    assert t[:clauses.strip_aux(t, 0, t.index("said"))] == "the ministry"
