"""Imported by the corpus fork server: load the dictionaries once, before workers fork.

Every worker process of :func:`karabakh.analyze_corpus` is forked from the
fork server, so each starts with the dictionaries already in memory (shared
copy-on-write) instead of loading them itself.

The fork server's warm-up is serial: no worker starts before it ends. Its
largest useless cost was scipy (1.2 s of nltk's 1.4 s import): nltk imports
``scipy.stats`` only for ``fisher_exact`` in its collocation measures, inside
``try: ... except ImportError``, and karabakh never uses those measures. So
scipy is hidden while nltk is imported here, then made importable again for
anything that needs it later.
"""

import importlib.abc
import sys


class _NoScipy(importlib.abc.MetaPathFinder):
    """Make ``import scipy`` fail with ImportError while it is on sys.meta_path."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name == "scipy" or name.startswith("scipy."):
            raise ImportError(f"{name} is not loaded by the karabakh corpus fork server")
        return None


_blocker = _NoScipy()
if "nltk" not in sys.modules:
    sys.meta_path.insert(0, _blocker)
try:
    import nltk  # noqa: F401
finally:
    if _blocker in sys.meta_path:
        sys.meta_path.remove(_blocker)

from .corpus import _warm_up  # noqa: E402

_warm_up()
