"""What an inwoner sees over HTTP after the Lochem import, and links that survive moves."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ReferenceIndex

from regelgeving.models import ArtikelPage, BegripPage, DivisiePage
from tests.paths import LOCHEM_URL


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def artikel(nummer):
    return ArtikelPage.objects.get(nummer=nummer)


def test_home_leads_to_the_regelgeving(client, lochem):
    html = get(client, "/")
    assert 'href="/regelgeving/verordening-sociaal-domein/"' in html
    assert 'href="/regelgeving/"' in html


def test_version_page_shows_publication_and_table_of_contents(client, lochem):
    html = get(client, LOCHEM_URL)
    assert "Gemeenteblad 2025, 538386" in html
    assert "1 januari 2026" in html and "10 november 2025" in html
    assert f'href="{LOCHEM_URL}hoofdstuk-6/artikel-6-4/"' in html  # under the recreated chapter 6
    assert f'href="{LOCHEM_URL}bijlage-1/"' in html
    assert f'href="{LOCHEM_URL}begrippen/"' in html
    assert html.index("Hoofdstuk 2") < html.index("Artikel 2.2") < html.index("Hoofdstuk 3")


def test_article_page_keeps_leden_lists_law_tags_and_neighbours(client, lochem):
    html = get(client, artikel("5.2.1").url)
    assert '<span class="artikel-nr">Artikel 5.2.1</span> Geschikte woning' in html
    for nr in range(1, 7):
        assert f'id="lid-{nr}"' in html
    assert '<span class="lijst__nr">b.</span>' in html
    assert 'rel="prev" href="' + artikel("4.5").url in html
    assert 'rel="next" href="' + artikel("5.5").url in html
    assert "Kruimelpad" in html and f'href="{LOCHEM_URL}hoofdstuk-5/"' in html
    law_html = get(client, artikel("2.2").url)
    assert 'href="https://wetten.overheid.nl/BWBR0035362"' in law_html  # Wmo tag


def test_terms_link_to_their_begrip_and_the_begrip_lists_its_articles(client, lochem):
    mantelzorger = BegripPage.objects.get(slug="mantelzorger")
    html = get(client, artikel("5.2.1").url)
    assert f'<a href="{mantelzorger.url}">mantelzorgers</a>' in html
    assert html.count(f'href="{mantelzorger.url}"') == 1  # first use only
    begrip_html = get(client, mantelzorger.url)
    assert "langdurig, vrijwillig en onbetaald" in begrip_html
    assert artikel("5.2.1").url in begrip_html.split("Gebruikt in")[1]


def test_begrippen_a_to_z(client, lochem):
    html = get(client, f"{LOCHEM_URL}begrippen/")
    assert (
        len(re.findall(r'href="/regelgeving/verordening-sociaal-domein/2026/begrippen/[\w-]+/"', html)) == 81
    )
    assert 'id="letter-M"' in html and ">Mantelzorger<" in html


def test_internal_reference_is_a_page_link_the_reference_index_knows(client, lochem):
    target = artikel("3.3.10")
    paragraaf = DivisiePage.objects.get(nummer="3.3")
    assert ReferenceIndex.get_references_to(target).filter(object_id=str(paragraaf.pk)).exists()
    html = get(client, target.url)
    assert paragraaf.url in html.split("Verwijzingen naar dit artikel")[1]


def test_law_references_become_jci_links(client, lochem):
    html = get(client, BegripPage.objects.get(slug="normale-dagelijkse-activiteiten").url)
    # "artikel 1.1.1, eerste lid, van de Wmo": the Wmo's article, at the lid the text names.
    assert 'href="https://wetten.overheid.nl/jci1.3:c:BWBR0035362&amp;artikel=1.1.1&amp;lid=1"' in html


def test_moving_a_page_keeps_the_links_to_it(client, lochem):
    target = artikel("3.3.10")
    new_parent = DivisiePage.objects.get(soort="hoofdstuk", nummer="4")
    target.move(new_parent, pos="last-child")
    moved = artikel("3.3.10")
    assert moved.url.startswith(f"{LOCHEM_URL}hoofdstuk-4/")
    html = get(client, DivisiePage.objects.get(nummer="3.3").url)
    assert f'href="{moved.url}"' in html


@pytest.mark.parametrize("small, large", [("3.3.10", "3.3.12"), ("4.5", "4.2")])
def test_article_query_count_does_not_grow_with_text(client, lochem, small, large):
    """Two articles at the same depth: more linked paragraphs must not cost more queries."""
    assert len(artikel(large).body) > len(artikel(small).body)
    counts = []
    for nummer in (small, large):
        client.get(artikel(nummer).url)  # warm the site-root cache
        with CaptureQueriesContext(connection) as queries:
            client.get(artikel(nummer).url)
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_unknown_page_is_a_404(client, lochem):
    assert client.get(f"{LOCHEM_URL}artikel-99-99/").status_code == 404


def test_an_op_regulation_imports_into_linked_pages(client, db):
    """OP XML shaped like a real verordening, imported end to end and read over HTTP."""
    from django.core.management import call_command

    from tests.paths import DATA

    call_command(
        "import_publicatie",
        "--gemeente",
        "lochem",
        str(DATA / "op-regeling-handgeschreven.xml"),
        "--regeling",
        "op",
    )
    versie = get(client, "/regelgeving/op/2026/")
    assert "Gemeenteblad 2025, 538386" in versie and "1 januari 2026" in versie
    art = ArtikelPage.objects.get(nummer="2.1", url_path__contains="/op/")
    html = get(client, art.url)
    # "artikel 2.2 van deze verordening"
    assert f'href="{ArtikelPage.objects.get(nummer="2.2", versie=art.versie).url}"' in html
    assert 'href="https://wetten.overheid.nl/jci1.3:c:BWBR0035362&amp;artikel=1.1.1"' in html
    assert f'href="{BegripPage.objects.get(slug="mantelzorger", versie=art.versie).url}"' in html
    assert {w.afkorting for w in art.wetten.all()} == {"Jeugdwet", "Wmo"}
    assert '<span class="lijst__nr">b.</span>' in html
