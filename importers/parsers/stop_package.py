"""A STOP download package: the regulation text with the files that identify it.

A consolidated download package holds a pakbon (``pakbon-v.1.xml``) that lists its modules,
the text (``Regeling/RegelingTekst.xml``, a RegelingCompact) and beside it
``ExpressionIdentificatie.xml`` (the AKN work and expression), ``RegelingMetadata.xml``
(title, citeertitel, maker) and ``RegelingVersieMetadata.xml``; images named by the text's
``Illustratie`` elements may come with it. Modules are recognised by their root element, the
file names are only a hint. A delivery to the LVBB (an AanleveringBesluit with its images)
reads the same way; it carries its identification inside.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from ..errors import PublicatieFout
from ..figures import fill_figures
from ..tree import Document
from ..xmlsafe import descendants, local, parse_xml, text_of
from .stop import BESLUIT_ROOTS, REGELING_ROOTS, read_stop

IDENTIFICATION = "ExpressionIdentificatie"
# Sibling modules whose content the regulation's metadata is read from.
METADATA_MODULES = (
    IDENTIFICATION,
    "RegelingMetadata",
    "RegelingVersieMetadata",
    "Procedureverloop",
    "ConsolidatieInformatie",
)


def parse_package(files: dict[str, bytes], bron: str) -> Document:
    roots = {name: _parse(name, data) for name, data in files.items() if _is_xml(name)}
    text_name = _text_module(roots)
    folder = PurePosixPath(text_name).parent
    modules = [
        root
        for name, root in roots.items()
        if name != text_name and local(root) in METADATA_MODULES and _near(name, folder)
    ]
    delivered = local(roots[text_name]) not in REGELING_ROOTS  # identified inside
    if not delivered and not any(local(m) == IDENTIFICATION for m in modules):
        raise PublicatieFout(
            f"Het pakket mist {IDENTIFICATION}.xml naast {text_name}; zonder de identificatie "
            "van de regeling kan die niet worden geïmporteerd."
        )
    doc = read_stop(roots[text_name], bron, modules)
    if not delivered and not any(local(m) == "RegelingMetadata" for m in modules):
        doc.warnings.append("Het pakket mist RegelingMetadata.xml; titel en organisatie komen uit de tekst.")
    fill_figures(doc, files)
    return doc


def _text_module(roots: dict) -> str:
    """The one regulation text in the package: the pakbon's RegelingCompact module if it names
    one that is there, else the one file whose root is a regulation, else the one besluit."""
    listed = [n for n in _pakbon_modules(roots) if n in roots and local(roots[n]) in REGELING_ROOTS]
    texts = listed or [n for n, root in roots.items() if local(root) in REGELING_ROOTS]
    besluiten = ("AanleveringBesluit", *BESLUIT_ROOTS)
    texts = texts or [n for n, root in roots.items() if local(root) in besluiten]
    if not texts:
        raise PublicatieFout(
            "Het pakket bevat geen regelingtekst (RegelingCompact); is dit een STOP-downloadpakket?"
        )
    if len(texts) > 1:
        raise PublicatieFout(
            f"Het pakket bevat {len(texts)} regelingteksten ({', '.join(sorted(texts))}); "
            "importeer elke regeling apart."
        )
    return texts[0]


def _pakbon_modules(roots: dict) -> list[str]:
    """File names the pakbon lists, as paths inside the package."""
    names: list[str] = []
    for name, root in roots.items():
        if local(root) != "Pakbon":
            continue
        base = PurePosixPath(name).parent
        for bestand in descendants(root, "bestandsnaam"):
            listed = text_of(bestand).replace("\\", "/").lstrip("/")
            if listed:
                names.append((base / listed).as_posix() if str(base) != "." else listed)
    return names


def _near(name: str, folder: PurePosixPath) -> bool:
    """A module belongs to the text when it sits in the text's folder or above it."""
    parent = PurePosixPath(name).parent
    return parent == folder or parent in folder.parents


def _parse(name: str, data: bytes):
    try:
        return parse_xml(data)
    except PublicatieFout as exc:
        raise PublicatieFout(f"{name} in het pakket: {exc}") from None


def _is_xml(name: str) -> bool:
    return name.lower().endswith(".xml")
