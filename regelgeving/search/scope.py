"""Which versions a search looks in: the one in force per regeling on a peildatum, or all of them.

Built from two queries whatever the number of regelingen, and reusing `validity`, the rule
behind `RegelingPage.versie_op`, so search and pages always agree on "which version applied".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from .. import validity
from ..models import RegelingPage, RegelingVersiePage


@dataclass(frozen=True)
class VersieInScope:
    versie: RegelingVersiePage
    regeling: RegelingPage
    geldigheid: validity.Geldigheid

    @property
    def status(self) -> str:
        return validity.status(self.geldigheid, timezone.localdate())

    @property
    def status_label(self) -> str:
        return validity.STATUS_LABELS[self.status]


def versions_in_scope(
    peildatum: date, alle_versies: bool = False, regeling: RegelingPage | None = None
) -> dict[int, VersieInScope]:
    """Live versions to search, by page id: per regeling the one in force on `peildatum`
    (none where no version applied that day), or every version when `alle_versies`."""
    regelingen = RegelingPage.objects.live()
    if regeling is not None:
        regelingen = regelingen.filter(pk=regeling.pk)
    by_path = {r.path: r for r in regelingen.only("id", "title", "path", "url_path", "slug")}
    versies = RegelingVersiePage.objects.live().filter(depth__gt=1)
    if regeling is not None:
        versies = versies.child_of(regeling)
    grouped: dict[str, list[RegelingVersiePage]] = {}
    # Only what the timeline and a result line need: 100 regelingen load in a few milliseconds.
    fields = ("id", "title", "path", "depth", "url_path", "slug", "live", "in_werking_op", "uitgewerkt_op")
    for versie in versies.only(*fields):
        parent_path = versie.path[: -RegelingVersiePage.steplen]
        if parent_path in by_path:
            grouped.setdefault(parent_path, []).append(versie)

    scope: dict[int, VersieInScope] = {}
    for parent_path, group in grouped.items():
        lijn = validity.tijdlijn(group)
        entries = lijn if alle_versies else [validity.geldig_op(lijn, peildatum)]
        for entry in entries:
            if entry is not None:
                scope[entry.versie.pk] = VersieInScope(entry.versie, by_path[parent_path], entry)
    return scope
