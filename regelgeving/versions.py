"""Publishing versions: one article identity across versions, and a version that goes live
with all its pages."""

from __future__ import annotations

import uuid

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from .comparison import compare_articles
from .models import ArtikelPage, RegelingVersiePage, SearchCacheKey
from .search.tasks import reindex_after_commit


def assign_werk_ids(versie: RegelingVersiePage, artikelen: list[ArtikelPage]) -> None:
    """Give each article of `versie` the identity of the same article in the previous version.

    Articles are matched by number first and by content second, so a renumbered article
    keeps its history; an article with no counterpart gets a new identity. Sets `werk_id` on
    the given articles (with their texts, in document order); saving them is the caller's.
    """
    vorige = versie.vorige_versie()
    oud = list(ArtikelPage.objects.filter(versie=vorige).order_by("path")) if vorige else []
    by_pk = {a.pk: a for a in oud}
    inherited: dict[int, str] = {}
    if oud:
        for change in compare_articles(
            [a.as_article_text() for a in oud], [a.as_article_text() for a in artikelen]
        ):
            if change.oud is not None and change.nieuw is not None:
                inherited[change.nieuw.key] = by_pk[change.oud.key].werk_id
    for artikel in artikelen:
        artikel.werk_id = inherited.get(artikel.pk) or artikel.werk_id or uuid.uuid4().hex


def publish_descendants(versie: RegelingVersiePage) -> int:
    """Make the pages of a version live together with the version page itself.

    A page an editor changed and saved as a draft goes live with that change (its latest revision
    is published); the others, as imported, go live in one UPDATE.
    """
    now = timezone.now()
    with transaction.atomic():
        below = Page.objects.descendant_of(versie)
        for page in below.filter(has_unpublished_changes=True, latest_revision__isnull=False).specific():
            page.get_latest_revision().publish()
        drafts = below.filter(live=False)
        ids = list(drafts.values_list("pk", flat=True))
        drafts.update(live=True, has_unpublished_changes=False, last_published_at=now)
        Page.objects.filter(pk__in=ids, first_published_at__isnull=True).update(first_published_at=now)
        SearchCacheKey.renew()  # begrippen went live without a save of their own
        reindex_after_commit(ids)
    return len(ids)


def unpublish_descendants(versie: RegelingVersiePage) -> int:
    with transaction.atomic():
        pages = Page.objects.descendant_of(versie).filter(live=True)
        ids = list(pages.values_list("pk", flat=True))
        pages.update(live=False)
        SearchCacheKey.renew()
        reindex_after_commit(ids)
    return len(ids)
