"""Parse untrusted XML with lxml, refusing DTDs, entities and oversized input."""

from lxml import etree

from .errors import PublicatieFout
from .tree import clean_text

MAX_BYTES = 20 * 1024 * 1024  # larger than any real verordening by two orders of magnitude


def _parser() -> etree.XMLParser:
    # A fresh parser per call: lxml parsers keep state and we keep none at module level.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def check_size(data: bytes) -> None:
    if len(data) > MAX_BYTES:
        raise PublicatieFout(
            f"Het bestand is te groot ({len(data) // (1024 * 1024)} MB); "
            f"de grens is {MAX_BYTES // (1024 * 1024)} MB."
        )


def parse_xml(data: bytes) -> etree._Element:
    """Return the root element, or raise PublicatieFout for hostile or malformed XML."""
    check_size(data)
    head = data[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in data.lower():
        raise PublicatieFout(
            "XML met een DOCTYPE- of ENTITY-declaratie wordt om veiligheidsredenen niet gelezen."
        )
    try:
        root = etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as exc:
        raise PublicatieFout(f"Het bestand is geen geldige XML: {exc.msg}.") from None
    if root is None:
        raise PublicatieFout("Het bestand bevat geen XML-inhoud.")
    if root.getroottree().docinfo.internalDTD is not None:
        raise PublicatieFout("XML met een DTD wordt om veiligheidsredenen niet gelezen.")
    return root


def local(el) -> str:
    """The local name of an element, whatever its namespace ("" for comments/PIs)."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def namespace(el) -> str:
    tag = el.tag
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""


def children(el, *names: str):
    """Child elements with one of these local names (any namespace)."""
    return [c for c in el if local(c) in names]


def child(el, *names: str):
    for c in el:
        if local(c) in names:
            return c
    return None


def descendants(el, *names: str):
    return [d for d in el.iter() if local(d) in names]


def text_of(el) -> str:
    """All text inside an element, whitespace folded."""
    if el is None:
        return ""
    return clean_text("".join(el.itertext()))
