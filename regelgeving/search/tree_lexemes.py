"""The subtree lexemes in PostgreSQL's search index (migration 0021): what a query requires, and
keeping them right when pages move.

Every page's index entry holds "zoekboom" + the path of each of its ancestors from depth 2 down
to itself, written by a trigger from the page's path. A search filtered to the pages under one
path (a gemeente's site, a version) requires that path's lexeme, so the index finds only the
subtree's matches instead of every gemeente's. Plain SQL, no django.contrib.postgres: the page
move signal calls this on every database.
"""

from __future__ import annotations

import os

from django.db import connection
from django.db.models.expressions import Col
from django.db.models.lookups import In, StartsWith
from django.db.models.sql import Query
from django.db.models.sql.where import AND, OR, WhereNode
from wagtail.models import Page

PREFIX = "zoekboom"  # as regelgeving_zoekboom() of migration 0021 writes it


def whole_steps(path_prefix: str) -> str:
    """The path of the deepest page that every path starting with `path_prefix` lies under."""
    return path_prefix[: len(path_prefix) - len(path_prefix) % Page.steplen]


def lexeme(path_prefix: str) -> str | None:
    """The lexeme every page under `path_prefix` carries (cut to whole steps), None above depth 2."""
    ancestor = whole_steps(path_prefix)
    if len(ancestor) < 2 * Page.steplen:
        return None
    return PREFIX + ancestor


def implied_prefix(queryset) -> str:
    """The tree path every page of a queryset of pages starts with, as its filters say ("" if none)."""
    return _query_prefix(queryset.query)


def _query_prefix(query) -> str:
    if query.model is None or not issubclass(query.model, Page):
        return ""
    # The pages' own row of Page's table (a page type's queryset joins it by its parent link);
    # asked of a copy, which may join it where the query did not (then nothing refers to it).
    copy = query.clone()
    own_rows = {copy.get_initial_alias()}
    own_rows.add(copy.join_parent_model(copy.get_meta(), Page, copy.get_initial_alias(), {}))
    return _prefix_of(query.where, own_rows)


def _prefix_of(node, own_rows: set[str]) -> str:
    if isinstance(node, StartsWith):
        column, value = node.lhs, node.rhs
        own_path = isinstance(column, Col) and column.alias in own_rows and column.target.attname == "path"
        return value if own_path and isinstance(value, str) else ""
    if isinstance(node, In) and isinstance(node.rhs, Query):
        # `id IN (pages ...)`: the API's queryset of one page type, made from its pages of the site.
        column, pages = node.lhs, node.rhs
        own_id = isinstance(column, Col) and column.alias in own_rows and column.target.primary_key
        selects_id = len(pages.values_select) == 1 and pages.values_select[0] in ("id", "pk")
        return _query_prefix(pages) if own_id and selects_id else ""
    if not isinstance(node, WhereNode) or node.negated:
        return ""
    prefixes = [_prefix_of(child, own_rows) for child in node.children]
    if not prefixes:
        return ""
    if node.connector == AND:  # every condition holds: the longest prefix does
        return max(prefixes, key=len)
    if node.connector == OR and "" not in prefixes:  # one of them holds: what they share does
        return os.path.commonprefix(prefixes)
    return ""


def refresh_under(*parents: Page) -> None:
    """Write the lexemes again for the pages under `parents` whose path changed: a move rewrites
    the paths of the moved subtree and may shift its new and old siblings' subtrees too."""
    if connection.vendor != "postgresql":
        return
    paths = [p.path for p in parents if p is not None]
    if not paths:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE wagtailsearch_indexentry e SET regelgeving_zoekboom = regelgeving_zoekboom(p.path) "
            "FROM wagtailcore_page p "
            "WHERE p.path LIKE ANY(%s) "
            "AND e.object_id = p.id::text "
            "AND e.content_type_id IN (SELECT DISTINCT content_type_id FROM wagtailcore_page) "
            "AND e.regelgeving_zoekboom IS DISTINCT FROM regelgeving_zoekboom(p.path)",
            [[path + "%" for path in paths]],  # paths are digits and capitals: no LIKE wildcards
        )
