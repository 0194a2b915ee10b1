"""The Wagtail API's `?search=`, answered by the site's own query handling.

Wagtail hands the raw string to the search backend, which on SQLite passes quotes and other
FTS5 syntax through (a lone `"` was a database error) and nests one level per word (500 words
exceeded Python's recursion limit). Here the string goes through the same cleaning, bounds,
stems and synonyms as /zoeken/ and /api/zoeken/ (search.service.text_query), so a re-user
finds what the site finds for the same words, and bad parameters answer 400 in the API's own
JSON error format ({"message": ...}).
"""

from __future__ import annotations

from django.conf import settings
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from .search.service import text_query

OPERATORS = ("and", "or")


class SiteSearchFilter(BaseFilterBackend):
    """Wagtail's SearchFilter, with the query made by the site; like it, the last filter."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if not getattr(settings, "WAGTAILAPI_SEARCH_ENABLED", True):
            raise BadRequestError("Zoeken via deze API staat uit; gebruik /api/zoeken/?q=…")
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError("Zoeken en filteren op tag tegelijk kan niet.")
        operator = request.GET.get("search_operator") or "and"
        if operator not in OPERATORS:
            raise BadRequestError(
                "search_operator moet 'and' (alle woorden) of 'or' (een van de woorden) zijn."
            )
        # The synonyms of the gemeente searched (the view's first site: see api.py).
        sites = getattr(view, "sites", None)
        site_path = sites[0].root_page.path if sites else ""
        query = text_query(request.GET["search"], any_word=operator == "or", site_path=site_path)
        if query is None:
            return queryset.none()  # nothing to search for: no page matches
        try:
            return get_search_backend().search(
                query, queryset, order_by_relevance="order" not in request.GET
            )
        except FilterFieldError as exc:
            raise BadRequestError(
                f"Filteren op '{exc.field_name}' kan niet samen met zoeken (het veld is niet geïndexeerd)."
            ) from exc
        except OrderByFieldError as exc:
            raise BadRequestError(
                f"Sorteren op '{exc.field_name}' kan niet samen met zoeken (het veld is niet geïndexeerd)."
            ) from exc
