"""Which versions a search looks in: the one in force per regeling on a peildatum, or all of them.

Built from two queries of plain rows whatever the number of regelingen, and reusing `validity`, the rule
behind `RegelingPage.versie_op`, so search and pages always agree on "which version applied".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from .. import validity
from ..models import RegelingPage, RegelingVersiePage


@dataclass(frozen=True)
class Regeling:
    """What a result line needs of a regeling (plain rows: a search may span 100 of them)."""

    pk: int
    title: str
    slug: str


@dataclass(frozen=True)
class Versie:
    """What a result line and the timeline need of a version."""

    pk: int
    title: str
    path: str
    in_werking_op: date | None
    uitgewerkt_op: date | None


@dataclass(frozen=True)
class VersieInScope:
    versie: Versie
    regeling: Regeling
    geldigheid: validity.Geldigheid

    @property
    def status(self) -> str:
        return validity.status(self.geldigheid, timezone.localdate())

    @property
    def status_label(self) -> str:
        return validity.STATUS_LABELS[self.status]


class Scope(dict[int, VersieInScope]):
    """The versions in scope by page id; `every_live_version` tells whether no live version
    was left out (then one path condition covers them all, see service._in_versions)."""

    every_live_version: bool = False


def versions_in_scope(
    peildatum: date, alle_versies: bool = False, regeling: RegelingPage | None = None
) -> Scope:
    """Live versions to search, by page id: per regeling the one in force on `peildatum`
    (none where no version applied that day), or every version when `alle_versies`."""
    regelingen = RegelingPage.objects.live()
    if regeling is not None:
        regelingen = regelingen.filter(pk=regeling.pk)
    by_path = {
        path: Regeling(pk, title, slug)
        for pk, title, slug, path in regelingen.values_list("pk", "title", "slug", "path")
    }
    versies = RegelingVersiePage.objects.live().filter(depth__gt=1)
    if regeling is not None:
        versies = versies.child_of(regeling)
    live = [
        Versie(*row) for row in versies.values_list("pk", "title", "path", "in_werking_op", "uitgewerkt_op")
    ]
    grouped: dict[str, list[Versie]] = {}
    for versie in live:
        parent_path = versie.path[: -RegelingVersiePage.steplen]
        if parent_path in by_path:  # not under a regeling that is not live
            grouped.setdefault(parent_path, []).append(versie)

    scope = Scope()
    for parent_path, group in grouped.items():
        lijn = validity.tijdlijn(group)
        entries = lijn if alle_versies else [validity.geldig_op(lijn, peildatum)]
        for entry in entries:
            if entry is not None:
                scope[entry.versie.pk] = VersieInScope(entry.versie, by_path[parent_path], entry)
    scope.every_live_version = regeling is None and len(scope) == len(live)
    return scope
