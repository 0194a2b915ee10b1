"""Browsing by law: /zoeken/?wet=Wmo and /api/zoeken/?wet=Wmo without words list every article in
force based on that law, in the order of the verordening (issue 16)."""

import re

import pytest

from regelgeving.models import ArtikelPage

RESULTAAT_LINK = re.compile(r'<h3 class="utrecht-heading-3"><a class="utrecht-link" href="([^"]+)">')


def wmo_artikelen(versie):
    """The articles of `versie` tagged with the Wmo, in the order of the text."""
    artikelen = ArtikelPage.objects.live().descendant_of(versie).filter(wetten__afkorting="Wmo")
    return list(artikelen.order_by("path"))


def test_the_search_page_lists_every_article_based_on_the_wmo(client, lochem):
    verwacht = wmo_artikelen(lochem)
    assert len(verwacht) > 1
    response = client.get("/zoeken/", {"wet": "Wmo"})
    assert response.status_code == 200
    html = response.content.decode()
    assert f"{len(verwacht)} artikelen op grond van de Wmo" in html
    assert RESULTAAT_LINK.findall(html) == [a.url for a in verwacht]
    assert "<title>Artikelen op grond van de Wmo | Gemeente Lochem</title>" in html


def test_the_api_lists_the_same_articles(client, lochem):
    verwacht = wmo_artikelen(lochem)
    response = client.get("/api/zoeken/", {"wet": "Wmo"})
    assert response.status_code == 200
    data = response.json()
    assert data["vraag"]["wet"] == "Wmo" and data["vraag"]["q"] == ""
    assert data["aantal"] == len(verwacht)
    gevonden = [(r["soort"], r["nummer"]) for r in data["resultaten"]]
    assert gevonden == [("artikel", a.nummer) for a in verwacht]
    assert all(r["versie"]["status"] == "geldend" for r in data["resultaten"])


def test_a_law_no_article_rests_on_lists_nothing(client, lochem):
    data = client.get("/api/zoeken/", {"wet": "Wmo", "soort": "begrip"}).json()
    assert data["aantal"] == 0 and data["resultaten"] == []


@pytest.mark.parametrize("url", ["/zoeken/", "/api/zoeken/"])
def test_an_unknown_law_is_a_clear_dutch_error(client, lochem, url):
    response = client.get(url, {"wet": "Wet die niet bestaat"})
    assert response.status_code == 400
    fouten = response.json()["fouten"]["wet"] if "api" in url else None
    if fouten is not None:
        assert fouten[0]["message"] == "Deze wet is niet bekend."
    else:
        assert "Wet: Deze wet is niet bekend." in response.content.decode()


def test_the_search_filters_fold_into_a_disclosure_that_names_the_chosen_ones(client, lochem):
    html = client.get("/zoeken/", {"wet": "Wmo"}).content.decode()
    folded = r'<details class="zoek-filters-uitklap" id="zoek-filters">\s*<summary>Filters \(gekozen: wet\)'
    assert re.search(folded, html)
    html = client.get("/zoeken/", {"q": "pgb", "peildatum": "morgen"}).content.decode()
    assert '<details class="zoek-filters-uitklap" id="zoek-filters" open>' in html  # the error is in sight
