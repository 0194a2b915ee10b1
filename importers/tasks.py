"""Imports run by the task worker: an uploaded publication (a large one takes longer than a web
request may); an upload or command run holding several publications (a folder or zip of them) as
one task per publication, so several workers share the work and the last one to finish writes the
summary; and bringing a gemeente's regelingen in step with CVDR (periodic work)."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResult, task

from regelgeving.models.gemeente import Gemeente

from .batch import Keuzes, Samenvatting, Uitkomst, importeer, interne_fout, na_de_run
from .bundles import Bron, bundle_from_bytes
from .cvdr_bijwerken import BijwerkingLooptAl, bijwerken
from .cvdr_gemeente import van_gemeente
from .cvdr_sru.errors import ZoekdienstFout
from .errors import PublicatieFout
from .models import Importbestand, Importopdracht
from .packages import is_zip

logger = logging.getLogger(__name__)

# Finished uploads (their report or error; the bytes are gone already) are removed after this.
BEWAREN = timedelta(days=30)


@task()
def import_upload(opdracht_id: int) -> str:
    """Import the uploaded publication once, or queue the publications of a bundle; returns the
    resulting status."""
    _purge_finished()
    if not _claim(opdracht_id):
        return "overgeslagen"
    opdracht = Importopdracht.objects.get(pk=opdracht_id)
    data, naam = bytes(opdracht.bestand), opdracht.bestandsnaam
    try:
        _progress(opdracht, "Publicatie lezen en opslaan")
        bronnen = bundle_from_bytes(data, naam) if is_zip(data) else [Bron(naam, {naam: data})]
        if len(bronnen) > 1:
            enqueue_bronnen(opdracht, bronnen)
            return opdracht.status
        (bron,) = bronnen
        if bron.weigering:
            raise PublicatieFout(bron.weigering)
        # An editor who uploads one publication means it to be imported, changed or not.
        keuzes = Keuzes(opdracht.regeling, opdracht.proef, True, opdracht.gemeente_id)
        uitkomst = importeer(naam, bron.data, bron.sha256, keuzes)
    except PublicatieFout as exc:
        uitkomst = Uitkomst(naam, Importbestand.GEWEIGERD, str(exc))
    except Exception as exc:  # an importer bug while reading the zip: nothing was written
        logger.exception("import of upload %s failed", opdracht_id)
        uitkomst = Uitkomst(naam, Importbestand.GEWEIGERD, interne_fout(exc))
    if uitkomst.soort == Importbestand.GEWEIGERD:
        opdracht.status, opdracht.fout = Importopdracht.MISLUKT, uitkomst.reden
    else:
        opdracht.status, opdracht.rapport = Importopdracht.KLAAR, uitkomst.rapport
    opdracht.bestand = b""
    opdracht.stap = ""
    opdracht.klaar_op = timezone.now()
    opdracht.save()
    return opdracht.status


def enqueue_bronnen(opdracht: Importopdracht, bronnen: list[Bron]) -> list[TaskResult]:
    """One row and one task per publication; a file no parser reads is refused at once."""
    now = timezone.now()
    rows = Importbestand.objects.bulk_create(
        Importbestand(
            opdracht=opdracht,
            volgnummer=nummer,
            naam=bron.naam[:500],
            bestand=b"" if bron.weigering else bron.data,
            sha256=bron.sha256,
            uitkomst=Importbestand.GEWEIGERD if bron.weigering else Importbestand.WACHTEND,
            reden=bron.weigering,
            klaar_op=now if bron.weigering else None,
        )
        for nummer, bron in enumerate(bronnen, start=1)
    )
    # Every row exists before the first task runs (at once, with the immediate backend), so the
    # task that finishes last sees them all.
    Importopdracht.objects.filter(pk=opdracht.pk).update(
        bestand=b"", status=Importopdracht.BEZIG, stap=f"{len(rows)} publicaties"
    )
    results = [import_bestand.enqueue(row.pk) for row in rows if row.uitkomst == Importbestand.WACHTEND]
    _finish_if_done(opdracht.pk)
    opdracht.refresh_from_db()
    return results


@task()
def import_bestand(bestand_id: int) -> str:
    """Import one publication of a bundle, in a transaction of its own; returns its outcome."""
    if not _claim_bestand(bestand_id):
        return "overgeslagen"
    bestand = Importbestand.objects.select_related("opdracht").get(pk=bestand_id)
    opdracht = bestand.opdracht
    keuzes = Keuzes(opdracht.regeling, opdracht.proef, opdracht.opnieuw, opdracht.gemeente_id)
    uitkomst = importeer(bestand.naam, bytes(bestand.bestand), bestand.sha256, keuzes)
    bestand.uitkomst, bestand.reden, bestand.rapport = uitkomst.soort, uitkomst.reden, uitkomst.rapport
    bestand.bestand = b""
    bestand.klaar_op = timezone.now()
    bestand.save()
    _finish_if_done(opdracht.pk)
    return bestand.uitkomst


def _finish_if_done(opdracht_id: int) -> None:
    """The upload is done when its last publication is; the summary goes with it."""
    with transaction.atomic():
        opdracht = Importopdracht.objects.select_for_update().get(pk=opdracht_id)
        bestanden = list(opdracht.bestanden.defer("bestand"))
        if opdracht.afgerond or any(b.uitkomst not in Importbestand.AFGEROND for b in bestanden):
            return
        samenvatting = Samenvatting([Uitkomst.van_bestand(b) for b in bestanden])
        opdracht.status, opdracht.stap = Importopdracht.KLAAR, ""
        opdracht.rapport = {"samenvatting": samenvatting.tellingen(), "totaal": len(bestanden)}
        opdracht.klaar_op = timezone.now()
        opdracht.save(update_fields=["status", "stap", "rapport", "klaar_op"])
    na_de_run(samenvatting)


def _claim(opdracht_id: int) -> bool:
    """Only one worker imports an upload (a task may run twice after a worker was restarted)."""
    with transaction.atomic():
        opdracht = Importopdracht.objects.select_for_update().filter(pk=opdracht_id).first()
        if opdracht is None or opdracht.status != Importopdracht.WACHTEND:
            return False
        opdracht.status = Importopdracht.BEZIG
        opdracht.save(update_fields=["status"])
    return True


def _claim_bestand(bestand_id: int) -> bool:
    with transaction.atomic():
        bestand = Importbestand.objects.select_for_update().filter(pk=bestand_id).first()
        if bestand is None or bestand.uitkomst != Importbestand.WACHTEND:
            return False
        bestand.uitkomst = Importbestand.BEZIG
        bestand.save(update_fields=["uitkomst"])
    return True


def _progress(opdracht: Importopdracht, stap: str) -> None:
    opdracht.stap = stap
    opdracht.save(update_fields=["stap"])


def _purge_finished() -> None:
    """Uploads finished more than BEWAREN ago go when the next one comes (no schedule needed)."""
    Importopdracht.objects.filter(klaar_op__lt=timezone.now() - BEWAREN).delete()


@task()
def cvdr_bijwerken(gemeente_id: int) -> str:
    """`manage.py cvdr_bijwerken` as periodic work: returns the summary, or why the search failed
    (both are also kept on the gemeente's CvdrBijwerking). Drafts or not follows the setting."""
    gemeente = Gemeente.objects.filter(pk=gemeente_id).first()
    if gemeente is None:
        return f"Gemeente {gemeente_id} bestaat niet meer; niets bijgewerkt."
    try:
        return bijwerken(van_gemeente(gemeente)).samenvatting()
    except (ZoekdienstFout, BijwerkingLooptAl) as exc:
        return str(exc)


@task()
def cvdr_alle_gemeenten() -> str:
    """Every gemeente with a CBS code brought in step with CVDR, one task each (the planner's work)."""
    gemeenten = Gemeente.objects.exclude(cbs_code="").exclude(naam="")
    for gemeente in gemeenten:
        cvdr_bijwerken.enqueue(gemeente.pk)
    return f"{len(gemeenten)} gemeente(n) in de wachtrij"
