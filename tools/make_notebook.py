"""Write a notebook from a plain-text cell list, without outputs.

Usage: python tools/make_notebook.py SPEC.py OUT.ipynb

SPEC.py is Python source whose cells are separated by lines `# %% [markdown]`
or `# %%` (the "percent" format many editors use). Markdown cells have each
line prefixed by `# `. Used to keep notebook sources reviewable; the committed
.ipynb files are the notebooks themselves.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat


def cells_from_percent(text: str) -> list[nbformat.NotebookNode]:
    cells = []
    kind, lines = None, []

    def flush() -> None:
        if kind is None:
            return
        body = "\n".join(lines).strip("\n")
        if kind == "markdown":
            body = "\n".join(line[2:] if line.startswith("# ") else line.lstrip("#") for line in body.splitlines())
            cells.append(nbformat.v4.new_markdown_cell(body))
        else:
            cells.append(nbformat.v4.new_code_cell(body))

    for line in text.splitlines():
        if line.startswith("# %%"):
            flush()
            kind = "markdown" if "[markdown]" in line else "code"
            lines = []
        else:
            lines.append(line)
    flush()
    return cells


def main() -> None:
    spec, out = Path(sys.argv[1]), Path(sys.argv[2])
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    nb.cells = cells_from_percent(spec.read_text(encoding="utf-8"))
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:02d}"
    nbformat.write(nb, out)


if __name__ == "__main__":
    main()
