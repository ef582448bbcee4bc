"""The public API is documented: every exported name has a docstring with an example."""

import inspect

import pytest

import karabakh as kb

CALLABLES = [n for n in kb.__all__ if callable(getattr(kb, n))]


@pytest.mark.parametrize("name", CALLABLES)
def test_public_name_has_docstring_with_example(name):
    obj = getattr(kb, name)
    doc = inspect.getdoc(obj) or ""
    assert doc, f"{name} has no docstring"
    assert ">>>" in doc, f"{name}'s docstring has no runnable example"


def test_all_is_unique_and_importable():
    assert len(set(kb.__all__)) == len(kb.__all__)
    assert set(kb.__all__) - set(CALLABLES) == {"EXTRACTORS"}  # the only constant
    for name in kb.__all__:
        assert hasattr(kb, name)


def test_analysis_to_frames(seed_analysis):
    frames = seed_analysis.to_frames()
    assert len(frames["sentences"]) == len(seed_analysis.sentences)
    for key in kb.EXTRACTORS:
        records = getattr(seed_analysis, key)
        assert (key in frames) == (records is not None)
