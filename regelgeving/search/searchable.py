"""The pages a text search looks in: live pages of the chosen kinds in the versions in scope.

Built as a Page queryset whose filters (content type, path, id) every Wagtail search backend
can apply, so the database, PostgreSQL and Elasticsearch backends search the same pages.
"""

from __future__ import annotations

import os
from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import Page

from ..models import Wet
from .kinds import SOORTEN, TAGGED_KINDS
from .scope import Scope


def searchable_pages(kinds: list[str], wet: Wet | None, scope: Scope):
    """Live pages of `kinds` (see kinds.kinds_searched) inside the versions in scope, tagged
    with `wet` when one is chosen."""
    if not kinds:
        return Page.objects.none()
    pages = Page.objects.live().type(*(SOORTEN[k] for k in kinds)).filter(in_versions(scope))
    pages = pages.only("title", "content_type")  # what ranking by title reads; shown ones load later
    if wet is not None:
        tagged = [
            pk
            for model in (SOORTEN[kind] for kind in TAGGED_KINDS)
            for pk in model.objects.filter(wetten=wet, versie_id__in=list(scope)).values_list("pk", flat=True)
        ]
        pages = pages.filter(pk__in=tagged)
    return pages


def in_versions(scope: Scope) -> Q:
    """Pages inside the versions in scope, by path. When every live version is in scope (one
    version per regeling, or "alle versies") their common ancestor's path says the same in
    one condition instead of one per version, which the database checks far faster."""
    paths = [s.versie.path for s in scope.values()]
    if scope.every_live_version:
        common = os.path.commonprefix(paths)
        common = common[: len(common) - len(common) % Page.steplen]
        if common:
            return Q(path__startswith=common)
    return reduce(or_, (Q(path__startswith=p) for p in paths))
