"""Results put first ("vastgepind") because the query names them: a cited place or a begrip.

A citation ("artikel 2.2", "bijlage II") and a begrip named by the whole text part of the
query are looked up in the database, not in the search index: they are found whatever their
text, in every version in scope, and come before the text results on the first page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wagtail.models import Site

from ..models import ArtikelPage, BijlagePage, DivisiePage, RegelingPage
from .paging import PAGE_SIZE
from .published import GenoemdBegrip
from .query import Citation
from .result_lines import Treffer, load_result_lines
from .scope import Scope


@dataclass
class Pinned:
    """Result lines to put first, and what to tell the inwoner about them."""

    treffers: list[Treffer] = field(default_factory=list)
    meldingen: list[str] = field(default_factory=list)


def citation_targets(citation: Citation, versie_ids: list[int]):
    """The pages a citation names in the versions in scope (a queryset of one page type)."""
    nummer = citation.nummer
    if citation.kind in ("artikel", "nummer"):
        found = ArtikelPage.objects.live().filter(versie_id__in=versie_ids, nummer__iexact=nummer)
        if citation.kind == "artikel" or found.exists():
            return found
        return DivisiePage.objects.live().filter(versie_id__in=versie_ids, nummer=nummer)
    if citation.kind == "bijlage":
        return BijlagePage.objects.live().filter(versie_id__in=versie_ids, nummer__iexact=nummer)
    return DivisiePage.objects.live().filter(versie_id__in=versie_ids, soort=citation.kind, nummer=nummer)


def pin_citation(
    citation: Citation,
    scope: Scope,
    alle_versies: bool,
    regeling: RegelingPage | None,
    site: Site | None = None,
) -> Pinned:
    """The places a citation names (an article's lid as the anchor of its URL), or a message
    saying where it was looked for (the peildatum, the chosen regeling, or every version)."""
    targets = citation_targets(citation, list(scope))
    rows = targets.values_list("pk", "versie_id", "path")
    pinned = _pin_first(rows, scope, "verwijzing", citation.label().capitalize(), site)
    for treffer in pinned.treffers:
        if citation.lid and treffer.soort == "artikel":
            treffer.url += f"#lid-{citation.lid}"
    if not pinned.treffers:
        waar = "in de versies die op de peildatum golden"
        if alle_versies:
            waar = "in geen enkele versie"
        elif regeling:
            waar = f"in de versie van {regeling.title} die op de peildatum gold"
        pinned.meldingen.append(
            f"{citation.label().capitalize()} staat niet {waar}."
            + ("" if alle_versies else " Zoek eventueel in alle versies.")
        )
    return pinned


def pin_begrippen(
    named: list[GenoemdBegrip], scope: Scope, already: set[int], site: Site | None = None
) -> Pinned:
    """The begrippen the query names (see published.Published.begrippen_named) in scope, but
    not those `already` pinned (by a citation)."""
    rows = [(b.pk, b.versie_id, b.path) for b in named if b.versie_id in scope and b.pk not in already]
    return _pin_first(rows, scope, "begrip", "Het begrip", site)


def _pin_first(rows, scope: Scope, why: str, what: str, site: Site | None) -> Pinned:
    """The first pages of `rows` ((pk, versie id, path) of pages in versions in scope) in order
    of regeling, saying how many there are when more; only the pinned pages are loaded."""
    pinned = Pinned()
    ordered = sorted((scope[versie_id].regeling.title, path, pk) for pk, versie_id, path in rows)
    if len(ordered) > PAGE_SIZE:
        # The same number or begrip in many regelingen: the first ones, and how to see the rest.
        pinned.meldingen.append(
            f"{what} staat in {len(ordered)} regelingen; hier de eerste {PAGE_SIZE}. "
            "Kies een regeling om daarin te zoeken."
        )
    first = [pk for _, _, pk in ordered[:PAGE_SIZE]]
    loaded = load_result_lines(first, scope, pinned=why, site=site)
    pinned.treffers = [loaded[pk] for pk in first if pk in loaded]
    return pinned
