"""Wagtail's database search backend, with a PostgreSQL path that stays fast at scale.

Settings name this module as the backend when no SEARCH_URL is set. On SQLite (and any other
database) it is exactly Wagtail's database backend. On PostgreSQL it is Wagtail's PostgreSQL
backend changed only in how a query reaches the database (see postgres.py): the index table
(plus one stored column and its index, migrations 0007 and 0009), the query objects and the
filters are Wagtail's own, so `service.zoek` runs the same code on every backend, and the
pages found are those Wagtail's backend finds (tests/test_search_postgres.py).

Wagtail ranks a query by one `ts_rank` per word and per vector (title and body), combined in
SQL by the query's And/Or tree. An "at least k of n" query with synonyms and stems has dozens
of words, so every matching page had its stored vectors unpacked dozens of times, and Django
took tens of milliseconds to compile the expression. Wagtail also matches against `title ||
body` computed per row, which a phrase makes PostgreSQL recompute for every candidate."""

from __future__ import annotations

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_backend


def SearchBackend(params):  # noqa: N802 - Wagtail looks the backend up by this name
    if connection.vendor == "postgresql":
        # Imported here so SQLite never loads django.contrib.postgres and Wagtail's PostgreSQL
        # backend; not to break a cycle: postgres.py imports only paging.py and tree_lexemes.py.
        from .postgres import RegelgevingPostgresSearchBackend

        return RegelgevingPostgresSearchBackend(params)
    return database_backend(params)
