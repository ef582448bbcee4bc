"""Write a notebook from a plain-text cell list, without outputs, in canonical form.

Usage:
    python tools/make_notebook.py SPEC.py OUT.ipynb       # percent script -> notebook
    python tools/make_notebook.py --to-percent NB.ipynb SPEC.py   # and back, to edit
    python tools/make_notebook.py --canonical NB.ipynb ...  # rewrite in canonical form

SPEC.py is Python source whose cells are separated by lines `# %% [markdown]`
or `# %%` (the "percent" format many editors use). Markdown cells have each
line prefixed by `# `. A cell line may carry tags, `# %% tags=["parameters"]`
(papermill's parameters cell). Used to keep notebook sources reviewable; the
committed .ipynb files are the notebooks themselves.

Canonical form is what Jupyter itself writes (`nbformat.write`: one-space
indent, sorted keys, source split in lines) and what the nbstripout git
filter of `make install` keeps: no outputs, no execution counts, cell ids
"0", "1", ... in order, notebook metadata only the kernelspec that ipykernel
installs (Lab adds `language_info` when it opens a notebook; the filter drops
it again). Opening such a notebook in Lab and saving it changes nothing that
git sees.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import nbformat

#: The kernelspec that `python -m ipykernel install` (and the venv's Jupyter) uses.
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}

_TAGS = re.compile(r"tags\s*=\s*(\[[^\]]*\])")


def cells_from_percent(text: str) -> list[nbformat.NotebookNode]:
    cells = []
    kind, tags, lines = None, [], []

    def flush() -> None:
        if kind is None:
            return
        body = "\n".join(lines).strip("\n")
        if kind == "markdown":
            body = "\n".join(line[2:] if line.startswith("# ") else line.lstrip("#") for line in body.splitlines())
            cell = nbformat.v4.new_markdown_cell(body)
        else:
            cell = nbformat.v4.new_code_cell(body)
        if tags:
            cell.metadata["tags"] = list(tags)
        cells.append(cell)

    for line in text.splitlines():
        if line.startswith("# %%"):
            flush()
            kind = "markdown" if "[markdown]" in line else "code"
            m = _TAGS.search(line)
            tags = json.loads(m.group(1)) if m else []
            lines = []
        else:
            lines.append(line)
    flush()
    return cells


def percent_from_notebook(nb: nbformat.NotebookNode) -> str:
    """The percent-format script of a notebook (inverse of :func:`cells_from_percent`)."""
    parts = []
    for cell in nb.cells:
        tags = cell.get("metadata", {}).get("tags")
        suffix = f" tags={json.dumps(tags)}" if tags else ""
        if cell.cell_type == "markdown":
            body = "\n".join(f"# {line}" if line else "#" for line in cell.source.splitlines())
            parts.append(f"# %% [markdown]{suffix}\n{body}\n")
        else:
            parts.append(f"# %%{suffix}\n{cell.source}\n")
    return "\n".join(parts)


def canonical(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook without outputs, counts, extra metadata; ids 0, 1, ...; kernelspec fixed."""
    out = nbformat.v4.new_notebook()
    out.metadata["kernelspec"] = dict(KERNELSPEC)
    for i, cell in enumerate(nb.cells):
        tags = cell.get("metadata", {}).get("tags")
        if cell.cell_type == "code":
            new = nbformat.v4.new_code_cell(cell.source)
        elif cell.cell_type == "markdown":
            new = nbformat.v4.new_markdown_cell(cell.source)
        else:
            new = nbformat.v4.new_raw_cell(cell.source)
        if tags:
            new.metadata["tags"] = list(tags)
        new["id"] = str(i)
        out.cells.append(new)
    return out


def write(nb: nbformat.NotebookNode, path: Path) -> None:
    nbformat.validate(nb)
    nbformat.write(nb, path)


def main(argv: list[str]) -> None:
    if argv[:1] == ["--to-percent"]:
        nb = nbformat.read(argv[1], as_version=4)
        Path(argv[2]).write_text(percent_from_notebook(nb), encoding="utf-8")
    elif argv[:1] == ["--canonical"]:
        for name in argv[1:]:
            write(canonical(nbformat.read(name, as_version=4)), Path(name))
    else:
        spec, out = Path(argv[0]), Path(argv[1])
        nb = nbformat.v4.new_notebook()
        nb.cells = cells_from_percent(spec.read_text(encoding="utf-8"))
        write(canonical(nb), out)


if __name__ == "__main__":
    main(sys.argv[1:])
