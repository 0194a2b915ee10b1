"""Words that mean the same in a search: abbreviations and their full form, kept by editors."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet


@register_snippet
class Synoniem(models.Model):
    """Two expressions a search treats as one, in both directions ("pgb" ↔ "persoonsgebonden budget").

    Laws need no entry here: the afkorting and naam of every `Wet` snippet count as synonyms.
    """

    term = models.CharField("term of afkorting", max_length=100, help_text="Bijvoorbeeld 'pgb'.")
    synoniem = models.CharField(
        "betekent hetzelfde als", max_length=255, help_text="Bijvoorbeeld 'persoonsgebonden budget'."
    )

    panels = [FieldPanel("term"), FieldPanel("synoniem")]

    class Meta:
        verbose_name = "synoniem voor zoeken"
        verbose_name_plural = "synoniemen voor zoeken"
        ordering = ["term"]
        constraints = [models.UniqueConstraint(fields=["term", "synoniem"], name="synoniem_uniek")]

    def __str__(self):
        return f"{self.term} = {self.synoniem}"
