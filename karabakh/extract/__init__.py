"""The extractors: one module per kind of fact, each a function of the text layer.

``quotes`` (quotations and claims with their speakers), ``dates`` (date
expressions, sentence dates, TimeML), ``casualties`` (figures of people and
things), ``datelines`` (wire datelines), ``events`` (CAMEO-coded events) and
``statements`` (actors' positions). Each imports the text layer and
``karabakh.records``; one may call another's public functions, never the
output layer (``docs/design/0008-layout.md``). A new extractor is a new
module here.
"""
