"""One publication of a bundle imported through the pipeline, and what became of all of them.

Each publication is imported in a transaction of its own, so a refused one leaves the database as
it was and the others go on. A source whose bytes became a version before is skipped as
unchanged (its content hash is kept in GeimporteerdeBron), unless asked to import it again.
The command, the upload task and the status page share the outcome lines and the summary.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify

from regelgeving.models.gemeente import Gemeente
from regelgeving.search.statistics import renew_statistics

from .errors import PublicatieFout
from .formats import parse_publicatie
from .models import GeimporteerdeBron, Importbestand, Importopdracht
from .writer import write_document

logger = logging.getLogger(__name__)

NIEUW, BIJGEWERKT, ONGEWIJZIGD, GEWEIGERD = (
    Importbestand.NIEUW,
    Importbestand.BIJGEWERKT,
    Importbestand.ONGEWIJZIGD,
    Importbestand.GEWEIGERD,
)
_WOORDEN = {
    NIEUW: "geïmporteerd",
    BIJGEWERKT: "bijgewerkt",
    ONGEWIJZIGD: "ongewijzigd",
    GEWEIGERD: "geweigerd",
}


@dataclass(frozen=True)
class Keuzes:
    """What the editor chose for the whole run: the regeling, a dry run, importing unchanged
    sources again, and the gemeente to file under (none: the publisher's own, see
    gemeente_keuze.py)."""

    regeling: str = ""
    proef: bool = False
    opnieuw: bool = False
    gemeente_id: int | None = None


def interne_fout(exc: Exception) -> str:
    return f"Import mislukt door een interne fout ({type(exc).__name__}); er is niets opgeslagen."


@dataclass
class Uitkomst:
    """What became of one publication: imported, updated, unchanged or refused (and why)."""

    naam: str
    soort: str
    reden: str = ""
    rapport: dict | None = None

    def regel(self) -> str:
        """One Dutch line for the terminal and the status page."""
        woord = _WOORDEN[self.soort]
        if self.soort in (NIEUW, BIJGEWERKT) and self.rapport:
            r = self.rapport
            proef = "proef, niets opgeslagen: " if r.get("dry_run") else ""
            concept = " (concept)" if not r.get("live", True) and not r.get("dry_run") else ""
            return f"{self.naam}: {proef}{woord}{concept} – {r['titel']} ({r['identifier']})"
        return f"{self.naam}: {woord} – {self.reden}" if self.reden else f"{self.naam}: {woord}"

    def as_dict(self) -> dict:
        return {"bestand": self.naam, "uitkomst": self.soort, "reden": self.reden, "rapport": self.rapport}

    @property
    def paginas(self) -> int:
        """About how many pages this import wrote (none when refused, unchanged or a dry run)."""
        if self.soort not in (NIEUW, BIJGEWERKT) or not self.rapport or self.rapport.get("dry_run"):
            return 0
        return geschreven_paginas(self.rapport)

    @classmethod
    def van_bestand(cls, bestand: Importbestand) -> Uitkomst:
        return cls(bestand.naam, bestand.uitkomst, bestand.reden, bestand.rapport)


def importeer(naam: str, data: bytes, sha256: str, keuzes: Keuzes) -> Uitkomst:
    """Import one publication through the pipeline; never raises for bad input or a bug."""
    if not keuzes.opnieuw:
        eerder = _eerder_hierheen(sha256, keuzes)
        if eerder is not None:
            return Uitkomst(naam, ONGEWIJZIGD, f"zelfde inhoud als bij de import van {eerder.naam}")
    try:
        document = parse_publicatie(data, naam)
        with transaction.atomic():
            gemeente = Gemeente.objects.get(pk=keuzes.gemeente_id) if keuzes.gemeente_id else None
            result = write_document(
                document,
                regeling_slug=keuzes.regeling,
                dry_run=keuzes.proef,
                gemeente=gemeente,
            )
            if result.versie is not None:
                GeimporteerdeBron.objects.update_or_create(
                    sha256=sha256, defaults={"naam": naam[:500], "versie": result.versie}
                )
    except PublicatieFout as exc:
        return Uitkomst(naam, GEWEIGERD, str(exc))
    except Exception as exc:  # an importer bug: this publication's transaction rolled back
        logger.exception("import of %s failed", naam)
        return Uitkomst(naam, GEWEIGERD, interne_fout(exc))
    soort = NIEUW if result.report["status"].startswith("nieuw") else BIJGEWERKT
    return Uitkomst(naam, soort, rapport=result.report)


def geschreven_paginas(rapport: dict) -> int:
    """The pages a writer's report counts: the version and its parts (leden are not pages)."""
    aantallen = rapport.get("aantallen", {})
    return 1 + sum(n for soort, n in aantallen.items() if soort != "leden")


def na_de_run(samenvatting: Samenvatting) -> None:
    """After a run of many publications, each in a transaction of its own and none of them large,
    PostgreSQL's planner statistics describe the tables as they were before the run: renew them
    once for the whole run (at 20 gemeenten a search took a second on statistics a folder import
    had left stale)."""
    renew_statistics(sum(u.paginas for u in samenvatting.uitkomsten))


def _eerder_hierheen(sha256: str, keuzes: Keuzes) -> GeimporteerdeBron | None:
    """The earlier import of these bytes, if it went where this one is asked to go: the same
    bytes asked into another regeling (--regeling) or gemeente (--gemeente) are imported there."""
    eerder = GeimporteerdeBron.objects.filter(sha256=sha256).select_related("versie").first()
    if eerder is None:
        return None
    versie = eerder.versie
    if keuzes.regeling and versie.get_parent().slug != slugify(keuzes.regeling):
        return None
    if keuzes.gemeente_id:
        gemeente = Gemeente.objects.select_related("site__root_page").get(pk=keuzes.gemeente_id)
        if not versie.path.startswith(gemeente.site.root_page.path):
            return None
    return eerder


@dataclass
class Samenvatting:
    uitkomsten: list[Uitkomst] = field(default_factory=list)

    def tellingen(self) -> dict[str, int]:
        return {soort: sum(u.soort == soort for u in self.uitkomsten) for soort in _WOORDEN}

    def regels(self) -> list[str]:
        tellingen = self.tellingen()
        lines = [
            f"Samenvatting: {len(self.uitkomsten)} publicaties: "
            + ", ".join(f"{n} {_WOORDEN[soort]}" for soort, n in tellingen.items())
        ]
        lines += [f"  geweigerd: {u.naam}: {u.reden}" for u in self.uitkomsten if u.soort == GEWEIGERD]
        return lines

    def as_dict(self) -> dict:
        return {
            "samenvatting": self.tellingen(),
            "totaal": len(self.uitkomsten),
            "bestanden": [u.as_dict() for u in self.uitkomsten],
        }


@dataclass
class Voortgang:
    """How far the publications of an upload or command run are, for the status page and polling."""

    totaal: int
    uitkomsten: list[Uitkomst]

    @property
    def klaar(self) -> int:
        return len(self.uitkomsten)

    @property
    def samenvatting(self) -> Samenvatting:
        return Samenvatting(self.uitkomsten)


def voortgang(opdracht: Importopdracht) -> Voortgang | None:
    """The progress of an upload of several publications; None for an upload of one."""
    bestanden = list(opdracht.bestanden.defer("bestand").order_by("volgnummer"))
    if not bestanden:
        return None
    klaar = [Uitkomst.van_bestand(b) for b in bestanden if b.uitkomst in Importbestand.AFGEROND]
    return Voortgang(len(bestanden), klaar)
