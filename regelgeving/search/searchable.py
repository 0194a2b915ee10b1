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
from .tree_lexemes import whole_steps


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
    """Pages inside the versions in scope, by path: below the versions' common ancestor (the
    site's regelgeving, or the one regeling chosen) and not inside a version left out, where that
    takes fewer conditions than naming each version. Naming 100 versions (one OR each) made
    PostgreSQL expect almost no page to match and run the text search once per page of the site
    (a second per search at 20 gemeenten); "below, but not in" it estimates well."""
    paths = [s.versie.path for s in scope.values()]
    common = whole_steps(os.path.commonprefix(paths))
    left_out = [path for path in scope.left_out if path.startswith(common)]
    if common and len(left_out) < len(paths):
        condition = Q(path__startswith=common)
        for path in left_out:
            condition &= ~Q(path__startswith=path)
        return condition
    return reduce(or_, (Q(path__startswith=p) for p in paths))
