"""The pages a municipal website must have: the toegankelijkheidsverklaring and the
privacyverklaring (linked from every footer), and Dutch pages for an unknown address and for a
server error."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.template.loader import render_to_string
from wagtail.models import Page

from regelgeving.models import InformatiePage
from regelgeving.models.informatie import PRIVACYVERKLARING, TOEGANKELIJKHEIDSVERKLARING


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_setup_demo_publishes_both_statements_in_dutch(client, db):
    toegankelijkheid = InformatiePage.objects.live().get(soort=TOEGANKELIJKHEIDSVERKLARING)
    privacy = InformatiePage.objects.live().get(soort=PRIVACYVERKLARING)

    html = get(client, toegankelijkheid.url)
    assert "<h1" in html and "Toegankelijkheidsverklaring" in html
    assert "voldoet gedeeltelijk" in html.lower()
    assert "axe-core" in html and "toetsenbord" in html
    assert "Loopt u ergens tegenaan?" in html  # how to report a problem
    assert "Laatst bijgewerkt op " in html

    html = get(client, privacy.url)
    assert "Privacyverklaring" in html
    # What is stored, on which ground, for how long, how it is protected, the rights, whom to ask.
    assert "mantelzorgcompliment" in html.lower() and "bankrekening" in html
    assert "artikel 6, lid 1, onder e van de AVG" in html and "toestemming" in html
    assert "730 dagen (twee jaar)" in html and "30 minuten" in html
    assert "versleuteld" in html
    assert "inzien, laten verbeteren of laten verwijderen" in html
    assert "functionaris gegevensbescherming van" in html  # the gemeente's, not a made-up name
    assert "Autoriteit" in html


def test_setup_demo_again_keeps_the_statements_and_an_editors_changes(db):
    privacy = InformatiePage.objects.get(soort=PRIVACYVERKLARING)
    privacy.body = "<p>Door de redactie aangepast.</p>"
    privacy.save_revision().publish()

    call_command("setup_demo", "--gemeente", "lochem", stdout=io.StringIO())

    assert InformatiePage.objects.filter(soort=PRIVACYVERKLARING).count() == 1
    assert InformatiePage.objects.filter(soort=TOEGANKELIJKHEIDSVERKLARING).count() == 1
    assert InformatiePage.objects.get(pk=privacy.pk).body == "<p>Door de redactie aangepast.</p>"


def test_a_second_statement_of_the_same_kind_is_refused_with_a_dutch_message(db):
    home = Page.objects.get(depth=2)
    dubbel = InformatiePage(title="Nog een privacyverklaring", slug="privacy-2", soort=PRIVACYVERKLARING)
    with pytest.raises(ValidationError, match="Er is al een privacyverklaring"):
        home.add_child(instance=dubbel)


def footer_links(html: str) -> bool:
    footer = html[html.index('<footer class="site-footer">') :]
    toegankelijkheid = InformatiePage.objects.get(soort=TOEGANKELIJKHEIDSVERKLARING).url
    privacy = InformatiePage.objects.get(soort=PRIVACYVERKLARING).url
    return f'href="{toegankelijkheid}"' in footer and f'href="{privacy}"' in footer


def test_every_page_type_links_both_statements_in_its_footer(client, lochem):
    """One published page of every page type, the search page and the 404."""
    urls = {}
    for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
        urls.setdefault(type(page).__name__, page.url)
    assert {"HomePage", "ArtikelPage", "BegripPage", "FlowPage", "LoketPage", "InformatiePage"} <= set(urls)
    for url in [*urls.values(), "/zoeken/?q=mantelzorger"]:
        assert footer_links(get(client, url)), url
    assert footer_links(client.get("/bestaat-niet/").content.decode())


def test_an_unknown_address_gets_a_dutch_page_with_search_and_ways_on(client, db):
    response = client.get("/regelgeving/bestaat-niet/")
    html = response.content.decode()

    assert response.status_code == 404
    assert "Not Found" not in html
    assert '<html lang="nl"' in html and "Deze pagina bestaat niet" in html
    assert 'action="/zoeken/"' in html and 'name="q"' in html
    assert 'href="/"' in html and 'href="/regelgeving/"' in html and 'href="/loket/"' in html


@pytest.mark.urls("tests.regelgeving.raising_urls")
def test_a_server_error_gets_a_dutch_page_in_the_sites_layout(client, db):
    client.raise_request_exception = False
    response = client.get("/test-kapot/")
    html = response.content.decode()

    assert response.status_code == 500
    assert "Server Error" not in html and "Traceback" not in html
    assert '<html lang="nl"' in html and "Er ging iets mis" in html
    assert "css/site.css" in html and 'class="site-header"' in html
    assert 'action="/zoeken/"' in html and 'href="/loket/"' in html


def test_the_error_page_renders_without_request_or_database(db, django_assert_num_queries):
    """Django renders 500.html without context processors; it must not need them, nor the database
    that may be the reason of the error."""
    with django_assert_num_queries(0):
        html = render_to_string("500.html")
    assert "Er ging iets mis" in html
