"""Wagtail's PostgreSQL search backend, with the query as one tsquery and a ranking that scales.

See backend.py for why. What differs from Wagtail's compiler and results is how the same
query reaches PostgreSQL, not what it matches:

- the combined `title || body` vector it matches against is the stored column of migration
  0007 instead of an expression computed for every candidate row;
- the query tree (And, Or, Not, PlainText, Phrase) becomes one `to_tsquery(config, text)`
  instead of one SQL function per word combined by SQL operators. PostgreSQL normalises
  every quoted operand with the configuration exactly as Wagtail's per-word lexemes and
  `phraseto_tsquery` do (a quoted run of words is a phrase, stop words keep their distance);
- with migration 0009's RUM index (where the rum extension is installed), matches come in the
  index's `<=>` order, so a page of results reads only its own rows, and `count()` stops at
  COUNT_LIMIT;
- a search whose pages all lie under one tree path (a gemeente's site, a version) also requires
  that path's lexeme (migration 0021, tree_lexemes.py), so the index keeps to the subtree instead
  of finding every gemeente's matches for the path filter to throw away; ranking and distance
  use the query without it;
- without it (GIN index), a match is ranked by `ts_rank` of the title vector (times its
  title_norm boost) plus `ts_rank` of the body vector against that one tsquery, with Wagtail's
  field weights, and fetching a slice of results also counts all matches (`COUNT(*) OVER ()`:
  the ranking has visited every match anyway), so a later `count()` costs no query.
"""

from __future__ import annotations

import re
from functools import lru_cache, reduce
from operator import add

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import BooleanField, Count, Expression, F, FloatField, Window
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.query import And, Boost, MatchAll, Not, Or, Phrase, PlainText

from .paging import MAX_RESULTS
from .tree_lexemes import implied_prefix, lexeme

# Added to Wagtail's index table by migration 0007: GENERATED ALWAYS AS (title || body) STORED.
STORED_VECTOR = "regelgeving_zoekvector"
# Migration 0009's index on it, where the rum extension is installed.
RUM_INDEX = "regelgeving_zoekvector_rum"
# With the RUM index, counting stops one past the most results a search shows: counting 1,000
# matches took 35 ms at 30,000 articles.
COUNT_LIMIT = MAX_RESULTS + 1


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


class _OnIndexEntry(Expression):
    """SQL on the index entry joined to each page, written out in one piece. Wagtail builds the
    same from nested Django expressions (SearchQuery, SearchRank, CombinedExpression ...),
    which Django took several milliseconds per search to resolve, compare and compile."""

    alias = None

    def __init__(self, tsquery: str, config: str | None, weights: str = ""):
        super().__init__()
        self.tsquery, self.config, self.weights = tsquery, config, weights

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        # The join Wagtail filters through (page -> its index entry), found as Wagtail finds it.
        title = F("index_entries__title").resolve_expression(query, allow_joins, reuse, summarize, for_save)
        resolved = self.copy()
        resolved.alias = title.alias
        return resolved

    def _tsquery_sql(self) -> tuple[str, list]:
        if self.config is None:
            return "to_tsquery(%s)", [self.tsquery]
        return "to_tsquery(%s::regconfig, %s)", [self.config, self.tsquery]

    def _column(self, compiler, name: str) -> str:
        return f"{compiler.quote_name_unless_alias(self.alias)}.{compiler.connection.ops.quote_name(name)}"


class Matches(_OnIndexEntry):
    """`stored title || body @@ tsquery`: the condition Wagtail writes as
    `(title || body) @@ query`, on the stored column of migration 0007 and its index; with
    `within`, the subtree lexeme of migration 0021 is required too."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, tsquery: str, config: str | None, within: str | None = None):
        super().__init__(tsquery, config)
        self.within = within

    def as_sql(self, compiler, connection):
        tsquery, params = self._tsquery_sql()
        if self.within is not None and self.tsquery:  # an empty query matches nothing: keep it so
            tsquery, params = f"({tsquery} && %s::tsquery)", [*params, _quoted(self.within)]
        return f"{self._column(compiler, STORED_VECTOR)} @@ {tsquery}", params


class Rank(_OnIndexEntry):
    """Wagtail's rank for a search over the index (not over named fields): `ts_rank` of the
    title vector times its title_norm plus `ts_rank` of the body vector, with Wagtail's weights."""

    output_field = FloatField()

    def as_sql(self, compiler, connection):
        tsquery, params = self._tsquery_sql()
        rank = "ts_rank(%s::float4[], {vector}, " + tsquery + ")"
        sql = (
            f"{rank.format(vector=self._column(compiler, 'title'))} * {self._column(compiler, 'title_norm')}"
            f" + {rank.format(vector=self._column(compiler, 'body'))}"
        )
        return sql, [self.weights, *params, self.weights, *params]


class Distance(_OnIndexEntry):
    """RUM's `stored vector <=> tsquery` (smaller is closer), which its index returns in order."""

    output_field = FloatField()

    def as_sql(self, compiler, connection):
        tsquery, params = self._tsquery_sql()
        return f"{self._column(compiler, STORED_VECTOR)} <=> {tsquery}", params


@lru_cache(maxsize=8)
def _index_exists(alias: str, database: str, name: str) -> bool:
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [name])
        return cursor.fetchone() is not None


def ranks_in_index(alias: str) -> bool:
    """Whether migration 0009 could build the RUM index (the rum extension is installed)."""
    return _index_exists(alias, connections[alias].settings_dict["NAME"], RUM_INDEX)


def handled(query) -> bool:
    """Whether this backend's path applies: MatchAll (and its Not) and Fuzzy take Wagtail's."""
    if isinstance(query, Not) and isinstance(query.subquery, MatchAll):
        return False
    return isinstance(query, (PlainText, Phrase, And, Or, Not, Boost))


class OneTsqueryCompiler(PostgresSearchQueryCompiler):
    total: int | None = None  # set by CountingSearchResults when a fetch has counted

    def build_tsquery(self, query, config=None):
        return SearchQuery(tsquery_text(query) or "", search_type="raw", config=config)

    def search(self, config, start, stop, score_field=None, backend=None):
        if self.fields is not None or not handled(self.query):
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        text = tsquery_text(self.query) or ""
        queryset = self._matching(text, config)
        rank = Rank(text, config, self.sql_weights)
        if self.order_by_relevance and ranks_in_index(self.queryset.db):
            # The RUM index hands out the closest matches first: only the rows shown are read,
            # where ranking with ts_rank reads the vectors of every match (5,600 for "pgb" at
            # 30,000 articles). No second sort key: PostgreSQL would then sort every match
            # itself. Equal distances keep the index's order, the same for the same query.
            queryset = queryset.order_by(Distance(text, config).asc())
            if score_field is not None:
                queryset = queryset.annotate(**{score_field: rank})
            return queryset[start:stop]
        return self._apply_ordering_and_scoring(queryset, rank, start, stop, score_field)

    def _matching(self, text: str, config):
        within = lexeme(implied_prefix(self.queryset))
        return self.queryset.filter(Matches(text, config, within))

    def count_up_to(self, config, limit: int) -> int:
        """How many pages match, counted no further than `limit`."""
        return self._matching(tsquery_text(self.query) or "", config).order_by()[:limit].count()

    def _build_rank_expression(self, vectors, config):
        # Wagtail's own search() calls this (for searches on named fields).
        return self._rank(vectors, self.build_tsquery(self.query, config=config))

    def _rank(self, vectors, tsquery):
        return reduce(
            add, (SearchRank(vector, tsquery, weights=self.sql_weights) * boost for vector, boost in vectors)
        )


class CountingSearchResults(PostgresSearchResults):
    """Results that count as cheaply as they can. Ranked by ts_rank, every match is visited
    anyway, so fetching also counts (`COUNT(*) OVER ()`): a search and its slices share one
    query compiler, and the count found by fetching `results[:50]` answers `results.count()`.
    Ranked by the RUM index, only the rows shown are visited, and `count()` stops at
    COUNT_LIMIT: a search shows no more than paging.MAX_RESULTS results anyway."""

    def _ours(self) -> bool:
        compiler = self.query_compiler
        ours = isinstance(compiler, OneTsqueryCompiler) and compiler.fields is None
        return ours and handled(compiler.query)

    def _do_search(self):
        compiler = self.query_compiler
        if not self._ours() or ranks_in_index(compiler.queryset.db):
            return super()._do_search()
        rows = list(self.get_queryset().annotate(_matches=Window(Count("*"))))
        if rows or not self.start:
            compiler.total = rows[0]._matches if rows else 0
        return rows

    def _do_count(self):
        compiler = self.query_compiler
        if self._ours() and ranks_in_index(compiler.queryset.db):
            return compiler.count_up_to(compiler.get_config(self.backend), COUNT_LIMIT)
        total = getattr(compiler, "total", None)
        return total if total is not None else super()._do_count()


class RegelgevingPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = OneTsqueryCompiler
    results_class = CountingSearchResults
