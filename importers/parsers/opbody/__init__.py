"""The body of OP (officiële publicaties) and CVDR XML, read into the neutral tree.

OP and CVDR name the regulation text the same way (regeling-tekst, hoofdstuk,
artikel, kop, lid, al, lijst/li, CALS table, bijlage, nota-toelichting). Only list
numbering differs: OP writes ``li/li.nr``, CVDR ``li/@nr``; both are accepted.
All matching is on local names, so namespaced and namespace-stripped files work.

One job per module, lowest first:

- ``element_names``: what each element name means (structure, inline, numbering, …)
- ``element_text``: the text of an element and of its kop
- ``tidy``: small corrections on freshly built nodes (lists, law tags, status)
- ``cals_tables``: CALS tables as a rectangular grid
- ``walker``: ``BodyWalker``, elements to divisions, articles, annexes and blocks
- ``preamble_fallback``: articles written as bold lines in the preamble
- ``regeling``: a <regeling> or <wet-besluit> into aanhef, body, sluiting, bijlagen
- ``definitions_article``: begrippen from the definitions article
- ``finishing``: the last pass (numbers, begrippen, warnings)
- ``prose_metadata``: dates, citation title and organ read from the text

The OP and CVDR parsers import from these modules directly; this package exports nothing.
"""
