"""Keeping the search index in step with pages that change without a save() per page.

Wagtail indexes a page when it is saved; publishing a whole version makes its pages live with
one UPDATE, so the version's pages are re-indexed here, through the task backend, once the
transaction commits. An index that stores `live` (Elasticsearch) then never shows a page
that is not live, nor misses one that is. After many pages, PostgreSQL's planner statistics
are renewed too (statistics.py).
"""

from __future__ import annotations

import logging
from collections import defaultdict

from django.db import transaction
from django_tasks import task
from wagtail.models import Page
from wagtail.search.backends import get_search_backends_with_name

from .statistics import renew_statistics

BATCH = 500

logger = logging.getLogger(__name__)


@task()
def reindex_pages(page_ids: list[int]) -> int:
    """Re-index the given pages as they are now, in bulk per page class; returns how many. After
    many pages (an import, a publication), PostgreSQL's planner statistics are renewed too."""
    done = 0
    for start in range(0, len(page_ids), BATCH):
        by_model = defaultdict(list)
        for page in Page.objects.filter(pk__in=page_ids[start : start + BATCH]).specific():
            by_model[type(page)].append(page)
        for model, pages in by_model.items():
            _add_to_every_backend(model, pages)
            done += len(pages)
    renew_statistics(len(page_ids))
    return done


def _add_to_every_backend(model, pages) -> None:
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        try:
            backend.add_bulk(model, pages)
        except Exception:
            # As Wagtail does for a single save: an external index that is down must not lose
            # the data; a database index fails loudly instead.
            logger.exception("Indexing %d %s pages in search backend '%s' failed", len(pages), model, name)
            if not backend.catch_indexing_errors:
                raise


def reindex_after_commit(page_ids) -> None:
    ids = [int(pk) for pk in page_ids]
    if ids:
        # Robust: the change is committed; an index that fails is logged (Wagtail's update_index
        # puts it right), not reported as a failure of the change.
        transaction.on_commit(lambda: reindex_pages.enqueue(ids), robust=True)
