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
