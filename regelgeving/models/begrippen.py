"""The defined terms of a version: the A–Z list and one page per begrip."""

from __future__ import annotations

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..rich_text import render_stream, stream_plain_text
from .blocks import TekstBlock
from .onderdelen import ArtikelPage, InVersie, pages_referring_to
from .public import PublicPage
from .search_fields import StreamSearchField


class BegrippenIndexPage(PublicPage, Page):
    """The A–Z list of defined terms of one version."""

    parent_page_types = ["regelgeving.RegelingVersiePage"]
    subpage_types = ["regelgeving.BegripPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "begrippenlijst"

    def alfabet(self) -> list[tuple[str, list[BegripPage]]]:
        groups: dict[str, list[BegripPage]] = {}
        for begrip in BegripPage.objects.live().child_of(self).order_by("sort_key"):
            letter = (begrip.term[:1] or "#").upper()
            groups.setdefault(letter if letter.isalpha() else "#", []).append(begrip)
        return sorted(groups.items())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["alfabet"] = self.alfabet()
        context["versie_info"] = self.get_parent().specific.versie_info
        return context


class BegripPage(InVersie):
    term = models.CharField("begrip", max_length=255)
    definitie = StreamField(TekstBlock(), blank=True, verbose_name="omschrijving")
    gedefinieerd_in = models.CharField(
        "omschreven in",
        max_length=255,
        blank=True,
        help_text="Waar de regeling het begrip omschrijft, bijvoorbeeld 'artikel 1.1'.",
    )
    vormen = models.JSONField(
        "vormen in de tekst",
        default=list,
        blank=True,
        help_text="Enkelvoud, meervoud en andere vormen die naar dit begrip linken.",
    )
    sort_key = models.CharField(max_length=255, blank=True, db_index=True, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("term"),
        FieldPanel("definitie"),
        FieldPanel("gedefinieerd_in"),
    ]
    parent_page_types = ["regelgeving.BegrippenIndexPage"]
    subpage_types: list[str] = []
    search_fields = Page.search_fields + [
        index.SearchField("term", boost=4),
        StreamSearchField("definitie"),
        index.SearchField("zoekvormen"),
    ]

    class Meta:
        verbose_name = "begrip"
        verbose_name_plural = "begrippen"

    def fill_derived_fields(self) -> None:
        self.sort_key = self.term.lower()

    def zoektekst(self) -> str:
        return f"{self.term} {stream_plain_text(self.definitie)}"

    def gebruikt_in(self):
        return pages_referring_to(self, ArtikelPage)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["gebruikt_in"] = list(self.gebruikt_in())
        context["tekst"] = render_stream(self.definitie, context)
        return context
