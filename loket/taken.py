"""The ways into the loket from the rest of the site: the flows on the home page, and on an
article the flows that apply it ("Dit regelt u in het loket"). Regelgeving asks for them
through its hooks (regelgeving/taken.py); loket/wagtail_hooks.py registers these answers."""

from __future__ import annotations

from regelgeving.taken import Taak

from . import legislation
from .models import FlowPage


def _taak(page: FlowPage) -> Taak:
    return Taak(title=page.title, url=page.url, description=page.search_description)


def flows_on_home(home) -> list[Taak]:
    """Every published flow below the home page, in the order of the loket."""
    pages = FlowPage.objects.live().public().descendant_of(home).order_by("path")
    return [_taak(page) for page in pages]


def flows_citing(artikel) -> list[Taak]:
    """The published flows whose governing articles include this one: the same number in the
    same regeling, when this article is in the version in force today (the version the flow
    pages link to); an article of an older or a future version names no flow."""
    versie = artikel.versie
    if not artikel.nummer or versie is None:
        return []
    regeling = versie.get_parent().specific
    in_force = legislation.version_in_force(regeling)
    if in_force is None or in_force.pk != versie.pk:
        return []
    pages = (
        FlowPage.objects.live()
        .public()
        .filter(artikelen__regeling=regeling, artikelen__nummer=artikel.nummer)
        .distinct()
        .order_by("path")
    )
    return [_taak(page) for page in pages]
