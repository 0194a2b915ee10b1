"""The general explanation (toelichting) that comes with a version of a regulation."""

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..rich_text import render_stream, stream_plain_text
from .blocks import TekstBlock
from .onderdelen import InVersie
from .search_fields import StreamSearchField


class ToelichtingPage(InVersie):
    """The algemene toelichting of a version, as the publication gives it; the article-by-article
    part is shown with each article (ArtikelPage.toelichting)."""

    body = StreamField(TekstBlock(), blank=True, verbose_name="tekst")

    content_panels = Page.content_panels + [FieldPanel("body")]
    parent_page_types = ["regelgeving.RegelingVersiePage"]
    subpage_types: list[str] = []
    search_fields = Page.search_fields + [StreamSearchField("body"), index.SearchField("zoekvormen")]

    class Meta:
        verbose_name = "toelichting"
        verbose_name_plural = "toelichtingen"

    def zoektekst(self) -> str:
        return f"{self.title} {stream_plain_text(self.body)}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tekst"] = render_stream(self.body, context)
        return context
