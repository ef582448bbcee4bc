"""Imported by the corpus fork server: load the dictionaries once, before workers fork.

Every worker process of :func:`karabakh.analyze_corpus` is forked from the
fork server, so each starts with the dictionaries already in memory (shared
copy-on-write) instead of loading them itself.
"""

from .corpus import _warm_up

_warm_up()
