"""What every page's template may use: the gemeente of the site asked for (header, footer, house
style) and the links the footer shows on every page."""

from __future__ import annotations

from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from .gemeenten import gemeente_van_request
from .models.informatie import verklaringen as published_verklaringen


def gemeente(request) -> dict:
    """`gemeente`: the Gemeente setting of the request's site (None on a host no site serves)."""
    return {"gemeente": SimpleLazyObject(lambda: gemeente_van_request(request))}


def verklaringen(request) -> dict:
    """`verklaringen.toegankelijkheidsverklaring` and `verklaringen.privacyverklaring`: the
    published pages of this site, read once per response and only by a template that uses them."""
    return {"verklaringen": SimpleLazyObject(lambda: published_verklaringen(_site_root(request)))}


def _site_root(request):
    site = Site.find_for_request(request)
    return site.root_page if site else None
