"""Editors import a publication by uploading it in the Wagtail admin."""

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from regelgeving.models import ArtikelPage, RegelingVersiePage
from tests.importers.support import PACKAGE, zip_folder, zip_of
from tests.paths import LOCHEM

URL = "/admin/publicatie-importeren/"


def test_editor_uploads_a_publication_and_sees_the_report(client, db):
    client.force_login(User.objects.create_superuser("redacteur", "r@example.org", "geheim-wachtwoord"))
    upload = SimpleUploadedFile("lochem.txt", LOCHEM.read_bytes(), content_type="text/plain")
    response = client.post(URL, {"bestand": upload, "regeling": "verordening-sociaal-domein"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Importrapport" in html and "gmb-2025-538386" in html
    assert "/regelgeving/verordening-sociaal-domein/2026/" in html
    assert RegelingVersiePage.objects.filter(identifier="gmb-2025-538386").exists()
    # Why it joined this regeling, and what the editor should check in a capture.
    assert "Volgende versie van &#x27;Verordening Sociaal Domein&#x27;" in html
    assert "Nakijken: tekst die mogelijk bij een ander artikel hoort" in html and "Artikel 5.2.1:" in html


def test_a_bad_upload_shows_the_error_and_stores_nothing(client, rijen_per_tabel):
    client.force_login(User.objects.create_superuser("redacteur", "r@example.org", "geheim-wachtwoord"))
    voor = rijen_per_tabel()
    upload = SimpleUploadedFile("boom.xml", b'<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')
    html = client.post(URL, {"bestand": upload}).content.decode()
    assert "DOCTYPE" in html
    assert rijen_per_tabel() == voor


def test_dry_run_upload_stores_nothing(client, rijen_per_tabel):
    client.force_login(User.objects.create_superuser("redacteur", "r@example.org", "geheim-wachtwoord"))
    voor = rijen_per_tabel()
    upload = SimpleUploadedFile("lochem.txt", LOCHEM.read_bytes())
    html = client.post(URL, {"bestand": upload, "proef": "on"}).content.decode()
    assert "Proefimport" in html
    assert rijen_per_tabel() == voor


def test_only_editors_may_import(client, db):
    client.force_login(User.objects.create_user("inwoner", "i@example.org", "geheim-wachtwoord"))
    response = client.get(URL)
    assert response.status_code in (302, 403)


def test_editors_can_open_imported_pages_in_the_admin(client, lochem):
    from regelgeving.models import ArtikelPage, BegripPage, Wet

    client.force_login(User.objects.create_superuser("redacteur", "r@example.org", "geheim-wachtwoord"))
    for page in (
        ArtikelPage.objects.get(nummer="5.2.1"),
        BegripPage.objects.get(slug="mantelzorger"),
        lochem,
    ):
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, page
    wmo = Wet.objects.get(afkorting="Wmo")
    assert client.get(f"/admin/snippets/regelgeving/wet/edit/{wmo.pk}/").status_code == 200


def test_editor_uploads_a_stop_download_package_as_zip(client, db):
    client.force_login(User.objects.create_superuser("redacteur", "r@example.org", "geheim-wachtwoord"))
    upload = SimpleUploadedFile("omgevingsplan.zip", zip_folder(PACKAGE), content_type="application/zip")
    html = client.post(URL, {"bestand": upload}).content.decode()
    assert "Importrapport" in html and "reg456RGL-20210604-150105" in html
    versie = RegelingVersiePage.objects.get(identifier__endswith="reg456RGL-20210604-150105/nld@1")
    assert ArtikelPage.objects.filter(versie=versie).count() == 22


def test_a_hostile_zip_upload_shows_the_error_and_stores_nothing(client, rijen_per_tabel):
    client.force_login(User.objects.create_superuser("redacteur", "r@example.org", "geheim-wachtwoord"))
    voor = rijen_per_tabel()
    upload = SimpleUploadedFile("pakket.zip", zip_of({"../../buiten.xml": b"<a/>", "b.xml": b"<b/>"}))
    html = client.post(URL, {"bestand": upload}).content.decode()
    assert "pad buiten het pakket" in html
    assert rijen_per_tabel() == voor
