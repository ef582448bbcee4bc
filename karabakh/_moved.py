"""Old flat module paths (``karabakh.quotes``) resolve to the layered modules.

Until the layout of ``docs/design/0008-layout.md`` the package was flat:
``karabakh/quotes.py``, ``karabakh/dates.py`` ... Researchers' code and
notebooks import those paths, so :class:`MovedFinder` (installed on
``sys.meta_path`` by ``import karabakh``) maps each old dotted name to its new
module. Nothing is imported until an old name is asked for, and the old name
then *is* the new module (``karabakh.quotes is karabakh.extract.quotes``), so
monkeypatching and ``isinstance`` checks through either path agree.
``python -m karabakh.evaluate`` runs ``karabakh.output.evaluate`` as a script.

>>> import importlib
>>> importlib.import_module("karabakh.quotes").__name__
'karabakh.extract.quotes'
>>> MOVED["plots"]
'output.plots'
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
from collections.abc import Sequence
from types import CodeType, ModuleType

#: old module name under ``karabakh`` -> its path under ``karabakh`` now.
MOVED: dict[str, str] = {
    **{m: f"text.{m}" for m in (
        "_patterns", "actors", "articles", "clauses", "document", "lexicon", "references",
        "sentences")},
    **{m: f"extract.{m}" for m in (
        "casualties", "datelines", "dates", "events", "quotes", "statements")},
    **{m: f"output.{m}" for m in (
        "_corpus_warm", "analysis", "cli", "corpus", "evaluate", "geo", "plots", "templates",
        "todo")},
}

_PREFIX = "karabakh."


def new_name(old: str) -> str | None:
    """The module a dotted name of the flat layout now lives in, or ``None``.

    Args:
        old: a full module name such as ``"karabakh.quotes"``.

    Returns:
        The new full name (``"karabakh.extract.quotes"``), or ``None`` when
        ``old`` is no moved module.

    >>> new_name("karabakh.dates"), new_name("karabakh.records")
    ('karabakh.extract.dates', None)
    """
    if not old.startswith(_PREFIX):
        return None
    rest = MOVED.get(old[len(_PREFIX):])
    return None if rest is None else _PREFIX + rest


class _AliasLoader(importlib.abc.Loader):
    """Loads an old name by importing the new module and registering it under both."""

    def __init__(self, target: str) -> None:
        self.target = target

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return None  # a placeholder; exec_module replaces it in sys.modules

    def exec_module(self, module: ModuleType) -> None:
        # The import system returns whatever sys.modules holds under the name
        # once exec_module is done: the real module, not the placeholder.
        sys.modules[module.__name__] = importlib.import_module(self.target)

    def get_code(self, fullname: str) -> CodeType:
        """What ``python -m <old name>`` runs: the new module, as ``__main__``."""
        source = f"import runpy\nrunpy.run_module({self.target!r}, run_name='__main__', alter_sys=True)\n"
        return compile(source, f"<{fullname}: moved to {self.target}>", "exec")


class MovedFinder(importlib.abc.MetaPathFinder):
    """Finds the old flat module names of ``karabakh`` (see :data:`MOVED`).

    >>> import sys
    >>> any(isinstance(f, MovedFinder) for f in sys.meta_path)
    True
    """

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        """A spec whose loader imports the new module, for a moved name only."""
        new = new_name(fullname)
        if new is None:
            return None
        return importlib.util.spec_from_loader(fullname, _AliasLoader(new))


def install() -> None:
    """Put one :class:`MovedFinder` on ``sys.meta_path`` (again: no second one).

    >>> install(); sum(isinstance(f, MovedFinder) for f in sys.meta_path)
    1
    """
    if not any(isinstance(f, MovedFinder) for f in sys.meta_path):
        sys.meta_path.append(MovedFinder())
