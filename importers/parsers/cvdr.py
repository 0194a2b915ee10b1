"""CVDR XML: consolidated local regulations (namespace
http://standaarden.overheid.nl/cvdr/terms/, or with namespaces stripped).

Metadata comes from meta/(owmskern|owmsmantel|cvdripm); the text is
body/regeling with the same element names as OP (see opbody).
"""

from __future__ import annotations

import re

from ..dates import parse_iso
from ..errors import PublicatieFout
from ..organisations import organisation
from ..tree import Document, Metadata
from ..xmlsafe import child, descendants, local, parse_xml
from .opbody.element_text import inline_text
from .opbody.finishing import finish
from .opbody.prose_metadata import fill_from_prose
from .opbody.regeling import read_regeling
from .opbody.walker import BodyWalker
from .registry import register

_CVDR_ID = re.compile(r"^(?:CVDR)?\s*(?P<work>\d+)(?:_(?P<version>\d+))?$", re.I)


@register("cvdr")
def parse(data: bytes, bron: str) -> Document:
    root = parse_xml(data)
    if local(root) != "cvdr":
        raise PublicatieFout(f"Geen CVDR-regeling: het hoofdelement is <{local(root)}>.")
    meta = read_metadata(child(root, "meta"))
    label = meta.identifier or bron or "Deze regeling"
    body = child(root, "body")
    regeling = child(body, "regeling") if body is not None else None
    if regeling is None:
        raise PublicatieFout(f"{label} bevat geen regelingtekst (geen <regeling> in <body>).")
    meta.titel = meta.titel or inline_text(child(body, "intitule"))

    doc = Document(metadata=meta)
    walker = BodyWalker()
    read_regeling(doc, regeling, walker, label)
    fill_from_prose(doc)  # only where the metadata left a field empty
    finish(doc, walker)
    return doc


def read_metadata(meta_el) -> Metadata:
    meta = Metadata(formaat="cvdr")
    if meta_el is None:
        return meta
    meta.identifier, meta.cvdr_id = normalise_identifier(_text(meta_el, "identifier"))
    meta.werk_id = meta.cvdr_id  # every version (_1, _2, …) of one regulation shares it
    meta.titel = _text(meta_el, "title")
    meta.citeertitel = _text(meta_el, "alternative")
    meta.gemeente = _text(meta_el, "creator")
    creator = next(iter(descendants(meta_el, "creator")), None)
    if creator is not None:
        meta.organisatie = organisation(creator.get("scheme", ""), meta.gemeente)
    meta.bevoegd_orgaan = _text(meta_el, "isRatifiedBy")
    meta.soort = _text(meta_el, "type")
    meta.vastgesteld_op = parse_iso(_text(meta_el, "issued"))
    meta.in_werking_op = parse_iso(_text(meta_el, "inwerkingtredingDatum"))
    meta.uitgewerkt_op = parse_iso(_text(meta_el, "uitwerkingtredingDatum"))
    meta.bron = source_url(meta_el)
    return meta


def normalise_identifier(raw: str) -> tuple[str, str]:
    """("112779_1") -> ("CVDR112779_1", "CVDR112779"): the prefix is sometimes missing."""
    m = _CVDR_ID.match(raw.strip())
    if not m:
        return raw.strip(), ""
    work = f"CVDR{m.group('work')}"
    return (f"{work}_{m.group('version')}" if m.group("version") else work), work


def source_url(meta_el) -> str:
    """The publication this version came from, when isFormatOf names it by URL."""
    for el in descendants(meta_el, "isFormatOf"):
        url = (el.get("resourceIdentifier") or "").strip()
        if url.startswith(("http://", "https://")):
            return url
    return ""


def _text(meta_el, name: str) -> str:
    found = descendants(meta_el, name)
    return inline_text(found[0]) if found else ""
