import re

from django.templatetags.static import static
from django.urls import path
from django.utils.html import escape, format_html
from wagtail import hooks
from wagtail.rich_text.pages import PageLinkHandler

from . import housekeeping, page_cache, pdf_views, routes, views
from .admin_views import vergelijk_met_vorige
from .planning import DAG, MINUUT, PERIODIEK_WERK, Periodiek
from .rich_text import preloaded_urls

# The views behind the page models' routes: the models look them up by these names
# (regelgeving/routes.py explains why they do not import them).
hooks.register(routes.REGELING_OP_PEILDATUM, views.regeling_op_peildatum)
hooks.register(routes.ARTIKEL_OP_PEILDATUM, views.artikel_op_peildatum)
hooks.register(routes.VERGELIJKING, views.vergelijking)
hooks.register(routes.VERSIE_PDF, pdf_views.versie_pdf)
hooks.register(routes.ARTIKEL_PDF, pdf_views.artikel_pdf)
hooks.register("before_serve_page", page_cache.note_public_page)


@hooks.register(PERIODIEK_WERK)
def periodiek_werk():
    """The pages' own periodic work (the planner's table: regelgeving/planning.py)."""
    return [
        Periodiek(
            "publiceren", housekeeping.publish_scheduled_pages, MINUUT, "geplande publicaties uitvoeren"
        ),
        Periodiek(
            "taakresultaten", housekeeping.prune_task_results, DAG, "oude resultaten van taken verwijderen"
        ),
    ]


@hooks.register("insert_global_admin_js")
def admin_widgets_without_inline_script():
    """Starts the admin widgets Wagtail would start with inline scripts, which the CSP forbids
    (see the overridden templates in site/templates/wagtailadmin/)."""
    return format_html('<script src="{}"></script>', static("js/admin-zonder-inline-script.js"))


class PreloadedPageLinkHandler(PageLinkHandler):
    """Page links answered from `render_stream`'s single lookup when it has them; a link that
    carries an `anchor` (the importer's link to an article's lid) goes to that place on the page."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        urls = preloaded_urls()
        if urls is not None and all(str(a.get("id")) in urls for a in attrs_list):
            tags = [f'<a href="{escape(urls[str(a["id"])])}">' for a in attrs_list]
        else:
            tags = super().expand_db_attributes_many(attrs_list)
        anchors = [attrs.get("anchor", "") for attrs in attrs_list]
        return [_with_anchor(tag, anchor) for tag, anchor in zip(tags, anchors, strict=True)]


_ANCHOR = re.compile(r"[\w-]+")


def _with_anchor(tag: str, anchor: str) -> str:
    if not _ANCHOR.fullmatch(anchor) or not tag.endswith('">'):
        return tag
    return f'{tag[:-2]}#{anchor}">'


# Runs after Wagtail's own registration (default order 0) so that ours replaces it.
@hooks.register("register_rich_text_features", order=100)
def register_preloaded_page_links(features):
    features.register_link_type(PreloadedPageLinkHandler)


@hooks.register("register_admin_urls")
def register_comparison_url():
    return [path("regelgeving/vergelijk/<int:pk>/", vergelijk_met_vorige, name="regelgeving_vergelijk_admin")]


@hooks.register("construct_main_menu")
def fragmenten_in_het_nederlands(request, menu_items):
    """Wagtail's Dutch admin keeps the English "Snippets"; this site's help texts, and editors,
    call them "Fragmenten"."""
    for item in menu_items:
        if item.name == "snippets":
            item.label = "Fragmenten"
