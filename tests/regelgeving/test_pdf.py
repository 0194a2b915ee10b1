"""Tagged PDFs of an article and a whole version, for staff handling a bezwaar."""

import io
import re

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from pypdf import PdfReader
from pypdf.generic import BooleanObject

from regelgeving import pdf as pdf_module
from regelgeving.models import ArtikelPage, GerenderdePdf, RegelingVersiePage
from regelgeving.pdf_files import render_pdf, render_version_pdfs
from tests.paths import LOCHEM_URL

try:
    import weasyprint  # noqa: F401  (needs Pango from the system; `make install` provides it)
except OSError as error:  # pragma: no cover - only on machines without Pango
    pytest.skip(f"WeasyPrint kan Pango niet laden: {error}", allow_module_level=True)

CITEERTITEL = "Artikel 5.2.1 Verordening Sociaal Domein 2026, Gemeenteblad 2025, 538386"


def artikel(nummer):
    return ArtikelPage.objects.get(nummer=nummer)


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    return response


def text_of(reader: PdfReader) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def assert_tagged_pdf_ua(reader: PdfReader, titel: str):
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"] == BooleanObject(True)
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == "nl"
    assert reader.metadata.title == titel
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] == BooleanObject(True)
    assert b"pdfuaid" in reader.xmp_metadata.stream.get_data()  # PDF/UA identification in XMP


def titels(outline) -> list[str]:
    out = []
    for item in outline:
        out.extend(titels(item) if isinstance(item, list) else [item.title])
    return out


def gemaakt_vandaag() -> str:
    return "Gemaakt op " + date_format(timezone.localdate(), "j F Y")


def test_article_page_links_to_its_pdf(client, lochem):
    html = client.get(artikel("5.2.1").url).content.decode()
    assert f'href="{artikel("5.2.1").url}pdf/"' in html and "Download als PDF" in html
    versie_html = client.get(LOCHEM_URL).content.decode()
    assert f'href="{LOCHEM_URL}pdf/"' in versie_html


def test_article_pdf_states_version_validity_citation_and_print_date(client, lochem):
    a = artikel("5.2.1")
    response = download(client, a.url + "pdf/")
    assert response["Content-Disposition"] == (
        'attachment; filename="artikel-5.2.1-verordening-sociaal-domein-2026.pdf"'
    )
    reader = PdfReader(io.BytesIO(response.content))
    text = text_of(reader)
    assert CITEERTITEL in text
    assert "Geldig vanaf 1 januari 2026" in text
    assert "Status: Geldend" in text
    assert gemaakt_vandaag() in text
    assert a.full_url in text.replace(" ", "")  # the permanent URL (wrapped over lines)
    assert "Geschikte woning" in text
    assert_tagged_pdf_ua(reader, CITEERTITEL)


def test_version_pdf_holds_every_article(client, lochem):
    response = download(client, LOCHEM_URL + "pdf/")
    assert response["Content-Disposition"] == 'attachment; filename="verordening-sociaal-domein-2026.pdf"'
    reader = PdfReader(io.BytesIO(response.content))
    text = text_of(reader)
    assert "Verordening Sociaal Domein 2026, Gemeenteblad 2025, 538386" in text
    assert "Geldig vanaf 1 januari 2026" in text and "Status: Geldend" in text
    assert gemaakt_vandaag() in text
    assert lochem.full_url in text.replace(" ", "")
    assert text.index("Artikel 2.2") < text.index("Artikel 5.2.1 Geschikte woning") < text.index("Bijlage 2")
    assert_tagged_pdf_ua(reader, lochem.citeertitel)
    assert len(titels(reader.outline)) > 50  # every heading becomes a bookmark
    assert "Artikel 5.2.1 Geschikte woning" in " ".join(titels(reader.outline))


def sections_of(html: str) -> list[tuple[int, str, list[tuple[int, str]]]]:
    """Each part of a version's PDF: (its heading level, its title, the sub-headings inside it)."""
    section = r'<section class="onderdeel[^"]*" id="[^"]+">\s*<h(\d)>([^<]*)</h\d>(.*?)</section>'
    parts = re.findall(section, html, re.S)
    kop = r'<h(\d) class="utrecht-heading-\d tussenkop">([^<]*)</h\d>'
    return [(int(n), titel, [(int(k), t) for k, t in re.findall(kop, body)]) for n, titel, body in parts]


def test_sub_headings_in_the_version_pdf_sit_one_level_below_their_part(lochem):
    html = pdf_module.versie_html(lochem)  # what WeasyPrint gets
    assert re.search(r"<h1>Verordening Sociaal Domein 2026</h1>", html)
    parts = sections_of(html)
    by_title = {" ".join(titel.split()[:2]): (n, koppen) for n, titel, koppen in parts}  # "Artikel 2.2"
    # A chapter is h2, an article in it h3, an article in a paragraaf h4, each sub-heading one below.
    assert by_title["Hoofdstuk 2"] == (2, [(3, "B. Procedure nadat u uw melding/aanvraag heeft gedaan")])
    assert by_title["Artikel 2.2"] == (3, [(4, "Beoordelen aanvraag"), (4, "A. Inhoud besluit")])
    assert by_title["Artikel 3.3.10"][0] == 4
    for n, titel, koppen in parts:
        assert all(k == min(6, n + 1) for k, _ in koppen), (titel, n, koppen)


def test_sub_headings_in_an_article_pdf_sit_below_the_heading_of_its_text(lochem):
    html = pdf_module.artikel_html(artikel("2.2"))
    assert "<h2 id=\"artikel-tekst-kop\">Tekst van artikel 2.2</h2>" in html
    assert '<h3 class="utrecht-heading-3 tussenkop">Beoordelen aanvraag</h3>' in html
    assert set(re.findall(r'<h(\d) class="utrecht-heading-\d tussenkop"', html)) == {"3"}


def test_pdf_never_fetches_anything_remote():
    fetcher = pdf_module._url_fetcher("http://localhost/")
    with pytest.raises(ValueError):
        fetcher.fetch("https://example.org/logo.png")
    with pytest.raises(ValueError):
        fetcher.fetch("file:///etc/passwd")
    with pytest.raises(ValueError):
        fetcher.fetch("http://localhost/static/../../config/settings.py")
    response = fetcher.fetch("http://localhost/static/css/site.css")
    assert response.content_type == "text/css" and b"@media print" in response.read()


def test_a_draft_version_has_no_public_pdf(client, lochem, importeer):
    concept = importeer("gmb-2026-612345")
    assert not concept.live
    concept_artikel = ArtikelPage.objects.get(versie=concept, nummer="7.4")
    assert client.get(concept.url + "pdf/").status_code == 404
    assert client.get(concept_artikel.url + "pdf/").status_code == 404
    # A live article inside an unpublished version is not downloadable either.
    a = ArtikelPage.objects.get(versie=lochem, nummer="5.2.1")
    RegelingVersiePage.objects.get(pk=lochem.pk).unpublish()
    assert client.get(LOCHEM_URL + "pdf/").status_code == 404
    ArtikelPage.objects.filter(pk=a.pk).update(live=True)
    assert client.get(a.url + "pdf/").status_code == 404


def test_a_pdf_is_rendered_once_and_then_served_with_etag(client, lochem, monkeypatch):
    renders = []
    render = pdf_module._render_pdf
    monkeypatch.setattr(pdf_module, "_render_pdf", lambda *a: renders.append(1) or render(*a))
    url = artikel("5.2.1").url + "pdf/"
    eerste, tweede = download(client, url), download(client, url)
    assert len(renders) == 1
    assert eerste.content == tweede.content
    assert eerste["ETag"] == tweede["ETag"] and eerste["Last-Modified"]
    # A browser that has it asks whether it changed, and gets no body.
    niet_gewijzigd = client.get(url, HTTP_IF_NONE_MATCH=eerste["ETag"])
    assert niet_gewijzigd.status_code == 304 and not niet_gewijzigd.content
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=eerste["Last-Modified"]).status_code == 304
    assert len(renders) == 1


def test_a_republished_text_gets_a_new_pdf(client, lochem):
    url = artikel("5.2.1").url + "pdf/"
    oud = download(client, url)
    a = artikel("5.2.1")
    a.title = "Artikel 5.2.1 Een geschikte woning"
    a.save_revision().publish()
    nieuw = download(client, url)
    assert nieuw["ETag"] != oud["ETag"]
    assert "Een geschikte woning" in text_of(PdfReader(io.BytesIO(nieuw.content)))
    assert client.get(url, HTTP_IF_NONE_MATCH=oud["ETag"]).status_code == 200
    # The rendering of the earlier text is replaced, not kept beside it.
    assert GerenderdePdf.objects.filter(page=a).count() == 1


def test_the_worker_renders_a_published_versions_pdfs(client, lochem, monkeypatch):
    # What is rendered is tested above; here only which PDFs the task stores (WeasyPrint takes
    # seconds per PDF, and a version has dozens of articles).
    monkeypatch.setattr(pdf_module, "_render_pdf", lambda html, root_url: b"%PDF-1.7 " + html[:40].encode())
    assert render_version_pdfs.call(lochem.pk) == 1 + ArtikelPage.objects.filter(versie=lochem).count()
    assert GerenderdePdf.objects.filter(page=lochem).exists()
    assert GerenderdePdf.objects.filter(page=artikel("5.2.1")).exists()
    monkeypatch.setattr(pdf_module, "_render_pdf", None)  # a request now renders nothing
    download(client, artikel("5.2.1").url + "pdf/")
    download(client, LOCHEM_URL + "pdf/")


def test_publishing_a_version_keeps_the_editor_waiting_for_no_pdf(
    lochem, monkeypatch, django_capture_on_commit_callbacks
):
    # With tasks run at once (make run, tests) the publish request would be the "worker": the
    # PDFs are rendered on their first request instead.
    monkeypatch.setattr(pdf_module, "_render_pdf", None)  # rendering now would fail the publish
    with django_capture_on_commit_callbacks(execute=True):
        RegelingVersiePage.objects.get(pk=lochem.pk).save_revision().publish()
    assert not GerenderdePdf.objects.filter(page__in=[lochem.pk]).exists()


def test_with_a_worker_no_request_renders_a_pdf_and_the_visitor_is_told_to_wait(
    client, lochem, monkeypatch, database_tasks, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    monkeypatch.setattr(pdf_module, "_render_pdf", lambda html, root_url: b"%PDF-1.7 " + html[:40].encode())
    url = artikel("5.2.1").url + "pdf/"
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            wachten = client.get(url)
        assert wachten.status_code == 503 and wachten["Retry-After"] == "5"
        page = wachten.content.decode()
        assert "De pdf wordt gemaakt" in page and "vanzelf-verversen.js" in page  # asks again by itself
        assert 'data-ververs-na="5"' in page
    # Two requests, one rendering in the queue: the first claimed it, the second saw the claim.
    queued = DBTaskResult.objects.filter(task_path="regelgeving.pdf_files.render_pdf")
    assert queued.count() == 1
    assert render_pdf.call(artikel("5.2.1").pk) is True  # what the worker does with it
    download(client, url)
