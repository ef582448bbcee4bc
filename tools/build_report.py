"""Run every numbered notebook on one article and write a self-contained HTML report.

Usage:
    python tools/build_report.py [--article PATH] [--dateline YYYY-MM-DD] [--out DIR]

Without ``--article`` the notebooks run on their defaults (the seed) into
``reports/``; with it, into ``reports/<article name>/``. For each notebook in
``notebooks/`` whose name starts with two digits, in order:

1. papermill executes it with its ``parameters`` cell overridden
   (``article_path``, ``dateline``); the kernel keeps Jupyter's inline
   backend (never ``MPLBACKEND=Agg``) and emits every chart as PNG and SVG;
2. every chart image is written to ``<out>/figures/`` as PNG and SVG under a
   stable name, ``<NN>_<chart>`` after the ``plot_<chart>`` function the cell
   calls (``02_places_map.png``);
3. the notebook becomes ``<out>/<name>.html`` through a template that loads
   nothing from the network (no require.js, MathJax or mermaid from a CDN;
   images are embedded), with links between pages pointing at ``.html``.

Then ``<out>/index.html`` lists the notebooks in order, one line each, with
their charts inline. One line is printed per notebook with its time.
"""

from __future__ import annotations

import argparse
import base64
import html
import logging
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
TEMPLATES = Path(__file__).resolve().parent / "report_template"
SEED = ROOT / "seeds" / "000_bf20561892d8202b.txt"

#: A call of a chart function in a cell: ``kb.plots.plot_timeline(`` or ``plot_timeline(``.
CHART_CALL = re.compile(r"\bplot_([a-z0-9_]+)\s*\(")
#: A link to a numbered notebook in markdown or HTML.
NOTEBOOK_LINK = re.compile(r'href="(\d\d[a-z]?_[a-z0-9_]+)\.ipynb(#[^"]*)?"')
#: The kernel emits both formats; the page shows the PNG, figures/ keeps both.
#: The kernel's own log (e.g. "running over TCP without encryption", Jupyter's default
#: local transport, as in Lab) is not for the reader; errors in cells still stop the run.
KERNEL_ARGS = ["--InlineBackend.figure_formats={'png', 'svg'}", "--IPKernelApp.log_level=CRITICAL"]


@dataclass
class Page:
    """One executed notebook of the report."""

    notebook: Path
    seconds: float
    nb: object
    figures: list[str] = field(default_factory=list)

    @property
    def html_name(self) -> str:
        return self.notebook.stem + ".html"


def numbered_notebooks(folder: Path = NOTEBOOKS) -> list[Path]:
    """The notebooks of the report, in order: names starting with two digits."""
    return sorted(p for p in folder.glob("[0-9][0-9]*.ipynb") if p.is_file())


def chart_cells(nb: object) -> list[int]:
    """Indices of the code cells that call a ``plot_*`` chart function."""
    return [
        i for i, cell in enumerate(nb.cells)  # type: ignore[attr-defined]
        if cell.cell_type == "code" and CHART_CALL.search(cell.source)
    ]


def images_of(cell: object) -> list[dict[str, object]]:
    """The image outputs (PNG data) of one executed cell."""
    return [
        out["data"] for out in cell.get("outputs", [])  # type: ignore[attr-defined]
        if out.get("output_type") in {"display_data", "execute_result"}
        and "image/png" in out.get("data", {})
    ]


def missing_charts(nb: object) -> list[int]:
    """Chart cells (cells calling ``plot_*``) of an executed notebook that show no image.

    A cell that draws only when there is something to draw (``if table.empty:
    print(...) else: fig = plot_...``) must say why it drew nothing: a chart
    cell with neither an image nor any other output is missing its chart (the
    symptom of a kernel without the inline backend).
    """
    return [
        i for i in chart_cells(nb)
        if not images_of(nb.cells[i]) and not nb.cells[i].get("outputs")  # type: ignore[attr-defined]
    ]


def title_and_line(nb: object) -> tuple[str, str]:
    """The notebook's title (its first ``# `` heading) and a one-line description.

    The line is the first sentence of the first paragraph after the title,
    with markdown emphasis, code marks and a leading ``Purpose.`` removed.
    """
    first = nb.cells[0].source if nb.cells else ""  # type: ignore[attr-defined]
    lines = first.splitlines()
    title = lines[0].lstrip("# ").strip() if lines else ""
    paragraphs = [p.strip() for p in "\n".join(lines[1:]).split("\n\n") if p.strip()]
    text = paragraphs[0] if paragraphs else ""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`]", "", text)
    text = re.sub(r"^\s*Purpose\.\s*", "", " ".join(text.split()))
    m = re.match(r"(.+?[.!?])(\s|$)", text)
    return title, (m.group(1) if m else text)


def save_figures(nb: object, stem: str, out: Path) -> list[str]:
    """Write every chart image of ``nb`` to ``out`` as PNG and SVG; return the names.

    A chart is named after the ``plot_*`` function its cell calls, prefixed by
    the notebook's number; other images are ``<NN>_figure_<k>``. Repeated
    names get ``_2``, ``_3`` ... in order.
    """
    out.mkdir(parents=True, exist_ok=True)
    number = re.match(r"\d\d[a-z]?", stem)
    prefix = number.group(0) if number else stem
    names: list[str] = []
    for cell in nb.cells:  # type: ignore[attr-defined]
        if cell.cell_type != "code":
            continue
        calls = CHART_CALL.findall(cell.source)
        for k, data in enumerate(images_of(cell)):
            base = f"{prefix}_{calls[k] if k < len(calls) else calls[-1] if calls else 'figure'}"
            name, n = base, 1
            while name in names:
                n += 1
                name = f"{base}_{n}"
            names.append(name)
            (out / f"{name}.png").write_bytes(base64.b64decode(str(data["image/png"])))
            svg = data.get("image/svg+xml")
            if svg is not None:
                (out / f"{name}.svg").write_text(str(svg), encoding="utf-8")
                del data["image/svg+xml"]  # the page shows the PNG; the SVG is in figures/
    return names


def execute(path: Path, parameters: dict[str, object]) -> object:
    """Run one notebook with papermill in its own folder; return the executed notebook."""
    import papermill

    return papermill.execute_notebook(
        str(path), None, parameters=parameters or None, cwd=str(path.parent),
        kernel_name="python3", progress_bar=False, log_output=False,
        extra_arguments=KERNEL_ARGS,
    )


def _nav(pages: list[Page], i: int) -> str:
    parts = ['<a href="index.html">Contents</a>']
    if i > 0:
        parts.append(f'<a href="{pages[i - 1].html_name}">&larr; Previous</a>')
    if i + 1 < len(pages):
        parts.append(f'<a href="{pages[i + 1].html_name}">Next &rarr;</a>')
    return '<nav class="kb-nav">' + " · ".join(parts) + "</nav>"


def write_page(pages: list[Page], i: int, out: Path) -> Path:
    """Export one executed notebook to self-contained HTML with working links."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(extra_template_basedirs=[str(TEMPLATES)], template_name="karabakh")
    body, _ = exporter.from_notebook_node(
        pages[i].nb, resources={"metadata": {"name": pages[i].notebook.stem}}
    )
    body = NOTEBOOK_LINK.sub(lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', body)
    nav = _nav(pages, i)
    body = body.replace("<main>", "<main>\n" + nav, 1).replace("</main>", nav + "\n</main>", 1)
    target = out / pages[i].html_name
    target.write_text(body, encoding="utf-8")
    return target


def write_index(pages: list[Page], out: Path, article: str, dateline: str | None) -> Path:
    """The contents page: the notebooks in order, one line each, charts inline."""
    items = []
    for page in pages:
        title, line = title_and_line(page.nb)
        figs = "".join(
            f'<a href="figures/{n}.svg"><img src="figures/{n}.png" alt="{html.escape(n)}"></a>'
            for n in page.figures
        )
        items.append(
            f'<li><a href="{page.html_name}">{html.escape(title)}</a> — {html.escape(line)}'
            f' <span class="kb-time">({page.seconds:.1f} s)</span>'
            + (f'<div class="kb-figs">{figs}</div>' if figs else "") + "</li>"
        )
    when = f", dateline {html.escape(dateline)}" if dateline else ""
    page_html = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>karabakh report: {html.escape(article)}</title>
<style>
body {{ font-family: sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em;
       line-height: 1.45; color: #222; }}
li {{ margin-bottom: 1.2em; }}
.kb-time {{ color: #777; font-size: 90%; }}
.kb-figs img {{ max-width: 28em; max-height: 16em; margin: 0.4em 0.6em 0 0;
               border: 1px solid #ddd; }}
</style>
</head>
<body>
<h1>karabakh report</h1>
<p>Article: <code>{html.escape(article)}</code>{when}. Each page is one notebook, executed on
this article; every chart is also in <a href="figures/">figures/</a> as PNG and SVG.</p>
<ol>
{chr(10).join(items)}
</ol>
</body>
</html>
"""
    target = out / "index.html"
    target.write_text(page_html, encoding="utf-8")
    return target


def build(
    article: Path | None = None,
    dateline: str | None = None,
    out: Path | None = None,
    notebooks: list[Path] | None = None,
    echo: bool = True,
) -> list[Page]:
    """Execute the notebooks on ``article`` and write the report to ``out``."""
    if article is not None and not article.is_file():
        raise ValueError(f"report: article {article} does not exist")
    if dateline is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d", dateline):
        raise ValueError(f"report: dateline {dateline!r} is not YYYY-MM-DD")
    if out is None:
        out = ROOT / "reports" if article is None else ROOT / "reports" / article.stem
    out.mkdir(parents=True, exist_ok=True)
    parameters: dict[str, object] = {}
    if article is not None:
        parameters = {"article_path": str(article.resolve()), "dateline": dateline}
    # Kernels inherit this environment: they must draw with Jupyter's inline backend.
    os.environ.pop("MPLBACKEND", None)
    pages: list[Page] = []
    problems: list[str] = []
    started = time.perf_counter()
    for path in notebooks if notebooks is not None else numbered_notebooks():
        t0 = time.perf_counter()
        nb = execute(path, parameters)
        page = Page(path, time.perf_counter() - t0, nb)
        page.figures = save_figures(nb, path.stem, out / "figures")
        pages.append(page)
        blank = missing_charts(nb)
        if echo:
            print(f"  {path.name:<32} {page.seconds:5.1f} s  {len(page.figures)} chart(s)"
                  + (f"  NO IMAGE from chart cell(s) {blank}" if blank else ""), flush=True)
        if blank:
            problems.append(f"{path.name}: chart cell(s) {blank} show no image")
    for i in range(len(pages)):
        write_page(pages, i, out)
    index = write_index(pages, out, str(article or SEED.relative_to(ROOT)), dateline)
    if echo:
        total = time.perf_counter() - started
        print(f"report: {index.relative_to(Path.cwd()) if index.is_relative_to(Path.cwd()) else index}"
              f"  ({len(pages)} notebooks, {total:.0f} s)")
    if problems:
        raise RuntimeError("; ".join(problems))
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--article", type=Path, default=None)
    parser.add_argument("--dateline", default=None)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    logging.getLogger("papermill").setLevel(logging.ERROR)
    try:
        build(args.article or None, args.dateline or None, args.out)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a notebook failed: say which, not a traceback
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
