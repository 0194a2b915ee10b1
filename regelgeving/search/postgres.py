"""Wagtail's PostgreSQL search backend, with the query as one tsquery ranked once per vector.

See backend.py for why. Two things differ from Wagtail's compiler, both in how the same
query reaches PostgreSQL, not in what it matches:

- the query tree (And, Or, Not, PlainText, Phrase) becomes one `to_tsquery(config, text)`
  instead of one SQL function per word combined by SQL operators. PostgreSQL normalises
  every quoted operand with the configuration exactly as Wagtail's per-word lexemes and
  `phraseto_tsquery` do (a quoted run of words is a phrase, stop words keep their distance);
- a match is ranked by `ts_rank` of the title vector (times its title_norm boost) plus
  `ts_rank` of the body vector against that one tsquery, with Wagtail's field weights;
- fetching a slice of results also counts all matches (`COUNT(*) OVER ()`: the ranking has
  visited every match anyway), so a later `count()` of the same search costs no query.
"""

from __future__ import annotations

import re

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import Count, Window
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.query import And, Boost, Not, Or, Phrase, PlainText


def _quoted(text: str) -> str:
    # The quoting of django.contrib.postgres.search.Lexeme, which Wagtail's compiler uses.
    return "'" + text.replace("'", "''").replace("\\", "\\\\") + "'"


def tsquery_text(query) -> str | None:
    """The to_tsquery text of a Wagtail query, None when it holds no word."""
    if isinstance(query, PlainText):
        terms = [_quoted(t) for t in re.split(r"[\s\-]+", query.query_string) if t]
        if not terms:
            return None
        joined = (" & " if query.operator == "and" else " | ").join(terms)
        return joined if len(terms) == 1 else f"({joined})"
    if isinstance(query, Phrase):
        return _quoted(query.query_string) if query.query_string.strip() else None
    if isinstance(query, Boost):
        return tsquery_text(query.subquery)
    if isinstance(query, Not):
        inner = tsquery_text(query.subquery)
        return None if inner is None else f"!{inner}"
    if isinstance(query, (And, Or)):
        parts = [p for p in (tsquery_text(q) for q in query.subqueries) if p is not None]
        if not parts:
            return None
        joined = (" & " if isinstance(query, And) else " | ").join(parts)
        return joined if len(parts) == 1 else f"({joined})"
    raise NotImplementedError(f"{query.__class__.__name__} is not supported by this search backend.")


class OneTsqueryCompiler(PostgresSearchQueryCompiler):
    total: int | None = None  # set by CountingSearchResults when a fetch has counted

    @property
    def counts(self) -> bool:
        # MatchAll and Fuzzy take other paths in Wagtail's search(); they are not counted here.
        return isinstance(self.query, (PlainText, Phrase, And, Or, Not, Boost))

    def build_tsquery(self, query, config=None):
        return SearchQuery(tsquery_text(query) or "", search_type="raw", config=config)

    def _build_rank_expression(self, vectors, config):
        tsquery = self.build_tsquery(self.query, config=config)
        ranks = [SearchRank(vector, tsquery, weights=self.sql_weights) * boost for vector, boost in vectors]
        total = ranks[0]
        for rank in ranks[1:]:
            total += rank
        return total


class CountingSearchResults(PostgresSearchResults):
    """Results whose fetch also counts. A search and its slices share one query compiler,
    so the count found by fetching `results[:50]` answers `results.count()`."""

    def _do_search(self):
        compiler = self.query_compiler
        if not isinstance(compiler, OneTsqueryCompiler) or not compiler.counts:
            return super()._do_search()
        rows = list(self.get_queryset().annotate(_matches=Window(Count("*"))))
        if rows or not self.start:
            compiler.total = rows[0]._matches if rows else 0
        return rows

    def _do_count(self):
        total = getattr(self.query_compiler, "total", None)
        return total if total is not None else super()._do_count()


class RegelgevingPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = OneTsqueryCompiler
    results_class = CountingSearchResults
