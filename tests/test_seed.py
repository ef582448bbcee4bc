"""The seed is immutable raw data: its bytes and its sidecar are pinned."""

import hashlib
import json

from conftest import ROOT, SEED_PATH

SEED_SHA256 = "e1f1faac932b2453e119da8e3e97072563fc89bc4e32493c01fcd7f99209414f"


def test_seed_bytes_are_unchanged():
    assert hashlib.sha256(SEED_PATH.read_bytes()).hexdigest() == SEED_SHA256


def test_sidecar_describes_the_seed():
    meta = json.loads(SEED_PATH.with_suffix(".json").read_text(encoding="utf-8"))
    assert meta["sha256"] == SEED_SHA256
    assert meta["dateline"] == "2023-09-20"
    assert meta["language"] == "en"
    assert meta["file"] == SEED_PATH.name
    assert {"Tass", "Ria Novosti"} <= set(meta["agencies_cited"])
    # What is not known is said to be unknown, not invented.
    assert meta["outlet"] is None and meta["url"] is None
    assert {"outlet", "url"} <= set(meta["unknown"])


def test_only_news_text_in_repo_is_the_seed():
    txts = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "seeds").glob("*.txt"))
    assert txts == ["seeds/000_bf20561892d8202b.txt"]
