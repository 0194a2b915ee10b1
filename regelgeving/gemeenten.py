"""Which gemeente a request, a page or a site belongs to. Every gemeente is one Wagtail Site
(see models/gemeente.py); its pages hang below that site's home page."""

from __future__ import annotations

from wagtail.models import Page, Site

from .models.gemeente import Gemeente


def gemeente_van_site(site: Site | None) -> Gemeente | None:
    return Gemeente.for_site(site) if site is not None else None


def gemeente_van_request(request) -> Gemeente | None:
    """The gemeente of the host asked for; None when no site answers for it."""
    site = Site.find_for_request(request)
    return Gemeente.for_request(request) if site is not None else None


def gemeente_van_pagina(page: Page) -> Gemeente | None:
    """The gemeente whose site holds this page (mails and tasks have no request to ask)."""
    site = page.get_site()
    return gemeente_van_site(site)


def standaard_gemeente() -> Gemeente | None:
    """The gemeente of the default site: the one a single-gemeente installation has."""
    return gemeente_van_site(Site.objects.filter(is_default_site=True).first())


def paginas_van(gemeente: Gemeente):
    """Every page of the gemeente's site (a queryset to filter search and lists by)."""
    return Page.objects.descendant_of(gemeente.site.root_page, inclusive=True)
