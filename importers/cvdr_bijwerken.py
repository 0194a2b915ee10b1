"""Bring a gemeente's regelingen in step with CVDR: ask the search service what changed since the
last run, fetch each changed version's XML and import it, one transaction per regeling.

A regeling that fails is reported and does not stop the others. The date the next run asks from
(CvdrBijwerking.gewijzigd_vanaf) moves on to the newest change seen, but never past a failure: the
next run asks for the failed regeling again, and skips what was imported already.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from regelgeving.search.statistics import renew_statistics

from .batch import geschreven_paginas
from .cvdr_gemeente import CvdrGemeente
from .cvdr_sru.client import ZOEKDIENST, CvdrZoekdienst
from .cvdr_sru.errors import ZoekdienstFout
from .cvdr_sru.records import CvdrRecord
from .errors import PublicatieFout
from .models import CvdrBijwerking, CvdrImport
from .parsers import cvdr
from .writer import write_document

logger = logging.getLogger(__name__)

NIEUW, BIJGEWERKT, OVERGESLAGEN, MISLUKT = "nieuw", "bijgewerkt", "overgeslagen", "mislukt"


@dataclass(frozen=True)
class Regelverslag:
    record: CvdrRecord
    uitkomst: str  # NIEUW, BIJGEWERKT, OVERGESLAGEN or MISLUKT
    melding: str = ""
    paginas: int = 0  # about how many pages the import wrote

    def regel(self) -> str:
        """One Dutch line for the terminal."""
        r = self.record
        titel = f" {r.titel}" if r.titel else ""
        return f"{r.identifier}{titel}: {self.melding or self.uitkomst}"


@dataclass
class Bijwerkverslag:
    gemeente: CvdrGemeente
    sinds: date | None
    regels: list[Regelverslag] = field(default_factory=list)
    volgende_keer_vanaf: date | None = None

    def aantal(self, uitkomst: str) -> int:
        return sum(r.uitkomst == uitkomst for r in self.regels)

    @property
    def mislukt(self) -> int:
        return self.aantal(MISLUKT)

    def samenvatting(self) -> str:
        sinds = f"gewijzigd sinds {self.sinds.isoformat()}" if self.sinds else "alle regelingen"
        volgende = (
            f"de volgende keer vanaf {self.volgende_keer_vanaf.isoformat()}"
            if self.volgende_keer_vanaf
            else "de volgende keer opnieuw alles"
        )
        return (
            f"{self.gemeente.naam} ({sinds}): {len(self.regels)} gevonden, {self.aantal(NIEUW)} nieuw, "
            f"{self.aantal(BIJGEWERKT)} bijgewerkt, {self.aantal(OVERGESLAGEN)} overgeslagen, "
            f"{self.mislukt} mislukt; {volgende}."
        )


def als_concept_standaard() -> bool:
    """Whether imports wait as drafts for an editor when the command does not say (a setting)."""
    return bool(getattr(settings, "CVDR_BIJWERKEN_ALS_CONCEPT", False))


def zoekdienst_uit_instellingen() -> CvdrZoekdienst:
    return CvdrZoekdienst(url=getattr(settings, "CVDR_ZOEKDIENST_URL", ZOEKDIENST))


class BijwerkingLooptAl(PublicatieFout):
    """Another run for this gemeente has not finished: two at once would import the same versions."""


# A run that stopped without finishing (a killed process) holds its gemeente no longer than this.
MAXIMALE_DUUR = timedelta(hours=6)


def bijwerken(
    gemeente: CvdrGemeente,
    sinds: date | None = None,
    concept: bool | None = None,
    zoekdienst: CvdrZoekdienst | None = None,
    melden: Callable[[Regelverslag], None] = lambda regel: None,
) -> Bijwerkverslag:
    """Import what changed; `sinds` overrides the remembered date. Raises ZoekdienstFout when the
    search itself fails (then nothing was imported and the date stays)."""
    zoekdienst = zoekdienst or zoekdienst_uit_instellingen()
    concept = als_concept_standaard() if concept is None else concept
    stand, _ = CvdrBijwerking.objects.get_or_create(
        cbs_code=gemeente.cbs_code, defaults={"gemeente": gemeente.naam}
    )
    _neem(stand)
    try:
        return _bijwerken(stand, gemeente, sinds, concept, zoekdienst, melden)
    finally:
        CvdrBijwerking.objects.filter(pk=stand.pk, bezig_sinds=stand.bezig_sinds).update(bezig_sinds=None)


def _neem(stand: CvdrBijwerking) -> None:
    """Mark the gemeente's run as going on, in one conditional UPDATE (two runs cannot both win),
    or refuse: another run goes on."""
    nu = timezone.now()
    vrij = Q(bezig_sinds__isnull=True) | Q(bezig_sinds__lt=nu - MAXIMALE_DUUR)
    if not CvdrBijwerking.objects.filter(vrij, pk=stand.pk).update(bezig_sinds=nu):
        stand.refresh_from_db(fields=["bezig_sinds"])
        sinds = timezone.localtime(stand.bezig_sinds)
        raise BijwerkingLooptAl(
            f"Voor {stand.gemeente} loopt al een bijwerking uit CVDR (sinds {sinds:%d-%m-%Y %H:%M}); "
            "probeer het later opnieuw."
        )
    stand.bezig_sinds = nu


def _bijwerken(stand, gemeente, sinds, concept, zoekdienst, melden) -> Bijwerkverslag:
    stand.gemeente = gemeente.naam
    stand.laatste_run_op = timezone.now()
    sinds = sinds or stand.gewijzigd_vanaf
    verslag = Bijwerkverslag(gemeente, sinds)
    try:
        records = zoekdienst.gewijzigd_sinds(gemeente.naam, sinds)
    except ZoekdienstFout as exc:
        stand.uitkomst = str(exc)
        stand.save()
        raise
    # Oldest change first: should the run stop, what is imported is what came before.
    for record in sorted(records, key=lambda r: (r.gewijzigd or date.min, r.identifier)):
        regel = _een_record(stand, gemeente, record, zoekdienst, concept)
        verslag.regels.append(regel)
        melden(regel)
    # Many regelingen, each in a transaction of its own: the planner statistics once for the run.
    renew_statistics(sum(regel.paginas for regel in verslag.regels))
    verslag.volgende_keer_vanaf = _volgende_keer_vanaf(stand.gewijzigd_vanaf, verslag.regels)
    stand.gewijzigd_vanaf = verslag.volgende_keer_vanaf
    if not verslag.mislukt:
        stand.laatste_geslaagd_op = stand.laatste_run_op
    stand.uitkomst = verslag.samenvatting()
    stand.save()
    return verslag


def _een_record(
    stand: CvdrBijwerking,
    gemeente: CvdrGemeente,
    record: CvdrRecord,
    zoekdienst: CvdrZoekdienst,
    concept: bool,
) -> Regelverslag:
    if record.gemeente and not gemeente.is_maker(record.gemeente):
        anders = f"overgeslagen: van {record.gemeente}, niet van {gemeente.naam}"
        return Regelverslag(record, OVERGESLAGEN, anders)
    eerder = stand.imports.filter(identifier=record.identifier, gewijzigd=record.gewijzigd, geslaagd=True)
    if eerder.exists():
        return Regelverslag(record, OVERGESLAGEN, "overgeslagen: deze versie is al geïmporteerd")
    try:
        document = cvdr.parse(zoekdienst.document(record), record.xml_url)
        _controleer(document.metadata, record, gemeente)
        with transaction.atomic():
            report = write_document(document, concept=concept, gemeente=gemeente.gemeente).report
            _onthoud(stand, record, True, report["status"])
    except PublicatieFout as exc:
        melding = str(exc)
    except Exception as exc:  # an importer bug: this regeling's transaction rolled back; go on
        logger.exception("cvdr_bijwerken: import of %s failed", record.identifier)
        melding = f"interne fout ({type(exc).__name__}); er is niets opgeslagen"
    else:
        uitkomst = NIEUW if report["status"].startswith("nieuw") else BIJGEWERKT
        adres = f" — {report['url']}" if report.get("url") else ""
        return Regelverslag(record, uitkomst, f"{report['status']}{adres}", geschreven_paginas(report))
    _onthoud(stand, record, False, melding)
    return Regelverslag(record, MISLUKT, f"mislukt: {melding}")


def _controleer(meta, record: CvdrRecord, gemeente: CvdrGemeente) -> None:
    """The document is the version the search service announced, of this gemeente."""
    if meta.identifier != record.identifier:
        raise PublicatieFout(
            f"Het document op {record.xml_url} is {meta.identifier or 'zonder identificatie'}, "
            f"niet {record.identifier}."
        )
    if meta.gemeente and not gemeente.is_maker(meta.gemeente):
        raise PublicatieFout(f"{record.identifier} is van {meta.gemeente}, niet van {gemeente.naam}.")


def _onthoud(stand: CvdrBijwerking, record: CvdrRecord, geslaagd: bool, melding: str) -> None:
    CvdrImport.objects.update_or_create(
        bijwerking=stand,
        identifier=record.identifier,
        gewijzigd=record.gewijzigd,
        defaults={"geslaagd": geslaagd, "melding": melding},
    )


def _volgende_keer_vanaf(vorige: date | None, regels: list[Regelverslag]) -> date | None:
    """The newest change seen, or with failures the oldest failed change: not one step past it.

    The search asks "changed on or after", so a date equal to a failure asks for it again.
    """
    mislukt = [r.record.gewijzigd for r in regels if r.uitkomst == MISLUKT]
    if mislukt:
        if None in mislukt:  # a failure without a date cannot be asked for by date: stay put
            return vorige
        return min(mislukt)
    gezien = [r.record.gewijzigd for r in regels if r.record.gewijzigd is not None]
    return max([*gezien, *([vorige] if vorige else [])], default=None)
