"""The panel against the gemeente's population, and invitations per member this year."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone

from ..choices import groups_of
from ..models import Bevolkingsaandeel, Panellid, Uitnodiging
from ..models.panel import MAX_INVITATIONS_PER_YEAR
from .results import pct

# A group is under-represented when its share of the panel is below this part of its share
# of the population.
UNDER = 0.8


@dataclass
class Groep:
    label: str
    leden: int
    panel_procent: int
    bevolking_procent: float | None

    @property
    def ondervertegenwoordigd(self) -> bool:
        return self.bevolking_procent is not None and self.panel_procent < UNDER * self.bevolking_procent


def composition(dimensie: str, gemeente) -> list[Groep]:
    """The gemeente's confirmed members per age group or kern, beside its population."""
    choices = groups_of(dimensie, gemeente)
    counts = Counter(
        dict(
            Panellid.objects.filter(gemeente=gemeente, bevestigd_op__isnull=False)
            .values(dimensie)
            .annotate(n=Count("pk"))
            .values_list(dimensie, "n")
        )
    )
    total = sum(counts.values())
    shares = dict(
        Bevolkingsaandeel.objects.filter(gemeente=gemeente, dimensie=dimensie).values_list(
            "waarde", "aandeel"
        )
    )
    return [
        Groep(label, counts[key], pct(counts[key], total), float(shares[key]) if key in shares else None)
        for key, label in choices
    ]


def invitations_this_year(gemeente, today=None) -> list[tuple[int, int]]:
    """(number of invitations this year, number of the gemeente's confirmed members with that many)."""
    jaar = (today or timezone.localdate()).year
    per_member = Counter(
        dict(
            Uitnodiging.objects.filter(jaar=jaar, lid__gemeente=gemeente)
            .values("lid_id")
            .annotate(n=Count("pk"))
            .values_list("lid_id", "n")
        )
    )
    members = Panellid.objects.filter(gemeente=gemeente, bevestigd_op__isnull=False).count()
    spread = Counter(per_member.values())
    spread[0] = members - sum(n for k, n in spread.items() if k)
    return [(k, spread.get(k, 0)) for k in range(MAX_INVITATIONS_PER_YEAR + 1)]
