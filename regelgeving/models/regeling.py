"""A regulation as a work and its published versions."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .. import validity, views
from ..pdf import versie_pdf
from .blocks import TekstBlock


def _onderdeel_types():
    from .onderdelen import ArtikelPage, BijlagePage, DivisiePage

    return DivisiePage, ArtikelPage, BijlagePage


class RegelingPage(RoutablePageMixin, Page):
    """A regulation as a work, across its versions ("Verordening Sociaal Domein").

    Besides its own page it serves the URLs that hold across versions: the current
    text of an article, any of them on a peildatum, and comparisons of versions.
    """

    intro = RichTextField("inleiding", blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["regelgeving.RegelgevingIndexPage"]
    subpage_types = ["regelgeving.RegelingVersiePage"]

    class Meta:
        verbose_name = "regeling"
        verbose_name_plural = "regelingen"

    def versies(self):
        """Published versions, newest first."""
        return RegelingVersiePage.objects.live().child_of(self).order_by("-in_werking_op", "-pk")

    def tijdlijn(self) -> list[validity.Geldigheid]:
        return validity.tijdlijn(self.versies())

    def versie_op(self, peildatum: date | None = None) -> RegelingVersiePage | None:
        """The version in force on `peildatum` (today by default), or None.

        The one rule for "which version applies", reused by pages, routes and the API.
        """
        entry = validity.geldig_op(self.tijdlijn(), peildatum or timezone.localdate())
        return entry.versie if entry else None

    def huidige_versie(self) -> RegelingVersiePage | None:
        return self.versie_op()

    def artikel_url(self, nummer: str) -> str:
        """The stable URL that always shows article `nummer` in the version in force."""
        return self.url + self.reverse_subpage("artikel", kwargs={"nummer": nummer})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        vandaag = timezone.localdate()
        context["tijdlijn"] = [(g, validity.status(g, vandaag)) for g in reversed(self.tijdlijn())]
        context["huidige_versie"] = self.huidige_versie()
        return context

    @path("")
    def regeling(self, request):
        if "peildatum" in request.GET:
            return views.regeling_op_peildatum(request, self, request.GET["peildatum"])
        return self.render(request)

    @path("artikel/<str:nummer>/", name="artikel")
    def artikel(self, request, nummer):
        return views.artikel_op_peildatum(request, self, nummer, request.GET.get("peildatum"))

    @path("vergelijk/", name="vergelijk")
    def vergelijk(self, request):
        return views.vergelijking(request, self, request.GET.get("van"), request.GET.get("naar"))


class RegelingVersiePage(RoutablePageMixin, Page):
    """One published version of a regulation: one Gemeenteblad publication."""

    officiele_titel = models.TextField("officiële titel", blank=True)
    citeertitel = models.CharField("citeertitel", max_length=255, blank=True)
    identifier = models.CharField(
        "publicatie-identificatie",
        max_length=255,
        db_index=True,
        help_text="Bijvoorbeeld gmb-2025-538386 of CVDR621050_2.",
    )
    cvdr_id = models.CharField("CVDR-id", max_length=40, blank=True)
    gemeente = models.CharField("gemeente", max_length=120, blank=True)
    bevoegd_orgaan = models.CharField("bevoegd orgaan", max_length=255, blank=True)
    vastgesteld_op = models.DateField("vastgesteld op", null=True, blank=True)
    in_werking_op = models.DateField("in werking op", null=True, blank=True)
    uitgewerkt_op = models.DateField(
        "geldig tot en met",
        null=True,
        blank=True,
        help_text="Alleen invullen als de regeling is ingetrokken zonder opvolger; anders volgt de "
        "einddatum uit de volgende versie.",
    )
    publicatiedatum = models.DateField("publicatiedatum", null=True, blank=True)
    bron_url = models.URLField("bron", max_length=500, blank=True)
    bron_formaat = models.CharField("bronformaat", max_length=20, blank=True)
    aanhef = StreamField(TekstBlock(), blank=True, verbose_name="aanhef")
    sluiting = StreamField(TekstBlock(), blank=True, verbose_name="slotformulering")
    import_rapport = models.JSONField("importrapport", default=dict, blank=True, editable=False)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("officiele_titel"),
                FieldPanel("citeertitel"),
                FieldPanel("identifier"),
                FieldPanel("cvdr_id"),
                FieldPanel("gemeente"),
                FieldPanel("bevoegd_orgaan"),
                FieldPanel("vastgesteld_op"),
                FieldPanel("in_werking_op"),
                FieldPanel("uitgewerkt_op"),
                FieldPanel("publicatiedatum"),
                FieldPanel("bron_url"),
            ],
            heading="Publicatie",
        ),
        FieldPanel("aanhef"),
        FieldPanel("sluiting"),
    ]

    @classmethod
    def get_edit_handler(cls):
        # The comparison panel lives in admin_views (it needs the views module); added lazily.
        from wagtail.admin.panels import ObjectList, TabbedInterface

        from ..admin_views import VergelijkingPanel

        return TabbedInterface(
            [
                ObjectList(cls.content_panels, heading="Inhoud"),
                ObjectList([VergelijkingPanel(heading="Wijzigingen")], heading="Vergelijking"),
                ObjectList(cls.promote_panels, heading="Promoten"),
                ObjectList(cls.settings_panels, heading="Instellingen"),
            ]
        ).bind_to_model(cls)

    parent_page_types = ["regelgeving.RegelingPage"]
    subpage_types = [
        "regelgeving.DivisiePage",
        "regelgeving.ArtikelPage",
        "regelgeving.BijlagePage",
        "regelgeving.BegrippenIndexPage",
    ]
    search_fields = Page.search_fields + [
        index.SearchField("citeertitel"),
        index.SearchField("officiele_titel"),
        index.FilterField("identifier"),
    ]

    class Meta:
        verbose_name = "versie van een regeling"
        verbose_name_plural = "versies van regelingen"

    @property
    def publicatie_aanduiding(self) -> str:
        """ "Gemeenteblad 2025, 538386" for gmb-2025-538386, else the identifier."""
        parts = self.identifier.split("-")
        bladen = {
            "gmb": "Gemeenteblad",
            "prb": "Provinciaal blad",
            "stcrt": "Staatscourant",
            "stb": "Staatsblad",
            "bgr": "Blad gemeenschappelijke regeling",
            "wsb": "Waterschapsblad",
        }
        if len(parts) == 3 and parts[0] in bladen:
            return f"{bladen[parts[0]]} {parts[1]}, {parts[2]}"
        return self.identifier

    api_fields = [
        APIField("identifier"),
        APIField("citeertitel"),
        APIField("officiele_titel"),
        APIField("cvdr_id"),
        APIField("gemeente"),
        APIField("bevoegd_orgaan"),
        APIField("vastgesteld_op"),
        APIField("in_werking_op"),
        APIField("geldig_tot"),
        APIField("geldigheidsstatus"),
        APIField("bron_url"),
    ]

    @property
    def geldig_tot(self):
        return self.versie_info["tot"]

    @property
    def geldigheidsstatus(self) -> str:
        return self.versie_info["status"]

    @cached_property
    def versie_info(self) -> dict:
        """Status and validity of this version today, for banners and metadata."""
        regeling = self.get_parent().specific
        entry = next((g for g in regeling.tijdlijn() if g.versie.pk == self.pk), None)
        status = validity.status(entry, timezone.localdate(), live=self.live)
        return {
            "status": status,
            "label": validity.STATUS_LABELS[status],
            "vanaf": entry.vanaf if entry else self.in_werking_op,
            "tot": entry.tot if entry else self.uitgewerkt_op,
            "regeling": regeling,
            "versie": self,
        }

    def inhoudsopgave(self):
        """Divisions, articles and annexes in document order, for the table of contents."""
        return (
            Page.objects.live()
            .descendant_of(self)
            .type(*_onderdeel_types())
            .only("id", "title", "depth", "path", "url_path", "slug")
            .order_by("path")
        )

    def inhoudsopgave_boom(self) -> list[dict]:
        """The table of contents as nested {"page", "children"} dicts (one query)."""
        roots: list[dict] = []
        stack: list[tuple[int, list[dict]]] = [(self.depth, roots)]
        for page in self.inhoudsopgave():
            while stack and stack[-1][0] >= page.depth:
                stack.pop()
            node = {"page": page, "children": []}
            stack[-1][1].append(node)
            stack.append((page.depth, node["children"]))
        return roots

    def begrippen_index(self):
        from .begrippen import BegrippenIndexPage

        return BegrippenIndexPage.objects.live().child_of(self).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["versie_info"] = self.versie_info
        context["inhoud"] = self.inhoudsopgave_boom()
        context["begrippen_index"] = self.begrippen_index()
        return context

    @path("pdf/", name="pdf")
    def pdf(self, request):
        return versie_pdf(request, self)
