"""The extractors: one module per kind of fact, each a function of the text layer.

``quotes`` (quotations in marks, and the speakers of quotations and claims),
``claims`` (reported claims without marks, found for ``quotes``), ``dates``
(date expressions, sentence dates, TimeML), ``casualties`` (figures of people
and things), ``datelines`` (wire datelines), ``events`` (CAMEO-coded events)
and ``statements`` (actors' positions). Each imports the text layer and
``karabakh.records``; one may call another's public functions, never its
private helpers nor the output layer (``docs/design/0008-layout.md``).
``_cues`` is no extractor: the private helpers ``quotes`` and ``claims``
share to read reporting cues. A new extractor is a new module here.
"""
