"""When each version of a regulation applies: the timeline behind every status and peildatum.

Pure functions on version objects (anything with `in_werking_op`, `uitgewerkt_op` and
`pk`), so pages, the API and the comparison views all use the same rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

GELDEND, TOEKOMSTIG, VERVALLEN, CONCEPT = "geldend", "toekomstig", "vervallen", "concept"
STATUS_LABELS = {
    GELDEND: "Geldend",
    TOEKOMSTIG: "Toekomstig",
    VERVALLEN: "Vervallen",
    CONCEPT: "Concept",
}


@dataclass(frozen=True)
class Geldigheid:
    versie: object
    vanaf: date | None  # None: from the start of records
    tot: date | None  # last day in force (inclusive); None: open-ended


def tijdlijn(versies) -> list[Geldigheid]:
    """Validity of each published version: from its in-werking date until the day before
    the next version starts, or until its explicit end date when that comes first."""
    ordered = sorted(versies, key=lambda v: (v.in_werking_op or date.min, v.pk))
    out: list[Geldigheid] = []
    for i, versie in enumerate(ordered):
        tot = versie.uitgewerkt_op
        start = versie.in_werking_op or date.min
        volgende = next((w for w in ordered[i + 1 :] if w.in_werking_op and w.in_werking_op > start), None)
        if volgende is not None:
            einde = volgende.in_werking_op - timedelta(days=1)
            tot = min(tot, einde) if tot else einde
        out.append(Geldigheid(versie, versie.in_werking_op, tot))
    return out


def geldig_op(lijn: list[Geldigheid], peildatum: date) -> Geldigheid | None:
    """The entry in force on `peildatum`, or None when no version applied that day."""
    for entry in reversed(lijn):
        if (entry.vanaf is None or entry.vanaf <= peildatum) and (
            entry.tot is None or peildatum <= entry.tot
        ):
            return entry
    return None


def status(entry: Geldigheid | None, peildatum: date, live: bool = True) -> str:
    if not live or entry is None:
        return CONCEPT
    if entry.vanaf and entry.vanaf > peildatum:
        return TOEKOMSTIG
    if entry.tot and entry.tot < peildatum:
        return VERVALLEN
    return GELDEND


def parse_peildatum(value: str) -> date:
    """ "2026-03-01" -> date; ValueError with a Dutch message otherwise."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(
            f"'{value}' is geen geldige peildatum; gebruik de vorm JJJJ-MM-DD, bijvoorbeeld 2026-03-01."
        ) from None
