"""A peiling of the inwonerspanel: questions editors build, open and close dates, results with
an embargo. It lives below the inwonerspanel's page of the loket; its routes are answered by
loket/panel/views.py, reached through loket/routes.py."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from .. import routes
from ..blocks import VragenBlock
from ..flows.inwonerspanel import InwonerspanelFlow
from .panel import Vrijgave


class PeilingPage(RoutablePageMixin, Page):
    intro = RichTextField("inleiding", blank=True, features=["bold", "italic", "link", "ul"])
    vragen = StreamField(VragenBlock(), verbose_name="vragen")
    open_vanaf = models.DateField("open vanaf")
    open_tot = models.DateField("open tot en met")
    toelichting_resultaten = RichTextField(
        "toelichting bij de resultaten", blank=True, features=["bold", "italic", "link", "ul"]
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("open_vanaf"), FieldPanel("open_tot")], heading="Looptijd"),
        FieldPanel("vragen"),
        FieldPanel("toelichting_resultaten"),
    ]
    parent_page_types = ["loket.FlowPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "peiling"
        verbose_name_plural = "peilingen"

    @classmethod
    def can_create_at(cls, parent):
        # Only below the sign-up page of the inwonerspanel.
        return super().can_create_at(parent) and (
            getattr(parent.specific, "flow", "") == InwonerspanelFlow.slug
        )

    def clean(self):
        super().clean()
        if self.open_vanaf and self.open_tot and self.open_tot < self.open_vanaf:
            raise ValidationError({"open_tot": "De peiling kan niet sluiten voordat ze opengaat."})

    # -- the one rule for each moment of a peiling; pages, mails and staff views use these --------

    def is_open(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.open_vanaf <= today <= self.open_tot

    def is_gesloten(self, today=None) -> bool:
        return (today or timezone.localdate()) > self.open_tot

    def vrijgave_of_none(self):
        return Vrijgave.objects.filter(peiling=self).first()

    def resultaten_openbaar(self, now=None) -> bool:
        """Public only once staff released them and the embargo they set has passed."""
        vrijgave = self.vrijgave_of_none()
        return vrijgave is not None and (now or timezone.now()) >= vrijgave.embargo_tot

    # Thin routes; loket/panel/views.py does the work (registered in loket/wagtail_hooks.py).
    @path("")
    def overzicht(self, request):
        return routes.view(routes.PEILING_OVERVIEW)(request, self)

    @re_path(r"^invullen/(?P<token>[A-Za-z0-9_-]{20,80})/$", name="invullen")
    def invullen(self, request, token):
        return routes.view(routes.PEILING_ANSWER)(request, self, token)

    @re_path(r"^invullen/(?P<token>[A-Za-z0-9_-]{20,80})/stoppen/$", name="stoppen")
    def stoppen(self, request, token):
        return routes.view(routes.PEILING_STOP)(request, self, token)

    @re_path(r"^resultaten/(?P<sleutel>[A-Za-z0-9_.-]{20,200})/$", name="resultaten")
    def resultaten(self, request, sleutel):
        return routes.view(routes.PEILING_RESULTS_EARLY)(request, self, sleutel)
