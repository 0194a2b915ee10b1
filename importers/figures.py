"""Figures and the image files that may come with them (a STOP download package holds them).

Tree in, tree out: a Figuur names its image (``bron``); where the publication delivers that
file, its bytes become ``Figuur.data``. Figures whose image is not delivered are named in one
warning, so an editor knows which pictures to look up in the source.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from .tree import Block, Document, Figuur, iter_blocks

# What each image format's file starts with: a file that claims to be an image must be one.
_IMAGE_MAGIC = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
}


def figures(doc: Document) -> list[Figuur]:
    """Every figure of the document, each once, in reading order."""
    groups: list[list[Block]] = [doc.aanhef]
    for node, _ in doc.iter_nodes():
        groups.append(node.blocks)
        groups.append(getattr(node, "toelichting", []))
    groups += [b.blocks for b in doc.bijlagen] + [b.definitie for b in doc.begrippen]
    groups += [doc.sluiting, doc.toelichting.blocks if doc.toelichting else []]
    found: dict[int, Figuur] = {}
    for group in groups:
        for block in iter_blocks(group):
            if isinstance(block, Figuur):
                found.setdefault(id(block), block)
    return list(found.values())


def image_files(files: dict[str, bytes]) -> tuple[dict[str, bytes], list[str]]:
    """The package's images by file name (lower case), and the names of files that claim to be
    an image but are not."""
    images: dict[str, bytes] = {}
    bad: list[str] = []
    for path, data in files.items():
        name = PurePosixPath(path).name.lower()
        magic = _IMAGE_MAGIC.get(PurePosixPath(name).suffix)
        if magic is None:
            continue
        if data.startswith(magic):
            images.setdefault(name, data)
        else:
            bad.append(path)
    return images, bad


def fill_figures(doc: Document, files: dict[str, bytes]) -> None:
    """Give each figure the image file of that name from the package."""
    images, bad = image_files(files)
    for path in bad:
        doc.warnings.append(f"{path} in het pakket is geen afbeelding en is niet gebruikt.")
    for figuur in figures(doc):
        data = images.get(PurePosixPath(figuur.bron.replace("\\", "/")).name.lower())
        if data is not None:
            figuur.data = data


def warn_missing_images(doc: Document) -> None:
    """One warning naming every figure whose image the publication does not hold."""
    names = list(dict.fromkeys(f.bron or "zonder naam" for f in figures(doc) if f.data is None))
    if names:
        doc.warnings.append(
            f"{len(names)} afbeelding(en) zitten niet in het geïmporteerde bestand; ze zijn "
            f"overgenomen als figuur met naam en bijschrift, zonder beeld: {', '.join(names)}."
        )


def lost_image(naam: str, where: str = "") -> str:
    """The warning for an image the tree has no room for (a table cell, a heading): named, never
    dropped in silence. `where`: "in een tabel" when that is known."""
    plaats = f" {where}" if where else ""
    return f"Afbeelding '{naam or 'zonder naam'}'{plaats} is niet overgenomen; bekijk die in de bron."
