"""Parts that are reserved or repealed ("Gereserveerd", "[Vervallen]") keep their number and
heading and say so through their status instead of showing the marker as text.

Tree in, tree out; shared by the parsers whose sources write the status as words.
"""

from __future__ import annotations

import re

from .tree import Alinea, Artikel, Bijlage, Divisie, Document

_WORD = re.compile(r"^[\[(]?\s*(?P<word>vervallen|gereserveerd)\s*\.?\s*[\])]?\.?$", re.I)


def status_word(text: str) -> str:
    """ "[Vervallen]", "(gereserveerd)", "Vervallen." -> "vervallen" / "gereserveerd"; else ""."""
    m = _WORD.match((text or "").strip())
    return m.group("word").lower() if m else ""


def mark_status(node: Artikel | Divisie | Bijlage, attribute: str = "") -> None:
    """The status from an attribute (status="vervallen"), the heading or the only text."""
    node.status = node.status or status_word(attribute)
    if word := status_word(node.opschrift):
        node.status, node.opschrift = word, ""
    holds_more = isinstance(node, Divisie) and node.children
    if len(node.blocks) == 1 and isinstance(node.blocks[0], Alinea) and not holds_more:
        if word := status_word(node.blocks[0].text):
            node.status, node.blocks = word, []


def warn_empty_articles(doc: Document) -> None:
    """An article with neither text nor a status (a page that lost its text, a heading only)
    becomes an empty page; the report names it so an editor fills it in or checks the source."""
    empty = [a.nummer or "zonder nummer" for a in doc.artikelen() if not a.blocks and not a.status]
    if len(empty) == 1:
        doc.warnings.append(f"Artikel {empty[0]} heeft geen tekst; de pagina is leeg. Kijk de bron na.")
    elif empty:
        doc.warnings.append(
            f"De artikelen {', '.join(empty)} hebben geen tekst; hun pagina's zijn leeg. Kijk de bron na."
        )
