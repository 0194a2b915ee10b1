"""The parts of a version: hoofdstukken, afdelingen, paragrafen, artikelen and bijlagen."""

from __future__ import annotations

from django.db import models
from django.db.models.functions import Cast, Upper
from django.utils.functional import cached_property
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, ReferenceIndex
from wagtail.search import index

from .. import routes, taken, validity
from ..analysis import index_forms
from ..choices import DIVISIE_SOORTEN, STATUS_CHOICES
from ..comparison import ArticleText
from ..numbering import number_sort_key
from ..rich_text import render_stream, stream_plain_text
from .blocks import TekstBlock
from .public import PublicPage
from .regeling import RegelingVersiePage
from .search_fields import StreamSearchField


def pages_referring_to(page: Page, model: type[Page] = Page):
    """Live pages (of `model`) whose content links to `page`, per Wagtail's reference index."""
    references = ReferenceIndex.get_references_to(page)
    if model is not Page:
        references = references.filter(
            content_type__model=model._meta.model_name, content_type__app_label="regelgeving"
        )
    source_ids = references.annotate(source_id=Cast("object_id", models.BigIntegerField())).values(
        "source_id"
    )
    pages = model.objects.live().filter(pk__in=source_ids).exclude(pk=page.pk)
    return pages.order_by("sort_key" if model is not Page else "path")


class InVersie(PublicPage, Page):
    """A page inside one version: knows its version, for queries and for the version banner."""

    versie = models.ForeignKey(
        RegelingVersiePage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        abstract = True

    def fill_derived_fields(self) -> None:
        """Set the fields computed from others; save() calls it, and so does the importer's bulk writer."""

    def save(self, *args, **kwargs):
        if self.versie_id is None:
            self.versie = RegelingVersiePage.objects.ancestor_of(self).first()
        self.fill_derived_fields()
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["versie_info"] = self.versie.versie_info if self.versie else None
        return context

    def zoektekst(self) -> str:
        """The text a search should find this page by; pages add their own fields."""
        return self.title

    @cached_property
    def zoekvormen(self) -> str:
        """Stems and compound parts of `zoektekst`, indexed so every backend searches Dutch.

        Kept per instance: a search backend reads it once for each part of its index entry
        (title, body, autocomplete), and the instance it indexes is loaded for that alone.
        """
        return index_forms(self.zoektekst())


class VersieOnderdeel(InVersie):
    """Common fields of numbered parts of a version: hoofdstuk, artikel, bijlage."""

    nummer = models.CharField("nummer", max_length=40, blank=True)
    opschrift = models.CharField("opschrift", max_length=500, blank=True)
    sort_key = models.CharField(max_length=120, blank=True, db_index=True, editable=False)

    class Meta:
        abstract = True

    def fill_derived_fields(self) -> None:
        self.sort_key = number_sort_key(self.nummer)[:120]


class DivisiePage(VersieOnderdeel):
    """Hoofdstuk, afdeling or paragraaf."""

    soort = models.CharField("soort", max_length=20, choices=DIVISIE_SOORTEN, default="hoofdstuk")
    intro = StreamField(TekstBlock(), blank=True, verbose_name="tekst")
    wetten = ParentalManyToManyField("regelgeving.Wet", blank=True, verbose_name="wetten")
    afgeleid = models.BooleanField(
        "kop ontbrak in de bron",
        default=False,
        help_text="De importeur heeft dit onderdeel aangemaakt omdat de nummering het vereist.",
    )
    status = models.CharField("status", max_length=20, blank=True, choices=STATUS_CHOICES)

    content_panels = Page.content_panels + [
        FieldPanel("soort"),
        FieldPanel("nummer"),
        FieldPanel("opschrift"),
        FieldPanel("status"),
        FieldPanel("intro"),
        FieldPanel("wetten"),
    ]
    parent_page_types = ["regelgeving.RegelingVersiePage", "regelgeving.DivisiePage"]
    subpage_types = ["regelgeving.DivisiePage", "regelgeving.ArtikelPage"]
    search_fields = Page.search_fields + [
        index.SearchField("opschrift"),
        StreamSearchField("intro"),
        index.SearchField("zoekvormen"),
    ]

    class Meta:
        verbose_name = "hoofdstuk, afdeling of paragraaf"
        verbose_name_plural = "hoofdstukken, afdelingen en paragrafen"
        # A citation ("hoofdstuk 7") looks a number up across every version in scope.
        indexes = [models.Index(fields=["nummer"], name="divisie_nummer")]

    def zoektekst(self) -> str:
        return f"{self.title} {stream_plain_text(self.intro)}"

    def onderdelen(self):
        return (
            Page.objects.live()
            .child_of(self)
            .type(DivisiePage, ArtikelPage)
            .only("id", "title", "path", "url_path", "depth")
            .order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["onderdelen"] = self.onderdelen()
        context["tekst"] = render_stream(self.intro, context)
        return context


class ArtikelPage(RoutablePageMixin, VersieOnderdeel):
    body = StreamField(TekstBlock(), blank=True, verbose_name="tekst")
    werk_id = models.CharField(
        max_length=64,
        blank=True,
        db_index=True,
        editable=False,
        help_text="Hetzelfde artikel in alle versies, ook als het een ander nummer kreeg.",
    )
    wetten = ParentalManyToManyField("regelgeving.Wet", blank=True, verbose_name="wetten")
    status = models.CharField("status", max_length=20, blank=True, choices=STATUS_CHOICES)
    toelichting = StreamField(
        TekstBlock(),
        blank=True,
        verbose_name="toelichting",
        help_text="De artikelsgewijze toelichting bij dit artikel, zoals de publicatie die geeft.",
    )
    importopmerking = models.TextField(
        "let op (importeur)",
        blank=True,
        help_text="Waarom de tekst van dit artikel mogelijk niet helemaal bij dit artikel hoort: de bron "
        "mist koppen. Vergelijk met de officiële publicatie, corrigeer de tekst zo nodig en maak dit veld "
        "leeg. Alleen redacteuren zien dit.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("importopmerking"),
        FieldPanel("nummer"),
        FieldPanel("opschrift"),
        FieldPanel("status"),
        FieldPanel("body"),
        FieldPanel("toelichting"),
        FieldPanel("wetten"),
    ]
    parent_page_types = ["regelgeving.RegelingVersiePage", "regelgeving.DivisiePage"]
    subpage_types: list[str] = []
    search_fields = Page.search_fields + [
        index.SearchField("nummer", boost=3),
        index.SearchField("opschrift", boost=2),
        StreamSearchField("body"),
        StreamSearchField("toelichting"),
        index.SearchField("zoekvormen"),
        index.FilterField("versie"),
    ]

    class Meta:
        verbose_name = "artikel"
        verbose_name_plural = "artikelen"
        # A citation ("art. 2.3a") looks a number up, in any case, across every version in scope.
        indexes = [models.Index(Upper("nummer"), name="artikel_nummer_hoofdletters")]

    def _siblings_in_version(self):
        return (
            ArtikelPage.objects.live()
            .filter(versie_id=self.versie_id)
            .only("id", "title", "url_path", "nummer", "sort_key")
        )

    def vorige(self):
        return self._siblings_in_version().filter(sort_key__lt=self.sort_key).order_by("-sort_key").first()

    def volgende(self):
        return self._siblings_in_version().filter(sort_key__gt=self.sort_key).order_by("sort_key").first()

    api_fields = [
        APIField("nummer"),
        APIField("opschrift"),
        APIField("citeertitel"),
        APIField("versie_id"),
        APIField("werk_id"),
        APIField("tekst"),
        APIField("body"),
        APIField("wet_afkortingen"),
    ]

    @property
    def tekst(self) -> str:
        return stream_plain_text(self.body)

    def zoektekst(self) -> str:
        return f"{self.title} {self.tekst} {stream_plain_text(self.toelichting)}"

    @property
    def wet_afkortingen(self) -> list[str]:
        return [w.afkorting for w in self.wetten.all()]

    def as_article_text(self):
        """This article as plain text, for comparing versions."""
        return ArticleText(self.pk, self.nummer, self.opschrift, stream_plain_text(self.body))

    @property
    def aanduiding(self) -> str:
        """How a reader names this article: "Artikel 5.2.1", or its heading when it has no number."""
        if self.nummer:
            return f"Artikel {self.nummer}"
        return self.opschrift or "Artikel zonder nummer"

    @property
    def citeertitel(self) -> str:
        """ "Artikel 5.2.1 Verordening Sociaal Domein 2026, Gemeenteblad 2025, 538386"."""
        if not self.versie:
            return self.aanduiding
        return f"{self.aanduiding} {self.versie.title}, {self.versie.publicatie_aanduiding}"

    def geschiedenis(self) -> list[dict]:
        """This article in every published version, newest first, each with a link to its changes."""
        if not self.versie:
            return []
        regeling = self.versie.versie_info["regeling"]
        lijn = regeling.tijdlijn()
        same = models.Q(werk_id=self.werk_id) if self.werk_id else models.Q(nummer=self.nummer)
        per_versie = {
            a.versie_id: a
            for a in ArtikelPage.objects.live()
            .filter(same, versie_id__in=[g.versie.pk for g in lijn])
            .only("id", "title", "url_path", "nummer", "versie_id")
        }
        rows = []
        for i, geldigheid in enumerate(lijn):
            artikel = per_versie.get(geldigheid.versie.pk)
            if artikel is None:
                continue
            vorige = lijn[i - 1].versie if i > 0 else None
            diff_url = (
                f"{regeling.url}vergelijk/?van={vorige.slug}&naar={geldigheid.versie.slug}#artikel-{artikel.nummer}"
                if vorige
                else ""
            )
            rows.append({"artikel": artikel, "geldigheid": geldigheid, "diff_url": diff_url})
        return rows[::-1]

    def verwijzende_onderdelen(self):
        """Articles, divisions, annexes and definitions that link here."""
        return pages_referring_to(self).only("id", "title", "url_path", "path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            vorige=self.vorige(),
            volgende=self.volgende(),
            verwijzend=list(self.verwijzende_onderdelen()),
            wetlijst=list(self.wetten.all()),
            geschiedenis=self.geschiedenis(),
            # "Dit regelt u in het loket": the flows that apply this article.
            taken=taken.bij_artikel(self),
        )
        info = context.get("versie_info")
        if info and self.nummer:
            # The stable link, to this article's number in whatever version applies when it is followed.
            context["vaste_link"] = info["regeling"].artikel_url(self.nummer, absolute=True)
            if info["status"] != validity.GELDEND:
                context["huidige_artikel_url"] = info["regeling"].artikel_url(self.nummer)
        context["tekst"] = render_stream(self.body, context)
        context["toelichting"] = render_stream(self.toelichting, context)
        return context

    @path("pdf/", name="pdf")
    def pdf(self, request):
        return routes.view(routes.ARTIKEL_PDF)(request, self)


class BijlagePage(VersieOnderdeel):
    body = StreamField(TekstBlock(), blank=True, verbose_name="tekst")
    afgeleid = models.BooleanField("kop ontbrak in de bron", default=False)
    status = models.CharField("status", max_length=20, blank=True, choices=STATUS_CHOICES)

    content_panels = Page.content_panels + [
        FieldPanel("nummer"),
        FieldPanel("opschrift"),
        FieldPanel("status"),
        FieldPanel("body"),
    ]
    parent_page_types = ["regelgeving.RegelingVersiePage"]
    subpage_types: list[str] = []
    search_fields = Page.search_fields + [
        index.SearchField("opschrift"),
        StreamSearchField("body"),
        index.SearchField("zoekvormen"),
    ]

    class Meta:
        indexes = [models.Index(Upper("nummer"), name="bijlage_nummer_hoofdletters")]
        verbose_name = "bijlage"
        verbose_name_plural = "bijlagen"

    def verwijzende_onderdelen(self):
        return pages_referring_to(self).only("id", "title", "url_path", "path")

    def zoektekst(self) -> str:
        return f"{self.title} {stream_plain_text(self.body)}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["verwijzend"] = list(self.verwijzende_onderdelen())
        context["tekst"] = render_stream(self.body, context)
        return context
