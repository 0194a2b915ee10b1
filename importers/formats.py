"""Detect a publication's format from its content and hand it to the right parser.

The parsers register themselves by format in ``parsers.registry``; this module sits above
them and only imports them, never the other way round.
"""

from __future__ import annotations

from .control_characters import strip_from_document
from .definitions import begrippen_from_annexes
from .errors import PublicatieFout
from .figures import warn_missing_images
from .packages import Files, files_from_zip, is_zip

# Importing a parser module registers its parse function under its format.
from .parsers import cvdr, html, op, stop, tekst  # noqa: F401
from .parsers.registry import register as parsers
from .parsers.stop_package import parse_package
from .standards import CVDR_NS, STOP_NS_PREFIX
from .status import warn_empty_articles
from .tree import Document
from .xmlsafe import check_size, local, namespace, parse_xml

_METADATA_ROOTS = {
    "metadata_gegevens": "een metadatarecord (metadata.xml)",
    "owms-metadata": "een metadatarecord (OWMS)",
    "record": "een zoekresultaat (SRU-record)",
    "RegelingMetadata": "regelingmetadata uit een STOP-pakket",
    "RegelingVersieMetadata": "versiemetadata uit een STOP-pakket",
    "ExpressionIdentificatie": "identificatie uit een STOP-pakket",
    "Pakbon": "een pakbon van een STOP-downloadpakket",
}
_WHOLE_PACKAGE = "het hele pakket: de map of het zip-bestand"


def detect(data: bytes) -> str:
    """Return "op", "cvdr", "stop", "html" or "tekst"; raise for anything else."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048].lower()
    if not head:
        raise PublicatieFout("Het bestand is leeg.")
    if head.startswith(b"<"):
        if b"<html" in head or head.startswith(b"<!doctype html"):
            return "html"
        root = parse_xml(data)
        name, ns = local(root), namespace(root)
        if name == "officiele-publicatie" and not ns:
            return "op"
        if name == "cvdr" and ns in (CVDR_NS, ""):
            return "cvdr"
        if name in ("AanleveringBesluit", "RegelingCompact", "BesluitCompact") and (
            ns.startswith(STOP_NS_PREFIX)
        ):
            return "stop"
        if name in _METADATA_ROOTS:
            advice = _WHOLE_PACKAGE if "STOP" in _METADATA_ROOTS[name] else "de publicatie zelf"
            raise PublicatieFout(f"Dit is {_METADATA_ROOTS[name]}, geen publicatie; importeer {advice}.")
        if name == "html":
            return "html"
        shown = f"{{{ns}}}{name}" if ns else name
        raise PublicatieFout(f"Onbekend documenttype: hoofdelement <{shown}>.")
    if b"\x00" in data[:4096]:
        raise PublicatieFout("Onbekend bestandstype: dit is geen XML, HTML of tekst.")
    return "tekst"


def parse_publicatie(data: bytes, bron: str = "") -> Document:
    """Parse any supported publication into the neutral tree. Pure: no database.

    A zip is a publication delivered as several files (a STOP download package)."""
    check_size(data)
    if is_zip(data):
        return parse_files(files_from_zip(data), bron)
    formaat = detect(data)
    return _finish(parsers[formaat](data, bron), formaat, bron)


def parse_files(files: Files, bron: str = "") -> Document:
    """A publication delivered as a folder or a zip: a STOP download package, or one file."""
    if len(files) == 1:
        ((name, data),) = files.items()
        return parse_publicatie(data, bron or name)
    return _finish(parse_package(files, bron), "stop", bron)


def _finish(document: Document, formaat: str, bron: str) -> Document:
    strip_from_document(document)  # before anything reads the text: the same on every database
    if not document.begrippen:
        document.begrippen = begrippen_from_annexes(document.bijlagen, document.artikelen())
    document.metadata.formaat = formaat
    if not document.metadata.bron:
        document.metadata.bron = bron
    if not document.artikelen() and not document.bijlagen and not document.body:
        raise PublicatieFout("Geen artikelen of hoofdstukken gevonden: dit lijkt geen regeling te zijn.")
    warn_missing_images(document)
    warn_empty_articles(document)
    return document
