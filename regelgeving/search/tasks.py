"""Keeping the search index in step with pages that change without a save() per page.

Wagtail indexes a page when it is saved; publishing a whole version makes its pages live with
one UPDATE, so the version's pages are re-indexed here, through the task backend, once the
transaction commits. An index that stores `live` (Elasticsearch) then never shows a page
that is not live, nor misses one that is.
"""

from __future__ import annotations

from django.db import transaction
from django_tasks import task
from wagtail.models import Page
from wagtail.search import index

BATCH = 200


@task()
def reindex_pages(page_ids: list[int]) -> int:
    """Re-index the given pages as they are now; returns how many were indexed."""
    done = 0
    for start in range(0, len(page_ids), BATCH):
        for page in Page.objects.filter(pk__in=page_ids[start : start + BATCH]).specific():
            index.insert_or_update_object(page)
            done += 1
    return done


def reindex_after_commit(page_ids) -> None:
    ids = [int(pk) for pk in page_ids]
    if ids:
        transaction.on_commit(lambda: reindex_pages.enqueue(ids))
