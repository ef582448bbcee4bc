"""Notebooks are numbered, titled, linked, canonical and committed without outputs;
the report built from them shows every chart, works offline and links its pages.

`make test` also executes each notebook through nbmake. The report tests run
`tools/build_report.py` (what `make report` runs) once on the seed and once on
a short article of our own, and inspect the executed notebooks and the HTML.
Any numbered notebook is picked up by the glob, whoever adds it.
"""

from __future__ import annotations

import html.parser
import importlib.util
import json
import re
import sys
from pathlib import Path

import nbformat
import pytest
from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
NUMBERED = sorted((ROOT / "notebooks").glob("[0-9][0-9]*.ipynb"))
OWN_ARTICLE = ROOT / "tests" / "articles" / "report_own_article.txt"
OWN_DATELINE = "2023-10-01"


def _load_tool(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


report = _load_tool("build_report")
make_notebook = _load_tool("make_notebook")


def test_there_are_notebooks():
    assert NOTEBOOKS and NUMBERED == NOTEBOOKS


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


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_in_canonical_form(path):
    """Jupyter (and Lab's autosave) would write back exactly these bytes."""
    raw = path.read_bytes()
    assert nbformat.writes(nbformat.reads(raw.decode("utf-8"), as_version=4)).encode() + b"\n" == raw
    nb = nbformat.reads(raw.decode("utf-8"), as_version=4)
    expected = make_notebook.canonical(nb)
    assert nbformat.writes(expected) == nbformat.writes(nb), (
        f"run: python tools/make_notebook.py --canonical {path.relative_to(ROOT)}"
    )


def test_percent_round_trip_keeps_cells_and_tags():
    nb = nbformat.read(NOTEBOOKS[0], as_version=4)
    back = make_notebook.canonical(
        nbformat.v4.new_notebook(cells=make_notebook.cells_from_percent(
            make_notebook.percent_from_notebook(nb)))
    )
    assert [(c.cell_type, c.source, c.metadata) for c in back.cells] == [
        (c.cell_type, c.source, c.metadata) for c in nb.cells
    ]


# --------------------------------------------------------------------------- the report

class _Resources(html.parser.HTMLParser):
    """Collect what a browser would load (src, stylesheet href, CSS url()) and the links."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self.links: list[str] = []
        self.images: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("src"):
            self.loads.append(a["src"])
        if tag == "img":
            self.images.append(a.get("src") or "")
        if tag == "link" and a.get("href"):
            self.loads.append(a["href"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if a.get("style"):
            self.loads.extend(re.findall(r"url\(([^)]*)\)", a["style"]))
        self._in = tag if tag in {"style", "script"} else None

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "style":
            css = re.sub(r"/\*.*?\*/", "", data, flags=re.S)
            self.loads.extend(re.findall(r"url\(\s*['\"]?([^'\")]*)", css))
            self.loads.extend(re.findall(r"@import\s+['\"]([^'\"]+)", css))
        elif self._in == "script":
            self.loads.extend(re.findall(r"""(?:import\(|from\s)\s*['"]([^'"]+)""", data))


def _parse(path: Path) -> _Resources:
    parser = _Resources()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    return out, report.build(out=out, echo=False)


def _page(built, path):
    out, pages = built
    (page,) = [p for p in pages if p.notebook.name == path.name]
    return out, page


@pytest.mark.parametrize("path", NUMBERED, ids=lambda p: p.name)
def test_every_chart_cell_shows_its_figure(seed_report, path):
    out, page = _page(seed_report, path)
    charts = report.chart_cells(page.nb)
    assert report.missing_charts(page.nb) == []
    images = sum(len(report.images_of(page.nb.cells[i])) for i in charts)
    assert images >= len(charts)
    embedded = [s for s in _parse(out / page.html_name).images if s.startswith("data:image/png")]
    assert len(embedded) >= len(charts), f"{page.html_name}: {len(embedded)} images"
    assert len(page.figures) == images
    for name in page.figures:
        assert (out / "figures" / f"{name}.png").stat().st_size > 1000
        assert (out / "figures" / f"{name}.svg").read_text(encoding="utf-8").lstrip().startswith("<")


def test_the_image_check_catches_a_chart_drawn_with_agg(tmp_path):
    """MPLBACKEND=Agg in a kernel (the old Makefile's bug) draws nothing: the check must say so."""
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# 00 · Probe"),
        nbformat.v4.new_code_cell(
            "import karabakh as kb\nanalysis = kb.analyze(kb.Article.from_text('One. Two.'))\n"
            "fig = kb.plots.plot_sentence_lengths(analysis)"),
        nbformat.v4.new_code_cell(
            "import matplotlib\nmatplotlib.use('Agg')\n"
            "fig = kb.plots.plot_sentence_lengths(analysis)"),
    ])
    path = tmp_path / "00_probe.ipynb"
    nbformat.write(nb, path)
    executed = report.execute(path, {})
    assert report.chart_cells(executed) == [1, 2]
    assert report.missing_charts(executed) == [2]


def test_report_pages_load_nothing_from_the_network(seed_report):
    out, pages = seed_report
    for name in ["index.html", *(p.html_name for p in pages)]:
        loads = _parse(out / name).loads
        remote = [u for u in loads if re.match(r"\s*(https?:)?//", u)]
        assert remote == [], f"{name} loads {remote}"
        assert "require.js" not in (out / name).read_text(encoding="utf-8")


def test_report_links_resolve_and_follow_the_order(seed_report):
    out, pages = seed_report
    for i, page in enumerate(pages):
        links = [h.split("#")[0] for h in _parse(out / page.html_name).links if not h.startswith("#")]
        assert not [h for h in links if h.endswith(".ipynb")]
        for href in links:
            if not re.match(r"[a-z]+:", href):
                assert (out / href).exists(), f"{page.html_name} links to missing {href}"
        assert "index.html" in links
        if i + 1 < len(pages):
            assert pages[i + 1].html_name in links
    index = _parse(out / "index.html")
    pages_linked = [h for h in index.links if h.endswith(".html")]
    assert pages_linked == [p.html_name for p in pages] == [p.stem + ".html" for p in NUMBERED]
    shown = [s for s in index.images]
    assert shown == [f"figures/{n}.png" for p in pages for n in p.figures]
    for src in shown:
        assert (out / src).is_file()


@pytest.mark.parametrize("nb_line", [
    ("# 01 · Reading\n\n**Purpose.** Open the article. Then more.", ("01 · Reading", "Open the article.")),
    ("# Actors\n\nWho is `mentioned` in [the text](x.md), and how.\nSecond line.",
     ("Actors", "Who is mentioned in the text, and how.")),
])
def test_index_line_is_the_first_sentence_of_the_purpose(nb_line):
    source, expected = nb_line
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(source)])
    assert report.title_and_line(nb) == expected
