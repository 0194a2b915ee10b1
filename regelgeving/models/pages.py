"""Page types of the regulation model.

regelgeving index → Regeling (the work) → version (one publication) →
hoofdstuk/afdeling/paragraaf → artikel; bijlagen and begrippen hang under the version.
"""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, ReferenceIndex
from wagtail.search import index

from .. import validity, views
from ..pdf import artikel_pdf, versie_pdf
from ..rich_text import render_stream
from .blocks import TekstBlock

DIVISIE_SOORTEN = [("hoofdstuk", "Hoofdstuk"), ("afdeling", "Afdeling"), ("paragraaf", "Paragraaf")]


def _pages_referring_to(page: Page, model: type[Page] = Page):
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


class HomePage(Page):
    intro = RichTextField("inleiding", blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["regelgeving.RegelgevingIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = "startpagina"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["regelgeving_index"] = RegelgevingIndexPage.objects.live().child_of(self).first()
        context["regelingen"] = RegelingPage.objects.live().descendant_of(self).order_by("title")
        return context


class RegelgevingIndexPage(Page):
    intro = RichTextField("inleiding", blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["regelgeving.HomePage"]
    subpage_types = ["regelgeving.RegelingPage"]

    class Meta:
        verbose_name = "overzicht regelgeving"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        regelingen = list(RegelingPage.objects.live().child_of(self).order_by("title"))
        context["regelingen"] = [(r, r.huidige_versie()) for r in regelingen]
        return context


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
            .type(DivisiePage, ArtikelPage, BijlagePage)
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


class VersieOnderdeel(Page):
    """Common fields of pages inside a version: its number and a link back to the version."""

    versie = models.ForeignKey(
        RegelingVersiePage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    nummer = models.CharField("nummer", max_length=40, blank=True)
    opschrift = models.CharField("opschrift", max_length=500, blank=True)
    sort_key = models.CharField(max_length=120, blank=True, db_index=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        from importers.tree import number_sort_key

        self.sort_key = number_sort_key(self.nummer)
        if self.versie_id is None:
            self.versie = RegelingVersiePage.objects.ancestor_of(self).first()
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["versie_info"] = self.versie.versie_info if self.versie else None
        return context


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

    content_panels = Page.content_panels + [
        FieldPanel("soort"),
        FieldPanel("nummer"),
        FieldPanel("opschrift"),
        FieldPanel("intro"),
        FieldPanel("wetten"),
    ]
    parent_page_types = ["regelgeving.RegelingVersiePage", "regelgeving.DivisiePage"]
    subpage_types = ["regelgeving.DivisiePage", "regelgeving.ArtikelPage"]
    search_fields = Page.search_fields + [
        index.SearchField("opschrift"),
        index.SearchField("intro"),
    ]

    class Meta:
        verbose_name = "hoofdstuk, afdeling of paragraaf"
        verbose_name_plural = "hoofdstukken, afdelingen en paragrafen"

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
    status = models.CharField(
        "status",
        max_length=20,
        blank=True,
        choices=[("", "geldend"), ("vervallen", "vervallen"), ("gereserveerd", "gereserveerd")],
    )

    content_panels = Page.content_panels + [
        FieldPanel("nummer"),
        FieldPanel("opschrift"),
        FieldPanel("status"),
        FieldPanel("body"),
        FieldPanel("wetten"),
    ]
    parent_page_types = ["regelgeving.RegelingVersiePage", "regelgeving.DivisiePage"]
    subpage_types: list[str] = []
    search_fields = Page.search_fields + [
        index.SearchField("nummer", boost=3),
        index.SearchField("opschrift", boost=2),
        index.SearchField("body"),
        index.FilterField("versie"),
    ]

    class Meta:
        verbose_name = "artikel"
        verbose_name_plural = "artikelen"

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
        from ..rich_text import stream_plain_text

        return stream_plain_text(self.body)

    @property
    def wet_afkortingen(self) -> list[str]:
        return [w.afkorting for w in self.wetten.all()]

    def as_article_text(self):
        """This article as plain text, for comparing versions."""
        from ..comparison import ArticleText
        from ..rich_text import stream_plain_text

        return ArticleText(self.pk, self.nummer, self.opschrift, stream_plain_text(self.body))

    @property
    def citeertitel(self) -> str:
        """ "Artikel 5.2.1 Verordening Sociaal Domein 2026, Gemeenteblad 2025, 538386"."""
        if not self.versie:
            return f"Artikel {self.nummer}"
        return f"Artikel {self.nummer} {self.versie.title}, {self.versie.publicatie_aanduiding}"

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
        return _pages_referring_to(self).only("id", "title", "url_path", "path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            vorige=self.vorige(),
            volgende=self.volgende(),
            verwijzend=list(self.verwijzende_onderdelen()),
            wetlijst=list(self.wetten.all()),
            geschiedenis=self.geschiedenis(),
        )
        info = context.get("versie_info")
        if info and info["status"] != validity.GELDEND:
            context["huidige_artikel_url"] = info["regeling"].artikel_url(self.nummer)
        context["tekst"] = render_stream(self.body, context)
        return context

    @path("pdf/", name="pdf")
    def pdf(self, request):
        return artikel_pdf(request, self)


class BijlagePage(VersieOnderdeel):
    body = StreamField(TekstBlock(), blank=True, verbose_name="tekst")
    afgeleid = models.BooleanField("kop ontbrak in de bron", default=False)

    content_panels = Page.content_panels + [
        FieldPanel("nummer"),
        FieldPanel("opschrift"),
        FieldPanel("body"),
    ]
    parent_page_types = ["regelgeving.RegelingVersiePage"]
    subpage_types: list[str] = []
    search_fields = Page.search_fields + [index.SearchField("opschrift"), index.SearchField("body")]

    class Meta:
        verbose_name = "bijlage"
        verbose_name_plural = "bijlagen"

    def verwijzende_onderdelen(self):
        return _pages_referring_to(self).only("id", "title", "url_path", "path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["verwijzend"] = list(self.verwijzende_onderdelen())
        context["tekst"] = render_stream(self.body, context)
        return context


class BegrippenIndexPage(Page):
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


class BegripPage(Page):
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
    versie = models.ForeignKey(
        RegelingVersiePage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
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
        index.SearchField("definitie"),
    ]

    class Meta:
        verbose_name = "begrip"
        verbose_name_plural = "begrippen"

    def save(self, *args, **kwargs):
        self.sort_key = self.term.lower()
        if self.versie_id is None:
            self.versie = RegelingVersiePage.objects.ancestor_of(self).first()
        super().save(*args, **kwargs)

    def gebruikt_in(self):
        return _pages_referring_to(self, ArtikelPage)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["gebruikt_in"] = list(self.gebruikt_in())
        context["versie_info"] = self.versie.versie_info if self.versie else None
        context["tekst"] = render_stream(self.definitie, context)
        return context
