"""Shared fixtures: the seed article, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

import karabakh as kb

ROOT = Path(__file__).resolve().parent.parent
SEED_PATH = ROOT / "seeds" / "000_bf20561892d8202b.txt"


@pytest.fixture(scope="session")
def seed() -> kb.Article:
    return kb.read_article(SEED_PATH)


@pytest.fixture(scope="session")
def seed_analysis(seed: kb.Article) -> kb.Analysis:
    return kb.analyze(seed)
