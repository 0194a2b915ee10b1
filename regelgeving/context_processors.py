"""What every page's template may use: the links the footer shows on every page."""

from __future__ import annotations

from django.utils.functional import SimpleLazyObject

from .models.informatie import verklaringen as published_verklaringen


def verklaringen(request) -> dict:
    """`verklaringen.toegankelijkheidsverklaring` and `verklaringen.privacyverklaring`: the
    published pages, read once per response and only by a template that uses them."""
    return {"verklaringen": SimpleLazyObject(published_verklaringen)}
