"""A publication an editor uploaded, waiting for the task worker to import it."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models


class Importopdracht(models.Model):
    """One upload and what became of it: the status page shows this to the editor.

    The uploaded bytes are kept in the database (not in MEDIA_ROOT, which the web server may serve
    publicly) so that a worker on any machine can read them; they are deleted once the import ran,
    whatever its outcome. The row itself, with the report or the error, stays for the editor.
    """

    WACHTEND, BEZIG, KLAAR, MISLUKT = "wachtend", "bezig", "klaar", "mislukt"
    STATUSSEN = [
        (WACHTEND, "In de wachtrij"),
        (BEZIG, "Bezig"),
        (KLAAR, "Klaar"),
        (MISLUKT, "Mislukt"),
    ]

    bestand = models.BinaryField(default=b"", editable=False)
    bestandsnaam = models.CharField(max_length=255)
    regeling = models.SlugField(blank=True)
    proef = models.BooleanField(default=False)
    # For a folder or zip of publications: import those whose bytes were imported before too.
    opnieuw = models.BooleanField(default=False)
    # The gemeente to file under (none: the publisher's own; see gemeente_keuze.py).
    gemeente = models.ForeignKey(
        "regelgeving.Gemeente", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(max_length=10, choices=STATUSSEN, default=WACHTEND)
    stap = models.CharField(max_length=100, blank=True)
    rapport = models.JSONField(null=True, encoder=DjangoJSONEncoder)
    fout = models.TextField(blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    klaar_op = models.DateTimeField(null=True)

    class Meta:
        verbose_name = "importopdracht"
        verbose_name_plural = "importopdrachten"

    def __str__(self):
        return f"{self.bestandsnaam} ({self.get_status_display()})"

    @property
    def afgerond(self) -> bool:
        return self.status in (self.KLAAR, self.MISLUKT)


class Importbestand(models.Model):
    """One publication of an upload or command that holds several (a folder or zip of them).

    Each is imported by a task of its own, so several workers share the work; the bytes go once
    the file was imported, its outcome stays with the upload for the status page.
    """

    WACHTEND, BEZIG = "wachtend", "bezig"
    NIEUW, BIJGEWERKT, ONGEWIJZIGD, GEWEIGERD = "nieuw", "bijgewerkt", "ongewijzigd", "geweigerd"
    UITKOMSTEN = [
        (WACHTEND, "In de wachtrij"),
        (BEZIG, "Bezig"),
        (NIEUW, "Geïmporteerd"),
        (BIJGEWERKT, "Bijgewerkt"),
        (ONGEWIJZIGD, "Ongewijzigd"),
        (GEWEIGERD, "Geweigerd"),
    ]
    AFGEROND = (NIEUW, BIJGEWERKT, ONGEWIJZIGD, GEWEIGERD)

    opdracht = models.ForeignKey(Importopdracht, on_delete=models.CASCADE, related_name="bestanden")
    volgnummer = models.PositiveIntegerField()
    naam = models.CharField(max_length=500)
    bestand = models.BinaryField(default=b"", editable=False)
    sha256 = models.CharField(max_length=64)
    uitkomst = models.CharField(max_length=12, choices=UITKOMSTEN, default=WACHTEND)
    reden = models.TextField(blank=True)
    rapport = models.JSONField(null=True, encoder=DjangoJSONEncoder)
    klaar_op = models.DateTimeField(null=True)

    class Meta:
        verbose_name = "importbestand"
        verbose_name_plural = "importbestanden"
        ordering = ["opdracht", "volgnummer"]

    def __str__(self):
        return f"{self.naam} ({self.get_uitkomst_display()})"


class GeimporteerdeBron(models.Model):
    """The content hash of a source that became a version: importing the same bytes again is
    skipped as unchanged. Deleting the version forgets the hash, so the source imports again."""

    sha256 = models.CharField(max_length=64, unique=True)
    naam = models.CharField(max_length=500)
    versie = models.ForeignKey("regelgeving.RegelingVersiePage", on_delete=models.CASCADE, related_name="+")
    geimporteerd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "geïmporteerde bron"
        verbose_name_plural = "geïmporteerde bronnen"

    def __str__(self):
        return self.naam


class CvdrBijwerking(models.Model):
    """How far a gemeente's regelingen are in step with CVDR: `cvdr_bijwerken` asks the search service
    only for what changed on or after `gewijzigd_vanaf`, and moves that date on after a run, never
    past a regeling that failed to import (the next run tries it again)."""

    cbs_code = models.CharField(max_length=6, unique=True)  # gm0397
    gemeente = models.CharField(max_length=100)  # the name as CVDR writes it (dcterms.creator)
    gewijzigd_vanaf = models.DateField(null=True)  # None: nothing asked yet; the first run asks all
    laatste_run_op = models.DateTimeField(null=True)
    # While a run goes on: a second run for the gemeente (the planner beside a command) is refused.
    bezig_sinds = models.DateTimeField(null=True)
    laatste_geslaagd_op = models.DateTimeField(null=True)  # the last run without a failure
    uitkomst = models.TextField(blank=True)  # the last run's summary, or why it stopped

    class Meta:
        verbose_name = "CVDR-bijwerking"
        verbose_name_plural = "CVDR-bijwerkingen"

    def __str__(self):
        return f"{self.gemeente} ({self.cbs_code})"


class CvdrImport(models.Model):
    """One CVDR record a run took up, and what became of it: a record imported before (the same
    version, changed on the same date) is not imported again."""

    bijwerking = models.ForeignKey(CvdrBijwerking, on_delete=models.CASCADE, related_name="imports")
    identifier = models.CharField(max_length=50)  # CVDR621050_2
    gewijzigd = models.DateField(null=True)  # dcterms.modified of the record
    geslaagd = models.BooleanField()
    melding = models.TextField(blank=True)  # the import's status, or why it failed
    op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "CVDR-import"
        verbose_name_plural = "CVDR-imports"
        constraints = [
            models.UniqueConstraint(
                fields=["bijwerking", "identifier", "gewijzigd"], name="cvdr_import_eenmaal_per_versie"
            )
        ]

    def __str__(self):
        return f"{self.identifier} ({'geslaagd' if self.geslaagd else 'mislukt'})"
