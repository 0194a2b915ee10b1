"""Which versions a search looks in: the one in force per regeling on a peildatum, or all of them.

Worked out from the live regelingen and version timelines in memory (published.py), with
`validity`, the rule behind `RegelingPage.versie_op`, so search and pages always agree on
"which version applied".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from .. import validity
from ..models import RegelingPage
from .published import Published, Regeling, Versie, published


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
    """The versions in scope by page id, and the paths of the site's version pages left out (not
    in force, not live, or under a regeling not live or not chosen): see searchable.in_versions."""

    left_out: tuple[str, ...] = ()


def versions_in_scope(
    peildatum: date,
    alle_versies: bool = False,
    regeling: RegelingPage | None = None,
    loaded: Published | None = None,
) -> Scope:
    """Live versions to search, by page id: per regeling the one in force on `peildatum`
    (none where no version applied that day), or every version when `alle_versies`."""
    loaded = loaded or published()
    scope = Scope()
    for in_regeling, lijn in loaded.regelingen:
        if regeling is not None and in_regeling.pk != regeling.pk:
            continue
        entries = lijn if alle_versies else [validity.geldig_op(lijn, peildatum)]
        for entry in entries:
            if entry is not None:
                scope[entry.versie.pk] = VersieInScope(entry.versie, in_regeling, entry)
    in_scope = {entry.versie.path for entry in scope.values()}
    scope.left_out = tuple(path for path in loaded.version_paths if path not in in_scope)
    return scope
