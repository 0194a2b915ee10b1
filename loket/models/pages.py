"""The loket section: the gemeente's loket page and one page per form flow.

A FlowPage's routes are answered by the flow engine, which is part of the view layer; they
reach it through loket/routes.py, never by importing it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from .. import legislation, routes
from ..flows import flow_choices, get_flow
from ..flows.base import DEFAULT_BEWAARTERMIJN_DAGEN
from ..gemeente import gemeente_van


class LoketPage(Page):
    """The gemeente's loket: the flows on offer (its child pages) and how to reach it. Phone,
    e-mail and address are the gemeente's (its setting), so every page and mail says the same."""

    intro = RichTextField("inleiding", blank=True, features=["bold", "italic", "link"])
    bereikbaarheid = RichTextField(
        "bereikbaarheid",
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text="Telefoonnummer, e-mailadres en bezoekadres staan bij Instellingen > Gemeente.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("bereikbaarheid")], heading="Contact"),
    ]
    parent_page_types = ["regelgeving.HomePage"]
    subpage_types = ["loket.FlowPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "loket"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["flows"] = FlowPage.objects.live().child_of(self)
        return context


class FlowPage(RoutablePageMixin, Page):
    """One form flow (melding, mantelzorgcompliment) embedded in an editable page."""

    flow = models.CharField("formulier", max_length=40, choices=flow_choices())
    intro = RichTextField("inleiding", blank=True, features=["bold", "italic", "link", "ul"])
    notificatie_email = models.EmailField(
        "e-mail voor meldingen aan het loket",
        blank=True,
        help_text=(
            "Krijgt bij elke inzending een bericht met het referentienummer (zonder persoonsgegevens). "
            "Leeg: het e-mailadres van het loket (Instellingen > Gemeente)."
        ),
    )
    bewaartermijn_dagen = models.PositiveIntegerField(
        "bewaartermijn (dagen)",
        default=DEFAULT_BEWAARTERMIJN_DAGEN,
        validators=[MinValueValidator(1)],
        help_text="Daarna verwijdert purge_submissions de inzending met al haar gegevens.",
    )
    aanvraag_vanaf = models.DateField(
        "aanvragen mogelijk vanaf", null=True, blank=True, help_text="Alleen voor het mantelzorgcompliment."
    )
    aanvraag_tot = models.DateField(
        "aanvragen mogelijk tot en met",
        null=True,
        blank=True,
        help_text="Alleen voor het mantelzorgcompliment.",
    )
    bedrag = models.DecimalField(
        "bedrag (euro)",
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Alleen voor het mantelzorgcompliment.",
    )
    grondslag = RichTextField(
        "waar regels buiten de verordening staan",
        blank=True,
        features=["bold", "italic", "link"],
        help_text=(
            "Sommige formulieren passen een regel toe die de verordening niet noemt, zoals een "
            "minimumleeftijd. Schrijf hier waar die regel staat (met een link als dat kan). Wie om zo'n "
            "regel wordt geweigerd, leest deze tekst in plaats van een verwijzing naar een artikel."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("flow"),
        FieldPanel("intro"),
        FieldPanel("notificatie_email"),
        InlinePanel("artikelen", heading="Artikelen die gelden", label="artikel"),
        FieldPanel("grondslag"),
        MultiFieldPanel(
            [FieldPanel("aanvraag_vanaf"), FieldPanel("aanvraag_tot"), FieldPanel("bedrag")],
            heading="Mantelzorgcompliment",
        ),
        FieldPanel("bewaartermijn_dagen"),
    ]
    parent_page_types = ["loket.LoketPage"]
    # Only below the inwonerspanel's page (PeilingPage.can_create_at checks the flow).
    subpage_types = ["loket.PeilingPage"]

    class Meta:
        verbose_name = "formulierpagina"

    def get_flow(self):
        return get_flow(self.flow)

    def gemeente(self):
        """The gemeente whose site holds this page: its name, loket and kernen."""
        return gemeente_van(self)

    def regeling(self):
        """The regeling the page cites (that of its first governing article); None when it
        cites none, and then the flow links no article."""
        verwijzing = self.artikelen.select_related("regeling").first()
        return verwijzing.regeling if verwijzing else None

    def uitkomst(self) -> str:
        """What the inwoner gets from this flow, as its start page says it."""
        return self.get_flow().outcome(self)

    def artikel_links(self) -> list[tuple[str, str]]:
        """(label, url) of the governing articles in the version in force today, each labelled
        with its own number and title; an article that version lacks is left out."""
        links = (verwijzing.link() for verwijzing in self.artikelen.select_related("regeling"))
        return [link for link in links if link is not None]

    # Thin routes; the flow engine does the work (registered in loket/wagtail_hooks.py).
    @path("")
    def start(self, request):
        return routes.view(routes.FLOW_START)(request, self)

    @re_path(r"^stap/(?P<stap>[a-z0-9-]+)/$", name="stap")
    def stap(self, request, stap):
        return routes.view(routes.FLOW_STEP)(request, self, stap)

    @path("controleren/", name="controleren")
    def controleren(self, request):
        return routes.view(routes.FLOW_SUMMARY)(request, self)

    @path("versturen/", name="versturen")
    def versturen(self, request):
        return routes.view(routes.FLOW_CONSENT)(request, self)

    @re_path(r"^bevestiging/(?P<referentie>[A-Z0-9-]+)/$", name="bevestiging")
    def bevestiging(self, request, referentie):
        return routes.view(routes.FLOW_CONFIRMATION)(request, self, referentie)

    @path("niet-mogelijk/", name="niet_mogelijk")
    def niet_mogelijk(self, request):
        return routes.view(routes.FLOW_NOT_ELIGIBLE)(request, self)

    @path("stoppen/", name="stoppen")
    def stoppen(self, request):
        return routes.view(routes.FLOW_STOP)(request, self)

    @path("verlengen/", name="verlengen")
    def verlengen(self, request):
        return routes.view(routes.FLOW_EXTEND)(request, self)


class ArtikelVerwijzing(Orderable):
    """An article that governs a flow, by number: shown as the version in force has it, with
    the article's own number and title (never a label typed here, which could differ)."""

    page = ParentalKey(FlowPage, on_delete=models.CASCADE, related_name="artikelen")
    regeling = models.ForeignKey("regelgeving.RegelingPage", on_delete=models.CASCADE, related_name="+")
    nummer = models.CharField(
        "artikelnummer",
        max_length=40,
        help_text=(
            "Het nummer zoals de regeling het heeft, bijvoorbeeld 2.2. De pagina toont het nummer en "
            "het opschrift van het artikel uit de versie die op dat moment geldt."
        ),
    )

    panels = [FieldPanel("regeling"), FieldPanel("nummer")]

    def clean(self):
        super().clean()
        self.nummer = self.nummer.strip()
        if self.regeling_id and not legislation.artikel_in_any_version(self.regeling, self.nummer):
            melding = f"Artikel {self.nummer} staat in geen enkele gepubliceerde versie van deze regeling."
            raise ValidationError({"nummer": melding})

    def link(self, peildatum=None) -> tuple[str, str] | None:
        """(label, url) of the article in the version in force on `peildatum` (today)."""
        return legislation.artikel_link(self.regeling, self.nummer, peildatum)
