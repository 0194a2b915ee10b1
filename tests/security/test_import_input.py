"""Hostile publications: control characters and articles without text import the same way on
SQLite and PostgreSQL, with a warning in the report; never a traceback."""

import json

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from importers.formats import parse_publicatie
from importers.pipeline import import_bytes
from regelgeving.models import ArtikelPage
from regelgeving.search import statistics
from tests.factories import lochem_gemeente
from tests.paths import LOCHEM, LOCHEM_IDENTIFIER

UPLOAD = "/admin/publicatie-importeren/"
SENTENCE = "Elke mantelzorger kan jaarlijks"


def with_control_characters() -> bytes:
    """The Lochem capture with a NUL and a bell inside a sentence well past its first 4 KB (a NUL
    at the very start makes the file read as binary, which is refused)."""
    text = LOCHEM.read_text(encoding="utf-8")
    assert text.index(SENTENCE) > 4096
    return text.replace(SENTENCE, "Elke mantel\x00zorger\x07kan\x1b jaarlijks").encode("utf-8")


def artikel_texts() -> str:
    pages = ArtikelPage.objects.filter(versie__identifier=LOCHEM_IDENTIFIER)
    return json.dumps([[p.title, p.opschrift, list(p.body.raw_data)] for p in pages], ensure_ascii=False)


def test_control_characters_in_a_text_publication_are_stripped_with_a_warning(db):
    result = import_bytes(
        with_control_characters(),
        "lochem.txt",
        regeling_slug="verordening-sociaal-domein",
        gemeente=lochem_gemeente(),
    )
    warnings = " ".join(result.report["waarschuwingen"])
    assert "stuurtekens" in warnings and "NUL" in warnings
    texts = artikel_texts()
    assert "Elke mantelzorger kan  jaarlijks" in texts  # NUL removed, bell and escape a space each
    assert "\x00" not in texts and "\\u0000" not in texts and "\x07" not in texts


@pytest.mark.parametrize(
    "character", ["\x00", "\x01", "\x08", "\x0b", "\x1f", "\x7f", "\x85", "\x9f"], ids=repr
)
def test_every_control_character_is_handled_alike(character):
    text = LOCHEM.read_text(encoding="utf-8").replace(SENTENCE, f"Elke mantel{character}zorger kan jaarlijks")
    document = parse_publicatie(text.encode("utf-8"), "lochem.txt")
    assert repr(character)[1:-1] not in repr(document)  # no string of the tree holds it
    if not character.isspace():  # whitespace (vertical tab, \x85 ...) is folded like a space anyway
        assert any("stuurtekens" in w for w in document.warnings)


def html_page(article: str) -> bytes:
    return (
        '<html><head><meta name="DC.identifier" content="gmb-2026-999001" />'
        '<meta name="DC.creator" content="Lochem" scheme="OVERHEID.Gemeente" />'
        '<meta name="DC.title" content="Toetsverordening lege artikelen" /></head><body>'
        '<div class="_p_regeling-tekst">'
        '<div class="_p_artikel"><h3 class="_p_kop">Artikel 1 Begrippen</h3>'
        '<p class="_p_al">In deze verordening wordt verstaan onder college: het college.</p></div>'
        f"{article}</div></body></html>"
    ).encode()


EMPTY_ARTICLES = {
    "heading only": '<div class="_p_artikel"><h3 class="_p_kop">Artikel 2 Leeg</h3></div>',
    "empty paragraph": '<div class="_p_artikel"><h3 class="_p_kop">Artikel 2</h3><p class="_p_al"></p></div>',
    "whitespace": '<div class="_p_artikel"><h3 class="_p_kop">Artikel 2</h3><p> \xa0 </p></div>',
    "bold heading only": "<p><b>Artikel 2</b></p>",
}


@pytest.mark.parametrize("article", EMPTY_ARTICLES.values(), ids=EMPTY_ARTICLES.keys())
def test_an_html_article_without_text_becomes_an_empty_page_with_a_warning(db, article):
    result = import_bytes(
        html_page(article), "leeg.html", regeling_slug="toets-lege-artikelen", gemeente=lochem_gemeente()
    )
    warning = "Artikel 2 heeft geen tekst; de pagina is leeg. Kijk de bron na."
    assert warning in result.report["waarschuwingen"]
    artikel = ArtikelPage.objects.get(versie=result.versie, nummer="2")
    assert not list(artikel.body.raw_data)


@pytest.mark.parametrize(
    "data,warning",
    [(html_page(EMPTY_ARTICLES["heading only"]), "geen tekst"), (with_control_characters(), "stuurtekens")],
    ids=["html article without text", "text with a NUL"],
)
def test_the_admin_upload_shows_the_report_not_a_traceback(client, db, data, warning):
    """The editor's upload, imported by the task worker (at once in the tests), and its status page."""
    client.force_login(User.objects.create_superuser("redacteur", "r@example.org", "geheim-wachtwoord"))
    name = "leeg.html" if data.startswith(b"<html") else "lochem.txt"
    response = client.post(
        UPLOAD, {"bestand": SimpleUploadedFile(name, data), "gemeente": lochem_gemeente().pk}
    )
    assert response.status_code == 302 and response["Location"].startswith(UPLOAD)
    status = client.get(response["Location"])
    assert status.status_code == 200
    assert "Importrapport" in status.content.decode() and warning in status.content.decode()


@pytest.mark.parametrize("threshold", [10, 10_000], ids=["large import", "small import"])
def test_a_large_import_renews_the_planner_statistics_on_postgresql(
    db, monkeypatch, django_capture_on_commit_callbacks, threshold
):
    """After the commit (and the search index update), ANALYZE of the page and search tables:
    the planner no longer plans for the tables as they were before the import."""
    monkeypatch.setattr(statistics, "ANALYZE_AFTER", threshold)  # the Lochem verordening has ~150 pages
    with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks(execute=True):
        import_bytes(
            LOCHEM.read_bytes(),
            "lochem.txt",
            regeling_slug="verordening-sociaal-domein",
            gemeente=lochem_gemeente(),
        )
    analyzed = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("ANALYZE")]
    if connection.vendor == "postgresql" and threshold == 10:
        tables = statistics.page_and_search_tables()
        assert {"wagtailcore_page", "regelgeving_artikelpage", "wagtailsearch_indexentry"} <= set(tables)
        assert analyzed == [f'ANALYZE "{table}"' for table in tables]
    else:
        assert analyzed == []
