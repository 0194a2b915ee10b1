"""The outbox: sending the stored e-mails (Bericht) that are waiting.

A message is sent at most once (the row is claimed before sending). A failure keeps it
`wachtend` with the attempt counted, until MAX_ATTEMPTS marks it `mislukt`; it stays stored
either way. Waiting messages are tried again by `manage.py verstuur_berichten` (run it every
few minutes) and, when the task backend can run tasks later, by a deferred task: the caller
says how through `retry_later` (loket/tasks.py passes one), so this module needs no task.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone

from .models import Bericht

MAX_ATTEMPTS = 5
BACKOFF = timedelta(minutes=2)  # times the attempts so far

# Called after the commit with a failed message that may be tried again, and when to.
RetryLater = Callable[[int, datetime], None]

SENT, FAILED, SKIPPED = "verzonden", "mislukt", "overgeslagen"


def send(bericht_id: int, connection=None, retry_later: RetryLater | None = None) -> str:
    """Send one waiting message: "verzonden", "mislukt", or "overgeslagen" when it is not waiting
    (sent already, by an earlier attempt that ran late, or given up)."""
    with transaction.atomic():
        bericht = Bericht.objects.select_for_update().filter(pk=bericht_id).first()
        if bericht is None or bericht.status != Bericht.WACHTEND:
            return SKIPPED
        bericht.pogingen += 1
        try:
            _message(bericht.inhoud, connection).send()
        except Exception as exc:  # noqa: BLE001 - any mail failure is retried, never lost
            _record_failure(bericht, exc, retry_later)
            return FAILED
        bericht.status = Bericht.VERZONDEN
        bericht.verzonden_op = timezone.now()
        bericht.laatste_fout = ""
        bericht.save(update_fields=["pogingen", "status", "verzonden_op", "laatste_fout"])
    return SENT


def _message(inhoud: dict, connection) -> EmailMessage:
    return EmailMessage(
        subject=inhoud["onderwerp"],
        body=inhoud["tekst"],
        to=inhoud["aan"],
        headers=inhoud.get("headers"),
        connection=connection,
    )


def _record_failure(bericht: Bericht, exc: Exception, retry_later: RetryLater | None) -> None:
    bericht.laatste_fout = type(exc).__name__  # the class only: the message may quote the content
    if bericht.pogingen >= MAX_ATTEMPTS:
        bericht.status = Bericht.MISLUKT
    bericht.save(update_fields=["pogingen", "laatste_fout", "status"])
    if bericht.status == Bericht.WACHTEND and retry_later is not None:
        run_after = timezone.now() + BACKOFF * bericht.pogingen
        pk = bericht.pk
        transaction.on_commit(lambda: retry_later(pk, run_after))


def send_pending(retry_later: RetryLater | None = None) -> dict[str, int]:
    """Try every waiting message once more; returns counts per outcome."""
    counts: dict[str, int] = {}
    # One connection for the whole batch (a peiling's invitations are thousands of mails).
    connection = get_connection()
    try:
        connection.open()
    except Exception:  # noqa: BLE001 - then every message records its own failure and waits
        connection = None
    try:
        for pk in Bericht.objects.filter(status=Bericht.WACHTEND).values_list("pk", flat=True):
            outcome = send(pk, connection, retry_later)
            counts[outcome] = counts.get(outcome, 0) + 1
    finally:
        if connection is not None:
            connection.close()
    return counts
