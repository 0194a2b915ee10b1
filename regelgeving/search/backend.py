"""Wagtail's database search backend, with a PostgreSQL ranking that stays fast at scale.

Settings name this module as the backend when no SEARCH_URL is set. On SQLite (and any other
database) it is exactly Wagtail's database backend. On PostgreSQL it is Wagtail's PostgreSQL
backend with one change: how a match is ranked. Matching, the index, the query objects and
the filters are Wagtail's own, so `service.zoek` runs the same code on every backend.

Wagtail ranks a query by one `ts_rank` per word and per vector (title and body), combined in
SQL by the query's And/Or tree. An "at least k of n" query with synonyms and stems has dozens
of words, so every matching page had its stored vectors unpacked dozens of times, and Django
took tens of milliseconds to compile the expression. Here each vector is ranked once against
the whole tsquery, weighted and title-boosted as Wagtail does.
"""

from __future__ import annotations

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_backend


def SearchBackend(params):  # noqa: N802 - Wagtail looks the backend up by this name
    if connection.vendor == "postgresql":
        from .postgres import RegelgevingPostgresSearchBackend

        return RegelgevingPostgresSearchBackend(params)
    return database_backend(params)
