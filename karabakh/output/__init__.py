"""The outputs: what is built from the text layer and the extractors together.

``analysis`` (``analyze()``, the pipeline), ``evaluate`` (precision, recall
and F1 against hand annotations), ``plots`` (charts, imported only when
used: matplotlib), ``todo`` (what a researcher should check), ``corpus``
and ``_corpus_warm`` (corpus mode), ``templates`` (the invented template
corpus), ``geo`` (country outlines for maps) and ``cli`` (the ``karabakh``
command). Nothing in ``karabakh.text`` or ``karabakh.extract`` imports these
at module level (``docs/design/0008-layout.md``).
"""
