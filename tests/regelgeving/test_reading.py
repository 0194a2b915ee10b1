"""Reading a version of the verordening: which version a page is, which date was asked, the
headings inside an article, the way back up and on to the laws it rests on (issue 16)."""

import re
from html import unescape

import pytest

from regelgeving.models import ArtikelPage
from tests.paths import LOCHEM_URL, REGELING

ARTIKEL_2_2 = f"{LOCHEM_URL}hoofdstuk-2/artikel-2-2/"


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def title(html: str) -> str:
    return unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1)).strip()


# -- Page titles --------------------------------------------------------------------------------


def test_article_chapter_and_version_titles_name_the_version(client, lochem):
    assert title(get(client, ARTIKEL_2_2)) == (
        "Artikel 2.2 FASE 2: Het gesprek na uw melding/aanvraag — Verordening Sociaal Domein, versie 2026"
        " | Gemeente Lochem"
    )
    assert title(get(client, f"{LOCHEM_URL}hoofdstuk-2/")).endswith(
        "— Verordening Sociaal Domein, versie 2026 | Gemeente Lochem"
    )
    assert title(get(client, LOCHEM_URL)) == "Verordening Sociaal Domein, versie 2026 | Gemeente Lochem"


@pytest.mark.django_db
class TestTwoVersions:
    def test_each_version_of_an_article_has_a_title_of_its_own(self, client, lochem, v2027):
        titles = {title(get(client, a.url)) for a in ArtikelPage.objects.live().filter(nummer="2.2")}
        assert len(titles) == 2
        assert any("versie 2026" in t for t in titles) and any("versie 2027" in t for t in titles)

    def test_the_article_asked_on_a_date_says_which_date(self, client, lochem, v2027):
        html = get(client, f"{REGELING}artikel/2.2/?peildatum=2027-02-01")
        notice = "Op 1 februari 2027 geldt deze versie van artikel 2.2: Verordening Sociaal Domein 2027."
        assert notice in html

    def test_a_date_the_version_shown_did_not_apply_on_is_not_confirmed(self, client, lochem, v2027):
        html = get(client, f"{LOCHEM_URL}?peildatum=2027-02-01")
        assert "peildatum-melding" not in html


# -- ?peildatum= ---------------------------------------------------------------------------------


def test_the_version_reached_through_a_peildatum_says_which_date_was_asked(client, lochem):
    response = client.get(f"{REGELING}?peildatum=2026-10-15")
    assert response.status_code == 302
    assert response["Location"] == f"{LOCHEM_URL}?peildatum=2026-10-15"
    html = get(client, response["Location"])
    assert "Op 15 oktober 2026 gold deze versie: Verordening Sociaal Domein 2026." in html


@pytest.mark.parametrize("peildatum", ["morgen", "2026-13-01", ""])
def test_a_malformed_date_in_the_address_of_a_version_shows_no_notice(client, lochem, peildatum):
    assert "peildatum-melding" not in get(client, f"{LOCHEM_URL}?peildatum={peildatum}")


def test_a_version_without_a_date_asked_shows_no_notice(client, lochem):
    assert "peildatum-melding" not in get(client, ARTIKEL_2_2)


# -- Inside an article ---------------------------------------------------------------------------


def test_sub_headings_in_an_article_are_headings_below_its_title(client, lochem):
    html = get(client, ARTIKEL_2_2)
    assert re.search(r"<h1 [^>]*>.*Artikel 2\.2", html)
    assert '<h2 class="utrecht-heading-2 tussenkop">Beoordelen aanvraag</h2>' in html
    assert '<h2 class="utrecht-heading-2 tussenkop">A. Inhoud besluit</h2>' in html
    assert 'class="tussenkop"><strong>' not in html


def test_each_law_tag_leads_to_every_article_based_on_that_law(client, lochem):
    html = get(client, ARTIKEL_2_2)
    link = 'class="utrecht-link wet-artikelen" href="/zoeken/?wet=Wmo">Alle artikelen op grond van de Wmo</a>'
    assert link in html
    assert re.search(r'<a class="utrecht-link" href="https://wetten\.overheid\.nl/[^"]+"[^>]*>Wmo</a>', html)


def test_the_breadcrumb_marks_the_parent_it_folds_to_on_a_phone(client, lochem):
    html = get(client, ARTIKEL_2_2)
    ouder = re.search(
        r'<li class="[^"]*utrecht-breadcrumb-nav__item--ouder"><a [^>]*href="([^"]+)"[^>]*>([^<]+)</a>', html
    )
    assert ouder is not None
    assert ouder.groups() == (f"{LOCHEM_URL}hoofdstuk-2/", "Hoofdstuk 2 De vraag om ondersteuning")
    assert html.count("utrecht-breadcrumb-nav__item--ouder") == 1
