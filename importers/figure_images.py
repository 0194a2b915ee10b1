"""Images in the text: those the publication holds become Wagtail images.

A STOP package carries its `Illustratie` files; an XML or HTML publication alone only names
them. A figure whose image is missing keeps its file name and caption on the page; the parsers
name such figures in the report (figures.py).
"""

from __future__ import annotations

import hashlib
from io import BytesIO

from django.core.files.images import ImageFile
from wagtail.images.models import Image

from .tree import Figuur


class FigureImages:
    def __init__(self, store: bool):
        # A dry run writes no image files: the database rolls back, the disk would not.
        self.store = store
        self.warnings: list[str] = []

    def image_id(self, figuur: Figuur) -> int | None:
        """The Wagtail image of this figure, created once per image content; None when missing."""
        if figuur.data is None or not self.store:
            return None
        naam = figuur.bron or "zonder naam"
        file_hash = hashlib.sha1(figuur.data).hexdigest()  # Wagtail's own Image.file_hash
        existing = Image.objects.filter(file_hash=file_hash).first()
        if existing:
            return existing.pk
        try:
            bestand = ImageFile(BytesIO(figuur.data), name=naam)
            # Wagtail's upload form sets the hash and size; a plain save does not, and without
            # the hash the lookup above would never find this image again.
            image = Image(
                title=(figuur.bijschrift or naam)[:255],
                file=bestand,
                file_hash=file_hash,
                file_size=len(figuur.data),
            )
            image.save()
        except Exception:  # noqa: BLE001 - any unreadable image becomes a warning, not a failed import
            self.warnings.append(f"Afbeelding '{naam}' kon niet worden gelezen en is niet opgenomen.")
            return None
        return image.pk
