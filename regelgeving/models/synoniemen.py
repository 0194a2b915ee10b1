"""Words that mean the same in a search: abbreviations and their full form, kept by editors.

A synoniem is a gemeente's own (its name for its loket, its local terms), used by the search on
that gemeente's site only, or, without a gemeente, shared by every gemeente of the installation
(general Dutch: pgb = persoonsgebonden budget). Who may edit which: synoniemen_admin.py."""

from django.db import models
from django.db.models import Q
from wagtail.admin.panels import FieldPanel


class Synoniem(models.Model):
    """Two expressions a search treats as one, in both directions ("pgb" ↔ "persoonsgebonden budget").

    Laws need no entry here: the afkorting and naam of every `Wet` snippet count as synonyms.
    """

    gemeente = models.ForeignKey(
        "regelgeving.Gemeente",
        verbose_name="gemeente",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Leeg: voor het zoeken op de sites van alle gemeenten.",
    )

    term = models.CharField("term of afkorting", max_length=100, help_text="Bijvoorbeeld 'pgb'.")
    synoniem = models.CharField(
        "betekent hetzelfde als", max_length=255, help_text="Bijvoorbeeld 'persoonsgebonden budget'."
    )

    panels = [FieldPanel("gemeente"), FieldPanel("term"), FieldPanel("synoniem")]

    class Meta:
        verbose_name = "synoniem voor zoeken"
        verbose_name_plural = "synoniemen voor zoeken"
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(
                fields=["term", "synoniem"], condition=Q(gemeente__isnull=True), name="synoniem_uniek"
            ),
            models.UniqueConstraint(
                fields=["gemeente", "term", "synoniem"], name="synoniem_uniek_per_gemeente"
            ),
        ]

    def __str__(self):
        return f"{self.term} = {self.synoniem}"
