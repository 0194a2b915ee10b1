"""Published regelgeving pages served from Django's cache: routed and rendered once per change.

An article page took 41 ms and 26 queries to route and render, though a published text does not
change between publications. The response is kept in the cache under a key made of everything
its content depends on:

- the host and path, and the query parameters these pages read (other parameters: not cached);
- today's date, because a version's status (geldend, toekomstig, vervallen) and its banners
  change at midnight;
- the key of what is published (`SearchCacheKey`): every publish, unpublish, move or delete of
  a page, and every change to versions, begrippen, wetten and synoniemen, renews it in the same
  transaction (regelgeving/signals.py, and the importer and version publishing for their bulk
  writes).

So a hit costs one indexed read, and no process can show a text after it changed: the next
request, in any process, reads the new key and renders afresh. Only anonymous GET and HEAD
requests are answered from the cache, and only responses of public pages (`PublicPage`, noted
by the `before_serve_page` hook below): HTML with status 200 that sets no cookie and holds no
CSRF token.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone
from wagtail.views import serve as wagtail_serve

from .models import SearchCacheKey
from .models.public import PublicPage

# Query parameters the cached pages read: ?peildatum= on a regeling, ?van=&naar= on a comparison.
READ_PARAMS = frozenset({"peildatum", "van", "naar"})


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
    if request.method not in ("GET", "HEAD") or not set(request.GET).issubset(READ_PARAMS):
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
        return None  # editors: Wagtail may show them what the public does not see
    published = SearchCacheKey.current()
    if published is None:
        return None
    query = request.GET.urlencode()
    parts = [request.get_host(), request.path, query, timezone.localdate().isoformat(), published]
    return "pagina:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _store(cache, key: str, request, response) -> None:
    if (
        response.status_code == 200
        and response.get("Content-Type", "").startswith("text/html")
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    ):
        cache.set(key, response, settings.PAGE_CACHE_SECONDS)


def note_public_page(page, request, serve_args, serve_kwargs) -> None:
    """Wagtail's `before_serve_page` hook: whether the page about to answer is a public one."""
    request.public_page = isinstance(page, PublicPage)
