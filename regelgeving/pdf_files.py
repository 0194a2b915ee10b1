"""PDFs rendered once: kept per page under a fingerprint of what they show, rendered anew only
when that changes, and never by two processes at the same time.

A PDF shows the version's text (its pages as last published), its status and validity today
(which change at midnight, or when a later version is published) and the page's permanent link;
the fingerprint is made of exactly these, plus the PDF templates. The task worker renders a
version's PDFs when it is published (`render_version_pdfs`); a request for a PDF that is not
rendered yet, or no longer current, claims it and has the worker render it (`render_pdf`), so a
web process never spends seconds in WeasyPrint and the first claim is the only rendering. The
claim is a row in the database, so it holds across processes and machines; a claim whose
renderer died expires after CLAIM_EXPIRES. With tasks run at once (development, tests) the
request renders it itself, and a parallel request waits for that result.
"""

from __future__ import annotations

import hashlib
import time
from datetime import timedelta

from django.db import transaction
from django.db.models import Count, Max
from django.template.loader import get_template
from django.utils import timezone
from django_tasks import task, task_backends
from django_tasks.backends.immediate import ImmediateBackend
from wagtail.models import Page

from . import pdf
from .models import ArtikelPage, GerenderdePdf, RegelingVersiePage

PDF_TEMPLATES = (
    "regelgeving/pdf/base.html",
    "regelgeving/pdf/verantwoording.html",
    "regelgeving/pdf/artikel.html",
    "regelgeving/pdf/versie.html",
    "regelgeving/pdf/pdf.css",
)
CLAIM_EXPIRES = timedelta(minutes=5)  # far longer than the largest version takes to render
WAIT_STEP_SECONDS = 0.25
# A request waits this long for another process's rendering, then answers "try again shortly";
# below gunicorn's timeout, so the visitor gets that answer rather than a dropped connection.
MAX_WAIT_SECONDS = 20


class PdfWordtGemaakt(Exception):
    """Another process is still rendering this PDF."""


def fingerprint(page) -> str:
    """What the PDF of `page` (a version or one of its articles) shows, as one hash."""
    versie = page if isinstance(page, RegelingVersiePage) else page.versie
    published = (
        Page.objects.descendant_of(versie, inclusive=True)
        .filter(live=True)
        .aggregate(n=Count("id"), last=Max("last_published_at"), revision=Max("latest_revision_id"))
    )
    info = versie.versie_info
    parts = [
        page.pk,
        page.get_full_url(),
        versie.last_published_at,
        published["n"],
        published["last"],
        published["revision"],
        info["status"],
        info["vanaf"],
        info["tot"],
        _templates_hash(),
    ]
    return hashlib.sha256("\n".join(map(str, parts)).encode()).hexdigest()


def _templates_hash() -> str:
    """Changed templates (a deployment) make every PDF render anew."""
    sources = "".join(get_template(name).template.source for name in PDF_TEMPLATES)
    return hashlib.sha256(sources.encode()).hexdigest()


def current_pdf(page) -> GerenderdePdf:
    """The PDF of `page` as it is now, for a request: the stored one (its bytes are read when
    `inhoud` is first used, so a conditional request that gets 304 does not read them).

    One not rendered yet is rendered by the task worker, never in the request: the request claims
    it, puts the rendering in the queue and raises PdfWordtGemaakt, as does every request until it
    is there. Only when tasks run at once (development, tests) is it rendered here."""
    if _tasks_run_at_once():
        return rendered_pdf(page)
    vingerafdruk = fingerprint(page)
    stored = _stored(page, vingerafdruk)
    if stored is not None:
        return stored
    if _claim(page, vingerafdruk):
        page_id = page.pk
        transaction.on_commit(lambda: render_pdf.enqueue(page_id), robust=True)
    raise PdfWordtGemaakt(page.pk)


def rendered_pdf(page) -> GerenderdePdf:
    """The PDF of `page` as it is now: the stored one, or rendered here once (the first to claim
    it renders, a parallel caller waits for that result).

    Raises PdfWordtGemaakt when another process is rendering it and has not finished in time."""
    vingerafdruk = fingerprint(page)
    deadline = time.monotonic() + MAX_WAIT_SECONDS
    while True:
        stored = _stored(page, vingerafdruk)
        if stored is not None:
            return stored
        if _claim(page, vingerafdruk):
            return _render_and_store(page, vingerafdruk)
        if time.monotonic() > deadline:
            raise PdfWordtGemaakt(page.pk)
        time.sleep(WAIT_STEP_SECONDS)


def _stored(page, vingerafdruk: str) -> GerenderdePdf | None:
    return GerenderdePdf.objects.filter(page=page, vingerafdruk=vingerafdruk).defer("inhoud").first()


def _tasks_run_at_once() -> bool:
    return isinstance(task_backends["default"], ImmediateBackend)


def _claim(page, vingerafdruk: str) -> bool:
    """Whether this process may render the page's PDF now: it is not current, and no one else is."""
    now = timezone.now()
    with transaction.atomic():
        row, _created = GerenderdePdf.objects.select_for_update().get_or_create(page=page)
        if row.vingerafdruk == vingerafdruk:
            return False  # rendered by another process since we looked
        if row.bezig_sinds is not None and row.bezig_sinds > now - CLAIM_EXPIRES:
            return False
        row.bezig_sinds = now
        row.save(update_fields=["bezig_sinds"])
    return True


def _render_and_store(page, vingerafdruk: str) -> GerenderdePdf:
    try:
        document = _document(page)
    except BaseException:
        GerenderdePdf.objects.filter(page=page).update(bezig_sinds=None)
        raise
    # The new rendering replaces the one of the earlier fingerprint.
    GerenderdePdf.objects.filter(page=page).update(
        vingerafdruk=vingerafdruk,
        inhoud=document.inhoud,
        bestandsnaam=document.bestandsnaam,
        gemaakt_op=timezone.now(),
        bezig_sinds=None,
    )
    return GerenderdePdf.objects.defer("inhoud").get(page=page)


def _document(page) -> pdf.Document:
    if isinstance(page, RegelingVersiePage):
        return pdf.versie_document(page)
    return pdf.artikel_document(page)


@task(priority=-5)  # a visitor is waiting for it
def render_pdf(page_id: int) -> bool:
    """Render the PDF a request asked for (and claimed); False when the page is no longer public."""
    page = Page.objects.live().filter(pk=page_id).specific().first()
    if not isinstance(page, RegelingVersiePage | ArtikelPage):
        GerenderdePdf.objects.filter(page_id=page_id).update(bezig_sinds=None)
        return False
    _render_and_store(page, fingerprint(page))
    return True


@task(priority=-10)  # after mails and indexing
def render_version_pdfs(versie_id: int) -> int:
    """Render the PDFs of a published version and its articles that are not current; returns how many
    are current afterwards."""
    versie = RegelingVersiePage.objects.live().filter(pk=versie_id).first()
    if versie is None:
        return 0  # unpublished again before the worker came to it
    pages = [versie, *ArtikelPage.objects.live().filter(versie=versie).order_by("path")]
    for page in pages:
        try:
            rendered_pdf(page)
        except PdfWordtGemaakt:
            pass  # a request is rendering it
    return len(pages)


def render_after_publication(versie_id: int) -> None:
    """Have the worker render the version's PDFs once the publication has committed.

    Not with the immediate backend: the "worker" would then be the editor's publish request,
    kept waiting for every article's PDF; each PDF is rendered on its first request instead."""
    if _tasks_run_at_once():
        return
    transaction.on_commit(lambda: render_version_pdfs.enqueue(versie_id), robust=True)
