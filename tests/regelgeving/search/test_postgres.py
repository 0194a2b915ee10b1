"""The PostgreSQL search backend (regelgeving/search/postgres.py) finds what Wagtail's finds.

It only changes how a query reaches PostgreSQL (one tsquery; ranked by the RUM index where the
rum extension is installed, else one ts_rank per vector and counted while fetching), so for
every kind of query the pages found must be exactly those of Wagtail's own PostgreSQL backend,
on the imported Lochem verordening. Every test runs with both rankings. On SQLite these tests
are skipped.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Not, Or, Phrase, PlainText

from regelgeving.search import postgres
from regelgeving.search.expansion import (
    build_clauses,
    fewer_clauses,
    has_synonyms,
    search_query_at_least,
    search_query_by_synonym_only,
)
from regelgeving.search.query import parse_query
from regelgeving.search.synonyms import law_names, synonym_pairs

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="alleen op PostgreSQL: de eigen PostgreSQL-zoekbackend (make test draait ook op PostgreSQL)",
)

QUERIES = {
    "one word": PlainText("mantelzorger"),
    "words, and": PlainText("eigen bijdrage"),
    "words, or": PlainText("rolstoel scootmobiel", operator="or"),
    "phrase": Phrase("maatschappelijke opvang"),
    "phrase with a stop word": Phrase("college van burgemeester"),
    "and of or": And([Or([PlainText("pgb"), PlainText("persoonsgebonden")]), PlainText("budget")]),
    "not": And([PlainText("voorziening"), Not(PlainText("vervoer"))]),
    "quote in a word": PlainText("o'brien"),
}


@pytest.fixture(autouse=True, params=["rum", "ts_rank"])
def ranking(request, lochem):
    """Each test once with the RUM index (migration 0009) and once without it (ts_rank)."""
    postgres._index_exists.cache_clear()
    if request.param == "rum" and not postgres.ranks_in_index(connection.alias):
        pytest.skip("rum-extensie niet geïnstalleerd (make install installeert postgresql-<versie>-rum)")
    if request.param == "ts_rank":
        with connection.cursor() as cursor:  # undone with the test's transaction
            cursor.execute(f"DROP INDEX IF EXISTS {postgres.RUM_INDEX}")
        postgres._index_exists.cache_clear()
    yield request.param
    postgres._index_exists.cache_clear()


def stock_backend():
    return PostgresSearchBackend({"SEARCH_CONFIG": "dutch"})


def searchable():
    return Page.objects.live()


def by_sets(query) -> set[int]:
    """The pages a query finds, worked out from what Wagtail's backend finds for each word or
    phrase in it. Wagtail's own backend cannot be asked for the whole of a query that excludes
    a phrase: it drops the Not around a Phrase and finds the pages that hold the phrase."""
    if isinstance(query, (PlainText, Phrase)):
        return {p.pk for p in stock_backend().search(query, searchable())}
    if isinstance(query, Not):
        return set(searchable().values_list("pk", flat=True)) - by_sets(query.subquery)
    found = [by_sets(q) for q in query.subqueries]
    return set.intersection(*found) if isinstance(query, And) else set.union(*found)


def test_a_phrase_excluded_is_excluded(lochem):
    """Words as typed outside the name of a law: "wmo", not in a text naming the Uitvoeringsbesluit."""
    query = And([PlainText("wmo"), Not(Phrase("uitvoeringsbesluit wmo"))])
    ours = {p.pk for p in get_search_backend().search(query, searchable())}
    naming = by_sets(Phrase("uitvoeringsbesluit wmo"))
    assert naming and ours and not ours & naming
    assert ours == by_sets(PlainText("wmo")) - naming


@pytest.mark.parametrize("name", QUERIES)
def test_same_pages_as_wagtails_postgresql_backend(lochem, name):
    query = QUERIES[name]
    ours = get_search_backend().search(query, searchable())
    stock = stock_backend().search(query, searchable())
    assert {p.pk for p in ours} == {p.pk for p in stock}
    assert ours.count() == stock.count()


@pytest.mark.parametrize(
    "q",
    [
        "mantelzorg",
        "wmo",
        "sport en school kinderen laag inkomen",
        '"eigen bijdrage" inkomen',
        "huishoudelijke hulp",
        "rolstoel aanvragen",
        "schuldhulpverlening",
    ],
)
def test_same_pages_for_the_queries_the_search_builds(lochem, q):
    """Every query the search page runs: 'at least k of n' with synonyms and stems, with the
    words as typed only, found through a synonym only, and each group of fewer clauses."""
    clauses = build_clauses(parse_query(q), synonym_pairs(), law_names())
    queries = []
    for k in range(len(clauses), 0, -1):
        queries += [search_query_at_least(clauses, k), search_query_at_least(clauses, k, literal=True)]
        queries += [search_query_by_synonym_only(clauses, k)] if has_synonyms(clauses) else []
        queries += [search_query_at_least(group, k) for group in fewer_clauses(clauses, k)]
    for query in queries:
        ours = {p.pk for p in get_search_backend().search(query, searchable())}
        assert ours == by_sets(query), query
    any_word = search_query_at_least(clauses, 1)
    assert get_search_backend().search(any_word, searchable()).count(), f"{q!r}: nothing found for any word"


def test_best_match_first(lochem, ranking):
    """Ranking: the article about the mantelzorgcompliment comes before articles naming it once."""
    if ranking == "rum":
        pytest.skip("met de RUM-index is de volgorde die van de index; bench/search.py meet de relevantie")
    results = list(get_search_backend().search(PlainText("mantelzorgcompliment"), searchable())[:3])
    assert "mantelzorgcompliment" in results[0].title.lower()


def test_count_after_fetch_costs_no_query(lochem, ranking):
    if ranking == "rum":
        pytest.skip("met de RUM-index telt count() apart, en stopt bij COUNT_LIMIT")
    results = get_search_backend().search(PlainText("aanvraag"), searchable())
    first = list(results[:5])
    with CaptureQueriesContext(connection) as queries:
        total = results.count()
    assert len(queries) == 0
    assert len(first) == 5
    assert total == stock_backend().search(PlainText("aanvraag"), searchable()).count() > 5


def test_count_without_fetch_and_past_the_end(lochem):
    results = get_search_backend().search(PlainText("mantelzorger"), searchable())
    total = stock_backend().search(PlainText("mantelzorger"), searchable()).count()
    assert list(results[total + 10 : total + 20]) == []
    assert results.count() == total  # an empty page past the end cannot count; count() asks


def test_with_the_rum_index_counting_stops_past_what_a_search_shows(lochem, ranking, monkeypatch):
    monkeypatch.setattr(postgres, "COUNT_LIMIT", 6)
    results = get_search_backend().search(PlainText("aanvraag"), searchable())
    total = stock_backend().search(PlainText("aanvraag"), searchable()).count()
    assert total > 6
    assert results.count() == (6 if ranking == "rum" else total)


def test_with_ts_rank_in_wagtails_order(lochem, ranking):
    if ranking == "rum":
        pytest.skip("met de RUM-index is de volgorde die van de index; bench/search.py meet de relevantie")
    query = PlainText("aanvraag")
    stock = [p.pk for p in stock_backend().search(query, searchable())[:20]]
    assert len(stock) > 3
    assert [p.pk for p in get_search_backend().search(query, searchable())[:20]] == stock
