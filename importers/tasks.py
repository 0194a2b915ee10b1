"""Imports run by the task worker: an uploaded publication (a large one takes longer than a web
request may), and bringing a gemeente's regelingen in step with CVDR (periodic work)."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .cvdr_bijwerken import bijwerken
from .cvdr_gemeente import CvdrGemeente
from .cvdr_sru.errors import ZoekdienstFout
from .errors import PublicatieFout
from .formats import parse_publicatie
from .models import Importopdracht
from .writer import write_document

logger = logging.getLogger(__name__)

INTERNE_FOUT = "Import mislukt door een interne fout; er is niets opgeslagen."
# Finished uploads (their report or error; the bytes are gone already) are removed after this.
BEWAREN = timedelta(days=30)


@task()
def import_upload(opdracht_id: int) -> str:
    """Import the uploaded publication once; returns the resulting status."""
    _purge_finished()
    if not _claim(opdracht_id):
        return "overgeslagen"
    opdracht = Importopdracht.objects.get(pk=opdracht_id)
    try:
        _progress(opdracht, "Publicatie lezen (stap 1 van 2)")
        document = parse_publicatie(bytes(opdracht.bestand), opdracht.bestandsnaam)
        _progress(opdracht, "Versie en artikelen opslaan (stap 2 van 2)")
        result = write_document(document, regeling_slug=opdracht.regeling, dry_run=opdracht.proef)
    except PublicatieFout as exc:
        opdracht.status, opdracht.fout = Importopdracht.MISLUKT, str(exc)
    except Exception:  # an importer bug: the writer's transaction rolled back; tell the editor plainly
        logger.exception("import of upload %s failed", opdracht_id)
        opdracht.status, opdracht.fout = Importopdracht.MISLUKT, INTERNE_FOUT
    else:
        opdracht.status, opdracht.rapport = Importopdracht.KLAAR, result.report
    opdracht.bestand = b""
    opdracht.stap = ""
    opdracht.klaar_op = timezone.now()
    opdracht.save()
    return opdracht.status


def _claim(opdracht_id: int) -> bool:
    """Only one worker imports an upload (a task may run twice after a worker was restarted)."""
    with transaction.atomic():
        opdracht = Importopdracht.objects.select_for_update().filter(pk=opdracht_id).first()
        if opdracht is None or opdracht.status != Importopdracht.WACHTEND:
            return False
        opdracht.status = Importopdracht.BEZIG
        opdracht.save(update_fields=["status"])
    return True


def _progress(opdracht: Importopdracht, stap: str) -> None:
    opdracht.stap = stap
    opdracht.save(update_fields=["stap"])


def _purge_finished() -> None:
    """Uploads finished more than BEWAREN ago go when the next one comes (no schedule needed)."""
    Importopdracht.objects.filter(klaar_op__lt=timezone.now() - BEWAREN).delete()


@task()
def cvdr_bijwerken(naam: str, cbs_code: str) -> str:
    """`manage.py cvdr_bijwerken` as periodic work: returns the summary, or why the search failed
    (both are also kept on the gemeente's CvdrBijwerking). Drafts or not follows the setting."""
    try:
        return bijwerken(CvdrGemeente(naam=naam, cbs_code=cbs_code)).samenvatting()
    except ZoekdienstFout as exc:
        return str(exc)
