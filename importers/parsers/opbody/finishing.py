"""The last pass shared by OP and CVDR: begrippen, toelichtingen, warnings.

Articles without a number keep none: a number the source does not have would be cited by
readers and would attract links ("artikel 3") that the regulation never made.
"""

from __future__ import annotations

from ...explanations import add_explanation, parts_from_blocks
from ...tree import Document
from .definitions_article import collect_begrippen
from .walker import BodyWalker


def finish(doc: Document, walker: BodyWalker) -> None:
    """Last steps shared by OP and CVDR: definitions, toelichtingen, warnings."""
    doc.begrippen.extend(collect_begrippen(doc))
    for titel, blocks in walker.explanations:
        general, parts = parts_from_blocks(blocks)
        add_explanation(doc, general, parts, titel=titel)
    unnumbered = sum(not a.nummer for a in doc.artikelen())
    if unnumbered:
        walker.warnings.append(
            f"{unnumbered} artikel(en) zonder nummer in de bron; ze staan zonder nummer op de site."
        )
    # The preamble may be read twice (see regeling.use_fallback): say each thing once.
    doc.warnings.extend(w for w in dict.fromkeys(walker.warnings) if w not in doc.warnings)
