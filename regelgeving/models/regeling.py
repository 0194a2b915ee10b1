"""A regulation as a work and its published versions."""

from __future__ import annotations

from datetime import date

from django.apps import apps
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .. import routes, validity
from ..comparison import ArticleText
from ..rich_text import stream_plain_text
from .blocks import TekstBlock
from .panels import VergelijkingPanel
from .public import PublicPage

# The official journals by the prefix of their publications' identifiers (gmb-2025-538386).
BLADEN = {
    "gmb": "Gemeenteblad",
    "prb": "Provinciaal blad",
    "stcrt": "Staatscourant",
    "stb": "Staatsblad",
    "bgr": "Blad gemeenschappelijke regeling",
    "wsb": "Waterschapsblad",
}

# The parts of a version listed in its table of contents, in document order.
ONDERDELEN = ("DivisiePage", "ArtikelPage", "BijlagePage", "ToelichtingPage")


def _model(name: str):
    """A page class of a later module (the parts of a version import this one), looked up by name."""
    return apps.get_model("regelgeving", name)


class RegelingPage(PublicPage, RoutablePageMixin, Page):
    """A regulation as a work, across its versions ("Verordening Sociaal Domein").

    Besides its own page it serves the URLs that hold across versions: the current
    text of an article, any of them on a peildatum, and comparisons of versions.
    """

    intro = RichTextField("inleiding", blank=True, features=["bold", "italic", "link"])
    werk_id = models.CharField(
        "werk",
        max_length=255,
        blank=True,
        db_index=True,
        help_text="Het werk waarvan elke publicatie een versie is: CVDR-werk, STOP-werk, of organisatie en "
        "citeertitel. De importeur vult dit in.",
    )
    organisatie = models.CharField("organisatie", max_length=255, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("organisatie", read_only=True),
        FieldPanel("werk_id", read_only=True),
    ]
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

    def artikel_url(self, nummer: str, absolute: bool = False) -> str:
        """The stable URL that always shows article `nummer` in the version in force; with the
        site's address when `absolute` (to copy or cite)."""
        base = self.full_url if absolute else self.url
        return base + self.reverse_subpage("artikel", kwargs={"nummer": nummer})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        vandaag = timezone.localdate()
        context["tijdlijn"] = [(g, validity.status(g, vandaag)) for g in reversed(self.tijdlijn())]
        context["huidige_versie"] = self.huidige_versie()
        return context

    @path("")
    def regeling(self, request):
        if "peildatum" in request.GET:
            return routes.view(routes.REGELING_OP_PEILDATUM)(request, self, request.GET["peildatum"])
        return self.render(request)

    @path("artikel/<str:nummer>/", name="artikel")
    def artikel(self, request, nummer):
        return routes.view(routes.ARTIKEL_OP_PEILDATUM)(request, self, nummer, request.GET.get("peildatum"))

    @path("vergelijk/", name="vergelijk")
    def vergelijk(self, request):
        van, naar = request.GET.get("van"), request.GET.get("naar")
        return routes.view(routes.VERGELIJKING)(request, self, van, naar)


class RegelingVersiePage(PublicPage, RoutablePageMixin, Page):
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
    bron_onvolledig = models.BooleanField(
        "bron onvolledig",
        default=False,
        help_text="De bron mist koppen of opsommingen (zoals een tekstkopie); elke pagina van deze versie "
        "verwijst dan naar de officiële publicatie.",
    )

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
                FieldPanel("bron_onvolledig"),
            ],
            heading="Publicatie",
        ),
        FieldPanel("aanhef"),
        FieldPanel("sluiting"),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Inhoud"),
            ObjectList([VergelijkingPanel(heading="Wijzigingen")], heading="Vergelijking"),
            ObjectList(Page.promote_panels, heading="Promoten"),
            ObjectList(Page.settings_panels, heading="Instellingen"),
        ]
    )

    parent_page_types = ["regelgeving.RegelingPage"]
    subpage_types = [
        "regelgeving.DivisiePage",
        "regelgeving.ArtikelPage",
        "regelgeving.BijlagePage",
        "regelgeving.ToelichtingPage",
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

    def _blad_nummer(self) -> tuple[str, str, str] | None:
        """(blad, year, number) of an official-journal identifier such as gmb-2025-538386."""
        parts = self.identifier.split("-")
        return (parts[0], parts[1], parts[2]) if len(parts) == 3 and parts[0] in BLADEN else None

    @property
    def publicatie_aanduiding(self) -> str:
        """ "Gemeenteblad 2025, 538386" for gmb-2025-538386, else the identifier."""
        found = self._blad_nummer()
        if found is None:
            return self.identifier
        blad, jaar, nummer = found
        return f"{BLADEN[blad]} {jaar}, {nummer}"

    @property
    def officiele_publicatie_url(self) -> str:
        """Where the official text is: the source URL, or the page of a Gemeenteblad-like id."""
        if self.bron_url:
            return self.bron_url
        if self._blad_nummer() is not None:
            return f"https://zoek.officielebekendmakingen.nl/{self.identifier}.html"
        return ""

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
            .type(*(_model(name) for name in ONDERDELEN))
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
        return _model("BegrippenIndexPage").objects.live().child_of(self).first()

    def route(self, request, path_components):
        # Nothing of a version is public before the version itself: not an article an editor
        # published on its own inside it (Wagtail checks only the page routed to).
        if path_components and not self.live:
            raise Http404
        return super().route(request, path_components)

    def vorige_versie(self) -> RegelingVersiePage | None:
        """The version this one follows: the latest other version that started before it."""
        others = RegelingVersiePage.objects.sibling_of(self, inclusive=False)
        if self.in_werking_op:
            earlier = others.filter(in_werking_op__lt=self.in_werking_op).order_by("-in_werking_op", "-pk")
            return earlier.first()
        return others.order_by("-in_werking_op", "-pk").first()

    def artikel_teksten(self) -> list[ArticleText]:
        """Every article of this version as plain text, in document order, for comparing versions."""
        artikelen = _model("ArtikelPage").objects.filter(versie=self).order_by("path")
        return [a.as_article_text() for a in artikelen]

    def begrip_teksten(self) -> list[ArticleText]:
        """Every begrip as plain text; a begrip is matched by its term only (a renamed term is new)."""
        return [
            ArticleText(b.pk, b.term, "", stream_plain_text(b.definitie))
            for b in _model("BegripPage").objects.filter(versie=self).order_by("path")
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["versie_info"] = self.versie_info
        context["inhoud"] = self.inhoudsopgave_boom()
        context["begrippen_index"] = self.begrippen_index()
        return context

    @path("pdf/", name="pdf")
    def pdf(self, request):
        return routes.view(routes.VERSIE_PDF)(request, self)
