"""After the consent step: one explicit pipeline that stores a submission exactly once.

1. the rules in force today (the version of the regeling the page cites, if any) are looked up;
2. the flow prepares what to store (encrypted) and its uniqueness key;
3. submission and its e-mails are written in one transaction;
4. after the commit a task sends the e-mails (retried by `verstuur_berichten`).
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from . import legislation
from .models import Bericht, Inzending, InzendingSleutel
from .notifications import confirmation_message, staff_notification
from .tasks import send_after_commit


class DuplicateSubmission(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def submit(page, flow, cleaned: dict, token: str) -> Inzending:
    now = timezone.now()
    versie = legislation.version_in_force(page.regeling(), timezone.localdate(now))
    prepared = flow.prepare(page, cleaned)
    jaar = timezone.localdate(now).year
    # A second click that raced the first: its token is stored already, show that submission.
    earlier = Inzending.objects.filter(token=token).first()
    if earlier is not None:
        return earlier
    # The same person this year, recognised by any of the flow's keys (one compliment a year).
    if (
        prepared.sleutels_per_jaar
        and InzendingSleutel.objects.filter(
            flow=flow.slug, jaar=jaar, sleutel__in=prepared.sleutels_per_jaar
        ).exists()
    ):
        raise DuplicateSubmission(flow.duplicate_message(page))
    try:
        with transaction.atomic():
            inzending = Inzending(
                flow=flow.slug,
                pagina=page,
                referentie=_unique_reference(flow),
                ingediend_op=now,
                versie=versie,
                versie_titel=versie.title if versie else "",
                onderwerpen=prepared.onderwerpen,
                gegevens=prepared.gegevens,
                token=token,
                jaar=jaar,
            )
            inzending.spoed = flow.urgent_submission(inzending)
            inzending.save(force_insert=True)
            InzendingSleutel.objects.bulk_create(
                InzendingSleutel(inzending=inzending, flow=flow.slug, jaar=jaar, sleutel=sleutel)
                for sleutel in dict.fromkeys(prepared.sleutels_per_jaar)
            )
            berichten = [staff_notification(page, inzending)]
            if prepared.ontvanger_email:
                berichten.append(confirmation_message(page, flow, inzending, prepared))
            Bericht.objects.bulk_create([bericht for bericht in berichten if bericht is not None])
            send_after_commit([b.pk for b in Bericht.objects.filter(inzending=inzending)])
    except IntegrityError:
        # Two requests raced: the token or a yearly key was stored by the other one.
        earlier = Inzending.objects.filter(token=token).first()
        if earlier is not None:
            return earlier
        raise DuplicateSubmission(flow.duplicate_message(page)) from None
    return inzending


def _unique_reference(flow) -> str:
    for _ in range(10):
        reference = flow.new_reference()
        if not Inzending.objects.filter(referentie=reference).exists():
            return reference
    raise RuntimeError("Geen vrij referentienummer gevonden.")
