"""A rendered PDF of a published page (a whole version or one article), kept until its text changes."""

from django.db import models
from wagtail.models import Page


class GerenderdePdf(models.Model):
    """The PDF of one page, rendered once and served until the page's fingerprint changes.

    One row per page: a new rendering replaces the old one, so PDFs of earlier content do not
    pile up. The bytes live in the database, not in MEDIA_ROOT: nothing serves them but the PDF
    views, which check first that the version is public, and every web process and worker on
    every machine reads and writes the same place without a shared volume.

    The row is also the lock that keeps the same PDF from being rendered twice: whoever claims it
    (`bezig_sinds`) renders it or queues it for the worker; the others wait for the result, or
    are told to ask again (regelgeving/pdf_files.py).
    """

    page = models.OneToOneField(Page, on_delete=models.CASCADE, related_name="+")
    vingerafdruk = models.CharField(max_length=64, blank=True)
    inhoud = models.BinaryField(default=b"", editable=False)
    bestandsnaam = models.CharField(max_length=255, blank=True)
    gemaakt_op = models.DateTimeField(null=True)
    bezig_sinds = models.DateTimeField(null=True)

    class Meta:
        verbose_name = "gemaakte PDF"
        verbose_name_plural = "gemaakte PDF's"

    def __str__(self):
        return self.bestandsnaam or f"PDF van pagina {self.page_id}"
