"""The inwonerspanel of a gemeente: members known by a pseudonym, their contact kept apart and
encrypted, invitations (at most four a member a calendar year) and anonymous answers. Members
and population shares belong to one gemeente; invitations and answers to a peiling, whose page
belongs to one. A member's kern is one of the gemeente's own (its setting)."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel

from ..choices import DIMENSIES, LEEFTIJDSGROEPEN, groups_of
from ..crypto import EncryptedJSONField

MAX_INVITATIONS_PER_YEAR = 4


class Panellid(models.Model):
    """A member, known internally only by a pseudonym. No name, no address, no e-mail here."""

    gemeente = models.ForeignKey(
        "regelgeving.Gemeente", verbose_name="gemeente", on_delete=models.CASCADE, related_name="+"
    )
    pseudoniem = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    referentie = models.CharField(max_length=40, unique=True)
    leeftijdsgroep = models.CharField("leeftijdsgroep", max_length=10, choices=LEEFTIJDSGROEPEN)
    kern = models.CharField("kern", max_length=20)  # a slug of the gemeente's kern_keuzes()
    relaties = models.JSONField("relatie met de gemeente", default=list)
    aangemeld_op = models.DateTimeField(default=timezone.now)
    bevestigd_op = models.DateTimeField(null=True, blank=True, db_index=True)
    # Exactly-once sign-up: the token of the flow session that created this member.
    aanmeldtoken = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = "panellid"
        verbose_name_plural = "panelleden"
        permissions = [("beheer_panel", "Kan het inwonerspanel beheren (overzicht, uitnodigen, resultaten)")]

    def __str__(self):
        return str(self.pseudoniem)

    @property
    def bevestigd(self) -> bool:
        return self.bevestigd_op is not None


class PanelContact(models.Model):
    """The member's e-mail address, encrypted, in its own table: never next to an answer."""

    lid = models.OneToOneField(Panellid, on_delete=models.CASCADE, related_name="contact")
    # The member's gemeente again, so the database keeps one member per address per gemeente.
    gemeente = models.ForeignKey(
        "regelgeving.Gemeente", verbose_name="gemeente", on_delete=models.CASCADE, related_name="+"
    )
    email = EncryptedJSONField()
    # A keyed hash of the address, to recognise a second sign-up without storing it readably.
    email_index = models.CharField(max_length=64)

    class Meta:
        verbose_name = "contactgegeven"
        verbose_name_plural = "contactgegevens"
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "email_index"], name="een_lid_per_adres_per_gemeente")
        ]


class Uitnodiging(models.Model):
    """A personal one-time invitation to one peiling. The link's token is only stored hashed."""

    UITGENODIGD, BEANTWOORD, AFGESLAGEN, VERVALLEN = "uitgenodigd", "beantwoord", "afgeslagen", "vervallen"
    STATUSSEN = [
        (UITGENODIGD, "Uitgenodigd"),
        (BEANTWOORD, "Beantwoord"),
        (AFGESLAGEN, "Doet niet mee"),
        (VERVALLEN, "Vervallen (lid afgemeld)"),
    ]

    peiling = models.ForeignKey("loket.PeilingPage", on_delete=models.CASCADE, related_name="uitnodigingen")
    # Kept (emptied) when a member leaves: the peiling's counts stay right, nobody is named.
    lid = models.ForeignKey(
        Panellid, null=True, blank=True, on_delete=models.SET_NULL, related_name="uitnodigingen"
    )
    jaar = models.PositiveIntegerField()
    # The member's n-th invitation this calendar year; the database refuses a fifth.
    volgnummer = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(MAX_INVITATIONS_PER_YEAR)]
    )
    token_hash = models.CharField(max_length=64, unique=True)
    status = models.CharField(max_length=20, choices=STATUSSEN, default=UITGENODIGD)
    uitgenodigd_op = models.DateTimeField(default=timezone.now)
    # A date, not a time: it must not tie an invitation to one anonymous answer.
    beantwoord_op = models.DateField(null=True, blank=True)
    resultaten_gestuurd = models.BooleanField(default=False)

    class Meta:
        verbose_name = "uitnodiging"
        verbose_name_plural = "uitnodigingen"
        constraints = [
            models.UniqueConstraint(
                fields=["lid", "jaar", "volgnummer"],
                name="hoogstens_vier_per_jaar",
                condition=models.Q(lid__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["peiling", "lid"],
                name="een_uitnodiging_per_peiling",
                condition=models.Q(lid__isnull=False),
            ),
            models.CheckConstraint(
                condition=models.Q(volgnummer__gte=1, volgnummer__lte=MAX_INVITATIONS_PER_YEAR),
                name="volgnummer_een_tot_vier",
            ),
        ]


class Respons(models.Model):
    """One filled-in questionnaire. Not linked to a member or an invitation: anonymous. The answers
    are encrypted: an open answer may name the one who wrote it, or someone else."""

    peiling = models.ForeignKey("loket.PeilingPage", on_delete=models.CASCADE, related_name="responsen")
    antwoorden = EncryptedJSONField(default=dict)  # question block id -> answer
    # For comparing respondents with the panel; copied, so they stay when the member leaves.
    leeftijdsgroep = models.CharField(max_length=10, choices=LEEFTIJDSGROEPEN)
    kern = models.CharField(max_length=20)
    ingevuld_op = models.DateField(default=timezone.localdate)

    class Meta:
        verbose_name = "respons"
        verbose_name_plural = "responsen"


class Vrijgave(models.Model):
    """Staff released the results of a closed peiling: participants were mailed at
    `vrijgegeven_op`; the public results page follows at `embargo_tot`. Kept apart from the
    page, so publishing an older page revision cannot undo it."""

    peiling = models.OneToOneField("loket.PeilingPage", on_delete=models.CASCADE, related_name="vrijgave")
    vrijgegeven_op = models.DateTimeField(default=timezone.now)
    embargo_tot = models.DateTimeField("openbaar vanaf")

    class Meta:
        verbose_name = "vrijgave van resultaten"
        verbose_name_plural = "vrijgaven van resultaten"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(embargo_tot__gt=models.F("vrijgegeven_op")), name="embargo_na_vrijgave"
            )
        ]


class UitgelichtAntwoord(models.Model):
    """An open answer staff chose to show with the results (all others stay unpublished)."""

    respons = models.ForeignKey(Respons, on_delete=models.CASCADE, related_name="uitgelicht")
    vraag = models.CharField(max_length=64)  # question block id

    class Meta:
        constraints = [models.UniqueConstraint(fields=["respons", "vraag"], name="een_keer_uitgelicht")]


class Bevolkingsaandeel(models.Model):
    """The gemeente's population share of an age group or kern (16 years and older), to see
    which groups the panel under-represents. The loket's staff keep these in line with CBS
    figures, each for their own gemeente (panel/bevolking_admin.py)."""

    gemeente = models.ForeignKey(
        "regelgeving.Gemeente", verbose_name="gemeente", on_delete=models.CASCADE, related_name="+"
    )
    dimensie = models.CharField(max_length=20, choices=DIMENSIES)
    waarde = models.CharField(max_length=20)
    aandeel = models.DecimalField(
        "aandeel van de bevolking (%)",
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )

    panels = [FieldPanel("gemeente"), FieldPanel("dimensie"), FieldPanel("waarde"), FieldPanel("aandeel")]

    class Meta:
        verbose_name = "bevolkingsaandeel"
        verbose_name_plural = "bevolkingsaandelen"
        ordering = ["gemeente", "dimensie", "waarde"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "dimensie", "waarde"], name="een_aandeel_per_groep")
        ]

    def clean(self):
        if self.gemeente_id is None:
            return  # the form says the gemeente is required
        choices = dict(groups_of(self.dimensie, self.gemeente))
        if self.waarde not in choices:
            raise ValidationError({"waarde": "Kies een van: " + ", ".join(choices) + "."})

    def __str__(self):
        labels = dict(groups_of(self.dimensie, self.gemeente if self.gemeente_id else None))
        return f"{labels.get(self.waarde, self.waarde)}: {self.aandeel}%"
