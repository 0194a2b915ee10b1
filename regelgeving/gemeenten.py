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


def gemeenten_genoemd(waarde: str) -> list[Gemeente]:
    """The gemeenten a re-user names in `?gemeente=`: CBS codes, slugs or names, separated by
    commas, in that order. Raises ValueError, with a Dutch message, for a name no gemeente of
    this installation has."""
    termen = [term.strip() for term in waarde.split(",") if term.strip()]
    if not termen:
        raise ValueError("Geef bij gemeente een CBS-code (zoals gm1859) of de naam van een gemeente.")
    gemeenten = list(Gemeente.objects.select_related("site__root_page").exclude(naam=""))
    gevonden = []
    for term in termen:
        gemeente = next((g for g in gemeenten if g.heet(term)), None)
        if gemeente is None:
            raise ValueError(
                f"Gemeente '{term}' is onbekend op deze installatie. "
                "Geef een CBS-code (zoals gm1859) of de naam van een gemeente."
            )
        if gemeente not in gevonden:
            gevonden.append(gemeente)
    return gevonden
