"""A <regeling> or <wet-besluit> read into a Document's aanhef, body, sluiting and bijlagen."""

from __future__ import annotations

from ...errors import PublicatieFout
from ...tree import Document
from ...xmlsafe import child
from .preamble_fallback import fallback_from_aanhef
from .walker import BodyWalker


def read_regeling(doc: Document, regeling, walker: BodyWalker, label: str) -> None:
    """Fill aanhef, body, sluiting and bijlagen from a <regeling> or <wet-besluit>."""
    aanhef = child(regeling, "aanhef")
    tekst = child(regeling, "regeling-tekst", "wettekst")
    doc.aanhef = walker.blocks(aanhef)
    if tekst is not None:
        loose, doc.body = walker.nodes(tekst)
        doc.aanhef.extend(loose)
    if not doc.body and aanhef is not None:
        use_fallback(doc, aanhef, walker)
    doc.sluiting.extend(walker.blocks(child(regeling, "regeling-sluiting", "wetsluiting")))
    doc.bijlagen.extend(walker.annexes(regeling))
    if not doc.body:
        raise PublicatieFout(
            f"{label} bevat geen artikelen of hoofdstukken; alleen regelingen worden geïmporteerd."
        )


def use_fallback(doc: Document, aanhef, walker: BodyWalker) -> bool:
    parts = fallback_from_aanhef(aanhef, walker)
    if parts is None:
        return False
    doc.aanhef, doc.body, doc.bijlagen, doc.sluiting = (
        parts.aanhef,
        parts.body,
        parts.bijlagen,
        parts.sluiting,
    )
    walker.warnings.append(
        "De regelingtekst was leeg; de artikelen zijn afgeleid uit vetgedrukte kopjes "
        "('Artikel …') in de aanhef. Controleer de indeling."
    )
    return True
