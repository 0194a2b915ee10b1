"""Search and the JSON API per gemeente: on Heemstede's host an inwoner finds Heemstede's
regelingen and nothing of Lochem's, and the other way round; a re-user asks any host for a
gemeente of this installation with `?gemeente=`.

Lochem is the session's demo site (the default site, answered for the test client's host);
Heemstede is added for this module (the `heemstede` fixture) on heemstede.localhost.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regelgeving.models import RegelingPage
from regelgeving.search.service import Zoekvraag, zoek
from regelgeving.site_setup import ensure_gemeente

HEEMSTEDE = {"HTTP_HOST": "heemstede.localhost"}
ZOEKEN = "/zoeken/"
API = "/api/zoeken/"
PAGES = "/api/v2/pages/"


@pytest.fixture
def beide(heemstede, db):
    return heemstede


def regelingen_in(data) -> set[str]:
    return {r["regeling"]["titel"] for r in data["resultaten"]}


def test_search_on_heemstede_finds_heemstede_and_not_lochem(client, beide):
    data = client.get(API, {"q": "commissie bezwaarschriften"}, **HEEMSTEDE).json()
    assert data["aantal"] > 0
    assert all("Heemstede" in titel for titel in regelingen_in(data))
    assert data["gemeente"] == {"naam": "Heemstede", "cbs_code": "gm0397"}
    # Lochem's verordening speaks of mantelzorgers; Heemstede's does not.
    assert client.get(API, {"q": "mantelzorger"}, **HEEMSTEDE).json()["aantal"] == 0


def test_search_on_lochem_does_not_find_heemstede(client, beide):
    assert client.get(API, {"q": "mantelzorger"}).json()["aantal"] > 0
    data = client.get(API, {"q": "hoorzitting"}).json()
    assert data["aantal"] == 0 and data["gemeente"]["naam"] == "Lochem"
    html = client.get(ZOEKEN, {"q": "hoorzitting"}).content.decode()
    assert "bezwaarschriften" not in html


def test_the_search_page_links_stay_on_the_gemeentes_own_host(client, beide):
    html = client.get(ZOEKEN, {"q": "hoorzitting"}, **HEEMSTEDE).content.decode()
    assert 'href="/regelgeving/' in html  # relative: on heemstede.localhost itself
    assert "127.0.0.1" not in html


def test_a_citation_is_pinned_in_the_sites_own_regelingen(client, beide):
    def vastgepind(data):
        return {r["regeling"]["titel"] for r in data["resultaten"] if r["vastgepind"] == "verwijzing"}

    # Lochem numbers its articles by chapter (2.2), Heemstede from 1 on.
    assert vastgepind(client.get(API, {"q": "artikel 2.2"}).json()) == {"Verordening Sociaal Domein"}
    data = client.get(API, {"q": "artikel 2.2"}, **HEEMSTEDE).json()
    assert not vastgepind(data) and "Artikel 2.2 staat niet" in data["meldingen"][0]
    heemstede = RegelingPage.objects.live().get(path__startswith=beide.site.root_page.path).title
    assert vastgepind(client.get(API, {"q": "artikel 3"}, **HEEMSTEDE).json()) == {heemstede}


def test_suggestions_come_from_the_sites_own_texts(client, beide):
    # A typo of a Lochem begrip suggests it on Lochem's host, never on Heemstede's.
    lochem = client.get(API, {"q": "mantelzorgr"}).json()
    assert "mantelzorger" in [s.lower() for s in lochem["suggesties"]]
    heemstede = client.get(API, {"q": "mantelzorgr"}, **HEEMSTEDE).json()
    assert not any("mantelzorg" in s.lower() for s in heemstede["suggesties"])


def test_the_filters_offer_only_the_sites_regelingen_and_laws(client, beide):
    html = client.get(ZOEKEN, **HEEMSTEDE).content.decode()
    assert "Verordening Sociaal Domein" not in html
    assert "bezwaarschriften" in html.lower()
    assert '<option value="Wmo"' not in html  # Lochem's articles are based on the Wmo
    lochem = client.get(ZOEKEN).content.decode()
    assert "Verordening Sociaal Domein" in lochem and "bezwaarschriften" not in lochem.lower()
    assert '<option value="Wmo"' in lochem
    # A Lochem regeling named on Heemstede's host is not one of Heemstede's.
    response = client.get(API, {"q": "zorg", "regeling": "verordening-sociaal-domein"}, **HEEMSTEDE)
    assert response.status_code == 400
    assert response.json()["fouten"]["regeling"][0]["message"] == "Deze regeling bestaat niet."


def test_browsing_by_law_on_heemstede_lists_none_of_lochems_articles(client, beide):
    response = client.get(API, {"wet": "Wmo"}, **HEEMSTEDE)
    assert response.status_code == 400  # no page of Heemstede is based on the Wmo
    assert client.get(API, {"wet": "Wmo"}).json()["aantal"] > 0


def test_the_search_api_answers_for_another_gemeente_by_name_or_code(client, beide):
    for naam in ("heemstede", "gm0397", "Heemstede"):
        data = client.get(API, {"q": "hoorzitting", "gemeente": naam}).json()
        assert data["aantal"] > 0 and data["gemeente"]["cbs_code"] == "gm0397"
        # Its pages are on its own host: full links.
        assert all(r["url"].startswith("http://heemstede.localhost:8000/") for r in data["resultaten"])


def test_an_unknown_gemeente_is_refused_in_dutch(client, beide):
    for url, key in ((API, "q"), (PAGES, "search")):
        response = client.get(url, {key: "zorg", "gemeente": "atlantis"})
        assert response.status_code == 400
        assert "Gemeente 'atlantis' is onbekend" in response.content.decode()


def test_the_pages_api_answers_per_site(client, beide):
    lochem = client.get(PAGES, {"type": "regelgeving.RegelingPage"}).json()["items"]
    heemstede = client.get(PAGES, {"type": "regelgeving.RegelingPage"}, **HEEMSTEDE).json()["items"]
    assert {i["meta"]["van_gemeente"]["naam"] for i in lochem} == {"Lochem"}
    assert {i["meta"]["van_gemeente"]["naam"] for i in heemstede} == {"Heemstede"}
    assert not {i["id"] for i in lochem} & {i["id"] for i in heemstede}
    # One of Heemstede's pages asked for on Lochem's host is not there.
    assert client.get(f"{PAGES}{heemstede[0]['id']}/").status_code == 404
    assert client.get(f"{PAGES}{heemstede[0]['id']}/", **HEEMSTEDE).status_code == 200


def test_the_pages_api_answers_across_gemeenten_with_gemeente(client, beide):
    params = {"type": "regelgeving.RegelingPage", "gemeente": "gm1859,heemstede"}
    items = client.get(PAGES, params, **HEEMSTEDE).json()["items"]
    assert {i["meta"]["van_gemeente"]["cbs_code"] for i in items} == {"gm1859", "gm0397"}
    alleen = client.get(PAGES, {**params, "gemeente": "heemstede"}).json()["items"]
    assert {i["meta"]["van_gemeente"]["naam"] for i in alleen} == {"Heemstede"}
    assert all(i["meta"]["html_url"].startswith("http://heemstede.localhost:8000/") for i in alleen)
    # The site's text search and the peildatum filter work on the gemeente named.
    gevonden = client.get(
        PAGES, {"type": "regelgeving.ArtikelPage", "search": "hoorzitting", "gemeente": "heemstede"}
    ).json()["items"]
    assert gevonden and {i["meta"]["van_gemeente"]["naam"] for i in gevonden} == {"Heemstede"}
    versies = client.get(
        PAGES, {"type": "regelgeving.RegelingVersiePage", "peildatum": "2025-01-01", "gemeente": "heemstede"}
    ).json()["items"]
    assert {i["meta"]["van_gemeente"]["naam"] for i in versies} == {"Heemstede"}


def test_a_search_asks_no_more_queries_with_another_gemeente(client, beide):
    """What a search asks the database does not grow with the gemeenten of the installation."""

    def queries_of_a_search() -> int:
        client.get(API, {"q": "mantelzorger"})  # loads the site's published structure once
        with CaptureQueriesContext(connection) as queries:
            assert client.get(API, {"q": "mantelzorger"}).json()["aantal"] > 0
        return len(queries)

    before = queries_of_a_search()
    ensure_gemeente("Bloemendaal", "gm0377", "bloemendaal.localhost", 8000)
    assert queries_of_a_search() == before


def test_zoek_without_a_site_searches_every_gemeente(beide):
    # Commands and benchmarks search the whole installation.
    titels = {t.scope.regeling.title for t in zoek(Zoekvraag(q="hoorzitting")).resultaten}
    assert any("Heemstede" in t for t in titels)
