"""The to-do list of notebook 09: what the dictionaries did not know, as rows to paste."""

import csv
import io

import pytest
from conftest import ROOT

import karabakh as kb
from karabakh.output.todo import (
    ACTOR_COLUMNS,
    TodoItem,
    actor_rows,
    guess_type,
    rows_csv,
    todo_list,
)
from karabakh.text import actors

OWN = ROOT / "tests" / "articles" / "report_own_article.txt"

# Sentences of our own (invented names), and the type the context suggests.
GUESSES = [
    ("The Syunik Relief Fund sent two lorries.", "Syunik Relief Fund", "organisation"),
    ("A spokesman for the Karabakh Interior Ministry declined to comment.",
     "Karabakh Interior Ministry", "ministry"),
    ("Members of the Renewal Party marched in the capital.", "Renewal Party", "party"),
    ("“No,” said Lusine Harutyunova.", "Lusine Harutyunova", "person"),
    ("Tatevik, a nurse, stayed behind.", "Tatevik", "person"),
    ("Aram Petrosov told reporters he would leave.", "Aram Petrosov", "person"),
    ("The convoy stopped near Kornidzor for the night.", "Kornidzor", "place"),
    ("Families arrived in Vayk after dark.", "Vayk", "place"),
    ("Overnight, the road was closed.", "Overnight", None),
]


@pytest.mark.parametrize(("sentence", "name", "expected"), GUESSES)
def test_guess_type(sentence, name, expected):
    start = sentence.index(name)
    assert guess_type(sentence, start, start + len(name)) == expected


@pytest.fixture(scope="module")
def own():
    return kb.analyze(kb.read_article(OWN, dateline="2023-10-01"))


def test_every_item_points_at_its_words(own):
    items = todo_list(own)
    assert items
    for item in items:
        assert own.article.text[item.start:item.end] == item.text
    assert [i.start for i in items] == sorted(i.start for i in items)
    kinds = {i.item for i in items}
    assert {"unknown name", "unresolved speaker"} <= kinds


def test_without_a_dateline_relative_dates_are_on_the_list():
    a = kb.analyze(kb.read_article(OWN))
    unresolved = {i.text for i in todo_list(a) if i.item == "unresolved date"}
    assert {"Sunday", "yesterday"} <= unresolved


def test_descriptions_are_not_exported_as_actors():
    rows = actor_rows([TodoItem(0, 15, "local officials", "unresolved speaker", "person", ""),
                       TodoItem(20, 26, "Hakari", "unknown name", "place", ""),
                       TodoItem(30, 36, "Convoy", "unknown name", None, "")])
    assert rows == []


def test_exported_rows_load_into_actors_csv(own, monkeypatch):
    rows = actor_rows(todo_list(own), own.article.id)
    assert rows and all(tuple(r) == ACTOR_COLUMNS for r in rows)
    text = rows_csv(rows)
    parsed = list(csv.DictReader(io.StringIO(text)))
    assert parsed == rows
    original = actors.read_data_csv

    def with_rows(name):
        found = original(name)
        return found + parsed if name == "actors.csv" else found

    monkeypatch.setattr(actors, "read_data_csv", with_rows)
    actors.load_actors.cache_clear()
    try:
        loaded = actors.load_actors()
        for row in rows:
            info = loaded[row["actor_id"]]
            assert (info.name, info.type) == (row["name"], row["type"])
    finally:
        monkeypatch.undo()
        actors.load_actors.cache_clear()
    assert all(r["actor_id"] not in actors.load_actors() for r in rows)
