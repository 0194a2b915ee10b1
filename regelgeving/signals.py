"""A version is published and unpublished as a whole: its articles, annexes and begrippen
follow the version page when it goes live (at once, or when Wagtail's publish_scheduled publishes
it on the date an editor scheduled); the task worker then renders its PDFs (pdf_files.py). A
publish that is only scheduled makes nothing public: Wagtail sends `page_published` for it too,
while the version stays offline until its date.

The key of what is published (`SearchCacheKey`) is renewed with every change that a search keeps
in memory (regelingen, versions, begrippen, synoniemen, wetten; see search/published.py) or that
a cached page shows (any page published, unpublished, moved or deleted, or a site changed; see
page_cache.py)."""

from django.apps import apps
from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import BegripPage, Gemeente, RegelingPage, RegelingVersiePage, SearchCacheKey, Synoniem, Wet
from .models.public import PublicPage
from .pdf_files import render_after_publication
from .search.tree_lexemes import refresh_under
from .site_setup import sync_default_site
from .versions import publish_descendants, unpublish_descendants

KEPT_IN_SEARCH_CACHE = (RegelingPage, RegelingVersiePage, BegripPage, Synoniem, Wet)


def on_version_published(sender, instance, **kwargs):
    if instance.live:
        publish_descendants(instance)
        render_after_publication(instance.pk)


def on_version_unpublished(sender, instance, **kwargs):
    unpublish_descendants(instance)


def on_cached_change(sender, **kwargs):
    SearchCacheKey.renew()


def on_page_moved(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    # The search index names each page's subtrees by path (search/tree_lexemes.py).
    refresh_under(parent_page_before, parent_page_after)


def connect(app_config=None):
    # After `migrate`, Wagtail's default site takes the host and port of SITE_URL.
    post_migrate.connect(sync_default_site, sender=app_config)
    page_published.connect(on_version_published, sender=RegelingVersiePage)
    page_unpublished.connect(on_version_unpublished, sender=RegelingVersiePage)
    for model in KEPT_IN_SEARCH_CACHE:
        post_save.connect(on_cached_change, sender=model)
        post_delete.connect(on_cached_change, sender=model)
    # A move rewrites the paths of a whole subtree, which may hold versions and begrippen.
    post_page_move.connect(on_cached_change)
    post_page_move.connect(on_page_moved)
    # What the public sees of any page changes when it is published, unpublished or deleted, when
    # a public page is saved outside publishing (code, a shell), when who may see it changes, or
    # when a site moves to another host or root.
    page_published.connect(on_cached_change)
    page_unpublished.connect(on_cached_change)
    post_delete.connect(on_cached_change, sender=Page)
    for model in apps.get_models():
        if issubclass(model, PublicPage):
            post_save.connect(on_cached_change, sender=model)
    for model in (PageViewRestriction, Site, Gemeente):  # a gemeente's header, colours, contact
        post_save.connect(on_cached_change, sender=model)
        post_delete.connect(on_cached_change, sender=model)
