"""Published regelgeving pages served from Django's cache: routed and rendered once per change.

Routing and rendering a page costs tens of queries, though a published text does not change
between publications. The response is kept in the cache under a key made of everything its
content depends on:

- the host and path, and the query parameters these pages read, when they are well-formed
  (other parameters, or malformed ones, are answered without the cache);
- today's date, because a version's status (geldend, toekomstig, vervallen) and its banners
  change at midnight;
- the key of what is published (`SearchCacheKey`): every publish, unpublish, move, delete or
  save of a public page, every change to who may view a page or to a site, and every change to
  versions, begrippen, wetten and synoniemen renews it in the same transaction
  (regelgeving/signals.py, and the importer and version publishing for their bulk writes).

So a hit costs one indexed read, and no process can show a text after it changed: the next
request, in any process, reads the new key and renders afresh. Only anonymous GET and HEAD
requests are answered from the cache, and only responses of public pages (`PublicPage`) that no
view restriction guards, noted by the `before_serve_page` hook below: HTML with status 200 that
sets no cookie and holds no CSRF token.
"""

from __future__ import annotations

import hashlib
import re

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone
from wagtail.views import serve as wagtail_serve

from . import validity
from .models import SearchCacheKey
from .models.public import PublicPage

# Query parameters the cached pages read: ?peildatum= on a regeling, ?van=&naar= on a comparison
# (version slugs). Only well-formed values are cached, so made-up ones cannot crowd out pages.
_SLUG = re.compile(r"[a-z0-9-]{1,80}")
READ_PARAMS = {"peildatum": validity.parse_peildatum, "van": _SLUG.fullmatch, "naar": _SLUG.fullmatch}


def serve(request, path):
    """Wagtail's page view with a cache in front of it."""
    key = _key(request)
    if key is None:
        return wagtail_serve(request, path)
    cache = caches[settings.PAGE_CACHE]
    cached = cache.get(key)
    if cached is not None:
        return cached
    response = wagtail_serve(request, path)
    if getattr(request, "public_page", False):
        if getattr(response, "is_rendered", True):
            _store(cache, key, request, response)
        else:
            response.add_post_render_callback(lambda rendered: _store(cache, key, request, rendered))
    return response


def _key(request) -> str | None:
    """The cache key for this request, or None when it must not come from the cache."""
    if request.method not in ("GET", "HEAD"):
        return None
    query = _read_params(request)
    if query is None:
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
        return None  # editors: Wagtail may show them what the public does not see
    published = SearchCacheKey.current()
    if published is None:
        return None
    parts = [request.get_host(), request.path, query, timezone.localdate().isoformat(), published]
    return "pagina:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _read_params(request) -> str | None:
    """The query parameters as one sorted string, or None when one is unknown or malformed."""
    params = []
    for name in sorted(request.GET):
        values = request.GET.getlist(name)
        if name not in READ_PARAMS or len(values) != 1 or not _well_formed(READ_PARAMS[name], values[0]):
            return None
        params.append(f"{name}={values[0]}")
    return "&".join(params)


def _well_formed(check, value: str) -> bool:
    try:
        return bool(check(value))
    except ValueError:
        return False


def _store(cache, key: str, request, response) -> None:
    if (
        response.status_code == 200
        and response.get("Content-Type", "").startswith("text/html")
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    ):
        cache.set(key, response, settings.PAGE_CACHE_SECONDS)


def note_public_page(page, request, serve_args, serve_kwargs) -> None:
    """Wagtail's `before_serve_page` hook: whether the page about to answer is a public one.

    A page behind a view restriction (a password, a login, a group) is not: what one visitor
    was let in to see must not be kept for the next."""
    request.public_page = isinstance(page, PublicPage) and not page.get_view_restrictions().exists()
