"""The layered layout (docs/design/0008-layout.md): imports go downward; old paths still work.

These are the only tests that import the OLD flat module paths (``karabakh.quotes``).
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import karabakh as kb
from karabakh._moved import MOVED, new_name

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "karabakh"
LAYERS = ("text", "extract", "output")
# what each layer may import from the package (besides itself and the top-level
# records and resources): text nothing, extractors text, outputs text and extractors
MAY_IMPORT = {"text": set(), "extract": {"text"}, "output": {"text", "extract"}}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every karabakh module ``path`` imports, at module level or inside a function."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("karabakh")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if not target.startswith("karabakh"):
                continue
            if node.module is None or target in ("karabakh", *(f"karabakh.{x}" for x in LAYERS)):
                found |= {f"{target}.{a.name}" for a in node.names}
            else:
                found.add(target)
    return found


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 and parts[1] in LAYERS else None


def _upward_imports() -> set[tuple[str, str]]:
    bad = set()
    for path in PACKAGE.rglob("*.py"):
        name = _module_name(path)
        here = _layer(name)
        if here is None:
            continue
        for target in _imports(path):
            there = _layer(target)
            if there is not None and there != here and there not in MAY_IMPORT[here]:
                bad.add((name, target))
    return bad


def test_each_layer_imports_only_the_layers_below():
    # none is allowed (the known ones are gone: quote marks and the reporting
    # verbs are text-layer modules, score_statements lives in output/evaluate.py)
    upward = _upward_imports()
    assert not upward, sorted(upward)


def test_the_import_checker_sees_relative_and_lazy_imports():
    # document.py imports sentences at module level and quote_marks inside a method
    found = _imports(PACKAGE / "text" / "document.py")
    assert "karabakh.text.sentences" in found and "karabakh.text.quote_marks" in found
    # statements.py imports a relative name of another layer (..text.lexicon)
    assert "karabakh.text.lexicon" in _imports(PACKAGE / "extract" / "statements.py")


def test_no_flat_module_is_left_at_the_top():
    top = {p.stem for p in PACKAGE.glob("*.py")}
    assert top == {"__init__", "__main__", "_moved", "records", "resources"}
    for old, new in MOVED.items():
        assert (PACKAGE / f"{new.replace('.', '/')}.py").is_file(), (old, new)


@pytest.mark.parametrize("old", sorted(MOVED))
def test_old_path_is_the_same_module_object(old):
    new = importlib.import_module(f"karabakh.{MOVED[old]}")
    assert importlib.import_module(f"karabakh.{old}") is new
    assert sys.modules[f"karabakh.{old}"] is new
    assert getattr(kb, old) is new


@pytest.mark.parametrize(
    ("statement", "name", "module"),
    [
        ("from karabakh.quotes import extract_quotes", "extract_quotes", "karabakh.extract.quotes"),
        ("from karabakh.dates import find_dates", "find_dates", "karabakh.extract.dates"),
        ("from karabakh.sentences import SentenceIndex", "SentenceIndex", "karabakh.text.sentences"),
        ("from karabakh.evaluate import score_extractor", "score_extractor", "karabakh.output.evaluate"),
        ("from karabakh import casualties as c", "c", "karabakh.extract.casualties"),
        ("import karabakh.actors as a", "a", "karabakh.text.actors"),
    ],
)
def test_old_import_statements_work(statement, name, module):
    namespace: dict[str, object] = {}
    exec(statement, namespace)
    obj = namespace[name]
    assert getattr(obj, "__module__", getattr(obj, "__name__", None)) == module


def test_moved_names_only():
    assert new_name("karabakh.records") is None and new_name("karabakh.quotesx") is None
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("karabakh.no_such_module")
    with pytest.raises(AttributeError):
        _ = kb.no_such_module


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    return out.stdout


def test_import_karabakh_imports_neither_matplotlib_nor_the_old_names():
    out = _run("import sys, karabakh\n"
               "print(sorted(m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'pandas') "
               "or m in {'karabakh.' + k for k in karabakh._moved.MOVED}))\n"
               "print(karabakh.plots is sys.modules['karabakh.output.plots'])")
    assert out.splitlines() == ["[]", "True"]


@pytest.mark.parametrize("module", ["karabakh.evaluate", "karabakh.output.evaluate"])
def test_python_dash_m_runs_old_and_new_paths(module):
    out = subprocess.run([sys.executable, "-m", module, "--help"], capture_output=True,
                         text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("usage: python -m karabakh.output.evaluate")
    assert "Warning" not in out.stderr, out.stderr
