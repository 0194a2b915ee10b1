"""One canonical address (SITE_URL): permanent links, citations, PDFs and API URLs are built from
it, and Wagtail's default site follows it."""

import re
from urllib.parse import urlsplit

import pytest
from django.test import override_settings
from wagtail.models import Site

from regelgeving.models import ArtikelPage
from regelgeving.site_setup import sync_default_site
from tests.paths import REGELING


def artikel(lochem, nummer="7.4"):
    return ArtikelPage.objects.get(versie=lochem, nummer=nummer)


def test_links_on_an_article_page_are_the_site_url_both_stable_and_this_version(client, lochem, settings):
    page = client.get(artikel(lochem).url).content.decode()
    assert settings.SITE_URL == "http://127.0.0.1:8000"
    assert f'href="{settings.SITE_URL}{REGELING}artikel/7.4/"' in page  # today's text, whatever version
    assert f'href="{settings.SITE_URL}{REGELING}2026/hoofdstuk-7/artikel-7-4/"' in page  # this version
    assert "http://localhost/" not in page


def test_the_api_gives_the_site_url(client, lochem, settings):
    item = client.get("/api/v2/pages/?type=regelgeving.ArtikelPage&nummer=7.4").json()["items"][0]
    assert item["meta"]["html_url"].startswith(f"{settings.SITE_URL}/regelgeving/")
    assert item["meta"]["detail_url"].startswith(f"{settings.SITE_URL}/api/v2/pages/")


@override_settings(SITE_URL="https://regels.example.nl")
def test_a_new_site_url_moves_every_permanent_link(client, lochem):
    sync_default_site()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("regels.example.nl", 443)
    assert (
        artikel(lochem).full_url
        == "https://regels.example.nl/regelgeving/verordening-sociaal-domein/2026/hoofdstuk-7/artikel-7-4/"
    )
    assert 'href="https://regels.example.nl/regelgeving/verordening-sociaal-domein/artikel/7.4/"' in (
        client.get(artikel(lochem).url).content.decode()
    )


def test_the_pdf_names_the_site_url(client, lochem, settings):
    pytest.importorskip("weasyprint", exc_type=OSError)
    import io

    from pypdf import PdfReader

    response = client.get(artikel(lochem).url + "pdf/")
    if response.status_code != 200:
        pytest.skip("pdf-downloads niet beschikbaar (Pango ontbreekt)")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert (
        "127.0.0.1:8000/regelgeving/verordening-sociaal-domein/2026/hoofdstuk-7/artikel-7-4"
        in text.replace("\n", "")
    )


def test_the_permanent_links_open(client, lochem, settings):
    page = client.get(artikel(lochem).url).content.decode()
    links = re.findall(rf'href="({re.escape(settings.SITE_URL)}/[^"]+)"', page)
    assert len(links) >= 2
    for link in links:
        response = client.get(urlsplit(link).path, follow=True)
        assert response.status_code == 200, link
        assert "alleenstaanden 40%" in response.content.decode()
