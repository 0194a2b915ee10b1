"""Sending stored e-mails through the task backend, and removing submissions past retention.

A message is sent at most once (the row is claimed before sending). A failure keeps it
`wachtend` with the attempt counted; it is retried later by the backend when it can defer
tasks, and always by `manage.py verstuur_berichten` (run it every few minutes).
"""

from __future__ import annotations

from datetime import timedelta

from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

MAX_ATTEMPTS = 5
BACKOFF = timedelta(minutes=2)


def send_after_commit(bericht_ids: list[int]) -> None:
    for pk in bericht_ids:
        transaction.on_commit(lambda pk=pk: send_message.enqueue(pk))


@task()
def send_message(bericht_id: int) -> str:
    return _send(bericht_id)


def _send(bericht_id: int, connection=None) -> str:
    from .models import Bericht

    with transaction.atomic():
        bericht = Bericht.objects.select_for_update().filter(pk=bericht_id).first()
        if bericht is None or bericht.status != Bericht.WACHTEND:
            return "overgeslagen"
        bericht.pogingen += 1
        inhoud = bericht.inhoud
        try:
            EmailMessage(
                subject=inhoud["onderwerp"],
                body=inhoud["tekst"],
                to=inhoud["aan"],
                headers=inhoud.get("headers"),
                connection=connection,
            ).send()
        except Exception as exc:  # noqa: BLE001 - any mail failure is retried, never lost
            bericht.laatste_fout = type(exc).__name__
            if bericht.pogingen >= MAX_ATTEMPTS:
                bericht.status = Bericht.MISLUKT
            bericht.save(update_fields=["pogingen", "laatste_fout", "status"])
            if bericht.status == Bericht.WACHTEND and default_task_backend.supports_defer:
                retry = send_message.using(run_after=timezone.now() + BACKOFF * bericht.pogingen)
                transaction.on_commit(lambda: retry.enqueue(bericht_id))
            return "mislukt"
        bericht.status = Bericht.VERZONDEN
        bericht.verzonden_op = timezone.now()
        bericht.laatste_fout = ""
        bericht.save(update_fields=["pogingen", "status", "verzonden_op", "laatste_fout"])
    return "verzonden"


def send_pending() -> dict[str, int]:
    """Try every waiting message once more; returns counts per outcome."""
    from .models import Bericht

    counts: dict[str, int] = {}
    # One connection for the whole batch (a peiling's invitations are thousands of mails).
    connection = get_connection()
    try:
        connection.open()
    except Exception:  # noqa: BLE001 - then every message records its own failure and waits
        connection = None
    try:
        for pk in Bericht.objects.filter(status=Bericht.WACHTEND).values_list("pk", flat=True):
            outcome = _send(pk, connection)
            counts[outcome] = counts.get(outcome, 0) + 1
    finally:
        if connection is not None:
            connection.close()
    return counts


@task()
def send_waiting_messages() -> dict[str, int]:
    """One task for a batch (the invitations of a peiling): every waiting message, once."""
    return send_pending()


def purge(now=None) -> dict[str, int]:
    """Delete submissions (with their messages) older than their flow page's retention period."""
    from .models import FlowPage, Inzending

    now = now or timezone.now()
    deleted: dict[str, int] = {}
    with transaction.atomic():
        for page in FlowPage.objects.all():
            cutoff = now - timedelta(days=page.bewaartermijn_dagen)
            _, per_model = Inzending.objects.filter(pagina=page, ingediend_op__lt=cutoff).delete()
            # Only the submissions count; their e-mails go with them.
            deleted[page.flow] = deleted.get(page.flow, 0) + per_model.get("loket.Inzending", 0)
    return deleted


@task()
def purge_submissions_task() -> dict[str, int]:
    return purge()


@task()
def purge_unconfirmed_members_task() -> int:
    from .panel.membership import purge_unconfirmed

    return purge_unconfirmed()
