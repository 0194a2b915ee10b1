"""What inwoners send in, and the e-mail it causes. Personal data is stored encrypted."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from ..choices import Status
from ..crypto import EncryptedJSONField


class Inzending(models.Model):
    flow = models.CharField("formulier", max_length=40, db_index=True)  # a slug from loket.flows.FLOWS
    pagina = models.ForeignKey(
        "loket.FlowPage", null=True, on_delete=models.SET_NULL, related_name="inzendingen"
    )
    referentie = models.CharField("referentienummer", max_length=40, unique=True)
    ingediend_op = models.DateTimeField("ingediend op", default=timezone.now, db_index=True)
    # The rules that applied on the day of submission, for a later bezwaar.
    versie = models.ForeignKey(
        "regelgeving.RegelingVersiePage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    versie_titel = models.CharField("geldende regeling", max_length=255, blank=True)
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.ONTVANGEN)
    onderwerpen = models.JSONField("onderwerpen", default=list, blank=True)  # not personal; for filters
    # The inwoner said help cannot wait (Flow.urgent_submission); kept outside the encrypted
    # answers so staff can filter on it and see urgent open submissions first.
    spoed = models.BooleanField("dringend", default=False, db_index=True)
    gegevens = EncryptedJSONField("gegevens")
    # Exactly-once: the token of the flow session that produced this submission.
    token = models.CharField(max_length=64, unique=True)
    jaar = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = "inzending"
        verbose_name_plural = "inzendingen"
        ordering = ["-ingediend_op"]
        permissions = [("export_inzending", "Kan inzendingen exporteren")]

    def __str__(self):
        return self.referentie

    def status_label(self) -> str:
        return self.get_status_display()


class InzendingSleutel(models.Model):
    """One keyed hash (loket/crypto.py `blind_index`) that recognises the person behind a submission,
    such as a mantelzorger's name with birth date, or birth date with address. Unique per flow and
    year: the database itself refuses a second compliment for the same mantelzorger in a year,
    also when two requests race. It goes when its submission goes."""

    inzending = models.ForeignKey(Inzending, on_delete=models.CASCADE, related_name="sleutels")
    flow = models.CharField(max_length=40)
    jaar = models.PositiveIntegerField()
    sleutel = models.CharField(max_length=64)

    class Meta:
        verbose_name = "herkenningssleutel"
        verbose_name_plural = "herkenningssleutels"
        constraints = [
            models.UniqueConstraint(fields=["flow", "jaar", "sleutel"], name="een_sleutel_per_flow_per_jaar")
        ]

    def __str__(self):
        return f"{self.flow} {self.jaar}"


class Bericht(models.Model):
    """An outgoing e-mail, stored in the same transaction as its submission so none is lost;
    a task sends it after the commit and `verstuur_berichten` retries what failed."""

    WACHTEND, VERZONDEN, MISLUKT = "wachtend", "verzonden", "mislukt"

    # A message belongs to a submission or to a panel member; it goes when they go.
    inzending = models.ForeignKey(
        Inzending, null=True, blank=True, on_delete=models.CASCADE, related_name="berichten"
    )
    panellid = models.ForeignKey(
        "loket.Panellid", null=True, blank=True, on_delete=models.CASCADE, related_name="berichten"
    )
    soort = models.CharField(max_length=40)  # bevestiging, notificatie, aanmelding, uitnodiging, ...
    inhoud = EncryptedJSONField()  # {"aan": [...], "onderwerp": ..., "tekst": ..., "headers": {...}}
    status = models.CharField(max_length=20, default=WACHTEND, db_index=True)
    pogingen = models.PositiveIntegerField(default=0)
    laatste_fout = models.CharField(max_length=255, blank=True)  # exception class only, never content
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    verzonden_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "bericht"
        verbose_name_plural = "berichten"
