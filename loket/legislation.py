"""What the loket reads from regelgeving: the regeling a flow applies, its version in force on a
day, its articles and its begrippen.

The one place loket reads regelgeving's pages, so the flows can point to the rules without
knowing how regelgeving stores them. (loket depends on regelgeving, never the reverse.)
"""

from __future__ import annotations

from datetime import date

from regelgeving.models import BegripPage, RegelingPage


def regeling(slug: str) -> RegelingPage | None:
    return RegelingPage.objects.live().filter(slug=slug).first()


def version_in_force(regeling_slug: str, day: date | None = None):
    """The version of the regeling in force on `day` (today), via regelgeving's one rule."""
    found = regeling(regeling_slug)
    return found.versie_op(day) if found else None


def artikel_url(regeling_slug: str, nummer: str) -> str | None:
    """The article in the version in force today."""
    found = regeling(regeling_slug)
    return found.artikel_url(nummer) if found else None


def artikel_link(regeling_slug: str, nummer: str, peildatum: date) -> tuple[str, str] | None:
    """(label, url) of an article as it read on `peildatum`: the rules that applied then."""
    found = regeling(regeling_slug)
    if found is None:
        return None
    return f"Artikel {nummer}", f"{found.artikel_url(nummer)}?peildatum={peildatum.isoformat()}"


def begrip(term: str) -> BegripPage | None:
    """The newest live definition of `term`."""
    return BegripPage.objects.live().filter(term__iexact=term).order_by("-versie__in_werking_op").first()
