"""Notebooks are numbered, titled, linked, and committed without outputs.

They are executed by `make test` through nbmake (pytest --nbmake notebooks).
"""

import json
import re

import pytest
from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks():
    assert NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_clean_and_titled(path):
    assert re.fullmatch(r"\d\d[a-z]?_[a-z0-9_]+\.ipynb", path.name)
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = nb["cells"]
    for i, cell in enumerate(cells):
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], f"{path.name} cell {i} has outputs"
            assert cell.get("execution_count") is None, f"{path.name} cell {i} has an execution count"
            src = "".join(cell["source"])
            assert "sys.path" not in src
    first, last = cells[0], cells[-1]
    assert first["cell_type"] == "markdown" and "".join(first["source"]).startswith("# ")
    assert last["cell_type"] == "markdown"


@pytest.mark.parametrize("path", NOTEBOOKS[:-1], ids=lambda p: p.name)
def test_notebook_links_to_the_next(path):
    nxt = NOTEBOOKS[NOTEBOOKS.index(path) + 1]
    last = "".join(json.loads(path.read_text(encoding="utf-8"))["cells"][-1]["source"])
    assert f"({nxt.name})" in last
