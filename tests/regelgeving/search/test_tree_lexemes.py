"""A site's search narrows in PostgreSQL's index to the site's subtree (migration 0021,
regelgeving/search/tree_lexemes.py), and that changes nothing about what is found or its order.

The queryset reading runs on every database; the index itself only on PostgreSQL.
"""

import importlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.search.query import Or, Phrase, PlainText

from regelgeving.models import ArtikelPage, RegelgevingIndexPage, RegelingPage
from regelgeving.search import postgres, tree_lexemes
from regelgeving.search.paging import PAGE_SIZE
from regelgeving.search.service import Zoekvraag, zoek
from regelgeving.search.tree_lexemes import implied_prefix, lexeme

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="alleen op PostgreSQL: de boomwoorden in de zoekindex (make test draait ook op PostgreSQL)",
)

SITE = "00010002"
VERSIE = "00010002000100010001"


# -- what a queryset's filters imply (every database) -----------------------------------------


def test_a_path_filter_implies_its_prefix():
    assert implied_prefix(Page.objects.filter(path__startswith=VERSIE)) == VERSIE
    assert implied_prefix(Page.objects.live().filter(path__startswith=SITE, depth__gt=2)) == SITE


def test_of_several_paths_what_they_share():
    other = "00010002000200010001"
    pages = Page.objects.filter(path__startswith=VERSIE) | Page.objects.filter(path__startswith=other)
    assert implied_prefix(pages) == "00010002000"
    assert lexeme(implied_prefix(pages)) == "zoekboom00010002"  # cut to whole steps


def test_nested_filters_imply_the_deepest():
    pages = Page.objects.filter(path__startswith=SITE).filter(path__startswith=VERSIE)
    assert implied_prefix(pages) == VERSIE


def test_no_prefix_where_the_filters_do_not_confine_the_pages():
    assert implied_prefix(Page.objects.live()) == ""
    assert implied_prefix(Page.objects.exclude(path__startswith=SITE)) == ""
    either = Page.objects.filter(path__startswith=SITE) | Page.objects.filter(depth=3)
    assert implied_prefix(either) == ""
    # Another page's path (a join) says nothing about the pages themselves.
    assert implied_prefix(Page.objects.filter(alias_of__path__startswith=SITE)) == ""
    assert implied_prefix(ArtikelPage.objects.filter(versie__path__startswith=SITE)) == ""


def test_pages_chosen_from_other_pages_imply_their_prefix():
    # As Wagtail's API makes the queryset of one page type from the pages of the site.
    on_site = Page.objects.live().filter(path__startswith=SITE)
    ids, depths = on_site.values_list("id", flat=True), on_site.values_list("depth", flat=True)
    assert implied_prefix(ArtikelPage.objects.filter(id__in=ids)) == SITE
    assert implied_prefix(ArtikelPage.objects.filter(id__in=depths)) == ""
    assert implied_prefix(ArtikelPage.objects.filter(versie_id__in=ids)) == ""  # another page's id


def test_a_page_types_queryset_implies_its_prefix_too():
    assert implied_prefix(RegelingPage.objects.live().filter(path__startswith=SITE)) == SITE
    assert implied_prefix(ArtikelPage.objects.filter(versie__title="x", path__startswith=VERSIE)) == VERSIE


def test_no_lexeme_above_a_site():
    assert lexeme("") is None
    assert lexeme("0001") is None
    assert lexeme("000100") is None
    assert lexeme(SITE) == "zoekboom" + SITE


# -- the index (PostgreSQL) --------------------------------------------------------------------


def ids(uitkomst) -> list[int]:
    return [t.pk for t in uitkomst.resultaten]


QUERIES = ["mantelzorg", "hoorzitting", "college", '"persoonsgebonden budget"', "aanvraag -vervoer", "zorg"]


def sites(heemstede) -> list[Site]:
    return [Site.objects.get(is_default_site=True), heemstede.site]  # Lochem and Heemstede


def searched(query, site: Site) -> list[int]:
    pages = Page.objects.live().filter(path__startswith=site.root_page.path)
    return [page.pk for page in get_search_backend().search(query, pages)]


def distances(pks: list[int], query) -> list[float]:
    """The RUM distance of each page to the query: what the index orders by."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT p.id, e.regelgeving_zoekvector <=> to_tsquery('dutch', %s) "
            "FROM wagtailsearch_indexentry e "
            "JOIN wagtailcore_page p ON e.object_id = p.id::text AND e.content_type_id = p.content_type_id "
            "WHERE p.id = ANY(%s)",
            [postgres.tsquery_text(query), pks],
        )
        found = dict(cursor.fetchall())
    return [round(found[pk], 6) for pk in pks]


@on_postgresql
@pytest.mark.parametrize(
    "query",
    [
        PlainText("zorg"),
        PlainText("college"),
        Phrase("persoonsgebonden budget"),
        Or([PlainText("a"), PlainText("hoorzitting")]),
    ],
    ids=str,
)
def test_narrowing_finds_the_same_pages_in_the_same_ranking(heemstede, db, monkeypatch, query):
    for site in sites(heemstede):
        with CaptureQueriesContext(connection) as queries:
            narrowed = searched(query, site)
        assert any(tree_lexemes.PREFIX in q["sql"] for q in queries), "the search did not narrow"
        monkeypatch.setattr(postgres, "lexeme", lambda prefix: None)
        wide = searched(query, site)
        monkeypatch.undo()
        assert sorted(narrowed) == sorted(wide)
        if postgres.ranks_in_index(connection.alias):
            # Pages at the same distance may come in another order: the index's, which differs.
            assert distances(narrowed, query) == distances(wide, query)


@on_postgresql
@pytest.mark.parametrize("q", QUERIES)
def test_a_sites_search_finds_what_it_found_before(heemstede, db, monkeypatch, q):
    for site in sites(heemstede):
        vraag = Zoekvraag(q=q, site=site)
        with CaptureQueriesContext(connection) as queries:
            narrowed = zoek(vraag)
        assert any(tree_lexemes.PREFIX in q["sql"] for q in queries), "the search did not narrow"
        monkeypatch.setattr(postgres, "lexeme", lambda prefix: None)
        wide = zoek(vraag)
        monkeypatch.undo()
        assert (narrowed.aantal, narrowed.aantal_volledig) == (wide.aantal, wide.aantal_volledig)
        if narrowed.aantal <= PAGE_SIZE:  # beyond, pages tied in rank may fall on either page
            assert sorted(ids(narrowed)) == sorted(ids(wide))


@on_postgresql
@pytest.mark.parametrize("params", [{}, {"type": "regelgeving.ArtikelPage"}], ids=["pages", "articles"])
def test_the_pages_api_search_narrows_too(client, heemstede, db, monkeypatch, params):
    url, ask = "/api/v2/pages/", {"search": "hoorzitting", **params}
    with CaptureQueriesContext(connection) as queries:
        narrowed = client.get(url, ask, HTTP_HOST="heemstede.localhost").json()["items"]
    assert any(tree_lexemes.PREFIX in q["sql"] for q in queries), "the search did not narrow"
    monkeypatch.setattr(postgres, "lexeme", lambda prefix: None)
    wide = client.get(url, ask, HTTP_HOST="heemstede.localhost").json()["items"]
    assert narrowed and sorted(i["id"] for i in narrowed) == sorted(i["id"] for i in wide)


def hoorzitting_on(site) -> int:
    return zoek(Zoekvraag(q="hoorzitting", site=site)).aantal


@on_postgresql
def test_a_regeling_moved_to_another_site_is_found_there(heemstede, db):
    lochem_site = Site.objects.get(is_default_site=True)
    assert hoorzitting_on(heemstede.site) > 0 and hoorzitting_on(lochem_site) == 0
    regeling = RegelingPage.objects.get(path__startswith=heemstede.site.root_page.path)
    index = RegelgevingIndexPage.objects.get(path__startswith=lochem_site.root_page.path)
    regeling.move(index, pos="last-child")
    assert hoorzitting_on(lochem_site) > 0
    assert hoorzitting_on(heemstede.site) == 0


@on_postgresql
def test_the_upgrade_fills_the_entries_written_before_it(heemstede, db):
    """Migration 0021 writes the lexemes of every existing entry (its trigger, those after it)."""
    migration = importlib.import_module("regelgeving.migrations.0021_zoekvector_per_boom")
    with connection.cursor() as cursor:  # undone with the test's transaction
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no deferred checks pending for ALTER TABLE
        cursor.execute("ALTER TABLE wagtailsearch_indexentry DISABLE TRIGGER regelgeving_zoekboom")
        cursor.execute("UPDATE wagtailsearch_indexentry SET regelgeving_zoekboom = ''")
        assert hoorzitting_on(heemstede.site) == 0  # entries without lexemes are not found
        cursor.execute(migration.FILL_EXISTING)
        cursor.execute("ALTER TABLE wagtailsearch_indexentry ENABLE TRIGGER regelgeving_zoekboom")
    assert hoorzitting_on(heemstede.site) > 0


@on_postgresql
def test_only_pages_carry_lexemes(lochem):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT ct.model, e.regelgeving_zoekboom::text FROM wagtailsearch_indexentry e "
            "JOIN django_content_type ct ON ct.id = e.content_type_id"
        )
        rows = cursor.fetchall()
    assert {text for model, text in rows if model == "wet"} == {""}
    artikel = next(text for model, text in rows if model == "artikelpage")
    # Its site's lexeme, its version's, and those between.
    for depth in range(2, lochem.depth + 1):
        assert f"'{tree_lexemes.PREFIX}{lochem.path[: 4 * depth]}'" in artikel
