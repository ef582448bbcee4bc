"""The text layer: the article and what every extractor asks of it.

``articles`` (reading, datelines, headers), ``sentences`` (one sentence and
paragraph index), ``lexicon`` and ``_patterns`` (shared closed lists and
regex tries), ``actors`` (the actor, place and role dictionaries and the
mention tagger), ``clauses`` (subjects, verb groups), ``references`` (what
"he", "the ministry" or "Moscow" refer to) and ``document`` (the
:class:`~karabakh.text.document.Document` that holds them once per article).
This layer imports nothing from ``karabakh.extract`` or ``karabakh.output``
(``docs/design/0008-layout.md``; ``tests/test_layout.py`` checks it).
"""
