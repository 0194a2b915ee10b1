"""The top of the site: the home page and the overview of all regelingen."""

from __future__ import annotations

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from .. import taken
from .public import PublicPage
from .regeling import RegelingPage


class HomePage(PublicPage, Page):
    intro = RichTextField("inleiding", blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = [
        "regelgeving.RegelgevingIndexPage",
        "loket.LoketPage",
        "regelgeving.InformatiePage",
    ]
    parent_page_types = ["wagtailcore.Page"]  # the root: one home page per gemeente's site

    class Meta:
        verbose_name = "startpagina"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["regelgeving_index"] = RegelgevingIndexPage.objects.live().child_of(self).first()
        # What people come for (the loket's flows), offered by the apps that have them.
        context["taken"] = taken.op_startpagina(self)
        context["regelingen"] = RegelingPage.objects.live().descendant_of(self).order_by("title")
        return context


class RegelgevingIndexPage(PublicPage, Page):
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
