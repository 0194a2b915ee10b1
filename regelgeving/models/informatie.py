"""Pages with information about the site itself, such as the toegankelijkheidsverklaring and the
privacyverklaring: plain text an editor keeps up to date. The footer of every page and the
consent step of the loket link to the ones marked with their `soort`."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from .public import PublicPage

TOEGANKELIJKHEIDSVERKLARING = "toegankelijkheidsverklaring"
PRIVACYVERKLARING = "privacyverklaring"
SOORTEN = [
    (TOEGANKELIJKHEIDSVERKLARING, "Toegankelijkheidsverklaring"),
    (PRIVACYVERKLARING, "Privacyverklaring"),
]


class InformatiePage(PublicPage, Page):
    soort = models.CharField(
        "soort",
        max_length=40,
        blank=True,
        choices=SOORTEN,
        help_text=(
            "De voettekst van elke pagina linkt naar de toegankelijkheidsverklaring en de "
            "privacyverklaring; het loket linkt bij het versturen naar de privacyverklaring. "
            "Laat leeg voor andere informatie."
        ),
    )
    body = RichTextField("tekst", features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])

    content_panels = Page.content_panels + [FieldPanel("soort"), FieldPanel("body")]
    parent_page_types = ["regelgeving.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "informatiepagina"
        verbose_name_plural = "informatiepagina's"

    def clean(self):
        super().clean()
        others = InformatiePage.objects.filter(soort=self.soort).exclude(pk=self.pk)
        parent = self.get_parent() if self.path else None
        if parent is not None:
            others = others.child_of(parent)  # every gemeente's site has its own
        if self.soort and others.exists():
            melding = f"Er is al een {self.get_soort_display().lower()}; er kan er maar één zijn."
            raise ValidationError({"soort": melding})


def verklaringen(home: Page | None) -> dict[str, InformatiePage]:
    """The published pages with a `soort` on the site of this home page, by soort (the footer
    links to each)."""
    if home is None:
        return {}
    pages = InformatiePage.objects.live().child_of(home).exclude(soort="").order_by("pk")
    return {page.soort: page for page in pages}
