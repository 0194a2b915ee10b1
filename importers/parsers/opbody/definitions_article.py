"""Begrippen from the articles that define terms ("In deze verordening wordt verstaan onder:")."""

from __future__ import annotations

import re

from ...definitions import begrippen_from_blocks, split_definition
from ...tree import Alinea, Artikel, Begrip, Block, Document, Lid, Lijst, ListItem, block_text

_DEFINITIONS_INTRO = re.compile(r"\b(?:wordt|worden)\b.{0,100}?\bverstaan\s+onder\b", re.I | re.S)
_DEFINITIONS_TITLE = re.compile(r"^(?:begripsbepaling(?:en)?|begrippen|definities?)\b", re.I)


def is_definitions_article(artikel: Artikel) -> bool:
    return bool(
        _DEFINITIONS_TITLE.match(artikel.opschrift) or _DEFINITIONS_INTRO.search(block_text(artikel.blocks))
    )


def collect_begrippen(doc: Document) -> list[Begrip]:
    found: list[Begrip] = []
    for artikel in doc.artikelen():
        if is_definitions_article(artikel):
            view = definition_view(artikel.blocks)
            found.extend(begrippen_from_blocks(view, f"artikel {artikel.nummer}", lowercase_terms=True))
    return found


def definition_view(blocks: list[Block]) -> list[Block]:
    """Leden that read "term: definitie" (CVDR lid a., b., …) seen as list items."""
    out: list[Block] = []
    for b in blocks:
        first = b.blocks[0] if isinstance(b, Lid) and b.blocks else None
        if isinstance(first, Alinea) and split_definition(first.text, lowercase_terms=True):
            out.append(Lijst([ListItem(b.nr, b.blocks)]))
        else:
            out.append(b)
    return out
