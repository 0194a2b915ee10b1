"""National laws that articles are based on, managed by editors as snippets."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from ..jci import WETTEN_BASE, jci_url


@register_snippet
class Wet(index.Indexed, models.Model):
    afkorting = models.CharField("afkorting", max_length=60, unique=True)
    naam = models.CharField("volledige naam", max_length=255, blank=True)
    bwb_id = models.CharField(
        "BWB-id",
        max_length=20,
        blank=True,
        help_text="Identificatie in het Basiswettenbestand, bijvoorbeeld BWBR0035362.",
    )
    aliassen = models.TextField(
        "andere schrijfwijzen",
        blank=True,
        help_text="Eén per regel, zoals de wet in teksten wordt genoemd (bijv. 'Pw', 'WWB').",
    )

    panels = [
        FieldPanel("afkorting"),
        FieldPanel("naam"),
        FieldPanel("bwb_id"),
        FieldPanel("aliassen"),
    ]
    search_fields = [index.SearchField("afkorting"), index.SearchField("naam")]

    class Meta:
        verbose_name = "wet"
        verbose_name_plural = "wetten"
        ordering = ["afkorting"]

    def __str__(self):
        return (
            f"{self.afkorting} ({self.naam})" if self.naam and self.naam != self.afkorting else self.afkorting
        )

    @property
    def url(self) -> str:
        return f"{WETTEN_BASE}{self.bwb_id}" if self.bwb_id else ""

    def jci_url(self, artikel: str = "") -> str:
        return jci_url(self.bwb_id, artikel)

    def names(self) -> list[str]:
        return [
            self.afkorting,
            self.naam,
            *filter(None, (a.strip() for a in self.aliassen.splitlines())),
        ]

