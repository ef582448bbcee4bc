"""A batch function for tests/test_corpus.py that makes its worker process die hard.

The workers of ``analyze_corpus(processes=2)`` fork from a fork server, so
they never see a test's monkeypatches. But they receive the function to run
for each batch by pickle, which names it by module and class: a test puts a
:class:`DieOn` in place of ``karabakh.output.corpus._run_batch`` in the
parent, and each worker imports this module (the parent's ``sys.path``,
where pytest put this folder, reaches every worker) and calls it.
"""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from karabakh.output import corpus

# Taken when this module is imported, before any test replaces it.
_real_run_batch = corpus._run_batch


@dataclass(frozen=True)
class DieOn:
    """Run a batch as analyze_corpus does, unless it holds one of ``stems``
    (file names without ``.txt``): then its worker writes the batch's
    extractor parts and dies before its ``articles`` part, as a worker
    killed halfway would, leaving parts behind.

    ``how``: ``"kill"`` (SIGKILL, what the out-of-memory killer sends) or
    ``"exit"`` (``os._exit(1)``, with no clean-up at all). A Dask worker,
    which returns its tables instead of writing parts, dies at once.
    """

    stems: frozenset[str]
    how: str = "kill"
    parent: int = field(default_factory=os.getpid)

    def __call__(
        self, tasks: list[dict[str, Any]], out: str | None = None, stem: str | None = None
    ) -> dict[str, Any]:
        if not any(Path(t["path"]).stem in self.stems for t in tasks):
            return _real_run_batch(tasks, out, stem)
        if os.getpid() == self.parent:
            raise RuntimeError("DieOn would kill the test process: use processes=2")
        if out is None:  # a Dask worker: it returns its tables and writes no part
            self._die()
        write_part = corpus._write_part

        def die_before_articles(out_: Any, table: str, *args: Any, **kwargs: Any) -> Any:
            if table == "articles":
                self._die()
            return write_part(out_, table, *args, **kwargs)

        corpus._write_part = die_before_articles  # in this worker only
        try:
            return _real_run_batch(tasks, out, stem)
        finally:
            corpus._write_part = write_part

    def _die(self) -> None:
        if self.how == "exit":
            os._exit(1)
        os.kill(os.getpid(), signal.SIGKILL)
