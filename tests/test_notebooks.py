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
import subprocess
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


def _git_filter() -> str | None:
    """The clean command of the nbstripout git filter, when `make install` set it up."""
    try:
        out = subprocess.run(["git", "config", "--get", "filter.nbstripout.clean"], cwd=ROOT,
                             capture_output=True, text=True, check=False)
    except OSError:
        return None
    return out.stdout.strip() or None


def committed_form(path: Path) -> bytes:
    """What `git add` would store: the file through the nbstripout filter, if it is set up.

    A researcher who runs a notebook in Lab has outputs on disk; with the filter they
    never reach a commit, so the tests judge the notebook as git would store it.
    """
    raw = path.read_bytes()
    clean = _git_filter()
    if clean is None:
        return raw
    done = subprocess.run(clean, shell=True, cwd=ROOT, input=raw, capture_output=True, check=True)
    return done.stdout


def test_there_are_notebooks():
    assert NOTEBOOKS and NUMBERED == NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_clean_and_titled(path):
    assert re.fullmatch(r"\d\d[a-z]?_[a-z0-9_]+\.ipynb", path.name)
    nb = json.loads(committed_form(path).decode("utf-8"))
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
    raw = committed_form(path)
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


@pytest.mark.parametrize("path", NUMBERED, ids=lambda p: p.name)
def test_notebook_takes_its_article_from_a_parameters_cell(path):
    """A notebook about the seed reads it from one cell tagged `parameters` (papermill)."""
    nb = nbformat.read(path, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) <= 1
    code = [c.source for c in nb.cells if c.cell_type == "code" and c not in tagged]
    assert not [s for s in code if "000_bf20561892d8202b" in s], "the seed is named outside the parameters"
    if tagged:
        assert re.search(r"^article_path\s*=", tagged[0].source, re.M)
        assert re.search(r"^dateline\s*=", tagged[0].source, re.M)
        assert any("read_article(article_path" in s for s in code)


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
def own_report(tmp_path_factory):
    """The report of `make report ARTICLE=... DATELINE=...` on our own short article.

    One build serves every report test (nbmake already runs each notebook on the
    seed); the seed's own report is the same code with the default parameters.
    """
    out = tmp_path_factory.mktemp("own")
    return out, report.build(OWN_ARTICLE, OWN_DATELINE, out=out, echo=False)


def _page(built, path):
    out, pages = built
    (page,) = [p for p in pages if p.notebook.name == path.name]
    return out, page


@pytest.mark.parametrize("path", NUMBERED, ids=lambda p: p.name)
def test_every_chart_cell_shows_its_figure(own_report, path):
    out, page = _page(own_report, path)
    charts = report.chart_cells(page.nb)
    assert report.missing_charts(page.nb) == []
    drawn = [i for i in charts if report.images_of(page.nb.cells[i])]
    images = sum(len(report.images_of(page.nb.cells[i])) for i in charts)
    if path.name[:2] in {"01", "02", "03", "04", "05", "09"}:  # these draw every chart on any article
        assert drawn == charts
    embedded = [s for s in _parse(out / page.html_name).images if s.startswith("data:image/png")]
    assert len(embedded) >= len(drawn), f"{page.html_name}: {len(embedded)} images"
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
    assert report.images_of(executed.cells[1]) and not report.images_of(executed.cells[2])


def test_report_pages_load_nothing_from_the_network(own_report):
    out, pages = own_report
    for name in ["index.html", *(p.html_name for p in pages)]:
        loads = _parse(out / name).loads
        remote = [u for u in loads if re.match(r"\s*(https?:)?//", u)]
        assert remote == [], f"{name} loads {remote}"
        assert "require.js" not in (out / name).read_text(encoding="utf-8")


def test_report_links_resolve_and_follow_the_order(own_report):
    out, pages = own_report
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


def test_report_on_another_article(own_report):
    """`make report ARTICLE=... DATELINE=...`: every notebook runs on that article."""
    out, pages = own_report
    assert [p.notebook.name for p in pages] == [p.name for p in NUMBERED]
    assert (out / "index.html").is_file()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert OWN_ARTICLE.name in index and OWN_DATELINE in index
    for page in pages:
        assert report.missing_charts(page.nb) == [], page.notebook.name
        text = (out / page.html_name).read_text(encoding="utf-8")
        if "read_article(article_path" in "".join(c.source for c in page.nb.cells):
            assert "report_own_article" in text, page.notebook.name
            assert "000_bf20561892d8202b" not in text.replace(
                "../seeds/000_bf20561892d8202b.txt", ""), page.notebook.name


def test_report_rejects_a_missing_article(tmp_path):
    with pytest.raises(ValueError, match="does not exist"):
        report.build(tmp_path / "nope.txt", None, out=tmp_path, echo=False)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        report.build(OWN_ARTICLE, "1 Oct 2023", out=tmp_path, echo=False)
