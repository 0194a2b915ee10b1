"""Paging of the Wagtail API with bounds: `offset` and `limit` are small non-negative integers.

Wagtail accepts any integer as offset; a 20-digit one reached the database as a number it
cannot hold (a 500 on SQLite and PostgreSQL). Past MAX_OFFSET a re-user should filter
(type, child_of, peildatum ...) rather than page.
"""

from __future__ import annotations

import re

from django.conf import settings
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError

MAX_OFFSET = 10_000
_DIGITS = re.compile(r"[0-9]{1,9}")


def bounded(request, name: str, maximum: int) -> None:
    """Refuse `name` unless it is absent or an integer from 0 to `maximum`."""
    value = request.GET.get(name)
    if value is None:
        return
    if not _DIGITS.fullmatch(value) or int(value) > maximum:
        raise BadRequestError(f"{name} moet een geheel getal van 0 tot en met {maximum} zijn.")


class BoundedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        bounded(request, "offset", MAX_OFFSET)
        bounded(request, "limit", getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20) or MAX_OFFSET)
        return super().paginate_queryset(queryset, request, view)
