"""KOOP "officiële publicaties" XML (officiele-publicatie, no namespace).

One parser for all blads (gemeenteblad, provinciaalblad, bladgemeenschappelijkeregeling,
staatsblad, staatscourant, waterschapsblad). The file carries little metadata: the
identifier sits in the metadata-record URL and dates only in prose, so those are
read from the text (see FORMATS.md, section A).
"""

from __future__ import annotations

import re

from ..dates import parse_iso
from ..errors import PublicatieFout
from ..organisations import organisation
from ..standards import OP_BLADEN
from ..tree import Document, Metadata
from ..xmlsafe import child, local, parse_xml
from .opbody.element_text import inline_text, path
from .opbody.finishing import finish
from .opbody.prose_metadata import fill_from_prose
from .opbody.regeling import read_regeling
from .opbody.walker import BodyWalker
from .registry import register

# gmb-2025-538386, prb-…, bgr-…, wsb-…, stb-…, stcrt-…, trb-…
_IDENTIFIER = re.compile(r"\b((?:gmb|prb|bgr|wsb|stb|stcrt|trb)-\d{4}-\d+)\b", re.I)
_ISSUER = re.compile(
    r"\bvan\s+(?:de\s+|het\s+)?(?P<kind>gemeente|provincie|waterschap|hoogheemraadschap|"
    r"gemeenschappelijke\s+regeling)\s+(?P<name>.+?)[.\s]*$",
    re.I,
)
# Kinds whose bare name could be mistaken for a municipality keep their kind.
_QUALIFIED = {"provincie", "waterschap", "hoogheemraadschap"}
# Children of the blad element that hold no document text.
_NOT_CONTENT = {"kop", "intitule", "metadata", "bijlage"}


@register("op")
def parse(data: bytes, bron: str) -> Document:
    root = parse_xml(data)
    if local(root) != "officiele-publicatie":
        raise PublicatieFout(f"Geen OP-publicatie: het hoofdelement is <{local(root)}>.")
    meta = read_metadata(root, bron)
    label = meta.identifier or bron or "Deze publicatie"
    blad = next((c for c in root if local(c) in OP_BLADEN), None)
    if blad is None:
        raise PublicatieFout(f"{label} bevat geen bekend blad (zoals <gemeenteblad>).")
    meta.titel = inline_text(path(blad, "kop", "titel")) or inline_text(child(blad, "intitule"))
    content = document_element(blad, label)
    meta.soort = local(content)

    doc = Document(metadata=meta)
    walker = BodyWalker()
    read_regeling(doc, content, walker, label)
    doc.bijlagen.extend(walker.annexes(blad))
    read_markup_dates(meta, content)
    fill_from_prose(doc)
    finish(doc, walker)
    return doc


def read_metadata(root, bron: str) -> Metadata:
    meta = Metadata(formaat="op")
    record = metadata_record_url(root)
    found = _IDENTIFIER.search(record) or _IDENTIFIER.search(bron or "")
    meta.identifier = found.group(1).lower() if found else ""
    if meta.identifier:
        meta.bron = f"https://zoek.officielebekendmakingen.nl/{meta.identifier}"
    subtitel = inline_text(path(root, "kop", "subtitel"))
    meta.gemeente = issuer(subtitel)
    meta.organisatie = publishing_organisation(subtitel)
    return meta


def metadata_record_url(root) -> str:
    for el in root.iter():
        if local(el) == "meta" and el.get("name") == "OVERHEIDop.externMetadataRecord":
            return (el.get("content") or "").strip()
    return ""


def issuer(subtitel: str) -> str:
    """ "Officiële uitgave van de gemeente Oldambt" -> "Oldambt";
    "… van provincie Utrecht." -> "provincie Utrecht"; the Staatsblad -> ""."""
    m = _ISSUER.search(subtitel)
    if not m:
        return ""
    kind = m.group("kind").lower()
    return f"{kind} {m.group('name')}" if kind in _QUALIFIED else m.group("name")


def publishing_organisation(subtitel: str) -> str:
    """ "Officiële uitgave van de gemeente Oldambt" -> "gemeente Oldambt"."""
    m = _ISSUER.search(subtitel)
    return organisation(m.group("kind").replace(" ", ""), m.group("name")) if m else ""


def document_element(blad, label: str):
    """The publication itself: <regeling>, <wet-besluit>, … Notices are refused."""
    content = next((c for c in blad if local(c) and local(c) not in _NOT_CONTENT), None)
    if content is None:
        raise PublicatieFout(f"{label} bevat geen tekst.")
    if local(content) == "zakelijke-mededeling":
        raise PublicatieFout(
            f"{label} is een zakelijke mededeling, geen regeling; alleen regelingen worden geïmporteerd."
        )
    return content


def read_markup_dates(meta: Metadata, content) -> None:
    """The few dates OP does mark up: signing (dagtekening) and issue (uitgifte), Staatsblad."""
    for el in content.iter():
        if local(el) != "datum" or el.getparent() is None:
            continue
        parent = local(el.getparent())
        if parent == "dagtekening" and not meta.vastgesteld_op:
            meta.vastgesteld_op = parse_iso(el.get("isodatum"))
        elif parent == "uitgifte" and not meta.publicatiedatum:
            meta.publicatiedatum = parse_iso(el.get("isodatum"))
