"""Shared fixtures: the seed article, loaded once per test session; cache clearing for data tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

import karabakh as kb

ROOT = Path(__file__).resolve().parent.parent
SEED_PATH = ROOT / "seeds" / "000_bf20561892d8202b.txt"

T = TypeVar("T")


def cleared_caches(value: T, *cached: Callable[..., Any]) -> Iterator[T]:
    """The body of a fixture for a test that changes data rows: clear these
    ``functools.cache`` functions before and after it, and yield ``value``."""
    for f in cached:
        f.cache_clear()  # type: ignore[attr-defined]
    yield value
    for f in cached:
        f.cache_clear()  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def seed() -> kb.Article:
    return kb.read_article(SEED_PATH)


@pytest.fixture(scope="session")
def seed_analysis(seed: kb.Article) -> kb.Analysis:
    return kb.analyze(seed)
