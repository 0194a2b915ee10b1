"""Editors import a publication by uploading it in the Wagtail admin: the upload is stored, the task
worker imports it (with the immediate backend of the tests: at once), and a status page shows the report."""

import re
from datetime import timedelta

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from importers.models import Importopdracht
from importers.pipeline import import_bytes
from regelgeving.models import ArtikelPage, RegelingVersiePage
from tests.factories import lochem_gemeente
from tests.importers.support import PACKAGE, zip_folder, zip_of
from tests.paths import LOCHEM, SAMPLES

URL = "/admin/publicatie-importeren/"


def upload_and_follow(client, upload, **fields) -> str:
    """Upload as an editor does; the answer leads to the status page, which is returned."""
    response = client.post(URL, {"bestand": upload, "gemeente": lochem_gemeente().pk, **fields})
    assert response.status_code == 302 and response["Location"].startswith(URL)
    status = client.get(response["Location"])
    assert status.status_code == 200
    return status.content.decode()


def report_links_resolve(client, html: str) -> list[str]:
    """Every link in the import report, each opened by the editor; returns them."""
    report = html.split('aria-labelledby="rapport"')[1].split("</section>")[0]
    links = re.findall(r'href="([^"]+)"', report)
    for link in links:
        assert client.get(link.replace("&amp;", "&"), follow=True).status_code == 200, link
    return links


def zonder_opdrachten(tellingen: dict) -> dict:
    """The row counts but that of the uploads: a failed one stays, without its bytes, for the editor."""
    return {tabel: n for tabel, n in tellingen.items() if tabel != "importers.Importopdracht"}


def test_editor_uploads_a_publication_and_sees_the_report(client, db):
    client.force_login(User.objects.create_superuser("redacteur", "r@example.org", "geheim-wachtwoord"))
    upload = SimpleUploadedFile("lochem.txt", LOCHEM.read_bytes(), content_type="text/plain")
    html = upload_and_follow(client, upload, regeling="verordening-sociaal-domein")
    assert "Verordening Sociaal Domein 2026 is geïmporteerd" in html
    assert "Importrapport" in html and "gmb-2025-538386" in html
    assert "/regelgeving/verordening-sociaal-domein/2026/" in html
    assert RegelingVersiePage.objects.filter(identifier="gmb-2025-538386").exists()
    # Why it joined this regeling, and what the editor should check in a capture.
    assert "Volgende versie van &#x27;Verordening Sociaal Domein&#x27;" in html
    assert "Nakijken: tekst die mogelijk bij een ander artikel hoort" in html and "Artikel 5.2.1:" in html
    # The uploaded bytes are gone once imported; the finished page no longer reloads itself.
    assert bytes(Importopdracht.objects.get().bestand) == b""
    assert "data-ververs-na" not in html


def test_the_upload_form_names_the_regeling_field_in_plain_dutch(client, db):
    client.force_login(User.objects.create_superuser("redacteur", "r@example.org", "geheim-wachtwoord"))
    form = client.get(URL).content.decode()
    assert "Adres van de regeling" in form and "verordening-sociaal-domein" in form
    assert "(slug)" not in form


def test_a_bad_upload_shows_the_error_and_stores_nothing(client, rijen_per_tabel):
    client.force_login(User.objects.create_superuser("redacteur", "r@example.org", "geheim-wachtwoord"))
    voor = rijen_per_tabel()
    upload = SimpleUploadedFile("boom.xml", b'<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')
    html = upload_and_follow(client, upload)
    assert "DOCTYPE" in html and "mislukt" in html
    assert zonder_opdrachten(rijen_per_tabel()) == zonder_opdrachten(voor)
    assert bytes(Importopdracht.objects.get().bestand) == b""


def test_dry_run_upload_stores_nothing(client, rijen_per_tabel):
    client.force_login(User.objects.create_superuser("redacteur", "r@example.org", "geheim-wachtwoord"))
    lang_geleden = timezone.now() - timedelta(days=31)
    oud = Importopdracht.objects.create(bestandsnaam="oud.txt", status="klaar", klaar_op=lang_geleden)
    voor = rijen_per_tabel()
    upload = SimpleUploadedFile("lochem.txt", LOCHEM.read_bytes())
    html = upload_and_follow(client, upload, proef="on")
    assert not Importopdracht.objects.filter(pk=oud.pk).exists()  # a finished upload goes after 30 days
    assert "Proefimport: er is niets opgeslagen" in html
    assert zonder_opdrachten(rijen_per_tabel()) == zonder_opdrachten(voor)
    # The report points to nothing that was rolled back.
    assert report_links_resolve(client, html) == []
    assert "bekijk de versie" not in html and "niets opgeslagen, dus nog niets te bekijken" in html


def test_report_of_a_draft_version_links_to_it_in_the_admin(client, lochem, derived_version):
    client.force_login(User.objects.create_superuser("redacteur", "r@example.org", "geheim-wachtwoord"))
    result = import_bytes(
        derived_version("gmb-2026-612345"),
        "gmb-2026-612345",
        regeling_slug="verordening-sociaal-domein",
        gemeente=lochem_gemeente(),
    )
    v2027 = result.versie
    assert not v2027.live  # a new version arrives as a draft: its public address is not there yet
    opdracht = Importopdracht.objects.create(
        bestandsnaam="2027.xml", status="klaar", klaar_op=timezone.now(), rapport=result.report
    )
    html = client.get(f"{URL}{opdracht.pk}/").content.decode()
    assert report_links_resolve(client, html) == [f"/admin/pages/{v2027.pk}/edit/"]


def test_only_editors_may_import(client, db):
    client.force_login(User.objects.create_user("inwoner", "i@example.org", "geheim-wachtwoord"))
    response = client.get(URL)
    assert response.status_code in (302, 403)
    opdracht = Importopdracht.objects.create(bestandsnaam="lochem.txt")
    assert client.get(f"{URL}{opdracht.pk}/").status_code in (302, 403)


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
    html = upload_and_follow(client, upload)
    assert "Importrapport" in html and "reg456RGL-20210604-150105" in html
    versie = RegelingVersiePage.objects.get(identifier__endswith="reg456RGL-20210604-150105/nld@1")
    assert ArtikelPage.objects.filter(versie=versie).count() == 22


def test_a_hostile_zip_upload_shows_the_error_and_stores_nothing(client, rijen_per_tabel):
    client.force_login(User.objects.create_superuser("redacteur", "r@example.org", "geheim-wachtwoord"))
    voor = rijen_per_tabel()
    upload = SimpleUploadedFile("pakket.zip", zip_of({"../../buiten.xml": b"<a/>", "b.xml": b"<b/>"}))
    html = upload_and_follow(client, upload)
    assert "pad buiten het pakket" in html
    assert zonder_opdrachten(rijen_per_tabel()) == zonder_opdrachten(voor)


def test_a_waiting_upload_shows_its_progress_and_reloads_itself(client, db):
    client.force_login(User.objects.create_superuser("redacteur", "r@example.org", "geheim-wachtwoord"))
    opdracht = Importopdracht.objects.create(bestandsnaam="lochem.txt", bestand=b"...")
    html = client.get(f"{URL}{opdracht.pk}/").content.decode()
    assert "lochem.txt: in de wachtrij" in html and "ververst zich vanzelf" in html
    # It asks again every 3 seconds by itself (site/static/js/vanzelf-verversen.js), no timed reload.
    assert 'data-ververs-na="3"' in html and "vanzelf-verversen.js" in html
    assert 'http-equiv="refresh"' not in html
    stap = "Publicatie lezen (stap 1 van 2)"
    Importopdracht.objects.filter(pk=opdracht.pk).update(status="bezig", stap=stap)
    html = client.get(f"{URL}{opdracht.pk}/").content.decode()
    assert "Bezig: Publicatie lezen (stap 1 van 2)" in html and 'data-ververs-na="3"' in html


def test_with_a_worker_the_upload_waits_in_the_queue_until_the_worker_imports_it(client, db, database_tasks):
    client.force_login(User.objects.create_superuser("redacteur", "r@example.org", "geheim-wachtwoord"))
    upload = SimpleUploadedFile("pakket.zip", zip_of({"../../buiten.xml": b"<a/>", "b.xml": b"<b/>"}))
    status_url = client.post(URL, {"bestand": upload, "gemeente": lochem_gemeente().pk})["Location"]
    assert "pakket.zip: in de wachtrij" in client.get(status_url).content.decode()
    taak = DBTaskResult.objects.get(task_path="importers.tasks.import_upload")
    taak.task.call(*taak.args_kwargs["args"])  # what the worker does with it
    html = client.get(status_url).content.decode()
    assert "pakket.zip: mislukt" in html and "pad buiten het pakket" in html


def bundel_zip() -> bytes:
    """A zip of two publications and a file that is none."""
    return zip_of({
        "cvdr/CVDR100394_2.xml": (SAMPLES / "cvdr" / "CVDR100394_2.xml").read_bytes(),
        "op/bgr-2024-715.xml": (SAMPLES / "op-gmb" / "bgr-2024-715.xml").read_bytes(),
        "notities.pdf": b"%PDF-1.4",
    })


def test_editor_uploads_a_zip_of_publications_and_sees_each_and_the_summary(client, db):
    client.force_login(User.objects.create_superuser("redacteur", "r@example.org", "geheim-wachtwoord"))
    upload = SimpleUploadedFile("regelgeving.zip", bundel_zip(), content_type="application/zip")
    html = upload_and_follow(client, upload)
    assert "Publicaties: 3 van 3 verwerkt" in html and '<progress max="3" value="3"' in html
    assert "Geïmporteerd: 2" in html and "Geweigerd: 1" in html and "Ongewijzigd (overgeslagen): 0" in html
    assert "cvdr/CVDR100394_2.xml: geïmporteerd – Beleidsregels verkeersveiligheid en parkeren" in html
    assert "notities.pdf: geweigerd – Onbekend bestandstype (.pdf)" in html
    assert "data-ververs-na=" not in html
    links = re.findall(r'<a href="(/regelgeving/[^"]+)">bekijk de versie', html)
    assert len(links) == 2 and all(client.get(link).status_code == 200 for link in links)
    # The same zip again: nothing new, each publication reported as unchanged.
    html = upload_and_follow(client, SimpleUploadedFile("regelgeving.zip", bundel_zip()))
    assert "Ongewijzigd (overgeslagen): 2" in html and "Geïmporteerd: 0" in html


def test_a_zip_of_publications_shows_its_progress_while_the_worker_imports(client, db, database_tasks):
    client.force_login(User.objects.create_superuser("redacteur", "r@example.org", "geheim-wachtwoord"))
    upload = SimpleUploadedFile("regelgeving.zip", bundel_zip())
    status_url = client.post(URL, {"bestand": upload, "gemeente": lochem_gemeente().pk})["Location"]
    upload_taak = DBTaskResult.objects.get(task_path="importers.tasks.import_upload")
    upload_taak.task.call(*upload_taak.args_kwargs["args"])  # the worker splits the zip
    html = client.get(status_url).content.decode()
    assert "Bezig: 1 van 3 publicaties verwerkt" in html and "data-ververs-na=" in html
    assert "notities.pdf: geweigerd" in html and "Samenvatting" not in html
    taken = DBTaskResult.objects.filter(task_path="importers.tasks.import_bestand")
    assert taken.count() == 2
    for taak in taken:
        taak.task.call(*taak.args_kwargs["args"])
    html = client.get(status_url).content.decode()
    assert "regelgeving.zip: klaar" in html and "Publicaties: 3 van 3 verwerkt" in html
    assert "Samenvatting" in html and "Geïmporteerd: 2" in html
