"""An editor imports for their own gemeente: the upload form offers only it, and another
gemeente's uploads (their status page, with the file name and the report) are not found."""

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from importers.models import Importopdracht
from tests.factories import lochem_gemeente

URL = "/admin/publicatie-importeren/"


def redacteur(gemeente, naam: str) -> User:
    user = User.objects.create_user(naam, f"{naam}@example.org", "geheim-wachtwoord")
    user.groups.add(gemeente.redacteuren)
    return user


@pytest.fixture
def upload_van_lochem(heemstede, db):
    """An upload a Lochem editor made for Lochem, which failed (its status page says why)."""
    return Importopdracht.objects.create(
        bestandsnaam="lochem-geheim.xml",
        gemeente=lochem_gemeente(),
        door=redacteur(lochem_gemeente(), "redacteur-lochem"),
        status=Importopdracht.MISLUKT,
        fout="Het bestand is geen publicatie.",
        klaar_op=timezone.now(),
    )


def test_another_gemeentes_upload_is_not_found(client, heemstede, upload_van_lochem):
    client.force_login(upload_van_lochem.door)
    assert "lochem-geheim.xml" in client.get(f"{URL}{upload_van_lochem.pk}/").content.decode()
    client.force_login(redacteur(heemstede, "redacteur-heemstede"))
    response = client.get(f"{URL}{upload_van_lochem.pk}/")
    assert response.status_code == 404 and b"lochem-geheim" not in response.content


def test_the_upload_form_offers_the_editors_own_gemeente_only(client, heemstede, rijen_per_tabel):
    client.force_login(redacteur(heemstede, "redacteur-heemstede"))
    form = client.get(URL).content.decode()
    assert "Gemeente Heemstede" in form and "Gemeente Lochem" not in form
    voor = rijen_per_tabel()
    upload = SimpleUploadedFile("lochem.txt", b"Gemeenteblad", content_type="text/plain")
    response = client.post(URL, {"bestand": upload, "gemeente": lochem_gemeente().pk})
    assert response.status_code == 200 and "Selecteer een geldige keuze" in response.content.decode()
    assert rijen_per_tabel() == voor
