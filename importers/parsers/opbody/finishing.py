"""The last pass shared by OP and CVDR: article numbers, begrippen, warnings."""

from __future__ import annotations

from ...tree import Document
from .definitions_article import collect_begrippen
from .walker import BodyWalker


def finish(doc: Document, walker: BodyWalker) -> None:
    """Last steps shared by OP and CVDR: numbers, definitions, warnings."""
    number_anonymous_articles(doc, walker)
    doc.begrippen.extend(collect_begrippen(doc))
    if walker.images:
        walker.warnings.append(
            f"{walker.images} afbeelding(en) niet overgenomen; vergelijk de tekst met de bron."
        )
    doc.warnings.extend(walker.warnings)


def number_anonymous_articles(doc: Document, walker: BodyWalker) -> None:
    """Articles without any number get their position, if that number is still free."""
    artikelen = doc.artikelen()
    used = {a.nummer for a in artikelen if a.nummer}
    for position, artikel in enumerate(artikelen, start=1):
        if artikel.nummer:
            continue
        number = position
        while str(number) in used:
            number += 1
        artikel.nummer = str(number)
        used.add(artikel.nummer)
        walker.warnings.append(
            f"Het {position}e artikel heeft geen nummer; het kreeg nummer {number} "
            "op basis van de volgorde."
        )
